package dev.jcompose.swarm.convert;

import dev.jcompose.model.Project;
import java.util.List;
import java.util.Map;

/**
 * What a stack's services refer to: its networks, secrets and configs, converted before any
 * service, because the deployer creates them first.
 */
public record StackObjects(List<StackNetwork> networks, Map<String, StackObject> secrets,
        Map<String, StackObject> configs) {

    public StackObjects {
        networks = List.copyOf(networks);
        secrets = Map.copyOf(secrets);
        configs = Map.copyOf(configs);
    }

    public static StackObjects of(Namespace ns, Project project, FileObjects.Content content) {
        return new StackObjects(Networks.of(ns, project),
                FileObjects.secrets(ns, project, content),
                FileObjects.configs(ns, project, content));
    }
}
