package com.shopops.plugins.ads;

import com.shopops.plugins.ads.analysis.KeywordStats;
import com.shopops.plugins.ads.analysis.SearchTermStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The ads plugin's tables through Jdbi: the report figures the analysis reads, added up in SQL over
 * shop-local day ranges (inclusive), and the keyword decisions. Every query is filtered by shop and
 * runs alike on SQLite and PostgreSQL. Money in minor units.
 */
public final class AdsStore {

    private final Jdbi jdbi;

    public AdsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---------------------------------------------------------------- keyword figures

    /**
     * The figures the keyword rows from whose day and keys the statistics are made: impressions, clicks,
     * cost, orders and GMV summed; the average rank weighted by impressions (a plain average when the
     * ranked rows had no impressions); the quality score and bid of the latest day that reported one.
     */
    private static final String KEYWORD_FIGURES = """
            SELECT s.campaign, s.ad_group, s.product, s.keyword,
                   s.impressions, s.clicks, s.cost, s.orders, s.gmv, s.avg_rank, q.quality_score, b.bid
            FROM (SELECT campaign, ad_group, product, keyword,
                         SUM(impressions) AS impressions, SUM(clicks) AS clicks, SUM(cost) AS cost,
                         SUM(orders) AS orders, SUM(gmv) AS gmv,
                         CASE WHEN SUM(CASE WHEN avg_rank IS NOT NULL THEN impressions ELSE 0 END) > 0
                              THEN SUM(CASE WHEN avg_rank IS NOT NULL THEN avg_rank * impressions ELSE 0 END)
                                   / SUM(CASE WHEN avg_rank IS NOT NULL THEN impressions ELSE 0 END)
                              ELSE AVG(avg_rank) END AS avg_rank
                  FROM ads_keyword_days
                  WHERE shop_id = :shop AND day BETWEEN :from AND :to
                  GROUP BY campaign, ad_group, product, keyword) s
            LEFT JOIN (SELECT campaign, ad_group, product, keyword, quality_score,
                              ROW_NUMBER() OVER (PARTITION BY campaign, ad_group, product, keyword ORDER BY day DESC) AS n
                       FROM ads_keyword_days
                       WHERE shop_id = :shop AND day BETWEEN :from AND :to AND quality_score IS NOT NULL) q
                   ON q.n = 1 AND q.campaign = s.campaign AND q.ad_group = s.ad_group AND q.product = s.product
                      AND q.keyword = s.keyword
            LEFT JOIN (SELECT campaign, ad_group, product, keyword, bid,
                              ROW_NUMBER() OVER (PARTITION BY campaign, ad_group, product, keyword ORDER BY day DESC) AS n
                       FROM ads_keyword_days
                       WHERE shop_id = :shop AND day BETWEEN :from AND :to AND bid IS NOT NULL) b
                   ON b.n = 1 AND b.campaign = s.campaign AND b.ad_group = s.ad_group AND b.product = s.product
                      AND b.keyword = s.keyword""";

    /**
     * Each keyword's figures added up over {@code from}..{@code to} (one {@link KeywordStats} per
     * campaign, ad group, product and keyword with a row in the range; its {@code from}/{@code to} are
     * the range asked), ordered by campaign, ad group, keyword.
     */
    public List<KeywordStats> keywords(long shopId, LocalDate from, LocalDate to) {
        // Sorted here, not in SQL: PostgreSQL orders text by its locale, SQLite by code point, and both
        // databases must answer the same list.
        return jdbi.withHandle(h -> h.createQuery(KEYWORD_FIGURES).bind("shop", shopId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> stats(rs, 0, from, to)).list()).stream().sorted(BY_KEYWORD).toList();
    }

    /**
     * Each keyword's figures per day over {@code from}..{@code to}, for trends: one {@link KeywordStats}
     * per keyword and day with a row ({@code from} = {@code to} = that day), ordered by campaign, ad
     * group, keyword, product, then day.
     */
    public List<KeywordStats> keywordDays(long shopId, LocalDate from, LocalDate to) {
        // A day has one row per keyword (the table's key), so its figures are the row's own: adding up and
        // the latest-score joins of KEYWORD_FIGURES would only cost time (their joins on the day ran in
        // seconds for two months of a hundred keywords on SQLite).
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT campaign, ad_group, product, keyword, day, impressions, clicks, cost, orders, gmv, avg_rank,
                               quality_score, bid
                        FROM ads_keyword_days
                        WHERE shop_id = :shop AND day BETWEEN :from AND :to""")
                .bind("shop", shopId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> {
                    LocalDate day = LocalDate.parse(rs.getString(5));
                    return stats(rs, 1, day, day);
                }).list()).stream().sorted(BY_KEYWORD).toList();
    }

    /** Code point order of the keys, the same whichever database answered. */
    private static final Comparator<KeywordStats> BY_KEYWORD = Comparator.comparing(KeywordStats::campaign)
            .thenComparing(KeywordStats::adGroup).thenComparing(KeywordStats::keyword).thenComparing(KeywordStats::product)
            .thenComparing(KeywordStats::from);

    private static KeywordStats stats(ResultSet rs, int shift, LocalDate from, LocalDate to) throws SQLException {
        return new KeywordStats(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), from, to,
                rs.getLong(5 + shift), rs.getLong(6 + shift), rs.getLong(7 + shift), rs.getLong(8 + shift),
                rs.getLong(9 + shift), ReportWriter.nullableDouble(rs, 10 + shift), ReportWriter.nullableInt(rs, 11 + shift),
                ReportWriter.nullableLong(rs, 12 + shift));
    }

    // ---------------------------------------------------------------- search terms

    /** Each search term's figures over {@code from}..{@code to}, the most ordered first. */
    public List<SearchTermStats> searchTerms(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.campaign, t.ad_group, t.product, t.keyword, t.search_term, SUM(t.impressions), SUM(t.clicks),
                               SUM(t.cost), SUM(t.orders), SUM(t.gmv)
                        FROM ads_search_term_days t
                        WHERE t.shop_id = :shop AND t.day BETWEEN :from AND :to
                        GROUP BY t.shop_id, t.campaign, t.ad_group, t.product, t.keyword, t.search_term""")
                .bind("shop", shopId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new SearchTermStats(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
                .list()).stream().sorted(Comparator.comparingLong(SearchTermStats::orders).reversed()
                        .thenComparing(Comparator.comparingLong(SearchTermStats::gmv).reversed())
                        .thenComparing(SearchTermStats::searchTerm).thenComparing(SearchTermStats::campaign)
                        .thenComparing(SearchTermStats::adGroup).thenComparing(SearchTermStats::keyword)
                        .thenComparing(SearchTermStats::product)).toList();
    }

    // ---------------------------------------------------------------- spend

    /**
     * Display or affiliate spend of one kind on one day, all its campaigns or channels added up.
     *
     * @param day         the shop-local day
     * @param kind        display or affiliate
     * @param impressions times shown
     * @param clicks      clicks
     * @param cost        cost
     * @param orders      orders attributed
     * @param gmv         their worth
     */
    public record OtherSpend(LocalDate day, SpendDay.Kind kind, long impressions, long clicks, long cost, long orders,
                             long gmv) {
    }

    /** Display and affiliate spend per day and kind over {@code from}..{@code to}, by day then kind (affiliate first). */
    public List<OtherSpend> otherSpend(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT day, kind, SUM(impressions), SUM(clicks), SUM(cost), SUM(orders), SUM(gmv)
                        FROM ads_spend_days
                        WHERE shop_id = :shop AND day BETWEEN :from AND :to
                        GROUP BY day, kind
                        ORDER BY day, kind""")
                .bind("shop", shopId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new OtherSpend(LocalDate.parse(rs.getString(1)), SpendDay.Kind.of(rs.getString(2)),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list());
    }

    /**
     * All ad spend of one day, by kind.
     *
     * @param day       the shop-local day
     * @param keywords  pay-per-click keyword cost
     * @param display   display cost
     * @param affiliate affiliate commission
     */
    public record DaySpend(LocalDate day, long keywords, long display, long affiliate) {

        /** Everything spent on ads that day. */
        public long total() {
            return keywords + display + affiliate;
        }
    }

    /**
     * The shop's ad spend per day over {@code from}..{@code to}, by day; days without any ad data are
     * left out. Search-term costs are part of the keywords' and are not added again.
     */
    public List<DaySpend> spendPerDay(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT day, SUM(keywords), SUM(display), SUM(affiliate)
                        FROM (SELECT day, cost AS keywords, 0 AS display, 0 AS affiliate
                              FROM ads_keyword_days WHERE shop_id = :shop AND day BETWEEN :from AND :to
                              UNION ALL
                              SELECT day, 0, CASE WHEN kind = 'display' THEN cost ELSE 0 END,
                                     CASE WHEN kind = 'affiliate' THEN cost ELSE 0 END
                              FROM ads_spend_days WHERE shop_id = :shop AND day BETWEEN :from AND :to) a
                        GROUP BY day
                        ORDER BY day""")
                .bind("shop", shopId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new DaySpend(LocalDate.parse(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list());
    }

    /** The latest day with a keyword report row, if any: the analysis' "yesterday". */
    public Optional<LocalDate> latestKeywordDay(long shopId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(day) FROM ads_keyword_days WHERE shop_id = :shop")
                .bind("shop", shopId).mapTo(String.class).findOne()).map(LocalDate::parse);
    }

    /** The latest day with any ads data (keywords, search terms or other spend), if any. */
    public Optional<LocalDate> latestDay(long shopId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT MAX(day) FROM (SELECT MAX(day) AS day FROM ads_keyword_days WHERE shop_id = :shop
                                              UNION ALL SELECT MAX(day) FROM ads_search_term_days WHERE shop_id = :shop
                                              UNION ALL SELECT MAX(day) FROM ads_spend_days WHERE shop_id = :shop) d""")
                .bind("shop", shopId).mapTo(String.class).findOne()).map(LocalDate::parse);
    }

    // ---------------------------------------------------------------- decisions

    private static final String DECISION_COLUMNS = """
            id, shop_id, from_day, to_day, campaign, ad_group, product, keyword, action, reason_key, reason_args,
            suggested_bid, status, decided_by, decided_at, evidence, created_at""";

    /**
     * Proposes {@code proposals} in one transaction, made at {@code now}. A proposal for the same
     * range, campaign, ad group, product and keyword as a stored one still proposed replaces it; one
     * already accepted or dismissed is kept as the operator left it and the proposal is dropped.
     *
     * @return the decisions as stored afterwards, in the order of {@code proposals}
     */
    public List<Decision> propose(long shopId, List<Decision.Proposal> proposals, Instant now) {
        return jdbi.inTransaction(h -> {
            List<Decision> result = new java.util.ArrayList<>();
            for (Decision.Proposal p : proposals) {
                int changed = h.createUpdate("""
                                UPDATE ads_decisions SET action = :action, reason_key = :reasonKey, reason_args = :reasonArgs,
                                       suggested_bid = :suggestedBid, evidence = :evidence, created_at = :now
                                WHERE shop_id = :shop AND from_day = :from AND to_day = :to AND campaign = :campaign
                                  AND ad_group = :adGroup AND product = :product AND keyword = :keyword
                                  AND status = 'proposed'""")
                        .bindMethods(p).bind("shop", shopId).bind("now", now).execute();
                if (changed == 0) {
                    h.createUpdate("""
                                    INSERT INTO ads_decisions (shop_id, from_day, to_day, campaign, ad_group, product, keyword,
                                                               action, reason_key, reason_args, suggested_bid, status,
                                                               evidence, created_at)
                                    SELECT :shop, :from, :to, :campaign, :adGroup, :product, :keyword, :action, :reasonKey,
                                           :reasonArgs, :suggestedBid, 'proposed', :evidence, :now
                                    WHERE NOT EXISTS (SELECT 1 FROM ads_decisions
                                                      WHERE shop_id = :shop AND from_day = :from AND to_day = :to
                                                        AND campaign = :campaign AND ad_group = :adGroup
                                                        AND product = :product AND keyword = :keyword)""")
                            .bindMethods(p).bind("shop", shopId).bind("now", now).execute();
                }
                result.add(h.createQuery("SELECT " + DECISION_COLUMNS + """
                                 FROM ads_decisions
                                WHERE shop_id = :shop AND from_day = :from AND to_day = :to AND campaign = :campaign
                                  AND ad_group = :adGroup AND product = :product AND keyword = :keyword""")
                        .bindMethods(p).bind("shop", shopId).map((rs, ctx) -> decision(rs)).one());
            }
            return result;
        });
    }

    /**
     * Replaces decision {@code id} with {@code proposal}, proposed again: for a verdict given on figures
     * that have changed since (a re-imported day), which must not carry over to a different action.
     */
    public Decision replace(long shopId, long id, Decision.Proposal proposal, Instant now) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            UPDATE ads_decisions SET action = :action, reason_key = :reasonKey, reason_args = :reasonArgs,
                                   suggested_bid = :suggestedBid, evidence = :evidence, created_at = :now,
                                   status = 'proposed', decided_by = NULL, decided_at = NULL
                            WHERE shop_id = :shop AND id = :id""")
                    .bindMethods(proposal).bind("shop", shopId).bind("id", id).bind("now", now).execute();
            return decision(h, shopId, id);
        });
    }

    /**
     * Records the operator's verdict on decision {@code id} of the shop: {@code status} (accepted or
     * dismissed; proposed reopens it and clears who and when), by {@code user} at {@code at}.
     *
     * @return the decision as stored afterwards, or empty when the shop has no such decision
     */
    public Optional<Decision> decide(long shopId, long id, Decision.Status status, String user, Instant at) {
        boolean reopen = status == Decision.Status.PROPOSED;
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("""
                            UPDATE ads_decisions SET status = :status, decided_by = :user, decided_at = :at
                            WHERE shop_id = :shop AND id = :id""")
                    .bind("status", status.code()).bind("user", reopen ? null : user)
                    .bind("at", reopen ? null : at).bind("shop", shopId).bind("id", id).execute();
            return changed == 0 ? Optional.<Decision>empty() : Optional.of(decision(h, shopId, id));
        });
    }

    /** Decision {@code id} of the shop, if it has it. */
    public Optional<Decision> decision(long shopId, long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + DECISION_COLUMNS + " FROM ads_decisions WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id).map((rs, ctx) -> decision(rs)).findOne());
    }

    private static Decision decision(org.jdbi.v3.core.Handle h, long shopId, long id) {
        return h.createQuery("SELECT " + DECISION_COLUMNS + " FROM ads_decisions WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id).map((rs, ctx) -> decision(rs)).one();
    }

    /**
     * The shop's decisions whose range ends within {@code from}..{@code to}, with {@code status} or
     * any status when null, by range end (latest first), campaign, ad group, keyword.
     */
    public List<Decision> decisions(long shopId, LocalDate from, LocalDate to, Decision.Status status) {
        String sql = "SELECT " + DECISION_COLUMNS + " FROM ads_decisions WHERE shop_id = :shop AND to_day BETWEEN :from AND :to"
                + (status == null ? "" : " AND status = :status");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql).bind("shop", shopId).bind("from", from).bind("to", to);
            if (status != null) {
                query.bind("status", status.code());
            }
            return query.map((rs, ctx) -> decision(rs)).list();
        }).stream().sorted(Comparator.comparing(Decision::to).reversed().thenComparing(Decision::campaign)
                .thenComparing(Decision::adGroup).thenComparing(Decision::keyword).thenComparing(Decision::product)
                .thenComparingLong(Decision::id)).toList();
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        String decidedAt = rs.getString(15);
        return new Decision(rs.getLong(1), rs.getLong(2), LocalDate.parse(rs.getString(3)), LocalDate.parse(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), ReportWriter.nullableLong(rs, 12), Decision.Status.of(rs.getString(13)), rs.getString(14),
                decidedAt == null ? null : Instant.parse(decidedAt), rs.getString(16), Instant.parse(rs.getString(17)));
    }
}
