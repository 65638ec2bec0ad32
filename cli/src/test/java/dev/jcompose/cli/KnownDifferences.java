package dev.jcompose.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code compose-v2-differences.tsv}: the inputs on which jcompose and compose v2 differ, each
 * with the difference ({@link ModelDiff}) and why it is left (a bug of compose v2 jcompose does
 * not copy, a deliberate refusal, or a fix still to make).
 */
final class KnownDifferences {

    static final String NO_REASON = "(no reason written yet)";

    private KnownDifferences() {
    }

    /** id to {difference, why}. */
    static Map<String, String[]> read(Path file) throws IOException {
        Map<String, String[]> out = new TreeMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] c = line.split("\t", 3);
                    out.put(c[0], new String[] {c.length > 1 ? c[1] : "",
                        c.length > 2 ? c[2] : NO_REASON});
                }
            }
        }
        return out;
    }

    /** Writes the current differences, keeping each listed input's reason. */
    static void write(Path file, Map<String, String> results, Map<String, String[]> known)
            throws IOException {
        StringBuilder sb = new StringBuilder("""
                # Inputs of the conformance corpus on which jcompose's config --format json
                # differs from compose v2's (ComposeV2OracleTest): id, difference, why.
                # A fix makes its row fail the test: then remove the row here.
                """);
        results.forEach((id, diff) -> {
            if (!diff.isEmpty()) {
                String[] listed = known.get(id);
                sb.append(id).append('\t').append(diff.replace('\t', ' ')).append('\t')
                        .append(listed == null ? NO_REASON : listed[1]).append('\n');
            }
        });
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
}
