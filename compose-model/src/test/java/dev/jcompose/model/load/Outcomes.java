package dev.jcompose.model.load;

import dev.jcompose.model.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/** The class of a refusal, for the fuzzer's report: which kind of check refused the file. */
final class Outcomes {

    /** Words of a message, first match wins, and the class they mean. */
    private static final Map<String, String> CLASSES = classes();

    private static Map<String, String> classes() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("not valid UTF-8", "encoding (invalid UTF-8)");
        c.put("is not allowed in a YAML file", "encoding (control character)");
        c.put("control character", "encoding (control character)");
        c.put("larger than", "size limit");
        c.put("excessive aliasing", "alias budget");
        c.put("nests deeper", "depth limit");
        c.put("already defined", "YAML: duplicate key");
        c.put("unknown alias", "YAML: unknown alias");
        c.put("non-string key", "YAML: non-string key");
        c.put("map merge", "YAML: bad merge key");
        c.put("invalid YAML", "YAML syntax");
        c.put("cycle detected: node", "YAML: recursive alias");
        c.put("cannot read \"", "YAML: bad explicit tag");
        c.put("a service at the top level", "version 1 format");
        c.put("unknown key", "schema: unknown key");
        c.put("interpolation", "interpolation");
        c.put("required variable", "interpolation");
        c.put("unterminated", "command or value quoting");
        c.put("not a regular file", "file reference: not a regular file");
        c.put("not found", "file reference: not found");
        c.put("extends", "extends");
        c.put("include", "include");
        c.put("undefined", "reference: undefined resource");
        c.put("neither an image", "reference: no image or build");
        c.put("depends on", "reference: dependency");
        c.put("cycle", "reference: cycle");
        c.put("not a valid image name", "value: image name");
        c.put("project name", "value: project name");
        c.put("must be", "schema: type");
        c.put("is not", "schema: value");
        c.put("needs", "schema: required key");
        return c;
    }

    private Outcomes() {
    }

    static String category(Problem problem) {
        for (Map.Entry<String, String> e : CLASSES.entrySet()) {
            if (problem.message().contains(e.getKey())) {
                return e.getValue();
            }
        }
        return "other";
    }
}
