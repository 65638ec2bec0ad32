package dev.jcompose.model.load;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables interpolation sees, and where each came from. The process environment wins;
 * then {@code --env-file} files (later files win) or, when none is given, the project's
 * {@code .env}.
 */
public final class Environment {

    /** A variable's value and its origin: {@code shell}, or the env file it was read from. */
    public record Value(String value, String source) { }

    public static final String SHELL = "shell";

    private final Map<String, Value> values;

    private Environment(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Only the given variables, all from the shell. */
    public static Environment ofProcess(Map<String, String> processEnv) {
        Map<String, Value> v = new LinkedHashMap<>();
        processEnv.forEach((k, val) -> v.put(k, new Value(val, SHELL)));
        return new Environment(v);
    }

    /**
     * The process environment over the env files' variables.
     *
     * @param envFiles files to read in order (later wins); missing files are an error
     */
    public static Environment resolve(Map<String, String> processEnv, List<Path> envFiles) {
        Map<String, Value> v = fileLayer(processEnv, envFiles);
        processEnv.forEach((k, val) -> v.put(k, new Value(val, SHELL)));
        return new Environment(v);
    }

    /**
     * What the env files alone set (as compose-go's GetEnvFromFile): read in order, later wins;
     * a reference sees the process, then this file's earlier keys, then earlier files.
     */
    public static Map<String, String> readEnvFiles(Map<String, String> processEnv,
            List<Path> envFiles) {
        Map<String, String> out = new LinkedHashMap<>();
        fileLayer(processEnv, envFiles).forEach((k, val) -> out.put(k, val.value()));
        return out;
    }

    private static Map<String, Value> fileLayer(Map<String, String> processEnv,
            List<Path> envFiles) {
        Map<String, Value> v = new LinkedHashMap<>();
        for (Path file : envFiles) {
            Map<String, String> read = Dotenv.parse(file.toString(),
                    SourceFiles.read(file, file.toString()), processEnv::get, name -> {
                        Value prev = v.get(name);
                        return prev == null ? null : prev.value();
                    });
            read.forEach((k, val) -> v.put(k, new Value(val, file.toString())));
        }
        return v;
    }

    /**
     * A copy where the variables of {@code envFile} are added for names not set yet (the
     * project directory's {@code .env} read after the working directory's one).
     */
    public Environment withFallbackFile(Path envFile) {
        Map<String, Value> v = new LinkedHashMap<>(values);
        Map<String, String> read = readEnvFile(envFile, name -> {
            Value prev = v.get(name);
            return prev == null ? null : prev.value();
        });
        read.forEach((k, val) -> v.putIfAbsent(k, new Value(val, envFile.toString())));
        return new Environment(v);
    }

    /** A copy with {@code name} set to {@code value}, from {@code source}. */
    public Environment with(String name, String value, String source) {
        Map<String, Value> v = new LinkedHashMap<>(values);
        v.put(name, new Value(value, source));
        return new Environment(v);
    }

    /**
     * A copy where the variables of {@code envFiles} (read in order, later wins) are added under
     * those already set: an {@code include}'s own env files.
     */
    public Environment withFiles(List<Path> envFiles) {
        Map<String, Value> fromFiles = new LinkedHashMap<>();
        for (Path file : envFiles) {
            Map<String, String> read = readEnvFile(file, name -> {
                Value own = values.get(name);
                if (own != null) {
                    return own.value();
                }
                Value prev = fromFiles.get(name);
                return prev == null ? null : prev.value();
            });
            read.forEach((k, val) -> fromFiles.put(k, new Value(val, file.toString())));
        }
        Map<String, Value> v = new LinkedHashMap<>(fromFiles);
        v.putAll(values);
        return new Environment(v);
    }

    /** Parses an env file, with {@code lookup} for references and bare keys. */
    public static Map<String, String> readEnvFile(Path file,
            java.util.function.Function<String, String> lookup) {
        return readEnvFile(file, lookup, name -> null);
    }

    /** As {@link #readEnvFile(Path, java.util.function.Function)}, {@code fallback} last. */
    public static Map<String, String> readEnvFile(Path file,
            java.util.function.Function<String, String> lookup,
            java.util.function.Function<String, String> fallback) {
        return Dotenv.parse(file.toString(), SourceFiles.read(file, file.toString()), lookup,
                fallback);
    }

    public String get(String name) {
        Value v = values.get(name);
        return v == null ? null : v.value();
    }

    public Value describe(String name) {
        return values.get(name);
    }

    /** The variables as a plain map. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v.value()));
        return m;
    }

    /** Variables with their origins. */
    public Map<String, Value> values() {
        return values;
    }
}
