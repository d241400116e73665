package com.shopops.plugins.members.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shopops.plugins.members.analysis.MemberSignals.Opportunity;
import com.shopops.plugins.members.analysis.RfmSummary.SegmentFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberSignalsTest {

    static CustomerSummary withRepeatRate(Double rate) {
        return new CustomerSummary(100, 10, 90, 150, 0, 1_000_000, 0, rate, 1.5, 12.0, 10_000L);
    }

    @Test
    void repeatRateChange() {
        assertEquals(0.05, MemberSignals.repeatRateChange(withRepeatRate(0.30), withRepeatRate(0.25)), 1e-12);
        assertEquals(-0.05, MemberSignals.repeatRateChange(withRepeatRate(0.25), withRepeatRate(0.30)), 1e-12);
        assertNull(MemberSignals.repeatRateChange(withRepeatRate(0.25), withRepeatRate(null)));
        assertNull(MemberSignals.repeatRateChange(withRepeatRate(null), withRepeatRate(0.25)));
    }

    static RfmSummary summary(Map<Segment, long[]> figures) {
        List<SegmentFigures> segments = new ArrayList<>();
        for (Segment s : Segment.values()) {
            long[] f = figures.getOrDefault(s, new long[2]);
            segments.add(new SegmentFigures(s, f[0], f[1]));
        }
        return new RfmSummary(RfmScoringTest.DEC_31, 0, segments, List.of());
    }

    @Test
    void opportunitiesByExpectedValue() {
        RfmSummary s = summary(Map.of(
                Segment.AT_RISK, new long[] {40, 1_000_001},        // 25,000.03 -> 25,000 each
                Segment.CANT_LOSE, new long[] {5, 2_000_000},       // 400,000 each
                Segment.NEED_ATTENTION, new long[] {2, 1_001},      // 500.5 -> 501 each (half up)
                Segment.CHAMPIONS, new long[] {100, 90_000_000}));  // not a win-back segment
        // ABOUT_TO_SLEEP has nobody, so no opportunity
        assertEquals(List.of(
                new Opportunity(Segment.CANT_LOSE, 5, 400_000, 200_000),   // 5 × 400,000 × 0.1
                new Opportunity(Segment.AT_RISK, 40, 25_000, 100_000),     // 40 × 25,000 × 0.1
                new Opportunity(Segment.NEED_ATTENTION, 2, 501, 100)),     // 2 × 501 × 0.1 = 100.2
                MemberSignals.opportunities(s, 0.1));
    }

    @Test
    void expectedValueRounds() {
        // 3 × 333 × 0.25 = 249.75 -> 250; about-to-sleep is found too
        RfmSummary s = summary(Map.of(Segment.ABOUT_TO_SLEEP, new long[] {3, 999}));
        assertEquals(List.of(new Opportunity(Segment.ABOUT_TO_SLEEP, 3, 333, 250)), MemberSignals.opportunities(s, 0.25));
        assertEquals(List.of(), MemberSignals.opportunities(summary(Map.of()), 0.25));
        assertThrows(IllegalArgumentException.class, () -> MemberSignals.opportunities(s, 1.5));
    }
}
