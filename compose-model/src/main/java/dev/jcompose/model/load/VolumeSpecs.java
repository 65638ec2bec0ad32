package dev.jcompose.model.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The short volume syntax {@code [SOURCE:]TARGET[:OPTIONS]}: a source that looks like a path
 * ({@code /}, {@code .}, {@code ~}) is a bind mount, any other source names a volume, and no
 * source is an anonymous volume.
 */
public final class VolumeSpecs {

    private static final List<String> PROPAGATION =
            List.of("shared", "rshared", "slave", "rslave", "private", "rprivate");
    private static final List<String> CONSISTENCY = List.of("consistent", "cached", "delegated");

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
                        } else if (CONSISTENCY.contains(opt)) {
                            out.put("consistency", opt);
                        } else {
                            throw new IllegalArgumentException("unknown volume option \"" + opt
                                    + "\" in \"" + spec + "\" (use ro, rw, z, Z, nocopy or a "
                                    + "propagation mode)");
                        }
                    }
                }
            }
        }
        if (bind) {
            bindOpts.put("create_host_path", true);
            out.put("bind", bindOpts);
        } else if (!bindOpts.isEmpty()) {
            throw new IllegalArgumentException("\"" + spec + "\": "
                    + bindOpts.keySet().iterator().next() + " applies to bind mounts only");
        }
        if (!volumeOpts.isEmpty()) {
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
