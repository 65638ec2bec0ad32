package dev.jcompose.api;

import java.util.List;
import java.util.Map;

/**
 * A one-off container of a service ({@code run}); made with {@link #builder(String)}.
 *
 * @param service      the service it is made from
 * @param command      the command (empty: the service's)
 * @param entrypoint   the entrypoint (null: the service's)
 * @param env          variables added to the service's environment
 * @param name         the container's name (null: {@code project-service-run-<hex>})
 * @param user         run as (null: the service's)
 * @param workingDir   in (null: the service's)
 * @param noDeps       do not start the services it depends on
 * @param servicePorts publish the service's ports (by default a one-off publishes none)
 * @param remove       remove the container after it exits
 * @param detach       start it and return at once
 * @param tty          with a pseudo-terminal and stdin kept open (interactive use)
 * @param publish      ports to publish, in the short syntax ({@code 8080:80}), besides the
 *                     service's when {@code servicePorts}
 * @param volumes      volumes to mount besides the service's, in the short syntax
 *                     ({@code ./data:/data:ro}, {@code name:/cache}); a relative path is the
 *                     project directory's
 * @param compatibility name the container as docker-compose 1.x did
 *                     ({@code project_service_run_<hex>})
 * @param orphans      what to do with orphan containers while the dependencies are brought up
 * @param capAdd       capabilities added to the service's (and taken off its cap_drop)
 * @param capDrop      capabilities dropped (and taken off its cap_add)
 * @param labels       labels added to the service's, over them
 * @param useAliases   join the networks with the service's name and its network aliases (by
 *                     default a one-off is known there by its container name only)
 * @param build        build the images of the service and its dependencies first, even if
 *                     present
 * @param stdinOpen    keep stdin open even when not attached (compose v2's {@code -i},
 *                     default on)
 */
public record RunOptions(String service, List<String> command, List<String> entrypoint,
        Map<String, String> env, String name, String user, String workingDir, boolean noDeps,
        boolean servicePorts, boolean remove, boolean detach, boolean tty,
        List<String> publish, List<String> volumes, boolean compatibility,
        OrphanPolicy orphans, List<String> capAdd, List<String> capDrop,
        Map<String, String> labels, boolean useAliases, boolean build, boolean stdinOpen) {

    public RunOptions {
        capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
        capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
        labels = labels == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        command = command == null ? List.of() : List.copyOf(command);
        env = Map.copyOf(env);
        publish = publish == null ? List.of() : List.copyOf(publish);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        orphans = orphans == null ? OrphanPolicy.WARN : orphans;
    }

    public static Builder builder(String service) {
        return new Builder(service);
    }

    /** Builds {@link RunOptions}; every setter returns the builder. */
    public static final class Builder {
        private final String service;
        private List<String> command = List.of();
        private List<String> entrypoint;
        private Map<String, String> env = Map.of();
        private String name;
        private String user;
        private String workingDir;
        private boolean noDeps;
        private boolean servicePorts;
        private boolean remove;
        private boolean detach;
        private boolean tty;
        private List<String> publish = List.of();
        private List<String> volumes = List.of();
        private boolean compatibility;
        private OrphanPolicy orphans = OrphanPolicy.WARN;
        private List<String> capAdd = List.of();
        private List<String> capDrop = List.of();
        private Map<String, String> labels = Map.of();
        private boolean useAliases;
        private boolean build;
        private boolean stdinOpen = true;

        private Builder(String service) {
            this.service = service;
        }

        public Builder command(List<String> commandAndArgs) {
            this.command = commandAndArgs;
            return this;
        }

        public Builder entrypoint(List<String> entrypointToUse) {
            this.entrypoint = entrypointToUse;
            return this;
        }

        public Builder env(Map<String, String> variables) {
            this.env = variables;
            return this;
        }

        public Builder name(String containerName) {
            this.name = containerName;
            return this;
        }

        public Builder user(String runAs) {
            this.user = runAs;
            return this;
        }

        public Builder workingDir(String dir) {
            this.workingDir = dir;
            return this;
        }

        public Builder noDeps(boolean on) {
            this.noDeps = on;
            return this;
        }

        public Builder servicePorts(boolean on) {
            this.servicePorts = on;
            return this;
        }

        public Builder remove(boolean on) {
            this.remove = on;
            return this;
        }

        public Builder detach(boolean on) {
            this.detach = on;
            return this;
        }

        public Builder tty(boolean on) {
            this.tty = on;
            return this;
        }

        public Builder publish(List<String> ports) {
            this.publish = ports;
            return this;
        }

        public Builder volumes(List<String> mounts) {
            this.volumes = mounts;
            return this;
        }

        public Builder compatibility(boolean on) {
            this.compatibility = on;
            return this;
        }

        public Builder orphans(OrphanPolicy policy) {
            this.orphans = policy;
            return this;
        }

        public Builder capAdd(List<String> capabilities) {
            this.capAdd = capabilities;
            return this;
        }

        public Builder capDrop(List<String> capabilities) {
            this.capDrop = capabilities;
            return this;
        }

        public Builder labels(Map<String, String> added) {
            this.labels = added;
            return this;
        }

        public Builder useAliases(boolean on) {
            this.useAliases = on;
            return this;
        }

        public Builder build(boolean on) {
            this.build = on;
            return this;
        }

        public Builder stdinOpen(boolean on) {
            this.stdinOpen = on;
            return this;
        }

        public RunOptions build() {
            return new RunOptions(service, command, entrypoint, env, name, user, workingDir,
                    noDeps, servicePorts, remove, detach, tty, publish, volumes, compatibility,
                    orphans, capAdd, capDrop, labels, useAliases, build, stdinOpen);
        }
    }
}
