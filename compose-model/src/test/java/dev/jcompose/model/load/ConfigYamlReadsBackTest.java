package dev.jcompose.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.model.Project;
import dev.jcompose.model.tree.Nodes;
import dev.jcompose.model.tree.YamlReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code config}'s YAML reads back as the model it printed, with a YAML 1.1 reader (SnakeYAML),
 * a YAML 1.2 core-schema reader (snakeyaml-engine) and jcompose's own (go-yaml's rules): every
 * string that one of them would take for a boolean, a number, a null, a timestamp or a merge
 * key is quoted.
 */
class ConfigYamlReadsBackTest {

    private static final Map<String, Function<String, Object>> READERS = readers();

    private static Map<String, Function<String, Object>> readers() {
        Map<String, Function<String, Object>> r = new LinkedHashMap<>();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        r.put("YAML 1.1 (SnakeYAML)", text -> new Yaml(options).load(text));
        r.put("YAML 1.2 core (snakeyaml-engine)",
                text -> new Load(LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build()).loadFromString(text));
        r.put("jcompose (go-yaml rules)",
                text -> Nodes.plain(YamlReader.read("config.yaml", text)));
        return r;
    }

    /** Strings of every class a YAML 1.1 or 1.2 reader resolves to another type. */
    static final List<String> AWKWARD = List.of(
            // booleans, 1.1 and 1.2, every case
            "TRUE", "True", "true", "FALSE", "False", "y", "Y", "n", "N", "yes", "Yes", "YES",
            "no", "NO", "on", "On", "ON", "off", "Off", "OFF",
            // nulls
            "~", "null", "Null", "NULL", "",
            // integers: octal, decimal, signed, hex, binary, 0o, separators, base 60
            "0000", "0755", "0", "-0", "+123456789", "123", "-17", "0x1F", "0X1F", "0xff_ff",
            "0b1010", "0o17", "1_000", "12:00", "50000:0", "1:20:30", "-1:30",
            "99999999999999999999999999",
            // floats: 1.1 and 1.2 forms, base 60, infinities and NaN
            "1.5", "1.", ".5", "-.5", "+1.5", "1e3", "1E3", "1.0e+3", "-1.5e-3", "1_000.5",
            "190:20:30.15", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN",
            // timestamps, merge and value keys
            "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
            "2001-12-15T02:59:43.1Z", "<<", "=",
            // plain strings that must stay as they are
            "busybox:1.36", "8080:80", "127.0.0.1:80:80", "a-b", "1.2.3", "v1", "0x", "1e",
            "yes please", "nullable", "~user", "12:60", "1:2:3:4:5:6");

    @Test
    void everyAwkwardStringReadsBackAsItself() {
        for (String s : AWKWARD) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put(s.isEmpty() ? "empty" : s, s);
            tree.put("list", List.of(s));
            String yaml = ModelPrinter.yaml(tree);
            READERS.forEach((name, reader) -> assertEquals(tree, reader.apply(yaml),
                    () -> name + " reads back\n" + yaml));
        }
    }

    @Test
    void everyCorpusProjectReadsBackAsItsModel() throws IOException {
        int checked = 0;
        for (Path file : CorpusFiles.yamlFiles()) {
            Project project = CorpusFiles.loadAlone(file);
            if (project == null) {
                continue;
            }
            Object model = normal(ModelPrinter.toTree(project));
            String yaml = ModelPrinter.yaml(ModelPrinter.toTree(project));
            READERS.forEach((name, reader) -> assertEquals(model, normal(reader.apply(yaml)),
                    () -> file + ": " + name + " reads the config output back differently"));
            checked++;
        }
        assertTrue(checked > 400, checked + " projects");
    }

    /** Numbers compared by value (Integer, Long and BigInteger alike), the rest as is. */
    private static Object normal(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), normal(val)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(i -> out.add(normal(i)));
            return out;
        }
        if (v instanceof Number n && !(v instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        return v;
    }
}
