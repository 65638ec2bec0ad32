package dev.jcompose.runtime;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.BindOptions;
import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.VolumeOptions;
import dev.jcompose.model.Healthcheck;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.ContainerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The create-container request as docker-java built it before jcompose wrote the JSON itself
 * ({@link RequestBodies}): the oracle {@code RequestBodiesTest} compares the two bodies with.
 */
final class DockerJavaContainerMapper {

    private DockerJavaContainerMapper() {
    }

    /**
     * Maps {@code spec} and the (reference-resolved) service {@code s} it was made from as
     * jcompose did: the long tail of options straight from the service.
     */
    static void apply(ContainerSpec spec, Service s, CreateContainerCmd cmd) {
        cmd.withName(spec.name()).withLabels(spec.labels()).withEnv(spec.env());
        if (spec.command() != null) {
            cmd.withCmd(spec.command());
        }
        if (spec.entrypoint() != null) {
            cmd.withEntrypoint(spec.entrypoint().isEmpty() ? List.of("") : spec.entrypoint());
        }
        if (spec.hostname() != null) {
            cmd.withHostName(spec.hostname());
        }
        if (spec.user() != null) {
            cmd.withUser(spec.user());
        }
        if (spec.workingDir() != null) {
            cmd.withWorkingDir(spec.workingDir());
        }
        List<ExposedPort> exposed = new ArrayList<>();
        for (String p : spec.exposedPorts()) {
            exposed.add(ExposedPort.parse(p));
        }
        cmd.withExposedPorts(exposed);

        HostConfig host = HostConfig.newHostConfig();
        Ports ports = new Ports();
        for (ContainerSpec.PortBinding b : spec.portBindings()) {
            ExposedPort ep = new ExposedPort(b.containerPort(),
                    InternetProtocol.parse(b.protocol().toLowerCase(Locale.ROOT)));
            ports.bind(ep, new Ports.Binding(b.hostIp().isEmpty() ? null : b.hostIp(),
                    b.hostPort().isEmpty() ? null : b.hostPort()));
        }
        host.withPortBindings(ports);
        // binds that may create their host path go through the legacy Binds field: the engine
        // creates a missing source there, and refuses it for a Mount
        List<Bind> binds = new ArrayList<>();
        List<Mount> mounts = new ArrayList<>();
        for (ContainerSpec.Mount m : spec.mounts()) {
            if ("bind".equals(m.type()) && m.createHostPath()) {
                binds.add(bind(m));
            } else {
                mounts.add(mount(m));
            }
        }
        host.withBinds(binds);
        host.withMounts(mounts);
        if (s != null && !s.links().isEmpty()) {
            // resolved by the executor to container:alias; on a user network they are set on
            // the endpoint too (see DockerEngine.createContainer)
            host.withLinks(links(s));
        }
        if (s != null && !s.volumesFrom().isEmpty()) {
            // resolved by the executor to container[:ro|rw]
            host.withVolumesFrom(s.volumesFrom().stream()
                    .map(com.github.dockerjava.api.model.VolumesFrom::parse)
                    .toArray(com.github.dockerjava.api.model.VolumesFrom[]::new));
        }
        if (spec.networkMode() != null) {
            host.withNetworkMode(spec.networkMode());
        }
        if (!spec.networks().isEmpty()) {
            ContainerSpec.NetworkAttachment first = spec.networks().get(0);
            cmd.withAliases(first.aliases());
            if (first.ipv4Address() != null) {
                cmd.withIpv4Address(first.ipv4Address());
            }
            if (first.ipv6Address() != null) {
                cmd.withIpv6Address(first.ipv6Address());
            }
        }
        if (s.restart() != null && !s.restart().equals("no")) {
            host.withRestartPolicy(RestartPolicy.parse(s.restart()));
        }
        if (s != null) {
            service(s, cmd, host);
        }
        cmd.withHostConfig(host);
    }

    static com.github.dockerjava.api.model.Link[] links(Service s) {
        return s.links().stream().map(com.github.dockerjava.api.model.Link::parse)
                .toArray(com.github.dockerjava.api.model.Link[]::new);
    }

    /**
     * {@code gpus} and {@code deploy.resources.reservations.devices} as engine device requests.
     * For {@code gpus}, as docker compose: the capability defaults to {@code gpu}, and neither
     * a count nor device ids means all devices.
     */
    static List<com.github.dockerjava.api.model.DeviceRequest> deviceRequests(Service s) {
        List<com.github.dockerjava.api.model.DeviceRequest> out = new ArrayList<>();
        for (dev.jcompose.model.DeviceRequest d : s.gpus()) {
            out.add(deviceRequest(d, d.capabilities().isEmpty() ? List.of("gpu")
                    : d.capabilities(), d.count() == null && d.deviceIds().isEmpty()
                            ? dev.jcompose.model.DeviceRequest.ALL : d.count()));
        }
        if (s.deploy() != null && s.deploy().resources() != null
                && s.deploy().resources().reservations() != null) {
            for (dev.jcompose.model.DeviceRequest d
                    : s.deploy().resources().reservations().devices()) {
                out.add(deviceRequest(d, d.capabilities(), d.count()));
            }
        }
        return out;
    }

    private static com.github.dockerjava.api.model.DeviceRequest deviceRequest(
            dev.jcompose.model.DeviceRequest d, List<String> capabilities, Long count) {
        com.github.dockerjava.api.model.DeviceRequest r =
                new com.github.dockerjava.api.model.DeviceRequest()
                        .withCapabilities(List.of(capabilities))
                        .withOptions(d.options());
        if (d.driver() != null) {
            r.withDriver(d.driver());
        }
        if (count != null) {
            r.withCount(count.intValue());
        }
        if (!d.deviceIds().isEmpty()) {
            r.withDeviceIds(d.deviceIds());
        }
        return r;
    }

    private static void service(Service s, CreateContainerCmd cmd, HostConfig host) {
        if (s.domainname() != null) {
            cmd.withDomainName(s.domainname());
        }
        if (s.macAddress() != null) {
            cmd.withMacAddress(s.macAddress());
        }
        if (Boolean.TRUE.equals(s.tty())) {
            cmd.withTty(true);
        }
        if (Boolean.TRUE.equals(s.stdinOpen())) {
            cmd.withStdinOpen(true);
            cmd.withAttachStdin(true);
        }
        if (s.stopSignal() != null) {
            cmd.withStopSignal(s.stopSignal());
        }
        if (s.stopGracePeriod() != null) {
            cmd.withStopTimeout((int) Math.max(0, s.stopGracePeriod().toSeconds()));
        }
        if (s.healthcheck() != null) {
            cmd.withHealthcheck(healthcheck(s.healthcheck()));
        }
        if (Boolean.TRUE.equals(s.privileged())) {
            host.withPrivileged(true);
        }
        if (s.init() != null) {
            host.withInit(s.init());
        }
        if (Boolean.TRUE.equals(s.readOnly())) {
            host.withReadonlyRootfs(true);
        }
        if (!s.capAdd().isEmpty()) {
            host.withCapAdd(caps(s.capAdd()));
        }
        if (!s.capDrop().isEmpty()) {
            host.withCapDrop(caps(s.capDrop()));
        }
        if (s.shmSize() != null) {
            host.withShmSize(s.shmSize());
        }
        if (!s.ulimits().isEmpty()) {
            List<Ulimit> ulimits = new ArrayList<>();
            s.ulimits().forEach((name, u) -> ulimits.add(new Ulimit(name, u.softLimit(),
                    u.hardLimit())));
            host.withUlimits(ulimits);
        }
        if (!s.sysctls().isEmpty()) {
            host.withSysctls(s.sysctls());
        }
        if (!s.extraHosts().isEmpty()) {
            host.withExtraHosts(s.extraHosts().stream()
                    .map(h -> h.replaceFirst("=", ":")).toArray(String[]::new));
        }
        if (!s.dns().isEmpty()) {
            host.withDns(s.dns());
        }
        if (!s.dnsSearch().isEmpty()) {
            host.withDnsSearch(s.dnsSearch());
        }
        if (!s.dnsOpt().isEmpty()) {
            host.withDnsOptions(s.dnsOpt());
        }
        // the service's own limits, else those of deploy.resources.limits
        var limits = s.deploy() == null || s.deploy().resources() == null ? null
                : s.deploy().resources().limits();
        Long memory = s.memLimit() != null || limits == null ? s.memLimit() : limits.memory();
        Double cpus = s.cpus() != null || limits == null ? s.cpus() : limits.cpus();
        Long pids = s.pidsLimit() != null || limits == null ? s.pidsLimit() : limits.pids();
        if (memory != null) {
            host.withMemory(memory);
        }
        if (cpus != null) {
            host.withNanoCPUs((long) (cpus * 1e9));
        }
        if (pids != null) {
            host.withPidsLimit(pids);
        }
        if (s.memReservation() != null) {
            host.withMemoryReservation(s.memReservation());
        }
        if (s.memswapLimit() != null) {
            host.withMemorySwap(s.memswapLimit());
        }
        if (s.cpuShares() != null) {
            host.withCpuShares(s.cpuShares().intValue());
        }
        if (s.cpuQuota() != null) {
            host.withCpuQuota(s.cpuQuota());
        }
        if (s.cpuPeriod() != null) {
            host.withCpuPeriod(s.cpuPeriod());
        }
        if (s.cpuset() != null) {
            host.withCpusetCpus(s.cpuset());
        }
        if (s.oomScoreAdj() != null) {
            host.withOomScoreAdj(s.oomScoreAdj().intValue());
        }
        if (s.oomKillDisable() != null) {
            host.withOomKillDisable(s.oomKillDisable());
        }
        if (s.logging() != null && s.logging().driver() != null) {
            host.withLogConfig(new LogConfig(LogConfig.LoggingType.fromValue(
                    s.logging().driver()), s.logging().options()));
        }
        if (!s.securityOpt().isEmpty()) {
            host.withSecurityOpts(s.securityOpt());
        }
        if (!s.devices().isEmpty()) {
            host.withDevices(s.devices().stream().map(d -> new Device(
                    d.permissions() == null ? "rwm" : d.permissions(),
                    d.target() == null ? d.source() : d.target(), d.source())).toList());
        }
        if (!s.groupAdd().isEmpty()) {
            host.withGroupAdd(s.groupAdd());
        }
        List<com.github.dockerjava.api.model.DeviceRequest> requests = deviceRequests(s);
        if (!requests.isEmpty()) {
            host.withDeviceRequests(requests);
        }
        if (s.ipc() != null) {
            host.withIpcMode(s.ipc());
        }
        if (s.pid() != null) {
            host.withPidMode(s.pid());
        }
        if (s.uts() != null) {
            host.withUtSMode(s.uts());
        }
        if (s.usernsMode() != null) {
            host.withUsernsMode(s.usernsMode());
        }
        if (s.cgroupParent() != null) {
            host.withCgroupParent(s.cgroupParent());
        }
        if (s.runtime() != null) {
            host.withRuntime(s.runtime());
        }
        if (!s.storageOpt().isEmpty()) {
            host.withStorageOpt(s.storageOpt());
        }
        if (!s.annotations().isEmpty()) {
            host.withAnnotations(s.annotations());
        }
    }

    private static Capability[] caps(List<String> names) {
        return names.stream().map(n -> Capability.valueOf(
                n.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""))).toArray(Capability[]::new);
    }

    static HealthCheck healthcheck(Healthcheck h) {
        HealthCheck out = new HealthCheck();
        if (h.isDisabled()) {
            return out.withTest(List.of("NONE"));
        }
        if (h.test() != null) {
            out.withTest(h.test());
        }
        if (h.interval() != null) {
            out.withInterval(nanos(h.interval()));
        }
        if (h.timeout() != null) {
            out.withTimeout(nanos(h.timeout()));
        }
        if (h.startPeriod() != null) {
            out.withStartPeriod(nanos(h.startPeriod()));
        }
        if (h.startInterval() != null) {
            out.withStartInterval(nanos(h.startInterval()));
        }
        if (h.retries() != null) {
            out.withRetries(h.retries().intValue());
        }
        return out;
    }

    private static Long nanos(Duration d) {
        return d.toNanos();
    }

    private static Bind bind(ContainerSpec.Mount m) {
        return Bind.parse(RequestBodies.bind(m));
    }

    private static Mount mount(ContainerSpec.Mount m) {
        Mount out = new Mount().withTarget(m.target()).withReadOnly(m.readOnly());
        switch (m.type()) {
            case "bind" -> {
                out.withType(MountType.BIND).withSource(m.source());
                BindOptions opts = new BindOptions();
                if (m.propagation() != null) {
                    opts.withPropagation(BindPropagation.valueOf(m.propagation().toUpperCase(
                            Locale.ROOT)));
                }
                out.withBindOptions(opts);
            }
            case "tmpfs" -> {
                out.withType(MountType.TMPFS);
                TmpfsOptions opts = new TmpfsOptions();
                if (m.tmpfsSize() != null) {
                    opts.withSizeBytes(m.tmpfsSize());
                }
                if (m.tmpfsMode() != null) {
                    opts.withMode(m.tmpfsMode());
                }
                out.withTmpfsOptions(opts);
            }
            default -> {
                out.withType(MountType.VOLUME);
                if (m.source() != null) {
                    out.withSource(m.source());
                }
                VolumeOptions opts = new VolumeOptions();
                if (m.noCopy()) {
                    opts.withNoCopy(true);
                }
                out.withVolumeOptions(opts);
            }
        }
        return out;
    }
}
