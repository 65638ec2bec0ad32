package dev.jcompose.api;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.ConfigSource;
import dev.jcompose.model.load.LoadOptions;
import dev.jcompose.model.load.ProjectNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Turns the global options into a loaded project. */
public final class ProjectLoader {

    private final ProjectOptions options;
    private final Consumer<Problem> warnings;
    private final InputStream stdin;

    public ProjectLoader(ProjectOptions options, Consumer<Problem> warnings, InputStream stdin) {
        this.options = options;
        this.warnings = warnings;
        this.stdin = stdin;
    }

    /** A builder of load options from the global options, to adjust per command. */
    public LoadOptions.Builder loadOptions(List<String> services) {
        LoadOptions.Builder b = LoadOptions.builder()
                .workingDir(options.workingDir())
                .projectDirectory(options.projectDirectory())
                .projectName(options.projectName())
                .processEnv(options.environment())
                .envFiles(options.envFiles())
                .profiles(options.profiles())
                .services(services)
                .warnings(warnings);
        for (Path f : options.files()) {
            if (f.toString().equals("-")) {
                b.source(new ConfigSource(options.workingDir(), readStdin()));
            } else {
                b.file(f);
            }
        }
        return b;
    }

    /**
     * Starts parsing, on a background thread, the compose file a command run in
     * {@code workingDir} with {@code env} and no {@code -f}, {@code --project-directory} or
     * {@code --env-file} will load; that load then takes the parse instead of parsing again
     * ({@link ComposeLoader#parseAhead}).
     */
    public static void parseAhead(Path workingDir, java.util.Map<String, String> env) {
        ComposeLoader.parseAhead(LoadOptions.builder().workingDir(workingDir).processEnv(env)
                .build());
    }

    /** Loads the project. */
    public Project load(List<String> services) {
        return ComposeLoader.load(loadOptions(services).build());
    }

    /**
     * The project's name for commands that can work from labels alone: {@code -p} (or
     * {@code COMPOSE_PROJECT_NAME}) when given, else the loaded files' name.
     */
    public String projectName() {
        String explicit = options.projectName();
        if (explicit == null) {
            explicit = options.environment().get("COMPOSE_PROJECT_NAME");
        }
        if (explicit != null && !explicit.isEmpty()) {
            if (!ProjectNames.isValid(explicit)) {
                throw new ComposeFileException(Problem.error(dev.jcompose.model.tree.Mark.NONE,
                        dev.jcompose.model.tree.YamlPath.ROOT,
                        ProjectNames.invalidMessage(explicit)));
            }
            return explicit;
        }
        return load(List.of()).name();
    }

    /**
     * The project when its files can be found, else null (for commands that work from labels
     * when {@code -p} is given and there are no files).
     */
    public Project loadIfPresent() {
        boolean explicitName = options.projectName() != null
                || options.environment().get("COMPOSE_PROJECT_NAME") != null;
        if (!explicitName || !options.files().isEmpty()) {
            return load(List.of());
        }
        try {
            return load(List.of());
        } catch (ComposeFileException e) {
            return null;
        }
    }

    private String readStdin() {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
