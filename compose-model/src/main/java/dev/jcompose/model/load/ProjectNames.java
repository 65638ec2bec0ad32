package dev.jcompose.model.load;

import java.util.Locale;
import java.util.regex.Pattern;

/** Project names: lower-case letters, digits, {@code _} and {@code -}, starting with a letter or digit. */
public final class ProjectNames {

    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

    private ProjectNames() {
    }

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** A directory's base name made into a project name (lower-cased, other characters dropped). */
    public static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append(c);
            }
        }
        int start = 0;
        while (start < sb.length() && (sb.charAt(start) == '_' || sb.charAt(start) == '-')) {
            start++;
        }
        return sb.substring(start);
    }

    /** The error text for an explicit name that is not valid. */
    public static String invalidMessage(String name) {
        return "project name \"" + name + "\" is not valid: it must contain only lower-case "
                + "letters, digits, dashes and underscores, and start with a letter or digit";
    }
}
