package dev.jcompose.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A text table with columns padded to their widest cell and three spaces; with a minimum
 * width, as the docker CLI's tab writer pads ({@code docker stats}, {@code volume ls}: 10).
 */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final int minWidth;

    Table(String... header) {
        this(0, header);
    }

    Table(int minWidth, String... header) {
        this.minWidth = minWidth;
        rows.add(header);
    }

    void row(String... cells) {
        rows.add(cells);
    }

    void print(PrintWriter out) {
        int cols = rows.get(0).length;
        int[] widths = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols && i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i] == null ? 0 : r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String cell = i >= r.length || r[i] == null ? "" : r[i];
                sb.append(cell);
                if (i < cols - 1) {
                    int width = Math.max(widths[i] + 3, minWidth);
                    sb.append(" ".repeat(width - cell.length()));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }
}
