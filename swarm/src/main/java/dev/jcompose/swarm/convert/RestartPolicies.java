package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import dev.jcompose.model.Deploy;
import java.util.Map;

/**
 * A service's restart policy: {@code deploy.restart_policy}, else the container-style
 * {@code restart}. Unlike {@code docker stack deploy}, {@code restart: "no"} means what it says
 * (the task is not restarted) instead of falling back to swarm's default, which restarts
 * always.
 */
public final class RestartPolicies {

    /** The conditions {@code restart_policy.condition} takes. */
    public static final Map<String, ServiceRestartCondition> CONDITIONS = Map.of(
            "none", ServiceRestartCondition.NONE,
            "on-failure", ServiceRestartCondition.ON_FAILURE,
            "any", ServiceRestartCondition.ANY);

    private RestartPolicies() {
    }

    /** The policy, or null for swarm's default (restart on any exit, no delay limit). */
    public static ServiceRestartPolicy of(String restart, Deploy.RestartPolicy policy) {
        if (policy != null) {
            return new ServiceRestartPolicy()
                    .withCondition(policy.condition() == null ? null
                            : condition(policy.condition()))
                    .withDelay(Nanos.of(policy.delay()))
                    .withMaxAttempts(policy.maxAttempts())
                    .withWindow(Nanos.of(policy.window()));
        }
        if (restart == null || restart.isEmpty()) {
            return null;
        }
        String name = restart.contains(":") ? restart.substring(0, restart.indexOf(':'))
                : restart;
        return switch (name) {
            case "no" -> new ServiceRestartPolicy().withCondition(ServiceRestartCondition.NONE);
            case "always", "unless-stopped" ->
                    new ServiceRestartPolicy().withCondition(ServiceRestartCondition.ANY);
            case "on-failure" -> new ServiceRestartPolicy()
                    .withCondition(ServiceRestartCondition.ON_FAILURE)
                    .withMaxAttempts(maxAttempts(restart));
            default -> throw new IllegalArgumentException("not a restart policy: " + restart);
        };
    }

    private static ServiceRestartCondition condition(String name) {
        ServiceRestartCondition c = CONDITIONS.get(name);
        if (c == null) {
            throw new IllegalArgumentException("not a restart condition: " + name);
        }
        return c;
    }

    private static Long maxAttempts(String restart) {
        int colon = restart.indexOf(':');
        if (colon < 0) {
            return null;
        }
        long n = Long.parseLong(restart.substring(colon + 1).strip());
        return n > 0 ? n : null;
    }
}
