package dev.jcompose.swarm.convert;

/**
 * The engine IDs of the objects a service refers to by name. Swarm stores networks, secrets and
 * configs in a service by ID, so the deployer resolves them once they exist; {@link #NAMES}
 * leaves the names in place (for printing specs before anything exists).
 */
public interface Ids {

    Ids NAMES = new Ids() {
        @Override
        public String network(String name) {
            return name;
        }

        @Override
        public String secret(String name) {
            return name;
        }

        @Override
        public String config(String name) {
            return name;
        }
    };

    String network(String name);

    String secret(String name);

    String config(String name);
}
