package dev.jcompose.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A text table with columns padded to their widest cell. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    void row(String... cells) {
        rows.add(cells);
    }

    void print(PrintWriter out) {
        int cols = rows.get(0).length;
        int[] widths = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                widths[i] = Math.max(widths[i], r[i] == null ? 0 : r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String cell = r[i] == null ? "" : r[i];
                sb.append(cell);
                if (i < cols - 1) {
                    sb.append(" ".repeat(widths[i] - cell.length() + 3));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }
}
