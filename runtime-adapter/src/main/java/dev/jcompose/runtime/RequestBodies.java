package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.DeviceRequest;
import dev.jcompose.model.Healthcheck;
import dev.jcompose.model.Network;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.NetworkSpec;
import dev.jcompose.planner.engine.VolumeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bodies of the Engine API requests jcompose writes (create a container, a network or a
 * volume; connect a container to a network), as JSON trees. Not through docker-java's command
 * beans: serialising them takes Jackson's databind, whose introspection of a dozen bean classes
 * held the first create of every {@code up} back by ~75 ms of CPU (docs/PERFORMANCE.md).
 * {@code RequestBodiesTest} checks them against the ones docker-java builds for the same specs.
 */
final class RequestBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Network modes that are not a user-defined network (docker-java's and the engine's). */
    private static final Set<String> BUILT_IN_NETWORK_MODES =
            Set.of("default", "bridge", "host", "none");

    private RequestBodies() {
    }

    /** The create-container request's body for {@code spec}. */
    static ObjectNode container(ContainerSpec spec) {
        Service s = spec.service();
        ObjectNode body = NODES.objectNode();
        put(body, "Hostname", spec.hostname());
        put(body, "User", spec.user());
        body.set("ExposedPorts", exposedPorts(spec.exposedPorts()));
        body.set("Env", strings(spec.env()));
        if (spec.command() != null) {
            body.set("Cmd", strings(spec.command()));
        }
        body.put("Image", spec.image());
        put(body, "WorkingDir", spec.workingDir());
        if (spec.entrypoint() != null) {
            body.set("Entrypoint", strings(spec.entrypoint().isEmpty() ? List.of("")
                    : spec.entrypoint()));
        }
        body.set("Labels", map(spec.labels()));
        ObjectNode host = hostConfig(spec);
        if (s != null) {
            service(s, body, host);
        }
        body.set("HostConfig", host);
        ObjectNode endpoint = endpoint(spec, host);
        if (endpoint != null && spec.networkMode() != null) {
            ObjectNode networking = body.putObject("NetworkingConfig");
            networking.putObject("EndpointsConfig").set(spec.networkMode(), endpoint);
        }
        return body;
    }

    /**
     * The first network's endpoint as the create request carries it: static addresses, the
     * links (on a user-defined network they belong to the endpoint) and the aliases; null
     * when there is none of them.
     */
    private static ObjectNode endpoint(ContainerSpec spec, ObjectNode host) {
        List<String> links = new ArrayList<>();
        if (userDefinedNetwork(spec.networkMode()) && host.has("Links")) {
            host.get("Links").forEach(l -> links.add(l.asText()));
        }
        if (!spec.networks().isEmpty()) {
            return endpoint(spec.networks().get(0), links);
        }
        return links.isEmpty() ? null : (ObjectNode) NODES.objectNode().set("Links",
                strings(links));
    }

    /** An endpoint's settings on {@code a}'s network: addresses, links, aliases. */
    static ObjectNode endpoint(ContainerSpec.NetworkAttachment a, List<String> links) {
        ObjectNode endpoint = NODES.objectNode();
        if (a.ipv4Address() != null || a.ipv6Address() != null) {
            ObjectNode ipam = endpoint.putObject("IPAMConfig");
            put(ipam, "IPv4Address", a.ipv4Address());
            put(ipam, "IPv6Address", a.ipv6Address());
        }
        if (!links.isEmpty()) {
            endpoint.set("Links", strings(links));
        }
        endpoint.set("Aliases", strings(a.aliases()));
        return endpoint;
    }

    private static boolean userDefinedNetwork(String mode) {
        return mode != null && !BUILT_IN_NETWORK_MODES.contains(mode)
                && !mode.startsWith("container:");
    }

    private static ObjectNode hostConfig(ContainerSpec spec) {
        Service s = spec.service();
        ObjectNode host = NODES.objectNode();
        ObjectNode ports = host.putObject("PortBindings");
        for (ContainerSpec.PortBinding b : spec.portBindings()) {
            String key = b.containerPort() + "/" + b.protocol().toLowerCase(Locale.ROOT);
            ArrayNode bindings = ports.has(key) ? (ArrayNode) ports.get(key) : ports.putArray(key);
            bindings.addObject().put("HostIp", b.hostIp()).put("HostPort", b.hostPort());
        }
        // binds that may create their host path go through the legacy Binds field: the engine
        // creates a missing source there, and refuses it for a Mount
        ArrayNode binds = host.putArray("Binds");
        ArrayNode mounts = host.putArray("Mounts");
        for (ContainerSpec.Mount m : spec.mounts()) {
            if ("bind".equals(m.type()) && m.createHostPath()) {
                binds.add(bind(m));
            } else {
                mounts.add(mount(m));
            }
        }
        if (s != null && !s.links().isEmpty()) {
            // resolved by the executor to container:alias
            host.set("Links", strings(s.links().stream().map(RequestBodies::link).toList()));
        }
        if (s != null && !s.volumesFrom().isEmpty()) {
            // resolved by the executor to container[:ro|rw]
            host.set("VolumesFrom", strings(s.volumesFrom().stream()
                    .map(v -> v.contains(":") ? v : v + ":rw").toList()));
        }
        put(host, "NetworkMode", spec.networkMode());
        if (spec.restartPolicy() != null && !spec.restartPolicy().equals("no")) {
            host.set("RestartPolicy", restartPolicy(spec.restartPolicy()));
        }
        return host;
    }

    /**
     * A link as the engine takes it, {@code name:alias}, each part without a leading path
     * ({@code /project-db-1}).
     */
    static String link(String link) {
        String[] parts = link.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("link \"" + link + "\" is not container:alias");
        }
        return lastSegment(parts[0]) + ":" + lastSegment(parts[1]);
    }

    private static String lastSegment(String s) {
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** {@code always}, {@code unless-stopped}, {@code on-failure[:N]} as the engine's object. */
    private static ObjectNode restartPolicy(String policy) {
        String name = policy;
        int retries = 0;
        int colon = policy.indexOf(':');
        if (colon >= 0) {
            name = policy.substring(0, colon);
            retries = Integer.parseInt(policy.substring(colon + 1));
        }
        if (!Set.of("always", "unless-stopped", "on-failure").contains(name)) {
            throw new IllegalArgumentException("restart policy \"" + policy + "\" is not one of "
                    + "no, always, unless-stopped, on-failure[:max-retries]");
        }
        return NODES.objectNode().put("MaximumRetryCount", retries).put("Name", name);
    }

    private static void service(Service s, ObjectNode body, ObjectNode host) {
        put(body, "Domainname", s.domainname());
        put(body, "MacAddress", s.macAddress());
        if (Boolean.TRUE.equals(s.tty())) {
            body.put("Tty", true);
        }
        if (Boolean.TRUE.equals(s.stdinOpen())) {
            body.put("OpenStdin", true);
            body.put("AttachStdin", true);
        }
        put(body, "StopSignal", s.stopSignal());
        if (s.stopGracePeriod() != null) {
            body.put("StopTimeout", (int) Math.max(0, s.stopGracePeriod().toSeconds()));
        }
        if (s.healthcheck() != null) {
            body.set("Healthcheck", healthcheck(s.healthcheck()));
        }
        if (Boolean.TRUE.equals(s.privileged())) {
            host.put("Privileged", true);
        }
        put(host, "Init", s.init());
        if (Boolean.TRUE.equals(s.readOnly())) {
            host.put("ReadonlyRootfs", true);
        }
        if (!s.capAdd().isEmpty()) {
            host.set("CapAdd", capabilities(s.capAdd()));
        }
        if (!s.capDrop().isEmpty()) {
            host.set("CapDrop", capabilities(s.capDrop()));
        }
        put(host, "ShmSize", s.shmSize());
        if (!s.ulimits().isEmpty()) {
            ArrayNode ulimits = host.putArray("Ulimits");
            s.ulimits().forEach((name, u) -> ulimits.addObject().put("Name", name)
                    .put("Soft", u.softLimit()).put("Hard", u.hardLimit()));
        }
        if (!s.sysctls().isEmpty()) {
            host.set("Sysctls", map(s.sysctls()));
        }
        if (!s.extraHosts().isEmpty()) {
            host.set("ExtraHosts", strings(s.extraHosts().stream()
                    .map(h -> h.replaceFirst("=", ":")).toList()));
        }
        nonEmpty(host, "Dns", s.dns());
        nonEmpty(host, "DnsSearch", s.dnsSearch());
        nonEmpty(host, "DnsOptions", s.dnsOpt());
        resources(s, host);
        if (s.logging() != null && s.logging().driver() != null) {
            ObjectNode log = host.putObject("LogConfig").put("Type", s.logging().driver());
            if (s.logging().options() != null) {
                log.set("Config", map(s.logging().options()));
            }
        }
        nonEmpty(host, "SecurityOpt", s.securityOpt());
        if (!s.devices().isEmpty()) {
            ArrayNode devices = host.putArray("Devices");
            s.devices().forEach(d -> devices.addObject()
                    .put("CgroupPermissions", d.permissions() == null ? "rwm" : d.permissions())
                    .put("PathInContainer", d.target() == null ? d.source() : d.target())
                    .put("PathOnHost", d.source()));
        }
        nonEmpty(host, "GroupAdd", s.groupAdd());
        ArrayNode requests = deviceRequests(s);
        if (!requests.isEmpty()) {
            host.set("DeviceRequests", requests);
        }
        put(host, "IpcMode", s.ipc());
        put(host, "PidMode", s.pid());
        put(host, "UTSMode", s.uts());
        put(host, "UsernsMode", s.usernsMode());
        put(host, "CgroupParent", s.cgroupParent());
        put(host, "Runtime", s.runtime());
        if (!s.storageOpt().isEmpty()) {
            host.set("StorageOpt", map(s.storageOpt()));
        }
        if (!s.annotations().isEmpty()) {
            host.set("Annotations", map(s.annotations()));
        }
    }

    /** A container's memory, CPU and pids limits (null: none). */
    record Limits(Long memory, Double cpus, Long pids) {

        /** The service's own limits, else those of {@code deploy.resources.limits}. */
        static Limits of(Service s) {
            Long memory = s.memLimit();
            Double cpus = s.cpus();
            Long pids = s.pidsLimit();
            if (s.deploy() != null && s.deploy().resources() != null
                    && s.deploy().resources().limits() != null) {
                var limits = s.deploy().resources().limits();
                memory = memory != null ? memory : limits.memory();
                cpus = cpus != null ? cpus : limits.cpus();
                pids = pids != null ? pids : limits.pids();
            }
            return new Limits(memory, cpus, pids);
        }

        /** CPUs as the engine counts them, in billionths. */
        Long nanoCpus() {
            return cpus == null ? null : (long) (cpus * 1e9);
        }
    }

    private static void resources(Service s, ObjectNode host) {
        Limits limits = Limits.of(s);
        put(host, "Memory", limits.memory());
        put(host, "NanoCpus", limits.nanoCpus());
        put(host, "PidsLimit", limits.pids());
        put(host, "MemoryReservation", s.memReservation());
        put(host, "MemorySwap", s.memswapLimit());
        put(host, "CpuShares", s.cpuShares());
        put(host, "CpuQuota", s.cpuQuota());
        put(host, "CpuPeriod", s.cpuPeriod());
        put(host, "CpusetCpus", s.cpuset());
        put(host, "OomScoreAdj", s.oomScoreAdj());
        put(host, "OomKillDisable", s.oomKillDisable());
    }

    /**
     * {@code gpus} and {@code deploy.resources.reservations.devices} as engine device requests.
     * For {@code gpus}, as docker compose: the capability defaults to {@code gpu}, and neither
     * a count nor device ids means all devices.
     */
    static ArrayNode deviceRequests(Service s) {
        ArrayNode out = NODES.arrayNode();
        for (DeviceRequest d : s.gpus()) {
            out.add(deviceRequest(d, d.capabilities().isEmpty() ? List.of("gpu")
                    : d.capabilities(), d.count() == null && d.deviceIds().isEmpty()
                            ? DeviceRequest.ALL : d.count()));
        }
        if (s.deploy() != null && s.deploy().resources() != null
                && s.deploy().resources().reservations() != null) {
            for (DeviceRequest d : s.deploy().resources().reservations().devices()) {
                out.add(deviceRequest(d, d.capabilities(), d.count()));
            }
        }
        return out;
    }

    private static ObjectNode deviceRequest(DeviceRequest d, List<String> capabilities,
            Long count) {
        ObjectNode r = NODES.objectNode();
        put(r, "Driver", d.driver());
        put(r, "Count", count);
        if (!d.deviceIds().isEmpty()) {
            r.set("DeviceIDs", strings(d.deviceIds()));
        }
        r.putArray("Capabilities").add(strings(capabilities));
        if (d.options() != null) {
            r.set("Options", map(d.options()));
        }
        return r;
    }

    /** Capability names as the engine takes them: upper case, without {@code CAP_}. */
    private static ArrayNode capabilities(List<String> names) {
        return strings(names.stream()
                .map(n -> n.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "")).toList());
    }

    static ObjectNode healthcheck(Healthcheck h) {
        ObjectNode out = NODES.objectNode();
        if (h.isDisabled()) {
            out.set("Test", strings(List.of("NONE")));
            return out;
        }
        if (h.test() != null) {
            out.set("Test", strings(h.test()));
        }
        nanos(out, "Interval", h.interval());
        nanos(out, "Timeout", h.timeout());
        nanos(out, "StartPeriod", h.startPeriod());
        nanos(out, "StartInterval", h.startInterval());
        put(out, "Retries", h.retries());
        return out;
    }

    private static void nanos(ObjectNode node, String key, Duration d) {
        if (d != null) {
            node.put(key, d.toNanos());
        }
    }

    /** A bind in the legacy {@code Binds} form, {@code source:target:ro|rw[,selinux][,propagation]}. */
    static String bind(ContainerSpec.Mount m) {
        List<String> opts = new ArrayList<>();
        opts.add(m.readOnly() ? "ro" : "rw");
        if (m.selinux() != null) {
            opts.add(m.selinux());
        }
        if (m.propagation() != null) {
            opts.add(m.propagation());
        }
        return m.source() + ":" + m.target() + ":" + String.join(",", opts);
    }

    private static ObjectNode mount(ContainerSpec.Mount m) {
        ObjectNode out = NODES.objectNode().put("Target", m.target());
        switch (m.type()) {
            case "bind" -> {
                out.put("Source", m.source()).put("Type", "bind");
                ObjectNode opts = out.putObject("BindOptions");
                if (m.propagation() != null) {
                    opts.put("Propagation", m.propagation().toLowerCase(Locale.ROOT));
                }
            }
            case "tmpfs" -> {
                out.put("Type", "tmpfs");
                ObjectNode opts = out.putObject("TmpfsOptions");
                put(opts, "SizeBytes", m.tmpfsSize());
                put(opts, "Mode", m.tmpfsMode());
            }
            default -> {
                put(out, "Source", m.source());
                out.put("Type", "volume");
                ObjectNode opts = out.putObject("VolumeOptions");
                if (m.noCopy()) {
                    opts.put("NoCopy", true);
                }
            }
        }
        out.put("ReadOnly", m.readOnly());
        return out;
    }

    /** The create-network request's body. */
    static ObjectNode network(NetworkSpec spec) {
        ObjectNode body = NODES.objectNode().put("Name", spec.name()).put("CheckDuplicate", true);
        body.set("Labels", map(spec.labels()));
        Network n = spec.network();
        if (n != null) {
            body.put("Driver", n.driver() == null ? "bridge" : n.driver());
            if (!n.driverOpts().isEmpty()) {
                body.set("Options", map(n.driverOpts()));
            }
            put(body, "Internal", n.internal());
            put(body, "Attachable", n.attachable());
            put(body, "EnableIPv6", n.enableIpv6());
            if (n.ipam() != null) {
                ObjectNode ipam = body.putObject("IPAM");
                put(ipam, "Driver", n.ipam().driver());
                ArrayNode configs = ipam.putArray("Config");
                for (var pool : n.ipam().config()) {
                    ObjectNode c = configs.addObject();
                    put(c, "Subnet", pool.subnet());
                    put(c, "IPRange", pool.ipRange());
                    put(c, "Gateway", pool.gateway());
                }
            }
        }
        return body;
    }

    /** The create-volume request's body. */
    static ObjectNode volume(VolumeSpec spec) {
        ObjectNode body = NODES.objectNode().put("Name", spec.name());
        body.set("Labels", map(spec.labels()));
        put(body, "Driver", spec.driver());
        if (!spec.driverOpts().isEmpty()) {
            body.set("DriverOpts", map(spec.driverOpts()));
        }
        return body;
    }

    /** The connect-to-network request's body: the container and its endpoint's settings. */
    static ObjectNode connect(String containerId, ContainerSpec.NetworkAttachment a,
            List<String> links) {
        ObjectNode body = NODES.objectNode().put("Container", containerId);
        body.set("EndpointConfig", endpoint(a, links));
        return body;
    }

    /** The disconnect-from-network request's body. */
    static ObjectNode disconnect(String containerId, boolean force) {
        ObjectNode body = NODES.objectNode().put("Container", containerId);
        if (force) {
            body.put("Force", true);
        }
        return body;
    }

    /** {@code ["80/tcp", "53/udp"]} as the engine's {@code {"80/tcp": {}, "53/udp": {}}}. */
    private static ObjectNode exposedPorts(List<String> ports) {
        ObjectNode out = NODES.objectNode();
        for (String p : ports) {
            int slash = p.indexOf('/');
            String key = slash < 0 ? Integer.parseInt(p) + "/tcp"
                    : Integer.parseInt(p.substring(0, slash)) + "/"
                            + p.substring(slash + 1).toLowerCase(Locale.ROOT);
            out.putObject(key);
        }
        return out;
    }

    /** Sets {@code key} to {@code value} (a string, number or boolean) unless it is null. */
    private static void put(ObjectNode node, String key, Object value) {
        switch (value) {
            case null -> { }
            case String v -> node.put(key, v);
            case Boolean v -> node.put(key, v);
            case Integer v -> node.put(key, v);
            case Long v -> node.put(key, v);
            default -> throw new IllegalArgumentException(key + ": " + value.getClass());
        }
    }

    private static void nonEmpty(ObjectNode node, String key, Collection<String> values) {
        if (!values.isEmpty()) {
            node.set(key, strings(values));
        }
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode out = NODES.arrayNode(values.size());
        values.forEach(out::add);
        return out;
    }

    private static ObjectNode map(Map<String, String> values) {
        ObjectNode out = NODES.objectNode();
        values.forEach(out::put);
        return out;
    }
}
