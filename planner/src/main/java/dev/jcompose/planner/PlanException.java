package dev.jcompose.planner;

/**
 * The desired state cannot be planned (an unknown service, a dependency cycle, a missing
 * external resource). Raised before anything is changed; the message is for users.
 */
public class PlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }
}
