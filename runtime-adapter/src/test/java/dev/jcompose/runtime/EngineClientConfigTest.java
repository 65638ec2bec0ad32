package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EngineClientConfigTest {

    @Test
    void plainConnectionsCarryOnlyTheHostAndNoCredentials() throws Exception {
        var config = EngineClientConfig.forHost(URI.create("unix:///var/run/docker.sock"));
        assertInstanceOf(EngineClientConfig.class, config);
        assertEquals(URI.create("unix:///var/run/docker.sock"), config.getDockerHost());
        assertNull(config.effectiveAuthConfig("registry.example:5000/app"));
        assertTrue(config.getAuthConfigurations().getConfigs().isEmpty());
        assertNotNull(config.getSSLConfig().getSSLContext());
    }

    @Test
    void plainTcpGetsNoTlsSettingsSoDockerJavaSpeaksHttp() {
        var config = EngineClientConfig.forHost(URI.create("tcp://127.0.0.1:2375"));
        assertNull(config.getSSLConfig());
    }
}
