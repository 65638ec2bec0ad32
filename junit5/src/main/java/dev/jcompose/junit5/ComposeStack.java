package dev.jcompose.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a compose stack before a test class's tests and removes it after them, even when tests
 * fail, and on JVM exit (a shutdown hook) when the run is cut short. No {@code docker compose}
 * binary is needed: jcompose reads the files and talks to the engine itself.
 *
 * <pre>{@code
 * @ComposeStack(files = "src/test/resources/compose.yaml", profiles = "db")
 * class OrderRepositoryIT {
 *
 *     @Test
 *     void storesOrders(@ServiceEndpoint(service = "db", port = 5432) Endpoint db) {
 *         var url = "jdbc:postgresql://" + db + "/orders";
 *         // ...
 *     }
 *
 *     @Test
 *     void seesTheSchema(ComposeProject stack) {
 *         assertEquals(0, stack.exec("db", "psql", "-c", "select 1").exitCode());
 *     }
 * }
 * }</pre>
 *
 * <p>Each run gets a random project name ({@code orderrepositoryit-3f9c1a2b}), so parallel builds
 * on one engine never share containers. Before the first test, the stack is up and, with
 * {@link #waitUntilHealthy()}, ready: every service healthy (with a healthcheck), exited 0 (a one-shot
 * service others wait for) or running. When a test fails, each container's log is written to
 * {@link #logsDirectory()}{@code /<test class>/<test method>/<container>.log}.
 *
 * <p>Classes that give the same {@link #key()} share one stack: it starts with the first of them
 * and stops when the whole test run ends. The annotation can also sit on an annotation of your
 * own, to name a stack once and reuse it:
 *
 * <pre>{@code
 * @Retention(RetentionPolicy.RUNTIME)
 * @ComposeStack(files = "src/test/resources/shop.yaml", key = "shop")
 * @interface ShopStack { }
 * }</pre>
 *
 * <p>Test methods, constructors and lifecycle methods receive the stack's
 * {@link dev.jcompose.api.ComposeProject} handle as a parameter of that type, and published
 * ports through {@link ServiceEndpoint}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ComposeExtension.class)
public @interface ComposeStack {

    /**
     * Compose files, merged in order, relative to the working directory (a Maven module's
     * directory when Maven runs the tests). Empty: {@code compose.yaml} (or
     * {@code docker-compose.yml}) in the working directory or a parent.
     */
    String[] files() default {};

    /** Profiles to enable, as {@code --profile}. */
    String[] profiles() default {};

    /**
     * Variables for interpolation, as {@code KEY=value}; they win over the process environment
     * and env files.
     */
    String[] env() default {};

    /** Env files, as {@code --env-file}, relative to the working directory. */
    String[] envFiles() default {};

    /** Services to start, with their dependencies (empty: all). */
    String[] services() default {};

    /**
     * Wait until every service is ready before the tests (as {@code up --wait}): healthy, exited
     * 0 for one-shot services others wait for, or running. (Named so because an annotation
     * cannot have a {@code wait()} member: {@code Object.wait()} is final.)
     */
    boolean waitUntilHealthy() default true;

    /** The longest to wait for the stack to be ready, in seconds. */
    int waitTimeoutSeconds() default 120;

    /** Build images before starting, even when they exist (as {@code up --build}). */
    boolean build() default false;

    /**
     * A name shared by the test classes that use one stack: it starts once, with the first class
     * that needs it, and stops at the end of the test run. The classes must describe the same
     * stack (files, profiles, variables). Empty: the stack belongs to this class alone.
     */
    String key() default "";

    /**
     * The start of the project name; a random suffix is added to it. Empty: derived from the key
     * or the class name.
     */
    String projectName() default "";

    /** Where container logs are written when a test fails. */
    String logsDirectory() default "target/jcompose-logs";

    /**
     * Remove the stack's volumes too when it stops (the default: a test's data does not outlive
     * its run).
     */
    boolean removeVolumes() default true;

    /** Grace period for containers to stop before they are killed, in seconds. */
    int stopTimeoutSeconds() default 3;
}
