package com.shopops.platform.core;

import com.shopops.platform.db.Database;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/**
 * Backups of an installation's SQLite database and its data folder's {@code files/} (plugins' files: channel
 * outboxes, content images), and restoring one. A backup is SQLite's online backup
 * taken inside one read transaction, so it is the database as of one moment even while the server or an
 * import writes; it is written under a temporary name and moved into place only when it checks out, so a
 * failed backup never leaves a half file; {@code files/} goes into a zip beside it the same way. A restore
 * first checks that the file is a ShopOps database of a schema this ShopOps knows, that the zip's entries
 * stay inside {@code files/}, and that it would not overwrite data. PostgreSQL installations are backed up with PostgreSQL's own tools
 * ({@link #postgresAdvice}).
 */
public final class Backups {

    /** Pages copied per step (4 KiB each): 16 MB between progress reports. */
    private static final int PAGES_PER_STEP = 4096;
    /** How long a restore waits for a database someone else is writing before giving up. */
    private static final int BUSY_WAIT_MILLIS = 100;
    private static final int BUSY_TRIES = 50;

    private Backups() {
    }

    /** Told how far a backup is, in database pages. */
    @FunctionalInterface
    public interface Progress {
        void copied(long pages, long total);

        Progress NONE = (pages, total) -> {
        };
    }

    /**
     * A backup made.
     *
     * @param file          the backup file
     * @param bytes         its size
     * @param schemaVersion the core schema version it holds
     * @param figures       rows of the main tables (shops, orders, users) it holds
     * @param files         the files of the data folder's files/ kept beside it (no zip when there were none)
     */
    public record Made(Path file, long bytes, String schemaVersion, Map<String, Long> figures, KeptFiles files) {
    }

    /**
     * Files of the data folder's {@code files/}: how many and their bytes.
     *
     * @param where the zip they are kept in, or the folder they are in; null when there is none
     * @param count how many files
     * @param bytes their size, uncompressed
     */
    public record KeptFiles(Path where, long count, long bytes) {
    }

    /**
     * A restore done.
     *
     * @param database      the installation's database file, now the backup's copy
     * @param schemaVersion the core schema version restored
     * @param replaced      what the database held before and was replaced (with --force), or empty
     * @param figures       rows of the main tables now in the database
     * @param files         the files put back into files/ from the backup's zip, or null when it had none
     * @param replacedFiles what files/ held before and was replaced (with --force), or null
     */
    public record Restored(Path database, String schemaVersion, Map<String, Long> replaced, Map<String, Long> figures,
                           KeptFiles files, KeptFiles replacedFiles) {
    }

    /**
     * The SQLite file of a JDBC URL; for a PostgreSQL URL an error saying to use {@code pg_dump} /
     * {@code pg_restore} ({@code restore} chooses which).
     */
    public static Path sqliteFile(String jdbcUrl, String user, boolean restore) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(postgresAdvice(jdbcUrl, user, restore));
        }
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("unsupported database URL: use jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB");
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            throw new IllegalArgumentException("backup and restore work on an SQLite file; the database URL names none");
        }
        return Path.of(file).toAbsolutePath().normalize();
    }

    /**
     * What to run instead on PostgreSQL: the command with the connection's host, port, database, schema
     * and user; never its password, which pg_dump asks for or reads from ~/.pgpass.
     */
    public static String postgresAdvice(String jdbcUrl, String user, boolean restore) {
        String host = "localhost";
        int port = 5432;
        String database = "";
        String schema = null;
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (rest.startsWith("//")) {
            // Several hosts may be listed for fail-over; the first is the one to name.
            String authority = rest.substring(2, rest.indexOf('/', 2) < 0 ? rest.length() : rest.indexOf('/', 2));
            database = rest.substring(Math.min(rest.length(), 2 + authority.length() + 1));
            URI first = URI.create("pg://" + authority.split(",")[0]);
            if (first.getHost() != null) {
                host = first.getHost();
            }
            if (first.getPort() > 0) {
                port = first.getPort();
            }
        } else {
            database = rest;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = pair.substring(0, eq);
            String value = java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            if (key.equals("currentSchema")) {
                schema = value;
            } else if (key.equals("user") && user == null) {
                user = value;
            }
        }
        StringBuilder connection = new StringBuilder("--host=" + host + " --port=" + port);
        if (user != null && !user.isBlank()) {
            connection.append(" --username=").append(user);
        }
        connection.append(" --dbname=").append(database);
        String where = "database '" + database + "' on " + host + ":" + port + (schema == null ? "" : ", schema " + schema);
        if (restore) {
            return "this installation runs on PostgreSQL (" + where + "); restore a pg_dump backup with PostgreSQL's tools, e.g.: "
                    + "pg_restore " + connection + " --clean --if-exists FILE";
        }
        return "this installation runs on PostgreSQL (" + where + "); back it up with PostgreSQL's tools, e.g.: "
                + "pg_dump " + connection + (schema == null ? "" : " --schema=" + schema) + " --format=custom --file=FILE";
    }

    /**
     * Where a backup keeps the data folder's {@code files/}: {@code FILE.files.zip} beside {@code backup}.
     */
    public static Path filesZip(Path backup) {
        Path file = backup.toAbsolutePath().normalize();
        return file.resolveSibling(file.getFileName() + ".files.zip");
    }

    /**
     * Backs up the SQLite database {@code database} to {@code target}, and the folder {@code files} (the data
     * folder's {@code files/}; null or missing: none) to {@link #filesZip} when it holds any file. Neither may
     * exist unless {@code force}. Safe while the server runs and writes.
     */
    public static Made backup(Path database, Path files, Path target, boolean force, Progress progress) {
        Path source = database.toAbsolutePath().normalize();
        Path file = target.toAbsolutePath().normalize();
        Path zip = filesZip(file);
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("there is no database at " + source + " to back up");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(target + " is a folder; name the backup file, e.g. " + target.resolve("shopops-backup.db"));
        }
        if (file.equals(source)) {
            throw new IllegalArgumentException("the backup cannot be the database itself");
        }
        if (Files.exists(file) && !force) {
            throw new IllegalStateException(target + " exists already; name another file, or add --force to replace it");
        }
        if (Files.exists(zip) && !force) {
            // It would be taken for this backup's files at the next restore.
            throw new IllegalStateException(zip + " exists already; name another file, or add --force to replace it");
        }
        Path partial = null;
        Path zipPartial = null;
        boolean zipPlaced = false;
        try {
            Files.createDirectories(file.getParent());
            // In the target's folder, so the finished file is renamed, not copied, into place.
            partial = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".partial");
            String version;
            try (Connection db = open(source, false)) {
                try {
                    version = schemaVersion(db);
                } catch (SQLException e) {
                    throw new SQLException(source + " is not a ShopOps database: " + notADatabase(e), e);
                }
                // One read transaction around the whole copy: the backup sees one moment of the database and
                // is not restarted by every write the server or an import makes meanwhile (WAL lets them go on).
                db.setAutoCommit(false);
                try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    rs.next();
                }
                int code = ((SQLiteConnection) db).getDatabase().backup("main", partial.toString(),
                        (remaining, pages) -> progress.copied(pages - remaining, pages), BUSY_WAIT_MILLIS, BUSY_TRIES, PAGES_PER_STEP);
                db.rollback();
                if (code != SQLiteErrorCode.SQLITE_OK.code) {
                    throw new SQLException("SQLite answered " + SQLiteErrorCode.getErrorCode(code) + " while copying");
                }
            }
            // A file on its own: no write-ahead log beside it wherever it is copied, and checked before it counts.
            Map<String, Long> figures;
            try (Connection copy = open(partial, false); Statement s = copy.createStatement()) {
                s.execute("PRAGMA journal_mode=DELETE");
                quickCheck(copy, partial);
                figures = figures(copy);
            }
            KeptFiles kept = new KeptFiles(null, 0, 0);
            List<Path> toKeep = files == null ? List.of() : filesIn(files.toAbsolutePath().normalize());
            if (!toKeep.isEmpty()) {
                zipPartial = Files.createTempFile(file.getParent(), "." + zip.getFileName() + ".", ".partial");
                kept = zipFiles(files.toAbsolutePath().normalize(), toKeep, zipPartial, zip);
            }
            // The files first, the database last: a backup file always has the files that were taken with it.
            if (zipPartial != null) {
                if (force) {
                    Files.move(zipPartial, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(zipPartial, zip);
                }
                zipPlaced = true;
            } else if (force) {
                // An older backup's files would otherwise be restored with this database.
                Files.deleteIfExists(zip);
            }
            if (force) {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(partial, file);
            }
            return new Made(file, Files.size(file), version, figures, kept);
        } catch (FileAlreadyExistsException e) {
            if (zipPlaced && !force) {
                deleteQuietly(zip);
            }
            throw new IllegalStateException(e.getFile() + " appeared while the backup was made; nothing was replaced");
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed, no file written: " + e.getMessage(), e);
        } catch (IOException e) {
            if (zipPlaced && !force) {
                deleteQuietly(zip);
            }
            throw new UncheckedIOException("backup failed, no file written: " + e.getMessage(), e);
        } finally {
            if (partial != null) {
                deleteQuietly(partial);
            }
            if (zipPartial != null) {
                deleteQuietly(zipPartial);
            }
        }
    }

    /**
     * Replaces the SQLite database {@code database} (which may not exist yet) with the backup
     * {@code backup}, and the folder {@code files} with the backup's {@link #filesZip} when there is one,
     * after checking that the backup is a sound ShopOps database of a schema this ShopOps knows, that
     * the zip's entries all land inside {@code files}, and that {@code database} holds no data and
     * {@code files} no file, unless {@code force}. The server must not be running on them.
     */
    public static Restored restore(Path backup, Path database, Path files, boolean force) {
        Path file = backup.toAbsolutePath().normalize();
        Path target = database.toAbsolutePath().normalize();
        Path folder = files.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no file " + backup);
        }
        if (file.equals(target)) {
            throw new IllegalArgumentException(backup + " is the installation's database itself");
        }
        String version;
        try (Connection copy = open(file, true)) {
            version = schemaVersion(copy);
            quickCheck(copy, file);
        } catch (SQLException e) {
            throw new IllegalArgumentException(backup + " is not a ShopOps backup: " + notADatabase(e), e);
        }
        String known = Database.newestMigration("core", Backups.class.getClassLoader());
        if (known != null && Database.newer(version, known)) {
            // The server would refuse to start on it (Flyway does not know the newer migrations), or worse,
            // an older build would write tables whose meaning changed.
            throw new IllegalStateException("this backup holds core schema version " + version + ", but this ShopOps knows up to version "
                    + known + ": upgrade ShopOps first; nothing was restored");
        }
        Map<String, Long> replaced = Map.of();
        if (Files.isRegularFile(target) && sizeOf(target) > 0) {
            try (Connection current = open(target, true)) {
                List<String> filled = filledTables(current);
                if (!filled.isEmpty()) {
                    replaced = figures(current);
                    if (!force) {
                        throw new IllegalStateException("the database " + target + " has data (" + describe(replaced, filled)
                                + "); restoring would replace it. Restore into a new --data folder, or add --force to replace it");
                    }
                }
            } catch (SQLException e) {
                if (!force) {
                    throw new IllegalStateException("the database " + target + " cannot be read (" + notADatabase(e)
                            + "); add --force to replace it with the backup", e);
                }
            }
        }
        Path zip = filesZip(file);
        Path unpacked = null;
        try {
            List<Unpacking> entries = null;
            KeptFiles before = null;
            if (Files.isRegularFile(zip)) {
                entries = checkEntries(zip, folder);
                List<Path> present = Files.isDirectory(folder) ? filesIn(folder) : List.of();
                if (!present.isEmpty()) {
                    before = new KeptFiles(null, present.size(), bytesOf(present));
                    if (!force) {
                        throw new IllegalStateException("the folder " + folder + " has " + describe(before)
                                + "; restoring would replace them. Restore into a new --data folder, or add --force to replace them");
                    }
                }
            }
            Files.createDirectories(target.getParent());
            KeptFiles restoredFiles = null;
            if (entries != null) {
                // Unpacked beside files/ before the database is touched: a zip that cannot be unpacked changes nothing.
                Files.createDirectories(folder.getParent());
                unpacked = Files.createTempDirectory(folder.getParent(), "." + folder.getFileName() + ".restoring-");
                restoredFiles = unpack(zip, entries, unpacked);
            }
            Restored restored;
            try (Connection db = open(target, false)) {
                int code = ((SQLiteConnection) db).getDatabase().restore("main", file.toString(), null,
                        BUSY_WAIT_MILLIS, BUSY_TRIES, -1);
                if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    throw new IllegalStateException("the database " + target + " is in use; stop the server and restore again");
                }
                if (code != SQLiteErrorCode.SQLITE_OK.code) {
                    throw new SQLException("SQLite answered " + SQLiteErrorCode.getErrorCode(code));
                }
                quickCheck(db, target);
                restored = new Restored(target, version, replaced, figures(db),
                        restoredFiles == null ? null : new KeptFiles(folder, restoredFiles.count(), restoredFiles.bytes()), before);
            }
            if (unpacked != null) {
                swapIn(unpacked, folder);
                unpacked = null;
            }
            return restored;
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("restore failed: " + e.getMessage(), e);
        } finally {
            if (unpacked != null) {
                deleteTree(unpacked);
            }
        }
    }

    /** Every regular file under {@code folder}, in name order; symbolic links are not followed. */
    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    /** Writes {@code files} (under {@code folder}) to the zip {@code out}, named by their path below {@code folder}. */
    private static KeptFiles zipFiles(Path folder, List<Path> files, Path out, Path zip) throws IOException {
        long count = 0;
        long bytes = 0;
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8)) {
            for (Path f : files) {
                ZipEntry entry = new ZipEntry(entryName(folder.relativize(f)));
                InputStream in;
                try {
                    entry.setLastModifiedTime(Files.getLastModifiedTime(f));
                    in = Files.newInputStream(f);
                } catch (NoSuchFileException gone) {
                    continue; // a plugin removed it meanwhile (a sent outbox file): nothing to keep
                }
                try (in) {
                    z.putNextEntry(entry);
                    bytes += in.transferTo(z);
                    z.closeEntry();
                }
                count++;
            }
        }
        return new KeptFiles(zip, count, bytes);
    }

    private static String entryName(Path relative) {
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }

    /** A zip entry and the path below files/ it is unpacked to. */
    private record Unpacking(String name, Path below) {
    }

    /**
     * The entries of {@code zip}, each checked to land inside {@code folder}; an entry that would land
     * elsewhere (an absolute path, {@code ..}, a drive) refuses the whole restore before anything is written.
     */
    private static List<Unpacking> checkEntries(Path zip, Path folder) {
        List<Unpacking> entries = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (ZipEntry e : Collections.list(z.entries())) {
                String name = e.getName();
                Path below = null;
                try {
                    // Read by this system's rules: on Windows a backslash separates too, and climbs with "..\\".
                    Path relative = Path.of(name);
                    Path landing = folder.resolve(relative).normalize();
                    if (!relative.isAbsolute() && relative.getRoot() == null && landing.startsWith(folder) && !landing.equals(folder)) {
                        below = folder.relativize(landing);
                    }
                } catch (InvalidPathException invalid) {
                    // refused below
                }
                if (below == null) {
                    throw new IllegalArgumentException(zip + " has an entry outside files/: '" + name + "'; nothing was restored");
                }
                if (!e.isDirectory()) {
                    entries.add(new Unpacking(name, below));
                }
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException(zip + " is not a readable zip (" + e.getMessage() + "); nothing was restored", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip + ": " + e.getMessage(), e);
        }
        return entries;
    }

    private static KeptFiles unpack(Path zip, List<Unpacking> entries, Path into) throws IOException {
        long bytes = 0;
        try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (Unpacking u : entries) {
                ZipEntry e = z.getEntry(u.name());
                Path out = into.resolve(u.below().toString());
                Files.createDirectories(out.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    bytes += Files.copy(in, out);
                }
                if (e.getLastModifiedTime() != null) {
                    Files.setLastModifiedTime(out, e.getLastModifiedTime());
                }
            }
        }
        return new KeptFiles(null, entries.size(), bytes);
    }

    /** Puts {@code unpacked} in the place of {@code folder}, whose old files are removed. */
    private static void swapIn(Path unpacked, Path folder) throws IOException {
        Path old = null;
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            old = folder.resolveSibling("." + folder.getFileName() + ".replaced-" + System.nanoTime());
            Files.move(folder, old);
        }
        Files.move(unpacked, folder);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static long bytesOf(List<Path> files) {
        long bytes = 0;
        for (Path f : files) {
            bytes += sizeOf(f);
        }
        return bytes;
    }

    /** "12 files, 3.4 MB". */
    public static String describe(KeptFiles files) {
        return String.format("%,d %s, %s", files.count(), files.count() == 1 ? "file" : "files", size(files.bytes()));
    }

    /** "24 KB", "3.4 MB". */
    public static String size(long bytes) {
        return bytes < 1024 * 1024 ? String.format("%,d KB", (bytes + 1023) / 1024)
                : String.format("%,.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a hidden leftover beside files/ does no harm; the restore's outcome is what counts
        }
    }

    private static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(15_000);
        config.setReadOnly(readOnly);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        return source.getConnection();
    }

    /** The core schema version, or an error when {@code file} holds no ShopOps core tables. */
    private static String schemaVersion(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet has = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'core_schema_history'")) {
            has.next();
            if (has.getInt(1) == 0) {
                throw new SQLException("it is an SQLite database without ShopOps' core tables (no core_schema_history)");
            }
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT version FROM core_schema_history WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "0";
        }
    }

    private static void quickCheck(Connection db, Path file) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String answer = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(answer)) {
                throw new SQLException(file + " fails SQLite's integrity check: " + answer);
            }
        }
    }

    /** The tables with rows, apart from migration histories (a migrated but unused database is empty). */
    private static List<String> filledTables(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '%\\_schema\\_history' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        List<String> filled = new ArrayList<>();
        for (String table : tables) {
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM \"" + table.replace("\"", "\"\"") + "\")")) {
                if (rs.next() && rs.getInt(1) == 1) {
                    filled.add(table);
                }
            }
        }
        return filled;
    }

    /** Rows of the tables an owner recognises, those that exist. */
    private static Map<String, Long> figures(Connection db) throws SQLException {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String table : List.of("shops", "orders", "users")) {
            try (Statement s = db.createStatement();
                 ResultSet has = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
                has.next();
                if (has.getInt(1) == 0) {
                    continue;
                }
            }
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                figures.put(table, rs.getLong(1));
            }
        }
        return figures;
    }

    /** "3 shops, 1,204 orders, 2 users", or the tables with rows when those three are empty. */
    public static String describe(Map<String, Long> figures, List<String> filled) {
        List<String> parts = new ArrayList<>();
        figures.forEach((table, rows) -> {
            if (rows > 0) {
                parts.add(String.format("%,d %s", rows, rows == 1 ? table.substring(0, table.length() - 1) : table));
            }
        });
        if (parts.isEmpty()) {
            return filled.isEmpty() ? "no shops, orders or users" : "rows in " + String.join(", ", filled);
        }
        return String.join(", ", parts);
    }

    private static String notADatabase(SQLException e) {
        if (e.getErrorCode() == SQLiteErrorCode.SQLITE_NOTADB.code || String.valueOf(e.getMessage()).contains("SQLITE_NOTADB")) {
            return "it is not an SQLite database";
        }
        return e.getMessage();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path partial) {
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + suffix));
            } catch (IOException ignored) {
                // a hidden leftover in the backup folder does no harm; the backup's outcome is what counts
            }
        }
    }
}
