package dev.jcompose.cli;

import dev.jcompose.api.CommitOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code commit SERVICE [REPOSITORY[:TAG]]}: a new image from a service container's changes. */
@Command(name = "commit", description = "Create a new image from a service container's "
        + "changes.", footer = {"", "Examples:",
            "  jcompose commit web myapp:debug                       web's first container",
            "  jcompose commit -m 'add tools' -a 'Ann <ann@x.org>' web myapp:tools",
            "  jcompose commit -c 'ENV DEBUG=1' --index 2 web myapp:2"})
public final class CommitCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-a", "--author"}, paramLabel = "AUTHOR",
            description = "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\").")
    String author;

    @Option(names = {"-c", "--change"}, paramLabel = "INSTRUCTION",
            description = "Apply a Dockerfile instruction to the created image (repeatable).")
    List<String> changes = new ArrayList<>();

    @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE", description = "Commit message.")
    String message;

    @Option(names = {"-p", "--pause"}, arity = "0..1", fallbackValue = "true",
            paramLabel = "BOOL", description = "Pause the container during the commit "
                    + "(default: true; --pause=false does not).")
    boolean pause = true;

    @Mixin
    IndexOption index;

    @Option(names = "--dry-run", description = "Say what would be committed; commit nothing.")
    boolean dryRun;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    String reference;

    @Override
    public Integer call() {
        String name = root.loader().projectName();
        root.service().commit(name, new CommitOptions(service, index.index, reference, message,
                author, changes, pause, dryRun));
        return ExitCodes.OK;
    }
}
