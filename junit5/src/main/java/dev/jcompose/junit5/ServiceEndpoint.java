package dev.jcompose.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects where the host reaches a service's port, in a test of a {@link ComposeStack} class.
 * The parameter may be:
 * <ul>
 *   <li>{@link dev.jcompose.api.Endpoint}: host and published port;</li>
 *   <li>{@link String}: {@code host:port};</li>
 *   <li>{@code int} or {@link Integer}: the published port;</li>
 *   <li>{@link java.net.URI}: {@code scheme://host:port}, with {@link #scheme()}.</li>
 * </ul>
 *
 * <pre>{@code
 * @Test
 * void answers(@ServiceEndpoint(service = "web", port = 8080) URI web) throws Exception {
 *     var response = HttpClient.newHttpClient().send(
 *             HttpRequest.newBuilder(web.resolve("/hello")).build(),
 *             HttpResponse.BodyHandlers.ofString());
 *     assertEquals("hello", response.body());
 * }
 * }</pre>
 *
 * <p>The service must publish the port: {@code ports: ["8080"]} in the compose file publishes
 * it on a free host port, which is what tests should do so that runs never collide.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ServiceEndpoint {

    /** The service's name in the compose file. */
    String service();

    /** The port inside the container (the target of {@code ports:}). */
    int port();

    /** The scheme of an injected {@link java.net.URI}. */
    String scheme() default "http";
}
