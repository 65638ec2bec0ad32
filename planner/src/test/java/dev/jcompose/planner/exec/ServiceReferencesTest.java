package dev.jcompose.planner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.planner.ObservedState;
import dev.jcompose.planner.Reconciler;
import dev.jcompose.planner.UpPlanOptions;
import dev.jcompose.planner.engine.ContainerSpec;
import dev.jcompose.planner.engine.Engine;
import dev.jcompose.planner.fake.InMemoryEngine;
import dev.jcompose.planner.fake.TestProjects;
import dev.jcompose.planner.progress.ProgressListener;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The containers that {@code service:} references name ({@code network_mode}, {@code links},
 * {@code volumes_from}) are read from one listing per plan, kept current by the plan's own steps.
 */
class ServiceReferencesTest {

    @TempDir
    Path dir;

    private static final String STACK = """
            services:
              db:
                image: db:1
              app:
                image: app:1
                network_mode: service:db
                depends_on: [db]
              files:
                image: app:1
                volumes_from: [db]
                depends_on: [db]
              web:
                image: app:1
                links: [db]
                depends_on: [db]
            """;

    /** The engine, counting the container listings made through it. */
    private static Engine counting(Engine engine, AtomicInteger listings) {
        return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(),
                new Class<?>[] {Engine.class}, (proxy, method, args) -> {
                    if (method.getName().equals("listContainers")) {
                        listings.incrementAndGet();
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void up(Project p, InMemoryEngine engine, AtomicInteger listings)
            throws InterruptedException {
        new Executor(counting(engine, listings), "demo", ProgressListener.NONE, 8, null)
                .execute(Reconciler.planUp(p, ObservedState.observe(engine, p),
                        UpPlanOptions.defaults()));
    }

    private static ContainerSpec created(InMemoryEngine engine, String name) {
        List<ContainerSpec> specs = engine.createdSpecs().stream()
                .filter(s -> s.name().equals(name)).toList();
        return specs.get(specs.size() - 1);
    }

    @Test
    void threeServicesReferringToAnotherListTheProjectsContainersOnce() throws Exception {
        InMemoryEngine engine = new InMemoryEngine().withImage("db:1").withImage("db:2")
                .withImage("app:1");
        AtomicInteger listings = new AtomicInteger();
        up(TestProjects.load(dir, "demo", STACK), engine, listings);
        assertEquals(1, listings.get(), "one listing for the plan's three creates");
        String db = engine.inspectContainer("demo-db-1").orElseThrow().id();
        assertEquals("container:" + db, created(engine, "demo-app-1").networkMode());
        assertEquals(List.of(db), created(engine, "demo-files-1").volumesFrom());
        assertEquals(List.of("demo-db-1:db"), created(engine, "demo-web-1").links());

        // db recreated, app's container created again: it joins the new db container
        engine.removeContainer(engine.inspectContainer("demo-app-1").orElseThrow().id(), true,
                false);
        listings.set(0);
        up(TestProjects.load(dir, "demo", STACK.replace("db:1", "db:2")), engine, listings);
        String newDb = engine.inspectContainer("demo-db-1").orElseThrow().id();
        assertTrue(!newDb.equals(db), "db recreated");
        assertEquals("container:" + newDb, created(engine, "demo-app-1").networkMode(),
                "the reference names the container that replaced db's");
        assertEquals(1, listings.get());
    }
}
