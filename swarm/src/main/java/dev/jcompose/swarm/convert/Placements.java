package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.ServicePlacement;
import dev.jcompose.model.Deploy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code deploy.placement}: constraints, spread preferences and replicas per node. */
public final class Placements {

    private Placements() {
    }

    /** The placement, or null when the service has none. */
    public static ServicePlacement of(Deploy.Placement p) {
        if (p == null || p.constraints().isEmpty() && p.preferences().isEmpty()
                && p.maxReplicasPerNode() == null) {
            return null;
        }
        ServicePlacement out = new ServicePlacement();
        if (!p.constraints().isEmpty()) {
            out.withConstraints(p.constraints());
        }
        if (p.maxReplicasPerNode() != null) {
            out.withMaxReplicas(p.maxReplicasPerNode().intValue());
        }
        List<Map<String, Object>> preferences = new ArrayList<>();
        for (Map<String, String> pref : p.preferences()) {
            String spread = pref.get("spread");
            if (spread != null) {
                preferences.add(Map.of("Spread", Map.of("SpreadDescriptor", spread)));
            }
        }
        return Raw.put(out, "Preferences", preferences);
    }
}
