package dev.jcompose.kubernetes.convert;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A finished draft as the workload object of its kind, named after the service. */
final class Workloads {

    private Workloads() {
    }

    static HasMetadata build(ServiceContext ctx, Draft draft) {
        ObjectMeta meta = new ObjectMeta();
        meta.setName(Names.dnsLabel(ctx.serviceName()));
        meta.setNamespace(ctx.namespace());
        Map<String, String> labels = new TreeMap<>(draft.labels);
        labels.putAll(Labels.service(ctx.projectName(), ctx.serviceName()));
        meta.setLabels(labels);
        meta.setAnnotations(draft.annotations.isEmpty() ? null
                : new TreeMap<>(draft.annotations));
        PodTemplateSpec template = template(ctx, draft);
        LabelSelector selector = new LabelSelector(null,
                Labels.selector(ctx.projectName(), ctx.serviceName()));
        return switch (draft.kind) {
            case DEPLOYMENT -> {
                DeploymentSpec spec = new DeploymentSpec();
                spec.setReplicas(draft.replicas);
                spec.setSelector(selector);
                spec.setStrategy(draft.strategy);
                spec.setMinReadySeconds(draft.minReadySeconds);
                spec.setTemplate(template);
                Deployment d = new Deployment();
                d.setApiVersion("apps/v1");
                d.setKind("Deployment");
                d.setMetadata(meta);
                d.setSpec(spec);
                yield d;
            }
            case STATEFUL_SET -> {
                StatefulSetSpec spec = new StatefulSetSpec();
                spec.setReplicas(draft.replicas);
                spec.setSelector(selector);
                spec.setServiceName(Names.serviceName(ctx.serviceName()));
                spec.setTemplate(template);
                spec.setVolumeClaimTemplates(draft.claimTemplates.isEmpty() ? null
                        : new ArrayList<>(draft.claimTemplates));
                StatefulSet s = new StatefulSet();
                s.setApiVersion("apps/v1");
                s.setKind("StatefulSet");
                s.setMetadata(meta);
                s.setSpec(spec);
                yield s;
            }
            case DAEMON_SET -> {
                DaemonSetSpec spec = new DaemonSetSpec();
                spec.setSelector(selector);
                spec.setTemplate(template);
                DaemonSet ds = new DaemonSet();
                ds.setApiVersion("apps/v1");
                ds.setKind("DaemonSet");
                ds.setMetadata(meta);
                ds.setSpec(spec);
                yield ds;
            }
            case JOB -> {
                JobSpec spec = new JobSpec();
                spec.setBackoffLimit(draft.backoffLimit);
                if (draft.replicas > 1) {
                    spec.setCompletions(draft.replicas);
                    spec.setParallelism(draft.replicas);
                }
                spec.setTemplate(template);
                Job job = new Job();
                job.setApiVersion("batch/v1");
                job.setKind("Job");
                job.setMetadata(meta);
                job.setSpec(spec);
                yield job;
            }
        };
    }

    private static PodTemplateSpec template(ServiceContext ctx, Draft draft) {
        ObjectMeta podMeta = new ObjectMeta();
        Map<String, String> podLabels = new TreeMap<>(draft.labels);
        podLabels.putAll(Labels.service(ctx.projectName(), ctx.serviceName()));
        podMeta.setLabels(podLabels);
        podMeta.setAnnotations(draft.podAnnotations.isEmpty() ? null
                : new TreeMap<>(draft.podAnnotations));
        PodSpec pod = draft.pod;
        pod.setContainers(List.of(draft.container));
        pod.setInitContainers(draft.initContainers.isEmpty() ? null
                : new ArrayList<>(draft.initContainers));
        return new PodTemplateSpec(podMeta, pod);
    }
}
