package com.shopops.plugins.members.analysis;

import static com.shopops.plugins.members.analysis.Segment.AT_RISK;
import static com.shopops.plugins.members.analysis.Segment.CHAMPIONS;
import static com.shopops.plugins.members.analysis.Segment.HIBERNATING;
import static com.shopops.plugins.members.analysis.Segment.LOST;
import static com.shopops.plugins.members.analysis.Segment.LOYAL;
import static com.shopops.plugins.members.analysis.Segment.NEW;
import static com.shopops.plugins.members.analysis.Segment.POTENTIAL_LOYAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.members.analysis.SegmentMovement.Move;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentMovementTest {

    @Test
    void movesCountedAndSorted() {
        Map<Long, Segment> before = Map.of(1L, CHAMPIONS, 2L, CHAMPIONS, 3L, LOYAL, 4L, NEW, 5L, LOYAL,
                6L, AT_RISK, 7L, LOST, 9L, LOYAL);
        // 5 stayed loyal; 7 is not scored now; 8 is new since
        Map<Long, Segment> after = Map.of(1L, AT_RISK, 2L, AT_RISK, 3L, HIBERNATING, 4L, POTENTIAL_LOYAL, 5L, LOYAL,
                6L, CHAMPIONS, 8L, NEW, 9L, LOST);
        List<Move> moves = SegmentMovement.between(before, after);
        assertEquals(List.of(
                new Move(CHAMPIONS, AT_RISK, 2),
                // the ones by from in enum order, then by to: hibernating comes before lost
                new Move(LOYAL, HIBERNATING, 1),
                new Move(LOYAL, LOST, 1),
                new Move(NEW, POTENTIAL_LOYAL, 1),
                new Move(AT_RISK, CHAMPIONS, 1)), moves);
        // champions -> at risk (2) and loyal -> hibernating, lost (1 + 1); at risk -> champions is a win
        assertEquals(4, SegmentMovement.slipped(moves));
    }

    @Test
    void nobodyMoved() {
        assertTrue(SegmentMovement.between(Map.of(1L, LOYAL), Map.of(1L, LOYAL, 2L, LOST)).isEmpty());
        assertEquals(0, SegmentMovement.slipped(List.of()));
    }
}
