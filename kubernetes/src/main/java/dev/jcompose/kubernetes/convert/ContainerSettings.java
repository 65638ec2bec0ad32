package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.Service;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;
import java.util.Locale;

/**
 * The main container: its name, image, command, working directory, terminal, pull policy and
 * security context (user, capabilities, read-only root, privileged when allowed).
 */
final class ContainerSettings implements Transformer {

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        Service s = ctx.service();
        draft.container.setName(Names.dnsLabel(s.name()));
        draft.container.setImage(image(ctx));
        draft.container.setCommand(Expansion.escape(s.entrypoint()));
        draft.container.setArgs(Expansion.escape(s.command()));
        draft.container.setWorkingDir(s.workingDir());
        if (Boolean.TRUE.equals(s.tty())) {
            draft.container.setTty(true);
        }
        if (Boolean.TRUE.equals(s.stdinOpen())) {
            draft.container.setStdin(true);
        }
        draft.container.setImagePullPolicy(pullPolicy(ctx));
        String secret = ctx.kompose().get("image-pull-secret");
        if (secret != null) {
            draft.pod.setImagePullSecrets(List.of(new LocalObjectReference(secret)));
        }
        draft.pod.setServiceAccountName(ctx.kompose().get("serviceaccount-name"));
        SecurityContext security = security(ctx);
        if (security != null) {
            draft.container.setSecurityContext(security);
        }
    }

    private static String image(ServiceContext ctx) {
        Service s = ctx.service();
        String image = s.imageName(ctx.projectName());
        if (s.build() != null) {
            ctx.warn("build: Kubernetes does not build images; build and push " + image
                    + " to a registry the cluster pulls from (jcompose build, jcompose push)",
                    "build");
        }
        return image;
    }

    private static String pullPolicy(ServiceContext ctx) {
        String label = ctx.kompose().get("image-pull-policy");
        String policy = label != null ? label : ctx.service().pullPolicy();
        if (policy == null) {
            return null;
        }
        return switch (policy.toLowerCase(Locale.ROOT)) {
            case "always" -> "Always";
            case "never" -> "Never";
            case "missing", "if_not_present", "ifnotpresent" -> "IfNotPresent";
            default -> {
                ctx.warn("pull_policy " + policy + " has no Kubernetes meaning: the cluster's "
                        + "default applies", label != null
                                ? new Object[] {"labels", "kompose.image-pull-policy"}
                                : new Object[] {"pull_policy"});
                yield null;
            }
        };
    }

    private static SecurityContext security(ServiceContext ctx) {
        Service s = ctx.service();
        SecurityContext sc = new SecurityContext();
        boolean any = false;
        if (Boolean.TRUE.equals(s.privileged())) {
            if (ctx.options().allowPrivileged()) {
                sc.setPrivileged(true);
                any = true;
            } else {
                ctx.warn("privileged: left out (a privileged pod has the node's devices and "
                        + "capabilities); convert with --privileged to keep it", "privileged");
            }
        }
        if (!s.capAdd().isEmpty() || !s.capDrop().isEmpty()) {
            sc.setCapabilities(new Capabilities(capabilities(s.capAdd()),
                    capabilities(s.capDrop())));
            any = true;
        }
        if (Boolean.TRUE.equals(s.readOnly())) {
            sc.setReadOnlyRootFilesystem(true);
            any = true;
        }
        if (s.user() != null && !s.user().isEmpty()) {
            String[] parts = s.user().split(":", 2);
            if (parts[0].matches("\\d+") && (parts.length == 1 || parts[1].matches("\\d+"))) {
                sc.setRunAsUser(Long.parseLong(parts[0]));
                if (parts.length == 2) {
                    sc.setRunAsGroup(Long.parseLong(parts[1]));
                }
                any = true;
            } else {
                ctx.warn("user " + s.user() + ": Kubernetes takes numeric user and group ids "
                        + "only; the image's user applies", "user");
            }
        }
        return any ? sc : null;
    }

    /** Capability names as Kubernetes writes them, without {@code CAP_}. */
    private static List<String> capabilities(List<String> caps) {
        return caps.isEmpty() ? null : caps.stream()
                .map(c -> c.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""))
                .toList();
    }
}
