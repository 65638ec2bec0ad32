package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.Deploy;
import dev.jcompose.model.DeviceRequest;
import dev.jcompose.model.Service;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code deploy.resources} (and {@code cpus}, {@code mem_limit}, {@code mem_reservation},
 * {@code gpus}) as the container's limits and requests: limits are limits, reservations are
 * requests; GPUs asked for are {@code nvidia.com/gpu} limits.
 */
final class Resources implements Transformer {

    static final String GPU = "nvidia.com/gpu";

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        Service s = ctx.service();
        Map<String, Quantity> limits = new TreeMap<>();
        Map<String, Quantity> requests = new TreeMap<>();
        Deploy.Resources r = s.deploy() == null ? null : s.deploy().resources();
        Deploy.Resource lim = r == null ? null : r.limits();
        Deploy.Resource res = r == null ? null : r.reservations();
        Double cpus = lim != null && lim.cpus() != null ? lim.cpus() : s.cpus();
        if (cpus != null && cpus > 0) {
            limits.put("cpu", new Quantity(Quantities.cpu(cpus)));
        }
        Long memory = lim != null && lim.memory() != null ? lim.memory() : s.memLimit();
        if (memory != null && memory > 0) {
            limits.put("memory", new Quantity(Quantities.bytes(memory)));
        }
        if (res != null && res.cpus() != null && res.cpus() > 0) {
            requests.put("cpu", new Quantity(Quantities.cpu(res.cpus())));
        }
        Long reserved = res != null && res.memory() != null ? res.memory() : s.memReservation();
        if (reserved != null && reserved > 0) {
            requests.put("memory", new Quantity(Quantities.bytes(reserved)));
        }
        if (lim != null && lim.pids() != null) {
            ctx.warn("pids: Kubernetes limits processes per node, not per container",
                    "deploy", "resources", "limits", "pids");
        }
        long gpus = gpus(ctx, res == null ? List.of() : res.devices(), "deploy", "resources",
                "reservations", "devices") + gpus(ctx, s.gpus(), "gpus");
        if (gpus > 0) {
            limits.put(GPU, new Quantity(Long.toString(gpus)));
        }
        if (!limits.isEmpty() || !requests.isEmpty()) {
            ResourceRequirements rr = new ResourceRequirements();
            rr.setLimits(limits.isEmpty() ? null : limits);
            rr.setRequests(requests.isEmpty() ? null : requests);
            draft.container.setResources(rr);
        }
    }

    private static long gpus(ServiceContext ctx, List<DeviceRequest> devices, Object... key) {
        long n = 0;
        for (DeviceRequest d : devices) {
            boolean gpu = d.capabilities() != null && d.capabilities().contains("gpu");
            if (!gpu) {
                ctx.warn("devices other than GPUs have no Kubernetes meaning", key);
            } else if (d.count() == null || d.count() < 0) {
                ctx.warn("count: all: Kubernetes asks for a number of GPUs; 1 is asked for",
                        key);
                n += 1;
            } else {
                n += d.count();
            }
        }
        return n;
    }
}
