package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.fake.BaseImage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's main job: the quickstart sample builds, starts, answers and counts. */
class QuickstartIT {

    private static final Path SAMPLE = BaseImage.repositoryRoot().resolve("samples/quickstart");
    private final String project = "qs-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void baseImage() {
        BaseImage.ensure();
    }

    @AfterEach
    void tearDown() {
        new CliRunner(SAMPLE).run("-p", project, "down", "-v", "--rmi", "local", "-t", "1");
        Cleanup.project(project);
    }

    @Test
    void quickstartAnswersAndCountsInItsVolume() throws Exception {
        int port = EndToEndIT.freePort();
        CliRunner cli = new CliRunner(SAMPLE).env("QUICKSTART_PORT", Integer.toString(port));
        CliRunner.Result up = cli.run("-p", project, "up", "-d");
        assertEquals(0, up.exitCode(), up.toString());
        assertTrue(up.err().contains("Container " + project + "-app-1 Healthy"), up.toString());

        HttpResponse<String> first = EndToEndIT.get("http://127.0.0.1:" + port + "/");
        assertEquals(200, first.statusCode());
        assertTrue(first.body().contains("viewed 1 time"), first.body());
        HttpResponse<String> second = EndToEndIT.get("http://127.0.0.1:" + port + "/");
        assertTrue(second.body().contains("viewed 2 time"), second.body());

        // the count lives in the named volume: it survives down and up
        assertEquals(0, cli.run("-p", project, "down", "-t", "1").exitCode());
        assertEquals(0, cli.run("-p", project, "up", "-d").exitCode());
        HttpResponse<String> third = EndToEndIT.get("http://127.0.0.1:" + port + "/");
        assertTrue(third.body().contains("viewed 3 time"), third.body());
    }
}
