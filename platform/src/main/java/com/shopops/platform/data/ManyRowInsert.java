package com.shopops.platform.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.IntFunction;

/**
 * Writes a known number of rows with one INSERT of many rows per statement, plain JDBC: on the hot path of a large
 * import, one statement for a hundred rows costs the database a quarter less than one each. Full statements go in a
 * batch; the rows left over go in one statement of their own.
 *
 * <pre>{@code
 * try (ManyRowInsert rows = new ManyRowInsert(connection, total, 100, 3, n -> "INSERT INTO t (a, b, c) VALUES " + values(n))) {
 *     for (Row r : all) {
 *         PreparedStatement ps = rows.next();
 *         ps.setLong(rows.offset() + 1, r.a());   // the row's parameters follow offset()
 *         …
 *     }
 *     rows.execute();
 * }
 * }</pre>
 *
 * <p>With a {@link Returned}, the INSERT ends in {@code RETURNING …} (both databases have it) and each statement
 * runs as soon as its rows are bound, its answer read: the ids of new rows without a second query for them.
 */
final class ManyRowInsert implements AutoCloseable {

    /** Reads one row a statement's {@code RETURNING} answered. */
    @FunctionalInterface
    interface Returned {
        void read(ResultSet rs) throws SQLException;
    }

    private final int total;
    private final int perStatement;
    private final int columns;
    private final int inFull;
    private final PreparedStatement many;
    private final PreparedStatement last;
    private final Returned returned;
    private int row;
    private int offset;

    /**
     * @param total        the rows that will be written
     * @param perStatement rows per full statement
     * @param columns      parameters per row
     * @param sql          the INSERT of {@code n} rows
     */
    ManyRowInsert(Connection connection, int total, int perStatement, int columns, IntFunction<String> sql) throws SQLException {
        this(connection, total, perStatement, columns, sql, null);
    }

    /** As the other constructor, for an INSERT … RETURNING whose answers go to {@code returned}. */
    ManyRowInsert(Connection connection, int total, int perStatement, int columns, IntFunction<String> sql, Returned returned)
            throws SQLException {
        this.returned = returned;
        this.total = total;
        this.perStatement = perStatement;
        this.columns = columns;
        this.inFull = total / perStatement * perStatement;
        this.many = inFull == 0 ? null : connection.prepareStatement(sql.apply(perStatement));
        try {
            this.last = total == inFull ? null : connection.prepareStatement(sql.apply(total - inFull));
        } catch (SQLException | RuntimeException e) {
            if (many != null) {
                many.close();
            }
            throw e;
        }
    }

    /** The statement that takes the next row, whose parameters start after {@link #offset()}. */
    PreparedStatement next() throws SQLException {
        if (row >= total) {
            throw new IllegalStateException("all " + total + " rows are written already");
        }
        if (row > 0 && row <= inFull && row % perStatement == 0) {
            bound(many); // the full statement before this row is bound
        }
        boolean inLast = row >= inFull;
        offset = (inLast ? row - inFull : row % perStatement) * columns;
        row++;
        return inLast ? last : many;
    }

    /** The parameter index before the current row's first: bind its columns at {@code offset() + 1} and on. */
    int offset() {
        return offset;
    }

    /** Writes the rows; every one of them must have been bound. */
    void execute() throws SQLException {
        if (row != total) {
            throw new IllegalStateException(row + " of " + total + " rows were bound");
        }
        if (many != null) {
            if (total == inFull) {
                bound(many); // the last full statement
            }
            if (returned == null) {
                many.executeBatch();
            }
        }
        if (last != null) {
            bound(last);
        }
    }

    /** A statement whose rows are all bound: into the batch, or, answering rows, run now. */
    private void bound(PreparedStatement ps) throws SQLException {
        if (returned == null) {
            if (ps == many) {
                ps.addBatch();
            } else {
                ps.executeUpdate();
            }
            return;
        }
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                returned.read(rs);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (many != null) {
                many.close();
            }
        } finally {
            if (last != null) {
                last.close();
            }
        }
    }
}
