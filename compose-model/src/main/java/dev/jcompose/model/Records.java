package dev.jcompose.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copy-with for records with many components: {@code Records.with(service, "image", "x")}. Used
 * by the {@code withX} methods so each stays one line.
 */
public final class Records {

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    /** A record class's component names and accessors, looked up once per class. */
    private record Shape(String[] names, Method[] accessors) { }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return new Shape(names, accessors);
        }
    };

    private Records() {
    }

    /** A copy of {@code record} with component {@code name} set to {@code value}. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R record, String name, Object value) {
        Shape shape = SHAPES.get(record.getClass());
        Object[] args = new Object[shape.names.length];
        boolean found = false;
        try {
            for (int i = 0; i < args.length; i++) {
                if (shape.names[i].equals(name)) {
                    args[i] = value;
                    found = true;
                } else {
                    args[i] = shape.accessors[i].invoke(record);
                }
            }
            if (!found) {
                throw new IllegalArgumentException(record.getClass().getSimpleName()
                        + " has no component " + name);
            }
            return (R) constructor(record.getClass()).newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical constructor of a record class. */
    public static Constructor<?> constructor(Class<?> recordClass) {
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
}
