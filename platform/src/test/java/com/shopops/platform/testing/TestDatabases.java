package com.shopops.platform.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.shopops.platform.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Real databases for tests: an SQLite file in a temporary folder, and a fresh schema in the PostgreSQL
 * that runs on this machine (127.0.0.1:5432, trust auth, database {@code test}; override with
 * {@code SHOPOPS_TEST_PG_URL}). Without PostgreSQL the PostgreSQL tests are skipped with a message,
 * except under {@code CI=true}, where a missing PostgreSQL fails them.
 */
public final class TestDatabases {

    /** The PostgreSQL server tests use, without a schema. */
    public static final String PG_URL = System.getenv().getOrDefault("SHOPOPS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TestDatabases() {
    }

    /** The kinds of database a test can run on. */
    public enum Kind { SQLITE, POSTGRESQL }

    /** A fresh, empty database of {@code kind}; close it to drop what the test made. */
    public static Fresh fresh(Kind kind, Path tempDir) throws Exception {
        return kind == Kind.SQLITE ? sqlite(tempDir) : postgres();
    }

    /**
     * A fresh database of {@code kind} with the core's tables, and then each plugin's whose id is given,
     * its migrations read from the test's class path (as a plugin module's own tests see them).
     */
    public static Fresh migrated(Kind kind, Path tempDir, String... pluginIds) throws Exception {
        Fresh f = fresh(kind, tempDir);
        f.database().migrate("core", Database.class.getClassLoader());
        for (String id : pluginIds) {
            f.database().migrate(id, Thread.currentThread().getContextClassLoader());
        }
        return f;
    }

    /** A fresh SQLite file in {@code tempDir}. */
    public static Fresh sqlite(Path tempDir) throws Exception {
        Path file = Files.createTempFile(tempDir, "shopops-", ".db");
        Files.delete(file);
        String url = "jdbc:sqlite:" + file;
        return new Fresh(url, Database.open(url, null, null), null);
    }

    /** A fresh schema in the test PostgreSQL; skips (or fails under CI=true) when there is none. */
    public static Fresh postgres() throws Exception {
        requirePostgres();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Fresh(url, Database.open(url, null, null), schema);
    }

    /** Skips the calling test when PostgreSQL is not reachable, or fails it under CI=true. */
    public static void requirePostgres() {
        String problem = null;
        try (Connection c = DriverManager.getConnection(PG_URL)) {
            c.isValid(2);
        } catch (SQLException e) {
            problem = e.getMessage();
        }
        if (problem != null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("PostgreSQL is required under CI=true but " + PG_URL + " answered: " + problem);
        }
        assumeTrue(problem == null, "PostgreSQL not reachable at " + PG_URL + " (" + problem + "); PostgreSQL tests skipped");
    }

    /**
     * A database made for one test.
     *
     * @param url      its JDBC URL
     * @param database the open database
     * @param schema   the PostgreSQL schema to drop afterwards, or null for SQLite
     */
    public record Fresh(String url, Database database, String schema) implements AutoCloseable {

        /** Creates a shop with {@code code} (defaults for the rest) and returns its id. */
        public long newShop(String code) {
            return new com.shopops.platform.core.ShopStore(database.jdbi(), java.time.Clock.systemUTC())
                    .create(new com.shopops.platform.core.ShopStore.NewShop(code, null, null, null, null)).id();
        }

        /** The host's typed and aggregate reads over this database, as a plugin gets them from {@code PluginContext.data()}. */
        public com.shopops.api.data.ShopData data() {
            return new com.shopops.platform.data.ShopDataStore(database.jdbi(),
                    new com.shopops.platform.core.ShopStore(database.jdbi(), java.time.Clock.systemUTC()));
        }

        @Override
        public void close() throws Exception {
            database.close();
            if (schema != null) {
                try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }
}
