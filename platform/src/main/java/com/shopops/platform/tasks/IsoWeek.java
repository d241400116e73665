package com.shopops.platform.tasks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO week, as the weekly meeting and the weekly checks count weeks: Monday to Sunday, written
 * {@code 2026-W48} (the form an HTML week picker sends). The week-based year differs from the calendar
 * year around New Year: 2026-12-31 is in 2026-W53, 2027-01-01 too.
 *
 * @param monday the week's first day
 */
public record IsoWeek(LocalDate monday) implements Comparable<IsoWeek> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-?W(\\d{1,2})");

    public IsoWeek {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a week starts on a Monday, not on " + monday);
        }
    }

    /** The week {@code day} is in. */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** Reads {@code 2026-W48}; anything else is refused with the form expected. */
    public static IsoWeek parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("week: an ISO week such as 2026-W48, not '" + text + "'");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate jan4 = LocalDate.of(year, 1, 4); // always in week 1
        long weeks = jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException("week: " + year + " has weeks 1 to " + weeks + ", not " + week);
        }
        return of(jan4).plusWeeks(week - 1L);
    }

    /** The week's last day, Sunday. */
    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    /** True when {@code day} falls in this week. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(monday) && !day.isAfter(sunday());
    }

    /** The week {@code n} weeks later (earlier when negative). */
    public IsoWeek plusWeeks(long n) {
        return new IsoWeek(monday.plusWeeks(n));
    }

    @Override
    public int compareTo(IsoWeek other) {
        return monday.compareTo(other.monday);
    }

    /** {@code 2026-W48}. */
    @Override
    public String toString() {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
