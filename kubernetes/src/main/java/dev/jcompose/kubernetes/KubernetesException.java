package dev.jcompose.kubernetes;

/** The cluster refused or did not reach what jcompose asked for; the message says which. */
public class KubernetesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KubernetesException(String message) {
        super(message);
    }

    public KubernetesException(String message, Throwable cause) {
        super(message, cause);
    }
}
