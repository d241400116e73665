package com.shopops.plugins.members.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shopops.plugins.members.analysis.RfmSummary.GridCell;
import com.shopops.plugins.members.analysis.RfmSummary.SegmentFigures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfmSummaryTest {

    @Test
    void theFiveCustomersBySegmentAndCell() {
        // RfmScoringTest's five: champions R5F5 50,000; need-attention R3F3 8,000; about-to-sleep R3F1 8,000;
        // lost R1F1 120,000; at-risk R2F4 1,000. A second champion is added by hand: R5F4, 30,000.
        List<RfmScore> scores = new ArrayList<>(RfmScoring.score(RfmScoringTest.five(), RfmScoringTest.DEC_31));
        scores.add(new RfmScore(9, "c9", 1, 4, 30_000, 5, 4, 3, Segment.CHAMPIONS));
        RfmSummary s = RfmSummary.of(RfmScoringTest.DEC_31, scores);

        assertEquals(RfmScoringTest.DEC_31, s.date());
        assertEquals(6, s.customers());
        assertEquals(List.of(
                new SegmentFigures(Segment.CHAMPIONS, 2, 80_000),
                new SegmentFigures(Segment.LOYAL, 0, 0),
                new SegmentFigures(Segment.POTENTIAL_LOYAL, 0, 0),
                new SegmentFigures(Segment.NEW, 0, 0),
                new SegmentFigures(Segment.PROMISING, 0, 0),
                new SegmentFigures(Segment.NEED_ATTENTION, 1, 8_000),
                new SegmentFigures(Segment.ABOUT_TO_SLEEP, 1, 8_000),
                new SegmentFigures(Segment.AT_RISK, 1, 1_000),
                new SegmentFigures(Segment.CANT_LOSE, 0, 0),
                new SegmentFigures(Segment.HIBERNATING, 0, 0),
                new SegmentFigures(Segment.LOST, 1, 120_000)), s.segments());

        assertEquals(25, s.grid().size());
        for (int i = 0; i < 25; i++) {
            GridCell c = s.grid().get(i);
            assertEquals(i / 5 + 1, c.r(), "R 1..5 on the outside");
            assertEquals(i % 5 + 1, c.f(), "F 1..5 inside");
        }
        assertEquals(new GridCell(1, 1, 1, 120_000), s.grid().get(0));
        assertEquals(new GridCell(2, 4, 1, 1_000), s.grid().get(8));
        assertEquals(new GridCell(3, 1, 1, 8_000), s.grid().get(10));
        assertEquals(new GridCell(3, 3, 1, 8_000), s.grid().get(12));
        assertEquals(new GridCell(5, 4, 1, 30_000), s.grid().get(23));
        assertEquals(new GridCell(5, 5, 1, 50_000), s.grid().get(24));
        assertEquals(6, s.grid().stream().mapToLong(GridCell::customers).sum(), "the other 19 cells are empty");
        assertEquals(new SegmentFigures(Segment.LOST, 1, 120_000), s.segment(Segment.LOST));
    }

    @Test
    void nobodyScoredStillListsEverything() {
        RfmSummary s = RfmSummary.of(RfmScoringTest.DEC_31, List.of());
        assertEquals(0, s.customers());
        assertEquals(11, s.segments().size());
        assertEquals(25, s.grid().size());
        assertEquals(0, s.segments().stream().mapToLong(SegmentFigures::customers).sum());
    }

    /** The columnar summary equals the one made from scored customers, on random rows with many ties. */
    @Test
    void fromColumnsTheSameAsFromScores() {
        java.util.Random random = new java.util.Random(11);
        List<com.shopops.api.data.CustomerOrders> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            java.time.LocalDate last = RfmScoringTest.DEC_31.minusDays(random.nextInt(400));
            rows.add(new com.shopops.api.data.CustomerOrders(i, "c" + i, last, last, last, 1 + random.nextInt(random.nextBoolean() ? 2 : 30),
                    100L * random.nextInt(5_000)));
        }
        long[] last = new long[rows.size()], orders = new long[rows.size()], revenue = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            last[i] = rows.get(i).lastOrder().toEpochDay();
            orders[i] = rows.get(i).orders();
            revenue[i] = rows.get(i).revenue();
        }
        RfmSummary fromScores = RfmSummary.of(RfmScoringTest.DEC_31, RfmScoring.score(rows, RfmScoringTest.DEC_31));
        assertEquals(fromScores, RfmSummary.of(RfmScoringTest.DEC_31, last, orders, revenue));
        org.junit.jupiter.api.Assertions.assertTrue(fromScores.segments().stream().filter(x -> x.customers() > 0).count() >= 5,
                "the rows spread over several segments");
    }
}
