package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.ServiceVolume;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A bind mount the service's {@code kompose.volume.type: configMap} label asks to ship: the
 * file (or the files of the directory, not its subdirectories) in a ConfigMap
 * {@code SERVICE-files-N}, mounted where the bind mount was.
 */
final class MountedFiles {

    private MountedFiles() {
    }

    static void mount(ServiceContext ctx, Draft draft, ServiceVolume v, int index) {
        Path source = Path.of(v.source());
        String name = Names.dnsLabel(ctx.serviceName() + "-files-" + index);
        ConfigMap cm = FileData.configMap(name, ctx.namespace(),
                Labels.service(ctx.projectName(), ctx.serviceName()));
        boolean directory = Files.isDirectory(source);
        List<Path> files = new ArrayList<>();
        if (directory) {
            try (Stream<Path> listing = Files.list(source)) {
                listing.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                ctx.findings().error(ctx.path("volumes", index),
                        ctx.cannotRead(source.toString(), e));
                return;
            }
        } else {
            files.add(source);
        }
        for (Path f : files) {
            try {
                FileData.put(cm, Names.dataKey(f.getFileName().toString()), ctx.files().read(f));
            } catch (IOException e) {
                ctx.findings().error(ctx.path("volumes", index),
                        ctx.cannotRead(f.toString(), e));
                return;
            }
        }
        ctx.objects().add(cm);
        io.fabric8.kubernetes.api.model.Volume vol = new io.fabric8.kubernetes.api.model.Volume();
        vol.setName(name);
        ConfigMapVolumeSource src = new ConfigMapVolumeSource();
        src.setName(name);
        vol.setConfigMap(src);
        draft.addVolume(vol);
        VolumeMount m = new VolumeMount();
        m.setName(name);
        m.setMountPath(v.target());
        m.setReadOnly(true);
        if (!directory) {
            m.setSubPath(Names.dataKey(source.getFileName().toString()));
        }
        draft.mount(m);
    }
}
