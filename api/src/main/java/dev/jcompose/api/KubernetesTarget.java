package dev.jcompose.api;

import dev.jcompose.kubernetes.ConvertOptions;
import dev.jcompose.kubernetes.DeployOptions;
import dev.jcompose.kubernetes.KubernetesConverter;
import dev.jcompose.kubernetes.KubernetesDeployer;
import dev.jcompose.kubernetes.KubernetesException;
import dev.jcompose.kubernetes.Manifests;
import dev.jcompose.model.Project;
import dev.jcompose.planner.progress.ProgressListener;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * A compose project on Kubernetes, for the CLI ({@code convert kubernetes}, {@code k8s up},
 * {@code down}, {@code ps}) and Java callers: conversion to objects, and applying them to a
 * cluster with the fabric8 client, which stays behind this class (a Java caller may hand in
 * its own, {@link #on}). Cluster failures come out as {@link ComposeException}s whose message
 * says what the cluster refused.
 */
public final class KubernetesTarget implements AutoCloseable {

    private final KubernetesClient client;
    private final boolean ownsClient;
    private final ProgressListener progress;

    private KubernetesTarget(KubernetesClient client, boolean ownsClient,
            ProgressListener progress) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.progress = progress;
    }

    /**
     * The cluster of the kubeconfig ({@code KUBECONFIG} of {@code env}: its first file; else
     * {@code ~/.kube/config} or the pod's service account), in {@code context} (null: the
     * current one); the client is closed with this target.
     */
    public static KubernetesTarget connect(String context, Map<String, String> env,
            ProgressListener progress) {
        String kubeconfig = env.get("KUBECONFIG");
        try {
            Config config = kubeconfig == null || kubeconfig.isBlank()
                    ? Config.autoConfigure(context)
                    : Config.fromKubeconfig(context,
                            new File(kubeconfig.split(File.pathSeparator)[0]));
            return new KubernetesTarget(new KubernetesClientBuilder().withConfig(config).build(),
                    true, progress);
        } catch (KubernetesClientException e) {
            throw failure(e);
        }
    }

    /** On {@code client}, which the caller keeps and closes. */
    public static KubernetesTarget on(KubernetesClient client, ProgressListener progress) {
        return new KubernetesTarget(client, false, progress);
    }

    /** {@code project} as Kubernetes objects (see {@link KubernetesConverter}). */
    public static KubernetesManifests convert(Project project, KubernetesOptions options) {
        return new KubernetesManifests(manifests(project, options));
    }

    /**
     * The namespace a project's objects are in: {@code given}, else the project's name as a
     * DNS label.
     */
    public static String namespaceFor(String given, String project) {
        return ConvertOptions.defaults().withNamespace(given).namespaceFor(project);
    }

    /** Converts and applies {@code project}, then waits for its rollouts as told. */
    public KubernetesManifests up(Project project, KubernetesOptions convert,
            KubernetesDeployOptions deploy) throws InterruptedException {
        Manifests m = manifests(project, convert);
        try {
            new KubernetesDeployer(client, progress).up(m, new DeployOptions(
                    deploy.waitForRollout(), deploy.timeout(), deploy.removeOrphans()));
        } catch (KubernetesException | KubernetesClientException e) {
            throw failure(e);
        }
        return new KubernetesManifests(m);
    }

    /** Deletes the project's objects from {@code namespace} (claims too with volumes). */
    public void down(String project, String namespace, boolean volumes) {
        try {
            new KubernetesDeployer(client, progress).down(project, namespace, volumes);
        } catch (KubernetesException | KubernetesClientException e) {
            throw failure(e);
        }
    }

    /** The project's pods in {@code namespace}. */
    public List<PodStatus> ps(String project, String namespace) {
        try {
            return new KubernetesDeployer(client, progress).ps(project, namespace).stream()
                    .map(p -> new PodStatus(p.name(), p.service(), p.status(), p.ready(),
                            p.restarts()))
                    .toList();
        } catch (KubernetesClientException e) {
            throw failure(e);
        }
    }

    /** Closes the client, when this target made it. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private static Manifests manifests(Project project, KubernetesOptions o) {
        return KubernetesConverter.convert(project, new ConvertOptions(o.namespace(),
                o.allowPrivileged(), o.statefulSets(), o.volumeSize(), o.waitImage(),
                o.kubectlImage()));
    }

    private static ComposeException failure(RuntimeException e) {
        String message = e.getMessage();
        if (e instanceof KubernetesClientException k && k.getStatus() != null
                && k.getStatus().getMessage() != null) {
            message = k.getStatus().getMessage();
        }
        return new ComposeException("kubernetes: " + message, e);
    }
}
