package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTreesTest {

    private static JsonNode read(String json) throws IOException {
        return JsonTrees.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheTreeObjectMapperReads() throws IOException {
        String json = "[{\"Id\":\"abc\",\"Names\":[\"/p-web-1\"],\"Created\":1700000000123,"
                + "\"Port\":80,\"Big\":123456789012345678901234567890,\"Ratio\":0.5,"
                + "\"Running\":true,\"Paused\":false,\"Health\":null,\"Labels\":{},"
                + "\"Text\":\"caf\\u00e9 \\\"q\\\"\"},[]]";
        JsonNode tree = read(json);
        assertEquals(new ObjectMapper().readTree(json), tree);
        assertTrue(tree.get(0).get("Created").isLong());
        assertTrue(tree.get(0).get("Port").isInt());
        assertTrue(tree.get(0).get("Big").isBigInteger());
        assertEquals("café \"q\"", tree.get(0).get("Text").asText());
    }

    @Test
    void noContentIsAMissingNodeAsWithObjectMapper() throws IOException {
        assertTrue(read("").isMissingNode());
        assertTrue(read("  \n").isMissingNode());
    }

    @Test
    void malformedJsonFails() {
        assertThrows(IOException.class, () -> read("{\"a\": [1, 2}"));
        assertThrows(IOException.class, () -> read("<html>bad gateway</html>"));
    }

    @Test
    void writesTheEnginesFiltersShape() throws IOException {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("label", List.of("com.docker.compose.project=demo", "a \"b\""));
        filters.put("status", List.of());
        String json = JsonTrees.filters(filters);
        assertEquals("{\"label\":[\"com.docker.compose.project=demo\",\"a \\\"b\\\"\"],"
                + "\"status\":[]}", json);
        assertEquals(new ObjectMapper().readTree(json), read(json));
    }

    @Test
    void writesWhatObjectMapperWrites() throws IOException {
        String json = "{\"Name\":\"caf\u00e9 \\\"q\\\"\",\"Int\":80,\"Long\":8000000000,"
                + "\"Big\":123456789012345678901234567890,\"Ratio\":0.5,\"On\":true,"
                + "\"Off\":false,\"None\":null,\"Empty\":{},\"List\":[[],\"a\",1]}";
        JsonNode tree = new ObjectMapper().readTree(json);
        byte[] written = JsonTrees.write(tree);
        assertEquals(new ObjectMapper().writeValueAsString(tree),
                new String(written, StandardCharsets.UTF_8));
        assertEquals(tree, read(new String(written, StandardCharsets.UTF_8)));
    }
}
