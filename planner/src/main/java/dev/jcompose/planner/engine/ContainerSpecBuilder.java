package dev.jcompose.planner.engine;

import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ContainerSpec}: unset lists and maps are empty, unset options the engine's
 * defaults.
 */
public final class ContainerSpecBuilder {

    private String name;
    private String image;
    private String platform;
    private List<String> command;
    private List<String> entrypoint;
    private List<String> env;
    private Map<String, String> labels;
    private String hostname;
    private String domainname;
    private String user;
    private String workingDir;
    private String macAddress;
    private boolean tty;
    private boolean stdinOpen;
    private String stopSignal;
    private Integer stopTimeout;
    private ContainerSpec.Health healthcheck;
    private List<String> exposedPorts;
    private List<ContainerSpec.PortBinding> portBindings;
    private List<ContainerSpec.Mount> mounts;
    private String networkMode;
    private List<ContainerSpec.NetworkAttachment> networks;
    private List<String> links;
    private List<String> externalLinks;
    private List<String> volumesFrom;
    private ContainerSpec.RestartPolicy restartPolicy;
    private ContainerSpec.Resources resources;
    private ContainerSpec.Security security;
    private ContainerSpec.Host host;
    private List<ContainerSpec.File> files;

    ContainerSpecBuilder() {
    }

    ContainerSpecBuilder(ContainerSpec s) {
        name = s.name();
        image = s.image();
        platform = s.platform();
        command = s.command();
        entrypoint = s.entrypoint();
        env = s.env();
        labels = s.labels();
        hostname = s.hostname();
        domainname = s.domainname();
        user = s.user();
        workingDir = s.workingDir();
        macAddress = s.macAddress();
        tty = s.tty();
        stdinOpen = s.stdinOpen();
        stopSignal = s.stopSignal();
        stopTimeout = s.stopTimeout();
        healthcheck = s.healthcheck();
        exposedPorts = s.exposedPorts();
        portBindings = s.portBindings();
        mounts = s.mounts();
        networkMode = s.networkMode();
        networks = s.networks();
        links = s.links();
        externalLinks = s.externalLinks();
        volumesFrom = s.volumesFrom();
        restartPolicy = s.restartPolicy();
        resources = s.resources();
        security = s.security();
        host = s.host();
        files = s.files();
    }

    public ContainerSpecBuilder name(String value) {
        name = value;
        return this;
    }

    public ContainerSpecBuilder image(String value) {
        image = value;
        return this;
    }

    public ContainerSpecBuilder platform(String value) {
        platform = value;
        return this;
    }

    public ContainerSpecBuilder command(List<String> value) {
        command = value;
        return this;
    }

    public ContainerSpecBuilder entrypoint(List<String> value) {
        entrypoint = value;
        return this;
    }

    public ContainerSpecBuilder env(List<String> value) {
        env = value;
        return this;
    }

    public ContainerSpecBuilder labels(Map<String, String> value) {
        labels = value;
        return this;
    }

    public ContainerSpecBuilder hostname(String value) {
        hostname = value;
        return this;
    }

    public ContainerSpecBuilder domainname(String value) {
        domainname = value;
        return this;
    }

    public ContainerSpecBuilder user(String value) {
        user = value;
        return this;
    }

    public ContainerSpecBuilder workingDir(String value) {
        workingDir = value;
        return this;
    }

    public ContainerSpecBuilder macAddress(String value) {
        macAddress = value;
        return this;
    }

    public ContainerSpecBuilder tty(boolean value) {
        tty = value;
        return this;
    }

    public ContainerSpecBuilder stdinOpen(boolean value) {
        stdinOpen = value;
        return this;
    }

    public ContainerSpecBuilder stopSignal(String value) {
        stopSignal = value;
        return this;
    }

    public ContainerSpecBuilder stopTimeout(Integer value) {
        stopTimeout = value;
        return this;
    }

    public ContainerSpecBuilder healthcheck(ContainerSpec.Health value) {
        healthcheck = value;
        return this;
    }

    public ContainerSpecBuilder exposedPorts(List<String> value) {
        exposedPorts = value;
        return this;
    }

    public ContainerSpecBuilder portBindings(List<ContainerSpec.PortBinding> value) {
        portBindings = value;
        return this;
    }

    public ContainerSpecBuilder mounts(List<ContainerSpec.Mount> value) {
        mounts = value;
        return this;
    }

    public ContainerSpecBuilder networkMode(String value) {
        networkMode = value;
        return this;
    }

    public ContainerSpecBuilder networks(List<ContainerSpec.NetworkAttachment> value) {
        networks = value;
        return this;
    }

    public ContainerSpecBuilder links(List<String> value) {
        links = value;
        return this;
    }

    public ContainerSpecBuilder externalLinks(List<String> value) {
        externalLinks = value;
        return this;
    }

    public ContainerSpecBuilder volumesFrom(List<String> value) {
        volumesFrom = value;
        return this;
    }

    public ContainerSpecBuilder restartPolicy(ContainerSpec.RestartPolicy value) {
        restartPolicy = value;
        return this;
    }

    public ContainerSpecBuilder resources(ContainerSpec.Resources value) {
        resources = value;
        return this;
    }

    public ContainerSpecBuilder security(ContainerSpec.Security value) {
        security = value;
        return this;
    }

    public ContainerSpecBuilder host(ContainerSpec.Host value) {
        host = value;
        return this;
    }

    public ContainerSpecBuilder files(List<ContainerSpec.File> value) {
        files = value;
        return this;
    }

    public ContainerSpec build() {
        return new ContainerSpec(
                name, image, platform, command, entrypoint, env, labels,
                hostname, domainname, user, workingDir, macAddress, tty,
                stdinOpen, stopSignal, stopTimeout, healthcheck, exposedPorts,
                portBindings, mounts, networkMode, networks, links,
                externalLinks, volumesFrom, restartPolicy, resources, security,
                host, files);
    }
}
