package com.shopops.platform.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/**
 * Backups of an installation's SQLite database, and restoring one. A backup is SQLite's online backup
 * taken inside one read transaction, so it is the database as of one moment even while the server or an
 * import writes; it is written under a temporary name and moved into place only when it checks out, so a
 * failed backup never leaves a half file. A restore first checks that the file is a ShopOps database and
 * that it would not overwrite data. PostgreSQL installations are backed up with PostgreSQL's own tools
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
     */
    public record Made(Path file, long bytes, String schemaVersion, Map<String, Long> figures) {
    }

    /**
     * A restore done.
     *
     * @param database      the installation's database file, now the backup's copy
     * @param schemaVersion the core schema version restored
     * @param replaced      what the database held before and was replaced (with --force), or empty
     * @param figures       rows of the main tables now in the database
     */
    public record Restored(Path database, String schemaVersion, Map<String, Long> replaced, Map<String, Long> figures) {
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
     * Backs up the SQLite database {@code database} to {@code target}, which must not exist unless
     * {@code force}. Safe while the server runs and writes.
     */
    public static Made backup(Path database, Path target, boolean force, Progress progress) {
        Path source = database.toAbsolutePath().normalize();
        Path file = target.toAbsolutePath().normalize();
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
        Path partial = null;
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
            if (force) {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(partial, file);
            }
            return new Made(file, Files.size(file), version, figures);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(target + " appeared while the backup was made; nothing was replaced");
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed, no file written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("backup failed, no file written: " + e.getMessage(), e);
        } finally {
            if (partial != null) {
                deleteQuietly(partial);
            }
        }
    }

    /**
     * Replaces the SQLite database {@code database} (which may not exist yet) with the backup
     * {@code backup}, after checking that it is a sound ShopOps database and that {@code database}
     * holds no data, unless {@code force}. The server must not be running on it.
     */
    public static Restored restore(Path backup, Path database, boolean force) {
        Path file = backup.toAbsolutePath().normalize();
        Path target = database.toAbsolutePath().normalize();
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
        try {
            Files.createDirectories(target.getParent());
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
                return new Restored(target, version, replaced, figures(db));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("restore failed: " + e.getMessage(), e);
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
