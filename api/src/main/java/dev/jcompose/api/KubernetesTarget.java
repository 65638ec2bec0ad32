package dev.jcompose.api;

import dev.jcompose.kubernetes.ConvertOptions;
import dev.jcompose.kubernetes.DeployOptions;
import dev.jcompose.kubernetes.KubernetesConverter;
import dev.jcompose.kubernetes.KubernetesDeployer;
import dev.jcompose.kubernetes.KubernetesException;
import dev.jcompose.kubernetes.Manifests;
import dev.jcompose.kubernetes.PodInfo;
import dev.jcompose.model.Project;
import dev.jcompose.planner.progress.ProgressListener;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/**
 * A compose project on Kubernetes, for the CLI ({@code convert kubernetes}, {@code k8s up},
 * {@code down}, {@code ps}) and Java callers: conversion to objects, and applying them to a
 * cluster with the fabric8 client. Cluster failures come out as {@link ComposeException}s
 * whose message says what the cluster refused.
 */
public final class KubernetesTarget {

    private final KubernetesClient client;
    private final ProgressListener progress;

    public KubernetesTarget(KubernetesClient client, ProgressListener progress) {
        this.client = client;
        this.progress = progress;
    }

    /**
     * A client for the cluster of the kubeconfig ({@code KUBECONFIG} of {@code env}: its first
     * file; else {@code ~/.kube/config} or the pod's service account), in {@code context}
     * (null: the current one).
     */
    public static KubernetesClient client(String context, java.util.Map<String, String> env) {
        String kubeconfig = env.get("KUBECONFIG");
        Config config = kubeconfig == null || kubeconfig.isBlank()
                ? Config.autoConfigure(context)
                : Config.fromKubeconfig(context, new java.io.File(
                        kubeconfig.split(java.io.File.pathSeparator)[0]));
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** {@code project} as Kubernetes objects (see {@link KubernetesConverter}). */
    public static Manifests convert(Project project, ConvertOptions options) {
        return KubernetesConverter.convert(project, options);
    }

    /** Converts and applies {@code project}, then waits for its rollouts as told. */
    public Manifests up(Project project, ConvertOptions convert, DeployOptions deploy)
            throws InterruptedException {
        Manifests m = convert(project, convert);
        try {
            new KubernetesDeployer(client, progress).up(m, deploy);
        } catch (KubernetesException | KubernetesClientException e) {
            throw failure(e);
        }
        return m;
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
    public List<PodInfo> ps(String project, String namespace) {
        try {
            return new KubernetesDeployer(client, progress).ps(project, namespace);
        } catch (KubernetesClientException e) {
            throw failure(e);
        }
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
