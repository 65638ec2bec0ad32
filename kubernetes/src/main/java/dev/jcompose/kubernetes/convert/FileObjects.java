package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.FileObject;
import dev.jcompose.model.FileReference;
import dev.jcompose.model.tree.YamlPath;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code secrets} and {@code configs}: each declared one a Secret or ConfigMap (an external one
 * must exist under its name), mounted where compose puts it: a secret at
 * {@code /run/secrets/NAME} (or its {@code target}), a config at {@code /NAME} (or its
 * {@code target}), with its {@code mode}. The content comes from the {@code file}, the
 * {@code environment} variable or the {@code content} given.
 */
final class FileObjects implements Transformer {

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        List<FileReference> secrets = ctx.service().secrets();
        for (int i = 0; i < secrets.size(); i++) {
            reference(ctx, draft, secrets.get(i), true, i);
        }
        List<FileReference> configs = ctx.service().configs();
        for (int i = 0; i < configs.size(); i++) {
            reference(ctx, draft, configs.get(i), false, i);
        }
    }

    private static void reference(ServiceContext ctx, Draft draft, FileReference ref,
            boolean secret, int index) {
        String section = secret ? "secrets" : "configs";
        Map<String, FileObject> declared = secret ? ctx.project().secrets()
                : ctx.project().configs();
        FileObject def = declared.get(ref.source());
        if (def == null) {
            return;
        }
        if (ref.uid() != null || ref.gid() != null) {
            ctx.warn("uid and gid: Kubernetes mounts the files as root (the pod's fsGroup sets "
                    + "their group)", section, index);
        }
        String objectName = def.isExternal()
                ? Names.dnsLabel(def.name() != null ? def.name() : ref.source())
                : Names.dnsLabel(ref.source());
        String key = Names.dataKey(ref.source());
        if (!def.isExternal()) {
            byte[] content = content(ctx, def, section, ref.source());
            if (content == null) {
                return;
            }
            Map<String, String> labels = Labels.project(ctx.projectName());
            if (secret) {
                Secret s = FileData.secret(objectName, ctx.namespace(), labels);
                FileData.put(s, key, content);
                ctx.objects().add(s);
            } else {
                ConfigMap cm = FileData.configMap(objectName, ctx.namespace(), labels);
                FileData.put(cm, key, content);
                ctx.objects().add(cm);
            }
        }
        String volumeName = Names.dnsLabel((secret ? "secret-" : "config-") + ref.source());
        KeyToPath item = new KeyToPath();
        item.setKey(key);
        item.setPath(key);
        item.setMode(ref.mode());
        io.fabric8.kubernetes.api.model.Volume vol = new io.fabric8.kubernetes.api.model.Volume();
        vol.setName(volumeName);
        if (secret) {
            SecretVolumeSource src = new SecretVolumeSource();
            src.setSecretName(objectName);
            src.setItems(List.of(item));
            vol.setSecret(src);
        } else {
            ConfigMapVolumeSource src = new ConfigMapVolumeSource();
            src.setName(objectName);
            src.setItems(List.of(item));
            vol.setConfigMap(src);
        }
        draft.addVolume(vol);
        VolumeMount m = new VolumeMount();
        m.setName(volumeName);
        m.setMountPath(target(ref, secret));
        m.setSubPath(key);
        m.setReadOnly(true);
        draft.mount(m);
    }

    private static String target(FileReference ref, boolean secret) {
        String t = ref.target() == null || ref.target().isEmpty() ? ref.source() : ref.target();
        if (t.startsWith("/")) {
            return t;
        }
        return (secret ? "/run/secrets/" : "/") + t;
    }

    private static byte[] content(ServiceContext ctx, FileObject def, String section,
            String name) {
        YamlPath at = YamlPath.of(section, name);
        if (def.content() != null) {
            return def.content().getBytes(StandardCharsets.UTF_8);
        }
        if (def.environment() != null) {
            String value = ctx.project().environment().get(def.environment());
            if (value == null) {
                ctx.findings().error(at, "environment variable " + def.environment()
                        + " is not set: it gives this " + section.substring(0,
                                section.length() - 1) + "'s content");
                return null;
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }
        if (def.file() != null) {
            try {
                return ctx.files().read(Path.of(def.file()));
            } catch (IOException e) {
                ctx.findings().error(at, ctx.cannotRead(def.file(), e));
                return null;
            }
        }
        if (def.driver() != null || def.templateDriver() != null) {
            ctx.findings().warn(at, "driver and template_driver have no Kubernetes meaning: "
                    + "an empty object is made");
        }
        return new byte[0];
    }
}
