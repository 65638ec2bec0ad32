package dev.jcompose.runtime;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's HTTP traffic as {@code --verbose} shows it: one line per request (method, path,
 * the headers that matter) and one per answer (status, time), never a body. docker-java's own
 * debug logs cannot be shown instead: the HTTP client's wire log dumps every body (environment
 * values in a container's create request, secrets and configs in the archives copied into
 * containers, build contexts) and its header log the {@code X-Registry-Auth} header (a registry
 * password in base64), and docker-java prints commands with their credentials. Here the
 * registry headers and the build arguments are masked: docker compose v2, whose debug log shows
 * no request at all, never prints them either.
 */
final class RequestLog implements DockerHttpClient {

    static final String MASK = "<redacted>";

    private static final Logger LOG = LoggerFactory.getLogger("dev.jcompose.engine.http");
    private static final Pattern SECRET_QUERY = Pattern.compile(
            "(?i)([?&](?:buildargs|auth|password|token|secret)[^=&]*=)[^&]*");

    private final DockerHttpClient delegate;

    private RequestLog(DockerHttpClient delegate) {
        this.delegate = delegate;
    }

    /** {@code delegate}, logging its requests when debug logging is on. */
    static DockerHttpClient around(DockerHttpClient delegate) {
        return LOG.isDebugEnabled() ? new RequestLog(delegate) : delegate;
    }

    @Override
    public Response execute(Request request) {
        LOG.debug(">> {}", describe(request.method(), request.path(), request.headers()));
        long start = System.nanoTime();
        Response response;
        try {
            response = delegate.execute(request);
        } catch (RuntimeException e) {
            LOG.debug("<< {} {} failed: {}", request.method(), path(request.path()), e.toString());
            throw e;
        }
        LOG.debug("<< {} {} {} ({} ms)", response.getStatusCode(), request.method(),
                path(request.path()), (System.nanoTime() - start) / 1_000_000);
        return response;
    }

    /** The request line and headers as logged: query secrets and registry headers masked. */
    static String describe(String method, String path, Map<String, String> headers) {
        StringBuilder b = new StringBuilder(method).append(' ').append(path(path));
        headers.forEach((k, v) -> b.append(" [").append(k).append(": ")
                .append(sensitive(k) ? MASK : v).append(']'));
        return b.toString();
    }

    static String path(String path) {
        return SECRET_QUERY.matcher(path).replaceAll("$1" + MASK);
    }

    private static boolean sensitive(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        return h.startsWith("x-registry-") || h.equals("authorization")
                || h.equals("proxy-authorization") || h.equals("cookie");
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
