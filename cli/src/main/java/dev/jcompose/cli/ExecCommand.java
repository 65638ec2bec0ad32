package dev.jcompose.cli;

import dev.jcompose.api.ExecOptions;
import dev.jcompose.api.ProcessStreams;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code exec SERVICE COMMAND...}: runs a command in a running container of a service. With a
 * terminal on both ends (and no {@code -T}) it gets a pseudo-terminal and the local terminal is
 * put in raw mode for the duration, so interactive programs work; otherwise output and errors
 * stay separate, for scripts. The command's exit code is jcompose's.
 */
@Command(name = "exec", description = "Run a command in a running container.")
public final class ExecCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = {"-T", "--no-TTY"}, description = "Do not allocate a pseudo-terminal.")
    boolean noTty;

    @Option(names = {"-d", "--detach"}, description = "Run the command in the background.")
    boolean detach;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE",
            description = "Set an environment variable (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Run as this user.")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR",
            description = "Run in this directory.")
    String workdir;

    @Option(names = "--index", paramLabel = "N",
            description = "Which of the service's containers (default: the first running one, "
                    + "else a running one-off of the service).")
    Integer index;

    @Option(names = "--privileged", description = "Give extended privileges to the command.")
    boolean privileged;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service.")
    String service;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "1..*",
            description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String name = root.loader().projectName();
        List<String> vars = new ArrayList<>();
        for (String e : env) {
            // -e KEY takes KEY's value from jcompose's environment, as docker does; unset there,
            // it is not set in the container either
            if (e.contains("=")) {
                vars.add(e);
            } else if (root.console().env().containsKey(e)) {
                vars.add(e + "=" + root.console().env().get(e));
            }
        }
        if (index != null && index < 1) {
            throw CommandException.usage("--index must be 1 or more, not " + index);
        }
        boolean interactive = !noTty && !detach && root.console().outIsTerminal()
                && System.console() != null;
        if (detach) {
            ExecOptions options = options(vars, false);
            OutputStream discard = OutputStream.nullOutputStream();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    root.service().exec(name, options, new ProcessStreams(null, discard,
                            discard));
                } catch (InterruptedException | RuntimeException e) {
                    // detached: nobody waits for it
                }
            });
            return ExitCodes.OK;
        }
        ExecOptions options = options(vars, interactive);
        if (!interactive) {
            root.console().out().flush();
            ProcessStreams io = new ProcessStreams(null, new WriterStream(root.console().out()),
                    new WriterStream(root.console().err()));
            return root.service().exec(name, options, io);
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Attributes saved = terminal.enterRawMode();
            try {
                return root.service().exec(name, options, new ProcessStreams(terminal.input(),
                        new FileOutputStream(FileDescriptor.out),
                        new FileOutputStream(FileDescriptor.err)));
            } finally {
                terminal.setAttributes(saved);
            }
        }
    }

    private ExecOptions options(List<String> vars, boolean interactive) {
        return ExecOptions.builder(service, command).index(index == null ? 0 : index).env(vars)
                .user(user).workingDir(workdir).interactive(interactive).privileged(privileged)
                .build();
    }
}
