package com.shopops.api;

import java.util.List;
import java.util.Optional;

/**
 * One data row of an import file, with the header it belongs to.
 *
 * @param line   the 1-based line (CSV) or row (XLSX) number, for error reports
 * @param header the file's header, or empty for formats without one
 * @param values the row's cells, as text
 * @since 1.0.0
 */
public record ImportRow(long line, List<String> header, List<String> values) {

    /** The cell under the header {@code column} (compared ignoring case and surrounding spaces). */
    public Optional<String> get(String column) {
        for (int i = 0; i < header.size() && i < values.size(); i++) {
            if (header.get(i).trim().equalsIgnoreCase(column.trim())) {
                return Optional.ofNullable(values.get(i));
            }
        }
        return Optional.empty();
    }
}
