package dev.jcompose.runtime.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The TLS files of an endpoint, as PEM text: the CA to trust, the client certificate and its
 * key; each may be missing. {@code origin} says where they were read, for error messages.
 */
public record TlsMaterial(String ca, String cert, String key, String origin) {

    /**
     * The files named (a null path is not read), or null when none is; a named file that
     * cannot be read is an {@link EndpointException} naming it and {@code why} it was read.
     */
    static TlsMaterial read(Path ca, Path cert, Path key, String origin, String why) {
        String caPem = read(ca, why);
        String certPem = read(cert, why);
        String keyPem = read(key, why);
        if (caPem == null && certPem == null && keyPem == null) {
            return null;
        }
        return new TlsMaterial(caPem, certPem, keyPem, origin);
    }

    private static String read(Path file, String why) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new EndpointException("cannot read TLS file " + file + " (" + why
                    + "): no such file");
        } catch (IOException e) {
            throw new EndpointException("cannot read TLS file " + file + " (" + why + "): "
                    + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "TLS material from " + origin + " (ca " + (ca != null) + ", cert " + (cert != null)
                + ", key " + (key != null) + ")";
    }
}
