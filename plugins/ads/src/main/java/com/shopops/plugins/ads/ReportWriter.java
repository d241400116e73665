package com.shopops.plugins.ads;

import com.shopops.api.ImportFormat.WriteResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes report rows of one shop in the transaction of {@code handle}, for the import formats and the
 * demo alike. A row whose key (day, campaign, ad group, keyword, product[, search term] — or day, kind,
 * name) is stored already replaces the stored one when it differs and is left alone when it does not,
 * so importing a file twice changes nothing; within one batch the last row of a key wins.
 */
public final class ReportWriter {

    /** Days per {@code IN (…)} list: well under both databases' limits on bound values. */
    private static final int DAYS_PER_QUERY = 500;

    private final Handle h;
    private final long shopId;

    /** A writer for {@code shopId} in the transaction {@code handle} has open. */
    public ReportWriter(Handle handle, long shopId) {
        this.h = handle;
        this.shopId = shopId;
    }

    /** Writes keyword days into {@code ads_keyword_days}. */
    public WriteResult keywords(List<KeywordDay> rows) {
        Map<List<Object>, KeywordDay> stored = stored(rows, KeywordDay::day, """
                SELECT day, campaign, ad_group, product, keyword, impressions, clicks, cost, orders, gmv, avg_rank,
                       quality_score, bid
                FROM ads_keyword_days WHERE shop_id = :shop AND day IN (<days>)""", ReportWriter::keywordDay,
                ReportWriter::key);
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO ads_keyword_days (shop_id, day, campaign, ad_group, product, keyword, impressions, clicks,
                                              cost, orders, gmv, avg_rank, quality_score, bid)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedBatch update = h.prepareBatch("""
                UPDATE ads_keyword_days SET impressions = ?, clicks = ?, cost = ?, orders = ?, gmv = ?, avg_rank = ?,
                                            quality_score = ?, bid = ?
                WHERE shop_id = ? AND day = ? AND campaign = ? AND ad_group = ? AND keyword = ? AND product = ?""");
        return apply(rows, ReportWriter::key, stored,
                r -> insert.add(shopId, r.day(), r.campaign(), r.adGroup(), r.product(), r.keyword(), r.impressions(),
                        r.clicks(), r.cost(), r.orders(), r.gmv(), r.avgRank(), r.qualityScore(), r.bid()),
                r -> update.add(r.impressions(), r.clicks(), r.cost(), r.orders(), r.gmv(), r.avgRank(), r.qualityScore(),
                        r.bid(), shopId, r.day(), r.campaign(), r.adGroup(), r.keyword(), r.product()),
                insert, update);
    }

    /** Writes search-term days into {@code ads_search_term_days}. */
    public WriteResult searchTerms(List<SearchTermDay> rows) {
        Map<List<Object>, SearchTermDay> stored = stored(rows, SearchTermDay::day, """
                SELECT day, campaign, ad_group, product, keyword, search_term, impressions, clicks, cost, orders, gmv
                FROM ads_search_term_days WHERE shop_id = :shop AND day IN (<days>)""", ReportWriter::searchTermDay,
                ReportWriter::key);
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO ads_search_term_days (shop_id, day, campaign, ad_group, product, keyword, search_term,
                                                  impressions, clicks, cost, orders, gmv)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedBatch update = h.prepareBatch("""
                UPDATE ads_search_term_days SET impressions = ?, clicks = ?, cost = ?, orders = ?, gmv = ?
                WHERE shop_id = ? AND day = ? AND campaign = ? AND ad_group = ? AND keyword = ? AND product = ?
                  AND search_term = ?""");
        return apply(rows, ReportWriter::key, stored,
                r -> insert.add(shopId, r.day(), r.campaign(), r.adGroup(), r.product(), r.keyword(), r.searchTerm(),
                        r.impressions(), r.clicks(), r.cost(), r.orders(), r.gmv()),
                r -> update.add(r.impressions(), r.clicks(), r.cost(), r.orders(), r.gmv(), shopId, r.day(), r.campaign(),
                        r.adGroup(), r.keyword(), r.product(), r.searchTerm()),
                insert, update);
    }

    /** Writes display and affiliate spend days into {@code ads_spend_days}. */
    public WriteResult spend(List<SpendDay> rows) {
        Map<List<Object>, SpendDay> stored = stored(rows, SpendDay::day, """
                SELECT day, kind, name, impressions, clicks, cost, orders, gmv
                FROM ads_spend_days WHERE shop_id = :shop AND day IN (<days>)""", ReportWriter::spendDay, ReportWriter::key);
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO ads_spend_days (shop_id, day, kind, name, impressions, clicks, cost, orders, gmv)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedBatch update = h.prepareBatch("""
                UPDATE ads_spend_days SET impressions = ?, clicks = ?, cost = ?, orders = ?, gmv = ?
                WHERE shop_id = ? AND day = ? AND kind = ? AND name = ?""");
        return apply(rows, ReportWriter::key, stored,
                r -> insert.add(shopId, r.day(), r.kind().code(), r.name(), r.impressions(), r.clicks(), r.cost(), r.orders(),
                        r.gmv()),
                r -> update.add(r.impressions(), r.clicks(), r.cost(), r.orders(), r.gmv(), shopId, r.day(), r.kind().code(),
                        r.name()),
                insert, update);
    }

    private static List<Object> key(KeywordDay r) {
        return List.of(r.day(), r.campaign(), r.adGroup(), r.keyword(), r.product());
    }

    private static List<Object> key(SearchTermDay r) {
        return List.of(r.day(), r.campaign(), r.adGroup(), r.keyword(), r.product(), r.searchTerm());
    }

    private static List<Object> key(SpendDay r) {
        return List.of(r.day(), r.kind(), r.name());
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The stored rows of the days {@code rows} touch, by key. */
    private <T> Map<List<Object>, T> stored(List<T> rows, Function<T, LocalDate> day, String sql, RowReader<T> reader,
                                            Function<T, List<Object>> key) {
        Set<String> days = new LinkedHashSet<>();
        rows.forEach(r -> days.add(day.apply(r).toString()));
        List<String> all = new ArrayList<>(days);
        Map<List<Object>, T> stored = new HashMap<>();
        for (int i = 0; i < all.size(); i += DAYS_PER_QUERY) {
            h.createQuery(sql).bind("shop", shopId).bindList("days", all.subList(i, Math.min(all.size(), i + DAYS_PER_QUERY)))
                    .map((rs, ctx) -> reader.read(rs))
                    .forEach(r -> stored.put(key.apply(r), r));
        }
        return stored;
    }

    private static <T> WriteResult apply(List<T> rows, Function<T, List<Object>> key, Map<List<Object>, T> stored,
                                         java.util.function.Consumer<T> insert, java.util.function.Consumer<T> update,
                                         PreparedBatch inserts, PreparedBatch updates) {
        Map<List<Object>, T> last = new LinkedHashMap<>();
        rows.forEach(r -> last.put(key.apply(r), r));
        long imported = 0;
        long updated = 0;
        for (var e : last.entrySet()) {
            T old = stored.get(e.getKey());
            if (old == null) {
                insert.accept(e.getValue());
                imported++;
            } else if (!old.equals(e.getValue())) {
                update.accept(e.getValue());
                updated++;
            }
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
        if (updates.size() > 0) {
            updates.execute();
        }
        return new WriteResult(imported, updated);
    }

    private static KeywordDay keywordDay(ResultSet rs) throws SQLException {
        return new KeywordDay(LocalDate.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                nullableDouble(rs, 11), nullableInt(rs, 12), nullableLong(rs, 13));
    }

    private static SearchTermDay searchTermDay(ResultSet rs) throws SQLException {
        return new SearchTermDay(LocalDate.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11));
    }

    private static SpendDay spendDay(ResultSet rs) throws SQLException {
        return new SpendDay(LocalDate.parse(rs.getString(1)), SpendDay.Kind.of(rs.getString(2)), rs.getString(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8));
    }

    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
