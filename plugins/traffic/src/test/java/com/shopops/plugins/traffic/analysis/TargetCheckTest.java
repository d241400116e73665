package com.shopops.plugins.traffic.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.domain.DayTarget;
import com.shopops.plugins.traffic.analysis.TargetCheck.Actual;
import com.shopops.plugins.traffic.analysis.TargetCheck.ForecastMethod;
import com.shopops.plugins.traffic.analysis.TargetCheck.Result;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetCheckTest {

    private static final YearMonth APRIL = YearMonth.of(2025, 4);

    /** April: 10,000.00 a day, except the 20th–30th (a campaign) at 30,000.00. Month: 19×10,000 + 11×30,000 = 520,000.00. */
    private static List<DayTarget> april() {
        List<DayTarget> days = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            long sales = d >= 20 ? 3_000_000 : 1_000_000;
            days.add(new DayTarget(APRIL.atDay(d), sales, 2_000L, 0.025, sales / 50, 50L));
        }
        return days;
    }

    @Test
    void theDayMonthToDateAndAForecastThatFollowsThePlan() {
        LocalDate day = APRIL.atDay(10);
        // Sold 900,000.00 on the 10th against 1,000,000.00; 9,000,000 so far against 10 × 1,000,000 = 10,000,000.
        Result r = TargetCheck.of(day, new Actual(900_000L, 1_800L, 0.025, 20_000L), 9_000_000L, april());

        assertEquals(1_000_000, r.day().target());
        assertEquals(-100_000, r.day().gap());
        assertEquals(-0.1, r.day().gapShare(), 1e-12);
        assertFalse(r.day().met());
        assertEquals(2_000, r.day().uvTarget());
        assertEquals(1_800, r.day().uv());
        assertEquals(0.025, r.day().conversionRateTarget());
        assertEquals(20_000, r.day().aovTarget());

        assertEquals(APRIL.atDay(1), r.monthToDate().from());
        assertEquals(10_000_000, r.monthToDate().target());
        assertEquals(-1_000_000, r.monthToDate().gap());
        assertEquals(-0.1, r.monthToDate().gapShare(), 1e-12);
        assertFalse(r.monthToDate().met());

        // 90% of plan so far → 90% of the month's 52,000,000 = 46,800,000 (a straight line would say 27,000,000).
        assertEquals(52_000_000, r.monthEnd().target());
        assertEquals(46_800_000, r.monthEnd().forecast());
        assertEquals(ForecastMethod.TARGET_WEIGHTS, r.monthEnd().method());
        assertEquals(-5_200_000, r.monthEnd().gap());
        assertEquals(-0.1, r.monthEnd().gapShare(), 1e-12);
        assertFalse(r.monthEnd().onTrack());
        assertEquals(20, r.monthEnd().daysLeft());
        assertEquals(9 * 1_000_000 + 11 * 3_000_000, r.monthEnd().remainingTarget());
        assertEquals(52_000_000 - 9_000_000, r.monthEnd().stillNeeded());
    }

    @Test
    void aheadOfPlanOnTheLastDay() {
        Result r = TargetCheck.of(APRIL.atDay(30), new Actual(3_100_000L, null, null, null), 53_000_000L, april());
        assertTrue(r.day().met());
        assertEquals(100_000, r.day().gap());
        assertEquals(53_000_000, r.monthEnd().forecast(), "the month is over: the forecast is what was sold");
        assertEquals(1_000_000, r.monthEnd().gap());
        assertTrue(r.monthEnd().onTrack());
        assertEquals(0, r.monthEnd().daysLeft());
        assertEquals(0, r.monthEnd().remainingTarget());
    }

    @Test
    void withoutTargetsTheForecastIsAStraightLine() {
        // No targets: 3,000.00 over 10 of 30 days → 9,000.00; nothing to compare with.
        Result r = TargetCheck.of(APRIL.atDay(10), new Actual(30_000L, null, null, null), 300_000L, List.of());
        assertNull(r.day().target());
        assertNull(r.day().gap());
        assertNull(r.day().met());
        assertNull(r.monthToDate().target());
        assertEquals(900_000, r.monthEnd().forecast());
        assertEquals(ForecastMethod.STRAIGHT_LINE, r.monthEnd().method());
        assertNull(r.monthEnd().target());
        assertNull(r.monthEnd().gap());
        assertNull(r.monthEnd().onTrack());
    }

    @Test
    void aMonthWithADayWithoutTargetHasNoMonthTarget() {
        List<DayTarget> days = new ArrayList<>(april());
        days.removeIf(d -> d.day().getDayOfMonth() == 25);
        Result r = TargetCheck.of(APRIL.atDay(10), new Actual(1L, null, null, null), 9_000_000L, days);
        assertEquals(10_000_000, r.monthToDate().target(), "the days so far all have one");
        assertNull(r.monthEnd().target());
        assertNull(r.monthEnd().remainingTarget());
        assertEquals(ForecastMethod.STRAIGHT_LINE, r.monthEnd().method());
        assertEquals(27_000_000, r.monthEnd().forecast());
    }

    @Test
    void unknownSalesAreNotZero() {
        Result r = TargetCheck.of(APRIL.atDay(10), new Actual(null, null, null, null), null, april());
        assertEquals(1_000_000, r.day().target());
        assertNull(r.day().sales());
        assertNull(r.day().gap());
        assertNull(r.day().met());
        assertNull(r.monthToDate().sales());
        assertNull(r.monthEnd().forecast());
        assertNull(r.monthEnd().method());
        assertNull(r.monthEnd().stillNeeded());
    }

    @Test
    void targetsOfOtherMonthsAreIgnored() {
        List<DayTarget> days = new ArrayList<>(april());
        days.add(new DayTarget(LocalDate.of(2025, 5, 1), 99L, null, null, null, null));
        Result r = TargetCheck.of(APRIL.atDay(30), new Actual(0L, null, null, null), 0L, days);
        assertEquals(52_000_000, r.monthEnd().target());
        assertEquals(0, r.monthEnd().forecast());
        assertEquals(-1.0, r.monthEnd().gapShare(), 1e-12);
    }
}
