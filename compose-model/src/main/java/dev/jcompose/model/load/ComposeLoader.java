package dev.jcompose.model.load;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Diagnostics;
import dev.jcompose.model.FileObject;
import dev.jcompose.model.Model;
import dev.jcompose.model.Network;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.SourceMap;
import dev.jcompose.model.Volume;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.SeqNode;
import dev.jcompose.model.tree.YamlPath;
import dev.jcompose.model.tree.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads compose files into a {@link Project}. The pipeline, each step a tree-to-tree stage that
 * keeps source marks:
 *
 * <ol>
 *   <li>per file: parse ({@link YamlReader}), interpolate ({@link InterpolateStage}), validate
 *       ({@link ComposeSchema}), canonical form ({@link CanonicalStage});
 *   <li>merge the files in order ({@link MergeStage});
 *   <li>project name, profiles ({@link ProfilesStage}), defaults, paths and normalisation
 *       ({@link ResolveStages}), reference checks ({@link ConsistencyStage});
 *   <li>bind to records ({@link Binder}).
 * </ol>
 *
 * <p>Every stage reports all the errors it finds; loading stops after the first stage with
 * errors and throws {@link ComposeFileException}.
 *
 * <p>Over 400 lines because the steps before the first stage (which files, which environment, the
 * project name and directory, {@code include}) decide together what the stages see, and their
 * order is the point; the stages themselves are in their own files.
 */
public final class ComposeLoader {

    private final LoadOptions options;
    private final Diagnostics diag;
    /** The files that include this one, outermost first (to find include cycles). */
    private final List<Path> includedFrom;
    /** The variables of included projects (their env files), gathered while loading. */
    private final Map<String, String> includedEnvironment = new LinkedHashMap<>();
    /** The parsed documents of this load's own files, with their marks: the project's map. */
    private final List<Node> sourceRoots = new ArrayList<>();

    private ComposeLoader(LoadOptions options) {
        this(options, List.of());
    }

    /** Set for {@link #explainEnvironment}: receives where variables came from. */
    private EnvironmentTrace trace;

    private ComposeLoader(LoadOptions options, List<Path> includedFrom) {
        this.options = options;
        this.diag = new Diagnostics(options.warnings());
        this.includedFrom = includedFrom;
    }

    /**
     * The first file {@code options} would load, with its text read, as a load will name it: for
     * a caller that parses it ahead, on another thread, and hands the parse to that load
     * ({@link LoadOptions#documents()}).
     *
     * @throws ComposeFileException when there is no such file, or it cannot be read
     */
    public static ConfigSource firstFile(LoadOptions options) {
        ComposeLoader loader = new ComposeLoader(options);
        ConfigSource file = loader.files(loader.discoveryEnvironment()).get(0);
        String text = loader.read(file);
        return new ConfigSource(file.path(), text);
    }

    /**
     * Loads the project described by {@code options}.
     *
     * @throws ComposeFileException when the files are missing, invalid or inconsistent
     */
    public static Project load(LoadOptions options) {
        return new ComposeLoader(options).load();
    }

    /**
     * Loads the project and tells, for each service variable, its value and where it came from
     * ({@code config --environment}).
     *
     * @throws ComposeFileException as {@link #load(LoadOptions)}
     */
    public static EnvironmentTrace explainEnvironment(LoadOptions options) {
        ComposeLoader loader = new ComposeLoader(options);
        loader.trace = new EnvironmentTrace();
        loader.load();
        return loader.trace;
    }

    /**
     * The files' documents merged as written: no interpolation, validation, canonical form or
     * extends ({@code config --variables} reads the variables there, as compose v2 does).
     *
     * @throws ComposeFileException when a file is missing or is not YAML
     */
    public static Node rawModel(LoadOptions options) {
        ComposeLoader loader = new ComposeLoader(options);
        Node merged = null;
        for (ConfigSource file : loader.files(loader.discoveryEnvironment())) {
            for (Node doc : options.documents().readAll(file.displayName(), loader.read(file))) {
                merged = merged == null ? doc : MergeStage.merge(merged, doc);
            }
        }
        return merged == null ? MapNode.empty(Mark.NONE) : merged;
    }

    /** The environment the files would be interpolated with, and where each value came from. */
    public static Environment environment(LoadOptions options) {
        ComposeLoader loader = new ComposeLoader(options);
        List<ConfigSource> files = loader.files(Environment.ofProcess(options.processEnv()));
        return loader.environment(loader.projectDirectory(files));
    }

    private Project load() {
        List<ConfigSource> files = files(discoveryEnvironment());
        Path projectDir = projectDirectory(files);
        Environment env = environment(projectDir);
        // COMPOSE_FILE from .env is honoured when no -f was given
        if (options.files().isEmpty() && options.processEnv().get("COMPOSE_FILE") == null
                && env.get("COMPOSE_FILE") != null) {
            files = files(env);
            projectDir = projectDirectory(files);
        }
        if (trace != null) {
            trace.base(projectDir);
        }

        Set<String> warned = new HashSet<>();
        Environment interpolation = withProjectName(files, env, projectDir);
        Node merged = null;
        for (ConfigSource file : files) {
            Node tree = loadFile(file, interpolation, warned);
            merged = merged == null ? tree : MergeStage.merge(merged, tree);
        }
        diag.throwIfErrors();
        if (merged instanceof MapNode m && m.keys().isEmpty()) {
            // as docker compose: files with nothing in them are a mistake (wrong -f, truncated)
            throw new ComposeFileException(Problem.error(new Mark(files.get(0).displayName(), 1,
                    1), YamlPath.ROOT, "empty compose file: it declares nothing; add services: "
                    + "or check the files given with -f"));
        }
        merged = merged == null ? null : MergeStage.enforceUnicity(merged);
        MapNode root = merged instanceof MapNode m ? m : MapNode.empty(Mark.NONE);
        root = includes(root, projectDir, files, interpolation);
        diag.throwIfErrors();

        String name = projectName(root, env, projectDir);
        List<String> profiles = activeProfiles(env);
        ProfilesStage.Result split = ProfilesStage.apply(ResolveStages.map(root, "services"),
                profiles, options.services());
        root = root.with("services", split.enabled());
        ConsistencyStage.validity(root, diag);
        if (options.consistencyCheck()) {
            ConsistencyStage.check(root, split.disabled(), options.normalize(), diag);
        }
        diag.throwIfErrors();
        if (options.normalize()) {
            root = ResolveStages.defaults(root, name);
            root = root.with("services", ImpliedDependencies.apply(ResolveStages.map(root,
                    "services")));
            split = new ProfilesStage.Result(split.enabled(),
                    ImpliedDependencies.apply(split.disabled()));
        }
        root = ResolveStages.buildDefaults(root);
        if (options.resolvePaths()) {
            Path home = Path.of(System.getProperty("user.home"));
            root = (MapNode) ResolveStages.paths(root, projectDir, home);
            MapNode disabledRoot = MapNode.builder(root.mark())
                    .put("services", split.disabled()).build();
            disabledRoot = (MapNode) ResolveStages.paths(disabledRoot, projectDir, home);
            split = new ProfilesStage.Result(split.enabled(),
                    ResolveStages.map(disabledRoot, "services"));
        } else {
            root = (MapNode) ResolveStages.cleanBindSources(root);
        }
        if (options.resolveEnvironment()) {
            // a missing env file only matters to the services the command works on
            Set<String> needed = options.services().isEmpty() ? null
                    : ResolveStages.withDependencies(ResolveStages.map(root, "services"),
                            options.services());
            root = new EnvironmentStage(env, projectDir, diag, options.discardEnvFiles(), trace,
                    needed).apply(root);
        }
        diag.throwIfErrors();

        Binder binder = new Binder(diag);
        Map<String, Service> services = bindServices(binder, ResolveStages.map(root, "services"));
        Map<String, Service> disabled = bindServices(binder, split.disabled());
        Map<String, Network> networks = bindAll(binder, root, "networks", Network.class);
        Map<String, Volume> volumes = bindAll(binder, root, "volumes", Volume.class);
        Map<String, FileObject> secrets = bindAll(binder, root, "secrets", FileObject.class);
        Map<String, FileObject> configs = bindAll(binder, root, "configs", FileObject.class);
        Map<String, Model> models = bindAll(binder, root, "models", Model.class);
        Map<String, Object> extensions = new LinkedHashMap<>();
        root.entries().forEach((k, v) -> {
            if (k.startsWith("x-")) {
                extensions.put(k, Nodes.plain(v));
            }
        });
        diag.throwIfErrors();
        List<Path> configFiles = files.stream().map(ConfigSource::path).toList();
        Map<String, String> projectEnv = new LinkedHashMap<>(env.asMap());
        includedEnvironment.forEach(projectEnv::putIfAbsent);
        return new Project(name, services, networks, volumes, secrets, configs, models, extensions,
                projectDir, configFiles, projectEnv, disabled, profiles,
                SourceMap.of(sourceRoots, files.get(0).displayName()));
    }

    /**
     * {@code ${COMPOSE_PROJECT_NAME}} in the files means the project's name, as compose-go
     * reads it: {@code -p}, the variable itself, the last {@code name:} of the files
     * (interpolated), else the directory's name. The files are only read ahead for it when they
     * mention the variable.
     */
    private Environment withProjectName(List<ConfigSource> files, Environment env,
            Path projectDir) {
        String explicit = options.projectName();
        if (explicit != null && !explicit.isEmpty()) {
            return env.with("COMPOSE_PROJECT_NAME", explicit, "-p");
        }
        if (env.get("COMPOSE_PROJECT_NAME") != null) {
            return env;
        }
        List<String> texts = files.stream().map(this::read).toList();
        if (texts.stream().noneMatch(t -> t.contains("COMPOSE_PROJECT_NAME"))) {
            return env;
        }
        String name = null;
        for (int i = 0; i < files.size(); i++) {
            try {
                for (Node doc : YamlReader.readAll(files.get(i).displayName(), texts.get(i))) {
                    if (doc instanceof MapNode m && Nodes.text(m.get("name")) != null) {
                        name = new Interpolator(env::get, v -> { })
                                .substitute(Nodes.text(m.get("name")));
                    }
                }
            } catch (RuntimeException e) {
                // the file's own load reports it, with its position
            }
        }
        if (name == null || name.isEmpty()) {
            Path base = projectDir.getFileName();
            name = ProjectNames.normalize(base == null ? "" : base.toString());
        }
        return env.with("COMPOSE_PROJECT_NAME", name, "project name");
    }

    /**
     * {@code include}: each entry's files are loaded as a project of their own (their own
     * directory, env files and relative paths), and their resources added to this model; this
     * model's own definitions are merged over them. A file that includes itself, directly or
     * not, is an error naming the cycle. As in compose-go, an include sees this project's
     * variables ({@code parentEnv}: the shell, the env files, the project name) over its own
     * {@code env_file}s (else its directory's {@code .env}).
     */
    private MapNode includes(MapNode root, Path projectDirectory, List<ConfigSource> files,
            Environment parentEnv) {
        if (!(root.get("include") instanceof SeqNode entries)) {
            return root;
        }
        Path projectDir = options.workingDir().resolve(projectDirectory).normalize();
        List<Path> chain = new ArrayList<>(includedFrom);
        files.stream().map(ConfigSource::path).filter(java.util.Objects::nonNull)
                .map(p -> options.workingDir().resolve(p).normalize()).forEach(chain::add);
        Node included = null;
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof MapNode entry)
                    || !(entry.get("path") instanceof SeqNode paths) || paths.size() == 0) {
                continue;
            }
            YamlPath at = YamlPath.ROOT.key("include").index(i);
            List<Path> incFiles = new ArrayList<>();
            for (int j = 0; j < paths.size(); j++) {
                Path file = projectDir.resolve(Nodes.text(paths.get(j))).normalize();
                String problem = SourceFiles.problem(file);
                if (problem != null) {
                    diag.error(paths.get(j), at.key("path").index(j), "included file " + file
                            + ": " + problem);
                }
                incFiles.add(file);
            }
            if (diag.hasErrors()) {
                continue;
            }
            if (chain.contains(incFiles.get(0))) {
                List<String> names = new ArrayList<>();
                chain.subList(chain.indexOf(incFiles.get(0)), chain.size())
                        .forEach(p -> names.add(p.getFileName().toString()));
                names.add(incFiles.get(0).getFileName().toString());
                diag.error(entry, at, "include cycle detected: " + String.join(" -> ", names));
                continue;
            }
            Path dir = entry.get("project_directory") != null
                    ? projectDir.resolve(Nodes.text(entry.get("project_directory"))).normalize()
                    : incFiles.get(0).getParent();
            List<Path> envFiles = new ArrayList<>();
            if (entry.get("env_file") instanceof SeqNode envs) {
                for (int j = 0; j < envs.size(); j++) {
                    Path envFile = projectDir.resolve(Nodes.text(envs.get(j))).normalize();
                    String problem = SourceFiles.problem(envFile);
                    if (problem != null) {
                        diag.error(envs.get(j), at.key("env_file").index(j), "env file "
                                + envFile + ": " + problem);
                    }
                    envFiles.add(envFile);
                }
            }
            if (diag.hasErrors()) {
                continue;
            }
            LoadOptions nested = LoadOptions.builder().files(incFiles).workingDir(dir)
                    .projectDirectory(dir).processEnv(parentEnv.asMap()).envFiles(envFiles)
                    .interpolate(options.interpolate()).resolvePaths(options.resolvePaths())
                    .normalize(false).consistencyCheck(false).warnings(options.warnings())
                    .discardEnvFiles(options.discardEnvFiles())
                    .resolveEnvironment(options.resolveEnvironment())
                    .build();
            try {
                ComposeLoader sub = new ComposeLoader(nested, chain);
                MapNode tree = sub.loadTree();
                included = included == null ? tree : MergeStage.merge(included, tree);
                // what an include's env files set is there for its secrets' and configs'
                // environment: sources at run time, under the project's own variables
                sub.includedEnvironment.forEach(includedEnvironment::putIfAbsent);
            } catch (ComposeFileException e) {
                e.problems().forEach(diag::add);
            }
        }
        root = root.without("include");
        return included instanceof MapNode inc ? (MapNode) MergeStage.clearTags(
                MergeStage.merge(inc, root)) : root;
    }

    /** The merged, include-resolved tree of this loader's files, paths made absolute. */
    private MapNode loadTree() {
        List<ConfigSource> files = files(Environment.ofProcess(options.processEnv()));
        Path projectDir = projectDirectory(files);
        Environment env = environment(projectDir);
        env.asMap().forEach(includedEnvironment::putIfAbsent);
        Set<String> warned = new HashSet<>();
        Node merged = null;
        for (ConfigSource file : files) {
            Node tree = loadFile(file, env, warned);
            merged = merged == null ? tree : MergeStage.merge(merged, tree);
        }
        diag.throwIfErrors();
        MapNode root = merged instanceof MapNode m ? m : MapNode.empty(Mark.NONE);
        root = includes(root, projectDir, files, env);
        diag.throwIfErrors();
        root = ResolveStages.buildDefaults(root);
        if (options.resolvePaths()) {
            root = (MapNode) ResolveStages.paths(root, projectDir,
                    Path.of(System.getProperty("user.home")));
        } else {
            root = (MapNode) ResolveStages.cleanBindSources(root);
        }
        if (options.resolveEnvironment()) {
            // an include's env files are visible to its own services' bare keys only
            root = new EnvironmentStage(env, projectDir, diag, options.discardEnvFiles(), null,
                    null).apply(root);
        }
        return root;
    }

    private Node loadFile(ConfigSource file, Environment env, Set<String> warned) {
        Node tree = readCanonical(file, env, warned, sourceRoots);
        if (tree instanceof MapNode root) {
            Path path = file.path() != null ? file.path()
                    : options.workingDir().resolve("compose.yaml");
            // in an included file, extends.file is relative to the include's project directory
            Path extendsDir = includedFrom.isEmpty() ? null : options.projectDirectory();
            tree = new ExtendsStage(diag, other -> readCanonical(ConfigSource.of(other), env,
                    warned, new ArrayList<>()) instanceof MapNode m ? m : null, extendsDir)
                    .apply(root, path);
            diag.throwIfErrors();
        }
        return tree;
    }

    /**
     * One file through interpolation, validation and the canonical form; its documents as parsed
     * are added to {@code parsed}.
     */
    private Node readCanonical(ConfigSource file, Environment env, Set<String> warned,
            List<Node> parsed) {
        String text = read(file);
        List<Node> documents = options.documents().readAll(file.displayName(), text);
        parsed.addAll(documents);
        Node tree = null;
        for (Node doc : documents) {
            tree = tree == null ? doc : MergeStage.merge(tree, doc);
        }
        if (tree == null || tree.isNull()) {
            tree = MapNode.empty(new Mark(file.displayName(), 1, 1));
        }
        tree = new InterpolateStage(env, diag, warned, options.interpolate(),
                trace == null ? (m, v, o) -> { } : trace.recorder(env)).apply(tree);
        diag.throwIfErrors();
        LegacyFormat.check(tree, diag);
        diag.throwIfErrors();
        Schema.validate(tree, ComposeSchema.FILE, YamlPath.ROOT, diag);
        diag.throwIfErrors();
        tree = new CanonicalStage(diag).apply(tree);
        diag.throwIfErrors();
        return tree;
    }

    private String read(ConfigSource file) {
        if (file.content() != null) {
            return file.content();
        }
        String problem = SourceFiles.commandLineProblem(file.path());
        if (problem != null) {
            throw new ComposeFileException(Problem.error(new Mark(file.displayName(), 0, 0),
                    YamlPath.ROOT, problem.equals("not found") ? "file not found" : problem));
        }
        return SourceFiles.read(file.path(), file.displayName());
    }

    /** {@code -f} files, else {@code COMPOSE_FILE}, else discovery (with the override file). */
    private List<ConfigSource> files(Environment env) {
        if (!options.files().isEmpty()) {
            return options.files().stream()
                    .map(f -> f.content() != null ? f
                            : ConfigSource.of(options.workingDir().resolve(f.path()).normalize()))
                    .toList();
        }
        String composeFile = env.get("COMPOSE_FILE");
        if (composeFile != null && !composeFile.isBlank()) {
            String sep = env.get("COMPOSE_PATH_SEPARATOR");
            if (sep == null || sep.isEmpty()) {
                sep = java.io.File.pathSeparator;
            }
            return Arrays.stream(composeFile.split(java.util.regex.Pattern.quote(sep)))
                    .filter(s -> !s.isBlank())
                    .map(s -> ConfigSource.of(options.workingDir().resolve(s).normalize()))
                    .toList();
        }
        return ProjectFiles.discover(options.workingDir()).stream().map(ConfigSource::of).toList();
    }

    /**
     * The variables that can name the files when no {@code -f} is given: the process, then the
     * {@code --env-file} files or the {@code .env} of the project directory (or the working
     * directory), which may set {@code COMPOSE_FILE} for a folder without a compose.yaml.
     */
    private Environment discoveryEnvironment() {
        if (!options.files().isEmpty() || options.processEnv().get("COMPOSE_FILE") != null) {
            return Environment.ofProcess(options.processEnv());
        }
        Path dir = options.projectDirectory() != null
                ? options.workingDir().resolve(options.projectDirectory()).normalize()
                : options.workingDir();
        return environment(dir);
    }

    private Path projectDirectory(List<ConfigSource> files) {
        if (options.projectDirectory() != null) {
            return options.workingDir().resolve(options.projectDirectory()).normalize();
        }
        Path first = options.workingDir().resolve(files.get(0).path()).normalize();
        Path parent = files.get(0).content() != null && first.getFileName() == null
                ? first : first.getParent();
        return parent == null ? options.workingDir() : parent;
    }

    private Environment environment(Path projectDir) {
        List<Path> envFiles = new ArrayList<>();
        if (!options.envFiles().isEmpty()) {
            for (Path p : options.envFiles()) {
                Path abs = options.workingDir().resolve(p).normalize();
                String problem = SourceFiles.commandLineProblem(abs);
                if (problem != null) {
                    throw new ComposeFileException(Problem.error(new Mark(abs.toString(), 0, 0),
                            YamlPath.ROOT, "env file " + problem));
                }
                envFiles.add(abs);
            }
        } else if (!List.of("1", "true", "yes", "y", "on").contains(String.valueOf(
                options.processEnv().get("COMPOSE_DISABLE_ENV_FILE")).toLowerCase(
                        java.util.Locale.ROOT))) {
            // the default .env, unless COMPOSE_DISABLE_ENV_FILE says not to (as compose-go)
            Path dotenv = projectDir.resolve(".env");
            if (Files.isRegularFile(dotenv)) {
                envFiles.add(dotenv);
            }
        }
        return Environment.resolve(options.processEnv(), envFiles);
    }

    private String projectName(MapNode root, Environment env, Path projectDir) {
        String explicit = options.projectName();
        if (explicit == null || explicit.isEmpty()) {
            explicit = env.get("COMPOSE_PROJECT_NAME");
        }
        if (explicit != null && !explicit.isEmpty()) {
            if (!ProjectNames.isValid(explicit)) {
                throw new ComposeFileException(Problem.error(Mark.NONE, YamlPath.ROOT,
                        ProjectNames.invalidMessage(explicit)));
            }
            return explicit;
        }
        Node nameNode = root.get("name");
        String fromFile = nameNode == null ? null : Nodes.text(nameNode);
        if (fromFile != null && !fromFile.isEmpty()) {
            if (!ProjectNames.isValid(fromFile)) {
                throw new ComposeFileException(Problem.error(nameNode.mark(),
                        YamlPath.of("name"), ProjectNames.invalidMessage(fromFile)));
            }
            return fromFile;
        }
        Path base = projectDir.getFileName();
        String normalized = ProjectNames.normalize(base == null ? "" : base.toString());
        if (normalized.isEmpty()) {
            throw new ComposeFileException(Problem.error(Mark.NONE, YamlPath.ROOT,
                    "cannot derive a project name from the directory \"" + projectDir
                            + "\"; set one with -p NAME or name: in the compose file"));
        }
        return normalized;
    }

    private List<String> activeProfiles(Environment env) {
        Set<String> profiles = new LinkedHashSet<>(options.profiles());
        if (profiles.isEmpty()) {
            String fromEnv = env.get("COMPOSE_PROFILES");
            if (fromEnv != null) {
                for (String p : fromEnv.split(",")) {
                    if (!p.isBlank()) {
                        profiles.add(p.strip());
                    }
                }
            }
        }
        return List.copyOf(profiles);
    }

    private static Map<String, Service> bindServices(Binder binder, MapNode services) {
        Map<String, Service> out = new LinkedHashMap<>();
        services.entries().forEach((name, node) -> {
            Service s = binder.bindRecord(node, Service.class, YamlPath.of("services", name));
            if (s != null) {
                out.put(name, s.toBuilder().name(name).build());
            }
        });
        return out;
    }

    private static <T extends Record> Map<String, T> bindAll(Binder binder, MapNode root,
            String key, Class<T> type) {
        Map<String, T> out = new LinkedHashMap<>();
        ResolveStages.map(root, key).entries().forEach((name, node) -> {
            T value = binder.bindRecord(node.isNull() ? MapNode.empty(node.mark()) : node, type,
                    YamlPath.of(key, name));
            if (value != null) {
                out.put(name, value);
            }
        });
        return out;
    }
}
