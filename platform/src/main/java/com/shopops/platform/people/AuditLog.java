package com.shopops.platform.people;

import static com.shopops.platform.data.SpreadsheetCsv.cell;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The record of every change: who did what, when, in which shop, with the value before and after for
 * prices and settings. Entries flagged with an alert (a bulk price change, a permission change, a plugin
 * install) are also what the morning briefing reports as unusual operations.
 */
public final class AuditLog {

    /** Most entries one query returns. */
    public static final int MAX_LIMIT = 10_000;

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * One change to record.
     *
     * @param userId  who (null for a failed sign-in with an unknown name)
     * @param shopId  the shop it concerns, or null for installation-wide changes
     * @param action  what, e.g. {@code user.create} or {@code POST /api/plugins}
     * @param target  what it was done to, e.g. a user name, a SKU or a setting key
     * @param before  the value before, for prices and settings, else null
     * @param after   the value after, else null
     * @param status  the HTTP status of the answer (or 0 for a change made from the command line)
     * @param alert   why this is unusual, or null
     */
    public record Change(Long userId, String userName, Long shopId, String action, String target, String before,
                         String after, int status, String address, String alert) {
    }

    /** A recorded entry, as listed. */
    public record Entry(long id, Instant at, String user, String shop, String action, String target, String before,
                        String after, int status, String address, String alert) {
    }

    /**
     * Which entries to list; null fields do not filter.
     *
     * @param from first UTC day, inclusive
     * @param to   last UTC day, inclusive
     */
    public record Filter(LocalDate from, LocalDate to, String user, String shop, String action, Boolean alertsOnly,
                         Instant since, int limit) {

        /** Every entry, newest first, up to the usual limit. */
        public static Filter everything() {
            return new Filter(null, null, null, null, null, null, null, 500);
        }
    }

    /** Records one change, now. */
    public void record(Change c) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO audit_log (at, user_id, user_name, shop_id, action, target, value_before, value_after,
                                               status, address, alert)
                        VALUES (:at, :user, :name, :shop, :action, :target, :before, :after, :status, :address, :alert)""")
                .bind("at", clock.instant()).bind("user", c.userId()).bind("name", c.userName()).bind("shop", c.shopId())
                .bind("action", c.action()).bind("target", clip(c.target())).bind("before", clip(c.before()))
                .bind("after", clip(c.after())).bind("status", c.status()).bind("address", c.address())
                .bind("alert", c.alert()).execute());
    }

    /** The entries matching {@code filter}, newest first. */
    public List<Entry> list(Filter filter) {
        return jdbi.withHandle(h -> bindFilter(h.createQuery(select(filter)), filter).map(AuditLog::entry).list());
    }

    private static Entry entry(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), Instant.parse(rs.getString("at")), rs.getString("user_name"), rs.getString("shop"),
                rs.getString("action"), rs.getString("target"), rs.getString("value_before"), rs.getString("value_after"),
                rs.getInt("status"), rs.getString("address"), rs.getString("alert"));
    }

    /** Writes the entries matching {@code filter} as CSV with a header row. */
    public void csv(Filter filter, Writer out) {
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord("id", "at", "user", "shop", "action", "target", "before", "after", "status", "address", "alert");
            for (Entry e : list(filter)) {
                csv.writeRecord(String.valueOf(e.id()), e.at().toString(), cell(e.user()), cell(e.shop()), cell(e.action()),
                        cell(e.target()), cell(e.before()), cell(e.after()), String.valueOf(e.status()), cell(e.address()),
                        cell(e.alert()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The alerts about a shop, and the installation-wide ones, since {@code since}, oldest first. */
    public List<Entry> alerts(long shopId, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.*, s.code AS shop FROM audit_log a LEFT JOIN shops s ON s.id = a.shop_id
                        WHERE a.alert IS NOT NULL AND a.at >= :since AND (a.shop_id = :shop OR a.shop_id IS NULL)
                        ORDER BY a.id LIMIT :limit""")
                .bind("since", since).bind("shop", shopId).bind("limit", MAX_LIMIT).map(AuditLog::entry).list());
    }

    private static String select(Filter f) {
        StringBuilder sql = new StringBuilder("""
                SELECT a.*, s.code AS shop FROM audit_log a LEFT JOIN shops s ON s.id = a.shop_id WHERE 1 = 1""");
        if (f.from() != null) {
            sql.append(" AND a.at >= :from");
        }
        if (f.to() != null) {
            sql.append(" AND a.at < :to");
        }
        if (f.since() != null) {
            sql.append(" AND a.at >= :since");
        }
        if (f.user() != null) {
            sql.append(" AND a.user_name = :user");
        }
        if (f.shop() != null) {
            sql.append(" AND s.code = :shop");
        }
        if (f.action() != null) {
            sql.append(" AND a.action LIKE :action");
        }
        if (Boolean.TRUE.equals(f.alertsOnly())) {
            sql.append(" AND a.alert IS NOT NULL");
        }
        return sql.append(" ORDER BY a.id DESC LIMIT :limit").toString();
    }

    private static Query bindFilter(Query q, Filter f) {
        if (f.from() != null) {
            q.bind("from", f.from().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            q.bind("to", f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (f.since() != null) {
            q.bind("since", f.since());
        }
        if (f.user() != null) {
            q.bind("user", f.user());
        }
        if (f.shop() != null) {
            q.bind("shop", f.shop());
        }
        if (f.action() != null) {
            q.bind("action", f.action().replace("%", "") + "%");
        }
        return q.bind("limit", Math.max(1, Math.min(f.limit(), MAX_LIMIT)));
    }

    /** Long values (a whole settings document, say) are kept to their first 4,000 characters. */
    private static String clip(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000) + "…";
    }

}
