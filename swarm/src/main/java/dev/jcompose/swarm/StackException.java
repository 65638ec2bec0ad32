package dev.jcompose.swarm;

/**
 * A stack operation cannot be done or did not converge; the message says which service or
 * object, why, and what to do, for users.
 */
public class StackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
