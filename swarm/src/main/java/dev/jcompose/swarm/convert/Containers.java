package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.ContainerDNSConfig;
import com.github.dockerjava.api.model.ContainerSpec;
import dev.jcompose.model.Service;
import dev.jcompose.model.Ulimit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container part of a service's task: image, command, environment, labels, user, hosts,
 * DNS, capabilities, sysctls, ulimits and the other process settings swarm passes to each
 * node's engine. Mounts, secrets, configs and the healthcheck come from their own converters.
 */
public final class Containers {

    private Containers() {
    }

    public static ContainerSpec of(Namespace ns, Service s) {
        ContainerSpec c = new ContainerSpec()
                .withImage(s.image())
                .withCommand(s.entrypoint())
                .withArgs(s.command())
                .withHostname(s.hostname())
                .withHosts(hosts(s.extraHosts()))
                .withDnsConfig(dns(s))
                .withEnv(environment(s.environment()))
                .withLabels(ns.labelled(s.labels()))
                .withDir(s.workingDir())
                .withUser(s.user())
                .withStopGracePeriod(Nanos.of(s.stopGracePeriod()))
                .withStopSignal(s.stopSignal())
                .withTty(s.tty())
                .withOpenStdin(s.stdinOpen())
                .withReadOnly(s.readOnly())
                .withInit(s.init());
        Raw.put(c, "Groups", s.groupAdd());
        Raw.put(c, "Isolation", s.isolation());
        Raw.put(c, "Sysctls", s.sysctls());
        Raw.put(c, "CapabilityAdd", s.capAdd());
        Raw.put(c, "CapabilityDrop", s.capDrop());
        return Raw.put(c, "Ulimits", ulimits(s.ulimits()));
    }

    /** {@code environment}, sorted, {@code KEY=value} (a bare {@code KEY} when unset). */
    static List<String> environment(Map<String, String> env) {
        if (env.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        new TreeMap<>(env).forEach((k, v) -> out.add(v == null ? k : k + "=" + v));
        return out;
    }

    /** {@code extra_hosts} ({@code host=ip}) in swarm's form, {@code ip host}, in order. */
    static List<String> hosts(List<String> extraHosts) {
        if (extraHosts.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String h : extraHosts) {
            int eq = h.indexOf('=');
            if (eq > 0) {
                out.add(h.substring(eq + 1) + " " + h.substring(0, eq));
            }
        }
        return out;
    }

    private static ContainerDNSConfig dns(Service s) {
        if (s.dns().isEmpty() && s.dnsSearch().isEmpty() && s.dnsOpt().isEmpty()) {
            return null;
        }
        return new ContainerDNSConfig()
                .withNameservers(s.dns().isEmpty() ? null : s.dns())
                .withSearch(s.dnsSearch().isEmpty() ? null : s.dnsSearch())
                .withOptions(s.dnsOpt().isEmpty() ? null : s.dnsOpt());
    }

    private static List<Map<String, Object>> ulimits(Map<String, Ulimit> ulimits) {
        List<Map<String, Object>> out = new ArrayList<>();
        new TreeMap<>(ulimits).forEach((name, u) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Name", name);
            m.put("Soft", u.softLimit());
            m.put("Hard", u.hardLimit());
            out.add(m);
        });
        return out;
    }
}
