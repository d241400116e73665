package com.shopops.api;

/**
 * A cell an import format cannot read, thrown while reading a row and turned into the row's rejection,
 * so parsing stays a straight line:
 * <pre>{@code
 * try {
 *     long clicks = cells.count("点击量", "Clicks");
 *     …
 * } catch (CellRefused bad) {
 *     return bad.rejection();
 * }
 * }</pre>
 * It carries no stack trace: bad rows are expected input, not a failure of the program.
 *
 * @since 1.2.0
 */
public final class CellRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String column;

    /**
     * @param column the column as the file's header names it, or {@code row} for the row as a whole
     * @param reason what is wrong, as the error report shows it
     */
    public CellRefused(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    /** The column as the file's header names it, or {@code row} for the row as a whole. */
    public String column() {
        return column;
    }

    /** The row's rejection, naming the column and the reason. */
    public <R> ParsedRow<R> rejection() {
        return ParsedRow.reject(column, getMessage());
    }
}
