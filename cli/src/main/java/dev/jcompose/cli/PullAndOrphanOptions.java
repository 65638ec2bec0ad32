package dev.jcompose.cli;

import picocli.CommandLine.Option;

/** The {@code --quiet-pull} and {@code --remove-orphans} pair that up, create and run share. */
final class PullAndOrphanOptions {

    @Option(names = "--quiet-pull", description = "Pull without printing progress "
            + "information (jcompose never prints a pull's per-layer progress).")
    boolean quietPull;

    @Option(names = "--remove-orphans",
            description = "Remove containers of services the files no longer declare.")
    boolean removeOrphans;
}
