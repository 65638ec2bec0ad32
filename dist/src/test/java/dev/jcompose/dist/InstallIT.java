package dev.jcompose.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.BaseImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users install, installed as they would: the release archive through its install.sh into
 * a clean prefix, and the .deb unpacked into a dpkg root ({@code dpkg-deb -x}); each then runs
 * the README's quickstart (build, up, two requests, ps, down) from outside the checkout, with no
 * JDK on PATH. Also: version and commit, the plugin metadata, every ahead-of-time cache accepted
 * where it was installed (-XX:AOTMode=on fails a JVM that cannot use its cache), the man page,
 * the completions, and the docker CLI running the installed jcompose as its compose plugin.
 */
class InstallIT {

    private static final Path ROOT = BaseImage.repositoryRoot();
    private static final Path QUICKSTART = ROOT.resolve("samples/quickstart");
    private static final Path DIST = Path.of(System.getProperty("dist.dir", ROOT + "/dist/target"));
    private static String version;
    private static String commit;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() throws IOException {
        BaseImage.ensure();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("dist.properties",
                ROOT + "/cli/target/classes/jcompose.properties")))) {
            p.load(in);
        }
        version = p.getProperty("version");
        commit = p.getProperty("commit");
        assertTrue(commit.matches("[0-9a-f]{12}|unknown"), commit);
    }

    @Test
    void theArchiveInstallsIntoACleanPrefixAndRunsTheQuickstart() throws Exception {
        Path archive = DIST.resolve("jcompose-" + version + "-linux-x86_64.tar.gz");
        assertTrue(Files.isRegularFile(archive), "missing " + archive + " (scripts/package.sh)");
        Shell sh = new Shell(tmp);
        Files.createDirectories(tmp.resolve("unpacked"));
        sh.ok("tar", "-xzf", archive.toString(), "-C", "unpacked");
        Path prefix = tmp.resolve("prefix");
        Shell.Result install = sh.ok("bash", "unpacked/jcompose-" + version + "/install.sh",
                "--prefix", prefix.toString());
        assertTrue(install.out().contains("installed: " + prefix + "/bin/jcompose"), install.toString());
        sh.ok("rm", "-rf", "unpacked"); // the installed copy stands alone

        Path jc = prefix.resolve("bin/jcompose");
        assertTrue(Files.isSymbolicLink(jc), jc + " is not a link");
        Path launcher = prefix.resolve("lib/jcompose/bin/jcompose");
        assertEquals(launcher.toRealPath(), jc.toRealPath());
        checkVersionAndCaches(jc);

        Path man = prefix.resolve("share/man/man1/jcompose.1");
        assertTrue(sh.run("sh", "-c", "command -v groff").exitCode() == 0,
                "groff is missing: apt-get install groff-base");
        Shell.Result groff = sh.ok("groff", "-man", "-Tutf8", "-ww", "-z", man.toString());
        assertEquals("", groff.err(), "man page warnings");
        String page = Files.readString(man);
        assertTrue(page.contains(".SS \"jcompose up\"") && page.contains(".SS \"jcompose k8s up\"")
                && page.contains("--remove-orphans"), "the man page lacks commands or options");
        Shell.Result completion = sh.ok("bash", "-c", "source "
                + prefix.resolve("share/bash-completion/completions/jcompose")
                + "; COMP_WORDS=(jcompose u); COMP_CWORD=1; _picocli_jcompose;"
                + " echo \"${COMPREPLY[@]}\"");
        assertTrue(completion.out().contains("up") && completion.out().contains("unpause"),
                completion.toString());
        assertTrue(Files.readString(prefix.resolve("share/zsh/site-functions/_jcompose"))
                .startsWith("#compdef jcompose\n"));

        quickstart(jc);

        Path config = tmp.resolve("docker-config");
        Shell.Result plugin = new Shell(tmp).env("DOCKER_CONFIG", config.toString())
                .ok(jc.toString(), "install-plugin");
        assertTrue(plugin.out().contains(launcher.toString()), plugin.toString());
        assertEquals(launcher.toRealPath(), config.resolve("cli-plugins/docker-compose").toRealPath());
        dockerComposeRuns(config);
    }

    @Test
    void theDebUnpacksIntoADpkgRootAndRunsTheQuickstart() throws Exception {
        String debVersion = version.replace('-', '~');
        Path deb = DIST.resolve("jcompose_" + debVersion + "_amd64.deb");
        assertTrue(Files.isRegularFile(deb), "missing " + deb + " (scripts/package.sh)");
        Shell sh = new Shell(tmp);
        assertEquals("jcompose\n" + debVersion + "\namd64\n",
                sh.ok("dpkg-deb", "-f", deb.toString(), "Package", "Version", "Architecture").out()
                        .replaceAll("(?m)^[A-Za-z]+: ", ""));
        Path root = tmp.resolve("root");
        sh.ok("dpkg-deb", "-x", deb.toString(), root.toString());

        Path launcher = root.resolve("usr/lib/jcompose/bin/jcompose");
        Path jc = root.resolve("usr/bin/jcompose");
        Path plugin = root.resolve("usr/lib/docker/cli-plugins/docker-compose");
        assertTrue(Files.isSymbolicLink(jc) && Files.isSymbolicLink(plugin));
        assertEquals(launcher.toRealPath(), jc.toRealPath());
        assertEquals(launcher.toRealPath(), plugin.toRealPath());
        for (String f : new String[] {"usr/share/man/man1/jcompose.1.gz",
                "usr/share/bash-completion/completions/jcompose",
                "usr/share/zsh/vendor-completions/_jcompose", "usr/share/doc/jcompose/copyright"}) {
            assertTrue(Files.isRegularFile(root.resolve(f)), "the .deb lacks " + f);
        }
        checkVersionAndCaches(jc);
        quickstart(jc);

        Path config = tmp.resolve("docker-config");
        Files.createDirectories(config.resolve("cli-plugins"));
        Files.createSymbolicLink(config.resolve("cli-plugins/docker-compose"), plugin);
        dockerComposeRuns(config);
    }

    /** version names the build's version and commit; each command family's cache is usable. */
    private void checkVersionAndCaches(Path jc) {
        Shell sh = new Shell(QUICKSTART);
        Shell.Result v = sh.ok(jc.toString(), "version");
        assertTrue(v.out().startsWith("jcompose version " + version + ", commit " + commit + " "),
                v.toString());
        assertTrue(sh.ok(jc.toString(), "docker-cli-plugin-metadata").out()
                .contains("\"Version\": \"v2.26.1+jcompose." + version + "\""));
        Shell strict = new Shell(QUICKSTART).env("JCOMPOSE_JAVA_OPTS", "-XX:AOTMode=on");
        String project = "dist-aot-" + UUID.randomUUID().toString().substring(0, 8);
        strict.ok(jc.toString(), "-p", project, "config", "-q");  // the model cache
        strict.ok(jc.toString(), "-p", project, "ps");            // the read cache
        strict.ok(jc.toString(), "-p", project, "down");          // the full cache
    }

    /** The README's quickstart with the installed jcompose: it builds, answers and counts. */
    private void quickstart(Path jc) throws Exception {
        String project = "dist-qs-" + UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        Shell sh = new Shell(QUICKSTART).env("QUICKSTART_PORT", Integer.toString(port));
        try {
            Shell.Result up = sh.ok(jc.toString(), "-p", project, "up", "-d");
            assertTrue(up.err().contains("Container " + project + "-app-1 Healthy"), up.toString());
            assertTrue(get(port).contains("viewed 1 time"));
            assertTrue(get(port).contains("viewed 2 time"));
            assertTrue(sh.ok(jc.toString(), "-p", project, "ps").out().contains(project + "-front-1"));
            sh.ok(jc.toString(), "-p", project, "down", "-v", "--rmi", "local", "-t", "1");
            assertFalse(sh.ok("docker", "ps", "-aq", "--filter",
                    "label=com.docker.compose.project=" + project).out().strip().length() > 0,
                    "containers left after down");
        } finally {
            new Shell(tmp).run("bash", "-c", "docker ps -aq --filter label=com.docker.compose.project="
                    + project + " | xargs -r docker rm -f; docker network rm " + project
                    + "_default; docker volume rm " + project + "_counter; true");
        }
    }

    /** The docker CLI, with this config directory, runs the installed jcompose for compose. */
    private void dockerComposeRuns(Path config) {
        Shell.Result v = new Shell(tmp).env("DOCKER_CONFIG", config.toString())
                .ok("docker", "compose", "version");
        assertTrue(v.out().startsWith("jcompose version " + version), v.toString());
    }

    private static String get(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build();
        Exception last = null;
        for (int i = 0; i < 50; i++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no answer on port " + port, last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
