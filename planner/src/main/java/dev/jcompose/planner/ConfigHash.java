package dev.jcompose.planner;

import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Service;
import dev.jcompose.model.load.ModelPrinter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The hash of a service's configuration, stored on its containers: when it changes, the
 * container is recreated. Fields that do not change a container (scale, replicas, build,
 * pull_policy, depends_on, profiles) are left out, as docker compose does.
 */
public final class ConfigHash {

    private ConfigHash() {
    }

    /** The hash of a network's configuration, stored on it: when it changes, it is recreated. */
    public static String of(dev.jcompose.model.Network network) {
        return sha256(ModelPrinter.json(ModelPrinter.toPlain(network)));
    }

    public static String of(Service service) {
        Service s = service;
        s = s.toBuilder()
                .scale(null)
                .build(null)
                .pullPolicy(null)
                .dependsOn(Map.<String, DependsOn>of())
                .profiles(List.<String>of())
                .build();
        if (s.deploy() != null) {
            s = s.toBuilder().deploy(s.deploy().withReplicas(null)).build();
        }
        return sha256(ModelPrinter.json(ModelPrinter.toPlain(s)));
    }

    private static String sha256(String json) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
