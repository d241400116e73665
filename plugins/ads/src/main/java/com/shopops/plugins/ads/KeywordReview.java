package com.shopops.plugins.ads;

import com.shopops.api.Settings;
import com.shopops.api.Shop;
import com.shopops.api.data.ShopData;
import com.shopops.api.domain.TrafficDay;
import com.shopops.plugins.ads.analysis.AdSettings;
import com.shopops.plugins.ads.analysis.AddCandidates;
import com.shopops.plugins.ads.analysis.BudgetPace;
import com.shopops.plugins.ads.analysis.KeywordDecision;
import com.shopops.plugins.ads.analysis.KeywordDecisions;
import com.shopops.plugins.ads.analysis.KeywordStats;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The morning review of a range of days: the keywords' figures, a decision for each, the search terms
 * worth buying and the month's budget pace, from the stored reports and the shop's settings. The
 * routes and the briefing findings both read the review through here, so they always agree.
 */
final class KeywordReview {

    private final AdsStore store;
    private final Settings settings;
    private final ShopData data;
    private final Clock clock;

    KeywordReview(AdsStore store, Settings settings, ShopData data, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.data = data;
        this.clock = clock;
    }

    /**
     * One range's review.
     *
     * @param keywords  each keyword's figures over the range
     * @param decisions a decision per keyword, in {@code keywords}' order
     * @param adds      search terms to buy, best first
     * @param pace      the budget pace of the month of {@code to}, as of {@code to}
     * @param shopSales the shop's sales over the range (minor units), for the ads' share
     * @param shopUv    the shop's visitors over the range, or null when no traffic is imported
     */
    record Review(Shop shop, LocalDate from, LocalDate to, AdSettings settings, List<KeywordStats> keywords,
                  List<KeywordDecision> decisions, List<KeywordDecision> adds, BudgetPace pace, long shopSales, Long shopUv) {
    }

    AdSettings settings(long shopId) {
        return AdSettings.fromSettings(settings.all(shopId));
    }

    /** The shop's yesterday in its own time zone. */
    LocalDate yesterday(Shop shop) {
        return LocalDate.now(clock.withZone(shop.timeZone())).minusDays(1);
    }

    /** The last day with keyword figures, or yesterday when none is imported: the default end of a range. */
    LocalDate lastDay(Shop shop) {
        return store.latestKeywordDay(shop.id()).orElse(yesterday(shop));
    }

    Review review(Shop shop, LocalDate from, LocalDate to) {
        AdSettings rules = settings(shop.id());
        List<KeywordStats> keywords = store.keywords(shop.id(), from, to);
        BudgetPace pace = pace(shop.id(), to, rules);
        List<KeywordDecision> decisions = KeywordDecisions.decide(keywords, rules, pace);
        List<KeywordDecision> adds = AddCandidates.find(store.searchTerms(shop.id(), from, to), keywords, rules);
        long sales = data.summary(shop.id(), from, to).revenue();
        Long uv = null;
        for (TrafficDay t : data.traffic(shop.id(), from, to)) {
            if ("all".equals(t.source())) {
                uv = (uv == null ? 0 : uv) + t.uv();
            }
        }
        return new Review(shop, from, to, rules, keywords, decisions, adds, pace, sales, uv);
    }

    /** The month of {@code asOf}: everything spent on ads from its first day to {@code asOf}, against the budget. */
    BudgetPace pace(long shopId, LocalDate asOf, AdSettings rules) {
        long spent = store.spendPerDay(shopId, asOf.withDayOfMonth(1), asOf).stream().mapToLong(AdsStore.DaySpend::total).sum();
        return BudgetPace.of(asOf, spent, rules);
    }
}
