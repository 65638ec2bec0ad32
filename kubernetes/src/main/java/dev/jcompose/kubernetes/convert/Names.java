package dev.jcompose.kubernetes.convert;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for names and labels, and compose names made to fit them: object names are
 * DNS labels (lower case letters, digits and '-', at most 63), label values at most 63 letters,
 * digits, '-', '_' or '.', beginning and ending with a letter or digit.
 */
public final class Names {

    private static final Pattern LABEL_VALUE =
            Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
    private static final Pattern LABEL_NAME =
            Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Names() {
    }

    /** {@code name} as a DNS label: lower case, other characters as '-', at most 63. */
    public static String dnsLabel(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        s = trimDashes(s.length() > 63 ? s.substring(0, 63) : s);
        return s.isEmpty() ? "x" : s;
    }

    /** A DNS label that begins with a letter, as Service names must. */
    public static String serviceName(String name) {
        String s = dnsLabel(name);
        return Character.isLetter(s.charAt(0)) ? s : dnsLabel("s-" + s);
    }

    /** {@code value} as a label value: other characters as '-', ends trimmed, at most 63. */
    public static String labelValue(String value) {
        String s = value.replaceAll("[^-A-Za-z0-9_.]", "-");
        if (s.length() > 63) {
            s = s.substring(0, 63);
        }
        return s.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    }

    public static boolean isLabelValue(String value) {
        return value != null && LABEL_VALUE.matcher(value).matches();
    }

    /** A label or annotation key: an optional DNS subdomain prefix and '/', then a name. */
    public static boolean isQualifiedName(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > 253
                    || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return false;
            }
        }
        return LABEL_NAME.matcher(name).matches();
    }

    /** A ConfigMap or Secret key: letters, digits, '-', '_' and '.', at most 253. */
    public static String dataKey(String name) {
        String s = name.replaceAll("[^-A-Za-z0-9_.]", "_");
        return s.length() > 253 ? s.substring(0, 253) : s;
    }

    private static String trimDashes(String s) {
        return s.replaceAll("^-+", "").replaceAll("-+$", "");
    }
}
