package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.ContainerSpecConfig;
import com.github.dockerjava.api.model.ContainerSpecFile;
import com.github.dockerjava.api.model.ContainerSpecSecret;
import dev.jcompose.model.FileObject;
import dev.jcompose.model.FileReference;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Secrets and configs: the stack's objects, named by content ({@link StackObject}), and the
 * services' references to them (a file at {@code /run/secrets/<target>} or {@code /<target>},
 * owned by root, mode 0444 unless the reference says otherwise).
 */
public final class FileObjects {

    /** Swarm's longest secret or config name. */
    public static final int MAX_NAME = 64;
    private static final int HASH_CHARS = 10;

    /** Reads an object's content: from its file, a variable, or {@code content:}. */
    @FunctionalInterface
    public interface Content {
        byte[] read(String key, FileObject object);
    }

    private FileObjects() {
    }

    /** The content of objects as the loaded project describes it. */
    public static Content contentOf(Project project) {
        return (key, o) -> {
            if (o.file() != null) {
                try {
                    return Files.readAllBytes(Path.of(o.file()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + o.file() + " for " + key
                            + ": " + e.getMessage(), e);
                }
            }
            if (o.environment() != null) {
                String v = project.environment().get(o.environment());
                if (v == null) {
                    throw new IllegalArgumentException(key + ": variable " + o.environment()
                            + " is not set");
                }
                return v.getBytes(StandardCharsets.UTF_8);
            }
            return o.content() == null ? new byte[0]
                    : o.content().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The secrets the services use, by key. */
    public static Map<String, StackObject> secrets(Namespace ns, Project project, Content content) {
        return objects(ns, project.secrets(), used(project, Service::secrets), content);
    }

    /** The configs the services use, by key. */
    public static Map<String, StackObject> configs(Namespace ns, Project project, Content content) {
        return objects(ns, project.configs(), used(project, Service::configs), content);
    }

    private static Set<String> used(Project project,
            Function<Service, List<FileReference>> refs) {
        Set<String> out = new LinkedHashSet<>();
        project.services().values().forEach(s -> refs.apply(s).forEach(r -> out.add(r.source())));
        return out;
    }

    private static Map<String, StackObject> objects(Namespace ns, Map<String, FileObject> declared,
            Set<String> used, Content content) {
        Map<String, StackObject> out = new LinkedHashMap<>();
        for (String key : used) {
            FileObject o = declared.get(key);
            if (o == null) {
                throw new IllegalArgumentException("undefined secret or config " + key);
            }
            String base = o.name() == null ? ns.scope(key) : o.name();
            if (o.isExternal()) {
                out.put(key, new StackObject(key, base, true, new byte[0], Map.of(), null,
                        Map.of(), null));
                continue;
            }
            Map<String, String> labels = ns.labelled(o.labels());
            labels.put(Namespace.KEY_LABEL, key);
            boolean byDriver = o.driver() != null && !o.driver().isEmpty();
            byte[] data = byDriver ? new byte[0] : content.read(key, o);
            String name = byDriver ? base : versioned(base, data);
            out.put(key, new StackObject(key, name, false, data, labels,
                    byDriver ? o.driver() : null, o.driverOpts(), o.templateDriver()));
        }
        return out;
    }

    /** {@code base-<hash of data>}, the base shortened when the whole is longer than swarm takes. */
    static String versioned(String base, byte[] data) {
        String hash = HexFormat.of().formatHex(sha256(data)).substring(0, HASH_CHARS);
        int room = MAX_NAME - HASH_CHARS - 1;
        String head = base.length() > room ? base.substring(0, room) : base;
        return head + "-" + hash;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's secrets, by name. */
    public static List<ContainerSpecSecret> secretRefs(Service s, Map<String, StackObject> secrets,
            Ids ids) {
        return refs(s.secrets(), secrets, FileReference::source, (o, file) ->
                new ContainerSpecSecret().withSecretName(o.name())
                        .withSecretId(ids.secret(o.name())).withFile(file),
                ContainerSpecSecret::getSecretName);
    }

    /** The service's configs, by name; a config without a target appears at {@code /<key>}. */
    public static List<ContainerSpecConfig> configRefs(Service s, Map<String, StackObject> configs,
            Ids ids) {
        return refs(s.configs(), configs, r -> "/" + r.source(), (o, file) ->
                new ContainerSpecConfig().withConfigName(o.name())
                        .withConfigID(ids.config(o.name())).withFile(file),
                ContainerSpecConfig::getConfigName);
    }

    private static <T> List<T> refs(List<FileReference> refs, Map<String, StackObject> objects,
            Function<FileReference, String> defaultTarget,
            BiFunction<StackObject, ContainerSpecFile, T> ref, Function<T, String> name) {
        List<T> out = new ArrayList<>();
        for (FileReference r : refs) {
            out.add(ref.apply(object(objects, r), file(r, defaultTarget.apply(r))));
        }
        out.sort(Comparator.comparing(name));
        return out;
    }

    private static StackObject object(Map<String, StackObject> objects, FileReference r) {
        StackObject o = objects.get(r.source());
        if (o == null) {
            throw new IllegalArgumentException("undefined secret or config " + r.source());
        }
        return o;
    }

    private static ContainerSpecFile file(FileReference r, String defaultTarget) {
        return new ContainerSpecFile()
                .withName(r.target() == null || r.target().isEmpty() ? defaultTarget : r.target())
                .withUid(r.uid() == null ? "0" : r.uid())
                .withGid(r.gid() == null ? "0" : r.gid())
                .withMode(r.mode() == null ? 0444L : r.mode().longValue());
    }
}
