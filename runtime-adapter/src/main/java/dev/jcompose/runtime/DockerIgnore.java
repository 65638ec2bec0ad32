package dev.jcompose.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of a {@code .dockerignore} file, with the Docker CLI's semantics.
 *
 * <ul>
 *   <li>One pattern per line; a line starting with {@code #} is a comment; surrounding blanks
 *       are trimmed; blank lines are skipped. Patterns are cleaned like paths ({@code ./a//b/}
 *       is {@code a/b}, a leading {@code /} is dropped).
 *   <li>{@code *} matches any run of characters but {@code /}, {@code ?} one such character,
 *       {@code [a-z]} / {@code [^a-z]} a class, {@code \} escapes; {@code **} matches any number
 *       of directories, including none.
 *   <li>A pattern matching a directory matches everything inside it.
 *   <li>{@code !pattern} is an exception: it re-includes what earlier patterns excluded. The
 *       last pattern that matches a path decides.
 * </ul>
 */
public final class DockerIgnore {

    /** A .dockerignore line that is not a valid pattern. */
    public static final class InvalidPattern extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidPattern(String message) {
            super(message);
        }
    }

    private record Rule(String pattern, boolean exception, Pattern regex) { }

    private static final DockerIgnore EMPTY = new DockerIgnore(List.of());

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No rules: everything is included. */
    public static DockerIgnore empty() {
        return EMPTY;
    }

    /** The rules of {@code file}, or no rules when it does not exist. */
    public static DockerIgnore read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (InvalidPattern e) {
            throw new InvalidPattern(file + ": " + e.getMessage());
        }
    }

    /** The rules in {@code content}, the text of a .dockerignore file. */
    public static DockerIgnore parse(String content) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.startsWith("#")) {
                continue;
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean exception = line.startsWith("!");
            if (exception) {
                line = line.substring(1).strip();
                if (line.isEmpty()) {
                    throw new InvalidPattern("line " + (i + 1) + ": \"!\" excepts nothing; "
                            + "write the pattern to re-include after it");
                }
            }
            rules.add(rule(clean(line), exception, i + 1));
        }
        return new DockerIgnore(rules);
    }

    /** These rules followed by exceptions for {@code paths}, which are then always included. */
    public DockerIgnore including(String... paths) {
        List<Rule> out = new ArrayList<>(rules);
        for (String p : paths) {
            if (p != null) {
                out.add(rule(clean(p), true, 0));
            }
        }
        return new DockerIgnore(out);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Whether {@code path} (relative to the context, {@code /}-separated) is excluded: the last
     * rule matching it or one of its parent directories decides.
     */
    public boolean excludes(String path) {
        boolean excluded = false;
        List<String> parents = null;
        for (Rule r : rules) {
            boolean match = r.regex.matcher(path).matches();
            if (!match) {
                if (parents == null) {
                    parents = parents(path);
                }
                for (String parent : parents) {
                    if (r.regex.matcher(parent).matches()) {
                        match = true;
                        break;
                    }
                }
            }
            if (match) {
                excluded = !r.exception;
            }
        }
        return excluded;
    }

    /**
     * Whether some exception could re-include a path inside the excluded directory {@code dir}:
     * when none can, the directory need not be walked at all.
     */
    public boolean mayIncludeInside(String dir) {
        String prefix = dir + "/";
        for (Rule r : rules) {
            if (!r.exception) {
                continue;
            }
            Matcher m = r.regex.matcher(prefix);
            if (m.matches() || m.hitEnd()) {
                return true;
            }
        }
        return false;
    }

    /** {@code a/b/c} has parents {@code a} and {@code a/b}. */
    private static List<String> parents(String path) {
        List<String> out = new ArrayList<>();
        int slash = path.indexOf('/');
        while (slash > 0) {
            out.add(path.substring(0, slash));
            slash = path.indexOf('/', slash + 1);
        }
        return out;
    }

    /** Cleans a pattern like a path: no empty or {@code .} segments, {@code ..} resolved. */
    static String clean(String pattern) {
        boolean rooted = pattern.startsWith("/");
        Deque<String> out = new ArrayDeque<>();
        for (String seg : pattern.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast(seg);
                }
                continue;
            }
            out.addLast(seg);
        }
        String cleaned = String.join("/", out);
        if (cleaned.isEmpty()) {
            return rooted ? "/" : ".";
        }
        return cleaned;
    }

    private static Rule rule(String pattern, boolean exception, int line) {
        try {
            return new Rule(pattern, exception, Pattern.compile(toRegex(pattern)));
        } catch (PatternSyntaxException | InvalidPattern e) {
            String where = line > 0 ? "line " + line + ": " : "";
            throw new InvalidPattern(where + "\"" + pattern + "\" is not a valid pattern ("
                    + (e instanceof PatternSyntaxException pse ? pse.getDescription()
                            : e.getMessage()) + ")");
        }
    }

    /** The pattern as a regular expression over whole paths. */
    static String toRegex(String pattern) {
        StringBuilder re = new StringBuilder();
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < n && pattern.charAt(i + 1) == '/') {
                            i++;
                        }
                        // "**" at the end matches everything below; elsewhere any number of
                        // whole directories, including none
                        re.append(i + 1 >= n ? ".*" : "(?:.*/)?");
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '\\' -> {
                    if (i + 1 < n) {
                        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    } else {
                        re.append("\\\\");
                    }
                }
                case '[' -> i = charClass(pattern, i, re);
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    /** Appends the class starting at {@code start} ({@code [}); returns the index of its {@code ]}. */
    private static int charClass(String pattern, int start, StringBuilder re) {
        int i = start + 1;
        int n = pattern.length();
        StringBuilder cls = new StringBuilder("[");
        if (i < n && pattern.charAt(i) == '^') {
            cls.append('^');
            i++;
        }
        boolean first = true;
        for (; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == ']' && !first) {
                re.append(cls).append(']');
                return i;
            }
            first = false;
            if (c == '\\' && i + 1 < n) {
                c = pattern.charAt(++i);
                if (Character.isLetterOrDigit(c)) {
                    cls.append(c);
                } else {
                    cls.append('\\').append(c);
                }
            } else if (c == '-') {
                cls.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                cls.append(c);
            } else {
                cls.append('\\').append(c);
            }
        }
        throw new InvalidPattern("unclosed [");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Rule r : rules) {
            sb.append(r.exception ? "!" : "").append(r.pattern).append('\n');
        }
        return sb.toString();
    }
}
