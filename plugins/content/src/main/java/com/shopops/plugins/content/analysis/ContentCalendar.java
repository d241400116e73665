package com.shopops.plugins.content.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The content calendar's days against the daily quota (DOMAIN.md: about 3 posts a day): each day of a
 * range with the posts planned for it (every status but failed counts towards the quota; a failed post
 * did not go out) and whether the day is empty, under the quota, full or over it.
 */
public final class ContentCalendar {

    private ContentCalendar() {
    }

    /** A post on a day: its id, status and kind. */
    public record Planned(LocalDate day, long postId, PostStatus status, PostKind kind) {
    }

    /** How a day stands against the quota. */
    public enum Fill {
        EMPTY, UNDER, FULL, OVER;

        /** As the API writes it, e.g. {@code under}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A day of the calendar. */
    public record Day(LocalDate day, List<Planned> posts, int counted, Fill fill) {
    }

    /** The days {@code from}..{@code to}, each with its posts in the order given. */
    public static List<Day> days(LocalDate from, LocalDate to, List<Planned> posts, int quota) {
        if (quota < 1) {
            throw new IllegalArgumentException("quota: at least 1 post a day");
        }
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate day = d;
            List<Planned> on = posts.stream().filter(p -> p.day().equals(day)).toList();
            int counted = (int) on.stream().filter(p -> p.status() != PostStatus.FAILED).count();
            Fill fill = counted == 0 ? Fill.EMPTY : counted < quota ? Fill.UNDER : counted == quota ? Fill.FULL : Fill.OVER;
            days.add(new Day(day, on, counted, fill));
        }
        return days;
    }
}
