package dev.jcompose.runtime.context;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.runtime.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * The docker CLI's context store, read-only: {@code contexts/meta/<sha256(name)>/meta.json}
 * holds a context's endpoints, {@code contexts/tls/<sha256(name)>/docker/} its TLS files
 * ({@code ca.pem}, {@code cert.pem}, {@code key.pem}). Field names are matched as Go's JSON
 * decoder matches them, regardless of case.
 */
final class ContextStore {

    private final Path root;

    /** The store under {@code configDir} ({@code ~/.docker/contexts}). */
    ContextStore(Path configDir) {
        this.root = configDir.resolve("contexts");
    }

    /** The directory name of context {@code name}: the hex SHA-256 of the name. */
    static String id(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The docker endpoint of context {@code name}, which {@code chosenBy} named. */
    DockerEndpoint endpoint(String name, String chosenBy) {
        Path meta = root.resolve("meta").resolve(id(name)).resolve("meta.json");
        JsonNode tree;
        try {
            tree = JsonTrees.read(Files.readAllBytes(meta));
        } catch (NoSuchFileException e) {
            throw new EndpointException("context \"" + name + "\" (" + chosenBy
                    + ") does not exist: no " + meta);
        } catch (IOException e) {
            throw new EndpointException("context \"" + name + "\" (" + chosenBy
                    + "): cannot read " + meta + ": " + e.getMessage());
        }
        JsonNode docker = field(field(tree, "Endpoints"), "docker");
        if (!docker.isObject()) {
            throw new EndpointException("context \"" + name + "\" (" + chosenBy
                    + ") has no docker endpoint in " + meta);
        }
        String host = field(docker, "Host").asText("");
        if (host.isBlank()) {
            throw new EndpointException("context \"" + name + "\" (" + chosenBy
                    + ") names no engine address (Endpoints.docker.Host) in " + meta);
        }
        boolean skip = field(docker, "SkipTLSVerify").asBoolean(false);
        return new DockerEndpoint(name, host, skip, tls(name));
    }

    /** The context's TLS files for its docker endpoint, or null when it has none. */
    private TlsMaterial tls(String name) {
        Path dir = root.resolve("tls").resolve(id(name)).resolve("docker");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        String why = "TLS material of context " + name;
        return TlsMaterial.read(present(dir, "ca.pem"), present(dir, "cert.pem"),
                present(dir, "key.pem"), dir.toString(), why);
    }

    private static Path present(Path dir, String file) {
        Path p = dir.resolve(file);
        return Files.exists(p) ? p : null;
    }

    /** The member {@code name} of {@code object}, matched exactly, else regardless of case. */
    static JsonNode field(JsonNode object, String name) {
        JsonNode exact = object.path(name);
        if (!exact.isMissingNode()) {
            return exact;
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) {
                return object.get(f);
            }
        }
        return exact;
    }
}
