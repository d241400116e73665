package com.shopops.plugins.activities.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.activities.analysis.Campaign.Kind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignProgressTest {

    private static final double EPS = 1e-12;
    private static final LocalDate MAY_10 = LocalDate.of(2026, 5, 10);

    /**
     * 聚划算, live 10–16 May (7 days), goals 10,000.00 GMV and 200 units. A: 100 allocated; B: 200; C: 50,
     * a new arrival without normal days.
     */
    static Campaign juhuasuan(Long goalGmv, Long goalUnits) {
        return new Campaign(7, "聚划算 May", Kind.PLATFORM, "聚划算", MAY_10.minusDays(10), MAY_10.minusDays(5), MAY_10,
                MAY_10.plusDays(6), goalGmv, goalUnits, CampaignStatus.LIVE, "jhs-may",
                List.of(new CampaignProduct("A", 100, 4_900L), new CampaignProduct("B", 200, 9_900L),
                        new CampaignProduct("C", 50, 4_900L)));
    }

    static List<DailySales> sales() {
        return List.of(
                new DailySales(day(10), "A", 20, 18, 98_000),
                new DailySales(day(11), "A", 15, 14, 73_500),
                new DailySales(day(12), "A", 25, 22, 122_500),
                new DailySales(day(10), "B", 10, 10, 99_000),
                new DailySales(day(12), "B", 11, 10, 108_900),
                new DailySales(day(11), "C", 50, 45, 245_000),
                // left out as of the 12th: after it, before going live, not a campaign product
                new DailySales(day(13), "A", 100, 90, 490_000),
                new DailySales(day(9), "B", 7, 7, 90_300),
                new DailySales(day(11), "X", 3, 3, 3_000));
    }

    /** A: 5 units and 29,500 a normal day; B: 2 units and 25,800 a day. */
    static List<Baseline> baselines() {
        return List.of(new Baseline("A", 14, 70, 65, 413_000), new Baseline("B", 7, 14, 14, 180_600));
    }

    static LocalDate day(int may) {
        return LocalDate.of(2026, 5, may);
    }

    @Test
    void campaignOrdersGivenPerDayCountInsteadOfTheProductsOrdersAddedUp() {
        // 100 orders on the 10th–12th, some holding two products (the products' orders add up to 119); the 9th and
        // the 13th are outside the live days up to the 12th. Products keep their own orders.
        Map<LocalDate, Long> orders = Map.of(day(9), 7L, day(10), 25L, day(11), 50L, day(12), 25L, day(13), 90L);
        CampaignProgress p = CampaignProgress.of(juhuasuan(1_000_000L, 200L), day(12), sales(), orders, baselines(), 476,
                new Reach(2_380L, 40_000L, 1_200L));
        assertEquals(100, p.orders());
        assertEquals(100.0 / 476, p.orderShare(), EPS);
        assertEquals(100.0 / 2_380, p.conversion(), EPS);
        assertEquals(List.of(54L, 20L, 45L), p.products().stream().map(ProductProgress::orders).toList());
        assertEquals(131, p.units());
        assertThrows(IllegalArgumentException.class, () -> CampaignProgress.of(juhuasuan(null, null), day(12), sales(),
                Map.of(day(10), -1L), List.of(), 476, Reach.NONE));
    }

    @Test
    void halfWayByHand() {
        CampaignProgress p = CampaignProgress.of(juhuasuan(1_000_000L, 200L), day(12), sales(), baselines(), 476,
                new Reach(2_380L, 40_000L, 1_200L));
        assertEquals(7, p.campaignId());
        assertEquals(7, p.daysTotal());
        assertEquals(3, p.daysElapsed());
        assertEquals(4, p.daysLeft());
        assertEquals(3.0 / 7, p.elapsedShare(), EPS);
        // 60 + 21 + 50 units, 54 + 20 + 45 orders, 294,000 + 207,900 + 245,000 GMV
        assertEquals(131, p.units());
        assertEquals(119, p.orders());
        assertEquals(746_900, p.gmv());
        assertEquals(0.25, p.orderShare(), EPS, "119 of the shop's 476 orders");
        assertEquals(0.05, p.conversion(), EPS, "119 orders ÷ 2,380 UV");
        assertEquals(0.03, p.ctr(), EPS, "1,200 clicks ÷ 40,000 impressions");
        assertEquals(350, p.allocated());
        assertEquals(131.0 / 350, p.sellThrough(), EPS);
        assertEquals(0.7469, p.gmvAttainment(), EPS, "746,900 of 1,000,000");
        assertEquals(0.655, p.unitsAttainment(), EPS, "131 of 200");
        // A and B only (C has no normal days): 81 units ÷ 3 days = 27 a day against 5 + 2 = 7
        assertEquals(27.0 / 7 - 1, p.unitsUplift(), EPS);
        // 501,900 ÷ 3 = 167,300 a day against 29,500 + 25,800 = 55,300
        assertEquals(167_300.0 / 55_300 - 1, p.gmvUplift(), EPS);

        ProductProgress a = p.product("A");
        assertEquals(new ProductProgress("A", 100, 60, 54, 294_000, 0.6, 3.0, 98_000.0 / 29_500 - 1,
                new StockOut(40, 20.0, day(14), false, true, 2)), a,
                "20 a day leaves 40 for 2 more days: gone on the 14th, 2 days before the 16th");
        ProductProgress b = p.product("B");
        assertEquals(0.105, b.sellThrough(), EPS);
        assertEquals(2.5, b.unitsUplift(), EPS, "7 a day against 2");
        assertEquals(69_300.0 / 25_800 - 1, b.gmvUplift(), EPS);
        // 179 left at 7 a day: ⌈25.57⌉ = 26 days after the 12th, 7 June, after the end
        assertEquals(new StockOut(179, 7.0, LocalDate.of(2026, 6, 7), false, false, 0), b.stockOut());
        ProductProgress c = p.product("C");
        assertEquals(1.0, c.sellThrough(), EPS);
        assertNull(c.unitsUplift());
        assertNull(c.gmvUplift());
        assertEquals(new StockOut(0, 50.0 / 3, day(11), true, true, 5), c.stockOut(), "sold out on the 11th, 5 days short");
        assertEquals(List.of("A", "B", "C"), p.products().stream().map(ProductProgress::sku).toList());
        assertNull(p.product("X"));
    }

    @Test
    void whatIsNotKnownIsNull() {
        CampaignProgress p = CampaignProgress.of(juhuasuan(null, null), day(12), sales(), List.of(new Baseline("A", 0, 0, 0, 0),
                new Baseline("B", 7, 0, 0, 0)), 0, Reach.NONE);
        assertNull(p.orderShare(), "no shop orders");
        assertNull(p.conversion());
        assertNull(p.ctr());
        assertNull(p.gmvAttainment());
        assertNull(p.unitsAttainment());
        assertNull(p.unitsUplift(), "A's baseline has no days, B's no sales");
        assertNull(p.product("A").unitsUplift());
        assertNull(p.product("B").gmvUplift());
        CampaignProgress partly = CampaignProgress.of(juhuasuan(null, null), day(12), sales(), List.of(), 476,
                new Reach(0L, null, 50L));
        assertNull(partly.conversion(), "0 UV");
        assertNull(partly.ctr(), "clicks without impressions");
        assertNull(partly.unitsUplift(), "no baseline at all");
    }

    @Test
    void beforeGoingLiveNothingHasHappened() {
        CampaignProgress p = CampaignProgress.of(juhuasuan(1_000_000L, 200L), day(9), sales(), baselines(), 100, Reach.NONE);
        assertEquals(0, p.daysElapsed());
        assertEquals(7, p.daysLeft());
        assertEquals(0.0, p.elapsedShare());
        assertEquals(0, p.units(), "the 9th is before the campaign");
        assertEquals(0.0, p.sellThrough());
        assertEquals(0.0, p.gmvAttainment());
        assertNull(p.unitsUplift(), "no live day to average");
        assertNull(p.product("A").stockOut());
    }

    @Test
    void afterTheEndAllDaysCountAndStockLeftNeverRanOut() {
        CampaignProgress p = CampaignProgress.of(juhuasuan(1_000_000L, 200L), day(20), sales(), baselines(), 600, Reach.NONE);
        assertEquals(7, p.daysElapsed());
        assertEquals(0, p.daysLeft());
        assertEquals(1.0, p.elapsedShare());
        assertEquals(160, p.product("A").units(), "the 13th counts now");
        assertEquals(new StockOut(0, 160.0 / 7, day(13), true, true, 3), p.product("A").stockOut(),
                "the running total passes 100 on the 13th");
        assertNull(p.product("B").stockOut(), "over with 179 left");
    }

    @Test
    void runningOutOnTheLastDayIsNotEarly() {
        // live 10–12 May, 10 sold on the first day
        for (long[] c : new long[][] {{30, 12, 0, 0}, {29, 12, 0, 0}, {31, 13, 0, 0}, {20, 11, 1, 1}}) {
            Campaign three = new Campaign(1, "new arrival", Kind.OWN, "own", null, null, day(10), day(12), null, null,
                    CampaignStatus.LIVE, null, List.of(new CampaignProduct("D", c[0], 7_900L)));
            StockOut s = CampaignProgress.of(three, day(10), List.of(new DailySales(day(10), "D", 10, 9, 79_000)), List.of(),
                    20, Reach.NONE).product("D").stockOut();
            assertEquals(day((int) c[1]), s.runsOutOn(), "allocated " + c[0]);
            assertEquals(c[2] == 1, s.beforeEnd(), "allocated " + c[0]);
            assertEquals(c[3], s.daysShort(), "allocated " + c[0]);
            assertFalse(s.soldOut());
        }
    }

    @Test
    void rowsOfOneDayAddUpAndNothingSoldHasNoForecast() {
        Campaign one = new Campaign(1, "x", Kind.OWN, "own", null, null, day(10), day(12), null, 10L,
                CampaignStatus.LIVE, null, List.of(new CampaignProduct("D", 30, null), new CampaignProduct("E", 0, null)));
        CampaignProgress p = CampaignProgress.of(one, day(11), List.of(new DailySales(day(10), "D", 2, 2, 100),
                new DailySales(day(10), "D", 3, 3, 150)), List.of(), 10, Reach.NONE);
        assertEquals(5, p.product("D").units());
        assertEquals(0.5, p.unitsAttainment(), EPS);
        assertNull(p.product("E").sellThrough(), "nothing allocated");
        assertNull(p.product("E").stockOut());
        assertFalse(p.product("D").stockOut().beforeEnd(), "2.5 a day: 25 left last 10 more days");
        assertEquals(day(21), p.product("D").stockOut().runsOutOn());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DailySales(day(10), "A", -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Baseline("A", -1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Reach(-1L, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> CampaignProgress.of(juhuasuan(null, null), day(12), List.of(), List.of(), -1, Reach.NONE));
        Campaign backwards = new Campaign(1, "x", Kind.OWN, "own", null, null, day(12), day(10), null, null,
                CampaignStatus.PLANNED, null, List.of());
        assertThrows(IllegalArgumentException.class,
                () -> CampaignProgress.of(backwards, day(12), List.of(), List.of(), 0, Reach.NONE));
    }
}
