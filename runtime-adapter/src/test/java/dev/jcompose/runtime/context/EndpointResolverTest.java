package dev.jcompose.runtime.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resolution order, checked against the docker CLI itself: for each case, the context, the
 * address and whether verification is skipped that {@code docker context inspect} shows for
 * the current context, with the same options, variables, {@code config.json} and context store
 * (made by {@code docker context create}). Errors must be errors for both.
 */
class EndpointResolverTest {

    @TempDir
    static Path dir;
    static Path config;
    static Path certs;
    static String docker;

    /** One situation: jcompose's options, the same as docker arguments, and the variables. */
    record Case(String name, DockerClientOptions options, List<String> dockerArgs,
            Map<String, String> env, String currentContext) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void store() throws Exception {
        docker = dockerCli();
        config = dir.resolve("config");
        certs = dir.resolve("certs");
        TestCertificates ca = new TestCertificates("test-ca");
        ca.write(certs, ca.issue("client", TestCertificates.KeyForm.PKCS1),
                TestCertificates.KeyForm.PKCS1);
        docker(Map.of(), "context", "create", "sshctx", "--docker",
                "host=ssh://me@127.0.0.1:2222");
        docker(Map.of(), "context", "create", "skipctx", "--docker",
                "host=tcp://example:2376,skip-tls-verify=true");
        docker(Map.of(), "context", "create", "tlsctx", "--docker", "host=tcp://example:2376,ca="
                + certs.resolve("ca.pem") + ",cert=" + certs.resolve("cert.pem") + ",key="
                + certs.resolve("key.pem"));
    }

    static List<Case> cases() {
        String c = certs.toString();
        return List.of(
                ok("nothing set", Map.of()),
                ok("DOCKER_HOST", Map.of("DOCKER_HOST", "tcp://h")),
                ok("DOCKER_HOST bare", Map.of("DOCKER_HOST", "h:123/path")),
                ok("DOCKER_CONTEXT", Map.of("DOCKER_CONTEXT", "sshctx")),
                ok("DOCKER_HOST beats DOCKER_CONTEXT",
                        Map.of("DOCKER_CONTEXT", "sshctx", "DOCKER_HOST", "unix:///x.sock")),
                current("currentContext", Map.of(), "sshctx"),
                current("DOCKER_CONTEXT beats currentContext",
                        Map.of("DOCKER_CONTEXT", "skipctx"), "sshctx"),
                current("DOCKER_HOST beats currentContext", Map.of("DOCKER_HOST", "unix://"),
                        "sshctx"),
                current("DOCKER_CONTEXT=default", Map.of("DOCKER_CONTEXT", "default"), "sshctx"),
                flags("--context beats DOCKER_HOST", opts("sshctx", List.of()),
                        List.of("--context", "sshctx"), Map.of("DOCKER_HOST", "tcp://h")),
                flags("-H beats DOCKER_CONTEXT", opts(null, List.of("tcp://h:1")),
                        List.of("-H", "tcp://h:1"), Map.of("DOCKER_CONTEXT", "sshctx")),
                flags("--context default uses DOCKER_HOST", opts("default", List.of()),
                        List.of("--context", "default"), Map.of("DOCKER_HOST", "tcp://h")),
                flags("-H unix://", opts(null, List.of("unix://")), List.of("-H", "unix://"),
                        Map.of()),
                flags("-H IPv6 without port", opts(null, List.of("tcp://[::1]:")),
                        List.of("-H", "tcp://[::1]:"), Map.of()),
                flags("--tls alone skips verification", tls(true, null), List.of("--tls"),
                        Map.of("DOCKER_CERT_PATH", c)),
                ok("DOCKER_TLS_VERIFY", Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", c)),
                ok("DOCKER_TLS_VERIFY=0 is still set",
                        Map.of("DOCKER_TLS_VERIFY", "0", "DOCKER_CERT_PATH", c)),
                ok("DOCKER_TLS", Map.of("DOCKER_TLS", "1", "DOCKER_CERT_PATH", c)),
                flags("--tlsverify=false still means TLS", tls(null, false),
                        List.of("--tlsverify=false"), Map.of("DOCKER_CERT_PATH", c)),
                ok("DOCKER_CERT_PATH alone is no TLS", Map.of("DOCKER_CERT_PATH", c)),
                ok("skip-tls-verify context", Map.of("DOCKER_CONTEXT", "skipctx")),
                ok("TLS context", Map.of("DOCKER_CONTEXT", "tlsctx")),
                // errors
                flags("unknown --context", opts("nope", List.of()), List.of("--context", "nope"),
                        Map.of()),
                ok("unknown DOCKER_CONTEXT", Map.of("DOCKER_CONTEXT", "nope")),
                current("unknown currentContext", Map.of(), "nope"),
                ok("bogus DOCKER_HOST", Map.of("DOCKER_HOST", "bogus://x")),
                ok("bad TCP port", Map.of("DOCKER_HOST", "tcp://h:port")),
                flags("--tls without ca.pem", tls(true, null), List.of("--tls"),
                        Map.of("DOCKER_CERT_PATH", dir.resolve("empty").toString())),
                flags("two -H", opts(null, List.of("tcp://a", "tcp://b")),
                        List.of("-H", "tcp://a", "-H", "tcp://b"), Map.of()),
                flags("--context with -H", opts("sshctx", List.of("tcp://a")),
                        List.of("--context", "sshctx", "-H", "tcp://a"), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesAsTheDockerCli(Case c) throws Exception {
        Files.deleteIfExists(config.resolve("config.json"));
        if (c.currentContext() != null) {
            Files.writeString(config.resolve("config.json"),
                    "{\"currentContext\": \"" + c.currentContext() + "\"}");
        }
        List<String> args = new ArrayList<>(c.dockerArgs());
        args.addAll(List.of("context", "inspect", "--format",
                "{{.Name}}|{{.Endpoints.docker.Host}}|{{.Endpoints.docker.SkipTLSVerify}}"));
        Result oracle = docker(c.env(), args.toArray(String[]::new));
        Map<String, String> env = env(c.env());
        if (oracle.code() != 0) {
            EndpointException e = assertThrows(EndpointException.class,
                    () -> EndpointResolver.resolve(c.options(), env),
                    "the docker CLI refused this (" + oracle.err().strip() + ")");
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
            return;
        }
        DockerEndpoint ours = EndpointResolver.resolve(c.options(), env);
        assertEquals(oracle.out().strip(), ours.context() + "|" + ours.host() + "|"
                + ours.skipTlsVerify());
    }

    @Test
    void aContextsTlsFilesAreReadFromTheStore() {
        DockerEndpoint tls = EndpointResolver.resolve(DockerClientOptions.NONE,
                env(Map.of("DOCKER_CONTEXT", "tlsctx")));
        assertNotNull(tls.tls().ca());
        assertNotNull(tls.tls().cert());
        assertTrue(tls.tls().key().contains("BEGIN RSA PRIVATE KEY"));
        assertTrue(tls.usesTls());
        DockerEndpoint ssh = EndpointResolver.resolve(DockerClientOptions.NONE,
                env(Map.of("DOCKER_CONTEXT", "sshctx")));
        assertNull(ssh.tls());
        assertTrue(!ssh.usesTls());
    }

    @Test
    void errorsNameWhatWasAskedForAndWhereItCameFrom() throws IOException {
        Files.writeString(config.resolve("config.json"), "{\"currentContext\": \"gone\"}");
        try {
            String m = assertThrows(EndpointException.class, () -> EndpointResolver.resolve(
                    DockerClientOptions.NONE, env(Map.of()))).getMessage();
            assertTrue(m.startsWith("context \"gone\" (currentContext in " + config), m);
        } finally {
            Files.delete(config.resolve("config.json"));
        }
        assertEquals("invalid bind address format: bogus://x (DOCKER_HOST)",
                assertThrows(EndpointException.class, () -> EndpointResolver.resolve(
                        DockerClientOptions.NONE, env(Map.of("DOCKER_HOST", "bogus://x"))))
                        .getMessage());
    }

    private static Map<String, String> env(Map<String, String> vars) {
        Map<String, String> env = new HashMap<>(vars);
        env.put("DOCKER_CONFIG", config.toString());
        env.put("HOME", dir.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    private static Case ok(String name, Map<String, String> env) {
        return new Case(name, DockerClientOptions.NONE, List.of(), env, null);
    }

    private static Case current(String name, Map<String, String> env, String current) {
        return new Case(name, DockerClientOptions.NONE, List.of(), env, current);
    }

    private static Case flags(String name, DockerClientOptions o, List<String> args,
            Map<String, String> env) {
        return new Case(name, o, args, env, null);
    }

    private static DockerClientOptions opts(String context, List<String> hosts) {
        return new DockerClientOptions(context, hosts, null, null, null, null, null, null);
    }

    private static DockerClientOptions tls(Boolean tls, Boolean verify) {
        return new DockerClientOptions(null, List.of(), tls, verify, null, null, null, null);
    }

    record Result(int code, String out, String err) { }

    static Result docker(Map<String, String> vars, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(docker));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env(vars));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("docker " + String.join(" ", args) + " did not end");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The docker CLI on PATH (the oracle), or a failure saying how to get one. */
    static String dockerCli() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, "docker");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return fail("the docker CLI is needed as the oracle of context resolution and is not on "
                + "PATH: install it (apt-get install docker.io, or run scripts/engine.sh)");
    }
}
