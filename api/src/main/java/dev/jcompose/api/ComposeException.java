package dev.jcompose.api;

/** An operation cannot be done; the message says why and what to do, for users. */
public class ComposeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ComposeException(String message) {
        super(message);
    }

    public ComposeException(String message, Throwable cause) {
        super(message, cause);
    }
}
