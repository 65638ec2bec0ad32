package dev.jcompose.cli.stack;

import dev.jcompose.cli.CommandContext;
import dev.jcompose.model.load.ModelPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --format} of the listing commands: an aligned table, or JSON objects. */
final class ListFormat {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json.")
    String format = "table";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    /** Fails with a usage error, before anything is asked of the engine, on a bad format. */
    void check() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format must be table or json, not \"" + format + "\"");
        }
    }

    /** {@code rows} as a table under {@code header}, or as JSON objects with {@code keys}. */
    void print(CommandContext c, List<String> header, List<String> keys,
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
            c.out().println(ModelPrinter.jsonLine(out));
            c.out().flush();
        } else {
            c.table(header, rows);
        }
    }
}
