package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees, on the real engine: the live display through a real pseudo-terminal
 * ({@code script}), logs with padded prefixes, --since and --tail, ps filters, completion.
 */
class TerminalIT {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    private String project;
    private CliRunner cli;

    @BeforeAll
    static void baseImage() {
        BaseImage.ensure();
    }

    @BeforeEach
    void setUp() throws IOException {
        project = "term-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  a:
                    image: %1$s
                    command: ["sh", "-c", "echo one; echo two; echo three"]
                  longer-name:
                    image: %1$s
                    command: ["sh", "-c", "echo hello; exec sleep 3600"]
                    init: true
                """.formatted(BaseImage.NAME));
        cli = new CliRunner(dir);
    }

    @AfterEach
    void tearDown() {
        cli.run("-p", project, "down", "-t", "1");
        Cleanup.project(project);
    }

    @Test
    void theLiveDisplayShowsEveryResourceInItsEndStateOnARealTerminal() throws Exception {
        Path out = dir.resolve("screen.txt");
        // auto would pick plain under CI; the terminal itself is what this test is about
        String command = "stty rows 30 cols " + COLUMNS + "; " + REPO.resolve("jcompose")
                + " -p " + project + " --progress tty up -d";
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", command, "/dev/null")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().remove("CI");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String raw = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), raw);
        assertTrue(raw.contains("\u001b["), "no escape codes: not the live display\n" + raw);
        String screen = String.join("\n", finalScreen(raw));
        assertTrue(screen.matches("(?s).*\\[\\+] Done 3/3 +\\d+\\.\\ds.*"), screen);
        assertTrue(screen.matches("(?s).*✔ Network " + project + "_default +Created +.*"), screen);
        for (String c : List.of("a-1", "longer-name-1")) {
            assertTrue(screen.matches("(?s).*✔ Container " + project + "-" + c
                    + " +Started +\\d+\\.\\ds.*"), c + " not started on\n" + screen);
        }
        // the end state only: no spinner left over from an earlier frame
        assertFalse(screen.matches("(?s).*[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏].*"), screen);
    }

    /** The width the test's terminal is given ({@code stty cols}). */
    private static final int COLUMNS = 100;

    /**
     * The screen a terminal shows after {@code output}: a minimal emulator for what the live
     * display writes (text, CR, LF, backspace, cursor up/down/right/left, erase line, colours
     * ignored), with a terminal's right margin: a character written in the last column leaves
     * the cursor there with a wrap pending, and the next character goes to the next row (jline's
     * display moves to the next line that way, and steps back with backspaces).
     */
    static List<String> finalScreen(String output) {
        List<StringBuilder> rows = new java.util.ArrayList<>();
        rows.add(new StringBuilder());
        int row = 0;
        int col = 0;
        for (int i = 0; i < output.length(); i++) {
            char ch = output.charAt(i);
            if (ch == '\u001b' && i + 1 < output.length() && output.charAt(i + 1) == '[') {
                int j = i + 2;
                while (j < output.length() && !Character.isLetter(output.charAt(j))) {
                    j++;
                }
                String arg = output.substring(i + 2, j);
                int n = arg.matches("\\d+") ? Integer.parseInt(arg) : 1;
                switch (output.charAt(j)) {
                    case 'A' -> row = Math.max(0, row - n);
                    case 'B' -> row += n;
                    case 'C' -> col = Math.min(COLUMNS - 1, col + n);
                    case 'D' -> col = Math.max(0, Math.min(col, COLUMNS - 1) - n);
                    case 'K' -> {
                        while (rows.size() <= row) {
                            rows.add(new StringBuilder());
                        }
                        StringBuilder r = rows.get(row);
                        if (r.length() > col) {
                            r.setLength(col);
                        }
                    }
                    default -> { }
                }
                i = j;
                continue;
            }
            if (ch == '\r') {
                col = 0;
            } else if (ch == '\n') {
                row++;
                col = Math.min(col, COLUMNS - 1);
            } else if (ch == '\b') {
                col = Math.max(0, Math.min(col, COLUMNS - 1) - 1);
            } else {
                if (col >= COLUMNS) { // the wrap pending since the last column was written
                    row++;
                    col = 0;
                }
                while (rows.size() <= row) {
                    rows.add(new StringBuilder());
                }
                StringBuilder r = rows.get(row);
                while (r.length() < col) {
                    r.append(' ');
                }
                if (col < r.length()) {
                    r.setCharAt(col, ch);
                } else {
                    r.append(ch);
                }
                col++;
            }
        }
        return rows.stream().map(StringBuilder::toString).toList();
    }

    @Test
    void logsArePaddedFilteredByTimeAndTailed() {
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "up", "-d").exitCode());
        CliRunner.Result logs = waitForLogs();
        assertTrue(logs.out().contains("a-1            | one\n"), logs.toString());
        assertTrue(logs.out().contains("longer-name-1  | hello\n"), logs.toString());

        CliRunner.Result tail = cli.run("-p", project, "logs", "--tail", "1", "a");
        assertEquals("a-1  | three\n", tail.out(), tail.toString());
        CliRunner.Result future = cli.run("-p", project, "logs", "--since",
                "2099-01-01T00:00:00Z");
        assertEquals("", future.out(), future.toString());
        CliRunner.Result bad = cli.run("-p", project, "logs", "--since", "yesterday");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--since takes an RFC 3339 time"), bad.toString());
    }

    private CliRunner.Result waitForLogs() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        CliRunner.Result r;
        do {
            r = cli.run("-p", project, "logs", "--no-color");
        } while (!(r.out().contains("three") && r.out().contains("hello"))
                && System.nanoTime() < deadline);
        return r;
    }

    @Test
    void logsFollowFollowsContainersThatStartLaterAndAcrossARestartWithoutRepeats()
            throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  long:
                    image: %1$s
                    command: ["sh", "-c", "echo long run; sleep 3"]
                  late:
                    image: %1$s
                    command: ["sh", "-c", "echo late hello; sleep 6; echo late done"]
                """.formatted(BaseImage.NAME));
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "up", "-d", "long")
                .exitCode());
        CliRunner.Running follow = cli.start("-p", project, "logs", "-f", "--no-color");
        assertTrue(follow.awaitOut("long-1  | long run\n", 20), follow.out().toString());
        // started after logs -f was running: compose would not show it
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "up", "-d", "late")
                .exitCode());
        assertTrue(follow.awaitOut("late-1  | late hello\n", 20), follow.out().toString());
        // a restart: the new run is followed, the earlier run's lines are not printed again
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "restart", "-t", "0",
                "long").exitCode());
        CliRunner.Result r = follow.result().get(60, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(2, r.out().split("long-1  \\| long run\n", -1).length - 1, r.toString());
        assertEquals(1, r.out().split("late-1  \\| late hello\n", -1).length - 1,
                r.toString());
        assertTrue(r.out().contains("late-1  | late done\n"), r.toString());
    }

    @Test
    void mergeOrdersEveryContainersLinesByTimeAndIndexPicksAContainer() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  a:
                    image: %1$s
                    command: ["sh", "-c", "echo a1; sleep 0.4; echo a2"]
                  b:
                    image: %1$s
                    command: ["sh", "-c", "sleep 0.2; echo b1; sleep 0.4; echo b2"]
                """.formatted(BaseImage.NAME));
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "up", "-d").exitCode());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        CliRunner.Result merged;
        do {
            merged = cli.run("-p", project, "logs", "--merge", "--no-log-prefix");
        } while (!merged.out().contains("b2") && System.nanoTime() < deadline);
        assertEquals("a1\nb1\na2\nb2\n", merged.out(), merged.toString());
        assertEquals("", cli.run("-p", project, "logs", "--index", "2").out());
        assertTrue(cli.run("-p", project, "logs", "--index", "1", "a").out()
                .contains("a-1  | a2"));
        assertEquals(ExitCodes.USAGE, cli.run("-p", project, "logs", "-f", "--merge")
                .exitCode());
    }

    @Test
    void psFiltersByStatus() {
        assertEquals(0, cli.run("-p", project, "--progress", "quiet", "up", "-d").exitCode());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        CliRunner.Result exited;
        do {
            exited = cli.run("-p", project, "ps", "--status", "exited", "--format", "json");
        } while (!exited.out().contains(project + "-a-1") && System.nanoTime() < deadline);
        assertTrue(exited.out().contains(project + "-a-1"), exited.toString());
        assertFalse(exited.out().contains("longer-name"), exited.toString());
        CliRunner.Result running = cli.run("-p", project, "ps", "--filter", "status=running",
                "-q");
        assertEquals(1, running.out().lines().count(), running.toString());
        CliRunner.Result bad = cli.run("-p", project, "ps", "--status", "sleeping");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
    }

    @Test
    void completionCoversEveryCommand() {
        CliRunner.Result bash = cli.run("completion", "bash");
        assertEquals(0, bash.exitCode(), bash.toString());
        for (String command : List.of("up", "down", "ps", "logs", "stop", "rm", "completion")) {
            assertTrue(bash.out().contains(command), command);
        }
        assertTrue(cli.run("completion", "zsh").out().startsWith("autoload -U +X compinit"));
        assertEquals(ExitCodes.USAGE, cli.run("completion", "fish").exitCode());
    }
}
