package dev.jcompose.runtime;

import com.github.dockerjava.transport.DockerHttpClient;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@link EngineIdentity} of the engine a client talks to: read off the headers of the
 * first answer that carries them, or asked for ({@code /version}) when a decision needs it
 * before any answer came.
 */
final class KnownEngine {

    private volatile EngineIdentity identity;

    /** Learns the engine from an answer's headers, once. */
    void observe(DockerHttpClient.Response response) {
        if (identity == null) {
            EngineIdentity seen = EngineIdentity.fromHeaders(header(response, "Server"),
                    header(response, "Api-Version"));
            if (seen != null) {
                identity = seen;
            }
        }
    }

    /** Sets what {@code /version} said. */
    void set(EngineIdentity known) {
        identity = known;
    }

    /** The engine, asked with {@code ask} when no answer told it yet. */
    EngineIdentity get(Supplier<EngineIdentity> ask) {
        EngineIdentity known = identity;
        if (known == null) {
            known = ask.get();
            identity = known;
        }
        return known;
    }

    /** True when an answer came from Podman (false while none came). */
    boolean isPodman() {
        EngineIdentity known = identity;
        return known != null && known.isPodman();
    }

    private static String header(DockerHttpClient.Response response, String name) {
        Map<String, List<String>> headers = response.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (name.equalsIgnoreCase(e.getKey()) && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
