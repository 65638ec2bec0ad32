package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of the image adapter that need no engine. */
class DockerImagesTest {

    @Test
    void theRegistriesOfABuildAreThoseItsFromLinesName() {
        String dockerfile = """
                ARG BASE=127.0.0.1:5000/base
                ARG TAG
                FROM --platform=linux/amd64 ${BASE}:${TAG:-1} AS builder
                RUN make
                FROM builder AS test
                from registry.example.com/runtime:2
                FROM scratch
                FROM $UNSET/x
                COPY --from=builder /out /
                FROM busybox
                """;
        assertEquals(List.of("127.0.0.1:5000", "registry.example.com", "docker.io"),
                List.copyOf(DockerImages.fromRegistries(dockerfile, Map.of())));
        assertEquals(Set.of("other:1", "registry.example.com", "docker.io"),
                DockerImages.fromRegistries(dockerfile, Map.of("BASE", "other:1/base")));
    }

    @Test
    void repeatedReasonsAreSaidOnce() {
        assertEquals("manifest for x:1 not found: manifest unknown",
                DockerImages.dedupe("manifest for x:1 not found: manifest unknown: "
                        + "manifest unknown"));
        assertEquals("a: b", DockerImages.dedupe("a: b"));
    }

    @Test
    void engineTimesAreParsedAndTheZeroTimeIsNone() {
        assertEquals(Instant.parse("2024-01-02T03:04:05.123456789Z"),
                DockerImages.time("2024-01-02T03:04:05.123456789Z"));
        assertEquals(Instant.parse("2024-01-02T01:04:05Z"),
                DockerImages.time("2024-01-02T03:04:05+02:00"));
        assertNull(DockerImages.time("0001-01-01T00:00:00Z"));
        assertNull(DockerImages.time(null));
    }
}
