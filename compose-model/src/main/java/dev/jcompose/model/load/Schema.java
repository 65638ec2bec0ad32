package dev.jcompose.model.load;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small type language for the shape of a compose file, and the validator that checks a tree
 * against it. Errors name the file, line, column and YAML path, and suggest the nearest known
 * key for a misspelt one.
 *
 * <p>Over 400 lines because each kind of type keeps its check and its error wording together (the
 * errors are the user-facing part), and the nearest-key suggestion belongs to the same walk.
 */
public final class Schema {

    private Schema() {
    }

    /** A type a node may have. */
    public sealed interface Type permits Scalar, ListOf, MapOf, Obj, AnyOf, Any {
        /** What a user reads in an error: "a string", "a list of strings". */
        String describe();
    }

    /** Kinds of scalar. */
    public enum ScalarKind { STRING, INTEGER, NUMBER, BOOLEAN, NULL }

    /**
     * A scalar of some kinds, optionally checked further ({@code check} returns an error message
     * or null). Strings holding a {@code $} are not checked further when interpolation was
     * skipped.
     */
    public record Scalar(Set<ScalarKind> kinds, String what, Check check) implements Type {
        @Override
        public String describe() {
            return what;
        }
    }

    /** A further check of a scalar's value: returns an error message, or null when valid. */
    @FunctionalInterface
    public interface Check {
        String check(ScalarNode node);
    }

    /** A list whose items have type {@code item}. */
    public record ListOf(Type item, boolean unique) implements Type {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A mapping with free keys (matching {@code keyPattern} when set) and values of one type. */
    public record MapOf(Type value, Pattern keyPattern) implements Type {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A mapping with known keys; {@code x-*} keys are allowed when {@code extensions}. */
    public record Obj(String what, Map<String, Type> keys, boolean extensions, List<String> required)
            implements Type {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One of several types; the first whose node kind fits is used. */
    public record AnyOf(List<Type> options) implements Type {
        @Override
        public String describe() {
            return options.stream().map(Type::describe).distinct()
                    .collect(Collectors.joining(" or "));
        }
    }

    /** Anything. */
    public record Any() implements Type {
        @Override
        public String describe() {
            return "any value";
        }
    }

    // --- constructors of types ---------------------------------------------------------------

    public static final Type ANY = new Any();
    public static final Type STRING = scalar("a string", ScalarKind.STRING);
    public static final Type INTEGER = scalar("an integer", ScalarKind.INTEGER);
    public static final Type NUMBER = scalar("a number", ScalarKind.NUMBER, ScalarKind.INTEGER);
    public static final Type BOOLEAN = scalar("a boolean", ScalarKind.BOOLEAN);
    public static final Type NULL = scalar("null", ScalarKind.NULL);
    /** A string or a number (ports, user ids, cpus as text). */
    public static final Type STRING_OR_NUMBER = scalar("a string or a number",
            ScalarKind.STRING, ScalarKind.INTEGER, ScalarKind.NUMBER);
    /** Any scalar (label values, environment values: numbers and booleans become text). */
    public static final Type SCALAR = scalar("a string, number or boolean",
            ScalarKind.STRING, ScalarKind.INTEGER, ScalarKind.NUMBER, ScalarKind.BOOLEAN,
            ScalarKind.NULL);
    /** A boolean, or a string holding one (interpolated values arrive as strings). */
    public static final Type BOOL_LIKE = new Scalar(Set.of(ScalarKind.BOOLEAN, ScalarKind.STRING),
            "a boolean", n -> n.value() instanceof String s && !isBooleanText(s)
                    && !s.contains("$") ? "must be true or false, not \"" + s + "\"" : null);
    /** An integer, or a string holding one. */
    public static final Type INT_LIKE = new Scalar(Set.of(ScalarKind.INTEGER, ScalarKind.STRING),
            "an integer", n -> n.value() instanceof String s && !s.strip().matches("[-+]?\\d+")
                    && !s.contains("$") ? "must be an integer, not \"" + s + "\"" : null);
    /** A number, or a string holding one. */
    public static final Type NUMBER_LIKE = new Scalar(
            Set.of(ScalarKind.INTEGER, ScalarKind.NUMBER, ScalarKind.STRING), "a number",
            n -> n.value() instanceof String s && !isNumberText(s) && !s.contains("$")
                    ? "must be a number, not \"" + s + "\"" : null);
    /** A duration such as {@code 1m30s}, {@code 10s} or {@code 500ms}. */
    public static final Type DURATION = new Scalar(
            Set.of(ScalarKind.STRING, ScalarKind.INTEGER, ScalarKind.NUMBER), "a duration",
            n -> {
                if (n.value() instanceof String s && !s.contains("$")) {
                    try {
                        Durations.parse(s);
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                }
                return null;
            });
    /** A byte size such as {@code 512m}, {@code 1gb} or a number of bytes. */
    public static final Type BYTES = new Scalar(Set.of(ScalarKind.STRING, ScalarKind.INTEGER),
            "a byte size", n -> {
                if (n.value() instanceof String s && !s.contains("$")) {
                    try {
                        ByteSizes.parse(s);
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                }
                return null;
            });

    public static Type scalar(String what, ScalarKind... kinds) {
        return new Scalar(Set.of(kinds), what, n -> null);
    }

    /** A string that must be one of {@code values} (after interpolation). */
    public static Type oneOfStrings(String... values) {
        List<String> allowed = List.of(values);
        return new Scalar(Set.of(ScalarKind.STRING), "one of " + String.join(", ", values),
                n -> n.value() instanceof String s && !allowed.contains(s) && !s.contains("$")
                        ? "\"" + s + "\" is not one of " + String.join(", ", allowed)
                        + suggestion(s, allowed) : null);
    }

    /** A string matching {@code predicate}; {@code message} explains a failure. */
    public static Type string(String what, Predicate<String> predicate, String message) {
        return new Scalar(Set.of(ScalarKind.STRING), what,
                n -> n.value() instanceof String s && !s.contains("$") && !predicate.test(s)
                        ? "\"" + s + "\" " + message : null);
    }

    public static Type list(Type item) {
        return new ListOf(item, false);
    }

    public static Type uniqueList(Type item) {
        return new ListOf(item, true);
    }

    public static Type map(Type value) {
        return new MapOf(value, null);
    }

    public static Type map(Type value, String keyPattern) {
        return new MapOf(value, Pattern.compile(keyPattern));
    }

    public static Type anyOf(Type... options) {
        return new AnyOf(List.of(options));
    }

    /** {@code KEY=value} list or a mapping of scalars (environment, labels, args). */
    public static Type listOrDict() {
        return anyOf(map(SCALAR), uniqueList(STRING_OR_NUMBER));
    }

    public static Type stringOrList() {
        return anyOf(STRING, list(STRING));
    }

    /** Starts an object type. */
    public static ObjBuilder obj(String what) {
        return new ObjBuilder(what);
    }

    /** Builds an {@link Obj}. */
    public static final class ObjBuilder {
        private final String what;
        private final Map<String, Type> keys = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private boolean extensions = true;

        private ObjBuilder(String what) {
            this.what = what;
        }

        public ObjBuilder key(String key, Type type) {
            keys.put(key, type);
            return this;
        }

        public ObjBuilder keys(Type type, String... names) {
            for (String n : names) {
                keys.put(n, type);
            }
            return this;
        }

        public ObjBuilder required(String... names) {
            required.addAll(Arrays.asList(names));
            return this;
        }

        public ObjBuilder noExtensions() {
            extensions = false;
            return this;
        }

        public Obj build() {
            return new Obj(what, Map.copyOf(keys), extensions, List.copyOf(required));
        }
    }

    // --- validation ----------------------------------------------------------------------------

    /** Checks {@code node} against {@code type}, reporting every mismatch to {@code diag}. */
    public static void validate(Node node, Type type, YamlPath path, Diagnostics diag) {
        if (node.tag() == dev.jcompose.model.tree.Tag.RESET && node.isNull()) {
            return; // "key: !reset" removes what earlier files set: it has no value to check
        }
        // instanceof rather than a pattern switch on the start-up path: see Nodes
        if (type instanceof Scalar s) {
            validateScalar(node, s, path, diag);
        } else if (type instanceof ListOf l) {
            if (!(node instanceof SeqNode seq)) {
                mismatch(node, type, path, diag);
                return;
            }
            List<Object> seen = new ArrayList<>();
            for (int i = 0; i < seq.size(); i++) {
                Node item = seq.get(i);
                validate(item, l.item(), path.index(i), diag);
                if (l.unique() && item instanceof ScalarNode sn && sn.value() != null) {
                    if (seen.contains(sn.value())) {
                        diag.error(item, path.index(i), "duplicate entry \""
                                + sn.text() + "\"; entries must be unique");
                    }
                    seen.add(sn.value());
                }
            }
        } else if (type instanceof MapOf m) {
            if (!(node instanceof MapNode map)) {
                mismatch(node, type, path, diag);
                return;
            }
            map.entries().forEach((k, v) -> {
                if (m.keyPattern() != null && !m.keyPattern().matcher(k).matches()) {
                    diag.error(map.keyMark(k), path.key(k), "\"" + k
                            + "\" is not a valid name here (allowed: "
                            + m.keyPattern().pattern() + ")");
                    return;
                }
                validate(v, m.value(), path.key(k), diag);
            });
        } else if (type instanceof Obj o) {
            validateObj(node, o, path, diag);
        } else if (type instanceof AnyOf any) {
            Type chosen = choose(node, any);
            if (chosen == null) {
                mismatch(node, type, path, diag);
            } else {
                validate(node, chosen, path, diag);
            }
        }
        // Any: everything fits
    }

    private static void validateObj(Node node, Obj o, YamlPath path, Diagnostics diag) {
        if (!(node instanceof MapNode map)) {
            mismatch(node, o, path, diag);
            return;
        }
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            String k = e.getKey();
            Type t = o.keys().get(k);
            if (t == null) {
                if (o.extensions() && k.startsWith("x-")) {
                    continue;
                }
                diag.error(map.keyMark(k), path.key(k), "unknown key \"" + k + "\" in "
                        + o.what() + suggestion(k, o.keys().keySet()));
                continue;
            }
            validate(e.getValue(), t, path.key(k), diag);
        }
        for (String r : o.required()) {
            if (!map.has(r)) {
                diag.error(map.mark(), path, o.what() + " needs \"" + r + "\"");
            }
        }
    }

    private static void validateScalar(Node node, Scalar s, YamlPath path, Diagnostics diag) {
        if (!(node instanceof ScalarNode sn) || !s.kinds().contains(kindOf(sn))) {
            mismatch(node, s, path, diag);
            return;
        }
        String problem = s.check().check(sn);
        if (problem != null) {
            diag.error(node, path, problem);
        }
    }

    private static Type choose(Node node, AnyOf any) {
        for (Type t : any.options()) {
            if (fits(node, t)) {
                return t;
            }
        }
        return null;
    }

    private static boolean fits(Node node, Type t) {
        if (t instanceof Scalar s) {
            return node instanceof ScalarNode sn && s.kinds().contains(kindOf(sn));
        }
        if (t instanceof ListOf) {
            return node instanceof SeqNode;
        }
        if (t instanceof MapOf || t instanceof Obj) {
            return node instanceof MapNode;
        }
        if (t instanceof AnyOf a) {
            return choose(node, a) != null;
        }
        return true; // Any
    }

    static ScalarKind kindOf(ScalarNode n) {
        Object v = n.value();
        if (v == null) {
            return ScalarKind.NULL;
        }
        if (v instanceof String) {
            return ScalarKind.STRING;
        }
        if (v instanceof Boolean) {
            return ScalarKind.BOOLEAN;
        }
        if (v instanceof Double) {
            return ScalarKind.NUMBER;
        }
        return ScalarKind.INTEGER;
    }

    private static void mismatch(Node node, Type expected, YamlPath path, Diagnostics diag) {
        String got = node instanceof ScalarNode sn && sn.value() != null
                ? node.kindName() + " (" + abbreviate(sn.text()) + ")" : node.kindName();
        diag.error(node, path, "must be " + expected.describe() + ", not " + article(got));
    }

    private static String article(String s) {
        if (s.startsWith("null")) {
            return "empty (null)";
        }
        return ("aeiou".indexOf(s.charAt(0)) >= 0 ? "an " : "a ") + s;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    static boolean isBooleanText(String s) {
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
    }

    static boolean isNumberText(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** " (did you mean \"x\"?)" for the nearest of {@code known}, or "". */
    public static String suggestion(String key, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int limit = Math.max(2, key.length() / 3);
        if (best != null && bestDistance <= limit) {
            return " (did you mean \"" + best + "\"?)";
        }
        return "";
    }

    /** Damerau-Levenshtein distance (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
