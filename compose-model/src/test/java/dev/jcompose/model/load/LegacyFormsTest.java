package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Older spellings docker compose still accepts, and sizes with units. */
class LegacyFormsTest {

    @TempDir
    Path dir;

    @Test
    void externalWithANameIsAnExternalResourceOfThatName() {
        Project p = new LoaderFixture(dir).load("""
                services:
                  web: {image: busybox, networks: [front]}
                networks:
                  front:
                    external: {name: shared-front}
                volumes:
                  data:
                    external: {name: shared-data}
                """);
        assertTrue(p.networks().get("front").isExternal());
        assertEquals("shared-front", p.networks().get("front").name());
        assertEquals("shared-data", p.volumes().get("data").name());
    }

    @Test
    void nameAndExternalNameTogetherAreRefused() {
        ComposeFileException e = assertThrows(ComposeFileException.class,
                () -> new LoaderFixture(dir).load("""
                        services:
                          web: {image: busybox}
                        volumes:
                          data:
                            name: a
                            external: {name: b}
                        """));
        assertTrue(e.getMessage().contains("volumes.data.external.name: name and external.name "
                + "conflict; only use name"), e.getMessage());
    }

    @Test
    void memorySwapAndIoRatesTakeUnits() {
        Project p = new LoaderFixture(dir).load("""
                services:
                  web:
                    image: busybox
                    memswap_limit: 1g
                    blkio_config:
                      device_read_bps: [{path: /dev/sda, rate: 1024k}]
                """);
        assertEquals(1L << 30, p.service("web").memswapLimit());
        assertEquals(1L << 20, p.service("web").blkioConfig().deviceReadBps().get(0).rate());
    }
}
