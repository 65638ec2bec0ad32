package dev.jcompose.planner;

import dev.jcompose.model.Build;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.BuildSpec;
import dev.jcompose.planner.plan.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine builds for a service: its build section as a {@link BuildSpec}, tagged and
 * labelled as docker compose tags and labels built images, and a warning for the build options
 * the engine's classic builder ignores.
 */
public final class BuildSpecs {

    private BuildSpecs() {
    }

    /**
     * What to build for {@code s}: its build section, tagged {@code project-service} (or its
     * {@code image:}) and its {@code build.tags}, labelled as compose labels built images.
     *
     * @param extraArgs build arguments overriding the service's ({@code --build-arg})
     */
    public static BuildSpec buildSpec(Project project, Service s, Map<String, String> extraArgs,
            boolean noCache, boolean pull) {
        Build b = s.build();
        String context = b.context() == null ? "." : b.context();
        if (context.contains("://") || context.startsWith("git@")
                || context.startsWith("github.com/")) {
            throw new PlanException("service " + s.name() + ": build.context " + context
                    + " is a remote context, which jcompose does not build yet; clone it and "
                    + "point build.context at the directory");
        }
        List<String> tags = new ArrayList<>();
        tags.add(s.imageName(project.name()));
        for (String t : b.tags()) {
            if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        Map<String, String> args = new LinkedHashMap<>();
        b.args().forEach((k, v) -> {
            if (v != null) {
                args.put(k, v);
            }
        });
        extraArgs.forEach((k, v) -> {
            if (v != null) {
                args.put(k, v);
            }
        });
        Map<String, String> labels = new LinkedHashMap<>(b.labels());
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.SERVICE, s.name());
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        if (b.platforms().size() > 1) {
            throw new PlanException("service " + s.name() + ": build.platforms lists "
                    + b.platforms().size() + " platforms " + b.platforms() + ", but the engine's "
                    + "builder builds one platform at a time; keep one");
        }
        if (s.platform() != null && !b.platforms().isEmpty()
                && !b.platforms().contains(s.platform())) {
            throw new PlanException("service " + s.name() + ": platform " + s.platform()
                    + " must be one of build.platforms " + b.platforms());
        }
        String platform = b.platforms().isEmpty() ? s.platform() : b.platforms().get(0);
        return new BuildSpec(Path.of(context),
                b.dockerfile() == null ? "Dockerfile" : b.dockerfile(), b.dockerfileInline(),
                args, b.target(), tags, labels, noCache || Boolean.TRUE.equals(b.noCache()),
                pull || Boolean.TRUE.equals(b.pull()), b.network(), b.extraHosts(), b.shmSize(),
                platform, b.cacheFrom());
    }

    /** Build options only BuildKit has: the classic builder we drive ignores them; say so. */
    static void warnUnsupported(Plan.Builder plan, Service s) {
        Build b = s.build();
        List<String> ignored = new ArrayList<>();
        if (!b.ssh().isEmpty()) {
            ignored.add("ssh");
        }
        if (!b.secrets().isEmpty()) {
            ignored.add("secrets");
        }
        if (!b.additionalContexts().isEmpty()) {
            ignored.add("additional_contexts");
        }
        if (!b.cacheTo().isEmpty()) {
            ignored.add("cache_to");
        }
        if (!b.entitlements().isEmpty()) {
            ignored.add("entitlements");
        }
        if (Boolean.TRUE.equals(b.privileged())) {
            ignored.add("privileged");
        }
        if (!b.ulimits().isEmpty()) {
            ignored.add("ulimits");
        }
        if (b.isolation() != null) {
            ignored.add("isolation");
        }
        if (!ignored.isEmpty()) {
            plan.warn("service " + s.name() + ": build." + String.join(", build.", ignored)
                    + (ignored.size() == 1 ? " needs" : " need") + " BuildKit; the engine's "
                    + "classic builder, which jcompose drives, ignores "
                    + (ignored.size() == 1 ? "it" : "them"));
        }
    }
}
