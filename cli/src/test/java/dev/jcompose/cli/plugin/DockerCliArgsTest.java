package dev.jcompose.cli.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.DockerCliOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Command lines as the docker CLI hands them to its compose plugin
 * ({@code docker-compose [docker options] compose [args]}, cli-plugins/manager's
 * PluginRunCommand passes its own arguments through) and as users type them to jcompose.
 */
class DockerCliArgsTest {

    private static final Map<String, String> PLUGIN =
            Map.of(DockerCliArgs.PLUGIN_ENV, "/usr/local/bin/docker", "HOME", "/home/u");
    private static final Set<String> VALUED = Set.of("-f", "--file", "-p", "--project-name");

    private static DockerCliArgs plugin(String... args) {
        return DockerCliArgs.parse(args, PLUGIN, VALUED);
    }

    private static DockerCliArgs standalone(String... args) {
        return DockerCliArgs.parse(args, Map.of("HOME", "/home/u"), VALUED);
    }

    @Test
    void asAPluginTheWordComposeIsDroppedAndDockersOptionsTaken() {
        DockerCliArgs a = plugin("--context", "remote", "compose", "-p", "x", "ps", "--context");
        assertTrue(a.plugin());
        assertEquals("remote", a.options().context());
        assertEquals(List.of("-p", "x", "ps", "--context"), a.composeArgs());
        assertEquals(List.of("ps"), plugin("compose", "ps").composeArgs());
    }

    @Test
    void everySpellingOfDockersFlagsIsRead() {
        DockerCliArgs a = plugin("-c=one", "-Htcp://h:1", "--tls", "--tlsverify=false",
                "--tlscacert", "/c/ca.pem", "--tlscert=/c/cert.pem", "--tlskey", "/c/key.pem",
                "compose", "up");
        assertEquals(new DockerCliOptions("one", List.of("tcp://h:1"), true, false,
                "/c/ca.pem", "/c/cert.pem", "/c/key.pem", null), a.options());
        assertEquals(List.of("a", "b"), plugin("-H", "a", "--host=b", "compose", "ps").options()
                .hosts());
        assertEquals("x", plugin("-Dc", "x", "compose", "ps").options().context());
        assertEquals(List.of("--verbose", "ps"), plugin("-Dc", "x", "compose", "ps").composeArgs());
        assertEquals(List.of("--verbose", "ps"), plugin("-l", "debug", "compose", "ps")
                .composeArgs());
        assertEquals(List.of("ps"), plugin("--log-level=warn", "compose", "ps").composeArgs());
        assertEquals(Boolean.TRUE, plugin("--tls=1", "compose", "ps").options().tls());
    }

    @Test
    void everyValuedSpellingTheLauncherSkipsTakesAValue() {
        for (String option : DockerCliArgs.VALUED_OPTIONS) {
            List<String> rest = standalone(option, "debug", "ps").composeArgs();
            assertEquals("ps", rest.get(rest.size() - 1), option);
            assertFalse(rest.contains("debug"), option + " left its value: " + rest);
        }
    }

    @Test
    void configMovesTheDockerConfigurationButNotWhereTheDefaultTlsFilesAre() {
        DockerCliArgs a = plugin("--config", "/elsewhere", "compose", "ps");
        assertEquals("/elsewhere", a.env().get("DOCKER_CONFIG"));
        assertEquals("/home/u/.docker", a.env().get("DOCKER_CERT_PATH"));
        assertFalse(a.options().given());
        assertEquals(PLUGIN, plugin("compose", "ps").env());
    }

    @Test
    void standaloneDockerOptionsMayStandAmongJcomposesOwn() {
        DockerCliArgs a = standalone("-f", "compose.yaml", "--context", "remote", "-p", "x",
                "up", "-d");
        assertFalse(a.plugin());
        assertEquals("remote", a.options().context());
        assertEquals(List.of("-f", "compose.yaml", "-p", "x", "up", "-d"), a.composeArgs());
        // without the plugin variable, compose is a word like any other
        assertEquals(List.of("compose", "ps"), standalone("compose", "ps").composeArgs());
        // options after the command are the command's
        assertEquals(List.of("ps", "-H", "x"), standalone("ps", "-H", "x").composeArgs());
        assertEquals(DockerCliOptions.NONE, standalone("ps", "-H", "x").options());
    }

    @Test
    void mistakesAreUsageErrorsAsTheDockerCliWordsThem() {
        assertEquals("flag needs an argument: --context",
                assertThrows(IllegalArgumentException.class, () -> plugin("--context"))
                        .getMessage());
        assertEquals("invalid argument \"maybe\" for \"--tls\" flag: parse error",
                assertThrows(IllegalArgumentException.class,
                        () -> plugin("--tls=maybe", "compose", "ps")).getMessage());
        assertEquals("Unable to parse logging level: loud",
                assertThrows(IllegalArgumentException.class,
                        () -> plugin("-l", "loud", "compose", "ps")).getMessage());
    }
}
