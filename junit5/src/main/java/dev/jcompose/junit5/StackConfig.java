package dev.jcompose.junit5;

import dev.jcompose.model.load.ProjectNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.platform.commons.PreconditionViolationException;

/**
 * A {@link ComposeStack} annotation as values: what to start and how. Two classes sharing a key
 * must describe the same stack ({@link #sameStack}).
 */
record StackConfig(
        List<Path> files,
        List<String> profiles,
        Map<String, String> env,
        List<Path> envFiles,
        List<String> services,
        boolean build,
        boolean removeVolumes,
        Duration waitTimeout,
        Duration stopTimeout,
        String key,
        String namePrefix,
        Path logsDirectory) {

    StackConfig {
        files = List.copyOf(files);
        profiles = List.copyOf(profiles);
        env = Map.copyOf(env);
        envFiles = List.copyOf(envFiles);
        services = List.copyOf(services);
    }

    /** Reads the annotation found on (or above) {@code testClass}. */
    static StackConfig of(ComposeStack a, Class<?> testClass) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : a.env()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new PreconditionViolationException("@ComposeStack(env) on "
                        + testClass.getName() + ": \"" + entry + "\" is not KEY=value");
            }
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        if (a.waitTimeoutSeconds() <= 0) {
            throw new PreconditionViolationException("@ComposeStack(waitTimeoutSeconds) on "
                    + testClass.getName() + " must be positive, not " + a.waitTimeoutSeconds());
        }
        String prefix = !a.projectName().isEmpty() ? a.projectName()
                : !a.key().isEmpty() ? a.key() : testClass.getSimpleName();
        return new StackConfig(paths(a.files()), Arrays.asList(a.profiles()), env,
                paths(a.envFiles()), Arrays.asList(a.services()), a.build(), a.removeVolumes(),
                a.waitUntilHealthy() ? Duration.ofSeconds(a.waitTimeoutSeconds()) : null,
                Duration.ofSeconds(Math.max(0, a.stopTimeoutSeconds())), a.key(),
                prefix(prefix), Path.of(a.logsDirectory()));
    }

    boolean shared() {
        return !key.isEmpty();
    }

    /** The same files, profiles, variables and services: one stack can serve both. */
    boolean sameStack(StackConfig other) {
        return files.equals(other.files) && profiles.equals(other.profiles)
                && env.equals(other.env) && envFiles.equals(other.envFiles)
                && services.equals(other.services) && build == other.build
                && Objects.equals(waitTimeout == null, other.waitTimeout == null);
    }

    /** A fresh project name: the prefix and 8 random hex digits. */
    String randomProjectName() {
        return namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String prefix(String raw) {
        String p = ProjectNames.normalize(raw);
        if (p.length() > 40) {
            p = p.substring(0, 40);
        }
        return p.isEmpty() ? "jcompose-test" : p;
    }

    private static List<Path> paths(String[] names) {
        return Arrays.stream(names).map(Path::of).toList();
    }

    @Override
    public String toString() {
        return "files=" + files + ", profiles=" + profiles + ", env=" + env.keySet()
                + ", envFiles=" + envFiles + ", services=" + services + ", build=" + build;
    }
}
