package dev.jcompose.kubernetes.convert;

import java.util.List;

/**
 * Kubernetes expands {@code $(VAR)} in a container's command, arguments and environment values;
 * compose has already interpolated its variables, so a {@code $(} left in them is the program's
 * own (a shell's command substitution) and is escaped as {@code $$(}.
 */
final class Expansion {

    private Expansion() {
    }

    static String escape(String s) {
        return s == null ? null : s.replace("$(", "$$(");
    }

    static List<String> escape(List<String> words) {
        return words == null ? null : words.stream().map(Expansion::escape).toList();
    }
}
