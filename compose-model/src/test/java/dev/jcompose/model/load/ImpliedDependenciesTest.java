package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.DependsOn;
import dev.jcompose.model.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dependencies compose-go (compose v2 2.26.1) writes into depends_on from links,
 * volumes_from and network_mode / ipc / pid {@code service:NAME}: what each kind implies, that a
 * declared one wins, that {@code --no-normalize} leaves them out, and that one on a service
 * whose profile is off is refused, as compose v2 refuses it.
 */
class ImpliedDependenciesTest {

    @TempDir
    Path dir;

    private static final String FILE = """
            services:
              db: {image: x}
              cache: {image: x}
              data: {image: x}
              web:
                image: x
                links: ["db:database", "cache"]
                volumes_from: ["data:ro", "container:other"]
                depends_on:
                  cache: {condition: service_healthy}
              sidecar:
                image: x
                network_mode: service:web
                ipc: service:db
                pid: service:cache
            """;

    @Test
    void writesWhatEachReferenceImplies() {
        Project p = new LoaderFixture(dir).load(FILE);
        Map<String, DependsOn> web = p.service("web").dependsOn();
        assertEquals(new DependsOn(DependsOn.STARTED, true, true), web.get("db"));
        assertEquals(new DependsOn(DependsOn.HEALTHY, null, true), web.get("cache"));
        assertEquals(new DependsOn(DependsOn.STARTED, null, true), web.get("data"));
        assertEquals(List.of("cache", "db", "data"), List.copyOf(web.keySet()));
        Map<String, DependsOn> sidecar = p.service("sidecar").dependsOn();
        assertEquals(List.of("web", "db", "cache"), List.copyOf(sidecar.keySet()));
        sidecar.values().forEach(d -> assertEquals(new DependsOn(DependsOn.STARTED, true, true),
                d));
        assertTrue(p.service("db").dependsOn().isEmpty());
    }

    @Test
    void printsThemAsComposeV2() {
        String yaml = ModelPrinter.yaml(new LoaderFixture(dir).load(FILE));
        assertTrue(yaml.contains("""
                    depends_on:
                      cache:
                        condition: service_healthy
                        required: true
                      data:
                        condition: service_started
                        required: true
                      db:
                        condition: service_started
                        restart: true
                        required: true
                """), yaml);
    }

    @Test
    void noNormalizeLeavesThemOut() {
        LoaderFixture f = new LoaderFixture(dir);
        f.write("compose.yaml", FILE + """
                  linked:
                    image: x
                    links: [off]
                  off: {image: x, profiles: [extra]}
                """);
        Project p = ComposeLoader.load(f.options().normalize(false).build());
        assertEquals(List.of("cache"), List.copyOf(p.service("web").dependsOn().keySet()));
        assertTrue(p.service("sidecar").dependsOn().isEmpty());
        assertTrue(p.service("linked").dependsOn().isEmpty());
    }

    @Test
    void refusesOneOnAServiceWhoseProfileIsOff() {
        ComposeFileException e = assertThrows(ComposeFileException.class, () ->
                new LoaderFixture(dir).load("""
                        services:
                          web:
                            image: x
                            links: [off]
                          off: {image: x, profiles: [extra]}
                        """));
        assertEquals("compose.yaml:4:13: services.web.links[0]: service \"web\" depends on "
                + "\"off\" through links, which is not enabled: activate one of its profiles "
                + "[extra], or declare it in depends_on with required: false",
                e.problems().get(0).toString().replace(dir + "/", ""));
        Project p = new LoaderFixture(dir).load("""
                services:
                  web:
                    image: x
                    links: [off]
                    depends_on:
                      off: {condition: service_started, required: false}
                  off: {image: x, profiles: [extra]}
                """);
        assertEquals(new DependsOn(DependsOn.STARTED, null, false),
                p.service("web").dependsOn().get("off"));
    }
}
