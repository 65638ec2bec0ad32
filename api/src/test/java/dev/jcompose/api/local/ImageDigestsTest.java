package dev.jcompose.api.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** References normalised as the docker CLI does before {@code config --resolve-image-digests}. */
class ImageDigestsTest {

    @ParameterizedTest
    @CsvSource({
        "busybox, docker.io/library/busybox:latest",
        "busybox:1.36, docker.io/library/busybox:1.36",
        "me/app, docker.io/me/app:latest",
        "docker.io/busybox, docker.io/library/busybox:latest",
        "localhost/app:2, localhost/app:2",
        "127.0.0.1:5000/team/app, 127.0.0.1:5000/team/app:latest",
        "registry.example/app@sha256:abc, registry.example/app@sha256:abc",
    })
    void normalisedAsTheDockerCliDoes(String given, String normalised) {
        assertEquals(normalised, ImageDigests.normalised(given));
    }

    @org.junit.jupiter.api.Test
    void publishedOverrideIsComposeV2s() {
        String d = "sha256:0d9b9030daa44c0aef3721b20078932c36edfed694e26b1ee8595eb71090c829";
        java.util.Map<String, String> images = new java.util.LinkedHashMap<>();
        images.put("web", "127.0.0.1:5077/base:1@" + d);
        images.put("other", "127.0.0.1:5077/base:latest@" + d);
        images.put("1", "docker.io/library/redis:latest@" + d);
        // as compose v2 2.26.1 published it: services in name order, a numeric name quoted
        assertEquals("""
                services:
                  "1":
                    image: docker.io/library/redis:latest@%1$s
                  other:
                    image: 127.0.0.1:5077/base:latest@%1$s
                  web:
                    image: 127.0.0.1:5077/base:1@%1$s
                """.formatted(d), ImageDigests.override(images));
    }
}
