package dev.jcompose.kubernetes.convert;

import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code depends_on} as init containers, so the pod's containers start once the dependencies
 * meet their conditions:
 *
 * <ul>
 *   <li>{@code service_started} and {@code service_healthy}: wait until the dependency's
 *       headless Service resolves, which it does once one of its pods is ready (healthy, for a
 *       service with a healthcheck: its readiness probe is the healthcheck);
 *   <li>{@code service_completed_successfully}: wait with {@code kubectl wait} until the
 *       dependency's Job has completed; the pod runs as a service account allowed to read Jobs
 *       (ServiceAccount, Role and RoleBinding {@value #WAITER}).
 * </ul>
 */
final class Dependencies implements Transformer {

    static final String WAITER = "jcompose-wait";

    @Override
    public void apply(ServiceContext ctx, Draft draft) {
        Map<String, DependsOn> deps = new TreeMap<>(ctx.service().dependsOn());
        deps.forEach((name, d) -> {
            Service dep = ctx.project().services().get(name);
            if (dep == null) {
                return;
            }
            if (d.restartsWithDependency() && !impliedOnly(ctx.service(), name)) {
                ctx.warn("restart: Kubernetes does not restart a pod when a dependency is "
                        + "replaced", "depends_on", name, "restart");
            }
            boolean completion = DependsOn.COMPLETED.equals(d.condition());
            Draft.Kind depKind = WorkloadKind.of(ctx.project(), dep, ctx.options(),
                    KomposeLabels.of(dep));
            if (completion && depKind == Draft.Kind.JOB) {
                draft.initContainers.add(waitForJob(ctx, draft, name));
                return;
            }
            if (completion) {
                ctx.warn("service_completed_successfully: " + name + " runs as a "
                        + WorkloadKind.name(depKind) + ", which does not complete; its Service "
                        + "is waited for instead", "depends_on", name);
            } else if (DependsOn.HEALTHY.equals(d.condition()) && (dep.healthcheck() == null
                    || dep.healthcheck().isDisabled())) {
                ctx.warn("service_healthy: " + name + " has no healthcheck, so it is ready "
                        + "once running", "depends_on", name);
            }
            draft.initContainers.add(waitForService(ctx, name));
        });
    }

    /**
     * Whether {@code dependency} is one the loader wrote into depends_on because {@code s}
     * links to it or shares one of its namespaces (compose-go's implied dependencies): those
     * keys are warned about themselves, so their implied {@code restart} is not.
     */
    private static boolean impliedOnly(Service s, String dependency) {
        String shared = "service:" + dependency;
        return s.links().stream().anyMatch(l -> l.equals(dependency)
                || l.startsWith(dependency + ":"))
                || Stream.of(s.networkMode(), s.ipc(), s.pid(), s.uts(), s.cgroup())
                        .anyMatch(shared::equals);
    }

    private static Container waitForService(ServiceContext ctx, String dependency) {
        String host = Names.serviceName(dependency) + "." + ctx.namespace()
                + ".svc.cluster.local";
        Container c = new Container();
        c.setName(Names.dnsLabel("wait-for-" + dependency));
        c.setImage(ctx.options().waitImage());
        c.setCommand(List.of("sh", "-c", "until nslookup " + host + " >/dev/null 2>&1; do "
                + "echo waiting for " + dependency + "; sleep 2; done"));
        return c;
    }

    private static Container waitForJob(ServiceContext ctx, Draft draft, String dependency) {
        String account = draft.pod.getServiceAccountName();
        if (account != null && !account.equals(WAITER)) {
            ctx.warn("depends_on " + dependency + ": waiting for a Job needs the service "
                    + "account " + WAITER + ", which replaces " + account, "depends_on",
                    dependency);
        }
        draft.pod.setServiceAccountName(WAITER);
        addWaiterAccount(ctx);
        Container c = new Container();
        c.setName(Names.dnsLabel("wait-for-" + dependency));
        c.setImage(ctx.options().kubectlImage());
        c.setCommand(List.of("kubectl", "wait", "--for=condition=complete", "--timeout=-1s",
                "--namespace", ctx.namespace(), "job/" + Names.dnsLabel(dependency)));
        return c;
    }

    private static void addWaiterAccount(ServiceContext ctx) {
        Map<String, String> labels = Labels.project(ctx.projectName());
        ServiceAccount sa = new ServiceAccount();
        sa.setApiVersion("v1");
        sa.setKind("ServiceAccount");
        sa.setMetadata(meta(ctx, labels));
        ctx.objects().add(sa);
        Role role = new Role();
        role.setApiVersion("rbac.authorization.k8s.io/v1");
        role.setKind("Role");
        role.setMetadata(meta(ctx, labels));
        PolicyRule rule = new PolicyRule();
        rule.setApiGroups(List.of("batch"));
        rule.setResources(List.of("jobs"));
        rule.setVerbs(List.of("get", "list", "watch"));
        role.setRules(List.of(rule));
        ctx.objects().add(role);
        RoleBinding binding = new RoleBinding();
        binding.setApiVersion("rbac.authorization.k8s.io/v1");
        binding.setKind("RoleBinding");
        binding.setMetadata(meta(ctx, labels));
        binding.setRoleRef(new RoleRef("rbac.authorization.k8s.io", "Role", WAITER));
        Subject subject = new Subject();
        subject.setKind("ServiceAccount");
        subject.setName(WAITER);
        subject.setNamespace(ctx.namespace());
        binding.setSubjects(List.of(subject));
        ctx.objects().add(binding);
    }

    private static ObjectMeta meta(ServiceContext ctx, Map<String, String> labels) {
        ObjectMeta m = new ObjectMeta();
        m.setName(WAITER);
        m.setNamespace(ctx.namespace());
        m.setLabels(labels);
        return m;
    }
}
