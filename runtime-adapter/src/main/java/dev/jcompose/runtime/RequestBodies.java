package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.planner.engine.ContainerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The body of the Engine API's create-container request, written from a {@link ContainerSpec}
 * as the engine takes it (the spec has every compose rule applied already), and the first
 * network's endpoint; the network and volume requests are {@link NetworkBodies}'. Not through docker-java's command
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
        put(body, "Domainname", spec.domainname());
        put(body, "MacAddress", spec.macAddress());
        if (spec.tty()) {
            body.put("Tty", true);
        }
        if (spec.stdinOpen()) {
            body.put("OpenStdin", true);
            body.put("AttachStdin", true);
        }
        put(body, "StopSignal", spec.stopSignal());
        put(body, "StopTimeout", spec.stopTimeout());
        if (spec.healthcheck() != null) {
            body.set("Healthcheck", healthcheck(spec.healthcheck()));
        }
        ObjectNode host = hostConfig(spec);
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
        if (!spec.links().isEmpty()) {
            // resolved by the executor to container:alias
            host.set("Links", strings(spec.links().stream().map(RequestBodies::link).toList()));
        }
        if (!spec.volumesFrom().isEmpty()) {
            // resolved by the executor to container[:ro|rw]
            host.set("VolumesFrom", strings(spec.volumesFrom().stream()
                    .map(v -> v.contains(":") ? v : v + ":rw").toList()));
        }
        put(host, "NetworkMode", spec.networkMode());
        if (spec.restartPolicy() != null) {
            host.set("RestartPolicy", NODES.objectNode()
                    .put("MaximumRetryCount", spec.restartPolicy().maximumRetryCount())
                    .put("Name", spec.restartPolicy().name()));
        }
        security(spec.security(), host);
        hostOptions(spec.host(), host);
        resources(spec.resources(), host);
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

    private static void security(ContainerSpec.Security s, ObjectNode host) {
        if (s.privileged()) {
            host.put("Privileged", true);
        }
        if (s.readOnlyRootfs()) {
            host.put("ReadonlyRootfs", true);
        }
        nonEmpty(host, "CapAdd", s.capAdd());
        nonEmpty(host, "CapDrop", s.capDrop());
        nonEmpty(host, "SecurityOpt", s.securityOpt());
        nonEmpty(host, "GroupAdd", s.groupAdd());
        put(host, "UsernsMode", s.usernsMode());
    }

    private static void hostOptions(ContainerSpec.Host h, ObjectNode host) {
        put(host, "Init", h.init());
        if (!h.sysctls().isEmpty()) {
            host.set("Sysctls", map(h.sysctls()));
        }
        nonEmpty(host, "ExtraHosts", h.extraHosts());
        nonEmpty(host, "Dns", h.dns());
        nonEmpty(host, "DnsSearch", h.dnsSearch());
        nonEmpty(host, "DnsOptions", h.dnsOptions());
        if (h.logging() != null) {
            ObjectNode log = host.putObject("LogConfig").put("Type", h.logging().driver());
            if (h.logging().options() != null) {
                log.set("Config", map(h.logging().options()));
            }
        }
        put(host, "IpcMode", h.ipcMode());
        put(host, "PidMode", h.pidMode());
        put(host, "UTSMode", h.utsMode());
        put(host, "CgroupParent", h.cgroupParent());
        put(host, "Runtime", h.runtime());
        if (!h.storageOpt().isEmpty()) {
            host.set("StorageOpt", map(h.storageOpt()));
        }
        if (!h.annotations().isEmpty()) {
            host.set("Annotations", map(h.annotations()));
        }
    }

    private static void resources(ContainerSpec.Resources r, ObjectNode host) {
        put(host, "ShmSize", r.shmSize());
        if (!r.ulimits().isEmpty()) {
            ArrayNode ulimits = host.putArray("Ulimits");
            r.ulimits().forEach(u -> ulimits.addObject().put("Name", u.name())
                    .put("Soft", u.soft()).put("Hard", u.hard()));
        }
        put(host, "Memory", r.memory());
        put(host, "NanoCpus", r.nanoCpus());
        put(host, "PidsLimit", r.pidsLimit());
        put(host, "MemoryReservation", r.memoryReservation());
        put(host, "MemorySwap", r.memorySwap());
        put(host, "CpuShares", r.cpuShares());
        put(host, "CpuQuota", r.cpuQuota());
        put(host, "CpuPeriod", r.cpuPeriod());
        put(host, "CpusetCpus", r.cpusetCpus());
        put(host, "OomScoreAdj", r.oomScoreAdj());
        put(host, "OomKillDisable", r.oomKillDisable());
        if (!r.devices().isEmpty()) {
            ArrayNode devices = host.putArray("Devices");
            r.devices().forEach(d -> devices.addObject()
                    .put("CgroupPermissions", d.cgroupPermissions())
                    .put("PathInContainer", d.pathInContainer())
                    .put("PathOnHost", d.pathOnHost()));
        }
        if (!r.deviceRequests().isEmpty()) {
            ArrayNode requests = host.putArray("DeviceRequests");
            r.deviceRequests().forEach(d -> requests.add(deviceRequest(d)));
        }
    }

    private static ObjectNode deviceRequest(ContainerSpec.DeviceRequest d) {
        ObjectNode r = NODES.objectNode();
        put(r, "Driver", d.driver());
        put(r, "Count", d.count());
        if (!d.deviceIds().isEmpty()) {
            r.set("DeviceIDs", strings(d.deviceIds()));
        }
        r.putArray("Capabilities").add(strings(d.capabilities()));
        if (d.options() != null) {
            r.set("Options", map(d.options()));
        }
        return r;
    }

    static ObjectNode healthcheck(ContainerSpec.Health h) {
        ObjectNode out = NODES.objectNode();
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
    static void put(ObjectNode node, String key, Object value) {
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

    static ObjectNode map(Map<String, String> values) {
        ObjectNode out = NODES.objectNode();
        values.forEach(out::put);
        return out;
    }
}
