package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.UpdateConfig;
import com.github.dockerjava.api.model.UpdateFailureAction;
import com.github.dockerjava.api.model.UpdateOrder;
import dev.jcompose.model.Deploy;
import java.util.Map;

/** {@code deploy.update_config} and {@code deploy.rollback_config}. */
public final class UpdateConfigs {

    /** The values {@code failure_action} takes. */
    public static final Map<String, UpdateFailureAction> FAILURE_ACTIONS = Map.of(
            "continue", UpdateFailureAction.CONTINUE,
            "pause", UpdateFailureAction.PAUSE,
            "rollback", UpdateFailureAction.ROLLBACK);

    private UpdateConfigs() {
    }

    /**
     * The update (or rollback) configuration, or null for swarm's defaults. A section without
     * {@code parallelism} updates one task at a time, as with {@code docker stack deploy} (the
     * API's own default, 0, would update them all at once).
     */
    public static UpdateConfig of(Deploy.UpdateConfig c) {
        if (c == null) {
            return null;
        }
        return new UpdateConfig()
                .withParallelism(c.parallelism() == null ? 1L : c.parallelism())
                .withDelay(Nanos.of(c.delay()))
                .withFailureAction(c.failureAction() == null ? null
                        : action(c.failureAction()))
                .withMonitor(Nanos.of(c.monitor()))
                .withMaxFailureRatio(c.maxFailureRatio() == null ? null
                        : c.maxFailureRatio().floatValue())
                .withOrder(c.order() == null ? null
                        : "start-first".equals(c.order()) ? UpdateOrder.START_FIRST
                                : UpdateOrder.STOP_FIRST);
    }

    private static UpdateFailureAction action(String name) {
        UpdateFailureAction a = FAILURE_ACTIONS.get(name);
        if (a == null) {
            throw new IllegalArgumentException("not a failure action: " + name);
        }
        return a;
    }
}
