package dev.jcompose.kubernetes.convert;

import dev.jcompose.kubernetes.ConvertOptions;
import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceVolume;
import java.util.Locale;

/**
 * What runs a service's pods: a DaemonSet for {@code deploy.mode: global}, a Job for a one-shot
 * ({@code restart: "no"} or {@code on-failure}, a restart policy of {@code none} or
 * {@code on-failure}, or a service others wait for to complete), a StatefulSet when asked for
 * one, else a Deployment. The {@code kompose.controller.type} label overrides the choice.
 */
final class WorkloadKind implements Transformer {

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        Service s = ctx.service();
        draft.kind = of(ctx.project(), s, ctx.options(), ctx.kompose());
        draft.replicas = s.replicas();
        String controller = ctx.kompose().get("controller.type");
        if (controller != null && parse(controller) == null) {
            ctx.warn("kompose.controller.type " + controller + " is not deployment, "
                    + "statefulset, daemonset or job: a Deployment is made", "labels",
                    "kompose.controller.type");
        }
        switch (draft.kind) {
            case JOB -> {
                String policy = oneShotPolicy(s);
                draft.pod.setRestartPolicy("on-failure".equals(policy) ? "OnFailure" : "Never");
                draft.backoffLimit = retries(s);
            }
            case DAEMON_SET -> {
                if (s.replicas() > 1) {
                    ctx.warn("a global service runs one pod per node: its replicas are not "
                            + "used", "deploy", "replicas");
                }
            }
            default -> {
                if (oneShotPolicy(s) != null) {
                    ctx.warn("restart: a " + name(draft.kind) + "'s pods are always restarted",
                            "restart");
                }
            }
        }
    }

    /** The kind of {@code service}'s workload (also asked about a dependency). */
    static Draft.Kind of(Project project, Service service, ConvertOptions options,
            KomposeLabels kompose) {
        Draft.Kind asked = parse(kompose.get("controller.type"));
        if (asked != null) {
            return asked;
        }
        if (service.deploy() != null && "global".equals(service.deploy().mode())) {
            return Draft.Kind.DAEMON_SET;
        }
        if (oneShotPolicy(service) != null || othersWaitForCompletion(project, service)) {
            return Draft.Kind.JOB;
        }
        if (options.statefulSets() && service.replicas() == 1 && hasNamedVolume(service)) {
            return Draft.Kind.STATEFUL_SET;
        }
        return Draft.Kind.DEPLOYMENT;
    }

    static String name(Draft.Kind kind) {
        return switch (kind) {
            case DEPLOYMENT -> "Deployment";
            case STATEFUL_SET -> "StatefulSet";
            case DAEMON_SET -> "DaemonSet";
            case JOB -> "Job";
        };
    }

    /** "no" or "on-failure" for a service that is meant to end, else null. */
    private static String oneShotPolicy(Service s) {
        String restart = s.restart();
        if (restart != null) {
            if (restart.equals("no")) {
                return "no";
            }
            if (restart.startsWith("on-failure")) {
                return "on-failure";
            }
            return null;
        }
        if (s.deploy() != null && s.deploy().restartPolicy() != null) {
            String condition = s.deploy().restartPolicy().condition();
            if ("none".equals(condition)) {
                return "no";
            }
            if ("on-failure".equals(condition)) {
                return "on-failure";
            }
        }
        return null;
    }

    private static Integer retries(Service s) {
        String restart = s.restart();
        if (restart != null && restart.startsWith("on-failure:")) {
            try {
                return Integer.parseInt(restart.substring("on-failure:".length()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (s.deploy() != null && s.deploy().restartPolicy() != null
                && s.deploy().restartPolicy().maxAttempts() != null) {
            return s.deploy().restartPolicy().maxAttempts().intValue();
        }
        // restart "no" (compose's default, for a service others wait for): no retry
        return "on-failure".equals(oneShotPolicy(s)) ? null : 0;
    }

    private static boolean othersWaitForCompletion(Project project, Service service) {
        return project.services().values().stream().anyMatch(other -> {
            DependsOn d = other.dependsOn().get(service.name());
            return d != null && DependsOn.COMPLETED.equals(d.condition());
        });
    }

    private static boolean hasNamedVolume(Service s) {
        return s.volumes().stream().anyMatch(v -> ServiceVolume.VOLUME.equals(v.type())
                && v.source() != null && !v.source().isEmpty());
    }

    private static Draft.Kind parse(String controller) {
        if (controller == null) {
            return null;
        }
        return switch (controller.toLowerCase(Locale.ROOT)) {
            case "deployment" -> Draft.Kind.DEPLOYMENT;
            case "statefulset" -> Draft.Kind.STATEFUL_SET;
            case "daemonset" -> Draft.Kind.DAEMON_SET;
            case "job" -> Draft.Kind.JOB;
            default -> null;
        };
    }
}
