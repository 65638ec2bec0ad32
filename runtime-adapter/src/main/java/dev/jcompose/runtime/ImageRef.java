package dev.jcompose.runtime;

/**
 * An image reference split the way the pull API wants it: {@code repository} (with registry
 * host) and {@code tag} or {@code digest}. {@code redis} is {@code redis:latest};
 * {@code localhost:5000/app} keeps its port in the repository.
 */
public record ImageRef(String repository, String tag, String digest) {

    public static ImageRef parse(String reference) {
        String ref = reference.strip();
        String digest = null;
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = ref.substring(at + 1);
            ref = ref.substring(0, at);
        }
        String tag = null;
        int colon = ref.lastIndexOf(':');
        int slash = ref.lastIndexOf('/');
        if (colon > slash) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageRef(ref, tag, digest);
    }

    /** The registry host, or {@code docker.io} when the reference names none. */
    public String registry() {
        int slash = repository.indexOf('/');
        if (slash < 0) {
            return "docker.io";
        }
        String first = repository.substring(0, slash);
        if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
            return first;
        }
        return "docker.io";
    }

    /** The reference as the pull API's {@code fromImage}/{@code tag} pair denote it. */
    @Override
    public String toString() {
        if (digest != null) {
            return repository + "@" + digest;
        }
        return repository + ":" + tag;
    }
}
