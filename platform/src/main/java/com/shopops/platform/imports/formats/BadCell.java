package com.shopops.platform.imports.formats;

import com.shopops.api.ParsedRow;

/**
 * A cell that cannot be read: thrown by {@link Read} inside a format's {@code parse} and turned into a
 * {@link ParsedRow#reject} by the format, so parsing stays a straight line. No stack trace: it is
 * control flow, not a failure of the program.
 */
final class BadCell extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String column;

    BadCell(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    /** The column as the file's header names it, or {@code row} for the row as a whole. */
    String column() {
        return column;
    }

    <R> ParsedRow<R> rejection() {
        return ParsedRow.reject(column, getMessage());
    }
}
