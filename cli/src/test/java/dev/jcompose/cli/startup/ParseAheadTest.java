package dev.jcompose.cli.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Project;
import dev.jcompose.model.load.ComposeLoader;
import dev.jcompose.model.load.LoadOptions;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseAheadTest {

    @TempDir
    Path dir;

    private static final String YAML = "services:\n  web:\n    image: busybox\n    ports: "
            + "[\"8080:80\"]\n    environment:\n      A: ${A:-1}\n";

    private LoadOptions.Builder options() {
        return LoadOptions.builder().workingDir(dir).processEnv(Map.of()).projectName("demo");
    }

    private ParseAhead ahead() {
        return ParseAhead.start(dir, Map.of());
    }

    @Test
    void theLoaderTakesTheParseOfExactlyTheTextItReadOnce() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), YAML);
        String name = dir.resolve("compose.yaml").toString();
        ParseAhead parse = ahead();
        List<Node> first = parse.readAll(name, YAML);
        assertEquals(YamlReader.readAll(name, YAML), first);
        List<Node> again = parse.readAll(name, YAML);
        assertNotSame(first, again);
        assertEquals(first, again);
    }

    @Test
    void anotherFileOrChangedTextIsParsedAsRead() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), YAML);
        String name = dir.resolve("compose.yaml").toString();
        String changed = YAML.replace("busybox", "alpine");
        assertEquals(YamlReader.readAll(name, changed), ahead().readAll(name, changed));
        assertEquals(YamlReader.readAll("other.yaml", YAML), ahead().readAll("other.yaml", YAML));
    }

    @Test
    void aProjectLoadsTheSameWithAParseAhead() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), YAML);
        Project plain = ComposeLoader.load(options().build());
        assertEquals(plain, ComposeLoader.load(options().documents(ahead()).build()));
    }

    @Test
    void aFileThatIsNotYamlIsReportedByTheLoadAsWithoutAParseAhead() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web: [\n");
        String plain = assertThrows(ComposeFileException.class,
                () -> ComposeLoader.load(options().build())).getMessage();
        assertEquals(plain, assertThrows(ComposeFileException.class,
                () -> ComposeLoader.load(options().documents(ahead()).build())).getMessage());
    }

    @Test
    void noFileToFindIsReportedByTheLoadAsWithoutAParseAhead() {
        String plain = assertThrows(ComposeFileException.class,
                () -> ComposeLoader.load(options().build())).getMessage();
        assertEquals(plain, assertThrows(ComposeFileException.class,
                () -> ComposeLoader.load(options().documents(ahead()).build())).getMessage());
    }
}
