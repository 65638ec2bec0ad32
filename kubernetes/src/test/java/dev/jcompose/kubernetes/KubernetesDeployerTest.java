package dev.jcompose.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.planner.progress.ProgressEvent;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code k8s up}, {@code down} and {@code ps} against fabric8's mock API server in CRUD mode
 * (it stores and serves objects, with label selectors, but runs no controllers: the test plays
 * the controllers' part by writing the workloads' status).
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesDeployerTest {

    static KubernetesClient client;

    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    private Manifests junitSample(String namespace) {
        Project p = Projects.load(Projects.REPO.resolve(
                "samples/junit/src/test/resources/compose.yaml"), Map.of());
        return KubernetesConverter.convert(p, ConvertOptions.defaults().withNamespace(namespace));
    }

    @Test
    void upAppliesEveryObjectAndWaitsForTheRollouts() throws Exception {
        Manifests m = junitSample("up-ns");
        Thread controller = controller("up-ns", false, events);
        try {
            new KubernetesDeployer(client, events::add).up(m, new DeployOptions(true,
                    Duration.ofSeconds(20), false));
        } finally {
            controller.interrupt();
        }
        for (var o : m.objects()) {
            assertNotNull(client.resource(o).get(), o.getKind() + " " + o.getMetadata()
                    .getName() + " was applied");
            assertTrue(events.contains(ProgressEvent.done(o.getKind() + " "
                    + o.getMetadata().getName(), "Applied")), "progress for " + o.getKind());
        }
        assertTrue(events.contains(ProgressEvent.done("Deployment web", "Ready")));
        assertTrue(events.contains(ProgressEvent.done("Job init", "Completed")));
        assertTrue(events.stream().anyMatch(e -> e.resource().equals("Deployment web")
                && e.text().equals("Rolling out: 0/1 ready")), "rollout shown: " + events);
    }

    @Test
    void upAgainReportsOrphansAndRemovesThemWhenAsked() throws Exception {
        Manifests m = junitSample("orphans-ns");
        KubernetesDeployer deployer = new KubernetesDeployer(client, events::add);
        deployer.up(m, new DeployOptions(false, null, false));
        deployer.up(m, new DeployOptions(false, null, false));
        assertTrue(events.stream().noneMatch(e -> e.text().equals("Orphan")));
        Manifests withoutWeb = new Manifests(m.project(), m.namespace(), m.objects().stream()
                .filter(o -> !o.getMetadata().getName().equals("web")).toList(), List.of());
        deployer.up(withoutWeb, new DeployOptions(false, null, false));
        assertTrue(events.contains(ProgressEvent.warning("Deployment web", "Orphan",
                "not in the compose files; k8s up --remove-orphans deletes it")), "" + events);
        assertNotNull(client.apps().deployments().inNamespace("orphans-ns").withName("web")
                .get());
        deployer.up(withoutWeb, new DeployOptions(false, null, true));
        assertNull(client.apps().deployments().inNamespace("orphans-ns").withName("web").get());
        assertNull(client.services().inNamespace("orphans-ns").withName("web").get());
    }

    @Test
    void downKeepsClaimsAndNamespaceUnlessVolumesAreAsked() throws Exception {
        Manifests m = junitSample("down-ns");
        KubernetesDeployer deployer = new KubernetesDeployer(client, events::add);
        deployer.up(m, new DeployOptions(false, null, false));
        deployer.down(m.project(), "down-ns", false);
        assertNull(client.apps().deployments().inNamespace("down-ns").withName("web").get());
        assertNull(client.batch().v1().jobs().inNamespace("down-ns").withName("init").get());
        assertNull(client.rbac().roles().inNamespace("down-ns").withName("jcompose-wait").get());
        assertNotNull(client.persistentVolumeClaims().inNamespace("down-ns").withName("www")
                .get());
        assertNotNull(client.namespaces().withName("down-ns").get());
        assertTrue(events.contains(ProgressEvent.done("Deployment web", "Removed")));
        deployer.down(m.project(), "down-ns", true);
        assertNull(client.persistentVolumeClaims().inNamespace("down-ns").withName("www")
                .get());
        assertNull(client.namespaces().withName("down-ns").get());
    }

    @Test
    void downLeavesOtherProjectsAndUnlabelledObjectsAlone() throws Exception {
        Manifests m = junitSample("shared-ns");
        KubernetesDeployer deployer = new KubernetesDeployer(client, events::add);
        deployer.up(m, new DeployOptions(false, null, false));
        client.configMaps().inNamespace("shared-ns").resource(
                new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata()
                        .withName("users-own").endMetadata().build()).create();
        deployer.down("another-project", "shared-ns", true);
        assertNotNull(client.apps().deployments().inNamespace("shared-ns").withName("web")
                .get());
        deployer.down(m.project(), "shared-ns", false);
        assertNotNull(client.configMaps().inNamespace("shared-ns").withName("users-own").get());
    }

    @Test
    void psListsTheProjectsPods() throws Exception {
        Manifests m = junitSample("ps-ns");
        new KubernetesDeployer(client, events::add).up(m, new DeployOptions(false, null,
                false));
        Pod pod = new PodBuilder().withNewMetadata().withName("web-5d9c7-abcde")
                .withNamespace("ps-ns").addToLabels("com.docker.compose.project", m.project())
                .addToLabels("com.docker.compose.service", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("x").endContainer()
                .endSpec().withNewStatus().withPhase("Running").addNewContainerStatus()
                .withName("web").withReady(true).withRestartCount(2).endContainerStatus()
                .endStatus().build();
        client.pods().inNamespace("ps-ns").resource(pod).create();
        assertEquals(List.of(new PodInfo("web-5d9c7-abcde", "web", "Running", "1/1", 2)),
                new KubernetesDeployer(client, events::add).ps(m.project(), "ps-ns"));
    }

    @Test
    void aRolloutThatDoesNotFinishInTimeNamesWhatIsPending() throws Exception {
        Manifests m = junitSample("timeout-ns");
        KubernetesException e = assertThrows(KubernetesException.class,
                () -> new KubernetesDeployer(client, events::add).up(m, new DeployOptions(true,
                        Duration.ofMillis(600), false)));
        assertTrue(e.getMessage().startsWith("timed out after 0 s waiting for "), e.getMessage());
        assertTrue(e.getMessage().contains("Deployment web (0/1 ready)"), e.getMessage());
        assertTrue(e.getMessage().contains("Job init (0/1 completed)"), e.getMessage());
    }

    @Test
    void aFailedJobFailsTheUp() throws Exception {
        Manifests m = junitSample("failed-ns");
        Thread controller = controller("failed-ns", true, events);
        try {
            KubernetesException e = assertThrows(KubernetesException.class,
                    () -> new KubernetesDeployer(client, events::add).up(m, new DeployOptions(
                            true, Duration.ofSeconds(20), false)));
            assertTrue(e.getMessage().startsWith("Job init failed"), e.getMessage());
        } finally {
            controller.interrupt();
        }
        assertTrue(events.contains(ProgressEvent.error("Job init", "Failed", "")));
    }

    /**
     * Plays the controllers: once the rollouts are being waited for, marks the namespace's
     * Deployments ready and its Jobs ended.
     */
    private static Thread controller(String namespace, boolean jobsFail,
            List<ProgressEvent> events) {
        Thread t = new Thread(() -> {
            try {
                while (events.stream().noneMatch(e -> e.text().startsWith("Rolling out"))) {
                    Thread.sleep(20);
                }
                while (!Thread.currentThread().isInterrupted()) {
                    for (Deployment d : client.apps().deployments().inNamespace(namespace).list()
                            .getItems()) {
                        int r = d.getSpec().getReplicas();
                        d.setStatus(new io.fabric8.kubernetes.api.model.apps
                                .DeploymentStatusBuilder().withObservedGeneration(
                                        d.getMetadata().getGeneration())
                                .withReplicas(r).withUpdatedReplicas(r).withReadyReplicas(r)
                                .withAvailableReplicas(r).build());
                        client.apps().deployments().inNamespace(namespace).resource(d)
                                .updateStatus();
                    }
                    for (Job j : client.batch().v1().jobs().inNamespace(namespace).list()
                            .getItems()) {
                        JobStatus st = new JobStatus();
                        if (jobsFail) {
                            JobCondition c = new JobCondition();
                            c.setType("Failed");
                            c.setStatus("True");
                            st.setConditions(List.of(c));
                        } else {
                            st.setSucceeded(1);
                        }
                        j.setStatus(st);
                        client.batch().v1().jobs().inNamespace(namespace).resource(j)
                                .updateStatus();
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fake-controller");
        t.setDaemon(true);
        t.start();
        return t;
    }

}
