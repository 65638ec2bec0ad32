package dev.jcompose.api.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Images named in full and pinned as compose v2 2.26 writes them in image-digests.yaml. */
class ImageDigestsTest {

    private static final String D = "sha256:0d9b9030daa44c0aef3721b20078932c36edfed694e26b1ee85"
            + "95eb71090c829";

    @Test
    void imagesAreNamedInFullWithTheirTag() {
        assertEquals("docker.io/library/redis:latest", ImageDigests.named("redis"));
        assertEquals("docker.io/library/redis:7", ImageDigests.named("redis:7"));
        assertEquals("docker.io/bitnami/redis:latest", ImageDigests.named("bitnami/redis"));
        assertEquals("127.0.0.1:5077/base:latest", ImageDigests.named("127.0.0.1:5077/base"));
        assertEquals("127.0.0.1:5077/base:1", ImageDigests.named("127.0.0.1:5077/base:1"));
        assertEquals("localhost/app:latest", ImageDigests.named("localhost/app"));
        assertEquals("ghcr.io/o/app:2", ImageDigests.named("ghcr.io/o/app:2@" + D));
        assertEquals("ghcr.io/o/app", ImageDigests.named("ghcr.io/o/app@" + D));
    }

    @Test
    void aDigestAlreadyGivenIsKept() {
        assertEquals(D, ImageDigests.digestOf("redis@" + D));
        assertNull(ImageDigests.digestOf("redis:7"));
        assertEquals("docker.io/library/redis:7@" + D, ImageDigests.pinned("redis:7", D));
    }

    @Test
    void theOverrideIsComposeV2s() {
        Map<String, String> pinned = new LinkedHashMap<>();
        pinned.put("web", "127.0.0.1:5077/base:1@" + D);
        pinned.put("other", "127.0.0.1:5077/base:latest@" + D);
        pinned.put("1", "docker.io/library/redis:latest@" + D);
        // as compose v2 2.26.1 published it (services in name order), a quoted numeric name
        assertEquals("""
                services:
                  "1":
                    image: docker.io/library/redis:latest@%1$s
                  other:
                    image: 127.0.0.1:5077/base:latest@%1$s
                  web:
                    image: 127.0.0.1:5077/base:1@%1$s
                """.formatted(D), ImageDigests.override(pinned));
    }
}
