package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.Volume;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeResourceRequirements;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code volumes}, {@code tmpfs} and {@code shm_size}. A named volume is a
 * PersistentVolumeClaim (sized by {@code kompose.volume.size}, of the class
 * {@code kompose.volume.storage-class-name}), or a claim template in a StatefulSet; an external
 * one is a claim that must exist. An anonymous volume is an empty directory, tmpfs one in
 * memory. A bind mount of a host path has no Kubernetes meaning and is left out with a warning,
 * unless {@code kompose.volume.type} says {@code hostPath} (the node's path) or
 * {@code configMap} (the files, in a ConfigMap: see {@link MountedFiles}).
 */
final class Volumes implements Transformer {

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        Service s = ctx.service();
        String volumeType = ctx.kompose().get("volume.type");
        for (int i = 0; i < s.volumes().size(); i++) {
            ServiceVolume v = s.volumes().get(i);
            String type = v.type() == null ? ServiceVolume.VOLUME : v.type();
            switch (type) {
                case ServiceVolume.VOLUME -> volume(ctx, draft, v, i, volumeType);
                case ServiceVolume.BIND -> bind(ctx, draft, v, i, volumeType);
                case ServiceVolume.TMPFS -> memory(draft, "tmpfs-" + i, v.target(),
                        v.tmpfs() == null ? null : v.tmpfs().size());
                default -> ctx.warn("a volume of type " + type + " has no Kubernetes meaning: "
                        + "left out", "volumes", i);
            }
        }
        for (int i = 0; i < s.tmpfs().size(); i++) {
            String[] parts = s.tmpfs().get(i).split(":", 2);
            memory(draft, "tmpfs-" + (s.volumes().size() + i), parts[0], tmpfsSize(parts));
        }
        if (s.shmSize() != null && s.shmSize() > 0) {
            memory(draft, "shm", "/dev/shm", s.shmSize());
        }
        if (!s.volumesFrom().isEmpty()) {
            ctx.warn("volumes_from: pods do not share volumes; mount the same claims instead",
                    "volumes_from");
        }
    }

    private static void volume(ServiceContext ctx, Draft draft, ServiceVolume v, int index,
            String volumeType) {
        if (v.source() == null || v.source().isEmpty()) {
            draft.addVolume(emptyDir("anon-" + index, null, null));
            draft.mount(mount("anon-" + index, v));
            return;
        }
        if (v.volume() != null && Boolean.TRUE.equals(v.volume().nocopy())) {
            ctx.warn("nocopy: a claim starts empty on Kubernetes; the image's files are never "
                    + "copied into it", "volumes", index);
        }
        String name = Names.dnsLabel(v.source());
        if ("emptyDir".equalsIgnoreCase(volumeType)) {
            draft.addVolume(emptyDir(name, null, null));
            draft.mount(mount(name, v));
            return;
        }
        Volume declared = ctx.project().volumes().get(v.source());
        if (draft.kind == Draft.Kind.STATEFUL_SET && (declared == null || !declared.isExternal())) {
            if (draft.claimTemplates.stream().noneMatch(c -> c.getMetadata().getName()
                    .equals(name))) {
                draft.claimTemplates.add(claim(ctx, name, declared, v.source(), null));
            }
            draft.mount(mount(name, v));
            return;
        }
        String claimName = name;
        if (declared != null && declared.isExternal()) {
            claimName = Names.dnsLabel(declared.name() != null ? declared.name() : v.source());
        } else {
            ctx.objects().add(claim(ctx, name, declared, v.source(), ctx.namespace()));
        }
        io.fabric8.kubernetes.api.model.Volume vol = new io.fabric8.kubernetes.api.model.Volume();
        vol.setName(name);
        vol.setPersistentVolumeClaim(new PersistentVolumeClaimVolumeSource(claimName,
                v.isReadOnly() ? true : null));
        draft.addVolume(vol);
        draft.mount(mount(name, v));
    }

    private static void bind(ServiceContext ctx, Draft draft, ServiceVolume v, int index,
            String volumeType) {
        String type = volumeType == null ? "" : volumeType.toLowerCase(Locale.ROOT);
        if (type.equals("hostpath")) {
            String name = "host-" + index;
            io.fabric8.kubernetes.api.model.Volume vol =
                    new io.fabric8.kubernetes.api.model.Volume();
            vol.setName(name);
            vol.setHostPath(new HostPathVolumeSource(v.source(), null));
            draft.addVolume(vol);
            draft.mount(mount(name, v));
        } else if (type.equals("configmap")) {
            MountedFiles.mount(ctx, draft, v, index);
        } else {
            ctx.warn("bind mount of " + ctx.display(v.source()) + ": a host path has no Kubernetes meaning "
                    + "(pods run on any node); left out. Label the service "
                    + "kompose.volume.type: configMap to ship the files in a ConfigMap, or "
                    + "hostPath to mount the node's path", "volumes", index);
        }
    }

    private static PersistentVolumeClaim claim(ServiceContext ctx, String name, Volume declared,
            String source, String namespace) {
        PersistentVolumeClaim pvc = new PersistentVolumeClaim();
        pvc.setApiVersion("v1");
        pvc.setKind("PersistentVolumeClaim");
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setNamespace(namespace);
        Map<String, String> labels = Labels.project(ctx.projectName());
        Map<String, String> annotations = new TreeMap<>();
        if (declared != null) {
            MetadataLabels.split(declared.labels(), labels, annotations);
            if (declared.driver() != null || !declared.driverOpts().isEmpty()) {
                ctx.findings().warn(dev.jcompose.model.tree.YamlPath.of("volumes", source),
                        "driver and driver_opts have no Kubernetes meaning: the claim's "
                        + "storage class provides the volume");
            }
        }
        meta.setLabels(labels);
        meta.setAnnotations(annotations.isEmpty() ? null : annotations);
        pvc.setMetadata(meta);
        PersistentVolumeClaimSpec spec = new PersistentVolumeClaimSpec();
        spec.setAccessModes(List.of("ReadWriteOnce"));
        String size = ctx.kompose().get("volume.size");
        spec.setResources(new VolumeResourceRequirements(null, Map.of("storage",
                new Quantity(size != null ? size : ctx.options().volumeSize()))));
        spec.setStorageClassName(ctx.kompose().get("volume.storage-class-name"));
        pvc.setSpec(spec);
        return pvc;
    }

    private static void memory(Draft draft, String name, String target, Long size) {
        draft.addVolume(emptyDir(name, "Memory", size));
        VolumeMount m = new VolumeMount();
        m.setName(name);
        m.setMountPath(target);
        draft.mount(m);
    }

    private static io.fabric8.kubernetes.api.model.Volume emptyDir(String name, String medium,
            Long size) {
        io.fabric8.kubernetes.api.model.Volume vol = new io.fabric8.kubernetes.api.model.Volume();
        vol.setName(name);
        EmptyDirVolumeSource dir = new EmptyDirVolumeSource();
        dir.setMedium(medium);
        dir.setSizeLimit(size == null ? null : new Quantity(Quantities.bytes(size)));
        vol.setEmptyDir(dir);
        return vol;
    }

    private static VolumeMount mount(String name, ServiceVolume v) {
        VolumeMount m = new VolumeMount();
        m.setName(name);
        m.setMountPath(v.target());
        if (v.isReadOnly()) {
            m.setReadOnly(true);
        }
        if (v.volume() != null && v.volume().subpath() != null) {
            m.setSubPath(v.volume().subpath());
        }
        return m;
    }

    private static Long tmpfsSize(String[] parts) {
        if (parts.length < 2) {
            return null;
        }
        for (String opt : parts[1].split(",")) {
            if (opt.startsWith("size=")) {
                try {
                    return dev.jcompose.model.load.ByteSizes.parse(opt.substring(5));
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
