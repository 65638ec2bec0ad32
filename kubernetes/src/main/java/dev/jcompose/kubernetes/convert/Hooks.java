package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.Hook;
import dev.jcompose.model.PreStartHook;
import dev.jcompose.model.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lifecycle hooks: {@code post_start} and {@code pre_stop} as the container's postStart and
 * preStop handlers (Kubernetes runs one command each, in the container); {@code pre_start} as
 * init containers after the dependency waits, with the service's image (unless the hook names
 * one), volumes and environment.
 */
final class Hooks implements Transformer {

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        Service s = ctx.service();
        LifecycleHandler postStart = handler(ctx, s.postStart(), "post_start");
        LifecycleHandler preStop = handler(ctx, s.preStop(), "pre_stop");
        if (postStart != null || preStop != null) {
            Lifecycle lc = new Lifecycle();
            lc.setPostStart(postStart);
            lc.setPreStop(preStop);
            draft.container.setLifecycle(lc);
        }
        for (int i = 0; i < s.preStart().size(); i++) {
            draft.initContainers.add(preStart(ctx, draft, s.preStart().get(i), i));
        }
    }

    private static LifecycleHandler handler(ServiceContext ctx, List<Hook> hooks, String key) {
        if (hooks.isEmpty()) {
            return null;
        }
        if (hooks.size() > 1) {
            ctx.warn("Kubernetes runs one " + key + " command: the first is kept", key, 1);
        }
        Hook h = hooks.get(0);
        if (h.user() != null || h.privileged() != null || h.workingDir() != null
                || !h.environment().isEmpty()) {
            ctx.warn("user, privileged, working_dir and environment of a hook have no "
                    + "Kubernetes meaning: it runs as the container does", key, 0);
        }
        LifecycleHandler handler = new LifecycleHandler();
        handler.setExec(new ExecAction(Expansion.escape(h.command())));
        return handler;
    }

    private static Container preStart(ServiceContext ctx, Draft draft, PreStartHook h, int i) {
        if (!h.runsPerReplica()) {
            ctx.warn("an init container runs in every pod: this hook runs once per replica",
                    "pre_start", i);
        }
        if (Boolean.TRUE.equals(h.privileged()) || h.user() != null) {
            ctx.warn("user and privileged of a pre_start hook are left out", "pre_start", i);
        }
        Container c = new Container();
        c.setName(Names.dnsLabel("pre-start-" + i));
        c.setImage(h.image() != null ? h.image() : draft.container.getImage());
        c.setCommand(Expansion.escape(h.command()));
        c.setWorkingDir(h.workingDir());
        Map<String, String> env = new TreeMap<>();
        ctx.service().environment().forEach((k, v) -> {
            if (v != null) {
                env.put(k, v);
            }
        });
        env.putAll(h.environment());
        List<EnvVar> vars = new ArrayList<>();
        env.forEach((k, v) -> vars.add(new EnvVar(k, Expansion.escape(v), null)));
        c.setEnv(vars.isEmpty() ? null : vars);
        c.setVolumeMounts(draft.container.getVolumeMounts() == null ? null
                : new ArrayList<>(draft.container.getVolumeMounts()));
        return c;
    }
}
