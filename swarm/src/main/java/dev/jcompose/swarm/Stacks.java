package dev.jcompose.swarm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Problem;
import dev.jcompose.model.Project;
import dev.jcompose.model.tree.SourceMarks;
import dev.jcompose.planner.progress.ProgressListener;
import dev.jcompose.runtime.DockerApi;
import dev.jcompose.swarm.check.Compatibility;
import dev.jcompose.swarm.convert.FileObjects;
import dev.jcompose.swarm.convert.Ids;
import dev.jcompose.swarm.convert.Namespace;
import dev.jcompose.swarm.convert.ServiceConverter;
import dev.jcompose.swarm.convert.StackNetwork;
import dev.jcompose.swarm.convert.StackObject;
import dev.jcompose.swarm.convert.StackObjects;
import dev.jcompose.swarm.deploy.SpecDiff;
import dev.jcompose.swarm.deploy.StackDeployer;
import dev.jcompose.swarm.deploy.StackReader;
import dev.jcompose.swarm.deploy.StackRemover;
import dev.jcompose.swarm.deploy.SwarmClient;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Compose projects as Docker Swarm stacks: {@code stack deploy}, {@code ls}, {@code ps},
 * {@code services}, {@code rm}, and the specs a deploy would send. A project deployed here is a
 * stack {@code docker stack} sees too (the same names and labels). The project's name is the
 * stack's: load it with the stack's name as project name.
 */
public final class Stacks {

    private final SwarmClient client;

    private Stacks(SwarmClient client) {
        this.client = client;
    }

    /** Stacks on the swarm {@code api} connects to (a manager). */
    public static Stacks on(DockerApi api) {
        return new Stacks(new SwarmClient(api));
    }

    /**
     * What in {@code project} a swarm cannot honour (warnings) or makes a deploy impossible
     * (errors), with file:line:col.
     */
    private static List<Problem> check(Project project) {
        return Compatibility.check(project, SourceMarks.of(project, null));
    }

    /**
     * Deploys {@code project} as the stack of its name. The warnings go to {@code warnings}
     * first, all of them, before anything is created; errors stop the deploy before it starts.
     *
     * @throws ComposeFileException what makes the deploy impossible, with file:line:col
     * @throws StackException       what the swarm refused, or the services that did not
     *                              converge (with {@code await})
     */
    public void deploy(Project project, DeployOptions options, Consumer<Problem> warnings,
            ProgressListener progress) throws InterruptedException {
        StackObjects objects = prepare(project, warnings);
        new StackDeployer(client, progress).deploy(project, namespace(project), objects,
                options);
    }

    /**
     * The specs a deploy of {@code project} sends, as JSON: networks, secrets and configs
     * (without their content) and services, with objects named rather than by ID.
     */
    public static String specs(Project project, Consumer<Problem> warnings) {
        StackObjects objects = prepare(project, warnings);
        Namespace ns = namespace(project);
        ObjectNode root = DockerApi.json().createObjectNode();
        ArrayNode networks = root.putArray("Networks");
        for (StackNetwork n : objects.networks()) {
            networks.add(network(n));
        }
        ArrayNode secrets = root.putArray("Secrets");
        objects.secrets().values().forEach(o -> secrets.add(object(o)));
        ArrayNode configs = root.putArray("Configs");
        objects.configs().values().forEach(o -> configs.add(object(o)));
        ArrayNode services = root.putArray("Services");
        for (String name : project.services().keySet()) {
            services.add(SpecDiff.tree(ServiceConverter.convert(ns, project,
                    project.service(name), objects, Ids.NAMES)));
        }
        try {
            return DockerApi.json().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(SpecDiff.withoutNulls(root)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<StackSummary> list() {
        return new StackReader(client).stacks();
    }

    public List<StackServiceInfo> services(String stack) {
        return new StackReader(client).services(new Namespace(stack));
    }

    public List<StackTask> tasks(String stack) {
        return new StackReader(client).tasks(new Namespace(stack));
    }

    /**
     * Removes the stack: its services, secrets, configs and networks; unless {@code detach},
     * waits until its tasks are gone. False when nothing of it was found.
     */
    public boolean remove(String stack, boolean detach, ProgressListener progress)
            throws InterruptedException {
        return new StackRemover(client, progress).remove(new Namespace(stack), detach);
    }

    /**
     * Checks {@code project} as a deploy does, before anything: its warnings go to
     * {@code warnings}, all of them.
     *
     * @throws ComposeFileException what makes a deploy impossible, with file:line:col
     */
    public static void validate(Project project, Consumer<Problem> warnings) {
        List<Problem> problems = check(project);
        Compatibility.warnings(problems).forEach(warnings);
        List<Problem> errors = Compatibility.errors(problems);
        if (!errors.isEmpty()) {
            throw new ComposeFileException(errors);
        }
    }

    private static StackObjects prepare(Project project, Consumer<Problem> warnings) {
        validate(project, warnings);
        try {
            return StackObjects.of(namespace(project), project, FileObjects.contentOf(project));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new StackException(e.getMessage(), e);
        }
    }

    private static Namespace namespace(Project project) {
        return new Namespace(project.name());
    }

    /** A network as the network create request names its fields. */
    private static ObjectNode network(StackNetwork n) {
        ObjectNode o = DockerApi.json().createObjectNode();
        o.put("Name", n.name());
        o.put("External", n.external());
        if (!n.external()) {
            o.put("Driver", n.driver());
            o.put("Attachable", n.attachable());
            o.put("Internal", n.internal());
            o.put("EnableIPv6", n.ipv6());
            o.set("Options", DockerApi.json().valueToTree(n.options()));
            o.set("Labels", DockerApi.json().valueToTree(n.labels()));
            if (n.ipam() != null) {
                o.set("IPAM", DockerApi.json().valueToTree(n.ipam()));
            }
        }
        return o;
    }

    private static ObjectNode object(StackObject o) {
        ObjectNode n = DockerApi.json().createObjectNode();
        n.put("Key", o.key());
        n.put("Name", o.name());
        n.put("External", o.external());
        n.set("Labels", DockerApi.json().valueToTree(o.labels()));
        return n;
    }
}
