package dev.jcompose.planner.engine;

import dev.jcompose.model.Network;
import java.util.Map;

/** A network to create: its engine-side name, labels, and the model's settings. */
public record NetworkSpec(String name, Map<String, String> labels, Network network) {

    public NetworkSpec {
        labels = Map.copyOf(labels);
    }
}
