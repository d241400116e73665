package com.shopops.api;

import com.shopops.api.data.CoreWriter;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.pf4j.ExtensionPoint;

/**
 * A file layout the importer understands, e.g. {@code online-retail} orders or a pay-per-click keyword
 * report. The host does the file work — CSV or XLSX, encoding detection, streaming, batches,
 * transactions, dry runs, progress and the error report — and the format does the meaning: it
 * recognises its header, turns each row into a record (or skips or rejects it with a reason), and
 * writes a batch of records in the transaction the host opened.
 *
 * <p>A format of a core kind ({@code orders}, {@code products}, {@code traffic}, {@code events},
 * {@code reviews}, {@code refunds}, {@code targets}) parses into the records of
 * {@link com.shopops.api.data} and hands them to the host's {@link CoreWriter}:
 * <pre>{@code
 * public WriteResult write(ImportBatch<OrderRow> batch) {
 *     return batch.core().orders(batch.records());
 * }
 * }</pre>
 * A plugin's own kind (e.g. {@code ads}) writes its own tables with {@link ImportBatch#handle()}.
 *
 * @param <R> the record one row becomes
 * @since 1.0.0
 */
public interface ImportFormat<R> extends ExtensionPoint {

    /** What is imported, as on the CLI: {@code orders}, {@code traffic}, {@code events}, {@code ads}, … */
    String kind();

    /** The format's name, as given to {@code --format}, e.g. {@code online-retail}. */
    String name();

    /** A sentence for error messages: what a file of this format looks like, e.g. its header. */
    String describe();

    /**
     * A permission of the plugin that also lets a user import this format, besides the host's {@code data.import}
     * (which lets a user import every format), or null for {@code data.import} alone. A user who names no format
     * needs it for every format of the kind.
     * <pre>{@code
     * public String permission() {
     *     return "competitors.edit";   // whoever keeps the peer list imports the peers' snapshots, not the orders
     * }
     * }</pre>
     *
     * @since 1.4.0
     */
    default String permission() {
        return null;
    }

    /** Whether files of this format start with a header row. */
    default boolean hasHeader() {
        return true;
    }

    /**
     * True when {@code firstRow} (the header, cells trimmed; for a format without a header, the first
     * data row) is this format's. Used to detect the format when none is named.
     */
    boolean recognises(List<String> firstRow);

    /**
     * Checks, before any row is read, that the file fits this format with the options given (e.g. a
     * column mapping). The default accepts what {@link #recognises} accepts.
     *
     * @throws ImportRefused with a message saying what was expected
     */
    default void check(ImportContext context) throws ImportRefused {
        List<String> first = context.header();
        if (!recognises(first)) {
            throw new ImportRefused(context.fileName() + " is not a " + name() + " file: " + describe());
        }
    }

    /** Turns one data row into a record, or says why it is skipped or rejected. Must not do I/O. */
    ParsedRow<R> parse(ImportRow row, ImportContext context);

    /**
     * The group {@code row} belongs to, or null. Consecutive rows of one group (e.g. the lines of one
     * order) are imported together or not at all: when one is rejected, the others are rejected too,
     * and a batch never splits a group. The context is there for formats whose group column depends
     * on the options, e.g. a column mapping.
     */
    default String group(ImportRow row, ImportContext context) {
        return null;
    }

    /**
     * Writes a batch of parsed records, in the transaction the host opened; idempotent, so importing
     * the same file twice changes nothing.
     *
     * <p>A record that cannot be written as it is, because of what is stored (e.g. a refund of an order, or
     * the figures of a post, the shop does not have), is refused by throwing {@link IllegalArgumentException} with a reason that
     * names it. The host rolls the batch back and writes it again in halves, down to the single groups
     * (see {@link #group}) refused: their rows are rejected with that reason, the others are written. Any
     * other exception stops the import after the batches written before.
     */
    WriteResult write(ImportBatch<R> batch);

    /**
     * Counts of one written batch, in rows.
     *
     * @param imported rows whose record is new
     * @param updated  rows whose record existed and changed
     */
    record WriteResult(long imported, long updated) {

        /** The counts of this and {@code other} together. */
        public WriteResult plus(WriteResult other) {
            return new WriteResult(imported + other.imported, updated + other.updated);
        }
    }

    /**
     * A batch of records to write.
     *
     * @param handle  the open transaction
     * @param shop    the shop imported into
     * @param records the records, in file order
     * @param core    writes core records in the same transaction
     * @param <R>     the record type
     */
    record ImportBatch<R>(Handle handle, Shop shop, List<R> records, CoreWriter core) {
    }
}
