package dev.jcompose.planner;

import dev.jcompose.model.Service;
import dev.jcompose.model.load.ModelPrinter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hash of a service's configuration, stored on its containers: when it changes, the
 * container is recreated. Computed as compose v2 (2.26) computes it, so that a container either
 * tool created is up to date for the other: the SHA-256 of the service as Go's
 * {@code json.Marshal} writes compose-go's {@code ServiceConfig} (its fields in struct order,
 * {@code command} and {@code entrypoint} null when unset, the struct-valued {@code deploy}
 * fields present when empty, a volume's {@code volume} options as the model holds them: empty
 * for the short syntax, absent for the long one unless written, {@code <>&} escaped), without the
 * fields that do not change a container: {@code build}, {@code pull_policy}, {@code scale} and
 * {@code deploy.replicas}.
 */
public final class ConfigHash {

    /**
     * Starts a hash that waits for the ids of the containers of other services it includes
     * ({@link #of(Service, Function)}): the service's JSON follows, each such id written as
     * {@link #ID_MARK} and the service's name.
     */
    private static final String PENDING = "pending-container-ids:";
    /** A NUL, which compose files cannot hold, written in JSON as Go writes it. */
    private static final String ID_MARK = "\\u0000";
    private static final Pattern PENDING_ID = Pattern.compile(Pattern.quote(ID_MARK)
            + "([^\"\\\\]*)");

    /** compose-go's ServiceConfig fields, in the order Go writes them. */
    private static final List<String> SERVICE_FIELDS = List.of("profiles", "annotations",
            "attach", "build", "develop", "blkio_config", "cap_add", "cap_drop", "cgroup_parent",
            "cgroup", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
            "cpu_rt_runtime", "cpus", "cpuset", "cpu_shares", "command", "configs",
            "container_name", "credential_spec", "depends_on", "deploy", "device_cgroup_rules",
            "devices", "dns", "dns_opt", "dns_search", "dockerfile", "domainname", "entrypoint",
            "environment", "env_file", "expose", "extends", "external_links", "extra_hosts",
            "group_add", "hostname", "healthcheck", "image", "init", "ipc", "isolation",
            "labels", "links", "logging", "log_driver", "log_opt", "mem_limit",
            "mem_reservation", "memswap_limit", "mem_swappiness", "mac_address", "net",
            "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid",
            "pids_limit", "platform", "ports", "privileged", "pull_policy", "read_only",
            "restart", "runtime", "scale", "secrets", "security_opt", "shm_size", "stdin_open",
            "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty",
            "ulimits", "user", "userns_mode", "uts", "volume_driver", "volumes", "volumes_from",
            "working_dir");
    private static final List<String> DEPLOY_FIELDS = List.of("mode", "replicas", "labels",
            "update_config", "rollback_config", "resources", "restart_policy", "placement",
            "endpoint_mode");
    private static final List<String> VOLUME_FIELDS = List.of("type", "source", "target",
            "read_only", "consistency", "bind", "volume", "tmpfs");

    private ConfigHash() {
    }

    /** The hash of a network's configuration, stored on it: when it changes, it is recreated. */
    public static String of(dev.jcompose.model.Network network) {
        return sha256(ModelPrinter.json(ModelPrinter.toPlain(network)));
    }

    /** The hash {@code config --hash} prints: the service as written. */
    public static String of(Service service) {
        return sha256(goJson(service));
    }

    /**
     * The hash compose v2 writes on a container at {@code up}: with {@code volumes_from} entries
     * and {@code network_mode} / {@code ipc} / {@code pid} {@code service:NAME} resolved to the
     * id of NAME's first container by name, as compose v2's convergence resolves them before it
     * hashes ({@code container:NAME} volumes_from entries become NAME, and a volumes_from mode is
     * dropped, as there). When {@code containerId} does not know a service's container yet (it
     * is created by the same plan), the value is pending: {@link #finish} completes it once the
     * container exists; a pending value is never a container's hash.
     */
    public static String of(Service service, Function<String, String> containerId) {
        Map<String, Object> s = goTree(service);
        boolean[] pending = {false};
        Function<String, String> id = name -> {
            String found = containerId.apply(name);
            pending[0] |= found == null;
            return found != null ? found : "\u0000" + name;
        };
        for (String key : List.of("network_mode", "ipc", "pid")) {
            if (s.get(key) instanceof String mode && mode.startsWith("service:")) {
                s.put(key, "container:" + id.apply(mode.substring("service:".length())));
            }
        }
        if (s.get("volumes_from") instanceof List<?> from) {
            s.put("volumes_from", from.stream().map(v -> {
                String[] spec = String.valueOf(v).split(":", -1);
                return (Object) ("container".equals(spec[0])
                        ? spec.length > 1 ? spec[1] : spec[0] : id.apply(spec[0]));
            }).toList());
        }
        String json = ModelPrinter.goJsonLine(s);
        return pending[0] ? PENDING + json : sha256(json);
    }

    /** Whether {@code hash} still waits for container ids ({@link #of(Service, Function)}). */
    public static boolean isPending(String hash) {
        return hash != null && hash.startsWith(PENDING);
    }

    /**
     * {@code hash} with the ids it waited for filled in by {@code containerId} (a service's first
     * container by name); any other value as it is.
     */
    public static String finish(String hash, Function<String, String> containerId) {
        if (!isPending(hash)) {
            return hash;
        }
        Matcher m = PENDING_ID.matcher(hash.substring(PENDING.length()));
        return sha256(m.replaceAll(r -> Matcher.quoteReplacement(containerId.apply(r.group(1)))));
    }

    /** The service as compose v2 hashes it: Go's compact JSON of compose-go's struct. */
    static String goJson(Service service) {
        return ModelPrinter.goJsonLine(goTree(service));
    }

    /** compose-go's struct as a tree, in the order Go writes it. */
    private static Map<String, Object> goTree(Service service) {
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) ModelPrinter.toPlain(service);
        Map<String, Object> s = new LinkedHashMap<>(plain);
        s.remove("build");
        s.remove("pull_policy");
        s.remove("scale");
        s.putIfAbsent("command", null);
        s.putIfAbsent("entrypoint", null);
        if (s.get("deploy") instanceof Map<?, ?> deploy) {
            Map<String, Object> d = copy(deploy);
            d.remove("replicas");
            d.putIfAbsent("resources", Map.of());
            d.putIfAbsent("placement", Map.of());
            s.put("deploy", ordered(d, DEPLOY_FIELDS));
        }
        if (s.get("env_file") instanceof List<?> files) {
            // as compose-go writes an env file: its path alone when required
            s.put("env_file", files.stream().map(f -> {
                Map<String, Object> file = copy((Map<?, ?>) f);
                if (!Boolean.FALSE.equals(file.get("required"))) {
                    return file.get("path");
                }
                Map<String, Object> optional = new LinkedHashMap<>();
                optional.put("path", file.get("path"));
                optional.put("required", false);
                return (Object) optional;
            }).toList());
        }
        if (s.get("volumes") instanceof List<?> volumes) {
            s.put("volumes", volumes.stream()
                    .map(v -> (Object) ordered(copy((Map<?, ?>) v), VOLUME_FIELDS)).toList());
        }
        return ordered(s, SERVICE_FIELDS);
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** {@code m}'s keys in {@code order}, the ones it does not name after them as they were. */
    private static Map<String, Object> ordered(Map<String, Object> m, List<String> order) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : order) {
            if (m.containsKey(k)) {
                out.put(k, m.get(k));
            }
        }
        m.forEach(out::putIfAbsent);
        return out;
    }

    private static String sha256(String json) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
