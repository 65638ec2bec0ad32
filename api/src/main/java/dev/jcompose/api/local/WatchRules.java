package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import dev.jcompose.model.Develop;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.runtime.DockerIgnore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The watch rules of the watched services, each with its filter. */
final class WatchRules {

    /** A rule of a service, and which changes it takes. */
    record Rule(String service, Develop.Watch watch, WatchFilter filter) {

        Develop.Action action() {
            return watch.kind();
        }

        /** Where the host file {@code rel} (relative to the rule's path) goes in a container. */
        String target(String rel) {
            String base = watch.target().endsWith("/") && watch.target().length() > 1
                    ? watch.target().substring(0, watch.target().length() - 1) : watch.target();
            return rel.isEmpty() ? base : base + "/" + rel;
        }
    }

    /** A change a rule takes: the host path and its path relative to the rule's. */
    record Match(Rule rule, Path file, String relative) { }

    private final Map<String, List<Rule>> byService;

    private WatchRules(Map<String, List<Rule>> byService) {
        this.byService = byService;
    }

    /**
     * The rules of {@code services} (empty: every service with {@code develop.watch}).
     *
     * @throws ComposeException when no selected service has watch rules, or a named service
     *                          does not exist
     */
    static WatchRules of(Project project, List<String> services) {
        Map<String, List<Rule>> out = new LinkedHashMap<>();
        List<String> names = services.isEmpty() ? project.serviceNames() : services;
        for (String name : names) {
            Service s = project.services().get(name);
            if (s == null) {
                throw new ComposeException("no such service: " + name);
            }
            if (s.develop() == null || s.develop().watch().isEmpty()) {
                continue;
            }
            Path context = context(s);
            DockerIgnore contextIgnore = contextIgnore(context);
            List<Rule> rules = new ArrayList<>();
            for (Develop.Watch w : s.develop().watch()) {
                rules.add(new Rule(name, w, WatchFilter.of(w, context, contextIgnore)));
            }
            out.put(name, List.copyOf(rules));
        }
        if (out.isEmpty()) {
            throw new ComposeException("none of the selected services is configured for watch:"
                    + " add a develop.watch section to one (see 'jcompose watch --help')");
        }
        return new WatchRules(out);
    }

    private static Path context(Service s) {
        if (s.build() == null || s.build().context() == null
                || s.build().context().contains("://")) {
            return null;
        }
        return Path.of(s.build().context());
    }

    private static DockerIgnore contextIgnore(Path context) {
        if (context == null) {
            return DockerIgnore.empty();
        }
        try {
            return DockerIgnore.read(context.resolve(".dockerignore"));
        } catch (IOException | DockerIgnore.InvalidPattern e) {
            throw new ComposeException("cannot read " + context.resolve(".dockerignore") + ": "
                    + e.getMessage(), e);
        }
    }

    List<String> services() {
        return List.copyOf(byService.keySet());
    }

    List<Rule> of(String service) {
        return byService.getOrDefault(service, List.of());
    }

    /** The host paths watched: each rule's path. */
    List<Path> roots() {
        return byService.values().stream().flatMap(List::stream)
                .map(r -> r.filter().root()).distinct().toList();
    }

    /** The rules that take the change of {@code file}, by service in file order. */
    Map<String, List<Match>> match(Path file) {
        Map<String, List<Match>> out = new LinkedHashMap<>();
        byService.forEach((service, rules) -> {
            for (Rule r : rules) {
                Optional<String> rel = r.filter().relative(file);
                rel.ifPresent(s -> out.computeIfAbsent(service, k -> new ArrayList<>())
                        .add(new Match(r, file, s)));
            }
        });
        return out;
    }
}
