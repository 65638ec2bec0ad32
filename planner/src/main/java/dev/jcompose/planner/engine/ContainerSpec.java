package dev.jcompose.planner.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container to create, in the engine's terms, with every compose rule already applied
 * ({@code dev.jcompose.planner.ContainerSpecs} fills it: names, labels, engine-side volume and
 * network names, resource-limit precedence, healthcheck defaults): an adapter only writes it in
 * its engine's form. Build one with {@link #builder}; derive variants with {@link #toBuilder}.
 *
 * <p>References to services ({@code service:x} network, IPC and PID modes; {@code links};
 * {@code volumes_from} entries naming services) are resolved to containers by the executor
 * when it creates the container.
 *
 * @param platform    null for the engine's
 * @param command     null to keep the image's CMD
 * @param entrypoint  null to keep the image's ENTRYPOINT; empty to clear it
 * @param env         {@code KEY=value}, or {@code KEY} alone to unset it (the image's too)
 * @param stopTimeout seconds the engine waits after the stop signal; null for its default
 * @param healthcheck null to keep the image's; {@link Health#DISABLED} to switch it off
 * @param exposedPorts {@code 80/tcp}
 * @param networkMode the network mode, else the first network's engine-side name
 * @param networks    the first is attached at create; the others are connected before start
 * @param links       {@code container:alias} (service links resolved by the executor)
 * @param externalLinks links to containers outside the project, {@code container[:alias]}
 * @param volumesFrom {@code container[:ro|rw]} (services resolved by the executor)
 * @param restartPolicy null for none
 * @param files       files written into the container after it is created, before it starts
 *                    (secrets and configs given as {@code content} or {@code environment})
 */
public record ContainerSpec(
        String name,
        String image,
        String platform,
        List<String> command,
        List<String> entrypoint,
        List<String> env,
        Map<String, String> labels,
        String hostname,
        String domainname,
        String user,
        String workingDir,
        String macAddress,
        boolean tty,
        boolean stdinOpen,
        String stopSignal,
        Integer stopTimeout,
        Health healthcheck,
        List<String> exposedPorts,
        List<PortBinding> portBindings,
        List<Mount> mounts,
        String networkMode,
        List<NetworkAttachment> networks,
        List<String> links,
        List<String> externalLinks,
        List<String> volumesFrom,
        RestartPolicy restartPolicy,
        Resources resources,
        Security security,
        Host host,
        List<File> files) {

    public ContainerSpec {
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = list(env);
        labels = map(labels);
        exposedPorts = list(exposedPorts);
        portBindings = list(portBindings);
        mounts = list(mounts);
        networks = list(networks);
        links = list(links);
        externalLinks = list(externalLinks);
        volumesFrom = list(volumesFrom);
        resources = resources == null ? Resources.NONE : resources;
        security = security == null ? Security.NONE : security;
        host = host == null ? Host.NONE : host;
        files = list(files);
    }

    /** A container named {@code name} running {@code image}, with the engine's defaults. */
    public static ContainerSpecBuilder builder(String name, String image) {
        return new ContainerSpecBuilder().name(name).image(image);
    }

    /** A builder holding this spec's values. */
    public ContainerSpecBuilder toBuilder() {
        return new ContainerSpecBuilder(this);
    }

    /** A file put into the container: absolute path, content, owner and permission bits. */
    public record File(String path, String content, int uid, int gid, int mode) { }

    /** A host port binding; {@code hostPort} is empty for a random port, or a range. */
    public record PortBinding(String hostIp, String hostPort, int containerPort, String protocol) { }

    /**
     * A mount. {@code type} is bind, volume or tmpfs; {@code source} is a host path (bind), an
     * engine-side volume name (volume), or null (anonymous volume, tmpfs).
     */
    public record Mount(String type, String source, String target, boolean readOnly,
            boolean noCopy, String propagation, String selinux, boolean createHostPath,
            Long tmpfsSize, Integer tmpfsMode, String subpath) {

        /** A volume mount, named or ({@code source} null) anonymous. */
        public static Mount volume(String source, String target) {
            return new Mount("volume", source, target, false, false, null, null, false, null,
                    null, null);
        }

        /** This mount with another source. */
        public Mount withSource(String newSource) {
            return new Mount(type, newSource, target, readOnly, noCopy, propagation, selinux,
                    createHostPath, tmpfsSize, tmpfsMode, subpath);
        }
    }

    /**
     * An attachment to a network: engine-side name, DNS aliases, static addresses and the
     * endpoint's options. {@code key} is the network's key in the compose file (for messages),
     * null when it has none.
     */
    public record NetworkAttachment(String network, List<String> aliases, String ipv4Address,
            String ipv6Address, String macAddress, List<String> linkLocalIps,
            Map<String, String> driverOpts, Integer gwPriority, String key,
            String interfaceName) {
        public NetworkAttachment {
            aliases = List.copyOf(aliases);
            linkLocalIps = linkLocalIps == null ? List.of() : List.copyOf(linkLocalIps);
            driverOpts = driverOpts == null ? Map.of() : Map.copyOf(driverOpts);
        }

        /** An attachment to {@code network} with {@code aliases} and nothing else. */
        public static NetworkAttachment of(String network, List<String> aliases) {
            return new NetworkAttachment(network, aliases, null, null, null, null, null, null,
                    null, null);
        }
    }

    /**
     * A healthcheck as the engine runs it: {@code test} is {@code [NONE]},
     * {@code [CMD, ...]} or {@code [CMD-SHELL, command]}, or null to keep the image's test;
     * null durations and retries take the image's or the engine's defaults.
     */
    public record Health(List<String> test, Duration interval, Duration timeout,
            Duration startPeriod, Duration startInterval, Long retries) {

        /** The image's healthcheck switched off. */
        public static final Health DISABLED = new Health(List.of("NONE"), null, null, null,
                null, null);

        public Health {
            test = test == null ? null : List.copyOf(test);
        }

        /** True when this switches the healthcheck off. */
        public boolean disabled() {
            return test != null && !test.isEmpty() && "NONE".equals(test.get(0));
        }
    }

    /** A restart policy: {@code always}, {@code unless-stopped} or {@code on-failure}. */
    public record RestartPolicy(String name, int maximumRetryCount) { }

    /**
     * What the container may use; null for no limit. {@code nanoCpus} counts CPUs in
     * billionths.
     */
    public record Resources(Long memory, Long nanoCpus, Long pidsLimit, Long memoryReservation,
            Long memorySwap, Long cpuShares, Long cpuQuota, Long cpuPeriod, String cpusetCpus,
            Long oomScoreAdj, Boolean oomKillDisable, Long shmSize, List<Ulimit> ulimits,
            List<Device> devices, List<DeviceRequest> deviceRequests) {

        /** No limit, device nor request. */
        public static final Resources NONE = new Resources(null, null, null, null, null, null,
                null, null, null, null, null, null, List.of(), List.of(), List.of());

        public Resources {
            ulimits = list(ulimits);
            devices = list(devices);
            deviceRequests = list(deviceRequests);
        }
    }

    /** A ulimit by name ({@code nofile}), with its soft and hard values. */
    public record Ulimit(String name, long soft, long hard) { }

    /** A host device in the container, with its cgroup permissions ({@code rwm}). */
    public record Device(String pathOnHost, String pathInContainer, String cgroupPermissions) { }

    /**
     * A request for devices of a driver ({@code nvidia}): how many ({@code -1}: all, null: by
     * id), which, with which capabilities.
     */
    public record DeviceRequest(String driver, Long count, List<String> deviceIds,
            List<String> capabilities, Map<String, String> options) {
        public DeviceRequest {
            deviceIds = list(deviceIds);
            capabilities = list(capabilities);
            options = options == null ? null : ordered(options);
        }
    }

    /**
     * What the container's processes may do: privileges, capabilities (upper case, without
     * {@code CAP_}), security options, extra groups, the user namespace.
     */
    public record Security(boolean privileged, boolean readOnlyRootfs, List<String> capAdd,
            List<String> capDrop, List<String> securityOpt, List<String> groupAdd,
            String usernsMode) {

        /** The engine's defaults. */
        public static final Security NONE = new Security(false, false, List.of(), List.of(),
                List.of(), List.of(), null);

        public Security {
            capAdd = list(capAdd);
            capDrop = list(capDrop);
            securityOpt = list(securityOpt);
            groupAdd = list(groupAdd);
        }
    }

    /**
     * How the container sits on its host: init process, namespaces shared, cgroup parent,
     * runtime, kernel parameters, name resolution ({@code extraHosts} as {@code host:ip}),
     * logging, storage options and annotations.
     */
    public record Host(Boolean init, String ipcMode, String pidMode, String utsMode,
            String cgroupParent, String runtime, Map<String, String> sysctls,
            List<String> extraHosts, List<String> dns, List<String> dnsSearch,
            List<String> dnsOptions, Logging logging, Map<String, String> storageOpt,
            Map<String, String> annotations) {

        /** The engine's defaults. */
        public static final Host NONE = new Host(null, null, null, null, null, null, Map.of(),
                List.of(), List.of(), List.of(), List.of(), null, Map.of(), Map.of());

        public Host {
            sysctls = ordered(sysctls);
            extraHosts = list(extraHosts);
            dns = list(dns);
            dnsSearch = list(dnsSearch);
            dnsOptions = list(dnsOptions);
            storageOpt = ordered(storageOpt);
            annotations = ordered(annotations);
        }

        /** These options with other IPC and PID modes. */
        public Host withNamespaceModes(String newIpcMode, String newPidMode) {
            return new Host(init, newIpcMode, newPidMode, utsMode, cgroupParent, runtime, sysctls,
                    extraHosts, dns, dnsSearch, dnsOptions, logging, storageOpt, annotations);
        }
    }

    /** A log driver and its options (null: the driver's defaults). */
    public record Logging(String driver, Map<String, String> options) {
        public Logging {
            options = options == null ? null : ordered(options);
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static Map<String, String> map(Map<String, String> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }

    /** An unmodifiable copy in {@code values}' order (the order the compose file gives). */
    private static Map<String, String> ordered(Map<String, String> values) {
        return values == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
