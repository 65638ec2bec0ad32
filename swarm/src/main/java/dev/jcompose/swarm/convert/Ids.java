package dev.jcompose.swarm.convert;

import java.util.function.UnaryOperator;

/**
 * The engine IDs of the objects a service refers to by name. Swarm stores networks, secrets and
 * configs in a service by ID, so the deployer resolves them once they exist; {@link #NAMES}
 * leaves the names in place (for printing specs before anything exists).
 */
public interface Ids {

    Ids NAMES = of(UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity());

    String network(String name);

    String secret(String name);

    String config(String name);

    /** IDs given by a function of the name for each kind of object. */
    static Ids of(UnaryOperator<String> networks, UnaryOperator<String> secrets,
            UnaryOperator<String> configs) {
        return new Ids() {
            @Override
            public String network(String name) {
                return networks.apply(name);
            }

            @Override
            public String secret(String name) {
                return secrets.apply(name);
            }

            @Override
            public String config(String name) {
                return configs.apply(name);
            }
        };
    }
}
