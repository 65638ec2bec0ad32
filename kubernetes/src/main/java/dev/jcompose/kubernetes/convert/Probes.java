package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.Healthcheck;
import dev.jcompose.model.load.Durations;
import dev.jcompose.model.load.ShellWords;
import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code healthcheck} as a readiness probe (the pod receives traffic, and its dependents start,
 * once healthy) and a liveness probe (it is restarted when unhealthy), both running the test in
 * the container. Compose's defaults are kept (every 30 s, 30 s to answer, 3 failures); the start
 * period delays the first probe. The {@code kompose.service.healthcheck.readiness.*} and
 * {@code .liveness.*} labels set either probe instead.
 */
final class Probes implements Transformer {

    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final long DEFAULT_RETRIES = 3;

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        Healthcheck hc = ctx.service().healthcheck();
        Probe compose = hc == null || hc.isDisabled() || hc.test() == null || hc.test().isEmpty()
                ? null : fromHealthcheck(hc);
        if (hc != null && hc.startInterval() != null) {
            ctx.warn("start_interval: Kubernetes probes at one interval", "healthcheck",
                    "start_interval");
        }
        draft.container.setReadinessProbe(withLabels(ctx, "readiness", compose));
        draft.container.setLivenessProbe(withLabels(ctx, "liveness", compose));
    }

    private static Probe fromHealthcheck(Healthcheck hc) {
        List<String> test = hc.test();
        List<String> command = switch (test.get(0)) {
            case "CMD" -> test.subList(1, test.size());
            case "CMD-SHELL" -> List.of("sh", "-c", String.join(" ", test.subList(1,
                    test.size())));
            default -> test;
        };
        Probe p = new Probe();
        p.setExec(new ExecAction(new ArrayList<>(command)));
        p.setPeriodSeconds(Quantities.seconds(orElse(hc.interval(), DEFAULT_INTERVAL), 1));
        p.setTimeoutSeconds(Quantities.seconds(orElse(hc.timeout(), DEFAULT_TIMEOUT), 1));
        p.setFailureThreshold((int) Math.max(1, hc.retries() == null ? DEFAULT_RETRIES
                : hc.retries()));
        if (hc.startPeriod() != null && !hc.startPeriod().isZero()) {
            p.setInitialDelaySeconds(Quantities.seconds(hc.startPeriod(), 0));
        }
        return p;
    }

    /** {@code base} (a copy) changed by the probe's kompose labels, or null when disabled. */
    private static Probe withLabels(ServiceContext ctx, String kind, Probe base) {
        String prefix = "service.healthcheck." + kind + ".";
        KomposeLabels k = ctx.kompose();
        if ("true".equalsIgnoreCase(k.get(prefix + "disable"))) {
            return null;
        }
        Probe p = base == null ? null : copy(base);
        String test = k.get(prefix + "test");
        String path = k.get(prefix + "http_get_path");
        String httpPort = k.get(prefix + "http_get_port");
        String tcpPort = k.get(prefix + "tcp_port");
        if (test != null || httpPort != null || tcpPort != null) {
            p = p == null ? defaults() : p;
            p.setExec(null);
            if (test != null) {
                p.setExec(new ExecAction(labelCommand(test)));
            } else if (httpPort != null) {
                HTTPGetAction get = new HTTPGetAction();
                get.setPath(path == null ? "/" : path);
                get.setPort(port(httpPort));
                p.setHttpGet(get);
            } else {
                p.setTcpSocket(new TCPSocketAction(null, port(tcpPort)));
            }
        }
        if (p == null) {
            return null;
        }
        setSeconds(ctx, k, prefix + "interval", p::setPeriodSeconds);
        setSeconds(ctx, k, prefix + "timeout", p::setTimeoutSeconds);
        setSeconds(ctx, k, prefix + "start_period", p::setInitialDelaySeconds);
        String retries = k.get(prefix + "retries");
        if (retries != null && retries.matches("\\d+")) {
            p.setFailureThreshold(Math.max(1, Integer.parseInt(retries)));
        }
        return p;
    }

    private static Probe defaults() {
        Probe p = new Probe();
        p.setPeriodSeconds(Quantities.seconds(DEFAULT_INTERVAL, 1));
        p.setTimeoutSeconds(Quantities.seconds(DEFAULT_TIMEOUT, 1));
        p.setFailureThreshold((int) DEFAULT_RETRIES);
        return p;
    }

    private static Probe copy(Probe p) {
        Probe c = new Probe();
        c.setExec(p.getExec() == null ? null
                : new ExecAction(new ArrayList<>(p.getExec().getCommand())));
        c.setPeriodSeconds(p.getPeriodSeconds());
        c.setTimeoutSeconds(p.getTimeoutSeconds());
        c.setFailureThreshold(p.getFailureThreshold());
        c.setInitialDelaySeconds(p.getInitialDelaySeconds());
        return c;
    }

    /** A label's test: {@code CMD-SHELL cmd}, {@code CMD prog args}, else a shell command. */
    private static List<String> labelCommand(String test) {
        if (test.startsWith("CMD-SHELL ")) {
            return List.of("sh", "-c", test.substring("CMD-SHELL ".length()));
        }
        if (test.startsWith("CMD ")) {
            return ShellWords.split(test.substring("CMD ".length()));
        }
        return List.of("sh", "-c", test);
    }

    private static IntOrString port(String port) {
        return port.matches("\\d+") ? new IntOrString(Integer.parseInt(port))
                : new IntOrString(port);
    }

    private static void setSeconds(ServiceContext ctx, KomposeLabels k, String key,
            java.util.function.IntConsumer setter) {
        String v = k.get(key);
        if (v == null) {
            return;
        }
        try {
            setter.accept(Quantities.seconds(Durations.parse(v), 0));
        } catch (RuntimeException e) {
            ctx.warn("kompose." + key + " " + v + " is not a duration (10s, 1m30s)", "labels",
                    "kompose." + key);
        }
    }

    private static Duration orElse(Duration d, Duration fallback) {
        return d == null || d.isZero() ? fallback : d;
    }
}
