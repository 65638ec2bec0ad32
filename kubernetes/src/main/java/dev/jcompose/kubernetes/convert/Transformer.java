package dev.jcompose.kubernetes.convert;

/**
 * One concern of turning a compose service into Kubernetes objects (its ports, its volumes, its
 * healthcheck...): reads the service, adds what it means to the draft of its pod and to the
 * project's objects, and warns about what it cannot express. A function of its input: the same
 * service gives the same draft.
 */
@FunctionalInterface
public interface Transformer {

    void apply(ServiceContext ctx, Draft draft);
}
