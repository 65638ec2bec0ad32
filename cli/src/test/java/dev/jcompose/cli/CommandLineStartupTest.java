package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.TargetFactory;
import dev.jcompose.cli.startup.CommandTable;
import dev.jcompose.cli.startup.EngineWarmUp;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Start-up shortcuts: a command line registers only the subcommand it invokes, and the engine
 * warm-up starts only for commands that talk to the engine. Neither may change what users see.
 */
class CommandLineStartupTest {

    @TempDir
    Path dir;

    private static Console console(Path dir) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        return new Console(sink, sink, new ByteArrayInputStream(new byte[0]), Map.of(), dir,
                false, false);
    }

    private CommandLine.Model.CommandSpec root() {
        return JcomposeCommand.commandLine(console(dir), TargetFactory.local()).getCommandSpec();
    }

    @Test
    void findsTheInvokedSubcommandAfterTheRootOptions() {
        var spec = root();
        assertEquals(UpCommand.class, JcomposeCommand.invokedCommand(spec,
                "-f", "up.yaml", "-p", "ps", "--profile=debug", "--verbose", "up", "-d"));
        assertEquals(PsCommand.class, JcomposeCommand.invokedCommand(spec, "ps", "-a"));
        assertEquals(CommandLine.HelpCommand.class,
                JcomposeCommand.invokedCommand(spec, "help", "up"));
        assertNull(JcomposeCommand.invokedCommand(spec, "--help"));
        assertNull(JcomposeCommand.invokedCommand(spec, "-p", "demo"));
        assertNull(JcomposeCommand.invokedCommand(spec, "upp", "-d"));
        assertNull(JcomposeCommand.invokedCommand(spec, "--no-such-option", "up"));
    }

    @Test
    void registersOnlyTheInvokedSubcommandButEveryoneForHelpAndMistakes() {
        var console = console(dir);
        assertEquals(1, JcomposeCommand.commandLine(console, TargetFactory.local(), "-p", "x", "ps").getSubcommands()
                .size());
        int all = JcomposeCommand.COMMANDS.size();
        assertEquals(all, JcomposeCommand.commandLine(console, TargetFactory.local(), "--help").getSubcommands().size());
        assertEquals(all, JcomposeCommand.commandLine(console, TargetFactory.local(), "help", "up").getSubcommands()
                .size());
        assertEquals(all, JcomposeCommand.commandLine(console, TargetFactory.local(), "upp").getSubcommands().size());
    }

    @Test
    void helpStillListsEveryCommandAndMistakesStillGetSuggestions() {
        CliRunner.Result help = new CliRunner(dir).run("--help");
        assertEquals(0, help.exitCode(), help.toString());
        for (String command : new String[] {"up", "down", "ps", "logs", "config", "build"}) {
            assertTrue(help.out().contains("  " + command + " "), command + " in " + help);
        }
        CliRunner.Result typo = new CliRunner(dir).run("upp");
        assertEquals(ExitCodes.USAGE, typo.exitCode(), typo.toString());
        assertTrue(typo.err().contains("up"), typo.toString());
        CliRunner.Result subHelp = new CliRunner(dir).run("-p", "x", "build", "--help");
        assertEquals(0, subHelp.exitCode(), subHelp.toString());
        assertTrue(subHelp.out().contains("Usage: jcompose build"), subHelp.toString());
    }

    @Test
    void warmsUpTheEngineOnlyForCommandsThatUseIt() {
        assertTrue(EngineWarmUp.wanted("up", "-d"));
        assertTrue(EngineWarmUp.wanted("-f", "config", "-p", "demo", "ps"));
        assertTrue(EngineWarmUp.wanted("--project-name=demo", "down", "-v"));
        assertFalse(EngineWarmUp.wanted("config"));
        assertFalse(EngineWarmUp.wanted("-p", "up", "config", "--services"));
        assertFalse(EngineWarmUp.wanted("up", "--help"));
        assertFalse(EngineWarmUp.wanted("--version"));
        assertFalse(EngineWarmUp.wanted("help", "up"));
        assertFalse(EngineWarmUp.wanted("no-such-command"));
        assertFalse(EngineWarmUp.wanted());
        assertEquals("ps", EngineWarmUp.command("-p", "demo", "ps", "-a"));
        assertEquals("up", EngineWarmUp.command("--profile", "debug", "up", "-d"));
        assertNull(EngineWarmUp.command("-p", "demo", "config"));
    }

    @Test
    void findsTheSubcommandAndWhetherTheFilesAreChosenForTheParseAhead() {
        assertEquals("config", EngineWarmUp.subcommand("-p", "demo", "config", "-q"));
        assertEquals("config", EngineWarmUp.subcommand("--profile", "x", "config"));
        assertNull(EngineWarmUp.subcommand("config", "--help"));
        assertNull(EngineWarmUp.subcommand("-f", "config"));
        assertFalse(EngineWarmUp.choosesFiles("-p", "demo", "config"));
        assertFalse(EngineWarmUp.choosesFiles("logs", "-f"));
        assertFalse(EngineWarmUp.choosesFiles("-p", "-f", "config"));
        assertTrue(EngineWarmUp.choosesFiles("-f", "a.yaml", "config"));
        assertTrue(EngineWarmUp.choosesFiles("-fa.yaml", "config"));
        assertTrue(EngineWarmUp.choosesFiles("--file=a.yaml", "config"));
        assertTrue(EngineWarmUp.choosesFiles("-p", "x", "--project-directory", "d", "config"));
        assertTrue(EngineWarmUp.choosesFiles("--env-file", ".env.ci", "config"));
    }

    @Test
    void guessesWhetherPsListsStoppedContainersForItsPrefetch() {
        assertFalse(EngineWarmUp.psListsStopped("-p", "demo", "ps"));
        assertFalse(EngineWarmUp.psListsStopped("ps", "-q", "web"));
        assertTrue(EngineWarmUp.psListsStopped("ps", "-a"));
        assertTrue(EngineWarmUp.psListsStopped("ps", "-qa"));
        assertTrue(EngineWarmUp.psListsStopped("ps", "--all"));
        assertTrue(EngineWarmUp.psListsStopped("ps", "--status", "exited"));
        assertTrue(EngineWarmUp.psListsStopped("ps", "--filter=status=exited"));
    }

    /**
     * The command table's lists of valued root options and of command names are written out for
     * speed; they must stay what the annotations declare, and the launcher must read a command
     * line as the table says.
     */
    @Test
    void theCommandTableMatchesTheDeclaredOptionsCommandsAndTheLauncher() throws Exception {
        Set<String> valued = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : root().options()) {
            if (o.arity().max() > 0) {
                valued.addAll(List.of(o.names()));
            }
        }
        assertEquals(valued, new TreeSet<>(CommandTable.VALUED_ROOT_OPTIONS));
        for (CommandTable.Entry e : CommandTable.entries()) {
            CommandLine.Command command = e.type().getAnnotation(CommandLine.Command.class);
            assertEquals(e.name(), command.name());
            assertEquals(0, command.aliases().length, e.name() + " has aliases");
        }
        // the launcher picks its start-up cache by the table's reading of the command line
        String launcher = Files.readString(
                Path.of("").toAbsolutePath().getParent().resolve("jcompose"));
        Matcher m = Pattern.compile("(?s)    case \"\\$a\" in\n(.*?)    esac").matcher(launcher);
        assertTrue(m.find(), "no case of command families in the launcher");
        assertEquals(CommandTable.launcherCases(), m.group(1));
    }
}
