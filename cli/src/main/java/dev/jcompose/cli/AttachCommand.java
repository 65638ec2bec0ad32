package dev.jcompose.cli;

import dev.jcompose.api.AttachOptions;
import dev.jcompose.api.AttachResult;
import dev.jcompose.api.AttachSession;
import dev.jcompose.api.ProcessStreams;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code attach SERVICE}: this terminal on a service container's main process, as
 * {@code docker attach}: its output, and the keyboard unless {@code --no-stdin} (the terminal
 * in raw mode then); the detach keys leave it running; without a terminal, Ctrl-C and TERM are
 * passed on to it ({@code --sig-proxy}). Exits with the container's exit code when it stops.
 */
@Command(name = "attach", description = "Attach local standard input, output, and error "
        + "streams to a service's running container.", footer = {"", "Examples:",
            "  jcompose attach web                      ctrl-p ctrl-q detaches",
            "  jcompose attach --detach-keys ctrl-x web",
            "  jcompose attach --no-stdin --index 2 web  only watch container 2's output"})
public final class AttachCommand implements Callable<Integer> {

    @ParentCommand
    JcomposeCommand root;

    @Option(names = "--detach-keys", paramLabel = "KEYS",
            description = "Override the key sequence for detaching from a container "
                    + "(default: ctrl-p,ctrl-q).")
    String detachKeys;

    @Mixin
    IndexOption index;

    @Option(names = "--no-stdin", description = "Do not attach STDIN.")
    boolean noStdin;

    @Option(names = "--sig-proxy", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Proxy all received signals to the process (default: true).")
    boolean sigProxy = true;

    @Option(names = "--dry-run", description = "Say which container; attach to none.")
    boolean dryRun;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(index = "0", paramLabel = "SERVICE")
    String service;

    @Override
    public Integer call() throws Exception {
        String name = root.loader().projectName();
        AttachOptions options = new AttachOptions(service, index.index, detachKeys, !noStdin);
        root.console().out().flush();
        boolean raw = !noStdin && !dryRun && root.console().outIsTerminal()
                && System.console() != null;
        if (!raw) {
            return attach(name, options, new ProcessStreams(noStdin ? null : root.console().in(),
                    new WriterStream(root.console().out()),
                    new WriterStream(root.console().err())), sigProxy);
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Attributes saved = terminal.enterRawMode();
            try {
                return attach(name, options, new ProcessStreams(terminal.input(),
                        new FileOutputStream(FileDescriptor.out),
                        new FileOutputStream(FileDescriptor.err)), false);
            } finally {
                terminal.setAttributes(saved);
            }
        }
    }

    private int attach(String name, AttachOptions options, ProcessStreams io, boolean proxy)
            throws InterruptedException {
        try (AttachSession session = root.service().attach(name, options, io)) {
            if (dryRun) {
                root.console().err().println("would attach to " + session.container());
                return ExitCodes.OK;
            }
            List<Runnable> restore = new ArrayList<>();
            if (proxy) {
                for (String signal : List.of("INT", "TERM")) {
                    try {
                        SignalHandler previous = Signal.handle(new Signal(signal),
                                s -> session.signal(signal));
                        restore.add(() -> Signal.handle(new Signal(signal), previous));
                    } catch (IllegalArgumentException e) {
                        // no such signal to catch here (tests): nothing to pass on
                    }
                }
            }
            try {
                AttachResult result = session.await();
                return result.exitCode();
            } finally {
                restore.forEach(Runnable::run);
            }
        }
    }
}
