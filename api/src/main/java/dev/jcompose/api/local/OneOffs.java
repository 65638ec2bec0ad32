package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import dev.jcompose.api.ContainerInfo;
import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ProcessStreams;
import dev.jcompose.api.PsOptions;
import dev.jcompose.api.RunOptions;
import dev.jcompose.model.PortConfig;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceNetwork;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.load.Ports;
import dev.jcompose.model.load.VolumeSpecs;
import dev.jcompose.planner.ConfigHash;
import dev.jcompose.planner.ContainerSpecs;
import dev.jcompose.planner.ObservedState;
import dev.jcompose.planner.PlanException;
import dev.jcompose.planner.Reconciler;
import dev.jcompose.planner.UpPlanOptions;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.engine.ExecSpec;
import dev.jcompose.planner.engine.StreamIO;
import dev.jcompose.planner.engine.Subscription;
import dev.jcompose.planner.exec.ConditionWaiter;
import dev.jcompose.planner.exec.Executor;
import dev.jcompose.planner.exec.Readiness;
import dev.jcompose.planner.plan.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** {@code run} and {@code exec}: commands in a service's one-off or running container. */
final class OneOffs {

    private final LocalComposeService service;
    private final Engine engine;

    OneOffs(LocalComposeService service, Engine engine) {
        this.service = service;
        this.engine = engine;
    }

    int run(Project project, RunOptions o, ProcessStreams streams) throws InterruptedException {
        if (!project.services().containsKey(o.service())) {
            throw new ComposeException(PlanException.unknownService(project, o.service()));
        }
        project = service.withModels(project, List.of(o.service()), o.noDeps());
        EngineGate.check(engine, project, List.of(o.service()), o.noDeps());
        Service base = project.services().get(o.service());
        // images, then dependencies and the service's networks and volumes
        UpPlanOptions switches = PlannerOptions.run(o);
        service.images().ensure(project, switches, false, Executor.DEFAULT_PARALLELISM);
        Plan plan = Reconciler.planRun(project, ObservedState.observe(engine, project),
                o.service(), o.noDeps(), switches);
        service.warn(plan);
        service.execute(project.name(), plan, Executor.DEFAULT_PARALLELISM, null);
        if (!o.noDeps()) {
            awaitDependencies(project, base);
        }
        String sep = ContainerSpecs.separator(o.compatibility());
        String name = o.name() != null ? o.name() : project.name() + sep + o.service()
                + sep + "run" + sep + HexFormat.of().toHexDigits(
                        ThreadLocalRandom.current().nextLong()).substring(4);
        ContainerSpec spec = ContainerSpecs.forOneOff(project, oneOff(project, base, o), name,
                ConfigHash.of(base));
        String id = new Executor(engine, project.name(), service.progress(), 1, null)
                .createContainer(spec);
        if (o.detach()) {
            engine.startContainer(id);
            return 0;
        }
        int code;
        try (Subscription attached = engine.attach(id, io(streams))) {
            engine.startContainer(id);
            code = engine.waitContainer(id);
            attached.awaitCompletion();
        } finally {
            if (o.remove()) {
                try {
                    engine.removeContainer(id, true, true);
                } catch (RuntimeException e) {
                    // already gone
                }
            }
        }
        return code;
    }

    /** The service as the one-off runs it: the options' command, environment, ports, ... */
    private static Service oneOff(Project project, Service base, RunOptions o) {
        Service s = base;
        if (!o.command().isEmpty()) {
            s = s.toBuilder().command(o.command()).build();
        }
        if (o.entrypoint() != null) {
            s = s.toBuilder().entrypoint(o.entrypoint()).build();
        }
        if (!o.env().isEmpty()) {
            Map<String, String> env = new LinkedHashMap<>(s.environment());
            env.putAll(o.env());
            s = s.toBuilder().environment(env).build();
        }
        if (o.user() != null) {
            s = s.toBuilder().user(o.user()).build();
        }
        if (o.workingDir() != null) {
            s = s.toBuilder().workingDir(o.workingDir()).build();
        }
        List<PortConfig> ports = new ArrayList<>(o.servicePorts() ? s.ports() : List.of());
        for (String spec : o.publish()) {
            try {
                for (Ports.Port p : Ports.parse(spec)) {
                    ports.add(new PortConfig(null, null, p.hostIp(), p.target(), p.published(),
                            p.protocol(), null));
                }
            } catch (IllegalArgumentException e) {
                throw new ComposeException("--publish " + spec + ": " + e.getMessage(), e);
            }
        }
        s = s.toBuilder().ports(ports).build();
        if (!o.volumes().isEmpty()) {
            List<ServiceVolume> volumes = new ArrayList<>(s.volumes());
            for (String spec : o.volumes()) {
                volumes.add(runVolume(project, spec));
            }
            s = s.toBuilder().volumes(volumes).build();
        }
        s = withCapabilities(s, o.capAdd(), o.capDrop());
        if (!o.labels().isEmpty()) {
            Map<String, String> labels = new LinkedHashMap<>(s.labels());
            labels.putAll(o.labels());
            s = s.toBuilder().labels(labels).build();
        }
        s = s.toBuilder()
                .networks(networkAliases(s, o.useAliases()))
                .restart(null)
                .tty(o.tty() ? Boolean.TRUE : null)
                .build();
        // docker compose runs one-offs interactive (-i): a detached one keeps its stdin open
        boolean stdin = o.tty() || (o.detach() && o.stdinOpen());
        return s.toBuilder().stdinOpen(stdin ? Boolean.TRUE : null).build();
    }

    /** {@code --cap-add} and {@code --cap-drop} over the service's: each undoes the other. */
    static Service withCapabilities(Service s, List<String> add, List<String> drop) {
        List<String> added = new ArrayList<>(s.capAdd());
        List<String> dropped = new ArrayList<>(s.capDrop());
        added.addAll(add);
        dropped.removeAll(add);
        dropped.addAll(drop);
        added.removeAll(drop);
        return s.toBuilder().capAdd(added.stream().distinct().toList())
                .capDrop(dropped.stream().distinct().toList()).build();
    }

    /**
     * The one-off's networks: known there by its container name only, as compose v2 names
     * one-offs; with {@code --use-aliases}, also by the service's name and its aliases.
     */
    private static Map<String, ServiceNetwork> networkAliases(Service s, boolean useAliases) {
        Map<String, ServiceNetwork> out = new LinkedHashMap<>();
        s.networks().forEach((key, sn) -> {
            List<String> aliases = new ArrayList<>();
            if (useAliases) {
                aliases.add(s.name());
                if (sn != null) {
                    aliases.addAll(sn.aliases());
                }
            }
            out.put(key, sn == null && aliases.isEmpty() ? null : new ServiceNetwork(aliases,
                    sn == null ? null : sn.ipv4Address(), sn == null ? null : sn.ipv6Address(),
                    sn == null ? null : sn.linkLocalIps(), sn == null ? null : sn.macAddress(),
                    sn == null ? null : sn.driverOpts(), sn == null ? null : sn.priority(),
                    sn == null ? null : sn.gwPriority(), sn == null ? null : sn.interfaceName()));
        });
        return out;
    }

    /** A {@code run --volume} in the short syntax; a relative bind path is the project's. */
    private static ServiceVolume runVolume(Project project, String spec) {
        Map<String, Object> v;
        try {
            v = VolumeSpecs.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new ComposeException("--volume " + spec + ": " + e.getMessage(), e);
        }
        String type = (String) v.get("type");
        String source = (String) v.get("source");
        if ("bind".equals(type) && source != null && project.workingDir() != null) {
            source = project.workingDir().resolve(source.startsWith("~/")
                    ? System.getProperty("user.home") + source.substring(1) : source)
                    .normalize().toString();
        }
        return new ServiceVolume(type, source, (String) v.get("target"),
                Boolean.TRUE.equals(v.get("read_only")) ? Boolean.TRUE : null, null,
                null, null, null, null, Map.of());
    }

    /** Waits until each dependency of {@code service} meets its depends_on condition. */
    private void awaitDependencies(Project project, Service service)
            throws InterruptedException {
        try {
            new Readiness(engine, project).awaitDependencies(service, dependency ->
                    this.service.ps(project.name(), new PsOptions(true, List.of(dependency)))
                            .stream().filter(c -> !c.oneOff()).map(ContainerInfo::name).toList());
        } catch (ConditionWaiter.ConditionFailed failed) {
            throw new ComposeException(failed.getMessage() + "; not running " + service.name(),
                    failed);
        }
    }

    int exec(String projectName, ExecOptions options, ProcessStreams streams)
            throws InterruptedException {
        ContainerInfo target = execTarget(projectName, options);
        return engine.exec(new ExecSpec(target.id(), options.command(), options.env(),
                options.user(), options.workingDir(), options.tty(), options.privileged(),
                options.stdin()), io(streams));
    }

    private static StreamIO io(ProcessStreams s) {
        return new StreamIO(s.stdin(), s.stdout(), s.stderr());
    }

    /**
     * The container {@code exec} runs in: the one with the given number, or without one (index
     * 0) the first running container of the service, else a running one-off of it (as docker
     * compose picks).
     */
    private ContainerInfo execTarget(String projectName, ExecOptions options) {
        List<ContainerInfo> all = service.ps(projectName, new PsOptions(true,
                List.of(options.service())));
        List<ContainerInfo> containers = all.stream().filter(c -> !c.oneOff()).toList();
        if (options.index() == 0) {
            var any = containers.stream().filter(c -> "running".equals(c.state()))
                    .min(Comparator.comparingInt(ContainerInfo::number))
                    .or(() -> all.stream().filter(c -> c.oneOff() && "running".equals(c.state()))
                            .findFirst());
            if (any.isPresent()) {
                return any.get();
            }
        }
        int wanted = Math.max(1, options.index());
        if (containers.isEmpty()) {
            throw new ComposeException("service \"" + options.service() + "\" is not running "
                    + "container #" + wanted + ": it has no containers in project "
                    + projectName + "; start it with up");
        }
        ContainerInfo target = containers.stream().filter(c -> c.number() == wanted)
                .findFirst().orElseThrow(() -> new ComposeException("service \""
                        + options.service() + "\" is not running container #" + wanted
                        + " (it has " + containers.stream().map(c -> String.valueOf(c.number()))
                        .collect(Collectors.joining(", ")) + ")"));
        if (!"running".equals(target.state())) {
            throw new ComposeException("container " + target.name() + " is not running ("
                    + target.state() + "); start it first");
        }
        return target;
    }
}
