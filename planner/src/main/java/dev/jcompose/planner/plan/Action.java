package dev.jcompose.planner.plan;

import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Hook;
import dev.jcompose.planner.engine.BuildSpec;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.NetworkSpec;
import dev.jcompose.planner.engine.VolumeSpec;
import java.time.Duration;
import java.util.List;

/**
 * One thing the executor does to the engine. Actions are plain data: what to do and to which
 * resource; the decisions were made by the planner.
 */
public sealed interface Action {

    /** The resource acted on, as users read it: {@code Container demo-web-1}. */
    String resource();

    /** A verb phrase for plans: {@code create}, {@code start}. */
    String verb();

    /** The step as a plan prints it: {@code start Container demo-web-1}. */
    default String describe() {
        return verb() + " " + resource();
    }

    /**
     * Pull an image used by {@code services}. When {@code mayFail}, a failure is reported as a
     * warning and the plan carries on (the image can be built, or failures are ignored).
     */
    record PullImage(String image, List<String> services, boolean mayFail) implements Action {
        public PullImage {
            services = List.copyOf(services);
        }

        public PullImage(String image, List<String> services) {
            this(image, services, false);
        }

        @Override
        public String resource() {
            return "Image " + image;
        }

        @Override
        public String verb() {
            return "pull";
        }
    }

    /**
     * Build the image of {@code service}. When {@code onlyIfMissing}, the build is skipped if
     * the image is present by then (a pull before it succeeded).
     */
    record BuildImage(String service, BuildSpec spec, boolean onlyIfMissing) implements Action {
        public BuildImage(String service, BuildSpec spec) {
            this(service, spec, false);
        }

        @Override
        public String resource() {
            return "Image " + spec.tags().get(0);
        }

        @Override
        public String verb() {
            return "build";
        }
    }

    /** Push an image of {@code services} to its registry; see {@link PullImage} for mayFail. */
    record PushImage(String image, List<String> services, boolean mayFail) implements Action {
        public PushImage {
            services = List.copyOf(services);
        }

        @Override
        public String resource() {
            return "Image " + image;
        }

        @Override
        public String verb() {
            return "push";
        }
    }

    record CreateNetwork(String key, NetworkSpec spec) implements Action {
        @Override
        public String resource() {
            return "Network " + spec.name();
        }

        @Override
        public String verb() {
            return "create";
        }
    }

    record CreateVolume(String key, VolumeSpec spec) implements Action {
        @Override
        public String resource() {
            return "Volume " + spec.name();
        }

        @Override
        public String verb() {
            return "create";
        }
    }

    /** Disconnect a container from a network (that is about to be recreated). */
    record DisconnectNetwork(String containerName, String containerId, String network)
            implements Action {
        @Override
        public String resource() {
            return "Container " + containerName;
        }

        @Override
        public String verb() {
            return "disconnect from " + network;
        }
    }

    /** Connect an existing container to a network again (recreated meanwhile). */
    record ConnectNetwork(String containerName, String containerId,
            ContainerSpec.NetworkAttachment attachment) implements Action {
        @Override
        public String resource() {
            return "Container " + containerName;
        }

        @Override
        public String verb() {
            return "connect to " + attachment.network();
        }
    }

    /**
     * Create a container (and connect its further networks) under {@code name}: the spec's, or,
     * when it replaces a container, a temporary one that {@link RenameContainer} changes into
     * the spec's once the old container is stopped and removed (docker compose's recreate).
     */
    record CreateContainer(String service, int number, ContainerSpec spec, String name)
            implements Action {
        public CreateContainer(String service, int number, ContainerSpec spec) {
            this(service, number, spec, spec.name());
        }

        /** Whether it is created under a temporary name, to replace a container. */
        public boolean replacing() {
            return !name.equals(spec.name());
        }

        @Override
        public String resource() {
            return "Container " + spec.name();
        }

        @Override
        public String verb() {
            return "create";
        }

        @Override
        public String describe() {
            return replacing() ? "create Container " + name + " to replace " + spec.name()
                    : Action.super.describe();
        }
    }

    /**
     * Give the container created under {@code temporaryName} its own name, {@code name}, once
     * the container it replaces ({@code replacedId}) is removed.
     */
    record RenameContainer(String service, String temporaryName, String name, String replacedId)
            implements Action {
        @Override
        public String resource() {
            return "Container " + name;
        }

        @Override
        public String verb() {
            return "rename";
        }

        @Override
        public String describe() {
            return "rename Container " + temporaryName + " to " + name;
        }
    }

    /**
     * Start a container; {@code containerId} is null when it is created by this plan. The
     * {@code post_start} hooks run in it once it has started.
     */
    record StartContainer(String service, String containerName, String containerId,
            List<Hook> postStart) implements Action {
        public StartContainer {
            postStart = List.copyOf(postStart);
        }

        public StartContainer(String service, String containerName, String containerId) {
            this(service, containerName, containerId, List.of());
        }

        @Override
        public String resource() {
            return "Container " + containerName;
        }

        @Override
        public String verb() {
            return "start";
        }
    }

    /**
     * Run {@code service}'s {@code pre_start} hooks in order, each a one-off container run to
     * completion and removed ({@code hooks}; {@code indexes} are their places in the file). A
     * non-zero exit fails the step, so the containers waiting on it stay created.
     */
    record RunPreStartHooks(String service, String containerName, List<Integer> indexes,
            List<ContainerSpec> hooks) implements Action {
        public RunPreStartHooks {
            indexes = List.copyOf(indexes);
            hooks = List.copyOf(hooks);
        }

        @Override
        public String resource() {
            return "Container " + containerName;
        }

        @Override
        public String verb() {
            return "run pre_start hooks " + indexes;
        }
    }

    /** Stop a container; its {@code pre_stop} hooks run in it first. */
    record StopContainer(String service, String containerName, String containerId,
            Duration timeout, List<Hook> preStop) implements Action {
        public StopContainer {
            preStop = List.copyOf(preStop);
        }

        public StopContainer(String service, String containerName, String containerId,
                Duration timeout) {
            this(service, containerName, containerId, timeout, List.of());
        }

        @Override
        public String resource() {
            return "Container " + containerName;
        }

        @Override
        public String verb() {
            return "stop";
        }
    }

    /** Send {@code signal} (null: the engine's default, SIGKILL) to a running container. */
    record KillContainer(String service, String containerName, String containerId,
            String signal) implements Action {
        @Override
        public String resource() {
            return "Container " + containerName;
        }

        @Override
        public String verb() {
            return signal == null ? "kill" : "kill -s " + signal;
        }
    }

    record PauseContainer(String service, String containerName, String containerId)
            implements Action {
        @Override
        public String resource() {
            return "Container " + containerName;
        }

        @Override
        public String verb() {
            return "pause";
        }
    }

    record UnpauseContainer(String service, String containerName, String containerId)
            implements Action {
        @Override
        public String resource() {
            return "Container " + containerName;
        }

        @Override
        public String verb() {
            return "unpause";
        }
    }

    record RemoveContainer(String service, String containerName, String containerId,
            boolean removeVolumes) implements Action {
        @Override
        public String resource() {
            return "Container " + containerName;
        }

        @Override
        public String verb() {
            return "remove";
        }
    }

    record RemoveNetwork(String name) implements Action {
        @Override
        public String resource() {
            return "Network " + name;
        }

        @Override
        public String verb() {
            return "remove";
        }
    }

    record RemoveVolume(String name) implements Action {
        @Override
        public String resource() {
            return "Volume " + name;
        }

        @Override
        public String verb() {
            return "remove";
        }
    }

    record RemoveImage(String image) implements Action {
        @Override
        public String resource() {
            return "Image " + image;
        }

        @Override
        public String verb() {
            return "remove";
        }
    }

    /**
     * Wait until {@code service}'s containers satisfy {@code condition} (service_started,
     * service_healthy, service_completed_successfully), so its dependents may start.
     */
    record AwaitService(String service, DependsOn.Condition condition,
            List<String> containerNames, boolean required) implements Action {
        public AwaitService {
            containerNames = List.copyOf(containerNames);
        }

        public AwaitService(String service, DependsOn.Condition condition,
                List<String> containerNames) {
            this(service, condition, containerNames, true);
        }

        @Override
        public String resource() {
            return "Service " + service;
        }

        @Override
        public String verb() {
            return "await " + condition.composeName() + (required ? "" : " (optional)");
        }
    }
}
