package dev.jcompose.model.load;

import java.util.function.Function;

/**
 * Compose variable substitution: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?message}}, {@code ${VAR?message}}, {@code ${VAR:+alt}},
 * {@code ${VAR+alt}}, and {@code $$} for a literal {@code $}. Defaults, alternatives and messages
 * are themselves interpolated, and only when they are used. A {@code $} not followed by a name
 * or a brace stays as it is.
 */
public final class Interpolator {

    /** What a lookup sees: the value of a variable, or null when it is unset. */
    public interface Lookup extends Function<String, String> {
    }

    /** Told about each variable that was used without a value and without a default. */
    public interface UnsetListener {
        void unset(String variable);
    }

    /** How a variable reference was resolved. */
    public enum Outcome {
        /** The variable's value was used. */
        VALUE,
        /** The variable was unset (or empty, for {@code :-}) and its default was used. */
        DEFAULT,
        /** {@code ${VAR+alt}} / {@code ${VAR:+alt}}: the alternative was used. */
        ALTERNATIVE,
        /** The variable was unset and had no default: it became "". */
        UNSET
    }

    /** Told how each variable reference was resolved (for provenance reports). */
    public interface Observer {
        void resolved(String variable, Outcome outcome);
    }

    /** A template that cannot be substituted; the message says why. */
    public static final class InterpolationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final boolean invalidTemplate;

        public InterpolationException(String message, boolean invalidTemplate) {
            super(message);
            this.invalidTemplate = invalidTemplate;
        }

        public InterpolationException(String message) {
            this(message, false);
        }

        /** True for a malformed template (as opposed to a required variable without value). */
        public boolean isInvalidTemplate() {
            return invalidTemplate;
        }
    }

    private final Lookup lookup;
    private final UnsetListener unsetListener;
    private final Observer observer;

    public Interpolator(Lookup lookup, UnsetListener unsetListener) {
        this(lookup, unsetListener, (v, o) -> { });
    }

    public Interpolator(Lookup lookup, UnsetListener unsetListener, Observer observer) {
        this.lookup = lookup;
        this.unsetListener = unsetListener;
        this.observer = observer;
    }

    /** Substitutes {@code template}. */
    public String substitute(String template) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                out.append('$');
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int end = matchingBrace(template, i + 2);
                if (end < 0) {
                    throw invalid(template);
                }
                out.append(braced(template.substring(i + 2, end), template));
                i = end + 1;
            } else if (isNameStart(next)) {
                int j = i + 1;
                while (j < n && isNamePart(template.charAt(j))) {
                    j++;
                }
                out.append(valueOrWarn(template.substring(i + 1, j)));
                i = j;
            } else {
                out.append('$');
                i++;
            }
        }
        return out.toString();
    }

    private String braced(String body, String template) {
        int j = 0;
        int n = body.length();
        if (n == 0 || !isNameStart(body.charAt(0))) {
            throw invalid(template);
        }
        while (j < n && isNamePart(body.charAt(j))) {
            j++;
        }
        String name = body.substring(0, j);
        if (j == n) {
            return valueOrWarn(name);
        }
        String rest = body.substring(j);
        String value = lookup.apply(name);
        if (rest.startsWith(":-")) {
            if (value == null || value.isEmpty()) {
                observer.resolved(name, Outcome.DEFAULT);
                return substitute(rest.substring(2));
            }
            observer.resolved(name, Outcome.VALUE);
            return value;
        }
        if (rest.startsWith("-")) {
            if (value == null) {
                observer.resolved(name, Outcome.DEFAULT);
                return substitute(rest.substring(1));
            }
            observer.resolved(name, Outcome.VALUE);
            return value;
        }
        if (rest.startsWith(":?")) {
            if (value == null || value.isEmpty()) {
                throw required(name, substitute(rest.substring(2)));
            }
            observer.resolved(name, Outcome.VALUE);
            return value;
        }
        if (rest.startsWith("?")) {
            if (value == null) {
                throw required(name, substitute(rest.substring(1)));
            }
            observer.resolved(name, Outcome.VALUE);
            return value;
        }
        if (rest.startsWith(":+")) {
            if (value == null || value.isEmpty()) {
                return "";
            }
            observer.resolved(name, Outcome.ALTERNATIVE);
            return substitute(rest.substring(2));
        }
        if (rest.startsWith("+")) {
            if (value == null) {
                return "";
            }
            observer.resolved(name, Outcome.ALTERNATIVE);
            return substitute(rest.substring(1));
        }
        throw invalid(template);
    }

    private String valueOrWarn(String name) {
        String v = lookup.apply(name);
        if (v == null) {
            unsetListener.unset(name);
            observer.resolved(name, Outcome.UNSET);
            return "";
        }
        observer.resolved(name, Outcome.VALUE);
        return v;
    }

    private static InterpolationException required(String name, String message) {
        String why = message.isEmpty()
                ? "required variable " + name + " is missing a value"
                : "required variable " + name + " is missing a value: " + message;
        return new InterpolationException(why);
    }

    private static InterpolationException invalid(String template) {
        return new InterpolationException("Invalid template: \"" + template + "\"", true);
    }

    /** The index of the {@code }} closing a {@code ${} whose body starts at {@code from}. */
    private static int matchingBrace(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '{') {
                // a plain brace in a default nests too, as compose-go reads ${V:-{"a":1}}
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
