package com.shopops.plugins.ads.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.ads.analysis.BudgetPace.State;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class BudgetPaceTest {

    /** April has 30 days; the 12th counted leaves 18. Budget 30,000.00: 1,000.00 a day. */
    private static final LocalDate APRIL_12 = LocalDate.of(2026, 4, 12);
    private static final long BUDGET = 3_000_000;

    @Test
    void onPaceByHand() {
        BudgetPace p = BudgetPace.of(APRIL_12, 1_200_000, BUDGET, 0.10);
        assertEquals(YearMonth.of(2026, 4), p.month());
        assertEquals(12, p.daysElapsed());
        assertEquals(30, p.daysInMonth());
        assertEquals(18, p.daysLeft());
        assertEquals(1_200_000, p.plannedSoFar());
        assertEquals(3_000_000, p.projected());
        assertEquals(100_000L, p.dailyToLand(), "18,000.00 left over 18 days");
        assertEquals(1.0, p.projectedShare(), 1e-12);
        assertEquals(State.ON_PACE, p.state());
        assertTrue(p.allowsRaise());
    }

    @Test
    void theToleranceEdgesAreOnPace() {
        // 1,320,000 over 12 days → 3,300,000 projected: exactly +10%
        assertEquals(State.ON_PACE, BudgetPace.of(APRIL_12, 1_320_000, BUDGET, 0.10).state());
        BudgetPace over = BudgetPace.of(APRIL_12, 1_320_001, BUDGET, 0.10);
        assertEquals(State.OVERSPEND, over.state());
        assertFalse(over.allowsRaise());
        assertEquals(3_300_003, over.projected(), "3,300,002.5 rounds half up");
        // 1,080,000 → 2,700,000 projected: exactly −10%
        assertEquals(State.ON_PACE, BudgetPace.of(APRIL_12, 1_080_000, BUDGET, 0.10).state());
        BudgetPace under = BudgetPace.of(APRIL_12, 1_079_999, BUDGET, 0.10);
        assertEquals(State.UNDERSPEND, under.state());
        assertTrue(under.allowsRaise());
        assertEquals(106_666L, under.dailyToLand(), "1,920,001 over 18 days, rounded down");
    }

    @Test
    void spentBeyondTheBudgetIsOverspendAndLeavesNothingPerDay() {
        BudgetPace p = BudgetPace.of(APRIL_12, 3_000_001, BUDGET, 0.10);
        assertEquals(State.OVERSPEND, p.state());
        assertEquals(0L, p.dailyToLand());
        // even with a tolerance so wide the projection alone would pass
        assertEquals(State.OVERSPEND, BudgetPace.of(LocalDate.of(2026, 4, 30), 3_000_001, BUDGET, 0.5).state());
    }

    @Test
    void monthLengthsAndTheLastDay() {
        // February 2028 has 29 days: 290.00 over 10 days projects 841.00
        BudgetPace leap = BudgetPace.of(LocalDate.of(2028, 2, 10), 29_000, 84_100L, 0.10);
        assertEquals(29, leap.daysInMonth());
        assertEquals(84_100, leap.projected());
        assertEquals(State.ON_PACE, leap.state());
        assertEquals(28, BudgetPace.of(LocalDate.of(2026, 2, 10), 0, 1L, 0.1).daysInMonth());
        BudgetPace last = BudgetPace.of(LocalDate.of(2026, 1, 31), 2_900_000, BUDGET, 0.10);
        assertEquals(0, last.daysLeft());
        assertEquals(2_900_000, last.projected());
        assertNull(last.dailyToLand(), "no day left to spend on");
        assertEquals(State.ON_PACE, last.state());
        // the first day alone: 0 spent projects 0, far under
        assertEquals(State.UNDERSPEND, BudgetPace.of(LocalDate.of(2026, 4, 1), 0, BUDGET, 0.10).state());
    }

    @Test
    void noBudgetOrAZeroBudget() {
        for (Long none : new Long[] {null, 0L}) {
            BudgetPace p = BudgetPace.of(APRIL_12, 1_200_000, none, 0.10);
            assertEquals(State.NO_BUDGET, p.state());
            assertNull(p.budget());
            assertNull(p.plannedSoFar());
            assertNull(p.dailyToLand());
            assertNull(p.projectedShare());
            assertEquals(3_000_000, p.projected(), "the projection needs no budget");
            assertTrue(p.allowsRaise());
        }
        AdSettings zero = AdSettings.fromSettings(java.util.Map.of(AdSettings.MONTHLY_BUDGET, "0"));
        assertEquals(State.NO_BUDGET, BudgetPace.of(APRIL_12, 5, zero).state());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BudgetPace.of(APRIL_12, -1, BUDGET, 0.1));
        assertThrows(IllegalArgumentException.class, () -> BudgetPace.of(APRIL_12, 1, BUDGET, 1.0));
        assertThrows(IllegalArgumentException.class, () -> BudgetPace.of(APRIL_12, 1, BUDGET, Double.NaN));
    }
}
