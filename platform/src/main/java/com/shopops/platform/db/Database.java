package com.shopops.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database: a pooled connection to SQLite (default, {@code data/shopops.db}) or PostgreSQL, a
 * configured {@link Jdbi} over it, and versioned migrations for the core and for each plugin.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final String url;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(String url, Dialect dialect, HikariDataSource dataSource) {
        this.url = url;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        TimeAsText.install(jdbi);
    }

    /**
     * Opens the database at {@code jdbcUrl}; for SQLite the file's folder is created. User and
     * password apply to PostgreSQL and may be null.
     */
    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("shopops-db");
        if (dialect == Dialect.SQLITE) {
            createFolderOf(jdbcUrl);
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            // Write-ahead log pages are copied into the database, and both files synced, every this many
            // pages (default 1,000, 4 MB): a large import wrote that much every few batches and spent a
            // tenth of its time in those checkpoints. 40 MB makes them rare; it changes nothing for safety.
            sqlite.setWalAutocheckpoint(10_000);
            // Pages kept in memory per connection, in KiB (SQLite's default is 2 MB). An import's batch
            // touches pages of the orders' and lines' indexes all over them; with 2 MB they were read
            // back from the file again and again (a 1,000,000-line import: 28 s with it, 22 s with 64 MB).
            // The memory is taken as pages are read, up to this much, and only by connections that read them.
            sqlite.setCacheSize(-65_536);
            sqlite.enforceForeignKeys(true);
            sqlite.setBusyTimeout(15_000);
            // A transaction that starts reading and then writes cannot wait for a busy lock in SQLite:
            // it fails at once with "database is locked". Taking the write lock at BEGIN lets the
            // busy timeout do its work; reads outside transactions stay concurrent under WAL.
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource source = new SQLiteDataSource(sqlite);
            source.setUrl(jdbcUrl);
            pool.setDataSource(source);
            pool.setMaximumPoolSize(8);
        } else {
            pool.setJdbcUrl(jdbcUrl);
            pool.setUsername(user);
            pool.setPassword(password);
            pool.setMaximumPoolSize(10);
        }
        pool.setConnectionTimeout(30_000);
        HikariDataSource dataSource = new HikariDataSource(pool);
        return new Database(jdbcUrl, dialect, dataSource);
    }

    private static void createFolderOf(String sqliteUrl) {
        String file = sqliteUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent, e);
        }
    }

    /**
     * Migrates the tables of {@code owner} ({@code core} or a plugin id) with the Flyway SQL files under
     * {@code db/<owner>/} that {@code loader} sees, keeping the history in {@code <owner>_schema_history}.
     * A migration that fails is rolled back (both databases run DDL in transactions) and thrown.
     *
     * @return the schema version after migrating; "0" (the baseline) or null when the owner has no migrations
     */
    public String migrate(String owner, ClassLoader loader) {
        Flyway flyway = Flyway.configure(loader)
                .dataSource(dataSource)
                .locations("classpath:db/" + owner)
                .table(owner + "_schema_history")
                .placeholders(dialect.placeholders())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            log.info("migrated {} to version {} ({} migration(s))", owner, result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        if (result.targetSchemaVersion != null) {
            return result.targetSchemaVersion;
        }
        // Nothing to do (every start of a command): the version it started at is the current one. Asking
        // flyway.info() instead scanned and validated the migrations again for every owner: `shopops summary`
        // took 2.6 s with it and 2.3 s without.
        if (result.initialSchemaVersion != null) {
            return result.initialSchemaVersion;
        }
        return flyway.info().current() == null ? null : flyway.info().current().getVersion().getVersion();
    }

    /**
     * The newest version among the migrations of {@code owner} that {@code loader} sees (what {@link #migrate}
     * would bring its tables to), or null when it has none.
     */
    public static String newestMigration(String owner, ClassLoader loader) {
        // Flyway resolves the migrations as migrate() does; it wants a database to compare them with, and an
        // empty one in memory shows every migration as pending, with its version.
        SQLiteDataSource empty = new SQLiteDataSource();
        empty.setUrl("jdbc:sqlite::memory:");
        MigrationVersion newest = null;
        for (MigrationInfo m : Flyway.configure(loader)
                .dataSource(empty)
                .locations("classpath:db/" + owner)
                .table(owner + "_schema_history")
                .placeholders(Dialect.SQLITE.placeholders())
                .load().info().all()) {
            if (m.getVersion() != null && (newest == null || m.getVersion().compareTo(newest) > 0)) {
                newest = m.getVersion();
            }
        }
        return newest == null ? null : newest.getVersion();
    }

    /** True when schema version {@code version} is newer than {@code than} (versions as Flyway orders them: 10 after 9). */
    public static boolean newer(String version, String than) {
        return MigrationVersion.fromVersion(version).compareTo(MigrationVersion.fromVersion(than)) > 0;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The URL without credentials, for logs. */
    public String describe() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
