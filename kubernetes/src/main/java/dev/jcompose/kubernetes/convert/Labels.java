package dev.jcompose.kubernetes.convert;

import java.util.Map;
import java.util.TreeMap;

/**
 * The labels every object jcompose makes carries, as docker compose puts them on containers:
 * the project and the service. {@code down} finds what to delete by them, Services select
 * their pods by them.
 */
public final class Labels {

    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "jcompose";

    private Labels() {
    }

    /** The labels of an object of the whole project (a namespace, a shared volume). */
    public static Map<String, String> project(String project) {
        Map<String, String> m = new TreeMap<>();
        m.put(MANAGED_BY, MANAGER);
        m.put(PROJECT, Names.labelValue(project));
        return m;
    }

    /** The labels of a service's objects, and of its pods. */
    public static Map<String, String> service(String project, String service) {
        Map<String, String> m = project(project);
        m.put(SERVICE, Names.labelValue(service));
        return m;
    }

    /** What a service's pods are selected by. */
    public static Map<String, String> selector(String project, String service) {
        Map<String, String> m = new TreeMap<>();
        m.put(PROJECT, Names.labelValue(project));
        m.put(SERVICE, Names.labelValue(service));
        return m;
    }

    /** The label selector of everything a project made, for {@code down} and {@code ps}. */
    public static String projectSelector(String project) {
        return PROJECT + "=" + Names.labelValue(project);
    }
}
