package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.Deploy;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * {@code deploy.update_config} as a Deployment's rolling update: {@code parallelism} pods at a
 * time, started before the old ones stop ({@code order: start-first}, surge) or after
 * ({@code stop-first}, unavailable); {@code delay} as the time a new pod must be ready before
 * the next batch. Without it, a Deployment that mounts claims is recreated (all old pods stop
 * before new ones start), since a claim usually mounts on one node at a time.
 */
final class Rollout implements Transformer {

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        Deploy deploy = ctx.service().deploy();
        Deploy.UpdateConfig update = deploy == null ? null : deploy.updateConfig();
        if (deploy != null && deploy.rollbackConfig() != null) {
            ctx.warn("rollback_config: Kubernetes rolls back on request (kubectl rollout "
                    + "undo), not on failure", "deploy", "rollback_config");
        }
        if (update == null) {
            if (draft.kind == Draft.Kind.DEPLOYMENT && mountsClaims(draft)) {
                DeploymentStrategy recreate = new DeploymentStrategy();
                recreate.setType("Recreate");
                draft.strategy = recreate;
            }
            return;
        }
        if (draft.kind != Draft.Kind.DEPLOYMENT) {
            ctx.warn("update_config: only a Deployment's rollout is set from it; a "
                    + WorkloadKind.name(draft.kind) + " keeps Kubernetes' default",
                    "deploy", "update_config");
            return;
        }
        int parallelism = update.parallelism() == null || update.parallelism() <= 0 ? 1
                : (int) Math.min(Integer.MAX_VALUE, update.parallelism());
        boolean startFirst = "start-first".equals(update.order());
        RollingUpdateDeployment rolling = new RollingUpdateDeployment(
                new IntOrString(startFirst ? parallelism : 0),
                new IntOrString(startFirst ? 0 : parallelism));
        DeploymentStrategy strategy = new DeploymentStrategy();
        strategy.setType("RollingUpdate");
        strategy.setRollingUpdate(rolling);
        draft.strategy = strategy;
        if (update.delay() != null && !update.delay().isZero()) {
            draft.minReadySeconds = Quantities.seconds(update.delay(), 0);
        }
        if (update.failureAction() != null || update.monitor() != null
                || update.maxFailureRatio() != null) {
            ctx.warn("failure_action, monitor and max_failure_ratio have no Kubernetes "
                    + "meaning: a failed rollout stops (kubectl rollout undo rolls back)",
                    "deploy", "update_config");
        }
    }

    private static boolean mountsClaims(Draft draft) {
        return draft.pod.getVolumes() != null && draft.pod.getVolumes().stream()
                .anyMatch(v -> v.getPersistentVolumeClaim() != null);
    }
}
