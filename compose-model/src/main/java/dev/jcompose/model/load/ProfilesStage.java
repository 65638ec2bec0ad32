package dev.jcompose.model.load;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.SeqNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Splits services into enabled and disabled by profile. A service without {@code profiles} is
 * always enabled; others need one of their profiles active ({@code *} activates all), or to be
 * named on the command line.
 */
public final class ProfilesStage {

    /** The services tree split in two. */
    public record Result(MapNode enabled, MapNode disabled) { }

    private ProfilesStage() {
    }

    public static Result apply(MapNode services, Collection<String> activeProfiles,
            Collection<String> namedServices) {
        MapNode.Builder enabled = MapNode.builder(services.mark());
        MapNode.Builder disabled = MapNode.builder(services.mark());
        Set<String> active = Set.copyOf(activeProfiles);
        services.entries().forEach((name, svc) -> {
            List<String> profiles = profilesOf(svc);
            boolean on = profiles.isEmpty() || active.contains("*")
                    || profiles.stream().anyMatch(active::contains)
                    || namedServices.contains(name);
            (on ? enabled : disabled).put(name, services.keyMark(name), svc);
        });
        return new Result(enabled.build(), disabled.build());
    }

    static List<String> profilesOf(Node svc) {
        List<String> out = new ArrayList<>();
        if (svc instanceof MapNode m && m.get("profiles") instanceof SeqNode seq) {
            for (Node n : seq.items()) {
                String t = Nodes.text(n);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
