package dev.jcompose.cli.startup;

import dev.jcompose.cli.AttachCommand;
import dev.jcompose.cli.BuildCommand;
import dev.jcompose.cli.CommitCommand;
import dev.jcompose.cli.CompletionCommand;
import dev.jcompose.cli.ConfigCommand;
import dev.jcompose.cli.CpCommand;
import dev.jcompose.cli.DownCommand;
import dev.jcompose.cli.ExecCommand;
import dev.jcompose.cli.ExportCommand;
import dev.jcompose.cli.InfoCommands;
import dev.jcompose.cli.InstallPluginCommand;
import dev.jcompose.cli.LifecycleCommands;
import dev.jcompose.cli.LogsCommand;
import dev.jcompose.cli.MoreCommands;
import dev.jcompose.cli.PsCommand;
import dev.jcompose.cli.PublishCommand;
import dev.jcompose.cli.PullCommand;
import dev.jcompose.cli.PushCommand;
import dev.jcompose.cli.RunCommand;
import dev.jcompose.cli.StatsCommand;
import dev.jcompose.cli.UpCommand;
import dev.jcompose.cli.VersionCommand;
import dev.jcompose.cli.VolumesCommand;
import dev.jcompose.cli.kubernetes.ConvertCommand;
import dev.jcompose.cli.kubernetes.K8sCommand;
import dev.jcompose.cli.plugin.DockerCliArgs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The one table of jcompose's subcommands, in help order: the command line registers them from
 * it, the engine warm-up and the start-up training read what each needs from it, and the
 * launcher's {@code case} list of command families is written from it
 * ({@link #launcherCases()}; {@code CommandTableTest} checks the launcher against it). The names
 * are written out rather than read from the annotations, which would cost the main thread ~20 ms
 * of reflection; the test checks them against the annotations too.
 */
public final class CommandTable {

    /**
     * Which ahead-of-time cache the launcher starts a command with: the classes of what the
     * command does at start-up, loaded together.
     */
    public enum Family {
        /** never talks to the engine: config, help, completion */
        MODEL,
        /** only reads from it: ps and the other listings */
        READ,
        /** everything else */
        FULL
    }

    /** What a command asks the engine for first, which the warm-up prepares. */
    public enum EngineUse {
        /** nothing */
        NONE,
        /** a container listing */
        CONTAINERS,
        /** container, network and volume listings */
        RESOURCES,
        /** a listing of the project's containers, taken for every project ahead ({@code ps}) */
        PS
    }

    /** One subcommand: its name, class, start-up family and first engine use. */
    public record Entry(String name, Class<?> type, Family family, EngineUse engine) { }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("up", UpCommand.class, Family.FULL, EngineUse.RESOURCES),
            new Entry("down", DownCommand.class, Family.FULL, EngineUse.RESOURCES),
            new Entry("ps", PsCommand.class, Family.READ, EngineUse.PS),
            new Entry("logs", LogsCommand.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("config", ConfigCommand.class, Family.MODEL, EngineUse.NONE),
            new Entry("version", VersionCommand.class, Family.READ, EngineUse.CONTAINERS),
            new Entry("build", BuildCommand.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("pull", PullCommand.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("push", PushCommand.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("start", LifecycleCommands.Start.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("stop", LifecycleCommands.Stop.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("restart", LifecycleCommands.Restart.class, Family.FULL,
                    EngineUse.CONTAINERS),
            new Entry("kill", LifecycleCommands.Kill.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("pause", LifecycleCommands.Pause.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("unpause", LifecycleCommands.Unpause.class, Family.FULL,
                    EngineUse.CONTAINERS),
            new Entry("rm", LifecycleCommands.Rm.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("run", RunCommand.class, Family.FULL, EngineUse.RESOURCES),
            new Entry("exec", ExecCommand.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("port", InfoCommands.Port.class, Family.READ, EngineUse.CONTAINERS),
            new Entry("ls", InfoCommands.Ls.class, Family.READ, EngineUse.CONTAINERS),
            new Entry("create", MoreCommands.Create.class, Family.FULL, EngineUse.RESOURCES),
            new Entry("scale", MoreCommands.Scale.class, Family.FULL, EngineUse.RESOURCES),
            new Entry("wait", MoreCommands.Wait.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("top", MoreCommands.Top.class, Family.READ, EngineUse.CONTAINERS),
            new Entry("events", MoreCommands.Events.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("images", MoreCommands.Images.class, Family.READ, EngineUse.CONTAINERS),
            new Entry("cp", CpCommand.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("attach", AttachCommand.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("stats", StatsCommand.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("export", ExportCommand.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("commit", CommitCommand.class, Family.FULL, EngineUse.CONTAINERS),
            new Entry("volumes", VolumesCommand.class, Family.READ, EngineUse.CONTAINERS),
            new Entry("publish", PublishCommand.class, Family.FULL, EngineUse.NONE),
            new Entry("completion", CompletionCommand.class, Family.MODEL, EngineUse.NONE),
            new Entry("convert", ConvertCommand.class, Family.FULL, EngineUse.NONE),
            new Entry("k8s", K8sCommand.class, Family.FULL, EngineUse.NONE),
            new Entry("install-plugin", InstallPluginCommand.class, Family.FULL,
                    EngineUse.NONE),
            new Entry("help", CommandLine.HelpCommand.class, Family.MODEL, EngineUse.NONE));

    private static final Map<String, Entry> BY_NAME = ENTRIES.stream().collect(
            Collectors.toMap(Entry::name, e -> e, (a, b) -> a, LinkedHashMap::new));

    /** The root options that take a value (so the word after them is not a command). */
    public static final List<String> VALUED_ROOT_OPTIONS = List.of("-f", "--file", "-p",
            "--project-name", "--project-directory", "--env-file", "--profile", "--progress",
            "--ansi", "--parallel");

    private CommandTable() {
    }

    /** Every subcommand, in help order. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The subcommand called {@code name}, or null. */
    public static Entry named(String name) {
        return BY_NAME.get(name);
    }

    /** Whether {@code option} is a root option that takes a value. */
    public static boolean takesValue(String option) {
        return VALUED_ROOT_OPTIONS.contains(option);
    }

    /** The names of the commands of {@code family}, in help order. */
    public static Set<String> namesOf(Family family) {
        return ENTRIES.stream().filter(e -> e.family() == family).map(Entry::name)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /**
     * The launcher's reading of a command line, as the lines of its {@code case}: skip the
     * values of root options and of the docker CLI's, skip the word {@code compose} once when
     * run as the docker CLI's plugin ({@code $plugin} set), stop at the first word;
     * {@code model} unless that word names a command of another family ({@code full} for
     * anything unknown, which loads everything).
     */
    public static String launcherCases() {
        return "      " + String.join("|", VALUED_ROOT_OPTIONS) + ") skip=1 ;;\n"
                + "      " + String.join("|", DockerCliArgs.VALUED_OPTIONS) + ") skip=1 ;;\n"
                + "      compose) if [ -n \"$plugin\" ]; then plugin=; continue; fi; "
                + "family=full; break ;;\n"
                + "      -*) ;;\n"
                + "      " + String.join("|", namesOf(Family.MODEL)) + ") break ;;\n"
                + "      " + String.join("|", namesOf(Family.READ)) + ") family=read; break ;;\n"
                + "      *) family=full; break ;;\n";
    }
}
