package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.PortConfig;
import dev.jcompose.model.Project;
import dev.jcompose.model.Service;
import dev.jcompose.model.ServiceModel;
import dev.jcompose.model.ServiceVolume;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheIssueTwoServiceKeys() {
        Project p = new LoaderFixture(dir).load("""
                services:
                  web:
                    image: busybox
                    command: httpd -f -p "8080"
                    entrypoint: [/bin/sh, -c]
                    environment:
                      - A=1
                      - B
                    ports:
                      - "127.0.0.1:8080:80"
                      - "9000-9001:9000-9001/udp"
                    expose: [3000]
                    volumes:
                      - data:/data
                      - ./site:/www:ro
                    networks: [front]
                    depends_on: [db]
                    working_dir: /www
                    user: "1000"
                    labels: {tier: web}
                    restart: unless-stopped
                    hostname: web1
                    container_name: the-web
                  db:
                    image: busybox
                volumes:
                  data:
                networks:
                  front:
                """, Map.of("B", "from-shell"));
        Service web = p.service("web");
        assertEquals(dir.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9_-]", ""),
                p.name());
        assertEquals(List.of("httpd", "-f", "-p", "8080"), web.command());
        assertEquals(List.of("/bin/sh", "-c"), web.entrypoint());
        assertEquals("1", web.environment().get("A"));
        assertEquals("from-shell", web.environment().get("B"));
        assertEquals(3, web.ports().size());
        PortConfig first = web.ports().get(0);
        assertEquals("127.0.0.1", first.hostIp());
        assertEquals("8080", first.published());
        assertEquals(80, first.target());
        assertEquals("udp", web.ports().get(2).protocol());
        assertEquals(List.of("3000"), web.expose());
        ServiceVolume data = web.volumes().get(0);
        assertEquals("volume", data.type());
        assertEquals("data", data.source());
        ServiceVolume site = web.volumes().get(1);
        assertEquals("bind", site.type());
        assertEquals(dir.resolve("site").toString(), site.source());
        assertTrue(site.isReadOnly());
        assertEquals(List.of("front"), List.copyOf(web.networks().keySet()));
        assertEquals("service_started", web.dependsOn().get("db").condition());
        assertEquals("1000", web.user());
        assertEquals("web", web.labels().get("tier"));
        assertEquals("unless-stopped", web.restart());
        assertEquals("the-web", web.containerName());
        assertEquals(List.of("default"), List.copyOf(p.service("db").networks().keySet()));
        assertEquals(p.name() + "_data", p.volumes().get("data").name());
        assertEquals(p.name() + "_front", p.networks().get("front").name());
        assertEquals(p.name() + "_default", p.networks().get("default").name());
    }

    @Test
    void reportsEveryErrorWithFileLineAndKey() {
        ComposeFileException e = assertThrows(ComposeFileException.class, () ->
                new LoaderFixture(dir).load("""
                        services:
                          web:
                            imag: busybox
                            ports: 80
                            restart: sometimes
                        """));
        String msg = e.getMessage();
        assertEquals(3, e.problems().size(), msg);
        assertTrue(msg.contains("compose.yaml:3:5: services.web.imag: unknown key \"imag\" in a "
                + "service (did you mean \"image\"?)"), msg);
        assertTrue(msg.contains("compose.yaml:4:12: services.web.ports: must be a list"), msg);
        assertTrue(msg.contains("compose.yaml:5:14: services.web.restart: \"sometimes\" is not a "
                + "restart policy"), msg);
    }

    @Test
    void interpolatesWithDefaultsAndDotEnv() {
        LoaderFixture f = new LoaderFixture(dir);
        f.write(".env", "TAG=1.2\nexport PORT=8081\n");
        Project p = f.load("""
                name: ${NAME:-demo}
                services:
                  web:
                    image: "busybox:${TAG}"
                    ports: ["${PORT}:80"]
                    environment:
                      COST: $$5
                """);
        assertEquals("demo", p.name());
        assertEquals("busybox:1.2", p.service("web").image());
        assertEquals("8081", p.service("web").ports().get(0).published());
        assertEquals("$5", p.service("web").environment().get("COST"));
    }

    @Test
    void mergesOverrideFile() {
        LoaderFixture f = new LoaderFixture(dir);
        f.write("compose.override.yaml", """
                services:
                  web:
                    command: ["b"]
                    environment: [X=2]
                    ports: ["81:81"]
                """);
        Project p = f.load("""
                services:
                  web:
                    image: busybox
                    command: ["a", "b"]
                    environment: {X: "1", Y: "1"}
                    ports: ["80:80"]
                """);
        Service web = p.service("web");
        assertEquals(List.of("b"), web.command());
        assertEquals(Map.of("X", "2", "Y", "1"), web.environment());
        assertEquals(2, web.ports().size());
    }

    @Test
    void printsLoadableCanonicalYaml() {
        Project p = new LoaderFixture(dir).load("""
                services:
                  web:
                    image: busybox
                    ports: ["8080:80"]
                    stop_grace_period: 90s
                    mem_limit: 512m
                """);
        String yaml = ModelPrinter.yaml(p);
        assertTrue(yaml.contains("stop_grace_period: 1m30s"), yaml);
        assertTrue(yaml.contains("mem_limit: \"536870912\""), yaml);
        Project again = new LoaderFixture(dir).load(yaml);
        assertEquals(p.services(), again.services());
        assertNull(again.service("web").command());
    }

    @Test
    void loadsModelsAndPreStartHooks() {
        Project p = new LoaderFixture(dir).load("""
                services:
                  app:
                    image: busybox
                    models: [llm]
                    pre_start:
                      - command: sh -c 'echo ready > /data/flag'
                        environment: [STAGE=init]
                      - image: migrator
                        per_replica: true
                  worker:
                    image: busybox
                    models:
                      embed-model: {endpoint_var: EMBED_URL}
                models:
                  llm: {model: ai/smollm2, context_size: 4096, runtime_flags: ["--verbose"]}
                  embed-model: {model: ai/embed}
                """);
        Service app = p.service("app");
        assertEquals(List.of("sh", "-c", "echo ready > /data/flag"),
                app.preStart().get(0).command());
        assertEquals(Map.of("STAGE", "init"), app.preStart().get(0).environment());
        assertNull(app.preStart().get(0).image());
        assertEquals("migrator", app.preStart().get(1).image());
        assertTrue(app.preStart().get(1).runsPerReplica());
        assertEquals(java.util.Set.of("llm"), app.models().keySet());
        assertEquals(4096L, p.models().get("llm").contextSize());
        assertEquals(List.of("--verbose"), p.models().get("llm").runtimeFlags());
        ServiceModel embed = p.service("worker").models().get("embed-model");
        assertEquals("EMBED_URL", ServiceModel.endpointVariable("embed-model", embed));
        assertEquals("EMBED_MODEL_MODEL", ServiceModel.modelVariable("embed-model", embed));
        assertEquals("LLM_URL", ServiceModel.endpointVariable("llm", app.models().get("llm")));
        Project again = new LoaderFixture(dir).load(ModelPrinter.yaml(p));
        assertEquals(p.services(), again.services());
        assertEquals(p.models(), again.models());
    }

    @Test
    void refusesUndefinedModelsAndUnknownHookKeys() {
        ComposeFileException e = assertThrows(ComposeFileException.class, () ->
                new LoaderFixture(dir).load("""
                        services:
                          app:
                            image: busybox
                            models: [llm]
                            pre_start:
                              - comand: "true"
                        models:
                          lm: {context_size: 10}
                        """));
        String msg = e.getMessage();
        assertTrue(msg.contains("compose.yaml:6:9: services.app.pre_start[0].comand: unknown key "
                + "\"comand\" in a pre_start hook (did you mean \"command\"?)"), msg);
        assertTrue(msg.contains("compose.yaml:8:7: models.lm: a model needs \"model\""),
                msg);
    }

    @Test
    void refusesAServiceUsingAnUndeclaredModel() {
        ComposeFileException e = assertThrows(ComposeFileException.class, () ->
                new LoaderFixture(dir).load("""
                        services:
                          app:
                            image: busybox
                            models: [lm]
                        models:
                          llm: {model: ai/smollm2}
                        """));
        assertTrue(e.getMessage().contains("compose.yaml:4:14: services.app.models.lm: service "
                + "\"app\" uses undefined model \"lm\" (did you mean \"llm\"?); declare it "
                + "under the top-level models:"), e.getMessage());
    }
}
