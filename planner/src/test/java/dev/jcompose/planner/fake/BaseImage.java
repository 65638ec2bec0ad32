package dev.jcompose.planner.fake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local base image integration tests run (busybox on scratch), built by the repository's
 * {@code scripts/base-image.sh} when missing, once per JVM.
 */
public final class BaseImage {

    public static final String NAME = "jcompose/base:latest";

    private static volatile boolean ensured;

    private BaseImage() {
    }

    /** Builds the base image if needed and returns its name. */
    public static synchronized String ensure() {
        if (ensured) {
            return NAME;
        }
        Path script = repositoryRoot().resolve("scripts/base-image.sh");
        try {
            Process p = new ProcessBuilder("bash", script.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(script + " failed; is the engine running? "
                        + "(scripts/engine.sh starts one)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ensured = true;
        return NAME;
    }

    /** The repository's root: the nearest parent directory holding scripts/base-image.sh. */
    public static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("scripts/base-image.sh"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the repository root from "
                + Path.of("").toAbsolutePath());
    }
}
