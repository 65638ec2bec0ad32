package dev.jcompose.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies for record components: immutable, order-preserving, and (unlike {@link List#copyOf})
 * tolerant of null map values, which compose uses for "declared but no value"
 * ({@code environment: [FOO]}, {@code networks: {front: null}}).
 */
public final class Coll {

    private Coll() {
    }

    /** An immutable copy; null becomes an empty list. */
    public static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** An immutable copy that keeps null (meaning "not set"). */
    public static <T> List<T> listOrNull(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** An immutable, ordered copy allowing null values; null becomes an empty map. */
    public static <K, V> Map<K, V> map(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        if (isOurs(map)) {
            return map;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static final Class<?> UNMODIFIABLE_MAP =
            Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

    private static boolean isOurs(Map<?, ?> map) {
        return map.getClass() == UNMODIFIABLE_MAP;
    }
}
