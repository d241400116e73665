package com.shopops.platform.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.domain.DayTarget;
import com.shopops.platform.targets.TargetPlan.Baselines;
import com.shopops.platform.targets.TargetPlan.Basis;
import com.shopops.platform.targets.TargetPlan.MonthTarget;
import com.shopops.platform.targets.TargetPlan.SalesHistory;
import com.shopops.platform.targets.TargetPlan.WeekTarget;
import com.shopops.platform.targets.TargetPlan.YearTargets;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The target breakdown on small hand-checked data: exact sums in minor units, weights, leap years, UV × CR × AOV. */
class TargetPlanTest {

    private static final Baselines BASE = new Baselines(0.031, 8_900L);

    @Test
    void apportionGivesTheLeftoverUnitsToTheLargestRemainders() {
        // 1,000,000,007 × (1, 2, 3, 4) / 10 = 100000000.7, 200000001.4, 300000002.1, 400000002.8: the floors leave 2
        // units, which go to .8 and .7.
        assertArrayEquals(new long[] {100_000_001, 200_000_001, 300_000_002, 400_000_003},
                TargetPlan.apportion(1_000_000_007L, new long[] {1, 2, 3, 4}));
        // One unit over three equal weights: the earliest gets it.
        assertArrayEquals(new long[] {1, 0, 0}, TargetPlan.apportion(1, new long[] {5, 5, 5}));
        // All-zero weights count as equal; a zero weight among others gets nothing.
        assertArrayEquals(new long[] {4, 3, 3}, TargetPlan.apportion(10, new long[] {0, 0, 0}));
        assertArrayEquals(new long[] {0, 10}, TargetPlan.apportion(10, new long[] {0, 7}));
        assertArrayEquals(new long[] {0, 0}, TargetPlan.apportion(0, new long[] {1, 1}));
        // Weights whose product with the total does not fit in a long.
        long big = Long.MAX_VALUE / 2;
        long[] shares = TargetPlan.apportion(TargetPlan.MAX_SALES, new long[] {big, big, 1});
        assertEquals(TargetPlan.MAX_SALES, shares[0] + shares[1] + shares[2]);
        assertThrows(IllegalArgumentException.class, () -> TargetPlan.apportion(-1, new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> TargetPlan.apportion(1, new long[] {1, -1}));
    }

    @ParameterizedTest
    @ValueSource(longs = {1_000_000_007L, 1L, 0L, 364L, 365L, 366L, 123_456_789_012L, TargetPlan.MAX_SALES})
    void everyLevelAddsUpExactly(long sales) {
        for (int year : new int[] {2025, 2024}) {
            for (SalesHistory history : List.of(SalesHistory.none(), uneven(year - 1))) {
                YearTargets plan = TargetPlan.year(year, sales, history, BASE);
                assertEquals(sales, plan.sales());
                assertEquals(sales, plan.months().stream().mapToLong(MonthTarget::sales).sum(), "months = year");
                assertEquals(sales, plan.weeks().stream().mapToLong(WeekTarget::sales).sum(), "weeks = year");
                assertEquals(sales, plan.days().stream().mapToLong(DayTarget::sales).sum(), "days = year");
                assertEquals(java.time.Year.of(year).length(), plan.days().size());
                for (MonthTarget m : plan.months()) {
                    long days = plan.days().stream().filter(d -> YearMonth.from(d.day()).equals(m.month()))
                            .mapToLong(DayTarget::sales).sum();
                    assertEquals(m.sales(), days, "days = month " + m.month());
                }
                for (WeekTarget w : plan.weeks()) {
                    long days = plan.days().stream().filter(d -> !d.day().isBefore(w.from()) && !d.day().isAfter(w.to()))
                            .mapToLong(DayTarget::sales).sum();
                    assertEquals(w.sales(), days, "days = week " + w.week());
                }
            }
        }
    }

    @Test
    void aFlatYearGivesEveryDayTheSameToOneFen() {
        YearTargets plan = TargetPlan.year(2025, 1_000_000_007L, SalesHistory.none(), BASE);
        assertEquals(Basis.FLAT, plan.basis());
        // 1,000,000,007 = 365 × 2,739,726 + 17: 17 days get one fen more.
        Map<Long, Long> values = plan.days().stream().collect(Collectors.groupingBy(DayTarget::sales, Collectors.counting()));
        assertEquals(Map.of(2_739_726L, 348L, 2_739_727L, 17L), values);
        // Months: 31 × 2,739,726 + 31 × 17 / 365 = 84,931,506 + 1.444: floors leave 7 × .444 + 4 × .397 + .304 = 5
        // units, which go to the first five 31-day months (.444 the largest remainder).
        assertEquals(84_931_508L, plan.months().get(0).sales());
        assertEquals(84_931_508L, plan.months().get(7).sales());
        assertEquals(84_931_507L, plan.months().get(9).sales());
        assertEquals(82_191_781L, plan.months().get(3).sales());
    }

    @Test
    void oneFenGoesToTheFirstDayOfTheFirstLongestMonth() {
        YearTargets plan = TargetPlan.year(2025, 1, SalesHistory.none(), BASE);
        assertEquals(1, plan.months().get(0).sales());
        assertEquals(LocalDate.of(2025, 1, 1), plan.days().stream().filter(d -> d.sales() == 1).findFirst().orElseThrow().day());
        assertEquals(1, plan.days().stream().filter(d -> d.sales() > 0).count());
    }

    @Test
    void monthsAndDaysFollowLastYearsSales() {
        // 2024: 100 fen a day, December 400 a day. 2025's days weigh the same dates of 2024 (29 Feb 2024 is no
        // day of 2025): 334 × 100 + 31 × 400 = 45,800; a target of 458,000,000 is 1,000,000 per 100.
        Map<LocalDate, Long> daily = new HashMap<>();
        for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() == 2024; d = d.plusDays(1)) {
            daily.put(d, d.getMonth() == Month.DECEMBER ? 400L : 100L);
        }
        YearTargets plan = TargetPlan.year(2025, 458_000_000L, SalesHistory.of(daily), BASE);
        assertEquals(Basis.LAST_YEAR, plan.basis());
        assertEquals(31_000_000L, plan.months().get(0).sales());
        assertEquals(28_000_000L, plan.months().get(1).sales());
        assertEquals(30_000_000L, plan.months().get(10).sales());
        assertEquals(124_000_000L, plan.months().get(11).sales());
        assertEquals(4_000_000L, day(plan, 2025, 12, 24).sales());
        assertEquals(1_000_000L, day(plan, 2025, 3, 1).sales());
    }

    @Test
    void daysWithoutHistoryWeighTheAverageKnownDay() {
        // Known only from 1 Nov to 31 Dec 2024: November 100 a day, December 300. The 61 known days average
        // 12,300 / 61; the other 304 days weigh that much each. In whole numbers (× 61): known days 6,100 and
        // 18,300, unknown days 12,300; the year 304 × 12,300 + 30 × 6,100 + 31 × 18,300 = 4,489,500.
        Map<LocalDate, Long> daily = new HashMap<>();
        for (LocalDate d = LocalDate.of(2024, 11, 1); d.getYear() == 2024; d = d.plusDays(1)) {
            daily.put(d, d.getMonth() == Month.NOVEMBER ? 100L : 300L);
        }
        YearTargets plan = TargetPlan.year(2025, 448_950_000L, SalesHistory.of(daily), BASE);
        assertEquals(38_130_000L, plan.months().get(0).sales(), "a month without history: 31 average days");
        assertEquals(18_300_000L, plan.months().get(10).sales());
        assertEquals(56_730_000L, plan.months().get(11).sales());
        assertEquals(1_230_000L, day(plan, 2025, 6, 15).sales());
        assertEquals(610_000L, day(plan, 2025, 11, 2).sales());
        assertEquals(1_830_000L, day(plan, 2025, 12, 2).sales());
        // Known days in between that sold nothing weigh nothing.
        Map<LocalDate, Long> gap = new HashMap<>(daily);
        gap.remove(LocalDate.of(2024, 12, 10));
        assertEquals(0, day(TargetPlan.year(2025, 448_950_000L, SalesHistory.of(gap), BASE), 2025, 12, 10).sales());
    }

    @Test
    void aLeapYearHas366DaysAnd29FebruaryFollows28FebruaryOfLastYear() {
        // 2023: 100 a day, 28 Feb 1,000. 2024's 28 and 29 February both weigh 1,000: 364 × 100 + 2 × 1,000 = 38,400.
        Map<LocalDate, Long> daily = new HashMap<>();
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.getYear() == 2023; d = d.plusDays(1)) {
            daily.put(d, d.equals(LocalDate.of(2023, 2, 28)) ? 1_000L : 100L);
        }
        YearTargets plan = TargetPlan.year(2024, 38_400_000L, SalesHistory.of(daily), BASE);
        assertEquals(366, plan.days().size());
        assertEquals(1_000_000L, day(plan, 2024, 2, 28).sales());
        assertEquals(1_000_000L, day(plan, 2024, 2, 29).sales());
        assertEquals(100_000L, day(plan, 2024, 3, 1).sales());
        assertEquals(27 * 100_000L + 2 * 1_000_000L, plan.months().get(1).sales());

        // A flat leap year: 366 days, February 29 days.
        YearTargets flat = TargetPlan.year(2024, 366_000L, SalesHistory.none(), BASE);
        assertTrue(flat.days().stream().allMatch(d -> d.sales() == 1_000L));
        assertEquals(29_000L, flat.months().get(1).sales());

        // 29 February of last year is no day of this year: sales on that day alone give no curve.
        SalesHistory onlyLeapDay = new SalesHistory(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                Map.of(LocalDate.of(2024, 2, 29), 5_000L));
        assertEquals(Basis.FLAT, TargetPlan.year(2025, 365L, onlyLeapDay, BASE).basis());
    }

    @Test
    void eachDaysVisitorsConversionAndAovGiveItsSalesBack() {
        // 0.031 × 8,900 = 275.9 fen per visitor; 1,000,000 / 275.9 = 3,624.5 → 3,625 visitors;
        // conversion 1,000,000 / (3,625 × 8,900) = 0.030996…; orders ⌈1,000,000 / 8,900⌉ = ⌈112.36⌉ = 113.
        DayTarget d = TargetPlan.day(LocalDate.of(2025, 3, 1), 1_000_000L, BASE);
        assertEquals(3_625L, d.uv());
        assertEquals(8_900L, d.aov());
        assertEquals(113L, d.orders());
        assertEquals(1_000_000.0 / (3_625.0 * 8_900.0), d.conversionRate(), 1e-15);
        // Whole figures stay whole: 0.02 × 5,000 = 100 fen a visitor, 1,000,000 → exactly 10,000 visitors at 0.02.
        DayTarget exact = TargetPlan.day(LocalDate.of(2025, 3, 1), 1_000_000L, new Baselines(0.02, 5_000L));
        assertEquals(10_000L, exact.uv());
        assertEquals(0.02, exact.conversionRate());

        YearTargets plan = TargetPlan.year(2025, 1_000_000_007L, uneven(2024), BASE);
        for (DayTarget day : plan.days()) {
            double back = day.uv() * day.conversionRate() * day.aov();
            assertEquals(day.sales(), back, day.sales() * 1e-12 + 1e-9, "UV × CR × AOV on " + day.day());
            assertTrue(day.conversionRate() <= BASE.conversionRate(), "never a harder rate than the baseline");
            assertTrue((day.uv() - 1) * BASE.conversionRate() * day.aov() < day.sales(), "not one visitor more than needed");
            assertTrue(day.orders() * day.aov() >= day.sales() && (day.orders() - 1) * day.aov() < day.sales());
        }
        MonthTarget march = plan.months().get(2);
        assertEquals(march.sales(), march.uv() * march.conversionRate() * march.aov(), 1e-3);
        assertEquals(8_900L, march.aov());
    }

    @Test
    void unknownBaselinesAreLeftUnknown() {
        DayTarget noRate = TargetPlan.day(LocalDate.of(2025, 3, 1), 1_000_000L, new Baselines(null, 8_900L));
        assertNull(noRate.uv());
        assertNull(noRate.conversionRate());
        assertEquals(8_900L, noRate.aov());
        assertEquals(113L, noRate.orders());
        DayTarget nothing = TargetPlan.day(LocalDate.of(2025, 3, 1), 1_000_000L, Baselines.UNKNOWN);
        assertEquals(new DayTarget(LocalDate.of(2025, 3, 1), 1_000_000L, null, null, null, null), nothing);
        DayTarget zero = TargetPlan.day(LocalDate.of(2025, 3, 1), 0, BASE);
        assertEquals(0L, zero.uv());
        assertEquals(0L, zero.orders());
        YearTargets plan = TargetPlan.year(2025, 1_000L, SalesHistory.none(), Baselines.UNKNOWN);
        assertNull(plan.months().get(0).uv());
        assertNull(plan.weeks().get(0).conversionRate());
    }

    @Test
    void weeksRunMondayToSundayCutAtTheYearsEnds() {
        // 1 January 2025 is a Wednesday (ISO week 1 of 2025); 29–31 December 2025 are ISO week 1 of 2026.
        YearTargets plan = TargetPlan.year(2025, 365_000L, SalesHistory.none(), BASE);
        WeekTarget first = plan.weeks().get(0);
        assertEquals(new WeekTarget("2025-W01", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 5), 5_000L,
                first.uv(), first.conversionRate(), 8_900L, first.orders()), first);
        WeekTarget last = plan.weeks().get(plan.weeks().size() - 1);
        assertEquals("2026-W01", last.week());
        assertEquals(LocalDate.of(2025, 12, 29), last.from());
        assertEquals(3_000L, last.sales());
        assertEquals(53, plan.weeks().size()); // 5 days + 51 weeks + 3 days
        assertTrue(plan.weeks().subList(1, 52).stream().allMatch(w -> w.sales() == 7_000L && w.from().getDayOfWeek() == java.time.DayOfWeek.MONDAY));
    }

    @Test
    void oneMonthOnItsOwnKeepsItsShapeFromTheYear() {
        Map<LocalDate, Long> daily = new HashMap<>();
        for (LocalDate d = LocalDate.of(2024, 11, 1); d.getYear() == 2024; d = d.plusDays(1)) {
            daily.put(d, d.getDayOfMonth() == 11 ? 500L : 100L);
        }
        List<DayTarget> november = TargetPlan.month(YearMonth.of(2025, 11), 3_400_001L, SalesHistory.of(daily), BASE);
        assertEquals(30, november.size());
        assertEquals(3_400_001L, november.stream().mapToLong(DayTarget::sales).sum());
        // 29 days × 100 + 500 = 3,400: 11 November weighs five days; the leftover fen goes to it (remainder .147 against .029).
        assertEquals(500_001L, november.get(10).sales());
        assertEquals(100_000L, november.get(0).sales());
        // A month with history but no sales spreads evenly.
        Map<LocalDate, Long> none = Map.of(LocalDate.of(2024, 12, 31), 100L);
        List<DayTarget> quiet = TargetPlan.month(YearMonth.of(2025, 2), 28L, new SalesHistory(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), none), BASE);
        assertTrue(quiet.stream().allMatch(d -> d.sales() == 1));
        assertArrayEquals(new long[] {2, 2, 1, 1}, java.util.Arrays.copyOf(TargetPlan.flat(YearMonth.of(2025, 2), 30), 4));
    }

    @Test
    void badTargetsAndBaselinesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TargetPlan.year(2025, -1, SalesHistory.none(), BASE));
        assertThrows(IllegalArgumentException.class, () -> TargetPlan.year(2025, TargetPlan.MAX_SALES + 1, SalesHistory.none(), BASE));
        assertThrows(IllegalArgumentException.class, () -> new Baselines(0.0, 100L));
        assertThrows(IllegalArgumentException.class, () -> new Baselines(1.5, 100L));
        assertThrows(IllegalArgumentException.class, () -> new Baselines(Double.NaN, 100L));
        assertThrows(IllegalArgumentException.class, () -> new Baselines(0.03, 0L));
        assertThrows(IllegalArgumentException.class, () -> new SalesHistory(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1), Map.of()));
        Map<LocalDate, Long> negative = Map.of(LocalDate.of(2024, 5, 1), -5L);
        assertThrows(IllegalArgumentException.class, () -> TargetPlan.year(2025, 100, SalesHistory.of(negative), BASE));
        // The largest target with the smallest rate and AOV still counts its visitors in a long.
        YearTargets extreme = TargetPlan.year(2025, TargetPlan.MAX_SALES, SalesHistory.none(),
                new Baselines(TargetPlan.MIN_CONVERSION_RATE, 1L));
        assertFalse(extreme.days().isEmpty());
    }

    /** A year of history with weekly and seasonal ups and downs. */
    private static SalesHistory uneven(int year) {
        Map<LocalDate, Long> daily = new HashMap<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            daily.put(d, 1_000L + 37L * d.getDayOfWeek().getValue() + 113L * d.getMonthValue() + (d.getDayOfYear() % 7 == 0 ? 0 : 5));
        }
        return SalesHistory.of(daily);
    }

    private static DayTarget day(YearTargets plan, int y, int m, int d) {
        LocalDate day = LocalDate.of(y, m, d);
        return plan.days().stream().filter(t -> t.day().equals(day)).findFirst().orElseThrow();
    }
}
