package dev.jcompose.swarm.check;

import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Deploy;
import dev.jcompose.model.FileObject;
import dev.jcompose.model.Network;
import dev.jcompose.model.PortConfig;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceNetwork;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.tree.SourceMarks;
import dev.jcompose.model.tree.YamlPath;
import dev.jcompose.swarm.convert.Endpoints;
import dev.jcompose.swarm.convert.Modes;
import dev.jcompose.swarm.convert.Mounts;
import dev.jcompose.swarm.convert.RestartPolicies;
import dev.jcompose.swarm.convert.UpdateConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What of a project a swarm can run, checked before anything is created: one warning for each
 * key swarm cannot honour (it is left out, and the warning says what to do instead), and an
 * error for each thing that makes the deploy impossible; all of them with file:line:col.
 * {@code docker stack deploy} drops most of these keys silently.
 */
public final class Compatibility {

    /** A service key swarm does not honour, when the service sets it, and why. */
    private record Ignored(String key, Predicate<Service> set, String why) { }

    private static final String NO_CPU = "swarm limits CPU with deploy.resources.limits.cpus "
            + "only";
    private static final String NOT_IN_TASKS = "swarm does not pass this setting to the "
            + "containers of a service's tasks";
    private static final String UP_ONLY = "used by jcompose up, not by a swarm";
    private static final String NO_LINKS = "swarm has no links: services on a shared network "
            + "reach each other by service name";

    private static final List<Ignored> IGNORED = List.of(
            new Ignored("build", s -> s.build() != null && s.image() != null,
                    "every node runs the image as named; build it and push it where "
                            + "all nodes can pull it first (jcompose build, jcompose push)"),
            new Ignored("container_name", s -> s.containerName() != null,
                    "swarm names the containers of a service's tasks itself"),
            new Ignored("network_mode", s -> s.networkMode() != null,
                    "swarm services join networks only; use networks: (an external \"host\" "
                            + "network for the host's)"),
            new Ignored("links", s -> !s.links().isEmpty(), NO_LINKS),
            new Ignored("external_links", s -> !s.externalLinks().isEmpty(), NO_LINKS),
            new Ignored("devices", s -> !s.devices().isEmpty(),
                    "swarm cannot give a service's tasks host devices"),
            new Ignored("device_cgroup_rules", s -> !s.deviceCgroupRules().isEmpty(),
                    "swarm cannot give a service's tasks host devices"),
            new Ignored("gpus", s -> !s.gpus().isEmpty(), "swarm reserves GPUs with "
                    + "deploy.resources.reservations.generic_resources"),
            new Ignored("privileged", s -> Boolean.TRUE.equals(s.privileged()),
                    "swarm cannot run tasks privileged; add the capabilities they need with "
                            + "cap_add"),
            new Ignored("cpu_count", s -> s.cpuCount() != null, NO_CPU),
            new Ignored("cpu_percent", s -> s.cpuPercent() != null, NO_CPU),
            new Ignored("cpu_shares", s -> s.cpuShares() != null, NO_CPU),
            new Ignored("cpu_quota", s -> s.cpuQuota() != null, NO_CPU),
            new Ignored("cpu_period", s -> s.cpuPeriod() != null, NO_CPU),
            new Ignored("cpu_rt_period", s -> s.cpuRtPeriod() != null, NO_CPU),
            new Ignored("cpu_rt_runtime", s -> s.cpuRtRuntime() != null, NO_CPU),
            new Ignored("cpuset", s -> s.cpuset() != null, NO_CPU),
            new Ignored("cgroup", s -> s.cgroup() != null, NOT_IN_TASKS),
            new Ignored("cgroup_parent", s -> s.cgroupParent() != null, NOT_IN_TASKS),
            new Ignored("ipc", s -> s.ipc() != null, NOT_IN_TASKS),
            new Ignored("pid", s -> s.pid() != null, NOT_IN_TASKS),
            new Ignored("uts", s -> s.uts() != null, NOT_IN_TASKS),
            new Ignored("userns_mode", s -> s.usernsMode() != null, NOT_IN_TASKS),
            new Ignored("domainname", s -> s.domainname() != null, NOT_IN_TASKS),
            new Ignored("mac_address", s -> s.macAddress() != null, NOT_IN_TASKS),
            new Ignored("mem_swappiness", s -> s.memSwappiness() != null, NOT_IN_TASKS),
            new Ignored("memswap_limit", s -> s.memswapLimit() != null, NOT_IN_TASKS),
            new Ignored("oom_kill_disable", s -> s.oomKillDisable() != null, NOT_IN_TASKS),
            new Ignored("oom_score_adj", s -> s.oomScoreAdj() != null, NOT_IN_TASKS),
            new Ignored("shm_size", s -> s.shmSize() != null, NOT_IN_TASKS),
            new Ignored("blkio_config", s -> s.blkioConfig() != null, NOT_IN_TASKS),
            new Ignored("storage_opt", s -> !s.storageOpt().isEmpty(), NOT_IN_TASKS),
            new Ignored("security_opt", s -> !s.securityOpt().isEmpty(), NOT_IN_TASKS),
            new Ignored("runtime", s -> s.runtime() != null, NOT_IN_TASKS),
            new Ignored("annotations", s -> !s.annotations().isEmpty(), NOT_IN_TASKS),
            new Ignored("credential_spec", s -> !s.credentialSpec().isEmpty(), NOT_IN_TASKS),
            new Ignored("platform", s -> s.platform() != null, "swarm picks nodes by "
                    + "constraints: use deploy.placement.constraints, e.g. "
                    + "node.platform.arch == x86_64"),
            new Ignored("pull_policy", s -> s.pullPolicy() != null,
                    "each node pulls the image when a task needs it"),
            new Ignored("post_start", s -> !s.postStart().isEmpty(), UP_ONLY),
            new Ignored("pre_stop", s -> !s.preStop().isEmpty(), UP_ONLY),
            new Ignored("pre_start", s -> !s.preStart().isEmpty(), UP_ONLY),
            new Ignored("models", s -> !s.models().isEmpty(), UP_ONLY),
            new Ignored("provider", s -> !s.provider().isEmpty(), UP_ONLY),
            new Ignored("use_api_socket", s -> Boolean.TRUE.equals(s.useApiSocket()), UP_ONLY),
            new Ignored("develop", s -> s.develop() != null, UP_ONLY),
            new Ignored("restart", s -> s.restart() != null && s.deploy() != null
                    && s.deploy().restartPolicy() != null,
                    "deploy.restart_policy is used instead"));

    private final Project project;
    private final SourceMarks marks;
    private final List<Problem> problems = new ArrayList<>();

    private Compatibility(Project project, SourceMarks marks) {
        this.project = project;
        this.marks = marks;
    }

    /** Every warning and error for deploying {@code project} to a swarm, in file order. */
    public static List<Problem> check(Project project, SourceMarks marks) {
        Compatibility c = new Compatibility(project, marks);
        project.services().values().forEach(c::service);
        project.networks().forEach(c::network);
        c.objects("secrets", project.secrets());
        c.objects("configs", project.configs());
        return List.copyOf(c.problems);
    }

    private void service(Service s) {
        YamlPath at = YamlPath.of("services", s.name());
        if (s.image() == null || s.image().isEmpty()) {
            error(at, "no image: every node runs a service's tasks from an image it pulls by "
                    + "name; add image:" + (s.build() != null ? " and push the image you build "
                    + "where all nodes can pull it" : ""));
        }
        if (!s.volumesFrom().isEmpty()) {
            error(at.key("volumes_from"), "swarm tasks cannot share another service's "
                    + "volumes; mount the same named volume in both");
        }
        for (Ignored rule : IGNORED) {
            if (rule.set().test(s)) {
                leftOut(at.key(rule.key()), rule.why());
            }
        }
        deploy(at.key("deploy"), s);
        dependencies(at.key("depends_on"), s);
        ports(at.key("ports"), s);
        networks(at.key("networks"), s);
        volumes(at.key("volumes"), s);
    }

    private void deploy(YamlPath at, Service s) {
        Deploy d = s.deploy();
        if (d == null) {
            return;
        }
        String mode = d.mode();
        if (mode != null && !Modes.NAMES.contains(mode)) {
            error(at.key("mode"), quoted(mode) + " is not a swarm mode (use "
                    + String.join(", ", Modes.NAMES) + ")");
        } else if (d.replicas() != null && mode != null && mode.startsWith("global")) {
            error(at.key("replicas"), "replicas can only be used with replicated or "
                    + "replicated-job mode");
        }
        oneOf(at.key("endpoint_mode"), d.endpointMode(), Endpoints.MODES, "an endpoint mode");
        if (d.restartPolicy() != null) {
            oneOf(at.key("restart_policy").key("condition"), d.restartPolicy().condition(),
                    RestartPolicies.CONDITIONS.keySet(), "a restart condition");
        }
        for (String key : List.of("update_config", "rollback_config")) {
            Deploy.UpdateConfig u = key.equals("update_config") ? d.updateConfig()
                    : d.rollbackConfig();
            if (u != null) {
                oneOf(at.key(key).key("failure_action"), u.failureAction(),
                        UpdateConfigs.FAILURE_ACTIONS.keySet(), "a failure action");
            }
        }
        if (d.resources() != null) {
            for (String side : List.of("limits", "reservations")) {
                Deploy.Resource r = side.equals("limits") ? d.resources().limits()
                        : d.resources().reservations();
                if (r != null && !r.devices().isEmpty()) {
                    leftOut(at.key("resources").key(side).key("devices"), "swarm cannot give "
                            + "tasks host devices; reserve them with generic_resources");
                }
            }
        }
    }

    /** A dependency waited for until it completes must be one that completes. */
    private void dependencies(YamlPath at, Service s) {
        s.dependsOn().forEach((name, d) -> {
            Service dep = project.services().get(name);
            if (dep != null && DependsOn.COMPLETED.equals(d.condition()) && !Modes.isJob(dep)
                    && restartsAlways(dep)) {
                error(at.key(name), name + " never completes on a swarm: its tasks are "
                        + "restarted whenever they exit; make it a job (deploy: {mode: "
                        + "replicated-job}) or give it restart: \"no\"");
            }
        });
    }

    private static boolean restartsAlways(Service s) {
        Deploy.RestartPolicy p = s.deploy() == null ? null : s.deploy().restartPolicy();
        if (p != null) {
            return p.condition() == null || p.condition().equals("any");
        }
        return s.restart() == null || s.restart().equals("always")
                || s.restart().equals("unless-stopped");
    }

    private void ports(YamlPath at, Service s) {
        boolean dnsrr = s.deploy() != null && "dnsrr".equals(s.deploy().endpointMode());
        for (int i = 0; i < s.ports().size(); i++) {
            PortConfig p = s.ports().get(i);
            if (p.hostIp() != null && !p.hostIp().isEmpty()) {
                leftOut(at.index(i).key("host_ip"), "swarm publishes on every address of a "
                        + "node");
            }
            if (p.published() != null && p.published().contains("-")) {
                warning(at.index(i).key("published"), "swarm publishes one port per entry: "
                        + p.published() + " is published as its first port");
            }
            if (dnsrr && !"host".equals(p.mode())) {
                error(at.index(i), "a port published through the routing mesh (mode: ingress) "
                        + "needs endpoint_mode vip; publish it with mode: host, or drop "
                        + "endpoint_mode: dnsrr");
            }
        }
    }

    private void networks(YamlPath at, Service s) {
        for (Map.Entry<String, ServiceNetwork> e : s.networks().entrySet()) {
            ServiceNetwork n = e.getValue();
            if (n == null) {
                continue;
            }
            YamlPath here = at.key(e.getKey());
            unset(here, "ipv4_address", n.ipv4Address(), "swarm assigns task addresses");
            unset(here, "ipv6_address", n.ipv6Address(), "swarm assigns task addresses");
            unset(here, "link_local_ips", n.linkLocalIps().isEmpty() ? null : n.linkLocalIps(),
                    "swarm assigns task addresses");
            unset(here, "mac_address", n.macAddress(), NOT_IN_TASKS);
            unset(here, "priority", n.priority(), NOT_IN_TASKS);
            unset(here, "gw_priority", n.gwPriority(), NOT_IN_TASKS);
            unset(here, "interface_name", n.interfaceName(), NOT_IN_TASKS);
        }
    }

    private void volumes(YamlPath at, Service s) {
        for (int i = 0; i < s.volumes().size(); i++) {
            ServiceVolume v = s.volumes().get(i);
            if (!Mounts.TYPES.contains(v.type())) {
                error(at.index(i).key("type"), quoted(v.type()) + " mounts are not available "
                        + "to swarm services (use volume, bind or tmpfs)");
            }
            if (v.volume() != null) {
                unset(at.index(i).key("volume"), "subpath", v.volume().subpath(), NOT_IN_TASKS);
            }
            if (v.bind() != null) {
                unset(at.index(i).key("bind"), "selinux", v.bind().selinux(), NOT_IN_TASKS);
            }
        }
    }

    private void network(String key, Network n) {
        if (!n.isExternal() && "bridge".equals(n.driver())) {
            warning(YamlPath.of("networks", key, "driver"), "deployed as an overlay network: "
                    + "a bridge network exists on one node only, swarm services need one that "
                    + "spans the nodes");
        }
    }

    private void objects(String kind, Map<String, FileObject> objects) {
        objects.forEach((key, o) -> {
            YamlPath at = YamlPath.of(kind, key);
            if (o.isExternal()) {
                return;
            }
            if (o.file() != null && !Files.isReadable(Path.of(o.file()))) {
                error(at.key("file"), "cannot read " + o.file());
            }
            if (o.environment() != null && project.environment().get(o.environment()) == null) {
                error(at.key("environment"), "variable " + o.environment() + " is not set");
            }
        });
    }

    private void oneOf(YamlPath at, String value, Collection<String> allowed, String what) {
        if (value != null && !allowed.contains(value)) {
            error(at, quoted(value) + " is not " + what + " (use "
                    + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
    }

    private void unset(YamlPath at, String key, Object value, String why) {
        if (value != null) {
            leftOut(at.key(key), why);
        }
    }

    private void leftOut(YamlPath at, String why) {
        warning(at, "left out: " + why);
    }

    private void warning(YamlPath at, String message) {
        problems.add(Problem.warning(marks.find(at), at, message));
    }

    private void error(YamlPath at, String message) {
        problems.add(Problem.error(marks.find(at), at, message));
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    /** The errors of {@code problems}. */
    public static List<Problem> errors(List<Problem> problems) {
        return filter(problems, Problem::isError);
    }

    /** The warnings of {@code problems}. */
    public static List<Problem> warnings(List<Problem> problems) {
        return filter(problems, p -> !p.isError());
    }

    private static List<Problem> filter(List<Problem> problems, Predicate<Problem> keep) {
        return problems.stream().filter(keep).toList();
    }
}
