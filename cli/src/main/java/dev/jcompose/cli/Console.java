package dev.jcompose.cli;

import java.io.InputStream;
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
 */
public record Console(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
        Path workingDir, boolean outIsTerminal, boolean errIsTerminal) {
}
