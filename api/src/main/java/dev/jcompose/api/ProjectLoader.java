package dev.jcompose.api;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.ConfigSource;
import dev.jcompose.model.load.LoadOptions;
import dev.jcompose.model.load.ProjectNames;
import dev.jcompose.model.tree.YamlReader;
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
    private final LoadOptions.Documents documents;

    public ProjectLoader(ProjectOptions options, Consumer<Problem> warnings, InputStream stdin) {
        this(options, warnings, stdin, YamlReader::readAll);
    }

    /**
     * As the other, with the files' YAML parsed by {@code documents} (a parse made ahead, on
     * another thread, for the file it was made of).
     */
    public ProjectLoader(ProjectOptions options, Consumer<Problem> warnings, InputStream stdin,
            LoadOptions.Documents documents) {
        this.options = options;
        this.warnings = warnings;
        this.stdin = stdin;
        this.documents = documents;
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
                .warnings(warnings)
                .documents(documents);
        for (Path f : options.files()) {
            if (f.toString().equals("-")) {
                b.source(new ConfigSource(options.workingDir(), readStdin()));
            } else if (dev.jcompose.api.local.OciProjects.isRemote(f.toString())) {
                b.file(dev.jcompose.api.local.OciProjects.fetch(f.toString(),
                        options.environment(), options.workingDir()));
            } else {
                b.file(f);
            }
        }
        return b;
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
