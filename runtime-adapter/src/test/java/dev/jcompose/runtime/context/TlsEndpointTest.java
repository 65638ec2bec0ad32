package dev.jcompose.runtime.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.engine.EngineException;
import dev.jcompose.runtime.DockerEngine;
import dev.jcompose.runtime.context.TestCertificates.Issued;
import dev.jcompose.runtime.context.TestCertificates.KeyForm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TLS material, from a context's store and from {@code DOCKER_CERT_PATH}, used for real: an
 * HTTPS endpoint that requires a client certificate signed by the test CA answers the engine's
 * {@code /version}, and {@link DockerEngine#info} reaches it through the transport jcompose
 * uses for every TLS engine. Wrong CAs, names and keys fail with a message naming the endpoint.
 */
class TlsEndpointTest {

    @TempDir
    static Path dir;
    static TestCertificates ca;
    static SSLServerSocket server;
    static Thread serving;

    @BeforeAll
    static void server() throws Exception {
        ca = new TestCertificates("jcompose-test-ca");
        // the engine's certificate names "engine.test" and 127.0.0.1, not "localhost"
        Issued engine = ca.issue("engine.test", KeyForm.EC);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("engine", engine.keys().getPrivate(), "pw".toCharArray(),
                new Certificate[] {engine.cert()});
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.ca().cert());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, "pw".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        server = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        serving = Thread.ofPlatform().daemon().start(TlsEndpointTest::serve);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    /** Answers every request with the version document, as an engine's {@code /version}. */
    private static void serve() {
        while (!server.isClosed()) {
            try {
                SSLSocket s = (SSLSocket) server.accept();
                Thread.ofPlatform().daemon().start(() -> answer(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void answer(SSLSocket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    continue;
                }
                byte[] body = "{\"Version\":\"tls-test\",\"ApiVersion\":\"1.41\",\"Os\":\"linux\"}"
                        .getBytes(StandardCharsets.US_ASCII);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String host() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    private static String version(DockerEndpoint endpoint) {
        try (DockerEngine engine = DockerEngine.at(endpoint, Map.of())) {
            return engine.info().version();
        }
    }

    /** A context as {@code docker context create --docker host=...,ca=,cert=,key=} stores it. */
    private static Path context(String name, String host, boolean skip, KeyForm form)
            throws Exception {
        Path config = dir.resolve("config-" + name);
        Path meta = config.resolve("contexts/meta").resolve(ContextStore.id(name));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},"
                + "\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":"
                + skip + "}}}");
        ca.write(config.resolve("contexts/tls").resolve(ContextStore.id(name)).resolve("docker"),
                ca.issue("client", form), form);
        return config;
    }

    @ParameterizedTest
    @EnumSource(KeyForm.class)
    void aContextsCaCertificateAndKeyReachTheEngine(KeyForm form) throws Exception {
        Path config = context("tls-" + form, host(), false, form);
        DockerEndpoint endpoint = EndpointResolver.resolve(DockerClientOptions.NONE,
                Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "tls-" + form));
        assertTrue(endpoint.usesTls());
        assertEquals("tls-test", version(endpoint));
    }

    @Test
    void dockerCertPathAndTlsVerifyReachTheEngine() throws Exception {
        Path certs = dir.resolve("cert-path");
        ca.write(certs, ca.issue("client", KeyForm.PKCS1), KeyForm.PKCS1);
        DockerEndpoint endpoint = EndpointResolver.resolve(DockerClientOptions.NONE, Map.of(
                "DOCKER_HOST", host(), "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString(), "HOME", dir.toString()));
        assertEquals("tls-test", version(endpoint));
    }

    @Test
    void theEnginesNameIsCheckedUnlessVerificationIsSkipped() throws Exception {
        String byName = "tcp://localhost:" + server.getLocalPort();
        Path strict = context("strict", byName, false, KeyForm.PKCS1);
        DockerEndpoint e = EndpointResolver.resolve(DockerClientOptions.NONE,
                Map.of("DOCKER_CONFIG", strict.toString(), "DOCKER_CONTEXT", "strict"));
        String m = assertThrows(EngineException.class, () -> version(e)).getMessage();
        assertTrue(m.contains(byName) && m.contains("context strict"), m);
        Path lax = context("lax", byName, true, KeyForm.PKCS1);
        assertEquals("tls-test", version(EndpointResolver.resolve(DockerClientOptions.NONE,
                Map.of("DOCKER_CONFIG", lax.toString(), "DOCKER_CONTEXT", "lax"))));
    }

    @Test
    void anotherCaIsRefused() throws Exception {
        TestCertificates other = new TestCertificates("other-ca");
        Path certs = dir.resolve("other");
        other.write(certs, other.issue("client", KeyForm.EC), KeyForm.EC);
        DockerEndpoint e = EndpointResolver.resolve(new DockerClientOptions(null,
                List.of(host()), null, true, null, null, null, null),
                Map.of("DOCKER_CERT_PATH", certs.toString()));
        String m = assertThrows(EngineException.class, () -> version(e)).getMessage();
        assertTrue(m.contains("cannot connect to the Docker engine at " + host()), m);
    }

    @Test
    void unusableFilesAreOneLineErrorsNamingThem() throws Exception {
        Path certs = dir.resolve("bad");
        ca.write(certs, ca.issue("client", KeyForm.PKCS1), KeyForm.PKCS1);
        Files.writeString(certs.resolve("key.pem"), "-----BEGIN RSA PRIVATE KEY-----\n"
                + "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n"
                + "-----END RSA PRIVATE KEY-----\n");
        Map<String, String> env = Map.of("DOCKER_HOST", host(), "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString());
        DockerEndpoint encrypted = EndpointResolver.resolve(DockerClientOptions.NONE, env);
        String m = assertThrows(EndpointException.class, () -> version(encrypted)).getMessage();
        assertTrue(m.contains("encrypted") && m.contains(certs.toString()), m);
        ca.write(certs, ca.issue("client", KeyForm.PKCS1), KeyForm.PKCS1);
        Files.writeString(certs.resolve("ca.pem"), "not a certificate");
        DockerEndpoint badCa = EndpointResolver.resolve(DockerClientOptions.NONE, env);
        m = assertThrows(EndpointException.class, () -> version(badCa)).getMessage();
        assertTrue(m.contains("ca.pem") && m.contains("invalid"), m);
        Files.delete(certs.resolve("ca.pem"));
        m = assertThrows(EndpointException.class,
                () -> EndpointResolver.resolve(DockerClientOptions.NONE, env)).getMessage();
        assertEquals("cannot read TLS file " + certs.resolve("ca.pem")
                + " (DOCKER_CERT_PATH): no such file", m);
    }
}
