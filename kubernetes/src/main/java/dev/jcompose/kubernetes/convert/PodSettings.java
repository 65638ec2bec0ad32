package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.Service;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodDNSConfigOption;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What compose sets on the container and Kubernetes on the pod: host name, extra hosts, DNS,
 * sysctls, supplementary groups, the host's network, PID and IPC namespaces, the platform,
 * the runtime and the grace period.
 */
final class PodSettings implements Transformer {

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        Service s = ctx.service();
        if (s.hostname() != null) {
            if (s.hostname().equals(Names.dnsLabel(s.hostname()))) {
                draft.pod.setHostname(s.hostname());
            } else {
                ctx.warn("hostname " + s.hostname() + " is not a DNS label, as a pod's host "
                        + "name must be: the pod's name is used", "hostname");
            }
        }
        if (s.stopGracePeriod() != null) {
            draft.pod.setTerminationGracePeriodSeconds(
                    (long) Quantities.seconds(s.stopGracePeriod(), 0));
        }
        draft.pod.setHostAliases(hostAliases(ctx));
        draft.pod.setDnsConfig(dns(s));
        security(ctx, draft);
        namespaces(ctx, draft);
        if (s.platform() != null) {
            String[] parts = s.platform().split("/");
            Map<String, String> selector = new TreeMap<>();
            selector.put("kubernetes.io/os", parts[0]);
            if (parts.length > 1) {
                selector.put("kubernetes.io/arch", parts[1]);
            }
            draft.pod.setNodeSelector(selector);
        }
        if (s.runtime() != null) {
            draft.pod.setRuntimeClassName(s.runtime());
        }
    }

    private static List<HostAlias> hostAliases(ServiceContext ctx) {
        Map<String, List<String>> byIp = new TreeMap<>();
        List<String> hosts = ctx.service().extraHosts();
        for (int i = 0; i < hosts.size(); i++) {
            String entry = hosts.get(i);
            int sep = entry.indexOf('=') >= 0 ? entry.indexOf('=') : entry.indexOf(':');
            if (sep < 0) {
                continue;
            }
            String ip = entry.substring(sep + 1).replaceAll("^\\[|\\]$", "");
            if (ip.equals("host-gateway")) {
                ctx.warn("extra_hosts " + entry + ": Kubernetes has no host gateway address",
                        "extra_hosts", i);
                continue;
            }
            byIp.computeIfAbsent(ip, k -> new ArrayList<>()).add(entry.substring(0, sep));
        }
        if (byIp.isEmpty()) {
            return null;
        }
        List<HostAlias> out = new ArrayList<>();
        byIp.forEach((ip, names) -> out.add(new HostAlias(names, ip)));
        return out;
    }

    private static PodDNSConfig dns(Service s) {
        if (s.dns().isEmpty() && s.dnsSearch().isEmpty() && s.dnsOpt().isEmpty()) {
            return null;
        }
        List<PodDNSConfigOption> options = s.dnsOpt().stream().map(o -> {
            int colon = o.indexOf(':');
            return colon < 0 ? new PodDNSConfigOption(o, null)
                    : new PodDNSConfigOption(o.substring(0, colon), o.substring(colon + 1));
        }).toList();
        return new PodDNSConfig(s.dns().isEmpty() ? null : s.dns(),
                options.isEmpty() ? null : options,
                s.dnsSearch().isEmpty() ? null : s.dnsSearch());
    }

    private static void security(ServiceContext ctx, Draft draft) {
        Service s = ctx.service();
        PodSecurityContext psc = new PodSecurityContext();
        boolean any = false;
        if (!s.sysctls().isEmpty()) {
            List<Sysctl> sysctls = new ArrayList<>();
            new TreeMap<>(s.sysctls()).forEach((k, v) -> sysctls.add(new Sysctl(k, v)));
            psc.setSysctls(sysctls);
            any = true;
        }
        List<Long> groups = new ArrayList<>();
        for (int i = 0; i < s.groupAdd().size(); i++) {
            String g = s.groupAdd().get(i);
            if (g.matches("\\d+")) {
                groups.add(Long.parseLong(g));
            } else {
                ctx.warn("group_add " + g + ": Kubernetes takes numeric group ids only",
                        "group_add", i);
            }
        }
        if (!groups.isEmpty()) {
            psc.setSupplementalGroups(groups);
            any = true;
        }
        if (any) {
            draft.pod.setSecurityContext(psc);
        }
    }

    private static void namespaces(ServiceContext ctx, Draft draft) {
        Service s = ctx.service();
        if (s.networkMode() != null) {
            if (s.networkMode().equals("host")) {
                draft.pod.setHostNetwork(true);
            } else if (!s.networkMode().equals("bridge")
                    && !s.networkMode().equals("default")) {
                ctx.warn("network_mode " + s.networkMode() + " has no Kubernetes meaning: the "
                        + "pod has a network of its own, shared by its containers only",
                        "network_mode");
            }
        }
        if ("host".equals(s.pid())) {
            draft.pod.setHostPID(true);
        } else if (s.pid() != null) {
            ctx.warn("pid " + s.pid() + " has no Kubernetes meaning", "pid");
        }
        if ("host".equals(s.ipc())) {
            draft.pod.setHostIPC(true);
        } else if (s.ipc() != null && !s.ipc().equals("private")
                && !s.ipc().equals("shareable")) {
            ctx.warn("ipc " + s.ipc() + " has no Kubernetes meaning", "ipc");
        }
    }
}
