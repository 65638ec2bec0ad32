package dev.jcompose.model.load;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.SeqNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a model refers to, with their defaults ({@code config --variables}), found as
 * compose v2 finds them: in string values of mappings at any depth and in strings directly in
 * sequences (not in mappings inside sequences); {@code $$} is an escaped dollar. A later
 * reference to a name replaces an earlier one.
 */
public final class ModelVariables {

    /**
     * A variable and how it is used.
     *
     * @param name          its name
     * @param required      {@code ${NAME?err}} or {@code ${NAME:?err}}
     * @param defaultValue  the value after {@code :-} or {@code -} ("" if none)
     * @param presenceValue the value after {@code :+} or {@code +} ("" if none)
     */
    public record Variable(String name, boolean required, String defaultValue,
            String presenceValue) { }

    private static final Pattern REFERENCE = Pattern.compile(
            "\\$(?:(\\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\\{([^}]*)})");
    /** The operators in the order compose v2 looks for them. */
    private static final String[] OPERATORS = {":?", "?", ":-", "-", ":+", "+"};

    private ModelVariables() {
    }

    /** The variables of {@code model}, by name. */
    public static Map<String, Variable> of(Node model) {
        Map<String, Variable> out = new LinkedHashMap<>();
        walk(model, out);
        return out;
    }

    private static void walk(Node node, Map<String, Variable> out) {
        switch (node) {
            case ScalarNode s -> strings(s, out);
            case MapNode m -> m.entries().values().forEach(v -> walk(v, out));
            case SeqNode q -> q.items().forEach(i -> {
                if (i instanceof ScalarNode s) {
                    strings(s, out);
                }
            });
        }
    }

    private static void strings(ScalarNode s, Map<String, Variable> out) {
        if (!s.isString()) {
            return;
        }
        Matcher m = REFERENCE.matcher(s.text());
        while (m.find()) {
            if (m.group(1) != null) {
                continue;
            }
            Variable v = m.group(2) != null ? new Variable(m.group(2), false, "", "")
                    : parse(m.group(3));
            out.put(v.name(), v);
        }
    }

    /** {@code NAME}, {@code NAME:-default}, {@code NAME?error}, ... */
    static Variable parse(String braced) {
        for (String op : OPERATORS) {
            int at = braced.indexOf(op);
            if (at >= 0) {
                String name = braced.substring(0, at);
                String rest = braced.substring(at + op.length());
                return switch (op) {
                    case ":?", "?" -> new Variable(name, true, "", "");
                    case ":-", "-" -> new Variable(name, false, rest, "");
                    default -> new Variable(name, false, "", rest);
                };
            }
        }
        return new Variable(braced, false, "", "");
    }
}
