package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.DeviceRequest;
import dev.jcompose.model.Healthcheck;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.ContainerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The body of the Engine API's create-container request for a {@link ContainerSpec}, written
 * as a JSON tree. Not through docker-java's command beans: serialising them takes Jackson's
 * databind, whose introspection of a dozen bean classes held the first create of every
 * {@code up} back by ~75 ms of CPU (docs/PERFORMANCE.md). {@code ContainerMapperTest} checks the
 * body against the one docker-java builds for the same spec.
 */
final class ContainerMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Network modes that are not a user-defined network (docker-java's and the engine's). */
    private static final Set<String> BUILT_IN_NETWORK_MODES =
            Set.of("default", "bridge", "host", "none");

    private ContainerMapper() {
    }

    /** The create-container request's JSON body for {@code spec}. */
    static ObjectNode body(ContainerSpec spec) {
        Service s = spec.service();
        ObjectNode body = NODES.objectNode();
        text(body, "Hostname", spec.hostname());
        text(body, "User", spec.user());
        body.set("ExposedPorts", exposedPorts(spec.exposedPorts()));
        body.set("Env", strings(spec.env()));
        if (spec.command() != null) {
            body.set("Cmd", strings(spec.command()));
        }
        body.put("Image", spec.image());
        text(body, "WorkingDir", spec.workingDir());
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
            text(ipam, "IPv4Address", a.ipv4Address());
            text(ipam, "IPv6Address", a.ipv6Address());
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
            host.set("Links", strings(s.links().stream().map(ContainerMapper::link).toList()));
        }
        if (s != null && !s.volumesFrom().isEmpty()) {
            // resolved by the executor to container[:ro|rw]
            host.set("VolumesFrom", strings(s.volumesFrom().stream()
                    .map(v -> v.contains(":") ? v : v + ":rw").toList()));
        }
        text(host, "NetworkMode", spec.networkMode());
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
        text(body, "Domainname", s.domainname());
        text(body, "MacAddress", s.macAddress());
        if (Boolean.TRUE.equals(s.tty())) {
            body.put("Tty", true);
        }
        if (Boolean.TRUE.equals(s.stdinOpen())) {
            body.put("OpenStdin", true);
            body.put("AttachStdin", true);
        }
        text(body, "StopSignal", s.stopSignal());
        if (s.stopGracePeriod() != null) {
            body.put("StopTimeout", (int) Math.max(0, s.stopGracePeriod().toSeconds()));
        }
        if (s.healthcheck() != null) {
            body.set("Healthcheck", healthcheck(s.healthcheck()));
        }
        if (Boolean.TRUE.equals(s.privileged())) {
            host.put("Privileged", true);
        }
        if (s.init() != null) {
            host.put("Init", s.init());
        }
        if (Boolean.TRUE.equals(s.readOnly())) {
            host.put("ReadonlyRootfs", true);
        }
        if (!s.capAdd().isEmpty()) {
            host.set("CapAdd", capabilities(s.capAdd()));
        }
        if (!s.capDrop().isEmpty()) {
            host.set("CapDrop", capabilities(s.capDrop()));
        }
        if (s.shmSize() != null) {
            host.put("ShmSize", s.shmSize());
        }
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
        text(host, "IpcMode", s.ipc());
        text(host, "PidMode", s.pid());
        text(host, "UTSMode", s.uts());
        text(host, "UsernsMode", s.usernsMode());
        text(host, "CgroupParent", s.cgroupParent());
        text(host, "Runtime", s.runtime());
        if (!s.storageOpt().isEmpty()) {
            host.set("StorageOpt", map(s.storageOpt()));
        }
        if (!s.annotations().isEmpty()) {
            host.set("Annotations", map(s.annotations()));
        }
    }

    /** Memory, CPU and pids limits: the service's own, else {@code deploy.resources.limits}. */
    private static void resources(Service s, ObjectNode host) {
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
        if (memory != null) {
            host.put("Memory", memory);
        }
        if (cpus != null) {
            host.put("NanoCpus", (long) (cpus * 1e9));
        }
        if (pids != null) {
            host.put("PidsLimit", pids);
        }
        if (s.memReservation() != null) {
            host.put("MemoryReservation", s.memReservation());
        }
        if (s.memswapLimit() != null) {
            host.put("MemorySwap", s.memswapLimit());
        }
        if (s.cpuShares() != null) {
            host.put("CpuShares", s.cpuShares().intValue());
        }
        if (s.cpuQuota() != null) {
            host.put("CpuQuota", s.cpuQuota());
        }
        if (s.cpuPeriod() != null) {
            host.put("CpuPeriod", s.cpuPeriod());
        }
        text(host, "CpusetCpus", s.cpuset());
        if (s.oomScoreAdj() != null) {
            host.put("OomScoreAdj", s.oomScoreAdj().intValue());
        }
        if (s.oomKillDisable() != null) {
            host.put("OomKillDisable", s.oomKillDisable());
        }
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
        text(r, "Driver", d.driver());
        if (count != null) {
            r.put("Count", count.intValue());
        }
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
        if (h.retries() != null) {
            out.put("Retries", h.retries().intValue());
        }
        return out;
    }

    private static void nanos(ObjectNode node, String key, Duration d) {
        if (d != null) {
            node.put(key, d.toNanos());
        }
    }

    /** A bind in the legacy {@code Binds} form, {@code source:target:ro|rw[,selinux][,propagation]}. */
    private static String bind(ContainerSpec.Mount m) {
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
                if (m.tmpfsSize() != null) {
                    opts.put("SizeBytes", m.tmpfsSize());
                }
                if (m.tmpfsMode() != null) {
                    opts.put("Mode", m.tmpfsMode());
                }
            }
            default -> {
                text(out, "Source", m.source());
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

    private static void text(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
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
