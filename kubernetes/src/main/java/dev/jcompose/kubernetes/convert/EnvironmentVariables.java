package dev.jcompose.kubernetes.convert;

import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code environment} (with the {@code env_file}s the loader read into it) as the container's
 * variables, sorted by name. A variable without a value (a bare name unset where jcompose ran)
 * is left out, as compose leaves it out of the container.
 */
final class EnvironmentVariables implements Transformer {

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        List<EnvVar> env = new ArrayList<>();
        new TreeMap<>(ctx.service().environment()).forEach((name, value) -> {
            if (value != null) {
                env.add(new EnvVar(name, Expansion.escape(value), null));
            }
        });
        draft.container.setEnv(env.isEmpty() ? null : env);
    }
}
