package dev.jcompose.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.EngineEvent;
import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.planner.engine.Subscription;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Container health on Podman, where its Docker-compatible API falls short of Docker's:
 * <ul>
 * <li>its container list leaves the health out of {@code Status}; Podman's own list
 * ({@code /libpod/containers/json}) has it, and {@link #withHealth} takes it from there;</li>
 * <li>Podman runs health checks from systemd timers, so where there is no systemd (containers,
 * CI machines, WSL) they never run, and a dependency waiting for {@code service_healthy} would
 * wait forever. Once jcompose inspects a running container with a health check (as it does
 * while it waits on one), {@link #watch} runs the check itself through Podman's API
 * ({@code /libpod/containers/ID/healthcheck}, which records the result as Podman's own timer
 * would) at the check's interval, for as long as jcompose runs and the container does, and
 * reports each change of health to the command's event subscriptions as the
 * {@code health_status} event Docker sends (Podman 4 sends none).</li>
 * </ul>
 */
final class PodmanHealth implements AutoCloseable {

    private static final String LIBPOD = "/v4.0.0/libpod";
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    /** GETs a path of the engine's API as JSON (null on 404), failing as the engine does. */
    private final BiFunction<String, String, JsonNode> get;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService timer;

    private record Listener(Map<String, String> labels, Consumer<EngineEvent> sink) { }

    private static final class Watched {
        final String id;
        final Map<String, String> attributes;
        final AtomicBoolean running = new AtomicBoolean();
        volatile String status;
        volatile ScheduledFuture<?> next;

        Watched(String id, Map<String, String> attributes, String status) {
            this.id = id;
            this.attributes = attributes;
            this.status = status;
        }
    }

    PodmanHealth(BiFunction<String, String, JsonNode> get) {
        this.get = get;
    }

    /** The containers with the health Podman's own list gives them. */
    List<ContainerSummary> withHealth(List<ContainerSummary> containers,
            Map<String, String> labels, boolean includeStopped) {
        if (containers.isEmpty()) {
            return containers;
        }
        List<String> filters = new ArrayList<>();
        labels.forEach((k, v) -> filters.add(v == null || v.isEmpty() ? k : k + "=" + v));
        String path = LIBPOD + "/containers/json?all=" + includeStopped
                + (filters.isEmpty() ? "" : "&filters=" + URLEncoder.encode(
                        JsonTrees.filters(Map.of("label", filters)), StandardCharsets.UTF_8));
        JsonNode list;
        try {
            list = get.apply(path, "listing containers");
        } catch (EngineException e) {
            // Podman 4 fails a list now and then when a container exits while it lists
            // ("read /proc/PID/cgroup: no such process"): the containers without their health
            return containers;
        }
        Map<String, String> health = new HashMap<>();
        if (list != null) {
            list.forEach(c -> health.put(c.path("Id").asText(), health(c.path("Status").asText())));
        }
        List<ContainerSummary> out = new ArrayList<>();
        for (ContainerSummary c : containers) {
            String h = health.get(c.id());
            out.add(h == null || h.equals(c.health()) ? c : new ContainerSummary(c.id(), c.name(),
                    c.image(), c.imageId(), c.state(), h, c.exitCode(), c.labels(), c.ports(),
                    c.createdEpochSeconds(), c.volumes()));
        }
        return out;
    }

    private static String health(String status) {
        return switch (status) {
            case "healthy", "unhealthy", "starting" -> status;
            default -> null;
        };
    }

    /**
     * Starts running the health check of the inspected container, unless it has none, is not
     * running, or is watched already.
     */
    void watch(JsonNode inspected) {
        String id = inspected.path("Id").asText("");
        JsonNode check = inspected.path("Config").path("Healthcheck");
        JsonNode test = check.path("Test");
        if (id.isEmpty() || watched.containsKey(id)
                || !inspected.path("State").path("Running").asBoolean(false)
                || !test.isArray() || test.isEmpty() || "NONE".equals(test.get(0).asText())) {
            return;
        }
        Duration interval = check.path("Interval").asLong(0) > 0
                ? Duration.ofNanos(check.path("Interval").asLong()) : DEFAULT_INTERVAL;
        Map<String, String> attributes = new LinkedHashMap<>();
        inspected.path("Config").path("Labels").properties()
                .forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        attributes.put("name", inspected.path("Name").asText("").replaceFirst("^/", ""));
        attributes.put("image", inspected.path("Config").path("Image").asText(""));
        Watched w = new Watched(id, attributes,
                inspected.path("State").path("Health").path("Status").asText(null));
        if (watched.putIfAbsent(id, w) != null) {
            return;
        }
        // Docker's first probe comes an interval after the start; so does this one
        Duration first = interval.minus(sinceStart(inspected));
        w.next = timer().scheduleWithFixedDelay(() -> runCheck(w),
                Math.max(0, first.toMillis()), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Duration sinceStart(JsonNode inspected) {
        try {
            Instant started = Instant.parse(inspected.path("State").path("StartedAt").asText());
            Duration since = Duration.between(started, Instant.now());
            return since.isNegative() ? Duration.ZERO : since;
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
    }

    /** Runs the check once (not twice at a time); stops watching once the container cannot. */
    private void runCheck(Watched w) {
        if (!w.running.compareAndSet(false, true)) {
            return;
        }
        // the check may take up to its timeout: off the timer's one thread
        Thread.ofVirtual().name("jcompose-podman-health").start(() -> {
            try {
                JsonNode result = get.apply(LIBPOD + "/containers/" + w.id + "/healthcheck",
                        "running the health check of " + w.id);
                if (result == null) {
                    unwatch(w);
                    return;
                }
                String status = result.path("Status").asText(null);
                if (status != null && !status.equals(w.status)) {
                    w.status = status;
                    publish(new EngineEvent("container", "health_status: " + status, w.id,
                            w.attributes, System.currentTimeMillis() * 1_000_000L));
                }
            } catch (EngineException e) {
                // stopped, removed, or its check gone: nothing to run any more
                unwatch(w);
            } finally {
                w.running.set(false);
            }
        });
    }

    private void unwatch(Watched w) {
        watched.remove(w.id, w);
        ScheduledFuture<?> next = w.next;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void publish(EngineEvent event) {
        for (Listener l : listeners) {
            boolean matches = l.labels().entrySet().stream().allMatch(e ->
                    e.getValue() == null || e.getValue().isEmpty()
                            ? event.attributes().containsKey(e.getKey())
                            : e.getValue().equals(event.attribute(e.getKey())));
            if (matches) {
                l.sink().accept(event);
            }
        }
    }

    /**
     * {@code stream} (the engine's events of containers carrying all of {@code labels}), with the
     * health changes found by the checks run here sent to {@code sink} too, until it is closed.
     */
    Subscription alongside(Subscription stream, Map<String, String> labels,
            Consumer<EngineEvent> sink) {
        Listener l = new Listener(new HashMap<>(labels), sink);
        listeners.add(l);
        return Subscription.closing(stream, () -> listeners.remove(l));
    }

    private ScheduledExecutorService timer() {
        ScheduledExecutorService t = timer;
        if (t == null) {
            synchronized (this) {
                t = timer;
                if (t == null) {
                    t = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread thread = new Thread(r, "jcompose-podman-health-timer");
                        thread.setDaemon(true);
                        return thread;
                    });
                    timer = t;
                }
            }
        }
        return t;
    }

    @Override
    public void close() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
        }
        watched.clear();
    }
}
