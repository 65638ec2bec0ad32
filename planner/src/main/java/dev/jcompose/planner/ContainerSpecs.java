package dev.jcompose.planner;

import dev.jcompose.model.DependsOn;
import dev.jcompose.model.FileObject;
import dev.jcompose.model.FileReference;
import dev.jcompose.model.Network;
import dev.jcompose.model.PortConfig;
import dev.jcompose.model.PreStartHook;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceNetwork;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.Volume;
import dev.jcompose.planner.engine.ContainerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies compose semantics to a service to describe one of its containers as the engine is to
 * create it ({@link ContainerSpec}): the name ({@code project-service-N}), compose's labels,
 * mounts with engine-side volume names, port bindings, network attachments whose aliases let
 * services reach each other by name, secrets and configs, and the engine options
 * {@link ContainerOptions} converts (limits, healthcheck, restart policy, ...). No compose rule
 * is left to an adapter.
 */
public final class ContainerSpecs {

    private ContainerSpecs() {
    }

    /**
     * The name of replica {@code number} of {@code service}; with {@code compatibility}, as
     * docker-compose 1.x named it ({@code project_service_1}).
     */
    public static String containerName(Project project, Service service, int number,
            boolean compatibility) {
        if (service.containerName() != null && !service.containerName().isEmpty()) {
            return service.containerName();
        }
        String sep = separator(compatibility);
        return project.name() + sep + service.name() + sep + number;
    }

    /** What joins the parts of container names: "-", or "_" as docker-compose 1.x named them. */
    public static String separator(boolean compatibility) {
        return compatibility ? "_" : "-";
    }

    /** The labels that identify a project's resources. */
    public static Map<String, String> projectLabel(String project) {
        return Map.of(Labels.PROJECT, project);
    }

    /** Describes replica {@code number} of {@code service}. */
    public static ContainerSpec forService(Project project, Service service, int number,
            String configHash) {
        return forService(project, service, number, configHash, false);
    }

    /**
     * Describes replica {@code number} of {@code service}, named as docker-compose 1.x did with
     * {@code compatibility}.
     */
    public static ContainerSpec forService(Project project, Service service, int number,
            String configHash, boolean compatibility) {
        String name = containerName(project, service, number, compatibility);
        return build(project, service, name, number, false, configHash);
    }

    /** Describes a one-off container of {@code service} ({@code run}). */
    public static ContainerSpec forOneOff(Project project, Service service, String name,
            String configHash) {
        return build(project, service, name, 1, true, configHash);
    }

    /**
     * Describes the container of {@code service}'s {@code index}-th pre_start hook, run before
     * {@code target} (a container of the service) starts: it sees {@code target}'s volumes
     * (volumes_from) and joins the service's networks. Without its own image it runs the
     * service's, with the service's entrypoint, command and user unless it sets them; its
     * environment adds to the service's.
     */
    public static ContainerSpec forPreStartHook(Project project, Service service,
            PreStartHook hook, int index, String target, String name) {
        boolean ownImage = hook.image() != null && !hook.image().isEmpty();
        Map<String, String> env = new LinkedHashMap<>(service.environment());
        env.putAll(hook.environment());
        Service s = service;
        s = s.toBuilder()
                .image(ownImage ? hook.image() : service.imageName(project.name()))
                .command(hook.command() != null || ownImage ? hook.command() : service.command())
                .entrypoint(ownImage ? null : service.entrypoint())
                .user(hook.user() != null ? hook.user() : ownImage ? null : service.user())
                .workingDir(hook.workingDir() != null ? hook.workingDir() : service.workingDir())
                .privileged(hook.privileged())
                .environment(env)
                .containerName(null)
                .ports(List.of())
                .volumes(List.of())
                .tmpfs(List.of())
                .volumesFrom(List.of("container:" + target))
                .healthcheck(null)
                .restart(null)
                .dependsOn(Map.of())
                .postStart(List.of())
                .preStop(List.of())
                .preStart(List.of())
                .build();
        ContainerSpec spec = build(project, s, name, 1, true, "");
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.remove(Labels.CONFIG_HASH);
        labels.remove(Labels.CONTAINER_NUMBER);
        labels.put(Labels.HOOK, "pre_start");
        labels.put(Labels.HOOK_INDEX, Integer.toString(index));
        return spec.toBuilder().labels(labels).build();
    }

    private static ContainerSpec build(Project project, Service service, String name, int number,
            boolean oneOff, String configHash) {
        if (service.ipc() == null && project.services().values().stream()
                .anyMatch(o -> ("service:" + service.name()).equals(o.ipc()))) {
            // another service joins this one's IPC namespace: the engine wants it shareable
            return build(project, service.toBuilder().ipc("shareable").build(), name, number,
                    oneOff, configHash);
        }
        Map<String, String> labels = new LinkedHashMap<>(service.labels());
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.SERVICE, service.name());
        labels.put(Labels.CONTAINER_NUMBER, Integer.toString(number));
        labels.put(Labels.ONEOFF, oneOff ? "True" : "False");
        labels.put(Labels.CONFIG_HASH, configHash);
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        if (project.workingDir() != null) {
            labels.put(Labels.WORKING_DIR, project.workingDir().toString());
        }
        if (!project.configFiles().isEmpty()) {
            labels.put(Labels.CONFIG_FILES, project.configFiles().stream().map(Path::toString)
                    .collect(Collectors.joining(",")));
        }
        labels.put(Labels.DEPENDS_ON, dependsOnLabel(service)); // empty, as compose v2 writes it

        List<String> env = new ArrayList<>();
        // a bare key set nowhere goes as "KEY": the engine then unsets it, also the image's
        service.environment().forEach((k, v) -> env.add(v == null ? k : k + "=" + v));

        Set<String> exposed = new LinkedHashSet<>();
        for (String e : service.expose()) {
            exposed.addAll(expandExpose(e));
        }
        List<ContainerSpec.PortBinding> bindings = new ArrayList<>();
        for (PortConfig p : service.ports()) {
            exposed.add(p.target() + "/" + p.protocol());
            bindings.add(new ContainerSpec.PortBinding(p.hostIp() == null ? "" : p.hostIp(),
                    p.published() == null ? "" : p.published(), p.target(), p.protocol()));
        }

        List<ContainerSpec.Mount> mounts = new ArrayList<>();
        for (ServiceVolume v : service.volumes()) {
            mounts.add(mount(project, v));
        }
        for (String t : service.tmpfs()) {
            String target = t.contains(":") ? t.substring(0, t.indexOf(':')) : t;
            mounts.add(new ContainerSpec.Mount("tmpfs", null, target, false, false, null, null,
                    false, null, null, null));
        }

        List<ContainerSpec.NetworkAttachment> networks = new ArrayList<>();
        String networkMode = service.networkMode();
        if (networkMode == null || networkMode.isEmpty()) {
            for (String key : service.networkNames()) {
                Network n = project.networks().get(key);
                String engineName = n != null && n.name() != null ? n.name()
                        : project.name() + "_" + key;
                ServiceNetwork sn = service.networks().get(key);
                List<String> aliases = new ArrayList<>();
                if (!oneOff) {
                    aliases.add(service.name());
                }
                aliases.add(name);
                if (sn != null) {
                    for (String a : sn.aliases()) {
                        if (!aliases.contains(a)) {
                            aliases.add(a);
                        }
                    }
                }
                networks.add(new ContainerSpec.NetworkAttachment(engineName, aliases,
                        sn == null ? null : sn.ipv4Address(),
                        sn == null ? null : sn.ipv6Address(),
                        sn == null ? null : sn.macAddress(),
                        sn == null ? null : sn.linkLocalIps(),
                        sn == null ? null : sn.driverOpts(),
                        sn == null ? null : sn.gwPriority(), key,
                        sn == null ? null : sn.interfaceName()));
            }
            if (!networks.isEmpty()) {
                networkMode = networks.get(0).network();
            }
        }

        List<ContainerSpec.File> files = new ArrayList<>();
        for (FileReference ref : service.secrets()) {
            fileObject(project, ref, project.secrets().get(ref.source()), "/run/secrets/",
                    mounts, files);
        }
        for (FileReference ref : service.configs()) {
            fileObject(project, ref, project.configs().get(ref.source()), "/", mounts, files);
        }
        return ContainerSpec.builder(name, service.imageName(project.name()))
                .platform(service.platform())
                .command(service.command())
                .entrypoint(service.entrypoint())
                .env(env)
                .labels(labels)
                .hostname(service.hostname())
                .domainname(service.domainname())
                .user(service.user())
                .workingDir(service.workingDir())
                .macAddress(service.macAddress())
                .tty(Boolean.TRUE.equals(service.tty()))
                .stdinOpen(Boolean.TRUE.equals(service.stdinOpen()))
                .stopSignal(service.stopSignal())
                .stopTimeout(ContainerOptions.stopTimeout(service))
                .healthcheck(ContainerOptions.health(service.healthcheck()))
                .exposedPorts(List.copyOf(exposed))
                .portBindings(bindings)
                .mounts(mounts)
                .networkMode(networkMode)
                .networks(networks)
                .links(service.links())
                .externalLinks(service.externalLinks())
                .volumesFrom(service.volumesFrom())
                .restartPolicy(oneOff ? null : ContainerOptions.restartPolicy(service.restart()))
                .resources(ContainerOptions.resources(service))
                .security(ContainerOptions.security(service))
                .host(ContainerOptions.host(service))
                .files(files)
                .build();
    }

    /**
     * A secret or config a service uses, as docker compose provides one outside swarm: a
     * {@code file} is bind-mounted read-only; {@code content} or {@code environment} is written
     * into the container with the reference's uid, gid and mode (default 0444). The target is
     * {@code base + source} unless given; a relative one is under {@code base}. External ones
     * exist only in swarm: nothing is mounted.
     */
    private static void fileObject(Project project, FileReference ref, FileObject obj,
            String base, List<ContainerSpec.Mount> mounts, List<ContainerSpec.File> files) {
        if (obj == null || obj.isExternal()) {
            return;
        }
        String target = ref.target() == null || ref.target().isEmpty() ? base + ref.source()
                : ref.target().startsWith("/") ? ref.target() : base + ref.target();
        if (obj.file() != null) {
            mounts.add(new ContainerSpec.Mount("bind", obj.file(), target, true, false, null,
                    null, false, null, null, null));
            return;
        }
        String content = obj.content() != null ? obj.content()
                : obj.environment() != null ? project.environment().get(obj.environment())
                : null;
        files.add(new ContainerSpec.File(target, content == null ? "" : content,
                number(ref.uid()), number(ref.gid()), ref.mode() != null ? ref.mode() : 0444));
    }

    private static int number(String id) {
        try {
            return id == null || id.isBlank() ? 0 : Integer.parseInt(id.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The spec of a container that replaces {@code old}: anonymous volumes (declared in the file
     * without a source, or by the image as VOLUME) are the predecessor's again, so their data
     * survives a recreate, as in docker compose. Paths the spec mounts otherwise are left alone.
     *
     * @param anonymous    the predecessor's anonymous volumes by target
     * @param imageVolumes the targets the image declares as VOLUME
     */
    public static ContainerSpec inheritAnonymousVolumes(ContainerSpec spec,
            Map<String, String> anonymous, Set<String> imageVolumes) {
        if (anonymous.isEmpty()) {
            return spec;
        }
        List<ContainerSpec.Mount> mounts = new ArrayList<>();
        Set<String> mounted = new HashSet<>();
        for (ContainerSpec.Mount m : spec.mounts()) {
            String previous = anonymous.get(m.target());
            if (ServiceVolume.VOLUME.equals(m.type()) && m.source() == null && previous != null) {
                m = m.withSource(previous);
            }
            mounts.add(m);
            mounted.add(m.target());
        }
        new TreeMap<>(anonymous).forEach((target, name) -> {
            if (imageVolumes.contains(target) && !mounted.contains(target)) {
                mounts.add(ContainerSpec.Mount.volume(name, target));
            }
        });
        return spec.toBuilder().mounts(mounts).build();
    }

    private static ContainerSpec.Mount mount(Project project, ServiceVolume v) {
        String source = v.source();
        if (ServiceVolume.VOLUME.equals(v.type()) && source != null && !source.isEmpty()) {
            Volume declared = project.volumes().get(source);
            source = declared != null && declared.name() != null ? declared.name()
                    : project.name() + "_" + source;
        }
        boolean noCopy = v.volume() != null && Boolean.TRUE.equals(v.volume().nocopy());
        String subpath = v.volume() != null ? v.volume().subpath() : null;
        String propagation = v.bind() != null ? v.bind().propagation() : null;
        String selinux = v.bind() != null ? v.bind().selinux() : null;
        boolean create = v.bind() == null || v.bind().createHostPath() == null
                || v.bind().createHostPath();
        Long size = v.tmpfs() != null ? v.tmpfs().size() : null;
        Integer mode = v.tmpfs() != null ? v.tmpfs().mode() : null;
        return new ContainerSpec.Mount(v.type(), source, v.target(), v.isReadOnly(), noCopy,
                propagation, selinux, create, size, mode, subpath);
    }

    /** {@code 3000} or {@code 3000-3005/udp} to {@code 3000/tcp ...}. */
    static List<String> expandExpose(String expose) {
        String proto = "tcp";
        String ports = expose;
        int slash = expose.indexOf('/');
        if (slash >= 0) {
            proto = expose.substring(slash + 1);
            ports = expose.substring(0, slash);
        }
        int dash = ports.indexOf('-');
        if (dash < 0) {
            return List.of(ports + "/" + proto);
        }
        int from = Integer.parseInt(ports.substring(0, dash));
        int to = Integer.parseInt(ports.substring(dash + 1));
        List<String> out = new ArrayList<>();
        for (int p = from; p <= to; p++) {
            out.add(p + "/" + proto);
        }
        return out;
    }

    /** {@code db:service_started:false,cache:service_healthy:true}. */
    static String dependsOnLabel(Service service) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, DependsOn> d : service.dependsOn().entrySet()) {
            parts.add(d.getKey() + ":" + d.getValue().condition() + ":"
                    + d.getValue().restartsWithDependency());
        }
        return String.join(",", parts);
    }
}
