package dev.jcompose.model.load;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Substitutes variables in every string value of one file (not in keys), then gives the values
 * of typed attributes their type, as compose-go does: {@code scale: "${N}"} becomes the integer
 * N, {@code init: yes} the boolean true (with a warning: YAML 1.2 has no {@code yes}). A variable
 * used without a value or default becomes "" and is reported once as a warning;
 * {@code ${X:?msg}} errors point at the value.
 */
public final class InterpolateStage {

    /** What kind of value a typed attribute holds. */
    private enum Cast { INT, FLOAT, BOOL }

    /** A typed attribute: where it is and what its values become. */
    private record Typed(PathPattern pattern, Cast cast) { }

    /**
     * The typed attributes by their last key, so each value is matched against the one or two
     * that can apply rather than all sixty; those ending in a wildcard ({@code ulimits.*}) are
     * tried for every value.
     */
    private static final Map<String, List<Typed>> CASTS = new HashMap<>();
    private static final List<Typed> WILDCARD_CASTS = new ArrayList<>();

    static {
        cast(Cast.INT, "services.*.configs.[].mode", "services.*.secrets.[].mode",
                "services.*.cpu_count", "services.*.cpu_period", "services.*.cpu_quota",
                "services.*.cpu_rt_period", "services.*.cpu_rt_runtime", "services.*.cpu_shares",
                "services.*.deploy.replicas", "services.*.deploy.update_config.parallelism",
                "services.*.deploy.rollback_config.parallelism",
                "services.*.deploy.restart_policy.max_attempts",
                "services.*.deploy.placement.max_replicas_per_node",
                "services.*.healthcheck.retries", "services.*.oom_score_adj",
                "services.*.pids_limit", "services.*.ports.[].target", "services.*.scale",
                "services.*.ulimits.*", "services.*.ulimits.*.hard", "services.*.ulimits.*.soft",
                "services.*.mem_swappiness");
        cast(Cast.FLOAT, "services.*.cpu_percent", "services.*.cpus",
                "services.*.deploy.update_config.max_failure_ratio",
                "services.*.deploy.rollback_config.max_failure_ratio");
        cast(Cast.BOOL, "services.*.init", "services.*.healthcheck.disable",
                "services.*.oom_kill_disable", "services.*.privileged", "services.*.read_only",
                "services.*.stdin_open", "services.*.tty", "services.*.volumes.[].read_only",
                "services.*.volumes.[].volume.nocopy", "services.*.attach",
                "services.*.use_api_socket", "services.*.build.no_cache",
                "services.*.build.pull", "services.*.build.privileged",
                "networks.*.external", "networks.*.internal", "networks.*.attachable",
                "networks.*.enable_ipv4", "networks.*.enable_ipv6", "volumes.*.external",
                "secrets.*.external", "configs.*.external");
    }

    private static void cast(Cast cast, String... patterns) {
        for (String p : patterns) {
            PathPattern pattern = PathPattern.of(p);
            String last = pattern.segments()[pattern.segments().length - 1];
            if (last.equals("*") || last.equals("[]")) {
                WILDCARD_CASTS.add(new Typed(pattern, cast));
            } else {
                CASTS.computeIfAbsent(last, k -> new ArrayList<>()).add(new Typed(pattern, cast));
            }
        }
    }

    /** Records, per interpolated value, which variables it used and how. */
    public interface Recorder {
        void record(Mark mark, String variable, Interpolator.Outcome outcome);
    }

    private final Environment env;
    private final Diagnostics diag;
    private final Set<String> warned;
    private final boolean interpolate;
    private final Recorder recorder;

    /**
     * @param warned      variables already warned about (shared across the files of one load)
     * @param interpolate false to only give typed attributes their types ({@code --no-interpolate}
     *                    keeps {@code ${...}} text as it is)
     */
    public InterpolateStage(Environment env, Diagnostics diag, Set<String> warned,
            boolean interpolate, Recorder recorder) {
        this.env = env;
        this.diag = diag;
        this.warned = warned;
        this.interpolate = interpolate;
        this.recorder = recorder;
    }

    public InterpolateStage(Environment env, Diagnostics diag, Set<String> warned) {
        this(env, diag, warned, true, (m, v, o) -> { });
    }

    public Node apply(Node root) {
        return walk(root, YamlPath.ROOT);
    }

    // instanceof rather than a pattern switch on the start-up path: see Nodes
    private Node walk(Node node, YamlPath path) {
        if (node instanceof MapNode m) {
            return m.mapValues((k, v) -> walk(v, path.key(k)));
        }
        if (node instanceof SeqNode s) {
            List<Node> items = new ArrayList<>(s.size());
            boolean changed = false;
            for (int i = 0; i < s.size(); i++) {
                Node out = walk(s.get(i), path.index(i));
                changed |= out != s.get(i);
                items.add(out);
            }
            return changed ? s.withItems(items) : s;
        }
        return substitute((ScalarNode) node, path);
    }

    private Node substitute(ScalarNode s, YamlPath path) {
        if (!(s.value() instanceof String text)) {
            return s;
        }
        String value = text;
        if (interpolate && text.indexOf('$') >= 0) {
            Interpolator interpolator = new Interpolator(env::get, name -> {
                if (warned.add(name)) {
                    diag.warning(s.mark(), path, "the \"" + name
                            + "\" variable is not set; defaulting to a blank string");
                }
            }, (name, outcome) -> recorder.record(s.mark(), name, outcome));
            try {
                value = interpolator.substitute(text);
            } catch (Interpolator.InterpolationException e) {
                if (e.isInvalidTemplate()) {
                    diag.error(s, path, "invalid interpolation format: \"" + text
                            + "\" (you may need to escape any $ with another $)");
                } else {
                    diag.error(s, path, e.getMessage());
                }
                return s;
            }
        }
        Cast cast = castFor(path);
        if (cast == null || (!interpolate && value.contains("$"))) {
            return value.equals(text) ? s : s.withValue(value);
        }
        return castValue(s, value, cast, path);
    }

    private Node castValue(ScalarNode s, String value, Cast cast, YamlPath path) {
        String v = value.strip();
        switch (cast) {
            case INT -> {
                try {
                    return s.withValue(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    diag.error(s, path, "must be an integer, not \"" + value + "\"");
                    return s.withValue(value);
                }
            }
            case FLOAT -> {
                try {
                    return s.withValue(Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    diag.error(s, path, "must be a number, not \"" + value + "\"");
                    return s.withValue(value);
                }
            }
            default -> {
                switch (v.toLowerCase(Locale.ROOT)) {
                    case "true" -> {
                        return s.withValue(Boolean.TRUE);
                    }
                    case "false" -> {
                        return s.withValue(Boolean.FALSE);
                    }
                    case "y", "yes", "on" -> {
                        diag.warning(s.mark(), path, "\"" + value + "\" for a boolean is not "
                                + "YAML 1.2; write true");
                        return s.withValue(Boolean.TRUE);
                    }
                    case "n", "no", "off" -> {
                        diag.warning(s.mark(), path, "\"" + value + "\" for a boolean is not "
                                + "YAML 1.2; write false");
                        return s.withValue(Boolean.FALSE);
                    }
                    default -> {
                        diag.error(s, path, "must be true or false, not \"" + value + "\"");
                        return s.withValue(value);
                    }
                }
            }
        }
    }

    private static Cast castFor(YamlPath path) {
        if (path.size() < 2) {
            return null;
        }
        List<Typed> named = path.last() instanceof String key
                ? CASTS.getOrDefault(key, List.of()) : List.of();
        for (List<Typed> candidates : List.of(named, WILDCARD_CASTS)) {
            for (Typed t : candidates) {
                if (t.pattern().matches(path)) {
                    return t.cast();
                }
            }
        }
        return null;
    }
}
