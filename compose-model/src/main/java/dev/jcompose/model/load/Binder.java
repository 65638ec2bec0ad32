package dev.jcompose.model.load;

import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.Yaml;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds a canonical tree to the model's records. A record component named {@code stopGracePeriod}
 * reads the key {@code stop_grace_period}; {@link Yaml} annotations cover byte sizes, file modes,
 * extension fields and loader-only components. A value that does not fit its component is
 * reported with its mark (validation catches nearly all of these earlier).
 */
public final class Binder {

    private static final Map<Class<?>, ComponentInfo[]> COMPONENTS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    /** A record component with its YAML key and binding flags, computed once per class. */
    record ComponentInfo(RecordComponent component, String key, boolean bytes, boolean fileMode,
            boolean extensions, boolean internal) { }

    private final Diagnostics diag;

    public Binder(Diagnostics diag) {
        this.diag = diag;
    }

    /** The components of {@code recordClass} with their YAML keys. */
    static ComponentInfo[] components(Class<?> recordClass) {
        return COMPONENTS.computeIfAbsent(recordClass, c -> {
            RecordComponent[] rc = c.getRecordComponents();
            ComponentInfo[] out = new ComponentInfo[rc.length];
            for (int i = 0; i < rc.length; i++) {
                Yaml.Key key = rc[i].getAnnotation(Yaml.Key.class);
                out[i] = new ComponentInfo(rc[i],
                        key != null ? key.value() : snake(rc[i].getName()),
                        rc[i].isAnnotationPresent(Yaml.Bytes.class),
                        rc[i].isAnnotationPresent(Yaml.FileMode.class),
                        rc[i].isAnnotationPresent(Yaml.Extensions.class),
                        rc[i].isAnnotationPresent(Yaml.Internal.class));
            }
            return out;
        });
    }

    /** {@code stopGracePeriod} to {@code stop_grace_period}. */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Binds {@code node} to a record of class {@code type}. */
    public <T extends Record> T bindRecord(Node node, Class<T> type, YamlPath path) {
        return type.cast(bind(node, type, null, path));
    }

    private Object bind(Node node, Type type, ComponentInfo info, YamlPath path) {
        if (node == null || node.isNull()) {
            return null;
        }
        Class<?> raw = rawClass(type);
        if (raw == Object.class) {
            return Nodes.plain(node);
        }
        if (raw.isRecord()) {
            if (!(node instanceof MapNode map)) {
                return wrong(node, path, "a mapping");
            }
            return bindRecordNode(map, raw, path);
        }
        if (raw == List.class) {
            Type item = typeArg(type, 0);
            if (!(node instanceof SeqNode seq)) {
                return wrong(node, path, "a list");
            }
            List<Object> out = new ArrayList<>(seq.size());
            for (int i = 0; i < seq.size(); i++) {
                Object v = bind(seq.get(i), item, null, path.index(i));
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
        if (raw == Map.class) {
            Type value = typeArg(type, 1);
            if (!(node instanceof MapNode map)) {
                return wrong(node, path, "a mapping");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.entries().forEach((k, v) -> out.put(k, bind(v, value, null, path.key(k))));
            return Collections.unmodifiableMap(out);
        }
        if (!(node instanceof ScalarNode s)) {
            return wrong(node, path, "a single value");
        }
        try {
            return scalar(s, raw, info);
        } catch (IllegalArgumentException e) {
            diag.error(node, path, e.getMessage());
            return null;
        }
    }

    private Object bindRecordNode(MapNode map, Class<?> raw, YamlPath path) {
        ComponentInfo[] infos = components(raw);
        Object[] args = new Object[infos.length];
        for (int i = 0; i < infos.length; i++) {
            ComponentInfo ci = infos[i];
            if (ci.internal()) {
                continue;
            }
            if (ci.extensions()) {
                Map<String, Object> ext = new LinkedHashMap<>();
                map.entries().forEach((k, v) -> {
                    if (k.startsWith("x-")) {
                        ext.put(k, Nodes.plain(v));
                    }
                });
                args[i] = ext;
                continue;
            }
            Node v = map.get(ci.key());
            if (v != null) {
                args[i] = bind(v, ci.component().getGenericType(), ci, path.key(ci.key()));
            }
        }
        try {
            return constructor(raw).newInstance(args);
        } catch (InvocationTargetException e) {
            diag.error(map, path, String.valueOf(e.getCause().getMessage()));
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical constructor of a record class, looked up once per class. */
    private static Constructor<?> constructor(Class<?> recordClass) {
        return CONSTRUCTORS.computeIfAbsent(recordClass, c -> {
            RecordComponent[] rc = c.getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
            }
            try {
                Constructor<?> ctor = c.getDeclaredConstructor(types);
                ctor.setAccessible(true);
                return ctor;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Object scalar(ScalarNode s, Class<?> raw, ComponentInfo info) {
        Object v = s.value();
        String text = s.text();
        if (raw == String.class) {
            return text;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (v instanceof Boolean b) {
                return b;
            }
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("must be true or false, not \"" + text + "\"");
        }
        if (info != null && info.bytes() && (raw == Long.class || raw == long.class)) {
            if (v instanceof Long l) {
                return l;
            }
            return ByteSizes.parse(text);
        }
        if (info != null && info.fileMode()) {
            if (v instanceof Long l) {
                return l.intValue();
            }
            try {
                return Integer.parseInt(text.strip(), 8);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a file mode (use "
                        + "an octal number such as 0440)");
            }
        }
        if (raw == Long.class || raw == long.class) {
            if (v instanceof Long l) {
                return l;
            }
            if (v instanceof Double d && d == Math.rint(d)) {
                return d.longValue();
            }
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be an integer, not \"" + text + "\"");
            }
        }
        if (raw == Integer.class || raw == int.class) {
            if (v instanceof Long l) {
                return l.intValue();
            }
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be an integer, not \"" + text + "\"");
            }
        }
        if (raw == Double.class || raw == double.class) {
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number, not \"" + text + "\"");
            }
        }
        if (raw == Duration.class) {
            if (v instanceof Long l) {
                return Duration.ofSeconds(l);
            }
            return Durations.parse(text);
        }
        throw new IllegalStateException("no binding for " + raw);
    }

    private Object wrong(Node node, YamlPath path, String expected) {
        diag.error(node, path, "must be " + expected + ", not a " + node.kindName());
        return null;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    static Type typeArg(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            return index < args.length ? args[index] : args[args.length - 1];
        }
        return Object.class;
    }
}
