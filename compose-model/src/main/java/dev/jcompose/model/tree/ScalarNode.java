package dev.jcompose.model.tree;

import java.math.BigInteger;

/**
 * A scalar. {@code value} is one of {@link String}, {@link Long}, {@link BigInteger},
 * {@link Double}, {@link Boolean} or {@code null}, resolved the way Go's YAML library resolves
 * plain scalars (so {@code yes} and {@code on} stay strings).
 */
public record ScalarNode(Object value, Mark mark, Tag tag) implements Node {

    public ScalarNode {
        if (value != null && !(value instanceof String || value instanceof Long
                || value instanceof BigInteger || value instanceof Double
                || value instanceof Boolean)) {
            throw new IllegalArgumentException("unsupported scalar type " + value.getClass());
        }
    }

    public static ScalarNode of(Object value, Mark mark) {
        return new ScalarNode(value, mark, Tag.NONE);
    }

    public static ScalarNode string(String value, Mark mark) {
        return new ScalarNode(value, mark, Tag.NONE);
    }

    public boolean isString() {
        return value instanceof String;
    }

    /** The value as text, the way it would be written in a compose file ("" for null). */
    public String text() {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return formatDouble(d);
        }
        return value.toString();
    }

    static String formatDouble(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    @Override
    public ScalarNode withTag(Tag newTag) {
        return new ScalarNode(value, mark, newTag);
    }

    public ScalarNode withValue(Object newValue) {
        return new ScalarNode(newValue, mark, tag);
    }

    @Override
    public String kindName() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Double) {
            return "number";
        }
        return "integer";
    }
}
