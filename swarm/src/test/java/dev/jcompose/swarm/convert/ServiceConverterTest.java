package dev.jcompose.swarm.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.model.Project;
import dev.jcompose.runtime.DockerApi;
import dev.jcompose.swarm.Projects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One service with every concern set, converted, against golden JSON text. */
class ServiceConverterTest {

    @TempDir
    Path dir;

    @Test
    void convertsAServiceWithEveryConcernAsGolden() throws IOException {
        Projects files = new Projects(dir);
        files.write("pw.txt", "s3cret");
        Project p = files.load("""
                services:
                  web:
                    image: registry.local/web:1.2
                    command: [serve, --port, "8080"]
                    environment: {MODE: prod}
                    labels: {tier: front}
                    healthcheck: {test: [CMD, wget, -qO-, localhost:8080], interval: 5s, retries: 3}
                    restart: unless-stopped
                    ports: [{target: 8080, published: 80, mode: host}]
                    networks: [front]
                    volumes: [cache:/cache]
                    secrets: [pw]
                    configs: [{source: conf, target: /etc/web.conf, mode: 0440}]
                    logging: {driver: json-file, options: {max-size: 1m}}
                    deploy:
                      mode: replicated
                      replicas: 3
                      endpoint_mode: dnsrr
                      labels: {team: web}
                      placement: {constraints: [node.role == worker], max_replicas_per_node: 1}
                      resources: {limits: {cpus: "0.5", memory: 128m}}
                      update_config: {parallelism: 1, delay: 2s, failure_action: rollback, order: start-first}
                      rollback_config: {parallelism: 0}
                networks:
                  front: {attachable: true}
                volumes:
                  cache: {}
                secrets:
                  pw: {file: pw.txt}
                configs:
                  conf: {content: "listen 8080"}
                """);
        Namespace ns = new Namespace("st");
        StackObjects objects = StackObjects.of(ns, p, FileObjects.contentOf(p));
        String actual = DockerApi.json().writerWithDefaultPrettyPrinter().writeValueAsString(
                DockerApi.json().readTree(Specs.json(ServiceConverter.convert(ns, p,
                        p.service("web"), objects, Ids.NAMES))));
        assertEquals(golden("web-service.json"), actual + "\n");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ServiceConverterTest.class.getResourceAsStream("/golden/" + name)) {
            return in == null ? "(missing golden " + name + ")"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
