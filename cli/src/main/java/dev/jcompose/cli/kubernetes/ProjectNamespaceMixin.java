package dev.jcompose.cli.kubernetes;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The cluster, and the namespace a project's objects are in, for {@code k8s down} and {@code ps}. */
public final class ProjectNamespaceMixin {

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAME",
            description = "The project's namespace (default: the project's name).")
    String namespace;

    @Mixin
    ClusterMixin cluster = new ClusterMixin();

    /** The namespace given, else the project's. */
    String namespace(String project) {
        return Namespaces.of(namespace, project);
    }
}
