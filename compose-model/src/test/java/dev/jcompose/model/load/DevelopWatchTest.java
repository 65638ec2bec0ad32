package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Develop;
import dev.jcompose.model.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopWatchTest {

    @TempDir
    Path dir;

    @Test
    void bindsEveryKeyOfAWatchRule() {
        Project p = new LoaderFixture(dir).load("""
                services:
                  web:
                    build: .
                    develop:
                      watch:
                        - path: [./src, ./lib]
                          action: sync+exec
                          target: /app
                          ignore: node_modules/
                          include: ["*.js"]
                          initial_sync: true
                          exec:
                            command: kill -HUP 1
                            user: root
                            privileged: true
                            working_dir: /app
                            environment: [A=1]
                        - path: package.json
                          action: rebuild
                """);
        List<Develop.Watch> rules = p.services().get("web").develop().watch();
        assertEquals(3, rules.size());
        Develop.Watch first = rules.get(0);
        assertEquals(dir.resolve("src").toString(), first.path());
        assertEquals(dir.resolve("lib").toString(), rules.get(1).path());
        assertEquals(Develop.Action.SYNC_EXEC, first.kind());
        assertEquals("/app", first.target());
        assertEquals(List.of("node_modules/"), first.ignore());
        assertEquals(List.of("*.js"), first.include());
        assertTrue(first.initialSyncOn());
        assertEquals(List.of("kill", "-HUP", "1"), first.exec().command());
        assertEquals("root", first.exec().user());
        assertEquals(true, first.exec().privileged());
        assertEquals("/app", first.exec().workingDir());
        assertEquals(Map.of("A", "1"), first.exec().environment());
        assertEquals(Develop.Action.REBUILD, rules.get(2).kind());
    }

    @Test
    void rebuildWithoutABuildSectionIsAnErrorAtTheAction() {
        ComposeFileException e = assertThrows(ComposeFileException.class, () ->
                new LoaderFixture(dir).load("""
                        services:
                          web:
                            image: nginx
                            develop:
                              watch:
                                - path: .
                                  action: rebuild
                        """));
        assertEquals("compose.yaml:7:19: services.web.develop.watch[0].action: service \"web\""
                + " has no build section, so watch cannot rebuild it; add build: or use action:"
                + " sync, sync+restart or restart", e.getMessage().replace(dir + "/", ""));
    }

    @Test
    void syncActionsNeedATargetAndSyncExecACommand() {
        ComposeFileException e = assertThrows(ComposeFileException.class, () ->
                new LoaderFixture(dir).load("""
                        services:
                          web:
                            image: nginx
                            develop:
                              watch:
                                - path: .
                                  action: sync
                                - path: .
                                  action: sync+exec
                                  target: /app
                        """));
        String msg = e.getMessage().replace(dir + "/", "");
        assertEquals(2, e.problems().size(), msg);
        assertTrue(msg.contains("compose.yaml:7:19: services.web.develop.watch[0].action: watch"
                + " action sync of service \"web\" needs a target"), msg);
        assertTrue(msg.contains("compose.yaml:9:19: services.web.develop.watch[1].action: watch"
                + " action sync+exec of service \"web\" needs exec: {command: ...}"), msg);
    }

    @Test
    void anUnknownActionIsRefusedWithTheChoices() {
        ComposeFileException e = assertThrows(ComposeFileException.class, () ->
                new LoaderFixture(dir).load("""
                        services:
                          web:
                            build: .
                            develop:
                              watch:
                                - path: .
                                  action: copy
                        """));
        assertTrue(e.getMessage().contains("compose.yaml:7:"), e.getMessage());
        assertTrue(e.getMessage().contains("sync+restart"), e.getMessage());
    }
}
