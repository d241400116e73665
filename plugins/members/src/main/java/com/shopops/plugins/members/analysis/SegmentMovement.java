package com.shopops.plugins.members.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How customers moved between segments from one scoring to the next (分层流转), e.g. last month's
 * champions who are at risk now.
 */
public final class SegmentMovement {

    private SegmentMovement() {
    }

    /**
     * Customers who moved from one segment to another.
     *
     * @param from      their segment before
     * @param to        their segment after, never {@code from}
     * @param customers how many
     */
    public record Move(Segment from, Segment to, long customers) {
    }

    /**
     * The moves between two scorings, by customer id. A customer in only one of them (new since, or not
     * scored now) did not move and is left out, as is one whose segment stayed. Sorted by customers, most
     * first, then by from and to in {@link Segment} order.
     */
    public static List<Move> between(Map<Long, Segment> before, Map<Long, Segment> after) {
        int k = Segment.values().length;
        long[][] counts = new long[k][k];
        for (Map.Entry<Long, Segment> e : before.entrySet()) {
            Segment now = after.get(e.getKey());
            if (now != null && e.getValue() != null && now != e.getValue()) {
                counts[e.getValue().ordinal()][now.ordinal()]++;
            }
        }
        List<Move> moves = new ArrayList<>();
        for (Segment from : Segment.values()) {
            for (Segment to : Segment.values()) {
                long n = counts[from.ordinal()][to.ordinal()];
                if (n > 0) {
                    moves.add(new Move(from, to, n));
                }
            }
        }
        moves.sort(Comparator.comparingLong(Move::customers).reversed()
                .thenComparing(Move::from).thenComparing(Move::to));
        return moves;
    }

    /** Customers who moved from a {@link Segment#valuable() valuable} segment to a {@link Segment#slipping() slipping} one. */
    public static long slipped(List<Move> moves) {
        long n = 0;
        for (Move m : moves) {
            if (m.from().valuable() && m.to().slipping()) {
                n += m.customers();
            }
        }
        return n;
    }
}
