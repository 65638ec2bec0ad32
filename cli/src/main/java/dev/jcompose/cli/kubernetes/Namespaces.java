package dev.jcompose.cli.kubernetes;

import dev.jcompose.api.KubernetesTarget;

/** The namespace a command works in: the one given, else the project's. */
final class Namespaces {

    private Namespaces() {
    }

    static String of(String given, String project) {
        return KubernetesTarget.namespaceFor(given, project);
    }
}
