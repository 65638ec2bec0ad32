package dev.jcompose.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A changed copy of a {@link Service}: {@code service.toBuilder().image("x").build()}. One field
 * and one setter per component, in the record's order; long because {@link Service} has one
 * component per key of the Compose Specification, and nothing else.
 */
public final class ServiceBuilder {

    private String name;
    private Map<String, String> annotations;
    private Boolean attach;
    private Build build;
    private BlkioConfig blkioConfig;
    private List<String> capAdd;
    private List<String> capDrop;
    private String cgroup;
    private String cgroupParent;
    private List<String> command;
    private List<FileReference> configs;
    private String containerName;
    private Long cpuCount;
    private Double cpuPercent;
    private Long cpuShares;
    private Long cpuQuota;
    private Long cpuPeriod;
    private Long cpuRtPeriod;
    private Long cpuRtRuntime;
    private Double cpus;
    private String cpuset;
    private Map<String, Object> credentialSpec;
    private Map<String, DependsOn> dependsOn;
    private Deploy deploy;
    private Develop develop;
    private List<String> deviceCgroupRules;
    private List<Device> devices;
    private List<String> dns;
    private List<String> dnsOpt;
    private List<String> dnsSearch;
    private String domainname;
    private List<String> entrypoint;
    private List<EnvFile> envFile;
    private Map<String, String> environment;
    private List<String> expose;
    private List<String> externalLinks;
    private List<String> extraHosts;
    private List<DeviceRequest> gpus;
    private List<String> groupAdd;
    private Healthcheck healthcheck;
    private String hostname;
    private String image;
    private Boolean init;
    private String ipc;
    private String isolation;
    private Map<String, String> labels;
    private List<String> labelFile;
    private List<String> links;
    private Logging logging;
    private String macAddress;
    private Long memLimit;
    private Long memReservation;
    private Long memSwappiness;
    private Long memswapLimit;
    private Map<String, ServiceModel> models;
    private String networkMode;
    private Map<String, ServiceNetwork> networks;
    private Boolean oomKillDisable;
    private Long oomScoreAdj;
    private String pid;
    private Long pidsLimit;
    private String platform;
    private List<PortConfig> ports;
    private List<Hook> postStart;
    private List<PreStartHook> preStart;
    private List<Hook> preStop;
    private Boolean privileged;
    private List<String> profiles;
    private Map<String, Object> provider;
    private String pullPolicy;
    private Boolean readOnly;
    private String restart;
    private String runtime;
    private Integer scale;
    private List<FileReference> secrets;
    private List<String> securityOpt;
    private Long shmSize;
    private Boolean stdinOpen;
    private Duration stopGracePeriod;
    private String stopSignal;
    private Map<String, String> storageOpt;
    private Map<String, String> sysctls;
    private List<String> tmpfs;
    private Boolean tty;
    private Map<String, Ulimit> ulimits;
    private Boolean useApiSocket;
    private String user;
    private String usernsMode;
    private String uts;
    private List<ServiceVolume> volumes;
    private List<String> volumesFrom;
    private String workingDir;
    private Map<String, Object> extensions;

    ServiceBuilder(Service s) {
        name = s.name();
        annotations = s.annotations();
        attach = s.attach();
        build = s.build();
        blkioConfig = s.blkioConfig();
        capAdd = s.capAdd();
        capDrop = s.capDrop();
        cgroup = s.cgroup();
        cgroupParent = s.cgroupParent();
        command = s.command();
        configs = s.configs();
        containerName = s.containerName();
        cpuCount = s.cpuCount();
        cpuPercent = s.cpuPercent();
        cpuShares = s.cpuShares();
        cpuQuota = s.cpuQuota();
        cpuPeriod = s.cpuPeriod();
        cpuRtPeriod = s.cpuRtPeriod();
        cpuRtRuntime = s.cpuRtRuntime();
        cpus = s.cpus();
        cpuset = s.cpuset();
        credentialSpec = s.credentialSpec();
        dependsOn = s.dependsOn();
        deploy = s.deploy();
        develop = s.develop();
        deviceCgroupRules = s.deviceCgroupRules();
        devices = s.devices();
        dns = s.dns();
        dnsOpt = s.dnsOpt();
        dnsSearch = s.dnsSearch();
        domainname = s.domainname();
        entrypoint = s.entrypoint();
        envFile = s.envFile();
        environment = s.environment();
        expose = s.expose();
        externalLinks = s.externalLinks();
        extraHosts = s.extraHosts();
        gpus = s.gpus();
        groupAdd = s.groupAdd();
        healthcheck = s.healthcheck();
        hostname = s.hostname();
        image = s.image();
        init = s.init();
        ipc = s.ipc();
        isolation = s.isolation();
        labels = s.labels();
        labelFile = s.labelFile();
        links = s.links();
        logging = s.logging();
        macAddress = s.macAddress();
        memLimit = s.memLimit();
        memReservation = s.memReservation();
        memSwappiness = s.memSwappiness();
        memswapLimit = s.memswapLimit();
        models = s.models();
        networkMode = s.networkMode();
        networks = s.networks();
        oomKillDisable = s.oomKillDisable();
        oomScoreAdj = s.oomScoreAdj();
        pid = s.pid();
        pidsLimit = s.pidsLimit();
        platform = s.platform();
        ports = s.ports();
        postStart = s.postStart();
        preStart = s.preStart();
        preStop = s.preStop();
        privileged = s.privileged();
        profiles = s.profiles();
        provider = s.provider();
        pullPolicy = s.pullPolicy();
        readOnly = s.readOnly();
        restart = s.restart();
        runtime = s.runtime();
        scale = s.scale();
        secrets = s.secrets();
        securityOpt = s.securityOpt();
        shmSize = s.shmSize();
        stdinOpen = s.stdinOpen();
        stopGracePeriod = s.stopGracePeriod();
        stopSignal = s.stopSignal();
        storageOpt = s.storageOpt();
        sysctls = s.sysctls();
        tmpfs = s.tmpfs();
        tty = s.tty();
        ulimits = s.ulimits();
        useApiSocket = s.useApiSocket();
        user = s.user();
        usernsMode = s.usernsMode();
        uts = s.uts();
        volumes = s.volumes();
        volumesFrom = s.volumesFrom();
        workingDir = s.workingDir();
        extensions = s.extensions();
    }

    public ServiceBuilder name(String value) { name = value; return this; }

    public ServiceBuilder annotations(Map<String, String> value) {
        annotations = value;
        return this;
    }

    public ServiceBuilder attach(Boolean value) { attach = value; return this; }
    public ServiceBuilder build(Build value) { build = value; return this; }
    public ServiceBuilder blkioConfig(BlkioConfig value) { blkioConfig = value; return this; }
    public ServiceBuilder capAdd(List<String> value) { capAdd = value; return this; }
    public ServiceBuilder capDrop(List<String> value) { capDrop = value; return this; }
    public ServiceBuilder cgroup(String value) { cgroup = value; return this; }
    public ServiceBuilder cgroupParent(String value) { cgroupParent = value; return this; }
    public ServiceBuilder command(List<String> value) { command = value; return this; }
    public ServiceBuilder configs(List<FileReference> value) { configs = value; return this; }
    public ServiceBuilder containerName(String value) { containerName = value; return this; }
    public ServiceBuilder cpuCount(Long value) { cpuCount = value; return this; }
    public ServiceBuilder cpuPercent(Double value) { cpuPercent = value; return this; }
    public ServiceBuilder cpuShares(Long value) { cpuShares = value; return this; }
    public ServiceBuilder cpuQuota(Long value) { cpuQuota = value; return this; }
    public ServiceBuilder cpuPeriod(Long value) { cpuPeriod = value; return this; }
    public ServiceBuilder cpuRtPeriod(Long value) { cpuRtPeriod = value; return this; }
    public ServiceBuilder cpuRtRuntime(Long value) { cpuRtRuntime = value; return this; }
    public ServiceBuilder cpus(Double value) { cpus = value; return this; }
    public ServiceBuilder cpuset(String value) { cpuset = value; return this; }

    public ServiceBuilder credentialSpec(Map<String, Object> value) {
        credentialSpec = value;
        return this;
    }

    public ServiceBuilder dependsOn(Map<String, DependsOn> value) {
        dependsOn = value;
        return this;
    }

    public ServiceBuilder deploy(Deploy value) { deploy = value; return this; }
    public ServiceBuilder develop(Develop value) { develop = value; return this; }

    public ServiceBuilder deviceCgroupRules(List<String> value) {
        deviceCgroupRules = value;
        return this;
    }

    public ServiceBuilder devices(List<Device> value) { devices = value; return this; }
    public ServiceBuilder dns(List<String> value) { dns = value; return this; }
    public ServiceBuilder dnsOpt(List<String> value) { dnsOpt = value; return this; }
    public ServiceBuilder dnsSearch(List<String> value) { dnsSearch = value; return this; }
    public ServiceBuilder domainname(String value) { domainname = value; return this; }
    public ServiceBuilder entrypoint(List<String> value) { entrypoint = value; return this; }
    public ServiceBuilder envFile(List<EnvFile> value) { envFile = value; return this; }

    public ServiceBuilder environment(Map<String, String> value) {
        environment = value;
        return this;
    }

    public ServiceBuilder expose(List<String> value) { expose = value; return this; }
    public ServiceBuilder externalLinks(List<String> value) { externalLinks = value; return this; }
    public ServiceBuilder extraHosts(List<String> value) { extraHosts = value; return this; }
    public ServiceBuilder gpus(List<DeviceRequest> value) { gpus = value; return this; }
    public ServiceBuilder groupAdd(List<String> value) { groupAdd = value; return this; }
    public ServiceBuilder healthcheck(Healthcheck value) { healthcheck = value; return this; }
    public ServiceBuilder hostname(String value) { hostname = value; return this; }
    public ServiceBuilder image(String value) { image = value; return this; }
    public ServiceBuilder init(Boolean value) { init = value; return this; }
    public ServiceBuilder ipc(String value) { ipc = value; return this; }
    public ServiceBuilder isolation(String value) { isolation = value; return this; }
    public ServiceBuilder labels(Map<String, String> value) { labels = value; return this; }
    public ServiceBuilder labelFile(List<String> value) { labelFile = value; return this; }
    public ServiceBuilder links(List<String> value) { links = value; return this; }
    public ServiceBuilder logging(Logging value) { logging = value; return this; }
    public ServiceBuilder macAddress(String value) { macAddress = value; return this; }
    public ServiceBuilder memLimit(Long value) { memLimit = value; return this; }
    public ServiceBuilder memReservation(Long value) { memReservation = value; return this; }
    public ServiceBuilder memSwappiness(Long value) { memSwappiness = value; return this; }
    public ServiceBuilder memswapLimit(Long value) { memswapLimit = value; return this; }
    public ServiceBuilder models(Map<String, ServiceModel> value) { models = value; return this; }
    public ServiceBuilder networkMode(String value) { networkMode = value; return this; }

    public ServiceBuilder networks(Map<String, ServiceNetwork> value) {
        networks = value;
        return this;
    }

    public ServiceBuilder oomKillDisable(Boolean value) { oomKillDisable = value; return this; }
    public ServiceBuilder oomScoreAdj(Long value) { oomScoreAdj = value; return this; }
    public ServiceBuilder pid(String value) { pid = value; return this; }
    public ServiceBuilder pidsLimit(Long value) { pidsLimit = value; return this; }
    public ServiceBuilder platform(String value) { platform = value; return this; }
    public ServiceBuilder ports(List<PortConfig> value) { ports = value; return this; }
    public ServiceBuilder postStart(List<Hook> value) { postStart = value; return this; }
    public ServiceBuilder preStart(List<PreStartHook> value) { preStart = value; return this; }
    public ServiceBuilder preStop(List<Hook> value) { preStop = value; return this; }
    public ServiceBuilder privileged(Boolean value) { privileged = value; return this; }
    public ServiceBuilder profiles(List<String> value) { profiles = value; return this; }
    public ServiceBuilder provider(Map<String, Object> value) { provider = value; return this; }
    public ServiceBuilder pullPolicy(String value) { pullPolicy = value; return this; }
    public ServiceBuilder readOnly(Boolean value) { readOnly = value; return this; }
    public ServiceBuilder restart(String value) { restart = value; return this; }
    public ServiceBuilder runtime(String value) { runtime = value; return this; }
    public ServiceBuilder scale(Integer value) { scale = value; return this; }
    public ServiceBuilder secrets(List<FileReference> value) { secrets = value; return this; }
    public ServiceBuilder securityOpt(List<String> value) { securityOpt = value; return this; }
    public ServiceBuilder shmSize(Long value) { shmSize = value; return this; }
    public ServiceBuilder stdinOpen(Boolean value) { stdinOpen = value; return this; }
    public ServiceBuilder stopGracePeriod(Duration value) { stopGracePeriod = value; return this; }
    public ServiceBuilder stopSignal(String value) { stopSignal = value; return this; }
    public ServiceBuilder storageOpt(Map<String, String> value) { storageOpt = value; return this; }
    public ServiceBuilder sysctls(Map<String, String> value) { sysctls = value; return this; }
    public ServiceBuilder tmpfs(List<String> value) { tmpfs = value; return this; }
    public ServiceBuilder tty(Boolean value) { tty = value; return this; }
    public ServiceBuilder ulimits(Map<String, Ulimit> value) { ulimits = value; return this; }
    public ServiceBuilder useApiSocket(Boolean value) { useApiSocket = value; return this; }
    public ServiceBuilder user(String value) { user = value; return this; }
    public ServiceBuilder usernsMode(String value) { usernsMode = value; return this; }
    public ServiceBuilder uts(String value) { uts = value; return this; }
    public ServiceBuilder volumes(List<ServiceVolume> value) { volumes = value; return this; }
    public ServiceBuilder volumesFrom(List<String> value) { volumesFrom = value; return this; }
    public ServiceBuilder workingDir(String value) { workingDir = value; return this; }
    public ServiceBuilder extensions(Map<String, Object> value) { extensions = value; return this; }

    public Service build() {
        return new Service(name, annotations, attach, build, blkioConfig, capAdd, capDrop, cgroup,
                cgroupParent, command, configs, containerName, cpuCount, cpuPercent, cpuShares,
                cpuQuota, cpuPeriod, cpuRtPeriod, cpuRtRuntime, cpus, cpuset, credentialSpec,
                dependsOn, deploy, develop, deviceCgroupRules, devices, dns, dnsOpt, dnsSearch,
                domainname, entrypoint, envFile, environment, expose, externalLinks, extraHosts,
                gpus, groupAdd, healthcheck, hostname, image, init, ipc, isolation, labels,
                labelFile, links, logging, macAddress, memLimit, memReservation, memSwappiness,
                memswapLimit, models, networkMode, networks, oomKillDisable, oomScoreAdj, pid,
                pidsLimit, platform, ports, postStart, preStart, preStop, privileged, profiles,
                provider, pullPolicy, readOnly, restart, runtime, scale, secrets, securityOpt,
                shmSize, stdinOpen, stopGracePeriod, stopSignal, storageOpt, sysctls, tmpfs, tty,
                ulimits, useApiSocket, user, usernsMode, uts, volumes, volumesFrom, workingDir,
                extensions);
    }
}
