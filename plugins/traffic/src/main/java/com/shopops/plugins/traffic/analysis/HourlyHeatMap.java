package com.shopops.plugins.traffic.analysis;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Sales, orders and visitors by weekday × hour of day in the shop's time zone, to schedule ads and
 * customer-service shifts (DOMAIN.md, "Time: sales by hour / weekday"). Built from one figure per
 * shop-local clock hour; a cell adds up the clock hours that fall on it, so a cell's {@code visitors}
 * is the sum of each hour's distinct visitors (a shopper who comes back next Monday at ten counts
 * again), as the platforms' hourly visitor reports do. Divide by {@link #days} for an average day.
 *
 * <p>On the autumn DST change the repeated hour is two clock hours and both count in its cell; the
 * skipped spring hour has none.
 *
 * @param from  first day
 * @param to    last day
 * @param cells the 7 × 24 cells from Monday 0:00 to Sunday 23:00, weekday by weekday
 * @param days  how many days of each weekday the range holds, Monday first
 */
public record HourlyHeatMap(LocalDate from, LocalDate to, List<Cell> cells, List<Integer> days) {

    private static final int MINUTES_PER_DAY = 24 * 60;

    /**
     * One shop-local clock hour's figures.
     *
     * @param day      shop-local day
     * @param hour     0–23, shop-local
     * @param sales    sales of orders placed in that hour, minor units
     * @param orders   orders placed in that hour
     * @param visitors distinct shoppers with an event in that hour
     */
    public record HourFigures(LocalDate day, int hour, long sales, long orders, long visitors) {
        public HourFigures {
            if (hour < 0 || hour > 23) {
                throw new IllegalArgumentException("hour: 0–23, not " + hour);
            }
        }
    }

    /**
     * One cell of the map.
     *
     * @param weekday  the weekday
     * @param hour     0–23
     * @param sales    minor units
     * @param orders   orders
     * @param visitors sum over the cell's clock hours of their distinct visitors
     */
    public record Cell(DayOfWeek weekday, int hour, long sales, long orders, long visitors) {
    }

    /**
     * A stretch of time in which the shop's UTC offset stays the same, so that an hour of day can be
     * worked out from a stored UTC time by adding a fixed number of minutes.
     *
     * @param start         first instant
     * @param end           first instant after it
     * @param offsetMinutes the zone's offset from UTC in the stretch
     */
    public record OffsetSpan(Instant start, Instant end, int offsetMinutes) {
    }

    public HourlyHeatMap {
        cells = List.copyOf(cells);
        days = List.copyOf(days);
    }

    /** The map of the days from {@code from} to {@code to} out of each clock hour's figures (others are ignored). */
    public static HourlyHeatMap of(LocalDate from, LocalDate to, List<HourFigures> hours) {
        long[][] sales = new long[7][24];
        long[][] orders = new long[7][24];
        long[][] visitors = new long[7][24];
        for (HourFigures h : hours) {
            if (h.day().isBefore(from) || h.day().isAfter(to)) {
                continue;
            }
            int w = h.day().getDayOfWeek().getValue() - 1;
            sales[w][h.hour()] += h.sales();
            orders[w][h.hour()] += h.orders();
            visitors[w][h.hour()] += h.visitors();
        }
        List<Cell> cells = new ArrayList<>(7 * 24);
        for (int w = 0; w < 7; w++) {
            for (int hour = 0; hour < 24; hour++) {
                cells.add(new Cell(DayOfWeek.of(w + 1), hour, sales[w][hour], orders[w][hour], visitors[w][hour]));
            }
        }
        int[] count = new int[7];
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            count[d.getDayOfWeek().getValue() - 1]++;
        }
        List<Integer> days = new ArrayList<>(7);
        for (int c : count) {
            days.add(c);
        }
        return new HourlyHeatMap(from, to, cells, days);
    }

    /** The cell of {@code weekday} at {@code hour}. */
    public Cell cell(DayOfWeek weekday, int hour) {
        return cells.get((weekday.getValue() - 1) * 24 + hour);
    }

    /**
     * The stretches of constant UTC offset that cover the shop-local days from {@code from} to {@code to}
     * in {@code zone}: one for most ranges, one more for each DST change inside it.
     */
    public static List<OffsetSpan> offsetSpans(ZoneId zone, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        ZoneRules rules = zone.getRules();
        List<OffsetSpan> spans = new ArrayList<>();
        Instant at = start;
        while (at.isBefore(end)) {
            ZoneOffsetTransition next = rules.nextTransition(at);
            Instant stop = next == null || !next.getInstant().isBefore(end) ? end : next.getInstant();
            spans.add(new OffsetSpan(at, stop, rules.getOffset(at).getTotalSeconds() / 60));
            at = stop;
        }
        return spans;
    }

    /**
     * What the store adds to a UTC minute of the day (0–1439) before taking it modulo a day and dividing
     * by 60 to get the local hour: the offset plus a whole day, so the sum is never negative and integer
     * division means the same on SQLite and PostgreSQL.
     */
    public static int minuteShift(int offsetMinutes) {
        return offsetMinutes + MINUTES_PER_DAY;
    }

    /** The local hour of a UTC minute of the day at an offset: the store's SQL expression, in Java. */
    public static int localHour(int utcMinuteOfDay, int offsetMinutes) {
        return (utcMinuteOfDay + minuteShift(offsetMinutes)) % MINUTES_PER_DAY / 60;
    }
}
