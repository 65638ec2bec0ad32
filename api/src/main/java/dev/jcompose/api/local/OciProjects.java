package dev.jcompose.api.local;

import dev.jcompose.api.ComposeException;
import dev.jcompose.model.load.ProjectNames;
import dev.jcompose.runtime.OciArtifacts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code -f oci://REGISTRY/REPOSITORY:TAG}: a published compose project fetched into a local
 * cache, as compose v2 lays it out: the compose file layers as one {@code compose.yaml} (YAML
 * documents in layer order), extended files and env files beside it under the names they were
 * published with. The folder is named after the current directory, so the project's default
 * name is the one compose v2 gives it; the artifact's own relative paths resolve in the cache.
 */
public final class OciProjects {

    /** How a remote file is written on the command line. */
    public static final String PREFIX = "oci://";

    private OciProjects() {
    }

    /** Whether {@code file} names an artifact ({@code oci://...}; a Path keeps one slash). */
    public static boolean isRemote(String file) {
        return file.startsWith("oci:/");
    }

    /**
     * The local compose file of the artifact {@code file} names, fetched now.
     *
     * @param env        locates the cache ({@code XDG_CACHE_HOME}, {@code HOME}) and the
     *                   registry credentials ({@code DOCKER_CONFIG})
     * @param workingDir the directory the project's default name comes from
     * @throws ComposeException when the registry refuses or the artifact is not a project
     */
    public static Path fetch(String file, Map<String, String> env, Path workingDir) {
        String ref = file.replaceFirst("^oci:/+", "");
        try {
            List<OciArtifacts.Layer> layers = Failures.get(() -> OciArtifacts
                    .fromEnvironment(env, false).pull(OciArtifacts.Reference.parse(ref)));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            layers.forEach(l -> all.writeBytes(l.content()));
            String key = OciArtifactsNames.envFile(Path.of(ref + "@"
                    + java.util.HexFormat.of().formatHex(java.security.MessageDigest
                            .getInstance("SHA-256").digest(all.toByteArray()))))
                    .replace(".env", "");
            String name = ProjectNames.normalize(workingDir.getFileName() == null ? "default"
                    : workingDir.getFileName().toString());
            Path dir = cache(env).resolve(key).resolve(name.isEmpty() ? "default" : name);
            Files.createDirectories(dir);
            StringBuilder compose = new StringBuilder();
            for (OciArtifacts.Layer l : layers) {
                String content = new String(l.content(), StandardCharsets.UTF_8);
                if (l.mediaType().equals(OciArtifacts.ENV_FILE) || l.extendsFile()) {
                    Files.writeString(dir.resolve(safe(l.name(), ref)), content);
                } else if (l.mediaType().equals(OciArtifacts.COMPOSE_FILE)) {
                    if (!compose.isEmpty()) {
                        compose.append("\n---\n");
                    }
                    compose.append(content);
                }
            }
            Path main = dir.resolve("compose.yaml");
            Files.writeString(main, compose);
            return main;
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new ComposeException("cannot keep the OCI artifact " + ref + " in the cache: "
                    + e.getMessage(), e);
        }
    }

    private static String safe(String name, String ref) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..")
                || name.equals(".")) {
            throw new ComposeException("invalid OCI artifact " + ref + ": a layer is named \""
                    + name + "\"");
        }
        return name;
    }

    private static Path cache(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
        return base.resolve("jcompose").resolve("oci");
    }
}
