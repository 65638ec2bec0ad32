package dev.jcompose.model.load;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.YamlPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Parser for {@code .env} and {@code env_file} files: {@code KEY=value} lines, {@code export}
 * prefix, {@code #} comments, single quotes (literal), double quotes (escapes, may span lines),
 * and {@code ${VAR}} references to earlier keys or to the lookup.
 */
public final class Dotenv {

    private Dotenv() {
    }

    /**
     * Parses {@code text}.
     *
     * @param file   the file name errors use
     * @param lookup variables visible to references and bare {@code KEY} lines (may return null)
     * @return the variables in file order; a bare {@code KEY} with no value in the lookup is left
     *     out
     */
    public static Map<String, String> parse(String file, String text, Function<String, String> lookup) {
        return parse(file, text, lookup, name -> null);
    }

    /**
     * As {@link #parse(String, String, Function)}, with {@code fallback} (variables of env files
     * read before this one) consulted after the lookup and this file's own earlier keys.
     */
    public static Map<String, String> parse(String file, String text,
            Function<String, String> lookup, Function<String, String> fallback) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        checkCharacters(file, text);
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            // skip blank space and comment lines
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            int keyLine = line;
            int eol = text.indexOf('\n', i);
            if (eol < 0) {
                eol = n;
            }
            String rest = text.substring(i, eol);
            if (rest.startsWith("export ") || rest.startsWith("export\t")) {
                i += 7;
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && text.charAt(i) != ':'
                    && text.charAt(i) != '\n' && text.charAt(i) != '#') {
                i++;
            }
            String key = text.substring(keyStart, i).strip();
            if (i >= n || text.charAt(i) == '\n' || text.charAt(i) == '#') {
                // a bare KEY: take its value from the lookup
                if (!key.isEmpty()) {
                    checkKey(file, keyLine, key);
                    String v = lookup.apply(key);
                    if (v == null) {
                        v = fallback.apply(key);
                    }
                    if (v != null) {
                        out.put(key, v);
                    }
                }
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            checkKey(file, keyLine, key);
            i++; // '=' or ':'
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            String value;
            if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
                char q = text.charAt(i);
                int end = closingQuote(text, i + 1, q);
                if (end < 0) {
                    throw error(file, keyLine, "unterminated quoted value for " + key);
                }
                String raw = text.substring(i + 1, end);
                for (int k = 0; k < raw.length(); k++) {
                    if (raw.charAt(k) == '\n') {
                        line++;
                    }
                }
                if (q == '"') {
                    value = expand(unescape(raw), out, lookup, fallback);
                } else {
                    value = raw.replace("\\'", "'");
                }
                i = end + 1;
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                int end = i;
                while (end < n && text.charAt(end) != '\n') {
                    end++;
                }
                String raw = text.substring(i, end);
                int hash = commentStart(raw);
                if (hash >= 0) {
                    raw = raw.substring(0, hash);
                }
                value = expand(raw.strip(), out, lookup, fallback);
                i = end;
            }
            if (!key.isEmpty() && Character.isDigit(key.charAt(0))) {
                // no variable name starts with a digit: compose-go sets nothing for the line
                continue;
            }
            out.put(key, value);
        }
        return out;
    }

    private static int commentStart(String raw) {
        for (int k = 0; k < raw.length(); k++) {
            if (raw.charAt(k) == '#' && k > 0
                    && (raw.charAt(k - 1) == ' ' || raw.charAt(k - 1) == '\t')) {
                return k;
            }
        }
        return -1;
    }

    private static int closingQuote(String text, int from, char q) {
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\' && (q == '"' || k + 1 < text.length() && text.charAt(k + 1) == q)) {
                k++;
            } else if (c == q) {
                return k;
            }
        }
        return -1;
    }

    private static String unescape(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c == '\\' && k + 1 < raw.length()) {
                char e = raw.charAt(++k);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000b');
                    case '0' -> {
                        // \0 then up to three octal digits
                        int code = 0;
                        int digits = 0;
                        while (digits < 3 && k + 1 < raw.length()
                                && raw.charAt(k + 1) >= '0' && raw.charAt(k + 1) <= '7') {
                            code = code * 8 + raw.charAt(++k) - '0';
                            digits++;
                        }
                        sb.append((char) code);
                    }
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '$' -> sb.append("$$");
                    default -> sb.append('\\').append(e);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String expand(String value, Map<String, String> seen,
            Function<String, String> lookup, Function<String, String> fallback) {
        Interpolator interpolator = new Interpolator(name -> {
            String v = lookup.apply(name);
            if (v == null) {
                v = seen.get(name);
            }
            return v != null ? v : fallback.apply(name);
        }, name -> { });
        return interpolator.substitute(value);
    }

    private static void checkKey(String file, int line, String key) {
        for (int k = 0; k < key.length(); k++) {
            char c = key.charAt(k);
            if (Character.isWhitespace(c)) {
                throw error(file, line, "invalid variable name \"" + key
                        + "\": it contains whitespace");
            }
            if (c == '$' || c == '"' || c == '\'') {
                throw error(file, line, "invalid variable name \"" + key + "\": it contains "
                        + c);
            }
        }
    }

    /**
     * Control characters other than tab and line ends cannot be written in a compose file
     * either (YAML forbids them); in an env file they are a damaged file or a binary one.
     */
    private static void checkCharacters(String file, String text) {
        int line = 1;
        int column = 1;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new ComposeFileException(Problem.error(new Mark(file, line, column),
                        YamlPath.ROOT, String.format("control character U+%04X in an env file "
                                + "(is it a binary file?); write it as an escape in a double-"
                                + "quoted value, such as \"\\t\"", (int) c)));
            }
            column++;
        }
    }

    private static ComposeFileException error(String file, int line, String message) {
        return new ComposeFileException(Problem.error(new Mark(file, line, 1), YamlPath.ROOT,
                message));
    }
}
