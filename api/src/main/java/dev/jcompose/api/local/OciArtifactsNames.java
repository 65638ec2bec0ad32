package dev.jcompose.api.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The names compose v2 gives local files in a published artifact: a hash of their path. */
final class OciArtifactsNames {

    private OciArtifactsNames() {
    }

    /** {@code <sha256 of the path>.env}. */
    static String envFile(Path path) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    path.toString().getBytes(StandardCharsets.UTF_8))) + ".env";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
