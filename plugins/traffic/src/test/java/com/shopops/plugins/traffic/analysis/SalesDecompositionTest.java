package com.shopops.plugins.traffic.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.traffic.analysis.SalesDecomposition.Method;
import com.shopops.plugins.traffic.analysis.SalesDecomposition.Result;
import com.shopops.plugins.traffic.analysis.SalesDecomposition.SourceEffect;
import com.shopops.plugins.traffic.analysis.SalesDecomposition.SourceVisitors;
import com.shopops.plugins.traffic.analysis.SalesDecomposition.Totals;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SalesDecompositionTest {

    private static Totals t(Long sales, Long buyers, Long uv) {
        return new Totals(sales, buyers, uv);
    }

    @Test
    void aCaseWorkedByHandWithTheLmdiFormula() {
        // Base: 1,000 visitors, 30 buyers, 3,000.00; now: 1,250 visitors, 35 buyers, 3,360.00.
        // L(336000, 300000) = 36000 / ln(1.12) = 317,660.0867
        // uv:         L × ln(1250/1000)                  =  70,883.80
        // conversion: L × ln((35/1250) / (30/1000))      = −21,916.28
        // aov:        L × ln((336000/35) / (300000/30))  = −12,967.52      (sum 36,000.00)
        // Rounded down 70,883 / −21,917 / −12,968 = 35,998; the 2 left go to the largest fractions (.80, .72).
        Result r = SalesDecomposition.of(t(336_000L, 35L, 1_250L), t(300_000L, 30L, 1_000L), List.of(
                new SourceVisitors("search", Channel.FREE, 800, 600),
                new SourceVisitors("paid", Channel.PAID, 250, 300),
                new SourceVisitors("direct", Channel.DIRECT, 200, 100)));
        assertEquals(Method.LMDI, r.method());
        assertEquals(36_000, r.salesChange());
        assertEquals(70_884, r.uvEffect());
        assertEquals(-21_916, r.conversionEffect());
        assertEquals(-12_968, r.aovEffect());
        assertEquals(70_884 - 21_916, r.buyersEffect());

        // The UV effect by source ∝ its change in visitors (of 250): search +200 → 56,707.04, paid −50 →
        // −14,176.76, direct +100 → 28,353.52; rounded down 56,707 / −14,177 / 28,353 = 70,883, the 1 left to
        // direct (.52). Sources in name order.
        assertEquals(List.of(
                new SourceEffect("direct", Channel.DIRECT, 200, 100, 100, 28_354, null),
                new SourceEffect("paid", Channel.PAID, 250, 300, -50, -14_177, null),
                new SourceEffect("search", Channel.FREE, 800, 600, 200, 56_707, null)), r.bySource());
        assertEquals(0, r.unattributedUvChange());
        assertEquals(0, r.unattributedEffect());
        assertEquals(List.of(new SalesDecomposition.ChannelEffect(Channel.FREE, 200, 56_707),
                new SalesDecomposition.ChannelEffect(Channel.PAID, -50, -14_177),
                new SalesDecomposition.ChannelEffect(Channel.DIRECT, 100, 28_354)), r.byChannel());
    }

    @Test
    void theEffectsMatchTheFormulaBeforeRounding() {
        long s0 = 1_234_567;
        long s1 = 987_654;
        long b0 = 321;
        long b1 = 290;
        long v0 = 15_000;
        long v1 = 14_100;
        double l = (s1 - s0) / (Math.log(s1) - Math.log(s0));
        double uv = l * Math.log((double) v1 / v0);
        double cr = l * Math.log(((double) b1 / v1) / ((double) b0 / v0));
        double aov = l * Math.log(((double) s1 / b1) / ((double) s0 / b0));
        Result r = SalesDecomposition.of(t(s1, b1, v1), t(s0, b0, v0), List.of());
        assertTrue(Math.abs(r.uvEffect() - uv) < 1, r + " vs " + uv);
        assertTrue(Math.abs(r.conversionEffect() - cr) < 1);
        assertTrue(Math.abs(r.aovEffect() - aov) < 1);
        assertEquals(s1 - s0, r.uvEffect() + r.conversionEffect() + r.aovEffect());
        // No sources: the whole UV effect is unattributed.
        assertEquals(r.uvEffect(), r.unattributedEffect());
    }

    @Test
    void partsAlwaysAddUpToTheMinorUnit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long v0 = random.nextLong(0, 100_000);
            long v1 = random.nextLong(0, 100_000);
            long b0 = v0 == 0 ? 0 : random.nextLong(0, v0 / 5 + 2);
            long b1 = v1 == 0 ? 0 : random.nextLong(0, v1 / 5 + 2);
            long s0 = b0 == 0 ? 0 : b0 * random.nextLong(1, 100_000);
            long s1 = b1 == 0 ? 0 : b1 * random.nextLong(1, 100_000);
            long a0 = random.nextLong(0, 40_000);
            long a1 = random.nextLong(0, 40_000);
            long c0 = random.nextLong(0, 40_000);
            long c1 = random.nextLong(0, 40_000);
            Result r = SalesDecomposition.of(t(s1, b1, v1), t(s0, b0, v0), List.of(
                    new SourceVisitors("a", Channel.FREE, a1, a0), new SourceVisitors("c", Channel.PAID, c1, c0)));
            String why = "case " + i + ": " + r;
            assertEquals(s1 - s0, r.salesChange(), why);
            assertEquals(r.salesChange(), r.uvEffect() + r.conversionEffect() + r.aovEffect(), why);
            assertEquals(r.uvEffect(), r.bySource().stream().mapToLong(SourceEffect::effect).sum() + r.unattributedEffect(), why);
            assertEquals(r.bySource().stream().mapToLong(SourceEffect::effect).sum(),
                    r.byChannel().stream().mapToLong(SalesDecomposition.ChannelEffect::effect).sum(), why);
            assertEquals(v1 - v0 - (a1 - a0) - (c1 - c0), r.unattributedUvChange(), why);
        }
    }

    @Test
    void identicalPeriodsGiveZeros() {
        Result r = SalesDecomposition.of(t(500_000L, 40L, 2_000L), t(500_000L, 40L, 2_000L),
                List.of(new SourceVisitors("search", Channel.FREE, 1_500, 1_500)));
        assertEquals(Method.NONE, r.method());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), List.of(r.salesChange(), r.uvEffect(), r.conversionEffect(), r.aovEffect(),
                r.bySource().get(0).effect()));
        assertEquals(0, r.unattributedEffect());

        Result empty = SalesDecomposition.of(t(0L, 0L, 0L), t(0L, 0L, 0L), List.of());
        assertEquals(List.of(0L, 0L, 0L, 0L), List.of(empty.salesChange(), empty.uvEffect(), empty.conversionEffect(),
                empty.aovEffect()));
    }

    @Test
    void sameSalesFromOtherFactorsGivesEffectsThatCancel() {
        // Twice the visitors at half the conversion: uv and conversion effects cancel, sales unchanged.
        Result r = SalesDecomposition.of(t(100_000L, 10L, 2_000L), t(100_000L, 10L, 1_000L), List.of());
        assertEquals(0, r.salesChange());
        // L(S, S) = S = 100,000; ln 2 × 100,000 = 69,314.72
        assertEquals(69_315, r.uvEffect());
        assertEquals(-69_315, r.conversionEffect());
        assertEquals(0, r.aovEffect());
    }

    @Test
    void noBuyersInTheBasePeriodPutsTheWholeChangeOnConversion() {
        // Base: visitors but no sale: conversion 0, AOV undefined (taken as now's). ln(0) is undefined; the limit
        // of LMDI-I as the base conversion goes to 0 gives the whole change to conversion.
        Result r = SalesDecomposition.of(t(50_000L, 5L, 1_000L), t(0L, 0L, 800L), List.of());
        assertEquals(Method.ZERO_LIMIT, r.method());
        assertEquals(50_000, r.salesChange());
        assertEquals(0, r.uvEffect());
        assertEquals(50_000, r.conversionEffect());
        assertEquals(0, r.aovEffect());
    }

    @Test
    void noVisitorsInOnePeriodPutsTheWholeChangeOnVisitors() {
        Result r = SalesDecomposition.of(t(0L, 0L, 0L), t(80_000L, 4L, 900L),
                List.of(new SourceVisitors("search", Channel.FREE, 0, 600), new SourceVisitors("paid", Channel.PAID, 0, 300)));
        assertEquals(Method.ZERO_LIMIT, r.method());
        assertEquals(-80_000, r.uvEffect());
        assertEquals(0, r.conversionEffect());
        assertEquals(0, r.aovEffect());
        // By source ∝ visitors lost: 600 of 900 and 300 of 900.
        assertEquals(-53_333, r.bySource().get(1).effect());
        assertEquals(-26_667, r.bySource().get(0).effect());
    }

    @Test
    void ordersOfZeroValueMakeAovTheFactorThatMoved() {
        Result r = SalesDecomposition.of(t(0L, 3L, 300L), t(9_000L, 3L, 300L), List.of());
        assertEquals(Method.ZERO_LIMIT, r.method());
        assertEquals(List.of(0L, 0L, -9_000L), List.of(r.uvEffect(), r.conversionEffect(), r.aovEffect()));
    }

    @Test
    void unknownVisitorsSplitOnlyIntoBuyersAndAov() {
        // 20 → 25 buyers, AOV 1,000.00 → 960.00: L(2,400,000, 2,000,000) = 400,000 / ln 1.2 = 2,193,925.98
        // buyers: L × ln 1.25 = 489,560.43; aov: L × ln 0.96 = −89,560.43
        Result r = SalesDecomposition.of(t(2_400_000L, 25L, null), t(2_000_000L, 20L, 1_000L), List.of());
        assertEquals(Method.WITHOUT_UV, r.method());
        assertNull(r.uvEffect());
        assertNull(r.conversionEffect());
        assertEquals(489_560, r.buyersEffect());
        assertEquals(-89_560, r.aovEffect());
        assertEquals(400_000, r.buyersEffect() + r.aovEffect());
        assertEquals(List.of(), r.bySource());
    }

    @Test
    void unknownSalesSplitNothing() {
        Result r = SalesDecomposition.of(t(100L, 1L, 10L), t(null, null, 10L), List.of());
        assertEquals(Method.NONE, r.method());
        assertNull(r.salesChange());
        assertNull(r.uvEffect());
        assertNull(r.conversionEffect());
        assertNull(r.aovEffect());
        assertNull(r.buyersEffect());
    }

    @Test
    void sourcesThatDoNotAddUpToTheTotalLeaveAnUnattributedPart() {
        // The total grows by 200 visitors, the one source row by 100: half the UV effect is unattributed.
        Result r = SalesDecomposition.of(t(120_000L, 12L, 1_200L), t(100_000L, 10L, 1_000L),
                List.of(new SourceVisitors("search", Channel.FREE, 700, 600)));
        // Conversion and AOV unchanged: the whole change is the UV effect.
        assertEquals(20_000, r.uvEffect());
        assertEquals(0, r.conversionEffect());
        assertEquals(0, r.aovEffect());
        assertEquals(10_000, r.bySource().get(0).effect());
        assertEquals(100, r.unattributedUvChange());
        assertEquals(10_000, r.unattributedEffect());
    }

    @Test
    void sourcesMovingWhileTheTotalStaysGetOpposingEffects() {
        // Same 1,000 visitors, 200 moved from search to paid; sales rose through conversion alone.
        Result r = SalesDecomposition.of(t(110_000L, 11L, 1_000L), t(100_000L, 10L, 1_000L), List.of(
                new SourceVisitors("search", Channel.FREE, 400, 600), new SourceVisitors("paid", Channel.PAID, 600, 400)));
        assertEquals(0, r.uvEffect());
        assertEquals(10_000, r.conversionEffect());
        // L(110000, 100000) / 1000 × ±200 = ±20,983.61: visible shifts that cancel.
        long paid = r.bySource().get(0).effect();
        long search = r.bySource().get(1).effect();
        assertEquals(0, paid + search + r.unattributedEffect());
        assertTrue(Math.abs(paid - 20_984) <= 1, "paid " + paid);
    }

    @Test
    void roundingSplitsExactlyAndDeterministically() {
        assertArrayEquals(new long[] {1, 1, 1}, SalesDecomposition.split(new double[] {1, 1, 1}, 3));
        assertArrayEquals(new long[] {2, 1, 0}, SalesDecomposition.split(new double[] {1.5, 1.5, 0}, 3), "ties: the first part");
        // −1, −1, 1 rounded down (sum −1); the unit goes to the largest fraction (−0.6 → .4).
        assertArrayEquals(new long[] {0, -1, 1}, SalesDecomposition.split(new double[] {-0.6, -0.7, 1.3}, 0));
        // Parts whose real sum is off by more than rounding: the difference is spread too.
        assertArrayEquals(new long[] {4, 3, 3}, SalesDecomposition.split(new double[] {1, 1, 1}, 10));
        assertArrayEquals(new long[] {0, 0, 1}, SalesDecomposition.split(new double[] {1, 1, 1}, 1));
        assertEquals(0, SalesDecomposition.split(new double[0], 0).length);
    }

    @Test
    void theLogarithmicMean() {
        assertEquals(5, SalesDecomposition.logMean(5, 5));
        assertEquals(1 / Math.log(2), SalesDecomposition.logMean(2, 1), 1e-12);
        assertEquals(SalesDecomposition.logMean(2, 1), SalesDecomposition.logMean(1, 2), 1e-12);
        assertEquals(0, SalesDecomposition.logMean(0, 3));
    }
}
