package dev.jcompose.cli;

import picocli.CommandLine.Option;

/** {@code --index N}: which of a service's containers, for the commands that act on one. */
final class IndexOption {

    @Option(names = "--index", paramLabel = "N", description = "Index of the container if the "
            + "service has multiple replicas.")
    int index;
}
