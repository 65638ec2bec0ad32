package dev.jcompose.model.load;

import dev.jcompose.model.Project;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.emitter.Emitter;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.JsonSchema;

/**
 * Prints the resolved model as {@code config} shows it: the canonical long form, keys of free
 * mappings sorted, unset values left out, durations in Go form, byte sizes in bytes. Reloading
 * the output yields the same model.
 *
 * <p>Over 400 lines because it mirrors the model record by record, one short printer per record,
 * in the order {@code config} prints them; split, one printed document would be spread over
 * several files.
 */
public final class ModelPrinter {

    private ModelPrinter() {
    }

    /** The project as an ordered tree of maps, lists and scalars. */
    public static Map<String, Object> toTree(Project project) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) value(project, null);
        return tree;
    }

    /**
     * The project with its top-level sections in name order ({@code name} first), as docker
     * compose prints a model it did not interpolate ({@code config --no-interpolate}).
     */
    public static Map<String, Object> toSortedTree(Project project) {
        Map<String, Object> tree = toTree(project);
        Map<String, Object> ordered = new LinkedHashMap<>();
        if (tree.containsKey("name")) {
            ordered.put("name", tree.get("name"));
        }
        new TreeMap<>(tree).forEach(ordered::putIfAbsent);
        return ordered;
    }

    /**
     * {@code tree} with every {@code $} of its strings written {@code $$}, as docker compose
     * prints an interpolated model: so that {@code config}'s output, loaded as a compose file,
     * is the same model again rather than interpolated a second time.
     */
    public static Object escapeDollars(Object tree) {
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), escapeDollars(v)));
            return out;
        }
        if (tree instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(escapeDollars(v)));
            return out;
        }
        return tree instanceof String s && s.indexOf('$') >= 0 ? s.replace("$", "$$") : tree;
    }

    /** Any model value (a record, list, map or scalar) as a plain tree. */
    public static Object toPlain(Object modelValue) {
        return value(modelValue, null);
    }

    public static String yaml(Project project) {
        return yaml(toTree(project));
    }

    /** How {@code config} writes YAML: block style, two-space indents, no line folding. */
    static final DumpSettings YAML_SETTINGS = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setDefaultScalarStyle(ScalarStyle.PLAIN)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(Integer.MAX_VALUE)
            .setSplitLines(false)
            .setSchema(new PlainVariablesSchema())
            .build();

    /**
     * YAML text of a plain tree, block style. The tree goes to snakeyaml-engine's emitter as
     * events, the ones its representer and serializer would make of it (tags, implicitness,
     * styles), without building its node graph first: that was half the time of printing a
     * large project, the emitter's scalar analysis and layout being the other half.
     */
    public static String yaml(Object tree) {
        StringBuilder text = new StringBuilder(4096);
        Emitter emitter = new Emitter(YAML_SETTINGS, new StreamDataWriter() {
            @Override
            public void write(String str) {
                text.append(str);
            }

            @Override
            public void write(String str, int off, int len) {
                text.append(str, off, off + len);
            }
        });
        emitter.emit(new StreamStartEvent());
        emitter.emit(new DocumentStartEvent(false, Optional.empty(), Map.of()));
        new YamlEvents(emitter, YAML_SETTINGS.getSchema().getScalarResolver()).node(tree);
        emitter.emit(new DocumentEndEvent(false));
        emitter.emit(new StreamEndEvent());
        return text.toString();
    }

    /** The JSON schema, where {@code ${X}} is a plain string (not snakeyaml-engine's !ENV). */
    private static final class PlainVariablesSchema extends JsonSchema {
        private final ScalarResolver resolver = (value, implicit) -> {
            Tag tag = super.getScalarResolver().resolve(value, implicit);
            return Tag.ENV_TAG.equals(tag) ? Tag.STR : tag;
        };

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }
    }

    /**
     * A plain tree as YAML events. Maps and lists are block collections with their tags
     * implicit; a string is plain where plain reads back as the same string, else double-quoted
     * ({@code "8080"}, {@code "true"}, {@code ""}), as docker compose (go-yaml) writes them, and
     * several lines are a literal block; numbers, booleans and null are plain with their JSON
     * schema tags. Every collection is a new one from {@link #value}, so nothing needs an anchor.
     */
    private record YamlEvents(Emitter emitter, ScalarResolver resolver) {

        void node(Object v) {
            if (v instanceof Map<?, ?> m) {
                emitter.emit(new MappingStartEvent(Optional.empty(), MAP_TAG, true,
                        FlowStyle.BLOCK));
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    node(String.valueOf(e.getKey()));
                    node(e.getValue());
                }
                emitter.emit(new MappingEndEvent());
            } else if (v instanceof Collection<?> c) {
                emitter.emit(new SequenceStartEvent(Optional.empty(), SEQ_TAG, true,
                        FlowStyle.BLOCK));
                for (Object item : c) {
                    node(item);
                }
                emitter.emit(new SequenceEndEvent());
            } else if (v == null) {
                scalar(Tag.NULL, "null", ScalarStyle.PLAIN);
            } else if (v instanceof Boolean b) {
                scalar(Tag.BOOL, b ? "true" : "false", ScalarStyle.PLAIN);
            } else if (v instanceof Integer || v instanceof Long || v instanceof BigInteger
                    || v instanceof Short || v instanceof Byte) {
                scalar(Tag.INT, v.toString(), ScalarStyle.PLAIN);
            } else if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                scalar(Tag.FLOAT, Double.isNaN(d) ? ".nan" : d == Double.POSITIVE_INFINITY
                        ? ".inf" : d == Double.NEGATIVE_INFINITY ? "-.inf" : v.toString(),
                        ScalarStyle.PLAIN);
            } else {
                String text = v.toString();
                Tag resolved = resolver.resolve(text, true);
                scalar(Tag.STR, text, resolved, text.contains("\n") ? ScalarStyle.LITERAL
                        : plainReadsBack(text, resolved) ? ScalarStyle.PLAIN
                        : ScalarStyle.DOUBLE_QUOTED);
            }
        }

        private void scalar(Tag tag, String text, ScalarStyle style) {
            scalar(tag, text, resolver.resolve(text, true), style);
        }

        /** As the serializer tags a scalar: implicit where the schema resolves it to its tag. */
        private void scalar(Tag tag, String text, Tag resolved, ScalarStyle style) {
            ImplicitTuple implicit = new ImplicitTuple(tag.equals(resolved),
                    tag.equals(resolver.resolve(text, false)));
            emitter.emit(new ScalarEvent(Optional.empty(), Optional.of(tag.getValue()), implicit,
                    text, style));
        }
    }

    private static final Optional<String> MAP_TAG = Optional.of(Tag.MAP.getValue());
    private static final Optional<String> SEQ_TAG = Optional.of(Tag.SEQ.getValue());

    /** Whether {@code text}, which the schema resolves to {@code resolved}, may be plain. */
    static boolean plainReadsBack(String text, Tag resolved) {
        if (text.isEmpty() || !Tag.STR.equals(resolved)
                || "-?:,[]{}#&*!|>'\"%@`".indexOf(text.charAt(0)) >= 0
                || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1))
                || text.contains(": ") || text.contains(" #") || text.endsWith(":")) {
            return false;
        }
        // as go-yaml: quoted when a YAML 1.1 or 1.2 reader would take it for another type
        return !PlainScalars.readAsOtherType(text);
    }

    public static String json(Project project) {
        return json(toTree(project));
    }

    /** JSON text of a plain tree on one line (no trailing newline), for JSON-lines output. */
    public static String jsonLine(Object tree) {
        StringBuilder sb = new StringBuilder();
        Json.write(tree, sb, 0, false);
        return sb.toString();
    }

    /**
     * JSON text of a plain tree on one line as Go's {@code json.Marshal} writes it: {@code <},
     * {@code >}, {@code &} and U+2028/9 escaped (these only occur inside strings).
     */
    public static String goJsonLine(Object tree) {
        String json = jsonLine(tree);
        StringBuilder sb = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** JSON text of a plain tree, indented by two spaces. */
    public static String json(Object tree) {
        StringBuilder sb = new StringBuilder();
        Json.write(tree, sb, 0, true);
        return sb.append('\n').toString();
    }

    private static Object value(Object v, Binder.ComponentInfo info) {
        if (v == null) {
            return null;
        }
        if (v instanceof dev.jcompose.model.Ulimit u && u.single() != null) {
            return u.single(); // nproc: 65535, as written and as compose prints it
        }
        if (v instanceof Record r) {
            return record(r);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), value(val, null)));
            return new LinkedHashMap<>(out);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(item -> out.add(value(item, null)));
            return out;
        }
        if (v instanceof Duration d) {
            return Durations.format(d);
        }
        if (info != null && info.bytes() && v instanceof Long l) {
            return Long.toString(l);
        }
        if (info != null && info.fileMode() && v instanceof Integer i) {
            return String.format("0%o", i);
        }
        if (v instanceof java.nio.file.Path p) {
            return p.toString();
        }
        return v;
    }

    /** Accessors by component: {@code getAccessor()} looks the method up on every call. */
    private static final Map<RecordComponent, Method> ACCESSORS = new ConcurrentHashMap<>();

    private static Map<String, Object> record(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> extensions = null;
        for (Binder.ComponentInfo ci : Binder.components(r.getClass())) {
            if (ci.internal()) {
                continue;
            }
            Object v;
            try {
                v = ACCESSORS.computeIfAbsent(ci.component(), RecordComponent::getAccessor)
                        .invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
            if (ci.extensions()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ext = (Map<String, Object>) v;
                extensions = ext;
                continue;
            }
            if (v == null || (v instanceof Collection<?> c && c.isEmpty())
                    || (v instanceof Map<?, ?> m && m.isEmpty() && !ci.key().equals("services"))) {
                continue;
            }
            out.put(ci.key(), value(v, ci));
        }
        if (extensions != null) {
            extensions.forEach((k, val) -> out.put(k, value(val, null)));
        }
        return out;
    }

    /** A minimal JSON writer for plain trees. */
    static final class Json {
        private Json() {
        }

        static void write(Object v, StringBuilder sb, int indent, boolean pretty) {
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Map<?, ?> m) {
                if (m.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    newline(sb, indent + 1, pretty);
                    string(String.valueOf(e.getKey()), sb);
                    sb.append(pretty ? ": " : ":");
                    write(e.getValue(), sb, indent + 1, pretty);
                }
                newline(sb, indent, pretty);
                sb.append('}');
            } else if (v instanceof List<?> l) {
                if (l.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append('[');
                boolean first = true;
                for (Object o : l) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    newline(sb, indent + 1, pretty);
                    write(o, sb, indent + 1, pretty);
                }
                newline(sb, indent, pretty);
                sb.append(']');
            } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer
                    || v instanceof java.math.BigInteger) {
                sb.append(v);
            } else if (v instanceof Double d) {
                sb.append(d.isNaN() || d.isInfinite() ? "null"
                        : d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                        : Double.toString(d));
            } else {
                string(v.toString(), sb);
            }
        }

        private static void newline(StringBuilder sb, int indent, boolean pretty) {
            if (pretty) {
                sb.append('\n');
                sb.append("  ".repeat(indent));
            }
        }

        static void string(String s, StringBuilder sb) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }
}
