package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.PortConfig;
import dev.jcompose.model.Service;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service's ports, and the Services that reach them.
 *
 * <ul>
 *   <li>Every service gets a headless Service of its own name (type ClusterIP, no cluster IP):
 *       its name resolves to the service's ready pods, any port reachable, as a compose
 *       service's name resolves to its containers. It lists the {@code ports} and
 *       {@code expose} targets.
 *   <li>Published ports get a Service {@code NAME-published}, of type LoadBalancer (as compose
 *       bridge makes them), or NodePort or ClusterIP by the {@code kompose.service.type} label;
 *       its ports are the published ones, forwarded to the targets.
 *   <li>A port in {@code mode: host} is a host port of the pod.
 * </ul>
 */
final class ServicePorts implements Transformer {

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        Service s = ctx.service();
        Map<String, ContainerPort> containerPorts = new TreeMap<>();
        List<ServicePort> published = new ArrayList<>();
        for (int i = 0; i < s.ports().size(); i++) {
            PortConfig p = s.ports().get(i);
            if (p.target() == null) {
                continue;
            }
            String protocol = protocol(ctx, p.protocol(), "ports", i);
            ContainerPort cp = containerPorts.computeIfAbsent(key(p.target(), protocol),
                    k -> new ContainerPort(p.target(), null, null, null, protocol));
            if (p.hostIp() != null && !p.hostIp().isEmpty() && !p.hostIp().equals("0.0.0.0")) {
                ctx.warn("host_ip " + p.hostIp() + ": a Kubernetes Service listens on every "
                        + "node address", "ports", i);
            }
            Integer port = publishedPort(ctx, p, i);
            if (port == null) {
                continue;
            }
            if ("host".equals(p.mode())) {
                cp.setHostPort(port);
                continue;
            }
            ServicePort sp = new ServicePort(p.appProtocol(), portName(port, protocol), null,
                    port, protocol, new IntOrString(p.target()));
            published.add(sp);
        }
        for (int i = 0; i < s.expose().size(); i++) {
            String e = s.expose().get(i);
            String[] parts = e.split("/", 2);
            String protocol = protocol(ctx, parts.length > 1 ? parts[1] : "tcp", "expose", i);
            for (int port : range(ctx, parts[0], i)) {
                containerPorts.putIfAbsent(key(port, protocol),
                        new ContainerPort(port, null, null, null, protocol));
            }
        }
        List<ContainerPort> ports = sorted(containerPorts);
        draft.container.setPorts(ports.isEmpty() ? null : ports);
        ctx.objects().add(headless(ctx, ports));
        if (!published.isEmpty()) {
            io.fabric8.kubernetes.api.model.Service svc = publishedService(ctx, published);
            if (svc != null) {
                ctx.objects().add(svc);
            }
        }
        String name = Names.serviceName(s.name());
        if (!name.equals(s.name())) {
            ctx.warn("a Service is named as a DNS label: other pods reach this service as "
                    + name + ", not " + s.name());
        }
    }

    private static io.fabric8.kubernetes.api.model.Service headless(ServiceContext ctx,
            List<ContainerPort> ports) {
        ServiceSpec spec = new ServiceSpec();
        spec.setClusterIP("None");
        spec.setSelector(Labels.selector(ctx.projectName(), ctx.serviceName()));
        List<ServicePort> servicePorts = ports.stream().map(cp -> new ServicePort(null,
                portName(cp.getContainerPort(), cp.getProtocol()), null, cp.getContainerPort(),
                cp.getProtocol(), new IntOrString(cp.getContainerPort()))).toList();
        spec.setPorts(servicePorts.isEmpty() ? null : servicePorts);
        return service(ctx, Names.serviceName(ctx.serviceName()), spec);
    }

    private static io.fabric8.kubernetes.api.model.Service publishedService(ServiceContext ctx,
            List<ServicePort> ports) {
        String label = ctx.kompose().get("service.type");
        String type = label == null ? "LoadBalancer" : switch (label.toLowerCase(Locale.ROOT)) {
            case "nodeport" -> "NodePort";
            case "clusterip" -> "ClusterIP";
            case "loadbalancer" -> "LoadBalancer";
            case "headless" -> null;
            default -> {
                ctx.warn("kompose.service.type " + label + " is not clusterip, nodeport, "
                        + "loadbalancer or headless: LoadBalancer is used", "labels",
                        "kompose.service.type");
                yield "LoadBalancer";
            }
        };
        if (type == null) {
            return null;
        }
        ServiceSpec spec = new ServiceSpec();
        spec.setType(type);
        spec.setSelector(Labels.selector(ctx.projectName(), ctx.serviceName()));
        String nodePort = ctx.kompose().get("service.nodeport.port");
        if (nodePort != null) {
            if (type.equals("NodePort") && ports.size() == 1 && nodePort.matches("\\d{1,5}")) {
                ports.get(0).setNodePort(Integer.parseInt(nodePort));
            } else {
                ctx.warn("kompose.service.nodeport.port applies to a NodePort Service with one "
                        + "port: not used", "labels", "kompose.service.nodeport.port");
            }
        }
        String policy = ctx.kompose().get("service.external-traffic-policy");
        if (policy != null && !type.equals("ClusterIP")) {
            spec.setExternalTrafficPolicy(policy.equalsIgnoreCase("local") ? "Local"
                    : "Cluster");
        }
        List<ServicePort> sorted = new ArrayList<>(ports);
        sorted.sort(java.util.Comparator.comparing(ServicePort::getPort)
                .thenComparing(ServicePort::getProtocol));
        spec.setPorts(sorted);
        return service(ctx, Names.serviceName(ctx.serviceName() + "-published"), spec);
    }

    private static io.fabric8.kubernetes.api.model.Service service(ServiceContext ctx,
            String name, ServiceSpec spec) {
        io.fabric8.kubernetes.api.model.Service svc = new io.fabric8.kubernetes.api.model.Service();
        svc.setApiVersion("v1");
        svc.setKind("Service");
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setNamespace(ctx.namespace());
        meta.setLabels(Labels.service(ctx.projectName(), ctx.serviceName()));
        svc.setMetadata(meta);
        svc.setSpec(spec);
        return svc;
    }

    private static Integer publishedPort(ServiceContext ctx, PortConfig p, int index) {
        String published = p.published();
        if (published == null || published.isEmpty()) {
            return null;
        }
        String first = published.split("-", 2)[0];
        if (!first.matches("\\d{1,5}") || Integer.parseInt(first) == 0) {
            return null;
        }
        if (published.contains("-")) {
            ctx.warn("published range " + published + ": a Service forwards one port to one "
                    + "target; " + first + " is used", "ports", index);
        }
        return Integer.parseInt(first);
    }

    private static List<Integer> range(ServiceContext ctx, String spec, int index) {
        String[] bounds = spec.split("-", 2);
        try {
            int from = Integer.parseInt(bounds[0].strip());
            int to = bounds.length > 1 ? Integer.parseInt(bounds[1].strip()) : from;
            if (to - from > 100) {
                ctx.warn("expose " + spec + ": ranges of more than 100 ports are not listed",
                        "expose", index);
                return List.of();
            }
            List<Integer> out = new ArrayList<>();
            for (int p = from; p <= to; p++) {
                out.add(p);
            }
            return out;
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    private static String protocol(ServiceContext ctx, String protocol, Object key, int index) {
        String p = protocol == null ? "TCP" : protocol.toUpperCase(Locale.ROOT);
        if (!p.equals("TCP") && !p.equals("UDP") && !p.equals("SCTP")) {
            ctx.warn("protocol " + protocol + " is not tcp, udp or sctp: tcp is used", key,
                    index);
            return "TCP";
        }
        return p;
    }

    /** A port's name: its protocol and number ({@code tcp-8080}), unique in a Service. */
    private static String portName(int port, String protocol) {
        return protocol.toLowerCase(Locale.ROOT) + "-" + port;
    }

    private static String key(int port, String protocol) {
        return String.format("%05d/%s", port, protocol);
    }

    private static List<ContainerPort> sorted(Map<String, ContainerPort> ports) {
        return List.copyOf(ports.values());
    }
}
