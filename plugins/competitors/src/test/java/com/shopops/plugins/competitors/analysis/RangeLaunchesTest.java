package com.shopops.plugins.competitors.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.shopops.plugins.competitors.analysis.TimingSignal.Basis;
import com.shopops.plugins.competitors.analysis.TimingSignal.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The season-timing signal on hand-made snapshots, rules 30 monthly sales within 21 days at 2 peers over
 * 60 days (the defaults): June 30 looks back to May 2.
 */
class RangeLaunchesTest {

    static final TimingRules RULES = TimingRules.DEFAULT;
    static final RangeLaunches.OurRange POTS_ONLY = new RangeLaunches.OurRange(List.of("厨房用具/锅具"), List.of("麦饭石炒锅"));

    static LocalDate june(int d) {
        return LocalDate.of(2026, 6, d);
    }

    static PeerListing l(long peer, LocalDate day, String id, String title, long sales, LocalDate listed, String category) {
        return new PeerListing(peer, day, id, title, 5_000, sales, null, null, listed, category);
    }

    /** Three peers launch baking tools; peers 1 and 2 sell within 21 days, peer 3 not yet. */
    static List<PeerListing> baking() {
        List<PeerListing> all = new ArrayList<>();
        // peer 1: X1 listed June 1, 10 sold on the 5th, 35 on the 15th (within June 22): selling since the 15th
        all.add(l(1, june(5), "X1", "饼干模具", 10, june(1), "烘焙工具"));
        all.add(l(1, june(15), "X1", "饼干模具", 35, june(1), "烘焙工具"));
        all.add(l(1, june(15), "X2", "硅胶垫", 5, june(3), "烘焙工具"));
        // peer 2: Y1 listed June 10 under the full path, 20 on the 20th, 40 on the 25th (within July 1)
        all.add(l(2, june(20), "Y1", "姜饼屋模具", 20, june(10), "厨房用具/烘焙工具"));
        all.add(l(2, june(25), "Y1", "姜饼屋模具", 40, june(10), "厨房用具/烘焙工具"));
        // peer 3: Z1 listed June 20, 8 on the 25th
        all.add(l(3, june(25), "Z1", "裱花袋", 8, june(20), "烘焙工具"));
        // an old product and a lone new one in another category: no range
        all.add(l(1, june(15), "OLD", "老款炒锅", 500, LocalDate.of(2026, 3, 1), "锅具"));
        all.add(l(2, june(25), "NEW", "新款菜刀", 90, june(12), "刀具"));
        return all;
    }

    @Test
    void twoPeersSellingTheirLaunchesMakeItTimeToLaunchOurs() {
        List<TimingSignal> signals = RangeLaunches.on(june(30), baking(), RULES, POTS_ONLY);
        assertEquals(1, signals.size(), signals.toString());
        TimingSignal s = signals.get(0);
        assertEquals("烘焙工具", s.range(), "named as the earliest listing (X1) writes it");
        assertEquals(Basis.CATEGORY, s.basis());
        assertEquals(Status.LAUNCH, s.status());
        assertEquals(List.of(1L, 2L, 3L), s.peers());
        assertEquals(List.of(1L, 2L), s.sellingPeers());
        assertEquals(4, s.listings());
        assertEquals(june(1), s.firstLaunch());
        assertEquals(june(25), s.sellingSince(), "the second peer's first selling day");
        assertEquals("Y1", s.best().productId(), "40 monthly sales against X1's 35");
    }

    @Test
    void beforeTheSecondPeerSellsItIsWatchAndWhenWeSellTheCategoryItIsCovered() {
        TimingSignal early = RangeLaunches.on(june(20), baking(), RULES, POTS_ONLY).get(0);
        assertEquals(Status.WATCH, early.status());
        assertEquals(List.of(1L), early.sellingPeers());
        assertNull(early.sellingSince());
        assertEquals(3, early.listings(), "Z1 is listed on the 20th but first seen on the 25th: still counted by its listed day");

        RangeLaunches.OurRange baker = new RangeLaunches.OurRange(List.of("厨房用具/烘焙工具"), List.of());
        assertEquals(Status.COVERED, RangeLaunches.on(june(30), baking(), RULES, baker).get(0).status());

        // one peer is enough when the shop says so
        TimingRules one = new TimingRules(30, 21, 1, 60);
        TimingSignal s = RangeLaunches.on(june(20), baking(), one, POTS_ONLY).get(0);
        assertEquals(Status.LAUNCH, s.status());
        assertEquals(june(15), s.sellingSince());
    }

    @Test
    void salesReachedAfterTheWindowDoNotCount() {
        List<PeerListing> late = new ArrayList<>(baking());
        late.removeIf(x -> x.productId().equals("Y1"));
        // Y1 listed June 10 reaches 40 only on July 5, after July 1
        late.add(l(2, june(25), "Y1", "姜饼屋模具", 20, june(10), "烘焙工具"));
        late.add(l(2, LocalDate.of(2026, 7, 5), "Y1", "姜饼屋模具", 40, june(10), "烘焙工具"));
        TimingSignal s = RangeLaunches.on(LocalDate.of(2026, 7, 5), late, RULES, POTS_ONLY).get(0);
        assertEquals(List.of(1L), s.sellingPeers());
        assertEquals(Status.WATCH, s.status());
    }

    @Test
    void withoutCategoriesTheTitlesFirstWordIsTheRangeAndUnlistedDaysComeFromTheFirstAppearance() {
        List<PeerListing> all = List.of(
                // peer 1's first snapshot (June 1) holds S0: no evidence it is new
                l(1, june(1), "S0", "圣诞 老人摆件", 80, null, null),
                l(1, june(8), "S0", "圣诞 老人摆件", 80, null, null),
                // S1 first appears June 8 (not in the first snapshot): launched June 8, 31 sold by June 20
                l(1, june(8), "S1", "圣诞 饼干模具", 2, null, null),
                l(1, june(20), "S1", "圣诞 饼干模具", 31, null, null),
                // peer 2: listed June 12, 30 sold on June 26
                l(2, june(26), "T1", "圣诞 花环 门挂", 30, june(12), null));
        List<TimingSignal> signals = RangeLaunches.on(june(30), all, RULES, POTS_ONLY);
        assertEquals(1, signals.size(), signals.toString());
        TimingSignal s = signals.get(0);
        assertEquals(List.of("圣诞", Basis.KEYWORD, Status.LAUNCH, 2, june(8), june(26)),
                List.of(s.range(), s.basis(), s.status(), s.listings(), s.firstLaunch(), s.sellingSince()));
        RangeLaunches.OurRange christmas = new RangeLaunches.OurRange(List.of(), List.of("圣诞 礼盒"));
        assertEquals(Status.COVERED, RangeLaunches.on(june(30), all, RULES, christmas).get(0).status(), "a title of ours holds the keyword");
        assertEquals("", RangeLaunches.keyword("锅 大号"), "one character is no keyword");
        assertEquals("Non-stick", RangeLaunches.keyword("Non-stick pan"));
    }

    @Test
    void listingsOlderThanTheLookbackAreNotNew() {
        // looking from August 15 (back to June 17), only Z1 (June 20) is new: one listing is no range
        assertEquals(List.of(), RangeLaunches.on(LocalDate.of(2026, 8, 15), baking(), RULES, POTS_ONLY));
        assertEquals(1, RangeLaunches.on(LocalDate.of(2026, 8, 15), baking(), new TimingRules(30, 21, 2, 80), POTS_ONLY).size(),
                "80 days back reach June 1 again");
    }
}
