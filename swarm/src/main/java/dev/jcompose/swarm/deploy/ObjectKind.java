package dev.jcompose.swarm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.swarm.convert.StackObject;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Secrets or configs: the same steps for both, with their own calls and names.
 *
 * @param noun      {@code Secret} or {@code Config}, as progress shows it
 * @param refs      the container spec's list of references ({@code Secrets})
 * @param refName   a reference's name field ({@code SecretName})
 */
record ObjectKind(String noun, Function<Map<String, List<String>>, List<JsonNode>> list,
        Function<StackObject, String> create, Consumer<String> remove, String refs,
        String refName) {

    static ObjectKind secrets(SwarmClient client) {
        return new ObjectKind("Secret", client::secrets, client::createSecret,
                client::removeSecret, "Secrets", "SecretName");
    }

    static ObjectKind configs(SwarmClient client) {
        return new ObjectKind("Config", client::configs, client::createConfig,
                client::removeConfig, "Configs", "ConfigName");
    }
}
