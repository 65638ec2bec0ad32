package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceNetwork;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The service keys that have no Kubernetes meaning and no transformer of their own: one
 * warning each, at the key. The table is the list; a key is named as the compose file spells
 * it.
 */
final class UnsupportedKeys implements Transformer {

    private record Rule(String key, Function<Service, Object> value, String why) { }

    private static final String ENGINE = "an engine setting Kubernetes does not expose";

    private static final List<Rule> RULES = List.of(
            new Rule("blkio_config", Service::blkioConfig, ENGINE),
            new Rule("cgroup", Service::cgroup, ENGINE),
            new Rule("cgroup_parent", Service::cgroupParent, ENGINE),
            new Rule("container_name", Service::containerName,
                    "Kubernetes names the pods (SERVICE-<hash>)"),
            new Rule("cpu_count", Service::cpuCount, "use cpus (a limit)"),
            new Rule("cpu_percent", Service::cpuPercent, "use cpus (a limit)"),
            new Rule("cpu_shares", Service::cpuShares,
                    "use deploy.resources.reservations.cpus (a request)"),
            new Rule("cpu_quota", Service::cpuQuota, "use cpus (a limit)"),
            new Rule("cpu_period", Service::cpuPeriod, ENGINE),
            new Rule("cpu_rt_period", Service::cpuRtPeriod, ENGINE),
            new Rule("cpu_rt_runtime", Service::cpuRtRuntime, ENGINE),
            new Rule("cpuset", Service::cpuset, "the node's CPU manager assigns CPUs"),
            new Rule("credential_spec", Service::credentialSpec, "a Windows engine setting"),
            new Rule("device_cgroup_rules", Service::deviceCgroupRules, ENGINE),
            new Rule("devices", Service::devices, "a device plugin exposes devices"),
            new Rule("domainname", Service::domainname, "the cluster's DNS names pods"),
            new Rule("develop", Service::develop, "compose watch is a development loop"),
            new Rule("external_links", Service::externalLinks,
                    "pods reach any Service by name"),
            new Rule("init", Service::init, "the image's entrypoint is the process 1"),
            new Rule("isolation", Service::isolation, "a Windows engine setting"),
            new Rule("links", Service::links, "pods reach any Service by name"),
            new Rule("logging", Service::logging, "the node's runtime keeps the logs"),
            new Rule("mac_address", Service::macAddress, "the network plugin assigns it"),
            new Rule("mem_swappiness", Service::memSwappiness, ENGINE),
            new Rule("memswap_limit", Service::memswapLimit, ENGINE),
            new Rule("models", Service::models, "Docker Model Runner is not on Kubernetes"),
            new Rule("oom_kill_disable", Service::oomKillDisable, ENGINE),
            new Rule("oom_score_adj", Service::oomScoreAdj,
                    "the pod's quality of service class sets it"),
            new Rule("pids_limit", Service::pidsLimit, "a node setting"),
            new Rule("provider", Service::provider, "a compose provider plugin"),
            new Rule("security_opt", Service::securityOpt,
                    "use a security context (seccomp, AppArmor profiles)"),
            new Rule("stop_signal", Service::stopSignal, "Kubernetes stops with SIGTERM"),
            new Rule("storage_opt", Service::storageOpt, ENGINE),
            new Rule("ulimits", Service::ulimits, "the node's runtime sets them"),
            new Rule("use_api_socket", Service::useApiSocket, "there is no engine socket"),
            new Rule("userns_mode", Service::usernsMode, ENGINE),
            new Rule("uts", Service::uts, ENGINE));

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        Service s = ctx.service();
        for (Rule r : RULES) {
            if (isSet(r.value().apply(s))) {
                ctx.warn(r.key() + " has no Kubernetes meaning (" + r.why() + "): left out",
                        r.key());
            }
        }
        networks(ctx);
        placement(ctx, draft);
    }

    private static void networks(ServiceContext ctx) {
        Map<String, ServiceNetwork> nets = ctx.service().networks();
        boolean custom = nets.keySet().stream().anyMatch(n -> !n.equals("default"));
        boolean addressed = nets.values().stream().anyMatch(n -> n != null
                && (!n.aliases().isEmpty() || n.ipv4Address() != null
                        || n.ipv6Address() != null));
        if (custom || addressed) {
            ctx.warn("networks have no Kubernetes meaning: every pod reaches every Service "
                    + "(aliases and fixed addresses too are left out; a NetworkPolicy "
                    + "isolates pods)", "networks");
        }
    }

    private static void placement(ServiceContext ctx, Draft draft) {
        var deploy = ctx.service().deploy();
        if (deploy == null || deploy.placement() == null) {
            return;
        }
        var placement = deploy.placement();
        List<String> constraints = placement.constraints();
        for (int i = 0; i < constraints.size(); i++) {
            String c = constraints.get(i).replace(" ", "");
            String[] kv = c.split("==", 2);
            String key = kv.length < 2 ? null : switch (kv[0]) {
                case "node.hostname" -> "kubernetes.io/hostname";
                case "node.platform.os" -> "kubernetes.io/os";
                case "node.platform.arch" -> "kubernetes.io/arch";
                default -> kv[0].startsWith("node.labels.")
                        ? kv[0].substring("node.labels.".length()) : null;
            };
            if (key == null) {
                ctx.warn("placement constraint " + constraints.get(i) + ": only node.labels, "
                        + "node.hostname and node.platform equalities select nodes",
                        "deploy", "placement", "constraints", i);
                continue;
            }
            if (draft.pod.getNodeSelector() == null) {
                draft.pod.setNodeSelector(new java.util.TreeMap<>());
            }
            draft.pod.getNodeSelector().put(key, kv[1]);
        }
        if (!placement.preferences().isEmpty() || placement.maxReplicasPerNode() != null) {
            ctx.warn("placement preferences and max_replicas_per_node: use affinity and "
                    + "topology spread constraints", "deploy", "placement");
        }
    }

    private static boolean isSet(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return !(v instanceof Boolean b) || b;
    }
}
