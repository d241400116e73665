package com.shopops.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Enumeration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {

    private static final ClassLoader CORE = Database.class.getClassLoader();

    @TempDir
    Path dir;

    /** The core's newest migration: V3__people.sql. */
    private static final String LATEST_CORE = "7";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void coreMigrationCreatesShopsSettingsAndJobs(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.fresh(kind, dir)) {
            Database db = f.database();

            assertEquals(LATEST_CORE, db.migrate("core", CORE));

            for (String table : List.of("shops", "settings", "jobs", "core_schema_history", "products", "customers",
                    "orders", "order_lines", "refunds", "traffic_days", "behaviour_events", "targets", "reviews", "import_jobs",
                    "users", "user_roles", "user_shops", "role_permissions", "sessions", "api_tokens", "login_failures",
                    "audit_log")) {
                assertTrue(tableExists(db, table), table + " should exist");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migratingTwiceChangesNothing(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.fresh(kind, dir)) {
            Database db = f.database();
            db.migrate("core", CORE);
            db.jdbi().useHandle(h -> h.execute("INSERT INTO jobs (plugin_id, name, interval_seconds, next_due_at) "
                    + "VALUES ('p', 'j', 60, '2024-01-01T00:00:00Z')"));

            assertEquals(LATEST_CORE, db.migrate("core", CORE));

            assertEquals(1, count(db, "SELECT COUNT(*) FROM core_schema_history WHERE version = '" + LATEST_CORE
                    + "' AND success = TRUE"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM jobs"), "the second run must not recreate the tables");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void storedInstantsSortAndCompareInTimeOrder(Kind kind) throws Exception {
        // Instant.toString() would write 01:02:03Z and 01:02:03.500Z, which sort the wrong way round as text.
        List<Instant> times = List.of(Instant.parse("2024-03-05T01:02:02.900Z"), Instant.parse("2024-03-05T01:02:03Z"),
                Instant.parse("2024-03-05T01:02:03.000001Z"), Instant.parse("2024-03-05T01:02:03.500Z"));
        try (Fresh f = TestDatabases.fresh(kind, dir)) {
            f.database().jdbi().useHandle(h -> {
                h.execute("CREATE TABLE moments (at TEXT)");
                for (int i = times.size() - 1; i >= 0; i--) {
                    h.createUpdate("INSERT INTO moments (at) VALUES (:at)").bind("at", times.get(i)).execute();
                }
                assertEquals(times, h.createQuery("SELECT at FROM moments ORDER BY at").mapTo(Instant.class).list());
                assertEquals(times.subList(2, 4), h.createQuery("SELECT at FROM moments WHERE at > :t ORDER BY at")
                        .bind("t", times.get(1)).mapTo(Instant.class).list());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void instantsDatesAndZonesAreStoredAsIsoText(Kind kind) throws Exception {
        Instant at = Instant.parse("2024-03-05T01:02:03Z");
        Instant precise = Instant.parse("2024-03-05T01:02:03.123456Z");
        LocalDate day = LocalDate.of(2024, 3, 5);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        try (Fresh f = TestDatabases.fresh(kind, dir)) {
            Database db = f.database();
            db.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE stamps (id INTEGER PRIMARY KEY, at TEXT, day TEXT, zone TEXT)");
                insertStamp(h, 1, at, day, zone);
                insertStamp(h, 2, precise, day, zone);
                h.createUpdate("INSERT INTO stamps (id, at, day, zone) VALUES (3, :at, :day, :zone)")
                        .bindByType("at", null, Instant.class)
                        .bindByType("day", null, LocalDate.class)
                        .bindByType("zone", null, ZoneId.class)
                        .execute();
            });

            // Read through plain JDBC, so what is checked is what the database holds.
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT CAST(at AS TEXT), CAST(day AS TEXT), CAST(zone AS TEXT) "
                         + "FROM stamps ORDER BY id")) {
                assertTrue(rs.next());
                assertEquals("2024-03-05T01:02:03.000000Z", rs.getString(1));
                assertEquals("2024-03-05", rs.getString(2));
                assertEquals("Asia/Shanghai", rs.getString(3));
                assertTrue(rs.next());
                assertEquals("2024-03-05T01:02:03.123456Z", rs.getString(1));
                assertTrue(rs.next());
                assertNull(rs.getString(1));
                assertNull(rs.getString(2));
                assertNull(rs.getString(3));
            }

            db.jdbi().useHandle(h -> {
                assertEquals(List.of(at, precise), h.createQuery("SELECT at FROM stamps WHERE id < 3 ORDER BY id")
                        .mapTo(Instant.class).list());
                assertEquals(day, h.createQuery("SELECT day FROM stamps WHERE id = 1").mapTo(LocalDate.class).one());
                assertEquals(zone, h.createQuery("SELECT zone FROM stamps WHERE id = 1").mapTo(ZoneId.class).one());
                assertNull(h.createQuery("SELECT at FROM stamps WHERE id = 3").mapTo(Instant.class).list().get(0));
                // Bound values compare equal to stored ones in SQL, which the scheduler's claim relies on.
                assertEquals(1, h.createQuery("SELECT COUNT(*) FROM stamps WHERE at = :at")
                        .bind("at", precise).mapTo(Integer.class).one());
            });
        }
    }

    private static void insertStamp(Handle h, int id, Instant at, LocalDate day, ZoneId zone) {
        h.createUpdate("INSERT INTO stamps (id, at, day, zone) VALUES (:id, :at, :day, :zone)")
                .bind("id", id).bind("at", at).bind("day", day).bind("zone", zone).execute();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMigrationThatFailsPartWayLeavesNoTableBehind(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.fresh(kind, dir)) {
            Database db = f.database();
            db.migrate("core", CORE);
            ClassLoader broken = DatabaseTest.class.getClassLoader();

            RuntimeException failure = assertThrows(RuntimeException.class, () -> db.migrate("brokentest", broken));
            assertTrue(failure.getMessage().contains("no_such_table"), failure.getMessage());

            assertFalse(tableExists(db, "brokentest_notes"), "the failed migration's table must be rolled back");

            // The failure left no failed entry in the history: a corrected V1 runs.
            try (URLClassLoader fixed = onlyOwnMigrations(dir.resolve("fixed"), "brokentest",
                    "CREATE TABLE brokentest_notes (id ${pk}, body TEXT);\n"
                            + "INSERT INTO brokentest_notes (body) VALUES ('x');\n")) {
                assertEquals("1", db.migrate("brokentest", fixed));
            }
            assertEquals(List.of("x"), db.jdbi().withHandle(h -> h.createQuery("SELECT body FROM brokentest_notes")
                    .mapTo(String.class).list()));
        }
    }

    @Test
    void sqliteConnectionsUseWalAndEnforceForeignKeys() throws Exception {
        try (Fresh f = TestDatabases.sqlite(dir)) {
            assertEquals(Dialect.SQLITE, f.database().dialect());
            try (Connection c = f.database().dataSource().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    assertTrue(rs.next());
                    assertEquals("wal", rs.getString(1).toLowerCase());
                }
                try (ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt(1));
                }
            }
        }
    }

    @Test
    void unsupportedUrlsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:mysql://localhost/shop", null, null));
        assertTrue(e.getMessage().contains("jdbc:mysql://localhost/shop"), e.getMessage());
    }

    private static int count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    static boolean tableExists(Database db, String table) {
        String sql = db.dialect() == Dialect.SQLITE
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :t"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = :t";
        return db.jdbi().withHandle(h -> h.createQuery(sql).bind("t", table).mapTo(Integer.class).one()) > 0;
    }

    /**
     * A loader that sees {@code V1__half.sql} with {@code sql} for {@code owner} and hides the test
     * resources' broken version of it, so the two do not meet as duplicate versions.
     */
    private static URLClassLoader onlyOwnMigrations(Path root, String owner, String sql) throws IOException {
        Path folder = Files.createDirectories(root.resolve("db").resolve(owner));
        Files.writeString(folder.resolve("V1__half.sql"), sql);
        String hidden = "db/" + owner;
        return new URLClassLoader(new URL[] {toUrl(root)}, DatabaseTest.class.getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return name.startsWith(hidden) ? findResource(name) : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith(hidden) ? findResources(name) : super.getResources(name);
            }
        };
    }

    private static URL toUrl(Path folder) {
        try {
            return folder.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
