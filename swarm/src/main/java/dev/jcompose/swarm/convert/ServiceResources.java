package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.ResourceRequirements;
import com.github.dockerjava.api.model.ResourceSpecs;
import dev.jcompose.model.Deploy;
import dev.jcompose.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code deploy.resources}: limits (CPUs, memory, pids) and reservations (CPUs, memory, generic
 * resources). The service-level {@code cpus}, {@code mem_limit}, {@code mem_reservation} and
 * {@code pids_limit} fill in what {@code deploy.resources} leaves unset, as they do for
 * {@code up}.
 */
public final class ServiceResources {

    private ServiceResources() {
    }

    /** The requirements, or null when the service sets none. */
    public static ResourceRequirements of(Service s) {
        Deploy.Resources r = s.deploy() == null ? null : s.deploy().resources();
        Deploy.Resource limits = r == null ? null : r.limits();
        Deploy.Resource reservations = r == null ? null : r.reservations();
        ResourceSpecs lim = specs(
                first(limits == null ? null : limits.cpus(), s.cpus()),
                first(limits == null ? null : limits.memory(), s.memLimit()));
        Long pids = first(limits == null ? null : limits.pids(), s.pidsLimit());
        if (pids != null) {
            lim = Raw.put(lim == null ? new ResourceSpecs() : lim, "Pids", pids);
        }
        ResourceSpecs res = specs(reservations == null ? null : reservations.cpus(),
                first(reservations == null ? null : reservations.memory(), s.memReservation()));
        List<Map<String, Object>> generic = reservations == null ? List.of()
                : genericResources(reservations.genericResources());
        if (!generic.isEmpty()) {
            res = Raw.put(res == null ? new ResourceSpecs() : res, "GenericResources", generic);
        }
        if (lim == null && res == null) {
            return null;
        }
        return new ResourceRequirements().withLimits(lim).withReservations(res);
    }

    private static ResourceSpecs specs(Double cpus, Long memory) {
        if (cpus == null && memory == null) {
            return null;
        }
        ResourceSpecs out = new ResourceSpecs();
        if (cpus != null) {
            out.withNanoCPUs(Math.round(cpus * 1e9));
        }
        if (memory != null) {
            out.withMemoryBytes(memory);
        }
        return out;
    }

    /**
     * {@code generic_resources}: {@code discrete_resource_spec} / {@code named_resource_spec}
     * with {@code kind} and {@code value}, in the API's names.
     */
    static List<Map<String, Object>> genericResources(List<Map<String, Object>> items) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> item : items) {
            for (String kind : List.of("discrete_resource_spec", "named_resource_spec")) {
                if (item.get(kind) instanceof Map<?, ?> spec) {
                    Map<String, Object> api = new LinkedHashMap<>();
                    api.put("Kind", String.valueOf(spec.get("kind")));
                    Object value = spec.get("value");
                    api.put("Value", kind.startsWith("discrete") && value instanceof Number n
                            ? (Object) n.longValue() : String.valueOf(value));
                    out.add(Map.of(kind.startsWith("discrete") ? "DiscreteResourceSpec"
                            : "NamedResourceSpec", api));
                }
            }
        }
        return out;
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
