package dev.jcompose.planner.engine;

/**
 * The engine refused or failed an operation. Subclasses name the common cases; the message is
 * the engine's reason, suitable for users.
 */
public class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The object does not exist (HTTP 404). */
    public static class NotFound extends EngineException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** The operation conflicts with the object's state or name (HTTP 409). */
    public static class Conflict extends EngineException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(message);
        }
    }

    /** No engine answers at the configured address. */
    public static class Unavailable extends EngineException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A pull or push failed; the message carries the registry's reason. */
    public static class ImageFailure extends EngineException {
        private static final long serialVersionUID = 1L;

        public ImageFailure(String message) {
            super(message);
        }
    }
}
