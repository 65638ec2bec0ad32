package dev.jcompose.cli.plugin;

/**
 * What jcompose answers the docker CLI's {@code docker-cli-plugin-metadata} question with, in
 * the docker CLI's own layout (five-space indent). The launcher script answers it without a JVM
 * (the docker CLI asks before every command); this is the same answer for runs without the
 * launcher, and the text the launcher's is checked against.
 */
public final class PluginMetadata {

    public static final String SUBCOMMAND = "docker-cli-plugin-metadata";

    private PluginMetadata() {
    }

    /** The metadata JSON, ending with a newline, for plugin version {@code version}. */
    public static String json(String version) {
        return "{\n"
                + "     \"SchemaVersion\": \"0.1.0\",\n"
                + "     \"Vendor\": \"jcompose\",\n"
                + "     \"Version\": \"" + version + "\",\n"
                + "     \"ShortDescription\": \"Docker Compose\"\n"
                + "}\n";
    }
}
