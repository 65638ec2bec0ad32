package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config --variables}' finder, as compose v2 finds variables: each reference form, an
 * escaped dollar, strings in sequences but not mappings in them, and the files merged as
 * written (nothing interpolated, nothing refused for an uninterpolated value).
 */
class ModelVariablesTest {

    @TempDir
    Path dir;

    @Test
    void eachReferenceFormAsComposeV2ReadsIt() {
        assertEquals(new ModelVariables.Variable("A", true, "", ""),
                ModelVariables.parse("A:?needed"));
        assertEquals(new ModelVariables.Variable("A", true, "", ""), ModelVariables.parse("A?"));
        assertEquals(new ModelVariables.Variable("B", false, "x:-y", ""),
                ModelVariables.parse("B:-x:-y"));
        assertEquals(new ModelVariables.Variable("C", false, "d", ""), ModelVariables.parse("C-d"));
        assertEquals(new ModelVariables.Variable("E", false, "", "on"),
                ModelVariables.parse("E:+on"));
        assertEquals(new ModelVariables.Variable("F", false, "", "1"), ModelVariables.parse("F+1"));
        assertEquals(new ModelVariables.Variable("G", false, "", ""), ModelVariables.parse("G"));
    }

    @Test
    void foundInMergedFilesAsWritten() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: ${IMG:-busybox}
                    command: echo $PLAIN $$ESCAPED
                    ports:
                      - "${PORT:-8080}:80"
                      - target: 81
                        published: ${IN_A_MAPPING_IN_A_LIST}
                """);
        Files.writeString(dir.resolve("override.yaml"), """
                services:
                  web:
                    labels: {team: "${TEAM:?say who}"}
                """);
        var found = ModelVariables.of(ComposeLoader.rawModel(new LoaderFixture(dir).options()
                .files(List.of(dir.resolve("compose.yaml"), dir.resolve("override.yaml")))
                .build()));
        assertEquals("IMG false busybox ; PLAIN false  ; PORT false 8080 ; TEAM true  ",
                found.values().stream().map(v -> v.name() + " " + v.required() + " "
                        + v.defaultValue() + " " + v.presenceValue())
                        .sorted().collect(Collectors.joining("; ")));
    }
}
