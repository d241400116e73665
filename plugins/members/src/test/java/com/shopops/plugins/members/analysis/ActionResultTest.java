package com.shopops.plugins.members.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.members.analysis.ActionResult.Group;
import com.shopops.plugins.members.analysis.ActionResult.Interval;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ActionResultTest {

    /** {@code buyers} customers spending {@code each}, the rest nothing. */
    static long[] group(int customers, int buyers, long each) {
        long[] revenue = new long[customers];
        Arrays.fill(revenue, 0, buyers, each);
        return revenue;
    }

    /**
     * Newcombe (1998), Statistics in Medicine 17:873–890, Table II, example 56/70 against 48/80, method 10.
     * By hand (z = 1.959964, z² = 3.841459), Wilson bounds (2x + z² ∓ z√(z² + 4x(1 − p))) ÷ 2(n + z²):
     * 56/70, p = 0.8: (115.8415 ∓ 1.959964 × √(3.8415 + 44.8)) ÷ 147.6829 = (115.8415 ∓ 13.6715) ÷ 147.6829
     * = 0.69183 to 0.87695; 48/80, p = 0.6: (99.8415 ∓ 1.959964 × √(3.8415 + 76.8)) ÷ 167.6829
     * = (99.8415 ∓ 17.6033) ÷ 167.6829 = 0.49045 to 0.70038.
     * Difference 0.8 − 0.6 = 0.2000; low 0.2 − √(0.10817² + 0.10038²) = 0.2 − 0.14757 = 0.05243;
     * high 0.2 + √(0.07695² + 0.10955²) = 0.2 + 0.13387 = 0.33387 — the paper's 0.0524 to 0.3339.
     */
    @Test
    void newcombesWorkedExample() {
        ActionResult r = ActionResult.measure(group(70, 56, 1_000), group(80, 48, 1_000));
        Interval u = r.conversionUplift();
        assertEquals(0.2000, u.estimate(), 1e-12);
        assertEquals(0.0524, u.low(), 5e-5);
        assertEquals(0.3339, u.high(), 5e-5);
        assertTrue(u.significant());
        double[] w = ActionResult.wilson(56, 70);
        assertEquals(0.6918, w[0], 5e-5);
        assertEquals(0.8770, w[1], 5e-5);
    }

    /**
     * Treated 0, 0, 100, 300: mean 100, squared deviations 10,000 + 10,000 + 0 + 40,000 = 60,000 ÷ 3 = 20,000.
     * Held out 0, 0, 60: mean 20, squared deviations 400 + 400 + 1,600 = 2,400 ÷ 2 = 1,200.
     * Uplift 80; standard error √(20,000 ÷ 4 + 1,200 ÷ 3) = √5,400 = 73.4847; × 1.959964 = 144.0274,
     * so −64.0274 to 224.0274: not significant.
     */
    @Test
    void welchByHand() {
        ActionResult r = ActionResult.measure(new long[] {0, 0, 100, 300}, new long[] {0, 0, 60});
        assertEquals(new Group(4, 2, 400, 0.5, 100.0), r.treated());
        assertEquals(1, r.holdout().buyers(), "only the one who spent 60");
        assertEquals(1.0 / 3, r.holdout().conversion(), 1e-12);
        assertEquals(20.0, r.holdout().revenuePerCustomer(), 1e-12);
        Interval u = r.revenueUplift();
        assertEquals(80.0, u.estimate(), 1e-9);
        assertEquals(-64.0274, u.low(), 1e-4);
        assertEquals(224.0274, u.high(), 1e-4);
        assertFalse(u.significant());
        assertFalse(r.enoughData());
    }

    @Test
    void emptyAndSingleGroups() {
        ActionResult empty = ActionResult.measure(new long[] {500}, new long[0]);
        assertEquals(new Group(0, 0, 0, null, null), empty.holdout());
        assertEquals(new Interval(null, null, null), empty.conversionUplift());
        assertEquals(new Interval(null, null, null), empty.revenueUplift());
        assertFalse(empty.conversionUplift().significant());

        // one customer a side: a difference of means, but no variance for bounds
        ActionResult single = ActionResult.measure(new long[] {500}, new long[] {200});
        assertEquals(new Interval(300.0, null, null), single.revenueUplift());
        assertEquals(0.0, single.conversionUplift().estimate(), 1e-12, "both bought");
    }

    @Test
    void enoughDataFromThirtyASide() {
        assertTrue(ActionResult.measure(group(30, 3, 100), group(30, 1, 100)).enoughData());
        assertFalse(ActionResult.measure(group(30, 3, 100), group(29, 1, 100)).enoughData());
        assertFalse(ActionResult.measure(group(29, 3, 100), group(300, 1, 100)).enoughData());
    }

    @Test
    void significanceOfAnInterval() {
        assertTrue(new Interval(1.0, 0.5, 2.0).significant());
        assertTrue(new Interval(-1.0, -2.0, -0.1).significant());
        assertFalse(new Interval(0.1, -0.1, 0.3).significant());
        assertFalse(new Interval(0.1, 0.0, 0.3).significant(), "touching 0 is not beyond it");
        assertFalse(new Interval(0.1, null, null).significant());
    }
}
