package dev.jcompose.planner.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An image to build.
 *
 * @param context        the build context directory
 * @param dockerfile     the Dockerfile path relative to the context (or absolute)
 * @param inlineDockerfile Dockerfile content given inline, or null
 * @param tags           the names to tag the image with (the first is the main one)
 * @param memory         the build containers' memory limit in bytes, or null
 */
public record BuildSpec(Path context, String dockerfile, String inlineDockerfile,
        Map<String, String> args, String target, List<String> tags, Map<String, String> labels,
        boolean noCache, boolean pull, String network, List<String> extraHosts,
        Long shmSize, String platform, List<String> cacheFrom, Long memory) {

    public BuildSpec {
        args = Map.copyOf(args);
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
        extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
        cacheFrom = cacheFrom == null ? List.of() : List.copyOf(cacheFrom);
    }

    public BuildSpec(Path context, String dockerfile, String inlineDockerfile,
            Map<String, String> args, String target, List<String> tags,
            Map<String, String> labels, boolean noCache, boolean pull, String network,
            List<String> extraHosts, Long shmSize, String platform, List<String> cacheFrom) {
        this(context, dockerfile, inlineDockerfile, args, target, tags, labels, noCache, pull,
                network, extraHosts, shmSize, platform, cacheFrom, null);
    }

    /** This build with the build containers' memory limit (null: none). */
    public BuildSpec withMemory(Long bytes) {
        return new BuildSpec(context, dockerfile, inlineDockerfile, args, target, tags, labels,
                noCache, pull, network, extraHosts, shmSize, platform, cacheFrom, bytes);
    }
}
