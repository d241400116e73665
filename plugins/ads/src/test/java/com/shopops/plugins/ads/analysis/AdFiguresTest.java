package com.shopops.plugins.ads.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shopops.plugins.ads.analysis.AdRollup.AdGroupKey;
import com.shopops.plugins.ads.analysis.AdRollup.KeywordKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdFiguresTest {

    private static final LocalDate D1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 3, 2);

    private static KeywordStats row(String campaign, String group, String product, String keyword, LocalDate day,
                                    long impressions, long clicks, long cost, long orders, long gmv) {
        return new KeywordStats(campaign, group, product, keyword, day, day, impressions, clicks, cost, orders, gmv,
                null, null, null);
    }

    @Test
    void everyFigureByHand() {
        // 2,000 impressions, 80 clicks, cost 240.00, 4 orders worth 960.00
        AdFigures f = new AdFigures(2_000, 80, 24_000, 4, 96_000);
        assertEquals(0.04, f.ctr(), 1e-12);
        assertEquals(300, f.cpc(), 1e-12, "3.00 per click");
        assertEquals(0.05, f.conversionRate(), 1e-12);
        assertEquals(6_000, f.cpa(), 1e-12, "60.00 per order");
        assertEquals(4.0, f.roi(), 1e-12);
        assertEquals(0.25, f.acos(), 1e-12);
        assertEquals(24_000, f.orderValue(), 1e-12);
        assertEquals(300, f.costPerUv(), 1e-12, "each click counted as a visitor");
        assertEquals(400, f.costPerUv(60), 1e-12, "60 visitors known from the traffic sources");
        assertEquals(0.12, f.shareOfShopSales(800_000), 1e-12, "960.00 of 8,000.00");
        assertEquals(0.08, f.shareOfShopUv(1_000), 1e-12);
        assertEquals(0.06, f.shareOfShopUv(60, 1_000), 1e-12);
    }

    @Test
    void ratesWithoutADenominatorAreNull() {
        AdFigures none = AdFigures.ZERO;
        assertNull(none.ctr());
        assertNull(none.cpc());
        assertNull(none.conversionRate());
        assertNull(none.cpa());
        assertNull(none.roi());
        assertNull(none.acos());
        assertNull(none.orderValue());
        assertNull(none.costPerUv());
        assertNull(none.costPerUv(0));
        assertNull(none.shareOfShopSales(0));
        assertNull(none.shareOfShopUv(0));
        // shown, clicked and paid, but nothing sold: ROI 0, ACoS and CPA undefined
        AdFigures noSales = new AdFigures(100, 5, 500, 0, 0);
        assertEquals(0.0, noSales.roi());
        assertNull(noSales.acos());
        assertNull(noSales.cpa());
        assertEquals(0.0, noSales.conversionRate());
    }

    @Test
    void rollUpsAddUpExactlyByEveryGrouping() {
        List<KeywordStats> rows = List.of(
                row("夏季", "连衣裙", "SKU1", "连衣裙", D1, 1000, 30, 3_000, 2, 40_000),
                row("夏季", "连衣裙", "SKU1", "碎花连衣裙", D1, 500, 10, 1_500, 0, 0),
                row("夏季", "连衣裙", "SKU1", "连衣裙", D2, 800, 20, 2_000, 1, 20_000),
                row("秋季", "连衣裙", "SKU2", "长袖连衣裙", D2, 300, 3, 600, 1, 15_000));
        Map<AdGroupKey, AdFigures> groups = AdRollup.byAdGroup(rows);
        assertEquals(2, groups.size(), "same ad group name in two campaigns stays apart");
        assertEquals(new AdFigures(2300, 60, 6_500, 3, 60_000), groups.get(new AdGroupKey("夏季", "连衣裙")));
        assertEquals(60_000 / 6_500.0, groups.get(new AdGroupKey("夏季", "连衣裙")).roi(), 1e-12);
        assertEquals(new AdFigures(300, 3, 600, 1, 15_000), AdRollup.byCampaign(rows).get("秋季"));
        assertEquals(new AdFigures(2300, 60, 6_500, 3, 60_000), AdRollup.byProduct(rows).get("SKU1"));
        Map<LocalDate, AdFigures> days = AdRollup.byDay(rows);
        assertEquals(List.of(D1, D2), List.copyOf(days.keySet()));
        assertEquals(new AdFigures(1500, 40, 4_500, 2, 40_000), days.get(D1));
        assertEquals(new AdFigures(1100, 23, 2_600, 2, 35_000), days.get(D2));
        assertEquals(new AdFigures(1800, 50, 5_000, 3, 60_000),
                AdRollup.byKeyword(rows).get(new KeywordKey("夏季", "连衣裙", "连衣裙")));
        AdFigures total = AdFigures.sum(rows);
        assertEquals(total, days.values().stream().reduce(AdFigures.ZERO, AdFigures::plus));
        assertEquals(new AdFigures(2600, 63, 7_100, 4, 75_000), total);
        assertEquals(new AdFigures(300, 3, 600, 1, 15_000), total.minus(groups.get(new AdGroupKey("夏季", "连衣裙"))));
    }

    @Test
    void perDayRefusesARowCoveringAPeriod() {
        KeywordStats week = new KeywordStats("c", "g", "", "k", D1, D1.plusDays(6), 1, 1, 1, 0, 0, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> AdRollup.byDay(List.of(week)));
    }

    @Test
    void perKeywordAddsDaysUpAndKeepsTheLatestStates() {
        KeywordStats day1 = new KeywordStats("c", "g", "", "k", D1, D1, 100, 5, 500, 1, 9_000, 2.0, 6, 120L);
        KeywordStats day2 = new KeywordStats("c", "g", "SKU9", "k", D2, D2, 300, 10, 900, 0, 0, 4.0, 7, null);
        KeywordStats other = new KeywordStats("c", "g", "SKU9", "k2", D1, D1, 10, 0, 0, 0, 0, null, null, null);
        List<KeywordStats> merged = AdRollup.perKeyword(List.of(day2, other, day1));
        assertEquals(2, merged.size());
        KeywordStats k = merged.get(0);
        assertEquals(D1, k.from());
        assertEquals(D2, k.to());
        assertEquals("SKU9", k.product());
        assertEquals(400, k.impressions());
        assertEquals(15, k.clicks());
        assertEquals(1_400, k.cost());
        assertEquals(1, k.orders());
        assertEquals(9_000, k.gmv());
        assertEquals((2.0 * 100 + 4.0 * 300) / 400, k.avgRank(), 1e-12, "rank weighted by impressions");
        assertEquals(7, k.qualityScore(), "the latest day's score");
        assertEquals(120L, k.bid(), "the latest bid reported");
        assertEquals(other, merged.get(1), "a single row comes back as it was");
    }
}
