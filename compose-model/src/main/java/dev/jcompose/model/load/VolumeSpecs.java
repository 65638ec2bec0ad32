package dev.jcompose.model.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The short volume syntax {@code [SOURCE:]TARGET[:OPTIONS]}: a source that looks like a path
 * ({@code /}, {@code .}, {@code ~}) is a bind mount, any other source names a volume, and no
 * source is an anonymous volume. Options are read as compose-go reads them: {@code ro},
 * {@code rw}, {@code nocopy}, SELinux {@code z}/{@code Z} and propagation modes (kept as bind
 * options, on a named volume too); any other option is ignored.
 */
public final class VolumeSpecs {

    private static final List<String> PROPAGATION =
            List.of("shared", "rshared", "slave", "rslave", "private", "rprivate");

    private VolumeSpecs() {
    }

    /**
     * Parses a short-syntax volume into the long form, as an ordered map of plain values
     * (strings, booleans and nested maps).
     *
     * @throws IllegalArgumentException with a user-readable reason
     */
    public static Map<String, Object> parse(String spec) {
        String s = spec.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an empty volume specification");
        }
        String[] parts = splitParts(s);
        if (s.length() > 2) {
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].isEmpty()) {
                    throw new IllegalArgumentException("\"" + spec + "\": " + (i == 0
                            ? "the source (before the first colon) is empty; was it a variable "
                            + "that is not set?" : "empty section between colons"));
                }
            }
        }
        String source = null;
        String target;
        String options = null;
        switch (parts.length) {
            case 1 -> target = parts[0];
            case 2 -> {
                if (parts[1].startsWith("/") || isWindowsPath(parts[1])) {
                    source = parts[0];
                    target = parts[1];
                } else {
                    target = parts[0];
                    options = parts[1];
                }
            }
            case 3 -> {
                source = parts[0];
                target = parts[1];
                options = parts[2];
            }
            default -> throw new IllegalArgumentException("\"" + spec
                    + "\" has too many colons (use SOURCE:TARGET[:MODE])");
        }
        if (target.isEmpty()) {
            throw new IllegalArgumentException("\"" + spec + "\" has no container path");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        boolean bind = source != null && isPath(source);
        out.put("type", source == null ? "volume" : bind ? "bind" : "volume");
        if (source != null) {
            out.put("source", source);
        }
        out.put("target", cleanTarget(target));
        Map<String, Object> bindOpts = new LinkedHashMap<>();
        Map<String, Object> volumeOpts = new LinkedHashMap<>();
        if (options != null) {
            for (String opt : options.split(",")) {
                switch (opt) {
                    case "ro" -> out.put("read_only", true);
                    case "rw" -> out.remove("read_only");
                    case "z", "Z" -> bindOpts.put("selinux", opt);
                    case "nocopy" -> volumeOpts.put("nocopy", true);
                    default -> {
                        if (PROPAGATION.contains(opt)) {
                            bindOpts.put("propagation", opt);
                        }
                        // any other option is ignored, as compose-go ignores it
                    }
                }
            }
        }
        if (bind) {
            bindOpts.put("create_host_path", true);
        }
        if (!bindOpts.isEmpty()) {
            // on a named volume too: docker compose keeps it in the model (and warns at create)
            out.put("bind", bindOpts);
        }
        if (!bind) {
            // as compose-go: a volume in the short syntax has options, empty ones at least
            // (the long syntax's have none unless written), which its config hash tells apart
            out.put("volume", volumeOpts);
        }
        return out;
    }

    /** The target as Go's {@code path.Clean} writes it: no trailing or doubled slashes. */
    static String cleanTarget(String target) {
        if (!target.startsWith("/") || target.length() == 1) {
            return target;
        }
        String cleaned = java.nio.file.Path.of(target).normalize().toString();
        return cleaned.isEmpty() ? "/" : cleaned;
    }

    /** True for sources that denote a host path rather than a volume name. */
    public static boolean isPath(String source) {
        return source.startsWith("/") || source.startsWith(".") || source.startsWith("~")
                || isWindowsPath(source) || source.contains("/");
    }

    private static boolean isWindowsPath(String s) {
        return s.length() >= 2 && Character.isLetter(s.charAt(0)) && s.charAt(1) == ':'
                && (s.length() == 2 || s.charAt(2) == '\\' || s.charAt(2) == '/');
    }

    private static String[] splitParts(String s) {
        // keep a Windows drive letter ("C:\\data:/data") in one piece
        if (isWindowsPath(s)) {
            String[] rest = s.substring(2).split(":", -1);
            rest[0] = s.substring(0, 2) + rest[0];
            return rest;
        }
        return s.split(":", -1);
    }
}
