package dev.jcompose.model.load;

import dev.jcompose.model.Problem;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What to load and how.
 *
 * @param files             the {@code -f} files in order; empty means discover them
 * @param workingDir        where discovery starts (the user's working directory)
 * @param projectDirectory  {@code --project-directory}, or null for the first file's directory
 * @param projectName       {@code -p}, or null
 * @param processEnv        the process environment (wins over env files)
 * @param envFiles          {@code --env-file} files; empty means the project's {@code .env}
 * @param profiles          {@code --profile} values (added to {@code COMPOSE_PROFILES})
 * @param services          services named on the command line (they enable their profiles)
 * @param interpolate       substitute variables (false for {@code config --no-interpolate})
 * @param resolvePaths      make relative paths absolute
 * @param normalize         apply defaults: default network, resource names, the depends_on
 *                          implied by links, volumes_from, network_mode/ipc/pid service:
 * @param consistencyCheck  check references between services and resources
 * @param warnings          receives warnings (unset variables, deprecated keys)
 * @param validate          check the files against the Compose Specification (off only for
 *                          tests that reproduce compose-go's {@code SkipValidation})
 * @param resolveEnvironment read {@code env_file}/{@code label_file} into {@code environment}/
 *                          {@code labels} and give bare variables their value
 *                          ({@code config --no-env-resolution} turns it off)
 * @param discardEnvFiles   drop {@code env_file} entries once read into {@code environment}, as
 *                          docker compose does for every command
 * @param documents         parses a file's text into its YAML documents (the YAML reader; a
 *                          caller that parsed the file ahead hands in its parse)
 */
public record LoadOptions(
        List<ConfigSource> files,
        Path workingDir,
        Path projectDirectory,
        String projectName,
        Map<String, String> processEnv,
        List<Path> envFiles,
        List<String> profiles,
        List<String> services,
        boolean interpolate,
        boolean resolvePaths,
        boolean normalize,
        boolean consistencyCheck,
        Consumer<Problem> warnings,
        boolean validate,
        boolean resolveEnvironment,
        boolean discardEnvFiles,
        Documents documents) {

    /** Parses a compose file's text, named as errors show it, into its YAML documents. */
    @FunctionalInterface
    public interface Documents {
        List<Node> readAll(String name, String text);
    }

    public LoadOptions {
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
        services = List.copyOf(services);
        processEnv = Map.copyOf(processEnv);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LoadOptions}; defaults: discover files in the current directory, full load. */
    public static final class Builder {
        private final List<ConfigSource> files = new ArrayList<>();
        private Path workingDir = Path.of("").toAbsolutePath();
        private Path projectDirectory;
        private String projectName;
        private Map<String, String> processEnv = System.getenv();
        private final List<Path> envFiles = new ArrayList<>();
        private final List<String> profiles = new ArrayList<>();
        private final List<String> services = new ArrayList<>();
        private boolean interpolate = true;
        private boolean resolvePaths = true;
        private boolean normalize = true;
        private boolean consistencyCheck = true;
        private Consumer<Problem> warnings = p -> { };
        private boolean validate = true;
        private boolean resolveEnvironment = true;
        private boolean discardEnvFiles = true;
        private Documents documents = YamlReader::readAll;

        public Builder file(Path file) {
            files.add(ConfigSource.of(file));
            return this;
        }

        public Builder files(List<Path> paths) {
            paths.forEach(this::file);
            return this;
        }

        public Builder source(ConfigSource source) {
            files.add(source);
            return this;
        }

        public Builder workingDir(Path dir) {
            this.workingDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder projectDirectory(Path dir) {
            // relative to the working directory, resolved in build() (not the JVM's directory)
            this.projectDirectory = dir == null ? null : dir.normalize();
            return this;
        }

        public Builder projectName(String name) {
            this.projectName = name;
            return this;
        }

        public Builder processEnv(Map<String, String> env) {
            this.processEnv = env;
            return this;
        }

        public Builder envFile(Path file) {
            envFiles.add(file);
            return this;
        }

        public Builder envFiles(List<Path> paths) {
            envFiles.addAll(paths);
            return this;
        }

        public Builder profiles(List<String> names) {
            profiles.addAll(names);
            return this;
        }

        public Builder services(List<String> names) {
            services.addAll(names);
            return this;
        }

        public Builder interpolate(boolean on) {
            this.interpolate = on;
            return this;
        }

        public Builder resolvePaths(boolean on) {
            this.resolvePaths = on;
            return this;
        }

        public Builder normalize(boolean on) {
            this.normalize = on;
            return this;
        }

        public Builder consistencyCheck(boolean on) {
            this.consistencyCheck = on;
            return this;
        }

        public Builder warnings(Consumer<Problem> sink) {
            this.warnings = sink;
            return this;
        }

        public Builder validate(boolean on) {
            this.validate = on;
            return this;
        }

        public Builder resolveEnvironment(boolean on) {
            this.resolveEnvironment = on;
            return this;
        }

        public Builder discardEnvFiles(boolean on) {
            this.discardEnvFiles = on;
            return this;
        }

        public Builder documents(Documents reader) {
            this.documents = reader;
            return this;
        }

        public LoadOptions build() {
            return new LoadOptions(files, workingDir, projectDirectory == null ? null
                    : workingDir.resolve(projectDirectory).normalize(), projectName, processEnv,
                    envFiles, profiles, services, interpolate, resolvePaths, normalize,
                    consistencyCheck, warnings, validate, resolveEnvironment, discardEnvFiles,
                    documents);
        }
    }
}
