package com.shopops.dist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The expected figures of an import, computed the plain way: the raw CSV loaded into a bare table by
 * the {@code sqlite3} command-line tool and queried with SQL, independently of anything ShopOps does.
 */
final class PlainSql {

    private PlainSql() {
    }

    /**
     * Loads {@code csv} into table {@code raw} of a new database in {@code dir} (with {@code columns} as
     * the table's columns when the file has no header, else the header names them) and returns it.
     */
    static Path load(Path dir, Path csv, String columns) throws Exception {
        Path db = Files.createTempFile(dir, "plain-", ".db");
        Files.delete(db);
        List<String> commands = new ArrayList<>();
        if (columns != null) {
            commands.add("CREATE TABLE raw (" + columns + ");");
        }
        commands.add(".mode csv");
        commands.add(".import " + csv.toAbsolutePath() + " raw");
        run(db, commands);
        return db;
    }

    /** The first column of the first row of {@code query} on {@code db}. */
    static String value(Path db, String query) throws Exception {
        return run(db, List.of(query)).strip();
    }

    private static String run(Path db, List<String> commands) throws Exception {
        Path script = Files.createTempFile(db.getParent(), "plain-", ".sql");
        Files.write(script, commands, StandardCharsets.UTF_8);
        Process p;
        try {
            p = new ProcessBuilder("sqlite3", db.toString()).redirectInput(script.toFile()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("the sqlite3 command-line tool is needed for these tests (apt-get install sqlite3)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("sqlite3 failed: " + out);
        }
        return out;
    }
}
