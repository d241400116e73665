package com.shopops.platform.imports;

import com.shopops.api.CoreEvents;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRefused;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.data.KnownCustomers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs one import: opens the file, finds its header and format, parses row by row and writes in
 * batches, each batch in its own transaction, so a file of any size needs only one batch of memory
 * and a crash loses at most the batch being written. A dry run writes each batch and rolls it back,
 * so it reports exactly what an import would do and leaves nothing behind.
 */
public final class ImportRunner {

    /** Rows of the file looked at to find the header (exports may start with a few title lines). */
    static final int HEADER_SEARCH_ROWS = 20;
    /** Rejected rows listed in the summary; the count covers all of them. */
    static final int MAX_ERRORS = 100;
    /** Distinct skip reasons counted one by one; the rest are counted together. */
    private static final int MAX_SKIP_REASONS = 20;

    /**
     * What to import.
     *
     * @param shop     the shop to import into
     * @param kind     orders, products, traffic, events, reviews, refunds, targets, or a plugin's kind
     * @param format   the format's name, or null to detect it from the header
     * @param file     the file
     * @param fileName the file's name as the person knows it, for messages
     * @param options  format options, e.g. a column mapping
     * @param dryRun   validate and count without writing
     */
    public record Request(Shop shop, String kind, String format, Path file, String fileName, Map<String, String> options,
                          boolean dryRun) {
    }

    /** Told how far the import has got, now and then and at the end. */
    @FunctionalInterface
    public interface Progress {
        /** No one is watching. */
        Progress NONE = (read, total, rows) -> { };

        void update(long bytesRead, long bytesTotal, long rowsRead);
    }

    private final Jdbi jdbi;
    private final ImportFormats formats;
    private final EventBus events;
    private final int batchRows;

    public ImportRunner(Jdbi jdbi, ImportFormats formats, EventBus events) {
        // Each commit writes the pages the batch touched (index pages are shared by many batches): 50,000
        // rows per transaction took a 1,000,000-line import from 11.6 s to 10.4 s against 10,000, for about
        // 60 MB more heap at the peak (147 MB; the bench's limit is 512 MB).
        this(jdbi, formats, events, 50_000);
    }

    /** A runner that writes {@code batchRows} rows per transaction (a group of rows is never split). */
    public ImportRunner(Jdbi jdbi, ImportFormats formats, EventBus events, int batchRows) {
        this.jdbi = jdbi;
        this.formats = formats;
        this.events = events;
        this.batchRows = batchRows;
    }

    /**
     * Runs {@code request}.
     *
     * @throws ImportRefused when the file is not what the kind or format expects; nothing was written
     */
    public ImportSummary run(Request request, Progress progress) throws ImportRefused, IOException {
        long started = System.nanoTime();
        List<ImportFormat<?>> candidates = formats.ofKind(request.kind());
        if (candidates.isEmpty()) {
            throw new ImportRefused("ShopOps cannot import '" + request.kind() + "'; it imports " + String.join(", ", formats.kinds()));
        }
        ImportFormat<?> named = null;
        if (request.format() != null) {
            named = formats.find(request.kind(), request.format()).orElseThrow(() -> new ImportRefused("there is no "
                    + request.kind() + " format '" + request.format() + "'; " + request.kind() + " formats: "
                    + candidates.stream().map(ImportFormat::name).collect(Collectors.joining(", "))));
        }
        try (TableFile table = TableFile.open(request.file(), request.fileName())) {
            Deque<TableFile.RawRow> head = new ArrayDeque<>();
            TableFile.RawRow raw;
            while (head.size() < HEADER_SEARCH_ROWS && (raw = table.next()) != null) {
                if (!raw.isBlank()) {
                    head.add(raw);
                }
            }
            if (head.isEmpty()) {
                throw new ImportRefused(request.fileName() + " has no rows");
            }
            Found found = named != null ? header(named, head) : detect(candidates, head, request);
            return new Run<>(found.format(), found, request, table, head, progress, started).run();
        }
    }

    private record Found(ImportFormat<?> format, List<String> header, int headerIndex) {
    }

    private static List<String> trimmed(TableFile.RawRow row) {
        List<String> cells = new ArrayList<>(row.cells().size());
        row.cells().forEach(c -> cells.add(c == null ? "" : c.strip()));
        // Exports often end the header with empty cells; they name nothing.
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    private static Found header(ImportFormat<?> format, Deque<TableFile.RawRow> head) {
        int i = 0;
        for (TableFile.RawRow row : head) {
            if (format.hasHeader() ? format.recognises(trimmed(row)) : i == 0) {
                return new Found(format, trimmed(row), i);
            }
            i++;
        }
        return new Found(format, trimmed(head.getFirst()), 0);
    }

    private static Found detect(List<ImportFormat<?>> candidates, Deque<TableFile.RawRow> head, Request request)
            throws ImportRefused {
        // A layout of its own (online-retail, taobao, …) wins over the generic one that may also fit.
        List<ImportFormat<?>> ordered = candidates.stream()
                .sorted(Comparator.comparing((ImportFormat<?> f) -> f.name().equals("generic"))).toList();
        int i = 0;
        for (TableFile.RawRow row : head) {
            List<String> cells = trimmed(row);
            for (ImportFormat<?> f : ordered) {
                if ((f.hasHeader() || i == 0) && f.recognises(cells)) {
                    return new Found(f, cells, i);
                }
            }
            i++;
        }
        StringBuilder message = new StringBuilder(request.fileName()).append(" is not a layout of ").append(request.kind())
                .append(" that ShopOps recognises. It starts with: ")
                .append(trimmed(head.getFirst()).stream().limit(12).collect(Collectors.joining(", ")))
                .append(". Expected one of:");
        for (ImportFormat<?> f : ordered) {
            message.append("\n  ").append(f.name()).append(": ").append(f.describe());
        }
        message.append("\nName the format with --format, or map the columns with --format generic --mapping FILE.");
        throw new ImportRefused(message.toString());
    }

    /** One import in progress, typed by its format's record. */
    private final class Run<R> {
        private final ImportFormat<R> format;
        private final Request request;
        private final TableFile table;
        private final Deque<TableFile.RawRow> head;
        private final Progress progress;
        private final long started;
        private final ImportContext context;
        private final List<String> rowHeader;

        private long read;
        private long skipped;
        private long rejected;
        private final Map<String, Long> skippedReasons = new LinkedHashMap<>();
        private final List<ImportSummary.RowError> errors = new ArrayList<>();
        private String stopped;

        private List<R> batch = new ArrayList<>();
        private List<Long> batchLines = new ArrayList<>(); // the line of each record of the batch
        private List<Integer> batchGroups = new ArrayList<>(); // where each group of the batch starts
        private String group;
        private final List<R> groupRecords = new ArrayList<>();
        private final List<Long> groupLines = new ArrayList<>();
        private long groupRejectedLine = -1;
        private final Writing writing = new Writing();

        @SuppressWarnings("unchecked")
        Run(ImportFormat<?> format, Found found, Request request, TableFile table, Deque<TableFile.RawRow> head,
            Progress progress, long started) throws ImportRefused {
            this.format = (ImportFormat<R>) format;
            this.request = request;
            this.table = table;
            this.head = head;
            this.progress = progress;
            this.started = started;
            this.context = new ImportContext(request.shop(), request.fileName(), found.header(), request.options());
            format.check(context);
            for (int i = 0; i < found.headerIndex() + (format.hasHeader() ? 1 : 0); i++) {
                head.removeFirst(); // the preamble and the header itself
            }
            this.rowHeader = format.hasHeader() ? found.header() : List.of();
        }

        ImportSummary run() throws IOException {
            writing.start();
            try {
                readAll();
            } finally {
                writing.finish(); // the batches handed over are written (or counted as not written) before anything else
            }
            if (writing.stopped != null && stopped == null) {
                stopped = writing.stopped;
            }
            rejected += writing.rejected;
            for (ImportSummary.RowError e : writing.errors) { // in line order among the rows read, which is file order
                int at = 0;
                while (at < errors.size() && errors.get(at).line() <= e.line()) {
                    at++;
                }
                errors.add(at, e);
            }
            while (errors.size() > MAX_ERRORS) {
                errors.remove(errors.size() - 1);
            }
            progress.update(table.bytesTotal(), table.bytesTotal(), read);
            if (!request.dryRun() && writing.imported + writing.updated > 0) {
                events.publish(new CoreEvents.DataImported(request.shop().id(), request.kind(), writing.imported,
                        writing.updated));
            }
            return new ImportSummary(request.kind(), format.name(), request.fileName(), table.describe(), request.dryRun(),
                    read, writing.imported, writing.updated, writing.unchanged, skipped, rejected, skippedReasons,
                    List.copyOf(errors), rejected > errors.size(), stopped, (System.nanoTime() - started) / 1e9);
        }

        private void readAll() throws IOException {
            TableFile.RawRow raw;
            while (stopped == null && writing.stopped == null && (raw = nextRow()) != null) {
                if (raw.isBlank()) {
                    continue;
                }
                read++;
                ImportRow row = new ImportRow(raw.line(), rowHeader, cells(raw));
                String rowGroup;
                try {
                    rowGroup = format.group(row, context);
                } catch (RuntimeException e) {
                    rowGroup = null;
                }
                if (rowGroup == null || !rowGroup.equals(group)) {
                    closeGroup();
                }
                group = rowGroup;
                take(row, parse(row));
                if (read % 2_000 == 0) {
                    writing.readingAt(new Position(table.bytesRead(), table.bytesTotal(), read));
                }
            }
            if (stopped == null && writing.stopped == null) {
                closeGroup();
                flush();
            } else {
                // Reading stopped early: the rows read and accepted since the last batch are not written.
                int unwritten = batch.size() + groupRecords.size();
                if (unwritten > 0) {
                    notWritten(batch.isEmpty() ? groupLines.get(0) : batchLines.get(0), unwritten, "as the import stopped");
                }
            }
        }

        /**
         * A spreadsheet leaves out the empty cells at the end of a row; a CSV row with fewer cells than
         * its header is broken. So only spreadsheet rows are made as wide as the header.
         */
        private List<String> cells(TableFile.RawRow raw) {
            if (!table.omitsTrailingEmptyCells() || raw.cells().size() >= rowHeader.size()) {
                return raw.cells();
            }
            List<String> padded = new ArrayList<>(raw.cells());
            while (padded.size() < rowHeader.size()) {
                padded.add("");
            }
            return padded;
        }

        private TableFile.RawRow nextRow() throws IOException {
            if (!head.isEmpty()) {
                return head.removeFirst();
            }
            try {
                return table.next();
            } catch (ImportRefused e) {
                stopped = e.getMessage();
                return null;
            }
        }

        private ParsedRow<R> parse(ImportRow row) {
            try {
                return format.parse(row, context);
            } catch (RuntimeException e) {
                return ParsedRow.reject("", "the " + format.name() + " format could not read this row: " + e);
            }
        }

        private void take(ImportRow row, ParsedRow<R> parsed) {
            if (parsed instanceof ParsedRow.Accepted<R> a) {
                groupRecords.add(a.record());
                groupLines.add(row.line());
            } else if (parsed instanceof ParsedRow.Skipped<R> s) {
                skipped++;
                String reason = skippedReasons.size() < MAX_SKIP_REASONS || skippedReasons.containsKey(s.reason())
                        ? s.reason() : "other reasons";
                skippedReasons.merge(reason, 1L, Long::sum);
            } else if (parsed instanceof ParsedRow.Rejected<R> r) {
                reject(row.line(), r.column(), r.reason());
                if (groupRejectedLine < 0) {
                    groupRejectedLine = row.line();
                }
            }
        }

        private void reject(long line, String column, String reason) {
            rejected++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new ImportSummary.RowError(line, column == null ? "" : column, reason));
            }
        }

        /** Rows read and accepted that will not be written: rejected, with one error for all of them. */
        private void notWritten(long firstLine, long rows, String why) {
            rejected += rows;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new ImportSummary.RowError(firstLine, "", "the " + rows + " rows from this line on were not written, " + why));
            }
        }

        /** Ends the group of rows read so far: all of it goes to the batch, or, if one row was bad, none. */
        private void closeGroup() {
            if (groupRejectedLine >= 0) {
                for (Long line : groupLines) {
                    reject(line, "", "line " + groupRejectedLine + " of the same " + (group == null ? "group" : "order " + group)
                            + " was rejected, so this line is not imported either");
                }
            } else if (!groupRecords.isEmpty()) {
                batchGroups.add(batch.size());
                batch.addAll(groupRecords);
                batchLines.addAll(groupLines);
                if (batch.size() >= batchRows) {
                    flush();
                }
            }
            groupRecords.clear();
            groupLines.clear();
            groupRejectedLine = -1;
        }

        /** Hands the batch to the writing, which may still be a batch behind; then reading goes on. */
        private void flush() {
            if (batch.isEmpty() || stopped != null) {
                return;
            }
            Batch<R> full = new Batch<>(batch, batchLines, batchGroups);
            batch = new ArrayList<>(batchRows + batchRows / 4);
            batchLines = new ArrayList<>(batchRows + batchRows / 4);
            batchGroups = new ArrayList<>();
            writing.readingAt(new Position(table.bytesRead(), table.bytesTotal(), read));
            if (!writing.take(full)) {
                notWritten(full.firstLine(), full.records().size(), "as the import was interrupted");
                stopped = "the import was interrupted at line " + full.firstLine() + "; the batches before it were written";
            }
        }

        /**
         * Writes the batches reading hands over, in file order and each in its own transaction, on a
         * thread of its own, so that reading and checking the next batch overlaps writing this one. At
         * most one batch waits while one is written, which bounds memory. After a batch that cannot be
         * written nothing more is written: the batches handed over after it are counted as rejected, not
         * written. Progress is reported from here, between transactions, so a progress listener that
         * writes to the database (an import job) never waits for the import's own write lock.
         */
        private final class Writing implements Runnable {
            private final BlockingQueue<Batch<R>> queue = new ArrayBlockingQueue<>(1);
            private final Batch<R> end = new Batch<>(List.of(), List.of(), List.of());
            private final Thread thread = new Thread(this, "shopops-import-writer");
            private volatile Position readingAt;
            private Position reported;

            // Written by the writing thread, read by the reading one after finish() has joined it.
            private long imported;
            private long updated;
            private long unchanged;
            private long rejected;
            private final List<ImportSummary.RowError> errors = new ArrayList<>();
            private final KnownCustomers customers = new KnownCustomers();
            private Throwable fatal;
            /** Why writing stopped; set by the writing thread, read by both. */
            private volatile String stopped;

            void start() {
                thread.setDaemon(true);
                thread.start();
            }

            void readingAt(Position position) {
                readingAt = position;
            }

            /** Hands {@code batch} over, waiting while the one before waits; false when interrupted. */
            boolean take(Batch<R> batch) {
                try {
                    queue.put(batch);
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }

            /**
             * Waits until every batch handed over is written, even when interrupted (there are at most
             * two); then throws what the progress listener threw, or an Error of the writing.
             */
            void finish() {
                boolean interrupted = Thread.interrupted();
                while (true) {
                    try {
                        queue.put(end);
                        thread.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // the batches handed over are written first: at most two
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (fatal instanceof RuntimeException e) {
                    throw e;
                }
                if (fatal instanceof Error e) {
                    throw e;
                }
            }

            @Override
            public void run() {
                while (true) {
                    Batch<R> next;
                    try {
                        next = queue.poll(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        continue; // only the end of reading ends this thread, so that reading never waits in vain
                    }
                    if (next == end) {
                        return;
                    }
                    try {
                        report();
                        if (next != null) {
                            write(next);
                        }
                    } catch (RuntimeException | Error e) { // the progress listener's, or an Error of writing
                        if (fatal == null) {
                            fatal = e;
                        }
                        stopped = "the import failed: " + e;
                    }
                }
            }

            private void report() {
                Position at = readingAt;
                if (at != null && at != reported) {
                    reported = at;
                    progress.update(at.bytesRead(), at.bytesTotal(), at.rows());
                }
            }

            private void write(Batch<R> b) {
                List<R> records = b.records();
                if (stopped != null) {
                    rejected += records.size();
                    errors.add(new ImportSummary.RowError(b.firstLine(), "", "the " + records.size()
                            + " rows from this line on were not written, as writing had stopped"));
                    return; // handed over before reading saw that writing had stopped
                }
                try {
                    writeGroups(b, 0, b.groups());
                } catch (RuntimeException e) {
                    String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                    rejected += records.size();
                    errors.add(new ImportSummary.RowError(b.firstLine(), "", "the " + records.size()
                            + " rows from this line on could not be written, and none of them was: " + reason));
                    stopped = "writing stopped at line " + b.firstLine() + ": " + reason;
                }
            }

            /**
             * Writes groups {@code from}..{@code to} (exclusive) of {@code b} in one transaction. When the
             * format refuses them ({@link IllegalArgumentException}, e.g. an order the file lists only by its
             * other lines), the two halves are written apart, down to the single groups refused: those are
             * rejected, line by line, and the rest is written. Any other failure stops the import.
             */
            private void writeGroups(Batch<R> b, int from, int to) {
                List<R> records = b.records().subList(b.start(from), b.start(to));
                ImportFormat.WriteResult result;
                try {
                    result = jdbi.withHandle(h -> write(h, records));
                } catch (IllegalArgumentException refused) {
                    if (to - from > 1) {
                        int half = (from + to) >>> 1;
                        writeGroups(b, from, half);
                        writeGroups(b, half, to);
                        return;
                    }
                    String reason = refused.getMessage() == null ? refused.toString() : refused.getMessage();
                    for (long line : b.lines().subList(b.start(from), b.start(to))) {
                        rejected++;
                        if (errors.size() < MAX_ERRORS) {
                            errors.add(new ImportSummary.RowError(line, "", "not written: " + reason));
                        }
                    }
                    return;
                }
                imported += result.imported();
                updated += result.updated();
                unchanged += records.size() - result.imported() - result.updated();
            }

            private ImportFormat.WriteResult write(Handle h, List<R> records) {
                h.begin();
                try {
                    ImportFormat.WriteResult result = format.write(new ImportFormat.ImportBatch<>(h, request.shop(), records,
                            new CoreTableWriter(h, request.shop(), customers)));
                    if (request.dryRun()) {
                        h.rollback();
                        customers.rolledBack();
                    } else {
                        h.commit();
                        customers.committed();
                    }
                    return result;
                } catch (RuntimeException | Error e) {
                    h.rollback();
                    customers.rolledBack();
                    throw e;
                }
            }
        }
    }

    /** How often at most progress is reported while the writing waits for a batch. */
    private static final long PROGRESS_MILLIS = 250;

    /**
     * Records handed to the writing: their lines in the file, and where each group starts (a group is
     * written whole or not at all).
     */
    private record Batch<R>(List<R> records, List<Long> lines, List<Integer> groupStarts) {

        long firstLine() {
            return lines.get(0);
        }

        int groups() {
            return groupStarts.size();
        }

        /** Where group {@code g} starts; for {@code g == groups()}, the end of the records. */
        int start(int g) {
            return g == groupStarts.size() ? records.size() : groupStarts.get(g);
        }
    }

    /** How far reading has got. */
    private record Position(long bytesRead, long bytesTotal, long rows) {
    }
}
