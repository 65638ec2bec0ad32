package dev.jcompose.runtime.context;

import dev.jcompose.planner.engine.EngineException;

/**
 * The engine to talk to cannot be determined: an unknown context, a host that does not parse,
 * TLS files that cannot be read. One line, naming what was asked for and where it came from;
 * never answered by falling back to the local socket.
 */
public final class EndpointException extends EngineException {

    private static final long serialVersionUID = 1L;

    public EndpointException(String message) {
        super(message);
    }

    public EndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
