package com.shopops.plugins.ads.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalsTest {

    private static void assertInterval(double low, double high, Interval actual, double tolerance) {
        assertEquals(low, actual.low(), tolerance, "low of " + actual);
        assertEquals(high, actual.high(), tolerance, "high of " + actual);
    }

    @Test
    void normalQuantileAgainstTabulatedValues() {
        assertEquals(1.959963984540054, Intervals.normalQuantile(0.975), 1e-8);
        assertEquals(2.575829303548901, Intervals.normalQuantile(0.995), 1e-8);
        assertEquals(1.644853626951472, Intervals.normalQuantile(0.95), 1e-8);
        assertEquals(1.281551565544601, Intervals.normalQuantile(0.90), 1e-8);
        assertEquals(3.090232306167813, Intervals.normalQuantile(0.999), 1e-8);
        assertEquals(0.0, Intervals.normalQuantile(0.5), 1e-12);
        assertEquals(-2.326347874040841, Intervals.normalQuantile(0.01), 1e-8);
        assertEquals(-4.753424308822899, Intervals.normalQuantile(1e-6), 1e-7);
        assertEquals(1.959963984540054, Intervals.z(0.95), 1e-8);
        assertThrows(IllegalArgumentException.class, () -> Intervals.normalQuantile(0));
        assertThrows(IllegalArgumentException.class, () -> Intervals.normalQuantile(1));
        assertThrows(IllegalArgumentException.class, () -> Intervals.z(1.0));
        assertThrows(IllegalArgumentException.class, () -> Intervals.z(Double.NaN));
    }

    @Test
    void wilsonAgainstKnownValues() {
        assertInterval(0, 0.2775, Intervals.wilson(0, 10), 5e-5);
        assertInterval(0.2065, 1, Intervals.wilson(1, 1), 5e-5);
        assertInterval(0.2366, 0.7634, Intervals.wilson(5, 10), 5e-5);
        assertInterval(0.4038, 0.5962, Intervals.wilson(50, 100), 5e-5);
        assertNull(Intervals.wilson(0, 0), "0 of 0 says nothing");
    }

    @Test
    void wilsonAgainstNewcombesPublishedTable() {
        // R. G. Newcombe, Two-sided confidence intervals for the single proportion, Stat Med 1998;17:857-872,
        // Table II, method 3 (score interval without continuity correction), 95%
        assertInterval(0.2553, 0.3662, Intervals.wilson(81, 263), 5e-5);
        assertInterval(0.0624, 0.1605, Intervals.wilson(15, 148), 5e-5);
        assertInterval(0.0000, 0.1611, Intervals.wilson(0, 20), 5e-5);
        assertInterval(0.0061, 0.1718, Intervals.wilson(1, 29), 5e-5);
    }

    @Test
    void wilsonAtOtherConfidencesAndItsEdges() {
        assertInterval(0.184226, 0.815774, Intervals.wilson(5, 10, 0.99), 1e-6);
        assertInterval(0.269272, 0.730728, Intervals.wilson(5, 10, 0.90), 1e-6);
        Interval none = Intervals.wilson(0, 1000);
        assertEquals(0.0, none.low(), "0 of n starts exactly at 0");
        assertEquals(0.0038268, none.high(), 1e-7);
        assertEquals(1.0, Intervals.wilson(7, 7).high(), "n of n ends exactly at 1");
        assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(0, 0, 1.5), "a bad confidence is refused even without trials");
    }

    @Test
    void roiIntervalIsTheConversionIntervalTimesValuePerClickCost() {
        // 50 clicks cost 100.00, 5 orders worth 600.00 in all: ROI 6; conversion 5/50 = [0.0435, 0.2136]
        Interval conversion = Intervals.wilson(5, 50);
        Interval roi = Intervals.roi(50, 5, 10_000, 12_000, 0.95);
        // 50 clicks × 120.00 per order ÷ 100.00 = 60 × conversion
        assertEquals(conversion.low() * 60, roi.low(), 1e-9);
        assertEquals(conversion.high() * 60, roi.high(), 1e-9);
        assertEquals(2.609, roi.low(), 1e-3);
        assertEquals(12.817, roi.high(), 1e-3);
        assertTrue(roi.low() < 6 && 6 < roi.high(), "the observed ROI lies inside");
        assertNull(Intervals.roi(0, 0, 0, 12_000, 0.95), "no clicks");
        assertNull(Intervals.roi(10, 1, 0, 12_000, 0.95), "no cost: ROI has no meaning");
    }

    @Test
    void moreOrdersThanClicksCountAsEveryClickConverting() {
        // 2 clicks, 3 orders worth 300.00, cost 10.00: observed ROI 30 sits at the top of the interval
        Double value = Intervals.valuePerConversion(2, 3, 30_000);
        assertEquals(15_000, value, 1e-9);
        Interval roi = Intervals.roi(2, 3, 1_000, value, 0.95);
        assertEquals(30, roi.high(), 1e-9);
        assertNull(Intervals.valuePerConversion(10, 0, 0));
    }
}
