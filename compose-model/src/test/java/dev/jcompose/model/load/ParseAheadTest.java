package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jcompose.model.ComposeFileException;
import dev.jcompose.model.Project;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.YamlReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseAheadTest {

    @TempDir
    Path dir;

    private static final String YAML = "services:\n  web:\n    image: busybox\n    ports: "
            + "[\"8080:80\"]\n    environment:\n      A: ${A:-1}\n";

    @Test
    void theLoaderTakesTheParseOfExactlyTheTextItReadOnce() {
        List<Node> ahead = YamlReader.readAll("compose.yaml", YAML);
        ParseAhead.start(() -> new ParseAhead.Parsed("compose.yaml", YAML, ahead));
        assertSame(ahead, ParseAhead.readAll("compose.yaml", YAML));
        List<Node> again = ParseAhead.readAll("compose.yaml", YAML);
        assertNotSame(ahead, again);
        assertEquals(ahead, again);
    }

    @Test
    void anotherFileOrChangedTextIsParsedAsRead() {
        List<Node> ahead = YamlReader.readAll("compose.yaml", YAML);
        ParseAhead.start(() -> new ParseAhead.Parsed("compose.yaml", YAML, ahead));
        String changed = YAML.replace("busybox", "alpine");
        assertEquals(YamlReader.readAll("compose.yaml", changed),
                ParseAhead.readAll("compose.yaml", changed));

        ParseAhead.start(() -> new ParseAhead.Parsed("compose.yaml", YAML, ahead));
        assertNotSame(ahead, ParseAhead.readAll("other.yaml", YAML));
    }

    @Test
    void aProjectLoadsTheSameWithAParseAhead() {
        LoaderFixture files = new LoaderFixture(dir);
        Project plain = files.load(YAML);
        ComposeLoader.parseAhead(files.options().build());
        assertEquals(plain, ComposeLoader.load(files.options().build()));
    }

    @Test
    void aFileThatIsNotYamlIsReportedByTheLoadAsWithoutAParseAhead() {
        LoaderFixture files = new LoaderFixture(dir);
        files.write("compose.yaml", "services:\n  web: [\n");
        String plain = assertThrows(ComposeFileException.class,
                () -> ComposeLoader.load(files.options().build())).getMessage();
        ComposeLoader.parseAhead(files.options().build());
        assertEquals(plain, assertThrows(ComposeFileException.class,
                () -> ComposeLoader.load(files.options().build())).getMessage());
    }

    @Test
    void noFileToFindIsReportedByTheLoadAsWithoutAParseAhead() {
        LoaderFixture files = new LoaderFixture(dir);
        String plain = assertThrows(ComposeFileException.class,
                () -> ComposeLoader.load(files.options().build())).getMessage();
        ComposeLoader.parseAhead(files.options().build());
        assertEquals(plain, assertThrows(ComposeFileException.class,
                () -> ComposeLoader.load(files.options().build())).getMessage());
    }
}
