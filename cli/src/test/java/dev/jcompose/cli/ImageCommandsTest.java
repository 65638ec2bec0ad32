package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build, push and the image flags of up and down, where no engine is needed. */
class ImageCommandsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: "reg.example.com/app:1"
                    build:
                      context: .
                      args: {A: "1"}
                  db:
                    image: "db:1"
                """);
    }

    private CliRunner.Result run(String... args) {
        return new CliRunner(dir).env("DOCKER_HOST", "unix://" + dir.resolve("none.sock"))
                .run(args);
    }

    @Test
    void buildAndPushDryRunsPrintTheirPlans() {
        CliRunner.Result build = run("-p", "demo", "build", "--dry-run", "--no-cache",
                "--build-arg", "B=2");
        assertEquals(0, build.exitCode(), build.toString());
        assertEquals("1. build Image reg.example.com/app:1 (build)\n", build.out());
        CliRunner.Result onlyDb = run("-p", "demo", "build", "--dry-run", "db");
        assertEquals("nothing to do\n", onlyDb.out(), onlyDb.toString());
        CliRunner.Result push = run("-p", "demo", "push", "--dry-run");
        assertEquals("1. push Image reg.example.com/app:1 (push)\n", push.out(), push.toString());
    }

    @Test
    void badImageFlagsAreUsageErrors() {
        CliRunner.Result pull = run("up", "--pull", "sometimes");
        assertEquals(2, pull.exitCode(), pull.toString());
        assertEquals("error: --pull sometimes is not valid (use always, missing or never)\n",
                pull.err());
        CliRunner.Result both = run("up", "--build", "--no-build");
        assertEquals(2, both.exitCode(), both.toString());
        CliRunner.Result rmi = run("down", "--rmi", "some");
        assertEquals(2, rmi.exitCode(), rmi.toString());
        assertTrue(rmi.err().contains("--rmi some is not valid (use local or all)"), rmi.err());
        CliRunner.Result arg = run("build", "--build-arg", "=x");
        assertEquals(2, arg.exitCode(), arg.toString());
        CliRunner.Result unknown = run("build", "nope");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().startsWith("error: "), unknown.toString());
    }
}
