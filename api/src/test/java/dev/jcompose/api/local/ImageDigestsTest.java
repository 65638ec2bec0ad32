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
}
