package com.shopops.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row is written once and in place, whether the rows fill whole statements, leave some over, or fit in
 * the one statement of the rows left over; an INSERT … RETURNING answers each row's id; binding more or fewer
 * rows than announced is refused.
 */
class ManyRowInsertTest {

    @TempDir
    Path dir;

    private static String insert(int rows) {
        return "INSERT INTO t (n, twice) VALUES " + String.join(", ", Collections.nCopies(rows, "(?, ?)"));
    }

    private List<Long> write(Connection c, int total) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS t");
            s.execute("CREATE TABLE t (n BIGINT NOT NULL, twice BIGINT NOT NULL)");
        }
        try (ManyRowInsert rows = new ManyRowInsert(c, total, 10, 2, ManyRowInsertTest::insert)) {
            for (long n = 0; n < total; n++) {
                PreparedStatement ps = rows.next();
                ps.setLong(rows.offset() + 1, n);
                ps.setLong(rows.offset() + 2, 2 * n);
            }
            rows.execute();
        }
        List<Long> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n, twice FROM t ORDER BY n")) {
            while (rs.next()) {
                assertEquals(2 * rs.getLong(1), rs.getLong(2), "a row's columns stay together");
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    @Test
    void everyRowOnceWhateverTheCount() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
            for (int total : new int[] {0, 1, 9, 10, 11, 20, 25}) {
                assertEquals(LongStream.range(0, total).boxed().toList(), write(c, total), total + " rows");
            }
        }
    }

    @Test
    void anInsertReturningAnswersForEveryRowWhateverTheCount() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
            for (int total : new int[] {0, 1, 9, 10, 11, 20, 25}) {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS t");
                    s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n BIGINT NOT NULL, twice BIGINT NOT NULL)");
                }
                Map<Long, Long> ids = new TreeMap<>();
                try (ManyRowInsert rows = new ManyRowInsert(c, total, 10, 2, n -> insert(n) + " RETURNING n, id",
                        rs -> assertNull(ids.put(rs.getLong(1), rs.getLong(2)), "one answer per row"))) {
                    for (long n = 0; n < total; n++) {
                        PreparedStatement ps = rows.next();
                        ps.setLong(rows.offset() + 1, n);
                        ps.setLong(rows.offset() + 2, 2 * n);
                    }
                    rows.execute();
                }
                Map<Long, Long> stored = new TreeMap<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n, id FROM t")) {
                    while (rs.next()) {
                        stored.put(rs.getLong(1), rs.getLong(2));
                    }
                }
                assertEquals(total, stored.size(), total + " rows");
                assertEquals(stored, ids, "each row's own id, for " + total + " rows");
            }
        }
    }

    @Test
    void bindingMoreOrFewerRowsThanAnnouncedIsRefused() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (n BIGINT NOT NULL, twice BIGINT NOT NULL)");
            }
            try (ManyRowInsert rows = new ManyRowInsert(c, 12, 10, 2, ManyRowInsertTest::insert)) {
                rows.next();
                assertThrows(IllegalStateException.class, rows::execute, "11 rows not bound");
            }
            try (ManyRowInsert rows = new ManyRowInsert(c, 1, 10, 2, ManyRowInsertTest::insert)) {
                rows.next();
                assertThrows(IllegalStateException.class, rows::next, "a second row of one");
            }
        }
    }
}
