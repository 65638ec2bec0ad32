package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.Service;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code kompose.*} labels of a service, which kompose users put in their compose files to
 * steer the conversion (a Service's type, a volume's size...). Read from the service's
 * {@code labels} and {@code deploy.labels} (the first wins). These labels are instructions, not
 * labels: they are not copied onto the objects.
 */
public final class KomposeLabels {

    public static final String PREFIX = "kompose.";

    private static final List<String> PROBE_KEYS = List.of("test", "interval", "timeout",
            "retries", "start_period", "http_get_path", "http_get_port", "tcp_port", "disable");

    /** The labels understood; any other {@code kompose.*} label gets a warning. */
    public static final Set<String> KNOWN = known();

    private final Map<String, String> values;

    private KomposeLabels(Map<String, String> values) {
        this.values = values;
    }

    public static KomposeLabels of(Service service) {
        Map<String, String> m = new TreeMap<>();
        service.labels().forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                m.put(k, v);
            }
        });
        if (service.deploy() != null) {
            service.deploy().labels().forEach((k, v) -> {
                if (k.startsWith(PREFIX)) {
                    m.putIfAbsent(k, v);
                }
            });
        }
        return new KomposeLabels(m);
    }

    /** The value of {@code kompose.<key>}, or null. */
    public String get(String key) {
        String v = values.get(PREFIX + key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Every {@code kompose.*} label the service has, sorted. */
    public Map<String, String> all() {
        return values;
    }

    /** Whether {@code key} is a label of this prefix, such as {@code kompose.volume.size}. */
    public static boolean isKompose(String key) {
        return key.startsWith(PREFIX);
    }

    private static Set<String> known() {
        Set<String> s = new java.util.TreeSet<>(List.of("kompose.service.type",
                "kompose.service.nodeport.port", "kompose.service.external-traffic-policy",
                "kompose.controller.type", "kompose.volume.size",
                "kompose.volume.storage-class-name", "kompose.volume.type",
                "kompose.image-pull-policy", "kompose.image-pull-secret",
                "kompose.serviceaccount-name"));
        for (String probe : List.of("readiness", "liveness")) {
            for (String k : PROBE_KEYS) {
                s.add("kompose.service.healthcheck." + probe + "." + k);
            }
        }
        return Set.copyOf(s);
    }
}
