package com.shopops.plugins.activities.analysis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A month of campaigns for the calendar page (issue #8, point 4): whole weeks from Monday to Sunday
 * covering the month, and per day the campaigns live on it and the dates falling on it — registration
 * deadlines, the platform's reviews of entries, and the 复盘 due. Days are shop-local. Rejected campaigns
 * are left out: they will not run.
 *
 * @param month the month shown
 * @param weeks its weeks, Monday first; the days before the 1st and after the last belong to the
 *              neighbouring months and say so
 */
public record CampaignCalendar(YearMonth month, List<Week> weeks) {

    public CampaignCalendar {
        weeks = List.copyOf(weeks);
    }

    /** Seven days, Monday to Sunday. */
    public record Week(List<Day> days) {
        public Week {
            days = List.copyOf(days);
        }
    }

    /**
     * One day of the view.
     *
     * @param date    the day
     * @param inMonth whether it is in the month shown
     * @param live    the campaigns live on it, in the order given
     * @param events  the dates falling on it, in the order given
     */
    public record Day(LocalDate date, boolean inMonth, List<Entry> live, List<Event> events) {
        public Day {
            live = List.copyOf(live);
            events = List.copyOf(events);
        }
    }

    /** What the calendar shows of a campaign. */
    public record Entry(long id, String name, Campaign.Kind kind, String channel, CampaignStatus status, LocalDate liveFrom,
                        LocalDate liveTo) {
        static Entry of(Campaign c) {
            return new Entry(c.id(), c.name(), c.kind(), c.channel(), c.status(), c.liveFrom(), c.liveTo());
        }
    }

    /** A date of a campaign's that falls on a day. */
    public record Event(EventKind kind, Entry campaign) {
    }

    /** The dates the calendar shows. */
    public enum EventKind {
        /** The last day to register (platform campaigns not yet registered or later). */
        REGISTRATION_DEADLINE,
        /** The platform reviews the entry. */
        PLATFORM_REVIEW,
        /** The 复盘 is due: the campaign's last day plus the reminder's review-after days, until reviewed. */
        REVIEW_DUE
    }

    /** The calendar of {@code month} with the 复盘 due {@link ReminderSettings#DEFAULT}'s days after the end. */
    public static CampaignCalendar of(YearMonth month, List<Campaign> campaigns) {
        return of(month, campaigns, ReminderSettings.DEFAULT.reviewAfterDays());
    }

    /** The calendar of {@code month}, the 复盘 due {@code reviewAfterDays} after each campaign's last day. */
    public static CampaignCalendar of(YearMonth month, List<Campaign> campaigns, int reviewAfterDays) {
        List<Campaign> shown = campaigns.stream().filter(c -> c.status() != CampaignStatus.REJECTED).toList();
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<Week> weeks = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            List<Entry> live = new ArrayList<>();
            List<Event> events = new ArrayList<>();
            for (Campaign c : shown) {
                if (!d.isBefore(c.liveFrom()) && !d.isAfter(c.liveTo())) {
                    live.add(Entry.of(c));
                }
                if (d.equals(c.registrationDeadline())) {
                    events.add(new Event(EventKind.REGISTRATION_DEADLINE, Entry.of(c)));
                }
                if (d.equals(c.reviewOn())) {
                    events.add(new Event(EventKind.PLATFORM_REVIEW, Entry.of(c)));
                }
                if (c.status() != CampaignStatus.REVIEWED && d.equals(c.liveTo().plusDays(reviewAfterDays))) {
                    events.add(new Event(EventKind.REVIEW_DUE, Entry.of(c)));
                }
            }
            days.add(new Day(d, YearMonth.from(d).equals(month), live, events));
            if (days.size() == 7) {
                weeks.add(new Week(days));
                days = new ArrayList<>();
            }
        }
        return new CampaignCalendar(month, weeks);
    }

    /** The day {@code date} of the view, or null when it is not shown. */
    public Day day(LocalDate date) {
        for (Week w : weeks) {
            for (Day d : w.days()) {
                if (d.date().equals(date)) {
                    return d;
                }
            }
        }
        return null;
    }
}
