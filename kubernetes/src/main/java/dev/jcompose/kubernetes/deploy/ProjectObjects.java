package dev.jcompose.kubernetes.deploy;

import dev.jcompose.kubernetes.convert.Labels;
import dev.jcompose.kubernetes.convert.Names;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects of the kinds {@code convert} makes that carry a project's label in a namespace:
 * what {@code down} deletes and {@code up} compares with the files to find orphans.
 */
public final class ProjectObjects {

    private final KubernetesClient client;
    private final String label;
    private final String namespace;

    public ProjectObjects(KubernetesClient client, String project, String namespace) {
        this.client = client;
        this.label = Names.labelValue(project);
        this.namespace = namespace;
    }

    public List<HasMetadata> list() {
        List<HasMetadata> out = new ArrayList<>();
        String key = Labels.PROJECT;
        out.addAll(client.batch().v1().jobs().inNamespace(namespace).withLabel(key, label)
                .list().getItems());
        out.addAll(client.apps().daemonSets().inNamespace(namespace).withLabel(key, label)
                .list().getItems());
        out.addAll(client.apps().deployments().inNamespace(namespace).withLabel(key, label)
                .list().getItems());
        out.addAll(client.apps().statefulSets().inNamespace(namespace).withLabel(key, label)
                .list().getItems());
        out.addAll(client.services().inNamespace(namespace).withLabel(key, label).list()
                .getItems());
        out.addAll(client.persistentVolumeClaims().inNamespace(namespace).withLabel(key, label)
                .list().getItems());
        out.addAll(client.configMaps().inNamespace(namespace).withLabel(key, label).list()
                .getItems());
        out.addAll(client.secrets().inNamespace(namespace).withLabel(key, label).list()
                .getItems());
        out.addAll(client.rbac().roleBindings().inNamespace(namespace).withLabel(key, label)
                .list().getItems());
        out.addAll(client.rbac().roles().inNamespace(namespace).withLabel(key, label).list()
                .getItems());
        out.addAll(client.serviceAccounts().inNamespace(namespace).withLabel(key, label)
                .list().getItems());
        return out;
    }
}
