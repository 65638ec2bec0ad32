package dev.jcompose.api;

import java.util.List;

/**
 * The docker CLI's global connection options, as given on a command line: which engine a
 * target acts on and how to reach it. Null, or an empty list, for an option not given, so
 * that the target applies the docker CLI's defaults from the environment itself
 * ({@code DOCKER_HOST}, {@code DOCKER_CONTEXT}, {@code currentContext}, {@code DOCKER_TLS*}).
 *
 * @param context    {@code -c/--context NAME}
 * @param hosts      {@code -H/--host ADDRESS}, each time it was given
 * @param tls        {@code --tls[=BOOL]}
 * @param tlsVerify  {@code --tlsverify[=BOOL]}
 * @param tlsCaCert  {@code --tlscacert FILE}
 * @param tlsCert    {@code --tlscert FILE}
 * @param tlsKey     {@code --tlskey FILE}
 * @param configDir  {@code --config DIR}: where config.json and the context store are
 */
public record DockerCliOptions(String context, List<String> hosts, Boolean tls,
        Boolean tlsVerify, String tlsCaCert, String tlsCert, String tlsKey, String configDir) {

    /** No option given: everything from the environment and the configuration. */
    public static final DockerCliOptions NONE =
            new DockerCliOptions(null, List.of(), null, null, null, null, null, null);

    public DockerCliOptions {
        hosts = List.copyOf(hosts);
    }

    /** Whether any option that chooses the engine or its TLS settings was given. */
    public boolean given() {
        return !equals(new DockerCliOptions(null, List.of(), null, null, null, null, null,
                configDir));
    }
}
