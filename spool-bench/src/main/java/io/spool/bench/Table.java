package io.spool.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for benchmark reports: a header and rows of cells, printed with each column as wide as its
 * widest cell, numbers right-aligned and text left-aligned. A column is numeric when every body cell in it is.
 */
public final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    public Table(String... header) {
        columns = header.length;
        rows.add(header);
    }

    /** Adds a row; cells are printed with {@link String#valueOf(Object)}. */
    public Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        String[] text = new String[columns];
        for (int i = 0; i < columns; i++) {
            text[i] = String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    public void print(PrintStream out) {
        int[] width = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            numeric[c] = rows.size() > 1;
            for (int r = 0; r < rows.size(); r++) {
                width[c] = Math.max(width[c], rows.get(r)[c].length());
                numeric[c] &= r == 0 || rows.get(r)[c].matches("[-+]?[\\d.,]+.*|-");
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + row[c] : row[c] + pad);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
