package dev.jcompose.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The user's compose files cannot be loaded. Carries every error found (up to a limit), each with
 * its file, line, column and key, so a user can fix them all in one pass.
 */
public class ComposeFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ComposeFileException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public ComposeFileException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
