package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import dev.jcompose.planner.engine.BuildSpec;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.ImageProgress;
import dev.jcompose.planner.engine.ImageSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images on the Docker Engine API: inspect, list, pull, push, tag, build, remove. Registry
 * credentials come from {@link RegistryAuth} (docker-java does not run credential helpers);
 * build contexts from {@link BuildContext}.
 *
 * <p>Over 400 lines because every image endpoint's progress and error answers (pull, push, build)
 * are translated here the same way, and the build request's options are many.
 */
final class DockerImages {

    private static final Pattern FROM = Pattern.compile(
            "^\\s*FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARG = Pattern.compile("^\\s*ARG\\s+([A-Za-z_][A-Za-z0-9_]*)"
            + "(?:=(\\S*))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern NON_ZERO = Pattern.compile("returned a non-zero code: (\\d+)");
    private static final int OUTPUT_LINES = 30;
    /** The colours the builder puts around a step's standard error. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private final DockerEngine engine;
    private final RegistryAuth auth;
    private final PullRecords pulls;

    DockerImages(DockerEngine engine, RegistryAuth auth, PullRecords pulls) {
        this.engine = engine;
        this.auth = auth;
        this.pulls = pulls;
    }

    // --- inspect and list -----------------------------------------------------------------------

    /**
     * Inspects through the raw API (docker-java's response lacks {@code Metadata.LastTagTime}).
     * The engine leaves the last tag time empty for an image pulled fresh: then our own record
     * of the pull tells when it arrived.
     */
    Optional<ImageSummary> inspect(String reference) {
        return inspectRaw(reference).map(img -> {
            Instant pulled = pulls.pulledAt(engine.host(), reference, img.id()).orElse(null);
            if (pulled == null || img.lastTagged() != null && img.lastTagged().isAfter(pulled)) {
                return img;
            }
            return new ImageSummary(img.id(), img.tags(), img.labels(), img.created(), pulled,
                    img.volumes(), img.size());
        });
    }

    private Optional<ImageSummary> inspectRaw(String reference) {
        return Optional.ofNullable(engine.getJson("/images/" + reference + "/json",
                "inspecting image " + reference)).map(DockerImages::summary);
    }

    private static ImageSummary summary(JsonNode n) {
        List<String> tags = new ArrayList<>();
        n.path("RepoTags").forEach(t -> tags.add(t.asText()));
        Map<String, String> labels = new LinkedHashMap<>();
        n.path("Config").path("Labels").properties().forEach(e ->
                labels.put(e.getKey(), e.getValue().asText()));
        Set<String> volumes = new TreeSet<>();
        n.path("Config").path("Volumes").fieldNames().forEachRemaining(volumes::add);
        return new ImageSummary(n.path("Id").asText(), tags, labels,
                time(n.path("Created").asText(null)),
                time(n.path("Metadata").path("LastTagTime").asText(null)), volumes,
                n.path("Size").asLong(0));
    }

    /** An RFC 3339 time, or null when absent or the zero time the engine uses for "never". */
    static Instant time(String text) {
        if (text == null || text.isEmpty() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    List<ImageSummary> list(Map<String, String> labels) {
        return engine.call(() -> {
            var cmd = engine.client().listImagesCmd();
            if (!labels.isEmpty()) {
                cmd.withLabelFilter(labels);
            }
            List<ImageSummary> out = new ArrayList<>();
            for (Image i : cmd.exec()) {
                List<String> tags = i.getRepoTags() == null ? List.of()
                        : Arrays.stream(i.getRepoTags()).filter(t -> !t.startsWith("<none>"))
                                .toList();
                out.add(new ImageSummary(i.getId(), tags, i.getLabels(),
                        i.getCreated() == null ? null : Instant.ofEpochSecond(i.getCreated()),
                        null));
            }
            return out;
        });
    }

    // --- pull, push, tag, remove ----------------------------------------------------------------

    void pull(String reference, ImageProgress progress) {
        ImageRef ref = ImageRef.parse(reference);
        AtomicReference<String> error = new AtomicReference<>();
        ResultCallback.Adapter<PullResponseItem> callback = new Quiet<>() {
            @Override
            public void onNext(PullResponseItem item) {
                layer(item, error, progress);
            }
        };
        AuthConfig credentials = credentials(ref.registry());
        try {
            engine.call(() -> {
                var cmd = ref.digest() != null
                        ? engine.client().pullImageCmd(ref.repository() + "@" + ref.digest())
                        : engine.client().pullImageCmd(ref.repository()).withTag(ref.tag());
                if (credentials != null) {
                    cmd.withAuthConfig(credentials);
                }
                return await(cmd.exec(callback), "pulling " + reference);
            });
        } catch (EngineException.Unavailable e) {
            throw e;
        } catch (EngineException e) {
            throw failure("pull", reference, ref, e.getMessage(), credentials);
        }
        if (error.get() != null) {
            throw failure("pull", reference, ref, error.get(), credentials);
        }
        inspectRaw(reference).ifPresent(img ->
                pulls.record(engine.host(), reference, img.id(), Instant.now()));
    }

    void push(String reference, ImageProgress progress) {
        ImageRef ref = ImageRef.parse(reference);
        AtomicReference<String> error = new AtomicReference<>();
        ResultCallback.Adapter<PushResponseItem> callback = new Quiet<>() {
            @Override
            public void onNext(PushResponseItem item) {
                layer(item, error, progress);
            }
        };
        AuthConfig credentials = credentials(ref.registry());
        try {
            engine.call(() -> {
                var cmd = engine.client().pushImageCmd(ref.repository())
                        .withTag(ref.tag() == null ? "latest" : ref.tag());
                if (credentials != null) {
                    cmd.withAuthConfig(credentials);
                }
                return await(cmd.exec(callback), "pushing " + reference);
            });
        } catch (EngineException.Unavailable e) {
            throw e;
        } catch (EngineException.NotFound e) {
            throw new EngineException.NotFound("cannot push " + reference + ": there is no "
                    + "local image of that name (build it first)");
        } catch (EngineException e) {
            throw failure("push", reference, ref, e.getMessage(), credentials);
        }
        if (error.get() != null) {
            String reason = error.get();
            if (reason.contains("does not exist locally")) {
                throw new EngineException.NotFound("cannot push " + reference + ": there is no "
                        + "local image of that name (build it first)");
            }
            throw failure("push", reference, ref, reason, credentials);
        }
    }

    /** Forwards a layer's progress; records the first error. */
    private static void layer(ResponseItem item, AtomicReference<String> error,
            ImageProgress progress) {
        if (item.isErrorIndicated()) {
            error.compareAndSet(null, item.getErrorDetail() != null
                    && item.getErrorDetail().getMessage() != null
                    ? item.getErrorDetail().getMessage() : item.getError());
            return;
        }
        if (item.getId() == null || item.getProgressDetail() == null) {
            return;
        }
        long current = orMinusOne(item.getProgressDetail().getCurrent());
        long total = orMinusOne(item.getProgressDetail().getTotal());
        progress.update(item.getId(), item.getStatus() == null ? "" : item.getStatus(),
                current, total);
    }

    /** A failed pull or push, with the registry's reason and a hint for the usual causes. */
    private EngineException.ImageFailure failure(String verb, String reference, ImageRef ref,
            String reason, AuthConfig credentials) {
        String r = dedupe(reason == null ? "unknown error" : reason.strip());
        String lower = r.toLowerCase();
        String hint = "";
        if (lower.contains("no basic auth credentials") || lower.contains("unauthorized")
                || lower.contains("authentication required") || lower.contains("denied")) {
            hint = credentials == null
                    ? " (no credentials for " + ref.registry() + " in " + auth.configFile()
                            + "; log in with docker login " + ref.registry() + ")"
                    : " (the credentials for " + ref.registry() + " in " + auth.configFile()
                            + " were refused)";
        } else if (lower.contains("connection refused") || lower.contains("no such host")
                || lower.contains("i/o timeout")) {
            hint = " (is the registry " + ref.registry() + " running and reachable?)";
        }
        return new EngineException.ImageFailure(verb + " of " + reference + " from "
                + ref.registry() + " failed: " + r + hint);
    }

    /** "manifest unknown: manifest unknown" says it once. */
    static String dedupe(String reason) {
        int i = reason.lastIndexOf(": ");
        while (i > 0) {
            String tail = reason.substring(i + 2);
            if (reason.substring(0, i).endsWith(tail)) {
                reason = reason.substring(0, i);
                i = reason.lastIndexOf(": ");
            } else {
                break;
            }
        }
        return reason;
    }

    private AuthConfig credentials(String registry) {
        return auth.forRegistry(registry).map(DockerImages::authConfig).orElse(null);
    }

    private static AuthConfig authConfig(RegistryAuth.Credentials c) {
        AuthConfig a = new AuthConfig().withRegistryAddress(c.serverAddress());
        if (c.identityToken() != null) {
            a.withIdentityToken(c.identityToken());
        } else {
            a.withUsername(c.username()).withPassword(c.password());
        }
        return a;
    }

    void tag(String source, String target) {
        ImageRef t = ImageRef.parse(target);
        engine.run(() -> engine.client().tagImageCmd(source, t.repository(),
                t.tag() == null ? "latest" : t.tag()).exec());
    }

    void remove(String reference) {
        engine.run(() -> engine.client().removeImageCmd(reference).exec());
    }

    // --- build ------------------------------------------------------------------------------

    void build(BuildSpec spec, ImageProgress progress) {
        String image = spec.tags().get(0);
        BuildContext context;
        try {
            context = BuildContext.of(spec);
        } catch (IOException e) {
            throw new EngineException.BuildFailure("build of " + image + " failed: "
                    + e.getMessage(), null, -1, List.of());
        }
        BuildOutput output = new BuildOutput(progress);
        ResultCallback.Adapter<BuildResponseItem> callback = new Quiet<>() {
            @Override
            public void onNext(BuildResponseItem item) {
                output.accept(item);
            }
        };
        AuthConfigurations auths = buildCredentials(spec, context);
        InputStream opened;
        try {
            opened = context.open();
        } catch (IOException e) {
            throw new EngineException.BuildFailure("build of " + image + " failed: cannot send "
                    + "the build context: " + e.getMessage(), null, -1, List.of());
        }
        try (InputStream tar = opened) {
            engine.call(() -> {
                BuildImageCmd cmd = engine.client().buildImageCmd()
                        .withTarInputStream(tar)
                        .withDockerfilePath(context.dockerfilePath())
                        .withTags(new LinkedHashSet<>(spec.tags()))
                        .withNoCache(spec.noCache())
                        .withPull(spec.pull())
                        .withRemove(true)
                        .withForcerm(true);
                spec.args().forEach(cmd::withBuildArg);
                if (spec.target() != null) {
                    cmd.withTarget(spec.target());
                }
                if (!spec.labels().isEmpty()) {
                    cmd.withLabels(spec.labels());
                }
                if (spec.network() != null) {
                    cmd.withNetworkMode(spec.network());
                }
                if (!spec.extraHosts().isEmpty()) {
                    cmd.withExtraHosts(new HashSet<>(spec.extraHosts().stream()
                            .map(h -> h.replaceFirst("=", ":")).toList()));
                }
                if (spec.shmSize() != null) {
                    cmd.withShmsize(spec.shmSize());
                }
                if (spec.memory() != null) {
                    cmd.withMemory(spec.memory());
                }
                if (spec.platform() != null) {
                    cmd.withPlatform(spec.platform());
                }
                if (!spec.cacheFrom().isEmpty()) {
                    cmd.withCacheFrom(new LinkedHashSet<>(spec.cacheFrom()));
                }
                if (!auths.getConfigs().isEmpty()) {
                    cmd.withBuildAuthConfigs(auths);
                }
                return await(cmd.exec(callback), "building " + image);
            });
        } catch (EngineException.Unavailable e) {
            throw e;
        } catch (EngineException e) {
            IOException written = context.failure();
            throw new EngineException.BuildFailure("build of " + image + " failed: "
                    + (written != null ? written.getMessage() : e.getMessage()), null, -1,
                    List.of());
        } catch (IOException e) {
            // closing the context stream: nothing left to release
        }
        IOException written = context.failure();
        if (written != null) {
            throw new EngineException.BuildFailure("build of " + image + " failed: sending the "
                    + "build context failed: " + written.getMessage(), null, -1, List.of());
        }
        output.throwIfFailed(image);
    }

    /** Credentials for the registries the Dockerfile's FROM lines name, and all stored ones. */
    private AuthConfigurations buildCredentials(BuildSpec spec, BuildContext context) {
        AuthConfigurations out = new AuthConfigurations();
        auth.stored().values().forEach(c -> out.addConfig(authConfig(c)));
        for (String registry : fromRegistries(dockerfileText(spec, context), spec.args())) {
            auth.forRegistry(registry).ifPresent(c -> out.addConfig(authConfig(c)));
        }
        return out;
    }

    private static String dockerfileText(BuildSpec spec, BuildContext context) {
        if (spec.inlineDockerfile() != null) {
            return spec.inlineDockerfile();
        }
        Path given = Path.of(spec.dockerfile() == null ? "Dockerfile" : spec.dockerfile());
        Path file = given.isAbsolute() ? given : context.root().resolve(given);
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The registries of the images a Dockerfile starts from (build args substituted). */
    static Set<String> fromRegistries(String dockerfile, Map<String, String> args) {
        Map<String, String> vars = new LinkedHashMap<>();
        Set<String> stages = new HashSet<>();
        Set<String> registries = new LinkedHashSet<>();
        for (String line : dockerfile.split("\r?\n")) {
            Matcher arg = ARG.matcher(line);
            if (arg.find()) {
                String name = arg.group(1);
                vars.put(name, args.getOrDefault(name, arg.group(2) == null ? ""
                        : unquote(arg.group(2))));
                continue;
            }
            Matcher from = FROM.matcher(line);
            if (!from.find()) {
                continue;
            }
            String image = substitute(from.group(1), vars);
            boolean stage = stages.contains(image.toLowerCase());
            if (from.group(2) != null) {
                stages.add(from.group(2).toLowerCase());
            }
            if (stage || image.isEmpty() || image.contains("$")
                    || image.equalsIgnoreCase("scratch")) {
                continue;
            }
            registries.add(ImageRef.parse(image).registry());
        }
        return registries;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"")
                || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String substitute(String text, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            String value = vars.get(name);
            if ((value == null || value.isEmpty()) && m.group(2) != null) {
                value = m.group(2);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? "$" + name : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * The build's output: every line goes to the progress listener; the lines of the current
     * step are kept, so a failure can show what the failing step printed.
     */
    private static final class BuildOutput {
        private final ImageProgress progress;
        private final Deque<String> stepOutput = new ArrayDeque<>();
        private String step;
        private String error;
        private Integer code;
        private String partial = "";

        BuildOutput(ImageProgress progress) {
            this.progress = progress;
        }

        synchronized void accept(BuildResponseItem item) {
            if (item.isErrorIndicated()) {
                if (error == null) {
                    error = item.getErrorDetail() != null
                            && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError();
                    code = item.getErrorDetail() != null ? item.getErrorDetail().getCode() : null;
                }
                return;
            }
            if (item.getStream() != null) {
                String text = partial + item.getStream();
                int end = text.lastIndexOf('\n');
                partial = end < 0 ? text : text.substring(end + 1);
                if (end >= 0) {
                    for (String line : text.substring(0, end).split("\n", -1)) {
                        line(line.stripTrailing());
                    }
                }
            } else if (item.getStatus() != null && (item.getProgressDetail() == null
                    || item.getProgressDetail().getCurrent() == null)) {
                line((item.getId() == null ? "" : item.getId() + ": ") + item.getStatus());
            }
        }

        private void line(String raw) {
            String line = ANSI.matcher(raw).replaceAll("");
            if (line.isBlank()) {
                return;
            }
            progress.update("", line.strip(), -1, -1);
            if (line.startsWith("Step ") && line.contains(" : ")) {
                step = line.strip();
                stepOutput.clear();
                return;
            }
            if (line.startsWith(" ---> ") || line.startsWith("Removing intermediate container")) {
                return;
            }
            stepOutput.addLast(line);
            if (stepOutput.size() > OUTPUT_LINES) {
                stepOutput.removeFirst();
            }
        }

        synchronized void throwIfFailed(String image) {
            if (!partial.isBlank()) {
                line(partial);
                partial = "";
            }
            if (error == null) {
                return;
            }
            String reason = error.strip();
            int exit = code != null && code != 0 ? code : -1;
            Matcher m = NON_ZERO.matcher(reason);
            boolean stepExited = m.find();
            if (stepExited) {
                exit = Integer.parseInt(m.group(1));
            }
            List<String> out = new ArrayList<>(stepOutput);
            StringBuilder msg = new StringBuilder("build of ").append(image).append(" failed");
            if (step != null) {
                msg.append(" at ").append(step);
            }
            if (stepExited) {
                msg.append(" (exit code ").append(exit).append(')');
            } else {
                msg.append(": ").append(reason);
            }
            if (!out.isEmpty()) {
                msg.append("\noutput of the failing step:");
                out.forEach(l -> msg.append("\n    ").append(l));
            }
            throw new EngineException.BuildFailure(msg.toString(), step, exit, out);
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    /**
     * A callback that keeps the stream's error for {@link #await} instead of logging it with a
     * stack trace (docker-java's default), which users would see.
     */
    private abstract static class Quiet<T> extends ResultCallback.Adapter<T> {
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        @Override
        public void onError(Throwable throwable) {
            failure.compareAndSet(null, throwable);
            try {
                close();
            } catch (IOException e) {
                // closing a failed stream
            }
        }
    }

    private static Void await(ResultCallback.Adapter<?> callback, String what) {
        try {
            callback.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while " + what);
        }
        if (callback instanceof Quiet<?> q && q.failure.get() != null) {
            Throwable t = q.failure.get();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            throw new EngineException(t.getMessage() == null ? t.toString() : t.getMessage(), t);
        }
        return null;
    }

    private static long orMinusOne(Long v) {
        return v == null ? -1 : v;
    }
}
