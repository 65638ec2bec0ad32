package dev.jcompose.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A service, fully resolved: every short syntax turned into its long form, relative paths made
 * absolute, variables interpolated. Components follow the Compose Specification's keys; a
 * {@code null} scalar means "not set" (the engine's default applies).
 *
 * <p>Build instances through the loader ({@code ComposeLoader}); use the {@code withX} copies to
 * derive variants.
 */
public record Service(
        @Yaml.Internal String name,
        Map<String, String> annotations,
        Boolean attach,
        Build build,
        BlkioConfig blkioConfig,
        List<String> capAdd,
        List<String> capDrop,
        String cgroup,
        String cgroupParent,
        List<String> command,
        List<FileReference> configs,
        String containerName,
        Long cpuCount,
        Double cpuPercent,
        Long cpuShares,
        Long cpuQuota,
        Long cpuPeriod,
        Long cpuRtPeriod,
        Long cpuRtRuntime,
        Double cpus,
        String cpuset,
        Map<String, Object> credentialSpec,
        Map<String, DependsOn> dependsOn,
        Deploy deploy,
        Develop develop,
        List<String> deviceCgroupRules,
        List<Device> devices,
        List<String> dns,
        List<String> dnsOpt,
        List<String> dnsSearch,
        String domainname,
        List<String> entrypoint,
        List<EnvFile> envFile,
        Map<String, String> environment,
        List<String> expose,
        List<String> externalLinks,
        List<String> extraHosts,
        List<DeviceRequest> gpus,
        List<String> groupAdd,
        Healthcheck healthcheck,
        String hostname,
        String image,
        Boolean init,
        String ipc,
        String isolation,
        Map<String, String> labels,
        List<String> labelFile,
        List<String> links,
        Logging logging,
        String macAddress,
        @Yaml.Bytes Long memLimit,
        @Yaml.Bytes Long memReservation,
        Long memSwappiness,
        @Yaml.Bytes Long memswapLimit,
        Map<String, ServiceModel> models,
        String networkMode,
        Map<String, ServiceNetwork> networks,
        Boolean oomKillDisable,
        Long oomScoreAdj,
        String pid,
        Long pidsLimit,
        String platform,
        List<PortConfig> ports,
        List<Hook> postStart,
        List<PreStartHook> preStart,
        List<Hook> preStop,
        Boolean privileged,
        List<String> profiles,
        Map<String, Object> provider,
        String pullPolicy,
        Boolean readOnly,
        String restart,
        String runtime,
        Integer scale,
        List<FileReference> secrets,
        List<String> securityOpt,
        @Yaml.Bytes Long shmSize,
        Boolean stdinOpen,
        Duration stopGracePeriod,
        String stopSignal,
        Map<String, String> storageOpt,
        Map<String, String> sysctls,
        List<String> tmpfs,
        Boolean tty,
        Map<String, Ulimit> ulimits,
        Boolean useApiSocket,
        String user,
        String usernsMode,
        String uts,
        List<ServiceVolume> volumes,
        List<String> volumesFrom,
        String workingDir,
        @Yaml.Extensions Map<String, Object> extensions) {

    public Service {
        annotations = Coll.map(annotations);
        capAdd = Coll.list(capAdd);
        capDrop = Coll.list(capDrop);
        command = Coll.listOrNull(command);
        configs = Coll.list(configs);
        credentialSpec = Coll.map(credentialSpec);
        dependsOn = Coll.map(dependsOn);
        deviceCgroupRules = Coll.list(deviceCgroupRules);
        devices = Coll.list(devices);
        dns = Coll.list(dns);
        dnsOpt = Coll.list(dnsOpt);
        dnsSearch = Coll.list(dnsSearch);
        entrypoint = Coll.listOrNull(entrypoint);
        envFile = Coll.list(envFile);
        environment = Coll.map(environment);
        expose = Coll.list(expose);
        externalLinks = Coll.list(externalLinks);
        extraHosts = Coll.list(extraHosts);
        gpus = Coll.list(gpus);
        groupAdd = Coll.list(groupAdd);
        labels = Coll.map(labels);
        labelFile = Coll.list(labelFile);
        links = Coll.list(links);
        models = Coll.map(models);
        networks = Coll.map(networks);
        ports = Coll.list(ports);
        postStart = Coll.list(postStart);
        preStart = Coll.list(preStart);
        preStop = Coll.list(preStop);
        profiles = Coll.list(profiles);
        provider = Coll.map(provider);
        secrets = Coll.list(secrets);
        securityOpt = Coll.list(securityOpt);
        storageOpt = Coll.map(storageOpt);
        sysctls = Coll.map(sysctls);
        tmpfs = Coll.list(tmpfs);
        ulimits = Coll.map(ulimits);
        volumes = Coll.list(volumes);
        volumesFrom = Coll.list(volumesFrom);
        extensions = Coll.map(extensions);
    }

    /** Replicas wanted: {@code scale}, else {@code deploy.replicas}, else 1. */
    public int replicas() {
        if (scale != null) {
            return scale;
        }
        if (deploy != null && deploy.replicas() != null) {
            return deploy.replicas();
        }
        return 1;
    }

    /** The image to run: {@code image}, else the name compose gives a built image. */
    public String imageName(String project) {
        if (image != null && !image.isEmpty()) {
            return image;
        }
        return project + "-" + name;
    }

    /** The networks this service joins, in attachment order (priority, then name). */
    public List<String> networkNames() {
        return networks.entrySet().stream()
                .sorted((a, b) -> {
                    int pa = a.getValue() == null || a.getValue().priority() == null
                            ? 0 : a.getValue().priority();
                    int pb = b.getValue() == null || b.getValue().priority() == null
                            ? 0 : b.getValue().priority();
                    return pa != pb ? Integer.compare(pb, pa) : a.getKey().compareTo(b.getKey());
                })
                .map(Map.Entry::getKey)
                .toList();
    }

    /** A builder starting from this service, to change several components at once. */
    public ServiceBuilder toBuilder() {
        return new ServiceBuilder(this);
    }

    public Service withImage(String newImage) {
        return this.toBuilder().image(newImage).build();
    }

    public Service withScale(Integer newScale) {
        return this.toBuilder().scale(newScale).build();
    }

    public Service withEnvironment(Map<String, String> newEnvironment) {
        return this.toBuilder().environment(newEnvironment).build();
    }

    public Service withLabels(Map<String, String> newLabels) {
        return this.toBuilder().labels(newLabels).build();
    }

    public Service withCommand(List<String> newCommand) {
        return this.toBuilder().command(newCommand).build();
    }

    public Service withEntrypoint(List<String> newEntrypoint) {
        return this.toBuilder().entrypoint(newEntrypoint).build();
    }

    public Service withPorts(List<PortConfig> newPorts) {
        return this.toBuilder().ports(newPorts).build();
    }

    public Service withDependsOn(Map<String, DependsOn> newDependsOn) {
        return this.toBuilder().dependsOn(newDependsOn).build();
    }

    public Service withProfiles(List<String> newProfiles) {
        return this.toBuilder().profiles(newProfiles).build();
    }
}
