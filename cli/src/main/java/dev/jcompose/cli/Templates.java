package dev.jcompose.cli;

import dev.jcompose.model.load.ModelPrinter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --format} templates as the docker CLI reads them: {@code {{.Field}}} or
 * {@code {{json .Field}}} per row, {@code \t} and {@code \n} as tab and newline; a leading
 * {@code table } adds a header row and aligns the columns at the tabs.
 */
final class Templates {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{\\s*(json\\s+)?\\.(\\w*)\\s*}}");

    private final String format;
    private final boolean table;
    private final String template;

    /**
     * The template a {@code --format} value names: {@code table} is {@code defaultTable},
     * {@code json} one JSON object a line, anything else a template.
     */
    static Templates of(String format, String defaultTable) {
        return new Templates(switch (format) {
            case "table" -> defaultTable;
            case "json" -> "{{json .}}";
            default -> format;
        });
    }

    Templates(String format) {
        this.format = format;
        this.table = format.startsWith("table ");
        this.template = (table ? format.substring(6) : format).replace("\\t", "\t")
                .replace("\\n", "\n");
    }

    /**
     * Checks the template's fields against {@code fields}.
     *
     * @throws CommandException a usage error naming the unknown field
     */
    Templates check(List<String> fields) {
        Matcher m = PLACEHOLDER.matcher(format);
        while (m.find()) {
            if (!m.group(2).isEmpty() && !fields.contains(m.group(2))) {
                throw CommandException.usage("--format: no field ." + m.group(2) + " (fields: "
                        + String.join(", ", fields) + ")");
            }
        }
        return this;
    }

    /** One row: the template with {@code fields}' values. */
    String render(Map<String, Object> fields) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object v = m.group(2).isEmpty() ? fields : fields.get(m.group(2));
            String text = m.group(1) != null || v instanceof List<?> || v instanceof Map<?, ?>
                    ? ModelPrinter.jsonLine(v) : String.valueOf(v);
            m.appendReplacement(sb, Matcher.quoteReplacement(text));
        }
        return m.appendTail(sb).toString();
    }

    /**
     * Prints the rows; a table's header names each column by {@code header} of its field, and
     * its columns are at least {@code minWidth} wide with their padding (the docker CLI's 10,
     * or 0).
     */
    void print(List<Map<String, Object>> rows, Function<String, String> header, int minWidth,
            PrintWriter out) {
        List<String> lines = new ArrayList<>();
        rows.forEach(r -> lines.add(render(r)));
        if (!table) {
            lines.forEach(out::println);
            out.flush();
            return;
        }
        Matcher h = PLACEHOLDER.matcher(template);
        StringBuilder head = new StringBuilder();
        while (h.find()) {
            h.appendReplacement(head, Matcher.quoteReplacement(header.apply(h.group(2))));
        }
        Table t = new Table(minWidth, h.appendTail(head).toString().split("\t", -1));
        lines.forEach(l -> t.row(l.split("\t", -1)));
        t.print(out);
    }
}
