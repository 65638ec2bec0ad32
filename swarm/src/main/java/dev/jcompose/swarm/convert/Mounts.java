package dev.jcompose.swarm.convert;

import com.github.dockerjava.api.model.BindOptions;
import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.Driver;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.VolumeOptions;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code volumes} and {@code tmpfs}: named volumes (created by each node's engine when a task
 * first needs them, with the stack's label and the volume's driver), anonymous volumes, bind
 * mounts of a path that must exist on the node, and tmpfs mounts.
 */
public final class Mounts {

    /** The mount types a swarm service can have. */
    public static final Set<String> TYPES =
            Set.of(ServiceVolume.VOLUME, ServiceVolume.BIND, ServiceVolume.TMPFS);

    private Mounts() {
    }

    public static List<Mount> of(Namespace ns, Service s, Map<String, Volume> volumes) {
        List<Mount> out = new ArrayList<>();
        for (ServiceVolume v : s.volumes()) {
            out.add(mount(ns, v, volumes));
        }
        for (String t : s.tmpfs()) {
            out.add(new Mount().withType(MountType.TMPFS)
                    .withTarget(t.contains(":") ? t.substring(0, t.indexOf(':')) : t));
        }
        return out;
    }

    private static Mount mount(Namespace ns, ServiceVolume v, Map<String, Volume> volumes) {
        Mount m = new Mount().withTarget(v.target()).withReadOnly(v.isReadOnly() ? true : null);
        switch (v.type()) {
            case ServiceVolume.BIND -> {
                m.withType(MountType.BIND).withSource(v.source());
                if (v.bind() != null && v.bind().propagation() != null) {
                    m.withBindOptions(new BindOptions().withPropagation(propagation(
                            v.bind().propagation())));
                }
            }
            case ServiceVolume.TMPFS -> {
                m.withType(MountType.TMPFS);
                if (v.tmpfs() != null && (v.tmpfs().size() != null || v.tmpfs().mode() != null)) {
                    m.withTmpfsOptions(new TmpfsOptions().withSizeBytes(v.tmpfs().size())
                            .withMode(v.tmpfs().mode()));
                }
            }
            case ServiceVolume.VOLUME -> volume(ns, v, volumes, m.withType(MountType.VOLUME));
            default -> throw new IllegalArgumentException("not a swarm mount type: " + v.type());
        }
        return m;
    }

    private static void volume(Namespace ns, ServiceVolume v, Map<String, Volume> volumes,
            Mount m) {
        boolean nocopy = v.volume() != null && Boolean.TRUE.equals(v.volume().nocopy());
        if (v.source() == null || v.source().isEmpty()) {
            if (nocopy) {
                m.withVolumeOptions(new VolumeOptions().withNoCopy(true));
            }
            return;
        }
        Volume top = volumes.get(v.source());
        if (top == null) {
            throw new IllegalArgumentException("undefined volume " + v.source());
        }
        m.withSource(top.name());
        VolumeOptions options = new VolumeOptions().withNoCopy(nocopy ? true : null);
        if (!top.isExternal()) {
            options.withLabels(ns.labelled(top.labels()));
            if (top.driver() != null || !top.driverOpts().isEmpty()) {
                options.withDriverConfig(new Driver().withName(top.driver())
                        .withOptions(top.driverOpts().isEmpty() ? null : top.driverOpts()));
            }
        }
        if (options.getNoCopy() != null || options.getLabels() != null) {
            m.withVolumeOptions(options);
        }
    }

    /** {@code rprivate} is {@code R_PRIVATE}, {@code shared} {@code SHARED}. */
    private static BindPropagation propagation(String p) {
        String name = p.toUpperCase(Locale.ROOT);
        return BindPropagation.valueOf(name.startsWith("R") ? "R_" + name.substring(1) : name);
    }
}
