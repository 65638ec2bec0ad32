package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.TargetFactory;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and flag compose v2 lists in its {@code --help} is one jcompose accepts: the
 * flags are read from compose v2 itself (2.26.1, {@code docker-compose CMD --help}) and looked
 * up in jcompose's command-line model. What jcompose does not accept yet is listed, with why,
 * in {@code conformance/compose-v2-flags.tsv}; a listed flag that jcompose now accepts fails
 * the test until it is taken off the list.
 */
class ComposeV2FlagsTest {

    private static final Path LISTED = Path.of("src/test/resources/conformance/"
            + "compose-v2-flags.tsv");
    /** An option line of cobra's help: {@code   -d, --detach   Detached mode...}. */
    private static final Pattern FLAG = Pattern.compile("^\\s+(?:-(\\w), )?--([A-Za-z0-9-]+)");

    @Test
    void jcomposeAcceptsEveryCommandAndFlagComposeV2Lists() throws Exception {
        Map<String, String> listed = listed();
        CommandLine.Model.CommandSpec root = JcomposeCommand.commandLine(console(),
                TargetFactory.local()).getCommandSpec();
        Map<String, String> missing = new TreeMap<>();
        List<String> commands = new ArrayList<>(List.of(""));
        commands.addAll(commands(help("")));
        int flags = 0;
        for (String command : commands) {
            CommandLine.Model.CommandSpec spec = command.isEmpty() ? root
                    : root.subcommands().containsKey(command)
                            ? root.subcommands().get(command).getCommandSpec() : null;
            if (spec == null) {
                missing.put(command, "");
                continue;
            }
            for (String[] flag : flags(help(command))) {
                flags++;
                // a global option compose v2 repeats under each command: jcompose's root has it
                boolean accepted = spec.findOption("--" + flag[1]) != null
                        || (flag[1].equals("dry-run") && root.findOption("--dry-run") != null);
                if (accepted && flag[0] != null && spec.findOption("-" + flag[0]) == null) {
                    missing.put(command + " -" + flag[0], "");
                }
                if (!accepted) {
                    missing.put((command + " --" + flag[1]).strip(), "");
                }
            }
        }
        assertTrue(flags > 150, "compose v2's help listed " + flags + " flags");
        List<String> unlisted = missing.keySet().stream().filter(k -> !listed.containsKey(k))
                .toList();
        List<String> accepted = listed.keySet().stream().filter(k -> !missing.containsKey(k))
                .toList();
        assertEquals(List.of(), unlisted, "compose v2 accepts these, jcompose does not: "
                + "implement them, or list them with why in " + LISTED);
        assertEquals(List.of(), accepted, "jcompose accepts these now: remove them from "
                + LISTED);
    }

    /** The listed gaps: the command and flag, then why. */
    private static Map<String, String> listed() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LISTED)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] cols = line.split("\t", 2);
                assertEquals(2, cols.length, "no reason given: " + line);
                out.put(cols[0], cols[1]);
            }
        }
        return out;
    }

    private static List<String> commands(String rootHelp) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : rootHelp.lines().toList()) {
            if (line.startsWith("Commands:")) {
                in = true;
            } else if (in && line.isBlank()) {
                in = false;
            } else if (in) {
                out.add(line.strip().split("\\s+")[0]);
            }
        }
        return out;
    }

    /** The short and long names of the options a command's help lists. */
    private static List<String[]> flags(String help) {
        List<String[]> out = new ArrayList<>();
        boolean in = false;
        for (String line : help.lines().toList()) {
            if (line.startsWith("Options:")) {
                in = true;
            } else if (in && !line.startsWith(" ")) {
                in = false;
            } else if (in) {
                Matcher m = FLAG.matcher(line);
                if (m.find()) {
                    out.add(new String[] {m.group(1), m.group(2)});
                }
            }
        }
        return out;
    }

    private static String help(String command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ComposeOracle.composeV2().toString()));
        if (!command.isEmpty()) {
            cmd.add(command);
        }
        cmd.add("--help");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static Console console() {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        return new Console(sink, sink, new ByteArrayInputStream(new byte[0]), Map.of(),
                Path.of("."), false, false);
    }
}
