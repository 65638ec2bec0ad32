package dev.jcompose.kubernetes;

import dev.jcompose.kubernetes.convert.Labels;
import dev.jcompose.kubernetes.convert.Names;
import dev.jcompose.kubernetes.convert.ObjectSet;
import dev.jcompose.kubernetes.deploy.ProjectObjects;
import dev.jcompose.kubernetes.deploy.Rollouts;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a converted project to a cluster and takes it down, through the fabric8 client: a
 * thin ordered executor. {@code up} applies every object server-side (field manager
 * {@value #FIELD_MANAGER}, taking over fields others set), in apply order, then waits for the
 * rollouts; {@code down} deletes what carries the project's label; {@code ps} lists its pods.
 * Progress goes to the same listener {@code up} reports to, one resource per object.
 */
public final class KubernetesDeployer {

    public static final String FIELD_MANAGER = "jcompose";

    private static final Duration POLL = Duration.ofMillis(250);

    private final KubernetesClient client;
    private final ProgressListener progress;

    public KubernetesDeployer(KubernetesClient client, ProgressListener progress) {
        this.client = client;
        this.progress = progress;
    }

    /**
     * Applies {@code manifests}, then (unless told not to) waits for the workloads.
     *
     * @throws KubernetesException when the cluster refuses an object, a Job fails or the
     *                             rollouts do not finish in time
     */
    public void up(Manifests manifests, DeployOptions options) throws InterruptedException {
        for (HasMetadata o : manifests.objects()) {
            String resource = resource(o);
            progress.on(ProgressEvent.working(resource, "Applying"));
            try {
                apply(o);
            } catch (KubernetesClientException e) {
                progress.on(ProgressEvent.error(resource, "Error", reason(e)));
                throw new KubernetesException("the cluster refused " + resource + ": "
                        + reason(e), e);
            }
            progress.on(ProgressEvent.done(resource, "Applied"));
        }
        orphans(manifests, options.removeOrphans());
        if (options.waitForRollout()) {
            waitForRollouts(manifests, options.timeout());
        }
    }

    /**
     * Deletes the project's objects in {@code namespace}: workloads first, then what they
     * used; its claims and, when the project made it, the namespace only with
     * {@code volumes} (as compose keeps named volumes unless {@code down -v}).
     */
    public void down(String project, String namespace, boolean volumes) {
        List<HasMetadata> found = new ProjectObjects(client, project, namespace).list();
        found.sort(Comparator.comparingInt((HasMetadata o) -> -ObjectSet.rank(o.getKind()))
                .thenComparing(o -> o.getMetadata().getName()));
        for (HasMetadata o : found) {
            if (o.getKind().equals("PersistentVolumeClaim") && !volumes) {
                continue;
            }
            delete(o);
        }
        if (volumes) {
            Namespace ns = client.namespaces().withName(namespace).get();
            if (ns != null && ns.getMetadata().getLabels() != null && Names.labelValue(project)
                    .equals(ns.getMetadata().getLabels().get(Labels.PROJECT))) {
                delete(ns);
            }
        }
    }

    /** The project's pods, by service then name. */
    public List<PodInfo> ps(String project, String namespace) {
        List<PodInfo> out = new ArrayList<>();
        for (Pod p : client.pods().inNamespace(namespace)
                .withLabel(Labels.PROJECT, Names.labelValue(project)).list().getItems()) {
            List<ContainerStatus> cs = p.getStatus() == null
                    || p.getStatus().getContainerStatuses() == null ? List.of()
                    : p.getStatus().getContainerStatuses();
            int containers = p.getSpec() == null || p.getSpec().getContainers() == null ? 0
                    : p.getSpec().getContainers().size();
            long ready = cs.stream().filter(c -> Boolean.TRUE.equals(c.getReady())).count();
            int restarts = cs.stream().mapToInt(c -> c.getRestartCount() == null ? 0
                    : c.getRestartCount()).sum();
            Map<String, String> labels = p.getMetadata().getLabels();
            out.add(new PodInfo(p.getMetadata().getName(), labels == null ? ""
                    : labels.getOrDefault(Labels.SERVICE, ""), status(p, cs),
                    ready + "/" + containers, restarts));
        }
        out.sort(Comparator.comparing(PodInfo::service).thenComparing(PodInfo::name));
        return out;
    }

    private void orphans(Manifests manifests, boolean remove) {
        Set<String> wanted = manifests.objects().stream().map(KubernetesDeployer::key)
                .collect(Collectors.toSet());
        for (HasMetadata o : new ProjectObjects(client, manifests.project(),
                manifests.namespace()).list()) {
            if (wanted.contains(key(o))) {
                continue;
            }
            if (remove) {
                delete(o);
            } else {
                progress.on(ProgressEvent.warning(resource(o), "Orphan", "not in the compose "
                        + "files; k8s up --remove-orphans deletes it"));
            }
        }
    }

    private void waitForRollouts(Manifests manifests, Duration timeout)
            throws InterruptedException {
        Map<String, HasMetadata> pending = new LinkedHashMap<>();
        manifests.objects().stream().filter(Rollouts::isWorkload)
                .forEach(o -> pending.put(resource(o), o));
        Map<String, String> shown = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                HasMetadata current = client.resource(e.getValue()).get();
                Rollouts.State state = current == null
                        ? new Rollouts.State(false, false, "Missing") : Rollouts.of(current);
                if (state.failed()) {
                    progress.on(ProgressEvent.error(e.getKey(), state.text(), ""));
                    throw new KubernetesException(e.getKey() + " failed (kubectl describe "
                            + e.getValue().getKind().toLowerCase(java.util.Locale.ROOT) + " "
                            + e.getValue().getMetadata().getName() + " -n "
                            + manifests.namespace() + " tells why)");
                }
                if (state.done()) {
                    progress.on(ProgressEvent.done(e.getKey(), state.text().equals("Completed")
                            ? "Completed" : "Ready"));
                    it.remove();
                } else if (!state.text().equals(shown.get(e.getKey()))) {
                    progress.on(ProgressEvent.working(e.getKey(), "Rolling out: "
                            + state.text()));
                }
                shown.put(e.getKey(), state.text());
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new KubernetesException("timed out after " + timeout.toSeconds()
                        + " s waiting for " + pending.keySet().stream()
                                .map(r -> r + " (" + shown.get(r) + ")")
                                .collect(Collectors.joining(", ")));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Server-side apply. A server without it (one that answers 415 to the apply patch, or 404
     * for an object that does not exist yet, as fabric8's mock server does) gets a create or
     * an update instead.
     */
    private void apply(HasMetadata o) {
        try {
            client.resource(o).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404 && e.getCode() != 415) {
                throw e;
            }
            client.resource(o).createOr(
                    io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
        }
    }

    private void delete(HasMetadata o) {
        String resource = resource(o);
        progress.on(ProgressEvent.working(resource, "Removing"));
        try {
            client.resource(o).withPropagationPolicy(
                    io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            progress.on(ProgressEvent.error(resource, "Error", reason(e)));
            throw new KubernetesException("the cluster refused to delete " + resource + ": "
                    + reason(e), e);
        }
        progress.on(ProgressEvent.done(resource, "Removed"));
    }

    private static String status(Pod p, List<ContainerStatus> cs) {
        for (ContainerStatus c : cs) {
            if (c.getState() != null && c.getState().getWaiting() != null
                    && c.getState().getWaiting().getReason() != null) {
                return c.getState().getWaiting().getReason();
            }
        }
        return p.getStatus() == null || p.getStatus().getPhase() == null ? "Unknown"
                : p.getStatus().getPhase();
    }

    static String resource(HasMetadata o) {
        return o.getKind() + " " + o.getMetadata().getName();
    }

    private static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }

    private static String reason(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        return e.getMessage();
    }
}
