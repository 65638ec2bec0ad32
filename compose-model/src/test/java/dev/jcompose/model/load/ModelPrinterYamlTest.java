package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.YamlReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * {@link ModelPrinter#yaml(Object)} hands snakeyaml-engine's emitter the events its own
 * representer and serializer would make: checked here against a full {@code Dump} of the same
 * tree with the same settings and string styles, on awkward values and on every file of the
 * conformance corpus, raw and, where it loads, as {@code config} prints it.
 */
class ModelPrinterYamlTest {

    /** What {@code yaml} printed before it emitted events itself: the library's whole path. */
    private static String throughDump(Object tree) {
        StandardRepresenter representer = new StandardRepresenter(ModelPrinter.YAML_SETTINGS) {
            {
                representers.put(String.class, data -> {
                    String text = (String) data;
                    Tag resolved = ModelPrinter.YAML_SETTINGS.getSchema().getScalarResolver()
                            .resolve(text, true);
                    return representScalar(Tag.STR, text, text.contains("\n")
                            ? ScalarStyle.LITERAL : ModelPrinter.plainReadsBack(text, resolved)
                            ? ScalarStyle.PLAIN : ScalarStyle.DOUBLE_QUOTED);
                });
            }
        };
        return new Dump(ModelPrinter.YAML_SETTINGS, representer).dumpToString(tree);
    }

    private static void same(Object tree) {
        assertEquals(throughDump(tree), ModelPrinter.yaml(tree), () -> "tree " + tree);
    }

    @Test
    void awkwardScalarsPrintAsTheLibraryPrintsThem() {
        Map<String, Object> tree = new LinkedHashMap<>();
        List<Object> values = new ArrayList<>(Arrays.asList("plain", "8080", "true", "yes", "Off",
                "", " lead", "trail ", "a: b", "a #b", "ends:", "-dash", "*star", "&amp", "!bang",
                "%p", "@at", "`tick", "'q'", "\"dq\"", "two\nlines\n", "tab\there", "ünï\u00e7ode",
                "ctl\u0001", "${VAR}", "$${X}", "null", "~", "1e3", "0x1F", ".5", "0o17", "[x]",
                "{y}", "x,y", "#c", "? k", "|", ">", "---", "...", "a\u2028b", "\ufeffbom",
                null, true, false, 0, -7, 42L, new BigInteger("123456789012345678901234567890"),
                1.5, -0.0, 1e300, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 2.5f, (short) 3, (byte) 4));
        tree.put("values", values);
        Map<String, Object> keys = new LinkedHashMap<>();
        for (Object v : values) {
            keys.put(String.valueOf(v), v);
        }
        tree.put("keys", keys);
        tree.put("empty map", Map.of());
        tree.put("empty list", List.of());
        tree.put("nested", List.of(Map.of("k", List.of(Map.of("a", 1))), List.of(List.of("x"))));
        same(tree);
        same("just a string");
        same(List.of());
        same(Map.of());
    }

    @Test
    void everyCorpusFilePrintsAsTheLibraryPrintsIt() throws IOException {
        Path corpus = CorpusCasesTest.corpus();
        List<Path> files = CorpusFiles.yamlFiles();
        assertTrue(files.size() > 900, "the corpus's compose files at " + corpus);
        int raw = 0;
        int loaded = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            List<Node> documents;
            try {
                documents = YamlReader.readAll(file.toString(), text);
            } catch (RuntimeException notYaml) {
                continue;
            }
            for (Node document : documents) {
                same(freshCopy(Nodes.plain(document)));
                raw++;
            }
            Project project = CorpusFiles.loadAlone(file);
            if (project == null) {
                continue;
            }
            same(ModelPrinter.toTree(project));
            same(ModelPrinter.toSortedTree(project));
            loaded++;
        }
        assertTrue(raw > 900 && loaded > 400, raw + " documents, " + loaded + " projects");
    }

    /**
     * The tree with a new map or list at every place: an alias in the file may have made one
     * shared object of two subtrees, which the library's serializer would write as an anchor,
     * and {@code toTree} never shares one.
     */
    private static Object freshCopy(Object tree) {
        if (tree instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, freshCopy(v)));
            return out;
        }
        if (tree instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(ModelPrinterYamlTest::freshCopy).toList());
        }
        return tree;
    }
}
