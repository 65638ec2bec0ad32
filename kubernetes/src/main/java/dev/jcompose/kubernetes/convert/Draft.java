package dev.jcompose.kubernetes.convert;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workload of one service while the transformers fill it in: its kind, its pod (the main
 * container, init containers, volumes) and its metadata. {@link Workloads} turns it into the
 * Deployment, StatefulSet, DaemonSet or Job.
 */
public final class Draft {

    /** What runs the service's pods. */
    public enum Kind { DEPLOYMENT, STATEFUL_SET, DAEMON_SET, JOB }

    Kind kind = Kind.DEPLOYMENT;
    int replicas = 1;
    /** A Deployment's strategy, or null for Kubernetes' default (a rolling update). */
    DeploymentStrategy strategy;
    /** A Job's retries before it fails. */
    Integer backoffLimit;
    Integer minReadySeconds;
    final Container container = new Container();
    final PodSpec pod = new PodSpec();
    final List<Container> initContainers = new ArrayList<>();
    final List<PersistentVolumeClaim> claimTemplates = new ArrayList<>();
    final Map<String, String> labels = new TreeMap<>();
    final Map<String, String> annotations = new TreeMap<>();
    final Map<String, String> podAnnotations = new TreeMap<>();

    public Kind kind() {
        return kind;
    }

    /** Adds {@code volume} to the pod unless one of its name is there. */
    void addVolume(io.fabric8.kubernetes.api.model.Volume volume) {
        if (pod.getVolumes() == null) {
            pod.setVolumes(new ArrayList<>());
        }
        if (pod.getVolumes().stream().noneMatch(v -> v.getName().equals(volume.getName()))) {
            pod.getVolumes().add(volume);
        }
    }

    /** Mounts a volume of the pod into the main container. */
    void mount(io.fabric8.kubernetes.api.model.VolumeMount mount) {
        if (container.getVolumeMounts() == null) {
            container.setVolumeMounts(new ArrayList<>());
        }
        container.getVolumeMounts().add(mount);
    }
}
