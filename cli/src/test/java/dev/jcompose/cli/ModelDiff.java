package dev.jcompose.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Field-by-field comparison of two {@code config --format json} outputs, jcompose's and compose
 * v2's, as one line naming what differs ("" when they agree). Differences of form only are not
 * differences: Go leaves out, or prints as {@code null}, what is empty ({@code omitempty}: a
 * null, zero, {@code false}, an empty string or list, a map of such values are all "unset");
 * and scalars are
 * compared by their text ({@code 8080} and {@code "8080"}).
 */
final class ModelDiff {

    private static final int SHOWN = 4;

    private ModelDiff() {
    }

    static String compare(ComposeV2OracleTest.Run ours, ComposeV2OracleTest.Run theirs,
            Path dir) {
        boolean weLoad = ours.code() == 0;
        boolean theyLoad = theirs.code() == 0;
        if (!weLoad && !theyLoad) {
            return "";
        }
        if (!weLoad) {
            return "jcompose refuses (" + lastLine(ours.err(), dir) + "), compose v2 accepts";
        }
        if (!theyLoad) {
            return "compose v2 refuses (" + (theirs.err().isBlank() ? "exit " + theirs.code()
                    : lastLine(theirs.err(), dir)) + "), jcompose accepts";
        }
        Load json = new Load(LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build());
        List<String> diffs = new ArrayList<>();
        diff("", json.loadFromString(ours.out()), json.loadFromString(theirs.out()), diffs,
                dir.toString());
        if (diffs.isEmpty()) {
            return "";
        }
        List<String> shown = diffs.subList(0, Math.min(SHOWN, diffs.size()));
        return String.join("; ", shown)
                + (diffs.size() > SHOWN ? "; and " + (diffs.size() - SHOWN) + " more" : "");
    }

    private static void diff(String path, Object ours, Object theirs, List<String> out,
            String dir) {
        if (unset(ours) && unset(theirs)) {
            return;
        }
        if (ours instanceof Map<?, ?> a && theirs instanceof Map<?, ?> b) {
            TreeSet<String> keys = new TreeSet<>();
            a.keySet().forEach(k -> keys.add(String.valueOf(k)));
            b.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                diff(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out, dir);
            }
            return;
        }
        if (ours instanceof List<?> a && theirs instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out, dir);
            }
            return;
        }
        if (ours instanceof Map || ours instanceof Collection || theirs instanceof Map
                || theirs instanceof Collection || !String.valueOf(ours).equals(
                        String.valueOf(theirs))) {
            out.add(path + ": jcompose " + shown(ours, dir) + ", compose v2 "
                    + shown(theirs, dir));
        }
    }

    private static boolean unset(Object v) {
        return v == null || Boolean.FALSE.equals(v) || "".equals(v)
                || v instanceof Number n && n.doubleValue() == 0 || "0".equals(v)
                || v instanceof Map<?, ?> m && m.values().stream().allMatch(ModelDiff::unset)
                || v instanceof Collection<?> c && c.isEmpty();
    }

    /** A value as the report shows it: the checkout's directory as {@code <dir>}, then cut. */
    private static String shown(Object v, String dir) {
        String s = v == null ? "unset" : v instanceof String t ? "\"" + t + "\"" : v.toString();
        s = s.replace(dir, "<dir>").replace('\n', ' ').replace('\t', ' ');
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String lastLine(String err, Path dir) {
        String[] lines = err.strip().split("\n");
        String last = lines.length == 0 ? "" : lines[lines.length - 1];
        last = last.replace(dir.toString(), "<dir>").replace('\t', ' ');
        return last.length() > 120 ? last.substring(0, 120) + "…" : last;
    }
}
