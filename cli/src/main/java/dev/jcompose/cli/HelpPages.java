package dev.jcompose.cli;

import dev.jcompose.api.TargetFactory;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Every command's help text in one run, for the man page the release carries
 * ({@code dist/src/build/man-page.sh}): the root's, then each command's and each subcommand's, in
 * the order the help lists them (hidden ones and {@code help} left out), each after a line {@code @@ jcompose COMMAND...}. The text is
 * picocli's usage message, the same {@code jcompose COMMAND --help} prints.
 */
public final class HelpPages {

    static final String MARK = "@@ ";

    private HelpPages() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Console console = new Console(out, err, System.in, System.getenv(),
                Path.of("").toAbsolutePath(), false, false);
        print(JcomposeCommand.commandLine(console, TargetFactory.local()), "jcompose", out);
        out.flush();
    }

    /** {@code command}'s help under {@code path}, then its subcommands', depth first. */
    static void print(CommandLine command, String path, PrintWriter out) {
        out.println(MARK + path);
        out.print(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>(); // aliases name one command twice
        command.getSubcommands().forEach((name, sub) -> {
            if (seen.put(sub, true) == null && !sub.getCommandSpec().usageMessage().hidden()
                    && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                print(sub, path + " " + sub.getCommandName(), out);
            }
        });
    }
}
