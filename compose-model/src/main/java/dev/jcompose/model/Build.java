package dev.jcompose.model;

import java.util.List;
import java.util.Map;

/** {@code build:} of a service, long form. {@code context} is an absolute path or a URL. */
public record Build(
        String context,
        String dockerfile,
        String dockerfileInline,
        List<String> entitlements,
        Map<String, String> args,
        List<String> ssh,
        Map<String, String> labels,
        List<String> cacheFrom,
        List<String> cacheTo,
        Boolean noCache,
        Map<String, String> additionalContexts,
        String network,
        Object provenance,
        Object sbom,
        Boolean pull,
        String target,
        @Yaml.Bytes Long shmSize,
        List<String> extraHosts,
        String isolation,
        Boolean privileged,
        List<FileReference> secrets,
        List<String> tags,
        Map<String, Ulimit> ulimits,
        List<String> platforms,
        @Yaml.Extensions Map<String, Object> extensions) {

    public Build {
        entitlements = Coll.list(entitlements);
        args = Coll.map(args);
        ssh = Coll.list(ssh);
        labels = Coll.map(labels);
        cacheFrom = Coll.list(cacheFrom);
        cacheTo = Coll.list(cacheTo);
        additionalContexts = Coll.map(additionalContexts);
        extraHosts = Coll.list(extraHosts);
        secrets = Coll.list(secrets);
        tags = Coll.list(tags);
        ulimits = Coll.map(ulimits);
        platforms = Coll.list(platforms);
        extensions = Coll.map(extensions);
    }
}
