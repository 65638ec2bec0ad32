package dev.jcompose.api;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point of jcompose's Java API: compose projects started, inspected and stopped from
 * Java, with no {@code docker compose} binary. It reads the same files and creates the same
 * containers, networks and volumes (with the same labels) as {@code docker compose}.
 *
 * <pre>{@code
 * try (ComposeProject project = Compose.project(Path.of("src/test/resources/compose.yaml"))
 *         .projectName("shop-it")
 *         .build()) {
 *     project.up(Up.options().withWait(Duration.ofMinutes(1)));
 *     URI api = project.endpoint("api", 8080).uri("http");
 *     // ... call the api ...
 * }   // down on close
 * }</pre>
 *
 * <p>For JUnit 5 tests, the {@code jcompose-junit5} module's {@code @ComposeStack} does the above
 * around a test class; for Testcontainers users, {@code jcompose-testcontainers} wraps a project
 * as a {@code Startable}.
 */
public final class Compose {

    private Compose() {
    }

    /**
     * Starts describing a project made of {@code files}, merged in order like repeated
     * {@code -f} options. Relative paths resolve against the builder's working directory (the
     * JVM's, unless set). With no files, {@code compose.yaml} (or {@code docker-compose.yml}) is
     * searched in the working directory and its parents, and an override file beside it merged.
     */
    public static ComposeProjectBuilder project(Path... files) {
        return ComposeProject.builder(Arrays.asList(files));
    }

    /** Like {@link #project(Path...)}, with the files in a list. */
    public static ComposeProjectBuilder project(List<Path> files) {
        return ComposeProject.builder(files);
    }
}
