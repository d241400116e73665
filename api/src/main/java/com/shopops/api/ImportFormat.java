package com.shopops.api;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.pf4j.ExtensionPoint;

/**
 * A file layout the importer understands, e.g. {@code online-retail} orders or a pay-per-click keyword
 * report. The host does the file work — CSV or XLSX, encoding detection, streaming, batches,
 * transactions, dry runs, progress and the error report — and the format does the meaning: it
 * recognises its header, turns each row into records (or skips or rejects it with a reason), and
 * writes a batch of records in the transaction the host opened.
 *
 * @param <R> the record one row becomes
 * @since 1.0.0
 */
public interface ImportFormat<R> extends ExtensionPoint {

    /** What is imported, as on the CLI: {@code orders}, {@code traffic}, {@code events}, {@code ads}, … */
    String kind();

    /** The format's name, as given to {@code --format}, e.g. {@code online-retail}. */
    String name();

    /** A sentence for error messages: what a file of this format looks like. */
    String describe();

    /** Whether files of this format start with a header row. */
    default boolean hasHeader() {
        return true;
    }

    /** True when {@code header} (the first row, trimmed) is this format's; used to detect the format. */
    boolean recognises(List<String> header);

    /** Turns one data row into a record, or says why it is skipped or rejected. Must not do I/O. */
    ParsedRow<R> parse(ImportRow row);

    /**
     * Writes a batch of parsed records for {@code shop}, in the transaction the host opened on
     * {@code handle}; idempotent, so importing the same file twice changes nothing.
     */
    WriteResult write(Handle handle, Shop shop, List<R> records);

    /**
     * Counts of one written batch.
     *
     * @param imported records inserted
     * @param updated  records that existed and changed
     */
    record WriteResult(long imported, long updated) {
    }
}
