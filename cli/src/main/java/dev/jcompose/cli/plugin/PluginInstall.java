package dev.jcompose.cli.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Makes jcompose the docker CLI's compose plugin: a {@code docker-compose} link to the
 * launcher in a folder the docker CLI searches ({@code ~/.docker/cli-plugins}, or
 * {@code /usr/local/lib/docker/cli-plugins} for every user). Another plugin found there is
 * kept, moved aside to {@code docker-compose.before-jcompose}, and only when asked.
 */
public final class PluginInstall {

    /** The system folder used, the first the docker CLI searches. */
    public static final Path SYSTEM_DIR = Path.of("/usr/local/lib/docker/cli-plugins");

    /** What was done, for the user. */
    public record Outcome(Path plugin, Path launcher, Path movedAside, boolean alreadyThere) { }

    private PluginInstall() {
    }

    /**
     * Links {@code dir/docker-compose} to {@code launcher}; an existing plugin that is not
     * that link is moved aside when {@code replace}, else an {@link IllegalStateException}
     * says what is there.
     */
    public static Outcome install(Path dir, Path launcher, boolean replace) throws IOException {
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("the launcher " + launcher + " is not there: "
                    + "install the plugin from a jcompose checkout (./jcompose install-plugin)");
        }
        Path plugin = dir.resolve("docker-compose");
        Path moved = null;
        if (Files.exists(plugin, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isSymbolicLink(plugin)
                    && plugin.toRealPath().equals(launcher.toRealPath())) {
                return new Outcome(plugin, launcher, null, true);
            }
            if (!replace) {
                throw new IllegalStateException(plugin + " is another compose plugin ("
                        + describe(plugin) + "); run again with --force to move it aside to "
                        + plugin.getFileName() + ".before-jcompose and install jcompose");
            }
            moved = dir.resolve("docker-compose.before-jcompose");
            Files.move(plugin, moved, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(dir);
        Files.createSymbolicLink(plugin, launcher.toAbsolutePath());
        return new Outcome(plugin, launcher, moved, false);
    }

    private static String describe(Path p) throws IOException {
        return Files.isSymbolicLink(p) ? "a link to " + Files.readSymbolicLink(p)
                : Files.size(p) + " bytes";
    }

    /**
     * The launcher this code was started by, as it names itself ({@code jcompose.launcher}: an
     * installed release's {@code bin/jcompose}, or a checkout's); else the launcher of the
     * checkout this code runs from: {@code <checkout>/jcompose}, three levels above
     * {@code cli/target/jcompose.jar} (or {@code cli/target/classes}).
     */
    public static Path launcher() {
        String named = System.getProperty("jcompose.launcher");
        if (named != null && !named.isEmpty()) {
            return Path.of(named);
        }
        try {
            Path code = Path.of(PluginInstall.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            return code.getParent().getParent().getParent().resolve("jcompose");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where jcompose runs from: " + e, e);
        }
    }
}
