package dev.jcompose.model.load;

import dev.jcompose.model.tree.Mark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each service variable's value came from ({@code config --environment}): the line that
 * declared it and the variables interpolated into it, the env file it was read from, or the
 * shell or {@code .env} for a bare key. Filled while loading; read once the load is done.
 */
public final class EnvironmentTrace {

    /**
     * A variable's value (null when it is unset: the container gets no value, not even the
     * image's) and its origin.
     */
    public record Origin(String value, String source) { }

    private final Map<Mark, List<String>> interpolated = new HashMap<>();
    private final Map<String, Map<String, Origin>> services = new LinkedHashMap<>();
    private Path base = Path.of("/");

    /** The variables of each service, in the order the container sees them. */
    public Map<String, Map<String, Origin>> services() {
        return Collections.unmodifiableMap(services);
    }

    void base(Path projectDir) {
        this.base = projectDir;
    }

    /** An interpolation recorder that remembers, per value, the variables it used. */
    InterpolateStage.Recorder recorder(Environment env) {
        return (mark, variable, outcome) -> {
            String how = switch (outcome) {
                case VALUE -> {
                    Environment.Value v = env.describe(variable);
                    yield "${" + variable + "} from " + (v == null ? "?" : shown(v.source()));
                }
                case DEFAULT -> "${" + variable + "} unset: its default";
                case ALTERNATIVE -> "${" + variable + "} set: its alternative value";
                case UNSET -> "${" + variable + "} unset: blank";
            };
            List<String> uses = interpolated.computeIfAbsent(mark, m -> new ArrayList<>());
            if (!uses.contains(how)) {
                uses.add(how);
            }
        };
    }

    /** The declaring line, and how interpolation made the value. */
    String describe(Mark mark) {
        String where = shownMark(mark);
        List<String> uses = interpolated.get(mark);
        return uses == null ? where : where + " with " + String.join(", ", uses);
    }

    void service(String name, Map<String, Origin> variables) {
        services.put(name, variables);
    }

    String shownMark(Mark mark) {
        if (!mark.isKnown()) {
            return mark.toString();
        }
        return shown(mark.file()) + ":" + mark.line() + ":" + mark.column();
    }

    String shown(String source) {
        if (source.equals(Environment.SHELL)) {
            return "shell";
        }
        if (source.startsWith("/")) {
            Path p = Path.of(source);
            return p.startsWith(base) ? base.relativize(p).toString() : source;
        }
        return source;
    }
}
