package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.LoadOptions;
import dev.jcompose.planner.fake.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config hash is compose v2's: the expected values are what compose v2 2.26.1 wrote on the
 * containers of this file (and prints with {@code config --hash '*'}), so a container either
 * tool created is up to date for the other. The file covers the Go-isms of compose-go's JSON:
 * null command and entrypoint, empty deploy structs, a short-syntax volume's empty options,
 * {@code <>&} escaped, and the fields left out (build, pull_policy, scale, deploy.replicas).
 */
class ConfigHashTest {

    @TempDir
    Path dir;

    private static final String FILE = """
            services:
              web:
                image: jcompose/base:latest
                command: httpd -f -p 8080
                ports: ["8080", "127.0.0.1::9000/udp"]
                expose: ["7000"]
                environment: ["A=1", "B"]
                labels: {x: "a<b&c"}
                restart: unless-stopped
                stop_grace_period: 3s
                healthcheck:
                  test: ["CMD-SHELL", "true"]
                  interval: 1s
                deploy:
                  resources:
                    limits: {memory: 64M, cpus: "0.5"}
                volumes:
                  - data:/data:ro
                  - type: tmpfs
                    target: /scratch
                networks:
                  back:
                    aliases: [w]
                depends_on:
                  db: {condition: service_healthy, restart: true}
                user: "0"
                working_dir: /w
                extra_hosts: ["a:1.2.3.4"]
                ulimits: {nofile: {soft: 100, hard: 200}}
                logging: {driver: json-file, options: {max-size: 1m}}
                cap_add: [NET_ADMIN]
                sysctls: {net.core.somaxconn: 1024}
              db:
                image: jcompose/base:latest
                command: ["sleep", "300"]
                networks: [back]
                init: true
                tty: true
                pull_policy: always
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 1s
                deploy:
                  replicas: 2
              job:
                build: .
                entrypoint: ["/bin/sh", "-c"]
                command: ["true"]
                scale: 2
            networks:
              back:
            volumes:
              data:
            """;

    @Test
    void hashesAsComposeV2Does() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Project p = TestProjects.load(dir, "golden", FILE);
        assertEquals("9e0aac20cb66f7c85a70d1a2f2f6b4d6bb2bdc477594a4cedb5530c958b96629",
                ConfigHash.of(p.service("web")));
        assertEquals("3c8d8fa6e8b213669bc07a8a52f2bbcc00ffa662deafa861a1c1d5fb9d2c0613",
                ConfigHash.of(p.service("db")));
        assertEquals("66e9434f6fe539d8537b491b9c8d30e34d8c50d9de65dd7c7b2b556ffce41567",
                ConfigHash.of(p.service("job")));
    }

    /**
     * The dependencies compose-go implies from links, volumes_from and network_mode / ipc /
     * pid {@code service:NAME} are in depends_on, so in the hash; a declared one is kept as
     * declared, {@code restart: false} is hashed as unset. Hashes printed by compose v2 2.26.1
     * ({@code -p golden config --hash '*'}).
     */
    @Test
    void hashesImpliedDependenciesAsComposeV2Does() throws Exception {
        Project p = TestProjects.load(dir, "golden", """
                services:
                  db:
                    image: jcompose/base:latest
                    command: ["sleep", "300"]
                  cache:
                    image: jcompose/base:latest
                    command: ["sleep", "300"]
                  data:
                    image: jcompose/base:latest
                    command: ["true"]
                  web:
                    image: jcompose/base:latest
                    command: ["sleep", "300"]
                    links: ["db:database", "cache"]
                    volumes_from: ["data:ro", "container:some-container"]
                    depends_on:
                      cache: {condition: service_healthy}
                  sidecar:
                    image: jcompose/base:latest
                    command: ["sleep", "300"]
                    network_mode: service:web
                    ipc: service:db
                    pid: service:cache
                  job:
                    image: jcompose/base:latest
                    volumes_from: [data]
                    depends_on:
                      db: {condition: service_started, restart: false}
                """);
        assertEquals("a094660023d0b772d1dd6683ed776cd042e94910c915ed31428b6dd26327f006",
                ConfigHash.of(p.service("web")));
        assertEquals("17fb8126c2d7551a72bd595fda36748c58baa7d0bde7c80e6152201f18e32ae5",
                ConfigHash.of(p.service("sidecar")));
        assertEquals("48b068ae8c32017f9baaa176eafbbafc22d5a872f8d99e642fa65c381a8e8049",
                ConfigHash.of(p.service("job")));
        assertEquals("adec5176c8ae7dc37b8be1b69d6707a0a966b0105c390a0d1b7a2a7d5a1d9079",
                ConfigHash.of(p.service("db")));
    }

    /**
     * At up, compose v2 hashes network_mode / ipc / pid {@code service:NAME} and volumes_from
     * with NAME's container id: the label compose v2 2.26.1 wrote on side's container when db's
     * container had this id. A plan that creates db too leaves the hash pending until then.
     */
    @Test
    void hashesServiceReferencesWithTheContainerIdAsComposeV2DoesAtUp() throws Exception {
        Project p = TestProjects.load(dir, "hfp1", """
                services:
                  db:
                    image: jcompose/base:latest
                    command: ["sleep", "300"]
                  side:
                    image: jcompose/base:latest
                    command: ["sleep", "300"]
                    network_mode: service:db
                    volumes_from: ["db:ro"]
                """);
        String db = "9af57db3986c66ae3acf5fd9e9f622a5eec3873ec1a06b84a4e2f58f50417599";
        String written = "f5bb98ed53fbd3f5a454702adf2149b5793ba67bf9c14a28cedc4b83d2622e8c";
        assertEquals(written, ConfigHash.of(p.service("side"), name -> db));
        String pending = ConfigHash.of(p.service("side"), name -> null);
        assertTrue(ConfigHash.isPending(pending), pending);
        assertEquals(written, ConfigHash.finish(pending, name -> db));
        // config --hash prints the service as written
        assertEquals("f08465b50612f1ba75a5663c43ff7bbb7b43e68a812b932a257bd452ecacca1b",
                ConfigHash.of(p.service("side")));
    }

    /**
     * compose-go gives a volume of the short syntax empty options and one of the long syntax
     * none unless written: three services that mount the same volumes, hashed by compose v2
     * 2.26.1 ({@code -p golden config --hash '*'}) to three values.
     */
    @Test
    void hashesTheShortAndLongVolumeSyntaxesApartAsComposeV2Does() throws Exception {
        Project p = TestProjects.load(dir, "golden", """
                services:
                  short:
                    image: x
                    volumes: ["data:/data", "/anon", "data:/ro:ro"]
                  long:
                    image: x
                    volumes:
                      - type: volume
                        source: data
                        target: /data
                      - type: volume
                        target: /anon
                  longopts:
                    image: x
                    volumes:
                      - type: volume
                        source: data
                        target: /data
                        volume: {}
                      - type: volume
                        source: data
                        target: /d2
                        volume: {nocopy: true}
                volumes:
                  data:
                """);
        assertEquals("b10046be6ed5dd8502c95c3c9284bed50c05eed1c1d9f92044143ffdd737eed2",
                ConfigHash.of(p.service("short")));
        assertEquals("53de96973ab4d474c64cff38ad55d7c2de8b8c2b1369f853101491e8368275da",
                ConfigHash.of(p.service("long")));
        assertEquals("664c094059f9758c88de433550f06c92eb711bc330f0e10db0f4f67fdec94187",
                ConfigHash.of(p.service("longopts")));
    }

    /**
     * {@code config --hash} hashes a service with its env files unread, as compose v2's: a
     * required file is its path alone in Go's JSON, an optional one its path and
     * {@code required: false} (compose v2 printed the same hashes for this file).
     */
    @Test
    void writesEnvFilesAsComposeGo() throws Exception {
        Files.writeString(dir.resolve("app.env"), "FROM_FILE=1\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  opt:
                    image: x
                    env_file:
                      - path: app.env
                      - path: missing.env
                        required: false
                    environment: [A=1]
                """);
        Project p = ComposeLoader.load(LoadOptions.builder().workingDir(dir).projectName("e")
                .processEnv(Map.of()).resolveEnvironment(false).build());
        assertEquals("{\"command\":null,\"entrypoint\":null,\"environment\":{\"A\":\"1\"},"
                + "\"env_file\":[\"" + dir.resolve("app.env") + "\",{\"path\":\""
                + dir.resolve("missing.env") + "\",\"required\":false}],\"image\":\"x\","
                + "\"networks\":{\"default\":null}}", ConfigHash.goJson(p.service("opt")));
    }

    @Test
    void goJsonOfAMinimalService() throws Exception {
        Project p = TestProjects.load(dir, "golden", """
                services:
                  a:
                    image: x
                    labels: {k: "<&>"}
                    deploy: {replicas: 3}
                """);
        assertEquals("{\"command\":null,\"deploy\":{\"resources\":{},\"placement\":{}},"
                + "\"entrypoint\":null,\"image\":\"x\",\"labels\":{\"k\":\"\\u003c\\u0026\\u003e\"},"
                + "\"networks\":{\"default\":null}}", ConfigHash.goJson(p.service("a")));
    }
}
