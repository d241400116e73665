package com.shopops.platform.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.core.Backups;
import com.shopops.platform.db.Database;
import com.shopops.platform.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shopops backup} and {@code restore} on real SQLite files, with the refusals that keep data safe. */
class BackupCommandTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            var cli = ShopOpsCommand.commandLine();
            cli.setErr(new java.io.PrintWriter(System.err, true));
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--plugins", dir.resolve("plugins").toString()));
            return new Result(cli.execute(all.toArray(String[]::new)), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Rows of every table in the SQLite file, by table name. */
    private static Map<String, Long> rowCounts(Path db) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private void assertNoPartialFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".partial")), "no half-written backup is left");
        }
    }

    @Test
    void aBackupRestoredIntoANewFolderHasTheSameFiguresAndEveryRefusalKeepsTheDataAsItWas() throws Exception {
        String a = dir.resolve("a").toString();
        String b = dir.resolve("b").toString();
        Result demo = run("demo", "--days", "20", "--seed", "3", "--until", "2026-01-31", "--data", a);
        assertEquals(0, demo.exit(), demo.err());

        Path backup = dir.resolve("backups/shop.db");
        Result made = run("backup", backup.toString(), "--data", a);
        assertEquals(0, made.exit(), made.err());
        assertTrue(made.out().contains("backed up ") && made.out().contains("1 shop, "), made.out());
        assertTrue(made.out().contains("holds no files: no files zip written"), made.out());
        assertFalse(Files.exists(Path.of(backup + ".files.zip")), "no zip for a files/ folder without files");
        assertTrue(Files.isRegularFile(backup));
        assertFalse(Files.exists(Path.of(backup + "-wal")), "the backup is one file");
        assertNoPartialFiles(backup.getParent());

        Result restored = run("restore", backup.toString(), "--data", b);
        assertEquals(0, restored.exit(), restored.err());
        assertTrue(restored.out().contains("restored ") && restored.out().contains("core schema version"), restored.out());

        Result summaryA = run("summary", "--json", "--data", a);
        Result summaryB = run("summary", "--json", "--data", b);
        assertEquals(0, summaryB.exit(), summaryB.err());
        assertTrue(summaryA.out().contains("\"orders\""), summaryA.out());
        assertEquals(summaryA.out(), summaryB.out());
        Map<String, Long> countsA = rowCounts(Path.of(a, "shopops.db"));
        assertTrue(countsA.get("orders") > 100 && countsA.get("order_lines") > 100, countsA.toString());
        assertEquals(countsA, rowCounts(Path.of(b, "shopops.db")), "every table has as many rows as the original");

        // An existing backup file is not overwritten unless asked.
        long before = Files.size(backup);
        Files.writeString(backup, "an older backup");
        Result again = run("backup", backup.toString(), "--data", a);
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("exists already") && again.err().contains("--force"), again.err());
        assertEquals("an older backup", Files.readString(backup));
        Result forced = run("backup", backup.toString(), "--force", "--data", a);
        assertEquals(0, forced.exit(), forced.err());
        assertEquals(before, Files.size(backup));

        // A database with data is not replaced unless asked.
        Result overData = run("restore", backup.toString(), "--data", b);
        assertEquals(1, overData.exit());
        assertTrue(overData.err().contains("has data (1 shop, ") && overData.err().contains("--force"), overData.err());
        Result overForced = run("restore", backup.toString(), "--force", "--data", b);
        assertEquals(0, overForced.exit(), overForced.err());
        assertTrue(overForced.out().contains("replaced what the database held before: 1 shop, "), overForced.out());
        assertEquals(countsA, rowCounts(Path.of(b, "shopops.db")));

        // Files that are no ShopOps backup are refused before anything is touched.
        Path notADatabase = dir.resolve("notes.db");
        Files.writeString(notADatabase, "these are not the pages of a database, just some text that is long enough ".repeat(20));
        Path foreign = dir.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE shops (id INTEGER PRIMARY KEY, code TEXT)");
        }
        String c = dir.resolve("c").toString();
        Result noise = run("restore", notADatabase.toString(), "--force", "--data", c);
        assertEquals(1, noise.exit());
        assertTrue(noise.err().contains("is not a ShopOps backup: it is not an SQLite database"), noise.err());
        Result alien = run("restore", foreign.toString(), "--force", "--data", c);
        assertEquals(1, alien.exit());
        assertTrue(alien.err().contains("without ShopOps' core tables"), alien.err());
        assertFalse(Files.exists(Path.of(c)), "a refused restore creates nothing");
        Result alienOverData = run("restore", foreign.toString(), "--force", "--data", b);
        assertEquals(1, alienOverData.exit());
        assertEquals(countsA, rowCounts(Path.of(b, "shopops.db")), "the database is as it was");

        Result nothing = run("backup", dir.resolve("empty.db").toString(), "--data", dir.resolve("none").toString());
        assertEquals(1, nothing.exit());
        assertTrue(nothing.err().contains("there is no database at"), nothing.err());
        assertFalse(Files.exists(dir.resolve("empty.db")));
        Result ofForeign = run("backup", dir.resolve("f.db").toString(), "--db", "jdbc:sqlite:" + foreign);
        assertEquals(1, ofForeign.exit());
        assertTrue(ofForeign.err().contains("backup failed, no file written") && ofForeign.err().contains("not a ShopOps database"),
                ofForeign.err());
        assertFalse(Files.exists(dir.resolve("f.db")));
        assertNoPartialFiles(dir);
    }

    @Test
    void onPostgresqlBothCommandsNameTheDatabaseAndPgDumpButNeverThePassword() {
        String url = TestDatabases.PG_URL + (TestDatabases.PG_URL.contains("?") ? "&" : "?")
                + "password=s3cret-Pw&currentSchema=shop_one";
        Result backup = run("backup", dir.resolve("x.dump").toString(), "--db", url, "--data", dir.resolve("d").toString());
        assertEquals(1, backup.exit());
        assertTrue(backup.err().startsWith("shopops: this installation runs on PostgreSQL (database '"), backup.err());
        assertTrue(backup.err().contains("pg_dump ") && backup.err().contains("--schema=shop_one"), backup.err());
        assertTrue(backup.err().contains("--dbname=" + url.replaceAll("^.*//[^/]*/([^?]*).*$", "$1") + " "), backup.err());
        Result restore = run("restore", dir.resolve("x.dump").toString(), "--db", url, "--data", dir.resolve("d").toString());
        assertEquals(1, restore.exit());
        assertTrue(restore.err().contains("pg_restore "), restore.err());
        for (Result r : List.of(backup, restore)) {
            assertFalse(r.err().contains("s3cret") || r.out().contains("s3cret"), "no password: " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.dump")));
    }

    @Test
    void aBackupTakenWhileAnotherConnectionKeepsWritingIsOneConsistentMomentAndFinishes() throws Exception {
        Path db = dir.resolve("live/shopops.db");
        try (Database database = Database.open("jdbc:sqlite:" + db, null, null)) {
            database.migrate("core", Database.class.getClassLoader());
            database.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE ledger_in (n INTEGER)");
                h.execute("CREATE TABLE ledger_out (n INTEGER)");
                // 48 MB of pages, so the copy takes several steps with writes landing between them.
                h.execute("CREATE TABLE ballast (b BLOB)");
                for (int i = 0; i < 48; i++) {
                    h.execute("INSERT INTO ballast VALUES (randomblob(1048576))");
                }
            });
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    long n = written.incrementAndGet();
                    // Both rows in one transaction: a consistent copy has as many of one as of the other.
                    database.jdbi().useTransaction(h -> {
                        h.execute("INSERT INTO ledger_in VALUES (?)", n);
                        h.execute("INSERT INTO ledger_out VALUES (?)", n);
                    });
                }
            });
            writer.start();
            try {
                while (written.get() < 50) {
                    Thread.sleep(5);
                }
                List<long[]> steps = new ArrayList<>();
                long startedAt = written.get();
                Backups.Made made = Backups.backup(db, null, dir.resolve("live.backup"), false, (pages, total) -> steps.add(new long[] {pages, total}));
                assertTrue(writer.isAlive() && written.get() > startedAt, "the writer went on during the backup");
                assertTrue(steps.size() >= 3, "several steps: " + steps.size());
                for (int i = 1; i < steps.size(); i++) {
                    // A copy started over would go back: holding one read transaction means it never has to.
                    assertTrue(steps.get(i)[0] > steps.get(i - 1)[0], "the copy never started over: " + steps.stream()
                            .map(java.util.Arrays::toString).toList());
                }
                long[] last = steps.get(steps.size() - 1);
                assertEquals(last[1], last[0], "progress ends at all pages");
                Map<String, Long> counts = rowCounts(made.file());
                assertEquals(counts.get("ledger_in"), counts.get("ledger_out"), counts.toString());
                assertTrue(counts.get("ledger_in") >= 50, counts.toString());
                assertEquals(48L, counts.get("ballast"));
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + made.file());
                     ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1));
                }
            } finally {
                writing.set(false);
                writer.join();
            }
            assertNotEquals(rowCounts(dir.resolve("live.backup")).get("ledger_in"), written.get(), "the writer wrote after the moment copied");
        }
    }

    // ------------------------------------------------------------------------------------ files/ and schema versions

    /** Every file under {@code folder} by its path below it, with a digest of its bytes and its size. */
    private static Map<String, String> fileDigests(Path folder) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                digests.put(folder.relativize(f).toString().replace('\\', '/'),
                        bytes.length + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
        return digests;
    }

    /** A data folder with a shop and its orders, and files/ as plugins fill it: nested folders, a Chinese name, an empty file. */
    private String shopWithFiles(String name) throws Exception {
        String data = dir.resolve(name).toString();
        Result demo = run("demo", "--days", "5", "--seed", "7", "--until", "2026-01-31", "--data", data);
        assertEquals(0, demo.exit(), demo.err());
        Path files = Path.of(data, "files");
        Random random = new Random(11);
        byte[] image = new byte[300_000];
        random.nextBytes(image);
        Files.createDirectories(files.resolve("plugins/content/images/2026/01"));
        Files.write(files.resolve("plugins/content/images/2026/01/新品封面-主图.png"), image);
        Files.createDirectories(files.resolve("channels/outbox/1/2026-01-31T08:00:00Z-p7.files"));
        Files.writeString(files.resolve("channels/outbox/1/2026-01-31T08:00:00Z-p7.json"), "{\"title\":\"冬季新品上市\"}");
        byte[] small = new byte[1234];
        random.nextBytes(small);
        Files.write(files.resolve("channels/outbox/1/2026-01-31T08:00:00Z-p7.files/1.jpg"), small);
        Files.write(files.resolve("empty.txt"), new byte[0]);
        return data;
    }

    @Test
    void aBackupKeepsFilesAndARestoreIntoANewFolderPutsBackEveryByte() throws Exception {
        String a = shopWithFiles("a");
        Map<String, String> filesA = fileDigests(Path.of(a, "files"));
        assertEquals(4, filesA.size(), filesA.toString());

        Path backup = dir.resolve("backups/shop.db");
        Result made = run("backup", backup.toString(), "--data", a);
        assertEquals(0, made.exit(), made.err());
        Path zip = Path.of(backup + ".files.zip");
        assertTrue(made.out().contains("kept 4 files, 295 KB of " + Path.of(a, "files").toAbsolutePath() + " in " + zip), made.out());
        assertTrue(Files.isRegularFile(zip));
        assertNoPartialFiles(backup.getParent());

        String b = dir.resolve("b").toString();
        Result restored = run("restore", backup.toString(), "--data", b);
        assertEquals(0, restored.exit(), restored.err());
        assertTrue(restored.out().contains("restored 4 files, 295 KB into " + Path.of(b, "files").toAbsolutePath() + " from " + zip),
                restored.out());
        assertEquals(filesA, fileDigests(Path.of(b, "files")), "every file has the same bytes under the same name");
        assertEquals(rowCounts(Path.of(a, "shopops.db")), rowCounts(Path.of(b, "shopops.db")));
        try (Stream<Path> beside = Files.list(Path.of(b))) {
            assertEquals(List.of(), beside.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "no temporary folder is left");
        }

        // files/ with files is not replaced unless asked, and then it is replaced entirely.
        String c = dir.resolve("c").toString();
        Files.createDirectories(Path.of(c, "files/plugins/content"));
        Files.writeString(Path.of(c, "files/plugins/content/stray.txt"), "from before");
        Result overFiles = run("restore", backup.toString(), "--data", c);
        assertEquals(1, overFiles.exit());
        assertTrue(overFiles.err().contains("has 1 file, 1 KB; restoring would replace them") && overFiles.err().contains("--force"),
                overFiles.err());
        assertFalse(Files.exists(Path.of(c, "shopops.db")), "a refused restore leaves the database alone");
        Result forced = run("restore", backup.toString(), "--force", "--data", c);
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(forced.out().contains("replaced what files/ held before: 1 file, 1 KB"), forced.out());
        assertEquals(filesA, fileDigests(Path.of(c, "files")), "the stray file is gone, the backup's files are there");

        // A backup made with --force once files/ is empty leaves no older zip to be restored with it.
        for (String f : fileDigests(Path.of(a, "files")).keySet()) {
            Files.delete(Path.of(a, "files", f));
        }
        Result empty = run("backup", backup.toString(), "--force", "--data", a);
        assertEquals(0, empty.exit(), empty.err());
        assertTrue(empty.out().contains("holds no files"), empty.out());
        assertFalse(Files.exists(zip), "the older zip was removed");
    }

    @Test
    void aZipWithAnEntryOutsideFilesIsRefusedAndNothingIsWritten() throws Exception {
        String a = shopWithFiles("a");
        Path backup = dir.resolve("backups/shop.db");
        assertEquals(0, run("backup", backup.toString(), "--data", a).exit());
        Path zip = Path.of(backup + ".files.zip");
        String b = dir.resolve("b").toString();
        assertEquals(0, run("restore", backup.toString(), "--data", b).exit());
        Map<String, Long> countsB = rowCounts(Path.of(b, "shopops.db"));
        Map<String, String> filesB = fileDigests(Path.of(b, "files"));

        for (String hostile : List.of("../../escaped.txt", "plugins/../../escaped.txt", "/tmp/escaped-" + System.nanoTime() + ".txt",
                "..")) {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("plugins/content/fine.txt"));
                out.write("fine".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                out.putNextEntry(new ZipEntry(hostile));
                out.write("escaped".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            String fresh = dir.resolve("fresh").toString();
            Result refused = run("restore", backup.toString(), "--data", fresh);
            assertEquals(1, refused.exit(), refused.out());
            assertTrue(refused.err().contains(zip + " has an entry outside files/: '" + hostile + "'; nothing was restored"), refused.err());
            assertFalse(Files.exists(Path.of(fresh)), "nothing is created");
            Result forced = run("restore", backup.toString(), "--force", "--data", b);
            assertEquals(1, forced.exit(), forced.out());
            assertEquals(countsB, rowCounts(Path.of(b, "shopops.db")), "the database is as it was");
            assertEquals(filesB, fileDigests(Path.of(b, "files")), "files/ is as it was");
            if (hostile.startsWith("/")) {
                assertFalse(Files.exists(Path.of(hostile)), hostile);
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().equals("escaped.txt")
                    || p.getFileName().toString().equals("fine.txt")).toList(), "no entry was written anywhere");
        }
    }

    @Test
    void aBackupFromANewerShopOpsIsRefusedNamingBothVersionsAndTheDatabaseStaysUntouched() throws Exception {
        // The newest core migration this build has, read from its migration files.
        int known;
        try (Stream<Path> migrations = Files.list(Path.of(Database.class.getResource("/db/core").toURI()))) {
            known = migrations.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        String a = dir.resolve("a").toString();
        assertEquals(0, run("demo", "--days", "3", "--seed", "5", "--until", "2026-01-31", "--data", a).exit());
        Path backup = dir.resolve("shop.db");
        assertEquals(0, run("backup", backup.toString(), "--data", a).exit());
        String b = dir.resolve("b").toString();
        assertEquals(0, run("restore", backup.toString(), "--data", b).exit(), "the control: as made, it restores");
        byte[] databaseB = Files.readAllBytes(Path.of(b, "shopops.db"));

        // What a ShopOps two migrations ahead would have recorded.
        int newer = known + 2;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO core_schema_history (installed_rank, version, description, type, script, checksum, installed_by,"
                    + " installed_on, execution_time, success) SELECT max(installed_rank) + 1, '" + newer + "', 'from a newer ShopOps', 'SQL',"
                    + " 'V" + newer + "__later.sql', 0, 'shopops', CURRENT_TIMESTAMP, 1, 1 FROM core_schema_history");
        }
        Result overData = run("restore", backup.toString(), "--force", "--data", b);
        assertEquals(1, overData.exit(), overData.out());
        assertTrue(overData.err().contains("this backup holds core schema version " + newer + ", but this ShopOps knows up to version "
                + known + ": upgrade ShopOps first"), overData.err());
        assertArrayEquals(databaseB, Files.readAllBytes(Path.of(b, "shopops.db")), "the database is untouched");
        String fresh = dir.resolve("fresh").toString();
        Result intoNew = run("restore", backup.toString(), "--data", fresh);
        assertEquals(1, intoNew.exit());
        assertFalse(Files.exists(Path.of(fresh)), "nothing is created");

        // An older version is fine: the server migrates it forward when it starts.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM core_schema_history WHERE CAST(version AS INTEGER) >= " + known);
        }
        Result older = run("restore", backup.toString(), "--force", "--data", b);
        assertEquals(0, older.exit(), older.err());
        assertTrue(older.out().contains("core schema version " + (known - 1)), older.out());
    }
}
