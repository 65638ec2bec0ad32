package dev.jcompose.planner.engine;

import dev.jcompose.model.Service;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to create one container, with compose semantics already applied: its name,
 * labels, resolved mounts, port bindings and network attachments. {@code service} carries the
 * long tail of engine options (capabilities, limits, logging) the adapter maps directly.
 *
 * @param command    null to keep the image's CMD
 * @param entrypoint null to keep the image's ENTRYPOINT
 * @param networks   the first is attached at create; the others are connected before start
 * @param files      files written into the container after it is created, before it starts
 *                   (secrets and configs given as {@code content} or {@code environment})
 */
public record ContainerSpec(
        String name,
        String image,
        List<String> command,
        List<String> entrypoint,
        List<String> env,
        Map<String, String> labels,
        String hostname,
        String user,
        String workingDir,
        List<String> exposedPorts,
        List<PortBinding> portBindings,
        List<Mount> mounts,
        String networkMode,
        List<NetworkAttachment> networks,
        String restartPolicy,
        Service service,
        List<File> files) {

    public ContainerSpec {
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = List.copyOf(env);
        labels = Map.copyOf(labels);
        exposedPorts = List.copyOf(exposedPorts);
        portBindings = List.copyOf(portBindings);
        mounts = List.copyOf(mounts);
        networks = List.copyOf(networks);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public ContainerSpec(String name, String image, List<String> command, List<String> entrypoint,
            List<String> env, Map<String, String> labels, String hostname, String user,
            String workingDir, List<String> exposedPorts, List<PortBinding> portBindings,
            List<Mount> mounts, String networkMode, List<NetworkAttachment> networks,
            String restartPolicy, Service service) {
        this(name, image, command, entrypoint, env, labels, hostname, user, workingDir,
                exposedPorts, portBindings, mounts, networkMode, networks, restartPolicy, service,
                List.of());
    }

    /** A file put into the container: absolute path, content, owner and permission bits. */
    public record File(String path, String content, int uid, int gid, int mode) { }

    /** A host port binding; {@code hostPort} is empty for a random port, or a range. */
    public record PortBinding(String hostIp, String hostPort, int containerPort, String protocol) { }

    /**
     * A mount. {@code type} is bind, volume or tmpfs; {@code source} is a host path (bind), an
     * engine-side volume name (volume), or null (anonymous volume, tmpfs).
     */
    public record Mount(String type, String source, String target, boolean readOnly,
            boolean noCopy, String propagation, String selinux, boolean createHostPath,
            Long tmpfsSize, Integer tmpfsMode, String subpath) { }

    /** An attachment to a network: engine-side name, DNS aliases and static addresses. */
    public record NetworkAttachment(String network, List<String> aliases, String ipv4Address,
            String ipv6Address, String macAddress, List<String> linkLocalIps,
            Map<String, String> driverOpts, Integer gwPriority) {
        public NetworkAttachment {
            aliases = List.copyOf(aliases);
            linkLocalIps = linkLocalIps == null ? List.of() : List.copyOf(linkLocalIps);
            driverOpts = driverOpts == null ? Map.of() : Map.copyOf(driverOpts);
        }
    }
}
