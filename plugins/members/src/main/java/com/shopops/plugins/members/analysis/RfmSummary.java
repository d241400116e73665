package com.shopops.plugins.members.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The shop's customers by RFM segment and on the R × F grid as of a day: how many, and what they spent.
 * Every segment and every cell is listed, empty ones with zeros, so screens and exports keep their shape.
 *
 * @param date      the day scored
 * @param customers customers scored
 * @param segments  all 11 segments, in {@link Segment} order
 * @param grid      all 25 cells, R 1 to 5, and within each F 1 to 5
 */
public record RfmSummary(LocalDate date, long customers, List<SegmentFigures> segments, List<GridCell> grid) {

    public RfmSummary {
        segments = List.copyOf(segments);
        grid = List.copyOf(grid);
    }

    /**
     * One segment's customers.
     *
     * @param segment   the segment
     * @param customers its customers
     * @param revenue   their monetary values summed, minor units
     */
    public record SegmentFigures(Segment segment, long customers, long revenue) {
    }

    /**
     * One cell of the R × F grid.
     *
     * @param r         the recency score, 1–5
     * @param f         the frequency score, 1–5
     * @param customers customers with these scores
     * @param revenue   their monetary values summed, minor units
     */
    public record GridCell(int r, int f, long customers, long revenue) {
    }

    /** The summary of {@code scores}, scored as of {@code date}. */
    public static RfmSummary of(LocalDate date, List<RfmScore> scores) {
        Segment[] all = Segment.values();
        long[] segmentCustomers = new long[all.length], segmentRevenue = new long[all.length];
        long[][] cellCustomers = new long[5][5], cellRevenue = new long[5][5];
        for (RfmScore s : scores) {
            int k = s.segment().ordinal();
            segmentCustomers[k]++;
            segmentRevenue[k] = Math.addExact(segmentRevenue[k], s.monetary());
            cellCustomers[s.r() - 1][s.f() - 1]++;
            cellRevenue[s.r() - 1][s.f() - 1] = Math.addExact(cellRevenue[s.r() - 1][s.f() - 1], s.monetary());
        }
        List<SegmentFigures> segments = new ArrayList<>(all.length);
        for (Segment s : all) {
            segments.add(new SegmentFigures(s, segmentCustomers[s.ordinal()], segmentRevenue[s.ordinal()]));
        }
        List<GridCell> grid = new ArrayList<>(25);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                grid.add(new GridCell(r, f, cellCustomers[r - 1][f - 1], cellRevenue[r - 1][f - 1]));
            }
        }
        return new RfmSummary(date, scores.size(), segments, grid);
    }

    /**
     * The same summary from three columns, one entry per customer who had ordered by {@code date}: the day
     * of the last order (epoch day), the orders and the revenue. No object per customer is made, which on
     * a million customers is most of the time the summary takes.
     */
    public static RfmSummary of(LocalDate date, long[] lastDay, long[] orders, long[] revenue) {
        int n = lastDay.length;
        if (orders.length != n || revenue.length != n) {
            throw new IllegalArgumentException("the three columns must be as long as each other");
        }
        int[] worseR = RfmScoring.worseCounts(lastDay), worseF = RfmScoring.worseCounts(orders),
                worseM = RfmScoring.worseCounts(revenue);
        Segment[] all = Segment.values();
        long[] segmentCustomers = new long[all.length], segmentRevenue = new long[all.length];
        long[][] cellCustomers = new long[5][5], cellRevenue = new long[5][5];
        for (int i = 0; i < n; i++) {
            int r = RfmScoring.quintile(worseR[i], n), f = RfmScoring.quintile(worseF[i], n);
            int k = Segment.of(r, f).ordinal();
            segmentCustomers[k]++;
            segmentRevenue[k] = Math.addExact(segmentRevenue[k], revenue[i]);
            cellCustomers[r - 1][f - 1]++;
            cellRevenue[r - 1][f - 1] = Math.addExact(cellRevenue[r - 1][f - 1], revenue[i]);
        }
        List<SegmentFigures> segments = new ArrayList<>(all.length);
        for (Segment s : all) {
            segments.add(new SegmentFigures(s, segmentCustomers[s.ordinal()], segmentRevenue[s.ordinal()]));
        }
        List<GridCell> grid = new ArrayList<>(25);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                grid.add(new GridCell(r, f, cellCustomers[r - 1][f - 1], cellRevenue[r - 1][f - 1]));
            }
        }
        return new RfmSummary(date, n, segments, grid);
    }

    /** The figures of {@code segment}; zeros when the list does not hold it. */
    public SegmentFigures segment(Segment segment) {
        for (SegmentFigures s : segments) {
            if (s.segment() == segment) {
                return s;
            }
        }
        return new SegmentFigures(segment, 0, 0);
    }
}
