package dev.jcompose.kubernetes.convert;

import dev.jcompose.kubernetes.ConvertOptions;
import dev.jcompose.kubernetes.Manifests;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.tree.SourceMarks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.TreeMap;

/**
 * One conversion: the namespace, then each service (by name) through the transformers in
 * order, then its workload; every object is checked to read back strictly as written.
 */
public final class Conversion {

    /** The transformers, in order: later ones read what earlier ones set (the kind, mounts). */
    static final List<Transformer> TRANSFORMERS = List.of(
            new WorkloadKind(),
            new ContainerSettings(),
            new PodSettings(),
            new EnvironmentVariables(),
            new ServicePorts(),
            new Probes(),
            new Resources(),
            new Volumes(),
            new FileObjects(),
            new Dependencies(),
            new Hooks(),
            new Rollout(),
            new MetadataLabels(),
            new UnsupportedKeys());

    private final Project project;
    private final ConvertOptions options;
    private final Findings findings;
    private final FileSource files;

    public Conversion(Project project, ConvertOptions options, SourceMarks marks,
            FileSource files) {
        this.project = project;
        this.options = options;
        this.findings = new Findings(marks);
        this.files = files;
    }

    public Manifests run() {
        String namespace = options.namespaceFor(project.name());
        ObjectSet objects = new ObjectSet();
        objects.add(namespace(namespace));
        for (Service service : new TreeMap<>(project.services()).values()) {
            ServiceContext ctx = new ServiceContext(project, service, options, namespace,
                    KomposeLabels.of(service), findings, objects, files);
            Draft draft = new Draft();
            for (Transformer t : TRANSFORMERS) {
                t.apply(ctx, draft);
            }
            objects.add(Workloads.build(ctx, draft));
        }
        findings.throwIfErrors();
        List<HasMetadata> sorted = objects.sorted();
        sorted.forEach(ManifestCodec::checkRoundTrip);
        return new Manifests(project.name(), namespace, sorted, findings.warnings());
    }

    private Namespace namespace(String name) {
        Namespace ns = new Namespace();
        ns.setApiVersion("v1");
        ns.setKind("Namespace");
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setLabels(Labels.project(project.name()));
        ns.setMetadata(meta);
        return ns;
    }
}
