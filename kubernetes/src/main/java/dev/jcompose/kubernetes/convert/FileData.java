package dev.jcompose.kubernetes.convert;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** ConfigMaps and Secrets holding file contents, text as text and the rest as base64. */
final class FileData {

    private FileData() {
    }

    static ConfigMap configMap(String name, String namespace, Map<String, String> labels) {
        ConfigMap cm = new ConfigMap();
        cm.setApiVersion("v1");
        cm.setKind("ConfigMap");
        cm.setMetadata(meta(name, namespace, labels));
        return cm;
    }

    static Secret secret(String name, String namespace, Map<String, String> labels) {
        Secret s = new Secret();
        s.setApiVersion("v1");
        s.setKind("Secret");
        s.setType("Opaque");
        s.setMetadata(meta(name, namespace, labels));
        return s;
    }

    /** Puts {@code bytes} under {@code key}: as text when they are UTF-8, else as binary. */
    static void put(ConfigMap cm, String key, byte[] bytes) {
        String text = utf8(bytes);
        if (text != null) {
            if (cm.getData() == null) {
                cm.setData(new TreeMap<>());
            }
            cm.getData().put(key, text);
        } else {
            if (cm.getBinaryData() == null) {
                cm.setBinaryData(new TreeMap<>());
            }
            cm.getBinaryData().put(key, Base64.getEncoder().encodeToString(bytes));
        }
    }

    static void put(Secret s, String key, byte[] bytes) {
        if (s.getData() == null) {
            s.setData(new TreeMap<>());
        }
        s.getData().put(key, Base64.getEncoder().encodeToString(bytes));
    }

    private static ObjectMeta meta(String name, String namespace, Map<String, String> labels) {
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setNamespace(namespace);
        meta.setLabels(labels);
        return meta;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
