package dev.jcompose.kubernetes.convert;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of a conversion, one per kind and name (a volume two services mount is one
 * claim), listed in the order they are applied: what others refer to first.
 */
public final class ObjectSet {

    /** Apply order by kind; workloads last, so what they mount and wait for exists. */
    private static final List<String> ORDER = List.of("Namespace", "ServiceAccount", "Role",
            "RoleBinding", "Secret", "ConfigMap", "PersistentVolumeClaim", "Service",
            "StatefulSet", "Deployment", "DaemonSet", "Job");

    private final Map<String, HasMetadata> objects = new LinkedHashMap<>();

    /** Adds {@code object} unless one of its kind and name is there already. */
    public void add(HasMetadata object) {
        objects.putIfAbsent(key(object), object);
    }

    public boolean contains(String kind, String name) {
        return objects.containsKey(kind + "/" + name);
    }

    /** The objects sorted by apply order, then name. */
    public List<HasMetadata> sorted() {
        List<HasMetadata> out = new ArrayList<>(objects.values());
        out.sort(Comparator.comparingInt((HasMetadata o) -> rank(o.getKind()))
                .thenComparing(o -> o.getMetadata().getName()));
        return List.copyOf(out);
    }

    /** Where {@code kind} comes in the apply order (unknown kinds last). */
    public static int rank(String kind) {
        int i = ORDER.indexOf(kind);
        return i < 0 ? ORDER.size() : i;
    }

    private static String key(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }
}
