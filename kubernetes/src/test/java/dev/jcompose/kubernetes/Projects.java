package dev.jcompose.kubernetes;

import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.LoadOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Compose projects loaded as the CLI loads them, with a fixed environment. */
final class Projects {

    /** The repository's root (the tests run in the module's directory). */
    static final Path REPO = Path.of("").toAbsolutePath().getParent();

    private Projects() {
    }

    static Project load(Path file, Map<String, String> env) {
        return ComposeLoader.load(LoadOptions.builder().file(file)
                .workingDir(file.getParent()).processEnv(env).build());
    }

    static Project load(List<Path> files, Path workingDir, Map<String, String> env) {
        return ComposeLoader.load(LoadOptions.builder().files(files).workingDir(workingDir)
                .processEnv(env).build());
    }

    /** The text golden files hold: the warnings, then the objects. */
    static String render(Manifests m) {
        StringBuilder sb = new StringBuilder();
        for (var w : m.warnings()) {
            sb.append("# WARN ").append(w).append('\n');
        }
        return sb.append(m.toYaml()).toString();
    }
}
