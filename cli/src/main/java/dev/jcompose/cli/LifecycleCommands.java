package dev.jcompose.cli;

import dev.jcompose.api.ComposeSwitches;
import dev.jcompose.api.LifecycleCommand;
import dev.jcompose.api.LifecycleCommand.Kind;
import dev.jcompose.api.OrphanPolicy;
import dev.jcompose.api.PsOptions;
import dev.jcompose.model.Project;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** start, stop, restart, kill, pause, unpause and rm: {@link ContainerCommand}s. */
public final class LifecycleCommands {

    private LifecycleCommands() {
    }

    @Command(name = "start", description = "Start the services' existing containers.")
    public static final class Start extends ContainerCommand {
        @Override
        Kind kind() {
            return Kind.START;
        }
    }

    @Command(name = "stop", description = "Stop running containers without removing them.")
    public static final class Stop extends ContainerCommand.Stopping {
        @Override
        Kind kind() {
            return Kind.STOP;
        }
    }

    @Command(name = "restart", description = "Restart the services' containers.")
    public static final class Restart extends ContainerCommand.Stopping {
        @Option(names = "--no-deps", description = "Restart only the services named, not "
                + "the services that depend on them with restart: true.")
        boolean noDeps;

        @Override
        Kind kind() {
            return Kind.RESTART;
        }

        @Override
        LifecycleCommand command() {
            return super.command().withNoDeps(noDeps);
        }
    }

    @Command(name = "kill", description = "Send a signal (default SIGKILL) to running "
            + "containers.")
    public static final class Kill extends ContainerCommand {
        @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL",
                description = "The signal to send, e.g. SIGTERM or HUP (default: SIGKILL).")
        String signal;

        @Option(names = "--remove-orphans", arity = "0..1", fallbackValue = "true",
                paramLabel = "BOOL", description = "Kill the containers of services "
                + "the files no longer declare too (default: COMPOSE_REMOVE_ORPHANS).")
        Boolean orphans;

        @Override
        Kind kind() {
            return Kind.KILL;
        }

        @Override
        LifecycleCommand command() {
            boolean all = orphans != null ? orphans : ComposeSwitches.orphans(false,
                    root.console().env()) == OrphanPolicy.REMOVE;
            return super.command().withSignal(signal).withOrphans(all);
        }
    }

    @Command(name = "pause", description = "Pause the services' running containers.")
    public static final class Pause extends ContainerCommand {
        @Override
        Kind kind() {
            return Kind.PAUSE;
        }
    }

    @Command(name = "unpause", description = "Unpause the services' paused containers.")
    public static final class Unpause extends ContainerCommand {
        @Override
        Kind kind() {
            return Kind.UNPAUSE;
        }
    }

    @Command(name = "rm", description = "Remove stopped containers (running ones with -s).")
    public static final class Rm extends ContainerCommand.Stopping {
        @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
        boolean force;

        @Option(names = {"-s", "--stop"}, description = "Stop the containers first, if needed.")
        boolean stop;

        @Option(names = {"-v", "--volumes"},
                description = "Remove the anonymous volumes attached to the containers.")
        boolean volumes;

        @Override
        Kind kind() {
            return Kind.RM;
        }

        @Override
        LifecycleCommand command() {
            return super.command().withRemoval(stop, volumes);
        }

        /** As docker compose: without -f, name what goes and ask; no answer is no. */
        @Override
        boolean confirmed(Project project, String name) {
            if (force || dryRun) {
                return true;
            }
            List<String> going = root.service().ps(name, new PsOptions(true, services)).stream()
                    .filter(c -> !c.oneOff() && (stop || !"running".equals(c.state())))
                    .map(c -> c.name()).toList();
            if (going.isEmpty()) {
                root.console().err().println("No stopped containers");
                root.console().err().flush();
                return false;
            }
            root.console().err().println("Going to remove " + String.join(", ", going));
            root.console().err().print("Are you sure? [yN] ");
            root.console().err().flush();
            try {
                String answer = new BufferedReader(new InputStreamReader(root.console().in(),
                        StandardCharsets.UTF_8)).readLine();
                return answer != null && (answer.trim().equalsIgnoreCase("y")
                        || answer.trim().equalsIgnoreCase("yes"));
            } catch (IOException e) {
                return false;
            }
        }
    }
}
