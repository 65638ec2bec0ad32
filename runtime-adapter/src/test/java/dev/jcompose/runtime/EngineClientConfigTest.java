package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineClientConfigTest {

    @Test
    void plainConnectionsCarryOnlyTheHostAndNoCredentials() throws Exception {
        var config = EngineClientConfig.forHost("unix:///var/run/docker.sock", Map.of());
        assertInstanceOf(EngineClientConfig.class, config);
        assertEquals(URI.create("unix:///var/run/docker.sock"), config.getDockerHost());
        assertNull(config.effectiveAuthConfig("registry.example:5000/app"));
        assertTrue(config.getAuthConfigurations().getConfigs().isEmpty());
        assertNotNull(config.getSSLConfig().getSSLContext());
    }

    @Test
    void plainTcpGetsNoTlsSettingsSoDockerJavaSpeaksHttp() {
        var config = EngineClientConfig.forHost("tcp://127.0.0.1:2375", Map.of());
        assertNull(config.getSSLConfig());
    }

    @Test
    void tlsSettingsKeepDockerJavasConfiguration() {
        assertTrue(EngineClientConfig.usesTls(Map.of("DOCKER_TLS_VERIFY", "1")));
        assertTrue(EngineClientConfig.usesTls(Map.of("DOCKER_CERT_PATH", "/certs")));
        assertFalse(EngineClientConfig.usesTls(Map.of("DOCKER_TLS_VERIFY", "")));
        assertFalse(EngineClientConfig.usesTls(Map.of("DOCKER_TLS_VERIFY", "0")));
        assertFalse(EngineClientConfig.usesTls(Map.of()));
        assertInstanceOf(DefaultDockerClientConfig.class, EngineClientConfig.forHost(
                "tcp://127.0.0.1:2376", Map.of("DOCKER_TLS_VERIFY", "1")));
    }
}
