package dev.jcompose.cli.stack;

import dev.jcompose.cli.CommandContext;
import dev.jcompose.model.load.ModelPrinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The {@code --format} of the listing commands: an aligned table, or JSON objects. */
final class Tables {

    private Tables() {
    }

    static void checkFormat(CommandLine.Model.CommandSpec spec, String format) {
        if (!format.equals("table") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format must be table or json, not \"" + format + "\"");
        }
    }

    /** {@code rows} as a table under {@code header}, or as JSON objects with {@code keys}. */
    static void print(CommandContext c, String format, List<String> header, List<String> keys,
            List<List<String>> rows) {
        if (format.equals("json")) {
            List<Object> out = new ArrayList<>();
            for (List<String> r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    m.put(keys.get(i), r.get(i));
                }
                out.add(m);
            }
            c.console().out().println(ModelPrinter.jsonLine(out));
            c.console().out().flush();
        } else {
            c.table(header, rows);
        }
    }

    /** How long ago, as the docker CLI says it: {@code 5 seconds ago}, {@code 2 hours ago}. */
    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        String text;
        if (s < 1) {
            text = "Less than a second";
        } else if (s < 60) {
            text = s + (s == 1 ? " second" : " seconds");
        } else if (s < 120) {
            text = "About a minute";
        } else if (s < 3600) {
            text = s / 60 + " minutes";
        } else if (s < 7200) {
            text = "About an hour";
        } else if (s < 48 * 3600) {
            text = s / 3600 + " hours";
        } else {
            text = s / 86400 + " days";
        }
        return text + " ago";
    }
}
