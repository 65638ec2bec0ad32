package dev.jcompose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** jcompose's own version, from the build. */
final class Versions {

    private Versions() {
    }

    /** The compose v2 release whose command-line surface jcompose matches. */
    static final String COMPOSE_V2 = dev.jcompose.api.ServiceHash.COMPOSE_V2;

    /**
     * The version jcompose reports where compose v2 reports its own ({@code version --format
     * json}, the plugin metadata): that release, with jcompose's version as build metadata, so
     * clients that pick flags by compose v2's version (Spring Boot) read the feature level.
     */
    static String composeCompatible() {
        return "v" + COMPOSE_V2 + "+jcompose." + jcompose();
    }

    static String jcompose() {
        return build().getProperty("version", "unknown");
    }

    /** The commit jcompose was built from (12 hex digits), or "unknown". */
    static String commit() {
        String commit = build().getProperty("commit", "unknown");
        return commit.isEmpty() || commit.startsWith("$") ? "unknown" : commit;
    }

    private static Properties build() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/jcompose.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the defaults: unknown
        }
        return p;
    }
}
