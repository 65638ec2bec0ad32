package dev.jcompose.runtime.context;

import java.util.List;

/**
 * The docker CLI's global connection options, as given on a command line (the docker CLI's
 * {@code cli/flags} ClientOptions): null, or an empty list, for an option not given, so that
 * {@link EndpointResolver} can apply the CLI's defaults from the environment itself.
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
public record DockerClientOptions(String context, List<String> hosts, Boolean tls,
        Boolean tlsVerify, String tlsCaCert, String tlsCert, String tlsKey, String configDir) {

    /** No option given: everything from the environment and the configuration. */
    public static final DockerClientOptions NONE =
            new DockerClientOptions(null, List.of(), null, null, null, null, null, null);

    public DockerClientOptions {
        hosts = List.copyOf(hosts);
    }

    /** Whether any option that chooses the engine or its TLS settings was given. */
    public boolean given() {
        return !equals(new DockerClientOptions(null, List.of(), null, null, null, null, null,
                configDir));
    }
}
