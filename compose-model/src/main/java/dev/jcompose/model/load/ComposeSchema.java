package dev.jcompose.model.load;

import static dev.jcompose.model.load.Schema.ANY;
import static dev.jcompose.model.load.Schema.BOOL_LIKE;
import static dev.jcompose.model.load.Schema.BYTES;
import static dev.jcompose.model.load.Schema.DURATION;
import static dev.jcompose.model.load.Schema.INT_LIKE;
import static dev.jcompose.model.load.Schema.NULL;
import static dev.jcompose.model.load.Schema.NUMBER_LIKE;
import static dev.jcompose.model.load.Schema.STRING;
import static dev.jcompose.model.load.Schema.STRING_OR_NUMBER;
import static dev.jcompose.model.load.Schema.anyOf;
import static dev.jcompose.model.load.Schema.list;
import static dev.jcompose.model.load.Schema.listOrDict;
import static dev.jcompose.model.load.Schema.map;
import static dev.jcompose.model.load.Schema.obj;
import static dev.jcompose.model.load.Schema.oneOfStrings;
import static dev.jcompose.model.load.Schema.stringOrList;
import static dev.jcompose.model.load.Schema.uniqueList;

import dev.jcompose.model.load.Schema.Type;

/**
 * The shape of a compose file (the Compose Specification), short and long syntax both. Used by
 * the validate stage on each file after interpolation, before canonicalisation.
 *
 * <p>Over 400 lines because it is the Compose Specification's list of keys, one declaration per
 * key in the specification's order, so it can be read side by side with the specification.
 */
public final class ComposeSchema {

    private ComposeSchema() {
    }

    static final String NAME_PATTERN = "^[a-zA-Z0-9._-]+$";

    private static final java.util.Set<Schema.ScalarKind> INTEGER_OR_STRING =
            java.util.Set.of(Schema.ScalarKind.INTEGER, Schema.ScalarKind.STRING);

    /** A number of containers: an integer, not negative. */
    static final Type COUNT = new Schema.Scalar(INTEGER_OR_STRING, "a number of containers",
            n -> {
                String text = String.valueOf(n.value()).strip();
                if (n.value() instanceof String && text.contains("$")) {
                    return null;
                }
                if (!text.matches("[-+]?\\d+")) {
                    return "must be an integer, not \"" + text + "\"";
                }
                return text.startsWith("-") && !text.matches("-0+") ? "cannot be negative ("
                        + text + "): it is a number of containers" : null;
            });

    /** {@code expose}: a port or a range, with an optional protocol ({@code 80-85/udp}). */
    static final Type EXPOSE = new Schema.Scalar(INTEGER_OR_STRING, "a port", n -> {
        String text = String.valueOf(n.value());
        if (text.contains("$")) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?(?:/(?i:tcp|udp|sctp))?")
                .matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 65535
                || m.group(2) != null && (Integer.parseInt(m.group(2)) > 65535
                || Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1)))) {
            return "\"" + text + "\" is not a port to expose (use PORT, PORT-PORT, and "
                    + "/tcp, /udp or /sctp)";
        }
        return null;
    });

    /** {@code image}: a reference the engine takes. */
    static final Type IMAGE = new Schema.Scalar(java.util.Set.of(Schema.ScalarKind.STRING),
            "an image name", n -> {
                String text = (String) n.value();
                if (text.contains("$")) {
                    return null;
                }
                String problem = ImageReferences.problem(text);
                return problem == null ? null : "\"" + text + "\" " + problem;
            });

    static final Type RESTART = Schema.string("a restart policy",
            s -> s.matches("^(|no|always|unless-stopped|on-failure(:[0-9]+)?)$"),
            "is not a restart policy (use no, always, unless-stopped, on-failure or "
                    + "on-failure:N)");

    static final Type ULIMITS = map(anyOf(INT_LIKE,
            obj("a ulimit").keys(INT_LIKE, "soft", "hard").required("soft", "hard").build()));

    static final Type DEVICE_REQUEST = obj("a device request")
            .key("capabilities", list(STRING))
            .key("count", anyOf(Schema.string("all",
                    s -> s.equals("all") || s.strip().matches("\\d+"),
                    "must be a number or \"all\""), INT_LIKE))
            .key("device_ids", list(STRING))
            .key("driver", STRING)
            .key("options", listOrDict())
            .build();

    static final Type FILE_REFERENCE = anyOf(STRING, obj("a secret or config reference")
            .key("source", STRING)
            .key("target", STRING)
            .key("uid", STRING_OR_NUMBER)
            .key("gid", STRING_OR_NUMBER)
            .key("mode", STRING_OR_NUMBER)
            .build());

    static final Type HEALTHCHECK = obj("a healthcheck")
            .key("disable", BOOL_LIKE)
            .key("interval", DURATION)
            .key("retries", NUMBER_LIKE)
            .key("test", stringOrList())
            .key("timeout", DURATION)
            .key("start_period", DURATION)
            .key("start_interval", DURATION)
            .build();

    static final Type BUILD = anyOf(STRING, obj("a build section")
            .key("context", STRING)
            .key("dockerfile", STRING)
            .key("dockerfile_inline", STRING)
            .key("entitlements", list(STRING))
            .key("args", listOrDict())
            .key("ssh", listOrDict())
            .key("labels", listOrDict())
            .key("cache_from", list(STRING))
            .key("cache_to", list(STRING))
            .key("no_cache", BOOL_LIKE)
            .key("no_cache_filter", stringOrList())
            .key("additional_contexts", listOrDict())
            .key("network", STRING)
            .key("provenance", anyOf(STRING, BOOL_LIKE))
            .key("sbom", anyOf(STRING, BOOL_LIKE))
            .key("pull", BOOL_LIKE)
            .key("target", STRING)
            .key("shm_size", BYTES)
            .key("extra_hosts", extraHosts())
            .key("isolation", STRING)
            .key("privileged", BOOL_LIKE)
            .key("secrets", list(FILE_REFERENCE))
            .key("tags", list(STRING))
            .key("ulimits", ULIMITS)
            .key("platforms", list(STRING))
            .build());

    static final Type PORT = anyOf(STRING_OR_NUMBER, obj("a port")
            .key("name", STRING)
            .key("mode", STRING)
            .key("host_ip", STRING)
            .key("target", INT_LIKE)
            .key("published", STRING_OR_NUMBER)
            .key("protocol", STRING)
            .key("app_protocol", STRING)
            .build());

    static final Type SERVICE_VOLUME = anyOf(STRING, obj("a volume mount")
            .key("type", oneOfStrings("bind", "volume", "tmpfs", "npipe", "cluster", "image"))
            .key("source", STRING)
            .key("target", STRING)
            .key("read_only", BOOL_LIKE)
            .key("consistency", STRING)
            .key("bind", obj("bind options")
                    .key("propagation", STRING)
                    .key("create_host_path", BOOL_LIKE)
                    .key("recursive", oneOfStrings("enabled", "disabled", "writable",
                            "readonly"))
                    .key("selinux", oneOfStrings("z", "Z"))
                    .build())
            .key("volume", obj("volume options")
                    .key("nocopy", BOOL_LIKE)
                    .key("subpath", STRING)
                    .build())
            .key("tmpfs", obj("tmpfs options")
                    .key("size", BYTES)
                    .key("mode", STRING_OR_NUMBER)
                    .build())
            .key("image", obj("image options").key("subpath", STRING).build())
            .required("type")
            .build());

    static final Type DEPENDS_ON = anyOf(uniqueList(STRING), map(obj("a dependency")
            .key("condition", oneOfStrings("service_started", "service_healthy",
                    "service_completed_successfully"))
            .key("restart", BOOL_LIKE)
            .key("required", BOOL_LIKE)
            .build(), NAME_PATTERN));

    static final Type SERVICE_NETWORKS = anyOf(uniqueList(STRING), map(anyOf(NULL,
            obj("a network attachment")
                    .key("aliases", list(STRING))
                    .key("interface_name", STRING)
                    .key("ipv4_address", STRING)
                    .key("ipv6_address", STRING)
                    .key("link_local_ips", list(STRING))
                    .key("mac_address", STRING)
                    .key("driver_opts", map(STRING_OR_NUMBER))
                    .key("priority", NUMBER_LIKE)
                    .key("gw_priority", NUMBER_LIKE)
                    .build()), NAME_PATTERN));

    static final Type DEPLOY_RESOURCE = obj("a resource limit")
            .key("cpus", NUMBER_LIKE)
            .key("memory", BYTES)
            .key("pids", INT_LIKE)
            .key("devices", list(DEVICE_REQUEST))
            .key("generic_resources", list(ANY))
            .build();

    static final Type UPDATE_CONFIG = obj("an update config")
            .key("parallelism", INT_LIKE)
            .key("delay", DURATION)
            .key("failure_action", STRING)
            .key("monitor", DURATION)
            .key("max_failure_ratio", NUMBER_LIKE)
            .key("order", oneOfStrings("start-first", "stop-first"))
            .build();

    static final Type DEPLOY = obj("a deploy section")
            .key("mode", STRING)
            .key("endpoint_mode", STRING)
            .key("replicas", COUNT)
            .key("labels", listOrDict())
            .key("rollback_config", UPDATE_CONFIG)
            .key("update_config", UPDATE_CONFIG)
            .key("resources", obj("resources")
                    .key("limits", DEPLOY_RESOURCE)
                    .key("reservations", DEPLOY_RESOURCE)
                    .build())
            .key("restart_policy", obj("a restart policy")
                    .key("condition", STRING)
                    .key("delay", DURATION)
                    .key("max_attempts", INT_LIKE)
                    .key("window", DURATION)
                    .build())
            .key("placement", obj("a placement")
                    .key("constraints", list(STRING))
                    .key("preferences", list(obj("a placement preference")
                            .key("spread", STRING).build()))
                    .key("max_replicas_per_node", INT_LIKE)
                    .build())
            .build();

    static final Type HOOK = obj("a lifecycle hook")
            .key("command", anyOf(STRING, list(STRING)))
            .key("user", STRING)
            .key("privileged", BOOL_LIKE)
            .key("working_dir", STRING)
            .key("environment", listOrDict())
            .required("command")
            .build();

    static final Type PRE_START_HOOK = obj("a pre_start hook")
            .key("image", STRING)
            .key("command", anyOf(NULL, STRING, list(STRING)))
            .key("user", STRING)
            .key("privileged", BOOL_LIKE)
            .key("working_dir", STRING)
            .key("environment", listOrDict())
            .key("per_replica", BOOL_LIKE)
            .build();

    static final Type SERVICE_MODELS = anyOf(uniqueList(STRING), map(anyOf(NULL,
            obj("a model attachment")
                    .key("endpoint_var", STRING)
                    .key("model_var", STRING)
                    .build()), NAME_PATTERN));

    static final Type MODEL = obj("a model")
            .key("name", STRING)
            .key("model", STRING)
            .key("context_size", INT_LIKE)
            .key("runtime_flags", list(STRING))
            .required("model")
            .build();

    static final Type THROTTLE = list(obj("a device throttle")
            .key("path", STRING).key("rate", BYTES).build());

    static final Type SERVICE = obj("a service")
            .key("annotations", listOrDict())
            .key("attach", BOOL_LIKE)
            .key("build", BUILD)
            .key("blkio_config", obj("blkio_config")
                    .key("weight", INT_LIKE)
                    .key("weight_device", list(obj("a weight device")
                            .key("path", STRING).key("weight", INT_LIKE).build()))
                    .key("device_read_bps", THROTTLE)
                    .key("device_read_iops", THROTTLE)
                    .key("device_write_bps", THROTTLE)
                    .key("device_write_iops", THROTTLE)
                    .build())
            .key("cap_add", uniqueList(STRING))
            .key("cap_drop", uniqueList(STRING))
            .key("cgroup", oneOfStrings("host", "private"))
            .key("cgroup_parent", STRING)
            .key("command", anyOf(NULL, STRING, list(STRING)))
            .key("configs", list(FILE_REFERENCE))
            .key("container_name", STRING)
            .key("cpu_count", INT_LIKE)
            .key("cpu_percent", NUMBER_LIKE)
            .key("cpu_shares", INT_LIKE)
            .key("cpu_quota", INT_LIKE)
            .key("cpu_period", INT_LIKE)
            .key("cpu_rt_period", anyOf(INT_LIKE, DURATION))
            .key("cpu_rt_runtime", anyOf(INT_LIKE, DURATION))
            .key("cpus", NUMBER_LIKE)
            .key("cpuset", STRING)
            .key("credential_spec", map(ANY))
            .key("depends_on", DEPENDS_ON)
            .key("deploy", anyOf(NULL, DEPLOY))
            .key("develop", anyOf(NULL, obj("a develop section")
                    .key("watch", list(obj("a watch rule")
                            .key("path", anyOf(STRING, list(STRING)))
                            .key("action", oneOfStrings("rebuild", "sync", "restart",
                                    "sync+restart", "sync+exec"))
                            .key("target", STRING)
                            .key("ignore", stringOrList())
                            .key("include", stringOrList())
                            .key("initial_sync", BOOL_LIKE)
                            .key("exec", HOOK)
                            .required("path", "action")
                            .build()))
                    .build()))
            .key("device_cgroup_rules", list(STRING))
            .key("devices", list(anyOf(STRING, obj("a device")
                    .key("source", STRING).key("target", STRING)
                    .key("permissions", STRING).build())))
            .key("dns", stringOrList())
            .key("dns_opt", uniqueList(STRING))
            .key("dns_search", stringOrList())
            .key("domainname", STRING)
            .key("entrypoint", anyOf(NULL, STRING, list(STRING)))
            .key("env_file", anyOf(STRING, list(anyOf(STRING, obj("an env file")
                    .key("path", STRING).key("required", BOOL_LIKE)
                    .key("format", STRING).required("path").build()))))
            .key("label_file", stringOrList())
            .key("environment", listOrDict())
            .key("expose", uniqueList(EXPOSE))
            .key("extends", anyOf(STRING, obj("extends")
                    .key("service", STRING).key("file", STRING).required("service").build()))
            .key("external_links", uniqueList(STRING))
            .key("extra_hosts", extraHosts())
            .key("gpus", anyOf(Schema.string("all", s -> s.equals("all"),
                    "must be \"all\" or a list of device requests"), list(DEVICE_REQUEST)))
            .key("group_add", list(STRING_OR_NUMBER))
            .key("healthcheck", HEALTHCHECK)
            .key("hostname", STRING)
            .key("image", IMAGE)
            .key("init", BOOL_LIKE)
            .key("ipc", STRING)
            .key("isolation", STRING)
            .key("labels", listOrDict())
            .key("links", uniqueList(STRING))
            .key("logging", obj("a logging section")
                    .key("driver", STRING)
                    .key("options", map(anyOf(STRING_OR_NUMBER, NULL)))
                    .build())
            .key("mac_address", STRING)
            .key("mem_limit", BYTES)
            .key("mem_reservation", BYTES)
            .key("mem_swappiness", INT_LIKE)
            .key("memswap_limit", BYTES)
            .key("models", SERVICE_MODELS)
            .key("network_mode", STRING)
            .key("networks", SERVICE_NETWORKS)
            .key("oom_kill_disable", BOOL_LIKE)
            .key("oom_score_adj", INT_LIKE)
            .key("pid", anyOf(NULL, STRING))
            .key("pids_limit", INT_LIKE)
            .key("platform", STRING)
            .key("ports", list(PORT))
            .key("post_start", list(HOOK))
            .key("pre_start", list(PRE_START_HOOK))
            .key("pre_stop", list(HOOK))
            .key("privileged", BOOL_LIKE)
            .key("profiles", uniqueList(STRING))
            .key("provider", map(ANY))
            .key("pull_policy", Schema.string("a pull policy",
                    s -> s.matches("^(always|never|build|if_not_present|missing|refresh|daily"
                            + "|weekly|every_[0-9]+[smhdw]?.*)$"),
                    "is not a pull policy (use always, never, missing, build, daily, weekly "
                            + "or every_<duration>)"))
            .key("read_only", BOOL_LIKE)
            .key("restart", RESTART)
            .key("runtime", STRING)
            .key("scale", COUNT)
            .key("security_opt", uniqueList(STRING))
            .key("shm_size", BYTES)
            .key("secrets", list(FILE_REFERENCE))
            .key("sysctls", listOrDict())
            .key("stdin_open", BOOL_LIKE)
            .key("stop_grace_period", DURATION)
            .key("stop_signal", STRING)
            .key("storage_opt", map(ANY))
            .key("tmpfs", stringOrList())
            .key("tty", BOOL_LIKE)
            .key("ulimits", ULIMITS)
            .key("use_api_socket", BOOL_LIKE)
            .key("user", STRING_OR_NUMBER)
            .key("uts", STRING)
            .key("userns_mode", STRING)
            .key("volumes", list(SERVICE_VOLUME))
            .key("volumes_from", uniqueList(STRING))
            .key("working_dir", STRING)
            .build();

    static final Type EXTERNAL = anyOf(BOOL_LIKE, obj("external").key("name", STRING).build());

    static final Type NETWORK = anyOf(NULL, obj("a network")
            .key("name", STRING)
            .key("driver", STRING)
            .key("driver_opts", map(STRING_OR_NUMBER))
            .key("ipam", obj("ipam")
                    .key("driver", STRING)
                    .key("config", list(obj("an ipam pool")
                            .key("subnet", STRING)
                            .key("ip_range", STRING)
                            .key("gateway", STRING)
                            .key("aux_addresses", map(STRING))
                            .build()))
                    .key("options", map(STRING))
                    .build())
            .key("external", EXTERNAL)
            .key("internal", BOOL_LIKE)
            .key("enable_ipv4", BOOL_LIKE)
            .key("enable_ipv6", BOOL_LIKE)
            .key("attachable", BOOL_LIKE)
            .key("labels", listOrDict())
            .build());

    static final Type VOLUME = anyOf(NULL, obj("a volume")
            .key("name", STRING)
            .key("driver", STRING)
            .key("driver_opts", map(STRING_OR_NUMBER))
            .key("external", EXTERNAL)
            .key("labels", listOrDict())
            .build());

    static final Type FILE_OBJECT = obj("a secret or config")
            .key("name", STRING)
            .key("content", STRING)
            .key("environment", STRING)
            .key("file", STRING)
            .key("external", EXTERNAL)
            .key("labels", listOrDict())
            .key("driver", STRING)
            .key("driver_opts", map(STRING_OR_NUMBER))
            .key("template_driver", STRING)
            .build();

    static final Type INCLUDE = list(anyOf(STRING, obj("an include")
            .key("path", stringOrList())
            .key("env_file", stringOrList())
            .key("project_directory", STRING)
            .required("path")
            .build()));

    /** The whole file. */
    public static final Type FILE = obj("the compose file")
            .key("version", STRING_OR_NUMBER)
            .key("name", STRING)
            .key("include", INCLUDE)
            .key("services", anyOf(NULL, map(anyOf(NULL, SERVICE), NAME_PATTERN)))
            .key("networks", anyOf(NULL, map(NETWORK, NAME_PATTERN)))
            .key("volumes", anyOf(NULL, map(VOLUME, NAME_PATTERN)))
            .key("secrets", anyOf(NULL, map(FILE_OBJECT, NAME_PATTERN)))
            .key("configs", anyOf(NULL, map(FILE_OBJECT, NAME_PATTERN)))
            .key("models", anyOf(NULL, map(MODEL, NAME_PATTERN)))
            .build();

    /** {@code extra_hosts}: a host:ip list, or a mapping of host to one address or a list. */
    private static Schema.Type extraHosts() {
        return Schema.anyOf(Schema.map(Schema.anyOf(Schema.SCALAR, Schema.list(Schema.STRING))),
                Schema.uniqueList(Schema.STRING_OR_NUMBER));
    }
}
