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

    /**
     * A build failed. When a Dockerfile step failed, {@code step} names it ({@code Step 2/3 :
     * RUN make}), {@code exitCode} is its exit code and {@code output} its last lines; otherwise
     * they are null, -1 and empty, and the message says what went wrong.
     */
    public static class BuildFailure extends EngineException {
        private static final long serialVersionUID = 1L;
        private final String step;
        private final int exitCode;
        private final java.util.List<String> output;

        public BuildFailure(String message, String step, int exitCode,
                java.util.List<String> output) {
            super(message);
            this.step = step;
            this.exitCode = exitCode;
            this.output = java.util.List.copyOf(output);
        }

        public String step() {
            return step;
        }

        public int exitCode() {
            return exitCode;
        }

        public java.util.List<String> output() {
            return output;
        }
    }
}
