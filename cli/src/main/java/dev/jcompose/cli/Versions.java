package dev.jcompose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** jcompose's own version, from the build. */
final class Versions {

    private Versions() {
    }

    static String jcompose() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/jcompose.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
