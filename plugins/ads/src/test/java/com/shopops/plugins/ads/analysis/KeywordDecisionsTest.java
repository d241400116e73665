package com.shopops.plugins.ads.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.shopops.plugins.ads.analysis.KeywordDecision.Action;
import com.shopops.plugins.ads.analysis.KeywordDecision.Reason;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules on hand-made keywords, default settings: target ROI 3, 20 clicks, 3 orders to raise, 95%,
 * bid step 15%, pause at 2 target CPAs, delete after 30 days / 1000 impressions / CTR below 0.5%,
 * creative below half the ad group's CTR.
 */
class KeywordDecisionsTest {

    private static final AdSettings S = AdSettings.DEFAULT;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 15);
    /** An order is worth 100.00 in the ad group: target CPA 33.33, pause at 66.67. */
    private static final Double ORDER_VALUE = 10_000.0;

    private static KeywordStats kw(long impressions, long clicks, long cost, long orders, long gmv, Long bid) {
        return kwOver(1, impressions, clicks, cost, orders, gmv, bid);
    }

    private static KeywordStats kwOver(int days, long impressions, long clicks, long cost, long orders, long gmv, Long bid) {
        return new KeywordStats("夏季", "连衣裙", "SKU1", "碎花连衣裙", DAY.minusDays(days - 1), DAY, impressions, clicks, cost,
                orders, gmv, 3.2, 7, bid);
    }

    private static KeywordDecision decide(KeywordStats k) {
        return KeywordDecisions.decide(k, null, ORDER_VALUE, S, null);
    }

    private static void assertDecision(Action action, Reason reason, KeywordDecision d) {
        assertEquals(action, d.action(), () -> "decision " + d);
        assertEquals(reason.key(), d.reasonKey(), () -> "decision " + d);
    }

    @Test
    void raiseWhenTheWholeRoiIntervalIsAboveTarget() {
        // 100 clicks at 1.00, 10 orders of 100.00: ROI 10; conversion 10/100 = [0.0552, 0.1744] × 100 → [5.52, 17.44]
        KeywordDecision d = decide(kw(2_000, 100, 10_000, 10, 100_000, 100L));
        assertDecision(Action.RAISE_BID, Reason.ROI_ABOVE_TARGET, d);
        assertEquals(10.0, d.evidence().roi(), 1e-12);
        assertEquals(5.5229, d.evidence().roiInterval().low(), 1e-4);
        assertEquals(17.4366, d.evidence().roiInterval().high(), 1e-4);
        assertEquals(10_000, d.evidence().orderValue(), 1e-9, "its own GMV per order");
        assertEquals(List.of(10.0, d.evidence().roiInterval().low(), d.evidence().roiInterval().high(), 3.0, 0.95), d.reasonArgs());
        assertEquals(100L, d.currentBid());
        assertEquals(115L, d.suggestedBid());
        assertEquals(0.15, d.bidChange(), 1e-12);
        assertEquals(0.05, d.evidence().ctr(), 1e-12);
        assertEquals(0.1, d.evidence().conversionRate(), 1e-12);
        assertEquals(7, d.evidence().qualityScore());
    }

    @Test
    void raiseWithoutAKnownBidGivesTheStepOnly() {
        KeywordDecision d = decide(kw(2_000, 100, 10_000, 10, 100_000, null));
        assertDecision(Action.RAISE_BID, Reason.ROI_ABOVE_TARGET, d);
        assertNull(d.suggestedBid());
        assertEquals(0.15, d.bidChange(), 1e-12);
    }

    @Test
    void lowerWhenTheWholeRoiIntervalIsBelowTarget() {
        // 200 clicks at 1.00, 2 orders of 50.00: ROI 0.5; conversion 2/200 = [0.00275, 0.0357] × 50 → [0.137, 1.786]
        KeywordDecision d = decide(kw(5_000, 200, 20_000, 2, 10_000, 80L));
        assertDecision(Action.LOWER_BID, Reason.ROI_BELOW_TARGET, d);
        assertEquals(0.5, d.evidence().roi(), 1e-12);
        assertEquals(0.1373, d.evidence().roiInterval().low(), 1e-4);
        assertEquals(1.7861, d.evidence().roiInterval().high(), 1e-4);
        assertEquals(68L, d.suggestedBid(), "80 × 0.85");
        assertEquals(-0.15, d.bidChange(), 1e-12);
    }

    @Test
    void targetRoiExactlyMetIsKept() {
        // 100 clicks at 1.00, 3 orders of 100.00: ROI exactly 3; interval [1.03, 8.45] straddles the target
        KeywordDecision d = decide(kw(2_000, 100, 10_000, 3, 30_000, 100L));
        assertDecision(Action.KEEP, Reason.ON_TARGET, d);
        assertEquals(List.of(3.0, d.evidence().roiInterval().low(), d.evidence().roiInterval().high(), 3.0), d.reasonArgs());
        assertEquals(1.0255, d.evidence().roiInterval().low(), 1e-4);
        assertNull(d.suggestedBid());
        assertNull(d.bidChange());
        // one fen more cost puts the ROI just under target, but its interval still reaches it: watch, not lower
        assertDecision(Action.WATCH, Reason.BELOW_TARGET_UNSURE, decide(kw(2_000, 100, 10_001, 3, 30_000, 100L)));
    }

    @Test
    void zeroClicksIsWatched() {
        KeywordDecision d = decide(kw(300, 0, 0, 0, 0, 100L));
        assertDecision(Action.WATCH, Reason.NO_CLICKS, d);
        assertEquals(List.of(300L), d.reasonArgs());
        assertNull(d.evidence().conversionRate());
        assertNull(d.evidence().conversionInterval());
        assertNull(d.evidence().roi());
        assertNull(d.evidence().roiInterval());
        // not even shown
        KeywordDecision unseen = decide(kw(0, 0, 0, 0, 0, 100L));
        assertDecision(Action.WATCH, Reason.NO_CLICKS, unseen);
        assertNull(unseen.evidence().ctr());
        assertNull(unseen.evidence().ctrInterval());
    }

    @Test
    void oneClickIsWatchedEvenWithAnOrderAndAHugeRoi() {
        // 1 click for 1.00 sold 1,000.00: ROI 1000, but one click proves nothing
        KeywordDecision d = decide(kw(50, 1, 100, 1, 100_000, 100L));
        assertDecision(Action.WATCH, Reason.FEW_CLICKS, d);
        assertEquals(List.of(1L, 20), d.reasonArgs());
        assertEquals(0.2065, d.evidence().conversionInterval().low(), 1e-4);
        // a shop that judges from the first click still does not raise on one order
        AdSettings eager = AdSettings.of(with(AdSettings.MIN_CLICKS, "1"));
        KeywordDecision e = KeywordDecisions.decide(kw(50, 1, 100, 1, 100_000, 100L), null, ORDER_VALUE, eager, null);
        assertDecision(Action.WATCH, Reason.FEW_ORDERS_TO_RAISE, e);
        assertEquals(206.549, e.evidence().roiInterval().low(), 1e-3, "the interval is above target…");
        assertEquals(List.of(1L, 3, e.evidence().roiInterval().low(), 3.0), e.reasonArgs(), "…but 1 order is not 3");
    }

    @Test
    void oneOrderOnEnoughClicksIsNotRaisedEither() {
        // 40 clicks at 0.10, 1 order of 500.00: ROI 125 and interval [5.5, 658] above target, but one order
        KeywordDecision d = decide(kw(1_000, 40, 400, 1, 50_000, 10L));
        assertEquals(125.0, d.evidence().roi(), 1e-12);
        assertDecision(Action.WATCH, Reason.FEW_ORDERS_TO_RAISE, d);
    }

    @Test
    void zeroCostClicksAreKept() {
        KeywordDecision d = decide(kw(1_000, 50, 0, 2, 20_000, 100L));
        assertDecision(Action.KEEP, Reason.NO_COST, d);
        assertEquals(List.of(50L, 2L), d.reasonArgs());
        assertNull(d.evidence().roi(), "no ROI without cost");
        assertNull(d.evidence().roiInterval());
    }

    @Test
    void pauseAtTwiceTheTargetCpaWithoutOrders() {
        // an order is worth 100.00, so at ROI 3 it may cost 33.33; 2 × that is 66.67
        KeywordDecision d = decide(kw(1_500, 30, 6_667, 0, 0, 50L));
        assertDecision(Action.PAUSE, Reason.PAUSE_NO_ORDERS, d);
        assertEquals(6_667L, d.reasonArgs().get(0));
        assertEquals(3_333.333, d.reasonArgs().get(1).doubleValue(), 1e-3);
        assertEquals(2.0001, d.reasonArgs().get(2).doubleValue(), 1e-4);
        assertEquals(3_333.333, d.evidence().targetCpa(), 1e-3);
        // one fen less: not yet; its ROI interval [0, 5.1] still reaches the target
        KeywordDecision before = decide(kw(1_500, 30, 6_666, 0, 0, 50L));
        assertDecision(Action.WATCH, Reason.BELOW_TARGET_UNSURE, before);
        assertEquals(5.1086, before.evidence().roiInterval().high(), 1e-4);
        // the pause does not wait for clicks: one 80.00 click on a 100.00 product is already too dear
        assertDecision(Action.PAUSE, Reason.PAUSE_NO_ORDERS, decide(kw(20, 1, 8_000, 0, 0, 8_000L)));
        // but a single order stops it: then the ROI rules judge
        assertNotEquals(Action.PAUSE, decide(kw(1_500, 30, 6_667, 1, 10_000, 50L)).action());
    }

    @Test
    void withoutAnyOrderValueThereIsNoRoiToJudge() {
        KeywordDecision d = KeywordDecisions.decide(kw(1_500, 30, 9_000, 0, 0, 50L), null, null, S, null);
        assertDecision(Action.WATCH, Reason.NO_ORDER_VALUE, d);
        assertNull(d.evidence().targetCpa());
    }

    @Test
    void deleteALongRunningKeywordNobodyClicks() {
        // 30 days, 1000 impressions, 0 clicks: CTR at most 0.38% < 0.5%
        KeywordDecision d = decide(kwOver(30, 1_000, 0, 0, 0, 0, 60L));
        assertDecision(Action.DELETE, Reason.DELETE_DEAD, d);
        assertEquals(30L, d.reasonArgs().get(0));
        assertEquals(1_000L, d.reasonArgs().get(1));
        assertEquals(0.0038268, d.reasonArgs().get(2).doubleValue(), 1e-7);
        assertEquals(0.005, d.reasonArgs().get(3));
        // 29 days is not long enough yet
        assertDecision(Action.WATCH, Reason.NO_CLICKS, decide(kwOver(29, 1_000, 0, 0, 0, 0, 60L)));
        // 999 impressions are not enough
        assertDecision(Action.WATCH, Reason.NO_CLICKS, decide(kwOver(30, 999, 0, 0, 0, 0, 60L)));
        // 1 click in 1000 could still be a CTR of 0.56%
        assertDecision(Action.WATCH, Reason.FEW_CLICKS, decide(kwOver(30, 1_000, 1, 50, 0, 0, 60L)));
    }

    @Test
    void changeCreativeWhenCtrIsFarBelowTheAdGroup() {
        // 10 clicks from 2000 impressions: CTR 0.5%, at most 0.92%; the other keywords of the group: 4%
        AdFigures others = new AdFigures(10_000, 400, 40_000, 20, 200_000);
        KeywordDecision d = KeywordDecisions.decide(kw(2_000, 10, 1_000, 0, 0, 100L), others, ORDER_VALUE, S, null);
        assertDecision(Action.CHANGE_CREATIVE, Reason.CTR_FAR_BELOW_AD_GROUP, d);
        assertEquals(0.005, d.reasonArgs().get(0));
        assertEquals(0.00918, d.reasonArgs().get(1).doubleValue(), 1e-5);
        assertEquals(0.04, d.reasonArgs().get(2));
        assertEquals(0.5, d.reasonArgs().get(3));
        assertEquals(0.04, d.evidence().adGroupCtr(), 1e-12);
        // against a group at 1.8%, half is 0.9%: the interval's top 0.92% is not below it
        AdFigures weaker = new AdFigures(10_000, 180, 18_000, 9, 90_000);
        assertDecision(Action.WATCH, Reason.FEW_CLICKS,
                KeywordDecisions.decide(kw(2_000, 10, 1_000, 0, 0, 100L), weaker, ORDER_VALUE, S, null));
    }

    @Test
    void overspendingHoldsARaiseBack() {
        BudgetPace over = BudgetPace.of(DAY, 800_000, 1_000_000L, 0.10);
        assertEquals(BudgetPace.State.OVERSPEND, over.state());
        KeywordDecision d = KeywordDecisions.decide(kw(2_000, 100, 10_000, 10, 100_000, 100L), null, ORDER_VALUE, S, over);
        assertDecision(Action.KEEP, Reason.RAISE_HELD_BY_BUDGET, d);
        assertEquals(List.of(10.0, d.evidence().roiInterval().low(), 3.0, over.projected(), 1_000_000L), d.reasonArgs());
        assertNull(d.suggestedBid());
        BudgetPace onPace = BudgetPace.of(DAY, 480_000, 1_000_000L, 0.10);
        assertEquals(Action.RAISE_BID,
                KeywordDecisions.decide(kw(2_000, 100, 10_000, 10, 100_000, 100L), null, ORDER_VALUE, S, onPace).action());
    }

    @Test
    void bidsMoveByTheStepRoundedHalfUpAndAtLeastOneUnit() {
        assertEquals(115, KeywordDecisions.movedBid(100, 0.15));
        assertEquals(35, KeywordDecisions.movedBid(30, 0.15), "34.5 rounds up");
        assertEquals(2, KeywordDecisions.movedBid(1, 0.15), "1.15 would round back to 1");
        assertEquals(85, KeywordDecisions.movedBid(100, -0.15));
        assertEquals(2, KeywordDecisions.movedBid(3, -0.15), "2.55 would round back to 3");
        assertEquals(1, KeywordDecisions.movedBid(1, -0.15), "never below 1");
    }

    @Test
    void theAccountViewGivesEachKeywordItsAdGroupsContext() {
        LocalDate d1 = DAY.minusDays(1);
        List<KeywordStats> rows = List.of(
                // the group's seller, over two days: 100 clicks, 10 orders of 100.00 → raise
                new KeywordStats("夏季", "连衣裙", "SKU1", "连衣裙", d1, d1, 1_000, 50, 5_000, 5, 50_000, null, null, 100L),
                new KeywordStats("夏季", "连衣裙", "SKU1", "连衣裙", DAY, DAY, 1_000, 50, 5_000, 5, 50_000, null, null, 110L),
                // no orders, 70.00 spent: the group's order value (100.00) makes its target CPA 33.33 → pause
                new KeywordStats("夏季", "连衣裙", "SKU1", "长裙", DAY, DAY, 500, 35, 7_000, 0, 0, null, null, 200L),
                // 0.4% CTR on 2500 impressions against the others' 135 / 2500 = 5.4% → change creative
                new KeywordStats("夏季", "连衣裙", "SKU1", "裙子女", DAY, DAY, 2_500, 10, 500, 0, 0, null, null, 50L),
                // a campaign without orders: the account's GMV per order (100.00) prices it; 90.00 spent → pause
                new KeywordStats("秋季", "外套", "SKU2", "外套", DAY, DAY, 800, 25, 9_000, 0, 0, null, null, 300L));
        List<KeywordDecision> ds = KeywordDecisions.decide(rows, S, null);
        assertEquals(4, ds.size(), "one decision per keyword; the seller's two days are added up");
        assertEquals(Action.RAISE_BID, ds.get(0).action());
        assertEquals(100, ds.get(0).evidence().clicks());
        assertEquals(2, ds.get(0).evidence().days());
        assertEquals(127L, ds.get(0).suggestedBid(), "from the latest bid, 110 × 1.15 = 126.5");
        assertEquals(Action.PAUSE, ds.get(1).action());
        assertEquals(10_000, ds.get(1).evidence().orderValue(), 1e-9, "the ad group's GMV per order");
        assertEquals(Action.CHANGE_CREATIVE, ds.get(2).action());
        assertEquals(135.0 / 2_500, ds.get(2).evidence().adGroupCtr(), 1e-12, "the other keywords of the group only");
        assertEquals(Action.PAUSE, ds.get(3).action());
        assertEquals(10_000, ds.get(3).evidence().orderValue(), 1e-9, "the whole account's GMV per order");
        // alone, the autumn campaign has no order value at all
        KeywordDecision alone = KeywordDecisions.decide(rows.subList(4, 5), S, null).get(0);
        assertEquals(Action.WATCH, alone.action());
        assertEquals(Reason.NO_ORDER_VALUE.key(), alone.reasonKey());
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> m = new HashMap<>(AdSettings.DEFAULT.asMap());
        m.put(key, value);
        return m;
    }
}
