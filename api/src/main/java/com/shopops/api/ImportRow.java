package com.shopops.api;

import java.util.List;
import java.util.Optional;

/**
 * One data row of an import file, with the header it belongs to.
 *
 * @param line   the 1-based line (CSV) or row (XLSX) number, for error reports
 * @param header the file's header, or empty for formats without one
 * @param values the row's cells, as text ({@code ""} for an empty cell)
 * @since 1.0.0
 */
public record ImportRow(long line, List<String> header, List<String> values) {

    /** The cell under the header {@code column} (compared ignoring case and surrounding spaces). */
    public Optional<String> get(String column) {
        int i = indexOf(column);
        return i < 0 || i >= values.size() ? Optional.empty() : Optional.ofNullable(values.get(i));
    }

    /**
     * The trimmed cell under the first of {@code columns} that the header has, or {@code ""} when the
     * header has none of them or the cell is blank. For layouts whose versions name a column
     * differently, e.g. {@code text("InvoiceNo", "Invoice")}.
     */
    public String text(String... columns) {
        for (String c : columns) {
            int i = indexOf(c);
            if (i >= 0) {
                return i < values.size() && values.get(i) != null ? values.get(i).trim() : "";
            }
        }
        return "";
    }

    /** The trimmed cell at {@code index}, or {@code ""} past the end of the row. */
    public String at(int index) {
        return index < values.size() && values.get(index) != null ? values.get(index).trim() : "";
    }

    private int indexOf(String column) {
        String wanted = column.trim();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
