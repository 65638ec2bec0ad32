package dev.jcompose.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the CLI gets from its process: streams, environment and working directory. Tests run the
 * CLI in-process with their own.
 *
 * @param out         data (ps tables, config, logs)
 * @param err         progress, warnings and errors
 * @param errIsTerminal stderr is an interactive terminal
 * @param bytesOut    standard output for bytes ({@code export}, {@code cp ... -}): the
 *                    process's, or {@code out} as UTF-8 text when the console has no other
 */
public record Console(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
        Path workingDir, boolean outIsTerminal, boolean errIsTerminal, OutputStream bytesOut) {

    /** A console whose bytes go to {@code out} as text. */
    public Console(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
            Path workingDir, boolean outIsTerminal, boolean errIsTerminal) {
        this(out, err, in, env, workingDir, outIsTerminal, errIsTerminal,
                new WriterStream(out));
    }
}
