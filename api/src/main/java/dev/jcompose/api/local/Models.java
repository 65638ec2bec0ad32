package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import dev.jcompose.model.Model;
import dev.jcompose.model.Project;
import dev.jcompose.model.Records;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceModel;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ModelRunner;
import dev.jcompose.planner.progress.ProgressEvent;
import dev.jcompose.planner.progress.ProgressListener;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The project's {@code models}, made ready before any container is created, as docker compose
 * does: each model a service uses is pulled into Docker Model Runner if missing and configured
 * (context size, runtime flags); each such service gets the runner's endpoint and the model's
 * reference in its environment ({@code <NAME>_URL}, {@code <NAME>_MODEL}, or the names its
 * {@code endpoint_var} and {@code model_var} give).
 */
final class Models {

    private Models() {
    }

    /**
     * {@code project} with the model variables set in {@code services} (all when empty);
     * unchanged when none uses a model.
     */
    static Project provide(Project project, Collection<String> services,
            Supplier<ModelRunner> runners, String searched, ProgressListener progress) {
        Set<String> used = new LinkedHashSet<>();
        String firstUser = null;
        for (Service s : project.services().values()) {
            if ((services.isEmpty() || services.contains(s.name())) && !s.models().isEmpty()) {
                used.addAll(s.models().keySet());
                firstUser = firstUser == null ? s.name() : firstUser;
            }
        }
        if (used.isEmpty()) {
            return project;
        }
        for (String name : used) {
            if (!project.models().containsKey(name)) {
                throw new ComposeException("model \"" + name + "\" is used but not declared "
                        + "under the top-level models:");
            }
        }
        ModelRunner runner = runners.get();
        if (runner == null) {
            String first = used.iterator().next();
            throw new ComposeException("service \"" + firstUser + "\" uses model \"" + first
                    + "\" (" + project.models().get(first).model() + "), and models need "
                    + "Docker Model Runner: its docker CLI plugin (docker-model) is not "
                    + "installed (looked in " + searched + "). Install Docker Model Runner, or "
                    + "remove models: from the services; nothing was created.");
        }
        try {
            List<String> present = runner.models();
            for (String name : used) {
                Model m = project.models().get(name);
                String r = "Model " + name;
                if (!present.contains(m.model())) {
                    progress.on(ProgressEvent.working(r, "Pulling"));
                    runner.pull(m.model());
                    progress.on(ProgressEvent.done(r, "Pulled"));
                }
                progress.on(ProgressEvent.working(r, "Configuring"));
                runner.configure(m.model(), m.contextSize(), m.runtimeFlags());
                progress.on(ProgressEvent.done(r, "Configured"));
            }
            String endpoint = runner.endpoint();
            Map<String, Service> out = new LinkedHashMap<>();
            for (Service s : project.services().values()) {
                if (s.models().isEmpty()
                        || !(services.isEmpty() || services.contains(s.name()))) {
                    out.put(s.name(), s);
                    continue;
                }
                Map<String, String> env = new LinkedHashMap<>(s.environment());
                s.models().forEach((ref, config) -> {
                    env.put(ServiceModel.modelVariable(ref, config),
                            project.models().get(ref).model());
                    env.put(ServiceModel.endpointVariable(ref, config), endpoint);
                });
                out.put(s.name(), s.withEnvironment(env));
            }
            return Records.with(project, "services", out);
        } catch (EngineException e) {
            throw new ComposeException("models: " + e.getMessage(), e);
        }
    }
}
