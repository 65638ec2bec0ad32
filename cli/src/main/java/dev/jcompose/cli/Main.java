package dev.jcompose.cli;

import dev.jcompose.api.TargetFactory;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The jcompose command-line entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        for (String a : args) {
            if (a.equals("--verbose")) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
                System.setProperty("org.slf4j.simpleLogger.log.com.github.dockerjava", "debug");
            }
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Console console = new Console(out, err, System.in, System.getenv(),
                Path.of("").toAbsolutePath(), isTerminal("stdout"), isTerminal("stderr"));
        int code = run(console, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Whether a standard stream is a terminal: the launcher tells ({@code -Djcompose.stderr.tty}
     * from {@code [ -t 2 ]}); without it, whether the JVM has a console.
     */
    private static boolean isTerminal(String stream) {
        String told = System.getProperty("jcompose." + stream + ".tty");
        if (told != null) {
            return told.equals("1") || told.equals("true");
        }
        return System.console() != null;
    }

    /** Runs one command line on the local target; returns its exit code. */
    public static int run(Console console, String... args) {
        return run(console, TargetFactory.local(), args);
    }

    /** Runs one command line on the targets {@code targets} opens; returns its exit code. */
    public static int run(Console console, TargetFactory targets, String... args) {
        return JcomposeCommand.commandLine(console, targets, args).execute(args);
    }
}
