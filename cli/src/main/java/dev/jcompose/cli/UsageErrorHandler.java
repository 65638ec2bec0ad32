package dev.jcompose.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Unknown commands and options: the message, a "did you mean" suggestion, exit code 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + ex.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        err.flush();
        return ExitCodes.USAGE;
    }
}
