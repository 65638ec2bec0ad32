package dev.jcompose.planner;

import dev.jcompose.model.DeviceRequest;
import dev.jcompose.model.Healthcheck;
import dev.jcompose.model.Service;
import dev.jcompose.planner.engine.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The compose rules that turn a service's options into the engine's: which of two keys for the
 * same limit wins, what a healthcheck without a test or with {@code disable} means, how a
 * restart policy, a capability, an extra host or a GPU request is written. Pure functions, one
 * per concern, as docker/cli's {@code convert/service.go} has them.
 */
public final class ContainerOptions {

    private static final Set<String> RESTART_POLICIES =
            Set.of("always", "unless-stopped", "on-failure");

    private ContainerOptions() {
    }

    /**
     * {@code healthcheck:} as the engine runs it: {@code disable: true} (or {@code test: [NONE]})
     * switches the image's off; without {@code test} the image's test is kept with these
     * timings; null when the service says nothing.
     */
    public static ContainerSpec.Health health(Healthcheck h) {
        if (h == null) {
            return null;
        }
        if (h.isDisabled()) {
            return ContainerSpec.Health.DISABLED;
        }
        return new ContainerSpec.Health(h.test(), h.interval(), h.timeout(), h.startPeriod(),
                h.startInterval(), h.retries());
    }

    /**
     * {@code restart:} as the engine's policy: {@code no} (or nothing) is none,
     * {@code on-failure:N} retries N times.
     *
     * @throws IllegalArgumentException for a policy the engine does not know
     */
    public static ContainerSpec.RestartPolicy restartPolicy(String policy) {
        if (policy == null || policy.equals("no")) {
            return null;
        }
        String name = policy;
        int retries = 0;
        int colon = policy.indexOf(':');
        if (colon >= 0) {
            name = policy.substring(0, colon);
            retries = Integer.parseInt(policy.substring(colon + 1));
        }
        if (!RESTART_POLICIES.contains(name)) {
            throw new IllegalArgumentException("restart policy \"" + policy + "\" is not one of "
                    + "no, always, unless-stopped, on-failure[:max-retries]");
        }
        return new ContainerSpec.RestartPolicy(name, retries);
    }

    /** {@code stop_grace_period} in whole seconds, as the engine's stop timeout. */
    public static Integer stopTimeout(Service s) {
        return s.stopGracePeriod() == null ? null
                : (int) Math.max(0, s.stopGracePeriod().toSeconds());
    }

    /**
     * Limits and devices: {@code mem_limit}, {@code cpus} and {@code pids_limit} win over
     * {@code deploy.resources.limits}; devices default to their host path and {@code rwm}.
     */
    public static ContainerSpec.Resources resources(Service s) {
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
        List<ContainerSpec.Ulimit> ulimits = new ArrayList<>();
        s.ulimits().forEach((name, u) -> ulimits.add(
                new ContainerSpec.Ulimit(name, u.softLimit(), u.hardLimit())));
        List<ContainerSpec.Device> devices = s.devices().stream()
                .map(d -> new ContainerSpec.Device(d.source(),
                        d.target() == null ? d.source() : d.target(),
                        d.permissions() == null ? "rwm" : d.permissions()))
                .toList();
        return new ContainerSpec.Resources(memory, cpus == null ? null : (long) (cpus * 1e9),
                pids, s.memReservation(), s.memswapLimit(), s.cpuShares(), s.cpuQuota(),
                s.cpuPeriod(), s.cpuset(), s.oomScoreAdj(), s.oomKillDisable(), s.shmSize(),
                ulimits, devices, deviceRequests(s));
    }

    /**
     * {@code gpus} and {@code deploy.resources.reservations.devices} as engine device requests.
     * For {@code gpus}, as docker compose: the capability defaults to {@code gpu}, and neither
     * a count nor device ids means all devices.
     */
    public static List<ContainerSpec.DeviceRequest> deviceRequests(Service s) {
        List<ContainerSpec.DeviceRequest> out = new ArrayList<>();
        for (DeviceRequest d : s.gpus()) {
            out.add(new ContainerSpec.DeviceRequest(d.driver(),
                    d.count() == null && d.deviceIds().isEmpty() ? DeviceRequest.ALL : d.count(),
                    d.deviceIds(), d.capabilities().isEmpty() ? List.of("gpu") : d.capabilities(),
                    d.options()));
        }
        if (s.deploy() != null && s.deploy().resources() != null
                && s.deploy().resources().reservations() != null) {
            for (DeviceRequest d : s.deploy().resources().reservations().devices()) {
                out.add(new ContainerSpec.DeviceRequest(d.driver(), d.count(), d.deviceIds(),
                        d.capabilities(), d.options()));
            }
        }
        return out;
    }

    /** Privileges, capabilities as the engine names them, security options, groups. */
    public static ContainerSpec.Security security(Service s) {
        return new ContainerSpec.Security(Boolean.TRUE.equals(s.privileged()),
                Boolean.TRUE.equals(s.readOnly()), capabilities(s.capAdd()),
                capabilities(s.capDrop()), s.securityOpt(), s.groupAdd(), s.usernsMode());
    }

    /** Capability names as the engine takes them: upper case, without {@code CAP_}. */
    static List<String> capabilities(List<String> names) {
        return names.stream().map(n -> n.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""))
                .toList();
    }

    /**
     * Namespaces, init, runtime, kernel parameters, name resolution and logging;
     * {@code extra_hosts} given as {@code host=ip} written {@code host:ip}.
     */
    public static ContainerSpec.Host host(Service s) {
        ContainerSpec.Logging logging = s.logging() == null || s.logging().driver() == null
                ? null : new ContainerSpec.Logging(s.logging().driver(), s.logging().options());
        return new ContainerSpec.Host(s.init(), s.ipc(), s.pid(), s.uts(), s.cgroupParent(),
                s.runtime(), s.sysctls(),
                s.extraHosts().stream().map(h -> h.replaceFirst("=", ":")).toList(), s.dns(),
                s.dnsSearch(), s.dnsOpt(), logging, s.storageOpt(), s.annotations());
    }
}
