package com.shopops.platform.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import did. Every row read ends up in exactly one of imported, updated, unchanged, skipped
 * and rejected. JSON (CLI {@code --json}, HTTP job) uses these names.
 *
 * @param kind            what was imported, e.g. orders
 * @param format          the format used
 * @param file            the file's name
 * @param source          how the file was read, e.g. "CSV, GBK/GB18030, separated by ','"
 * @param dryRun          true when nothing was written
 * @param read            data rows read (header and preamble not counted)
 * @param imported        rows whose record was new
 * @param updated         rows whose record existed and changed
 * @param unchanged       rows whose record was already stored as it is
 * @param skipped         rows that are not data by the format's rules (e.g. accounting lines)
 * @param rejected        bad rows, not imported
 * @param skippedReasons  how many rows were skipped for each reason
 * @param errors          the first rejected rows with line, column and reason
 * @param errorsTruncated true when there were more rejected rows than {@code errors} lists
 * @param stopped         why reading stopped before the end of the file, or null when it did not
 * @param seconds         how long it took
 */
public record ImportSummary(String kind, String format, String file, String source, boolean dryRun, long read,
                            long imported, long updated, long unchanged, long skipped, long rejected,
                            Map<String, Long> skippedReasons, List<RowError> errors, boolean errorsTruncated,
                            String stopped, double seconds) {

    /**
     * A rejected row.
     *
     * @param line   its line (CSV) or row (XLSX) number
     * @param column the column at fault, as the file's header names it
     * @param reason what is wrong
     */
    public record RowError(long line, String column, String reason) {
    }

    /** True when every row was imported, updated, unchanged or skipped, and the whole file was read. */
    public boolean clean() {
        return rejected == 0 && stopped == null;
    }
}
