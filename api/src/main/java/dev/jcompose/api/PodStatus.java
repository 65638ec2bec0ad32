package dev.jcompose.api;

/**
 * One pod of a project on Kubernetes, as {@code k8s ps} lists it.
 *
 * @param name     the pod's name
 * @param service  the compose service it runs
 * @param status   its phase, or the reason its container waits or ended (CrashLoopBackOff)
 * @param ready    ready containers out of all, {@code 1/1}
 * @param restarts restarts of its containers
 */
public record PodStatus(String name, String service, String status, String ready,
        int restarts) { }
