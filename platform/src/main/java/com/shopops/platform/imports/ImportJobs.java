package com.shopops.platform.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.ImportRefused;
import com.shopops.api.Shop;
import com.shopops.platform.db.TimeAsText;
import com.shopops.platform.server.Json;
import com.shopops.platform.server.Uploads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports started over HTTP: the upload is saved under the data folder, the import runs in the
 * background, and its state, progress and summary are kept in {@code import_jobs}, so any host on the
 * same database can answer {@code GET /api/imports/{id}}. Imports run one at a time per host: SQLite
 * has one writer anyway, and a second large import would only slow the first.
 */
public final class ImportJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** A running job not heard from for this long was cut off (the host stopped). */
    static final Duration SILENT_LIMIT = Duration.ofMinutes(2);
    /** Largest upload accepted. */
    public static final long MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;

    private final Jdbi jdbi;
    private final ImportRunner runner;
    private final Path uploads;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "shopops-import");
        t.setDaemon(true);
        return t;
    });
    private final ObjectMapper json = Json.mapper();

    public ImportJobs(Jdbi jdbi, ImportRunner runner, Path uploads, Clock clock) {
        this.jdbi = jdbi;
        this.runner = runner;
        this.uploads = uploads;
        this.clock = clock;
    }

    /**
     * Saves {@code content} and queues its import; returns the job as {@link #get} shows it.
     *
     * @param createdBy who started it, for the record
     */
    public Map<String, Object> start(Shop shop, String kind, String format, String fileName, InputStream content,
                                     Map<String, String> options, boolean dryRun, String createdBy) throws IOException {
        String id = UUID.randomUUID().toString();
        String safeName = safe(fileName);
        Path folder = uploads.resolve(id);
        Files.createDirectories(folder);
        Path file = folder.resolve(safeName);
        long size;
        try {
            size = Uploads.copyAtMost(content, file, MAX_UPLOAD_BYTES, "the file");
        } catch (IOException | RuntimeException e) {
            deleteQuietly(folder, file);
            throw e;
        }
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO import_jobs (id, shop_id, kind, format, file_name, dry_run, state, bytes_total, bytes_read,
                                                 created_by, created_at, updated_at)
                        VALUES (:id, :shop, :kind, :format, :file, :dry, 'queued', :size, 0, :by, :now, :now)""")
                .bind("id", id).bind("shop", shop.id()).bind("kind", kind).bind("format", format).bind("file", safeName)
                .bind("dry", dryRun ? 1 : 0).bind("size", size).bind("by", createdBy).bind("now", TimeAsText.format(now))
                .execute());
        ImportRunner.Request request = new ImportRunner.Request(shop, kind, format, file, safeName, Map.copyOf(options), dryRun);
        worker.submit(() -> run(id, request, folder));
        return get(id).orElseThrow();
    }

    private void run(String id, ImportRunner.Request request, Path folder) {
        update(id, "running", null, null, null);
        long[] lastWrite = {0};
        try {
            ImportSummary summary = runner.run(request, (read, total, rows) -> {
                long now = System.nanoTime();
                if (now - lastWrite[0] > 1_000_000_000L || read >= total) { // at most once a second
                    lastWrite[0] = now;
                    jdbi.useHandle(h -> h.createUpdate("UPDATE import_jobs SET bytes_read = :read, updated_at = :now WHERE id = :id")
                            .bind("read", read).bind("now", TimeAsText.format(clock.instant())).bind("id", id).execute());
                }
            });
            update(id, summary.clean() ? "done" : summary.stopped() != null ? "stopped" : "done-with-rejections",
                    json.writeValueAsString(summary), summary.stopped(), clock.instant());
        } catch (ImportRefused e) {
            update(id, "refused", null, e.getMessage(), clock.instant());
        } catch (IOException | RuntimeException e) {
            log.warn("import {} failed", id, e);
            update(id, "failed", null, "the import failed: " + e, clock.instant());
        } finally {
            deleteQuietly(folder, folder.resolve(request.fileName()));
        }
    }

    private void update(String id, String state, String summary, String message, Instant finished) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE import_jobs SET state = :state, summary = COALESCE(:summary, summary), message = :message,
                               updated_at = :now, finished_at = :finished WHERE id = :id""")
                .bind("state", state).bind("summary", summary).bind("message", message)
                .bind("now", TimeAsText.format(clock.instant()))
                .bind("finished", finished == null ? null : TimeAsText.format(finished)).bind("id", id).execute());
    }

    /** The job {@code id}: state, progress, and when finished the summary's counts and rejected rows. */
    public Optional<Map<String, Object>> get(String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE j.id = :id").bind("id", id).map(this::view).findOne());
    }

    /** The shop's latest jobs, newest first. */
    public List<Map<String, Object>> recent(Shop shop, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE j.shop_id = :shop ORDER BY j.created_at DESC LIMIT :limit")
                .bind("shop", shop.id()).bind("limit", limit).map(this::view).list());
    }

    private static final String SELECT = """
            SELECT j.id, s.code, j.kind, j.format, j.file_name, j.dry_run, j.state, j.bytes_total, j.bytes_read,
                   j.summary, j.message, j.created_by, j.created_at, j.updated_at, j.finished_at
            FROM import_jobs j JOIN shops s ON s.id = j.shop_id""";

    private Map<String, Object> view(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return view(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6) == 1, rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15));
    }

    private Map<String, Object> view(String id, String shop, String kind, String format, String file, boolean dryRun,
                                     String state, long total, long read, String summary, String message, String createdBy,
                                     String createdAt, String updatedAt, String finishedAt) {
        if ((state.equals("running") || state.equals("queued"))
                && Instant.parse(updatedAt).plus(SILENT_LIMIT).isBefore(clock.instant())) {
            state = "interrupted";
            message = "the host running this import stopped before it finished; batches written before then are kept, "
                    + "and importing the file again completes it without duplicates";
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("shop", shop);
        out.put("kind", kind);
        out.put("format", format);
        out.put("file", file);
        out.put("dryRun", dryRun);
        out.put("state", state);
        out.put("bytesTotal", total);
        out.put("bytesRead", read);
        out.put("progress", total == 0 ? 1.0 : Math.min(1.0, (double) read / total));
        if (summary != null) {
            try {
                Map<String, Object> counts = json.readValue(summary, json.getTypeFactory()
                        .constructMapType(LinkedHashMap.class, String.class, Object.class));
                counts.remove("kind");
                counts.remove("file");
                counts.remove("dryRun");
                out.putAll(counts);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("import job " + id + " has an unreadable summary", e);
            }
        }
        out.put("message", message);
        out.put("createdBy", createdBy);
        out.put("createdAt", createdAt);
        out.put("finishedAt", finishedAt);
        return out;
    }

    /** A file name that is safe to use in the uploads folder, keeping its extension. */
    static String safe(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        if (base.isEmpty()) {
            base = "upload.csv";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }

    private static void deleteQuietly(Path folder, Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            log.warn("cannot delete the upload {}: {}", file, e.toString());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
