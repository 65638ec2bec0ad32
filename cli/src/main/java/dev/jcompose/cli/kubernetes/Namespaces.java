package dev.jcompose.cli.kubernetes;

import dev.jcompose.kubernetes.ConvertOptions;

/** The namespace a command works in: the one given, else the project's. */
final class Namespaces {

    private Namespaces() {
    }

    static String of(String given, String project) {
        return ConvertOptions.defaults().withNamespace(given).namespaceFor(project);
    }
}
