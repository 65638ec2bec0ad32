package dev.jcompose.model.load;

import dev.jcompose.model.tree.YamlReader;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which texts a YAML reader would take for something other than a string if they were written
 * plain: the implicit types of YAML 1.1 (booleans {@code yes/no/on/off/y/n}, octal {@code 0755},
 * base 60 {@code 12:00}, timestamps, {@code <<}, {@code =}) and of YAML 1.2's core schema
 * ({@code true}, {@code ~}, {@code 0o17}, {@code 0x1F}, {@code +12}, {@code 1e3},
 * {@code .inf}), and what jcompose's own reader (go-yaml's rules) resolves. {@code config} quotes
 * them, as go-yaml does, so its output reads back as itself with any of these readers.
 */
final class PlainScalars {

    private static final Set<String> WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true",
            "false", "null", "~", "<<", "=");

    private static final Pattern NUMBER = Pattern.compile(String.join("|",
            // integers: 1.1 binary, octal, decimal, hex, base 60; 1.2 decimal, 0o, 0x
            "[-+]?0b[0-1_]+",
            "[-+]?0o?[0-7_]+",
            "[-+]?[0-9][0-9_]*",
            "[-+]?0x[0-9a-fA-F_]+",
            "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?",
            // floats: 1.1 (a dot required, exponent sign required), 1.2 core
            "[-+]?([0-9][0-9_]*)?\\.[0-9._]*([eE][-+]?[0-9]+)?",
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?",
            "[-+]?\\.(inf|Inf|INF)",
            "\\.(nan|NaN|NAN)",
            // 1.1 timestamps: a date, or a date and a time
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
                    + "(\\.[0-9]*)?([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?"));

    private PlainScalars() {
    }

    /** True when a YAML 1.1 or 1.2 reader would not read plain {@code text} as that string. */
    static boolean readAsOtherType(String text) {
        if (text.isEmpty() || WORDS.contains(text.toLowerCase(Locale.ROOT))) {
            return true;
        }
        char c = text.charAt(0);
        if ((c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.')
                && NUMBER.matcher(text).matches()) {
            return true;
        }
        return !(YamlReader.resolvePlain(text) instanceof String);
    }
}
