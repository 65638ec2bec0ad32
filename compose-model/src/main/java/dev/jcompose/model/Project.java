package dev.jcompose.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A loaded compose project: what {@code config} prints, plus where it came from. Immutable;
 * {@code withX} methods return changed copies.
 */
public record Project(
        String name,
        Map<String, Service> services,
        Map<String, Network> networks,
        Map<String, Volume> volumes,
        Map<String, FileObject> secrets,
        Map<String, FileObject> configs,
        Map<String, Model> models,
        @Yaml.Extensions Map<String, Object> extensions,
        @Yaml.Internal Path workingDir,
        @Yaml.Internal List<Path> configFiles,
        @Yaml.Internal Map<String, String> environment,
        @Yaml.Internal Map<String, Service> disabledServices,
        @Yaml.Internal List<String> activeProfiles) {

    public Project {
        services = Coll.map(services);
        networks = Coll.map(networks);
        volumes = Coll.map(volumes);
        secrets = Coll.map(secrets);
        configs = Coll.map(configs);
        models = Coll.map(models);
        extensions = Coll.map(extensions);
        configFiles = Coll.list(configFiles);
        environment = Coll.map(environment);
        disabledServices = Coll.map(disabledServices);
        activeProfiles = Coll.list(activeProfiles);
    }

    public Service service(String serviceName) {
        Service s = services.get(serviceName);
        if (s == null) {
            throw new NoSuchElementException("no such service: " + serviceName);
        }
        return s;
    }

    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    /**
     * A copy without the networks, volumes, secrets and configs no service uses, as docker
     * compose's {@code config} prints a project.
     */
    public Project withoutUnusedResources() {
        java.util.Set<String> nets = new java.util.HashSet<>();
        java.util.Set<String> vols = new java.util.HashSet<>();
        java.util.Set<String> secretNames = new java.util.HashSet<>();
        java.util.Set<String> configNames = new java.util.HashSet<>();
        for (Service s : services.values()) {
            nets.addAll(s.networks().keySet());
            s.volumes().stream().filter(v -> ServiceVolume.VOLUME.equals(v.type())
                    && v.source() != null && !v.source().isEmpty())
                    .forEach(v -> vols.add(v.source()));
            s.secrets().forEach(r -> secretNames.add(r.source()));
            if (s.build() != null) {
                s.build().secrets().forEach(r -> secretNames.add(r.source()));
            }
            s.configs().forEach(r -> configNames.add(r.source()));
        }
        return new Project(name, services, only(networks, nets), only(volumes, vols),
                only(secrets, secretNames), only(configs, configNames), models, extensions,
                workingDir, configFiles, environment, disabledServices, activeProfiles);
    }

    private static <T> Map<String, T> only(Map<String, T> map, java.util.Set<String> keys) {
        Map<String, T> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (keys.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** A copy holding only {@code names} and, transitively, what they depend on. */
    public Project withSelectedServices(Collection<String> names, boolean withDependencies) {
        if (names.isEmpty()) {
            return this;
        }
        List<String> wanted = new ArrayList<>(names);
        Map<String, Service> kept = new LinkedHashMap<>();
        while (!wanted.isEmpty()) {
            String n = wanted.remove(0);
            if (kept.containsKey(n)) {
                continue;
            }
            Service s = service(n);
            kept.put(n, s);
            if (withDependencies) {
                for (Map.Entry<String, DependsOn> d : s.dependsOn().entrySet()) {
                    if (services.containsKey(d.getKey())) {
                        wanted.add(d.getKey());
                    }
                }
            }
        }
        Map<String, Service> ordered = new LinkedHashMap<>();
        services.forEach((k, v) -> {
            if (kept.containsKey(k)) {
                ordered.put(k, v);
            }
        });
        return withServices(ordered);
    }

    public Project withServices(Map<String, Service> newServices) {
        return Records.with(this, "services", newServices);
    }

    public Project withService(Service service) {
        Map<String, Service> copy = new LinkedHashMap<>(services);
        copy.put(service.name(), service);
        return withServices(copy);
    }
}
