package com.shopops.plugins.activities.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.activities.analysis.Campaign.Kind;
import com.shopops.plugins.activities.analysis.CampaignCalendar.Day;
import com.shopops.plugins.activities.analysis.CampaignCalendar.Entry;
import com.shopops.plugins.activities.analysis.CampaignCalendar.EventKind;
import com.shopops.plugins.activities.analysis.CampaignCalendar.Week;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignCalendarTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);

    private static LocalDate may(int day) {
        return MAY.atDay(day);
    }

    private static Campaign own(long id, LocalDate from, LocalDate to, CampaignStatus status) {
        return new Campaign(id, "own " + id, Kind.OWN, "own", null, null, from, to, null, null, status, null, List.of());
    }

    /** 聚划算 live 10–16 May, register by 30 April, reviewed 5 May; a rejected one; a reviewed one; one into June. */
    private static List<Campaign> campaigns() {
        Campaign rejected = new Campaign(8, "rejected", Kind.PLATFORM, "淘抢购", may(2), null, may(12), may(12), null, null,
                CampaignStatus.REJECTED, null, List.of());
        return List.of(CampaignProgressTest.juhuasuan(null, null), rejected, own(2, may(1), may(3), CampaignStatus.REVIEWED),
                own(3, may(30), LocalDate.of(2026, 6, 2), CampaignStatus.PLANNED));
    }

    @Test
    void wholeWeeksFromMonday() {
        // 1 May 2026 is a Friday and 31 May a Sunday: 27 April to 31 May, 5 weeks
        CampaignCalendar cal = CampaignCalendar.of(MAY, campaigns());
        assertEquals(5, cal.weeks().size());
        for (Week w : cal.weeks()) {
            assertEquals(7, w.days().size());
            assertEquals(DayOfWeek.MONDAY, w.days().get(0).date().getDayOfWeek());
        }
        Day first = cal.weeks().get(0).days().get(0);
        assertEquals(LocalDate.of(2026, 4, 27), first.date());
        assertFalse(first.inMonth());
        assertTrue(cal.day(may(1)).inMonth());
        assertEquals(may(31), cal.weeks().get(4).days().get(6).date());
        assertNull(cal.day(LocalDate.of(2026, 6, 1)));
        // February 2021 starts on a Monday and has 28 days: exactly 4 weeks, no neighbours
        CampaignCalendar feb = CampaignCalendar.of(YearMonth.of(2021, 2), List.of());
        assertEquals(4, feb.weeks().size());
        assertTrue(feb.weeks().stream().allMatch(w -> w.days().stream().allMatch(Day::inMonth)));
    }

    @Test
    void liveCampaignsAndTheirDates() {
        CampaignCalendar cal = CampaignCalendar.of(MAY, campaigns());
        Entry jhs = new Entry(7, "聚划算 May", Kind.PLATFORM, "聚划算", CampaignStatus.LIVE, may(10), may(16));
        assertEquals(List.of(jhs), cal.day(may(12)).live(), "the rejected one is not shown");
        assertEquals(List.of(), cal.day(may(17)).live());
        assertEquals(List.of(new CampaignCalendar.Event(EventKind.REGISTRATION_DEADLINE, jhs)),
                cal.day(LocalDate.of(2026, 4, 30)).events(), "a deadline in April still shows in May's first week");
        assertEquals(List.of(EventKind.PLATFORM_REVIEW), kinds(cal.day(may(5))));
        assertEquals(List.of(EventKind.REVIEW_DUE), kinds(cal.day(may(19))), "three days after the 16th");
        assertEquals(List.of(), kinds(cal.day(may(6))), "the reviewed campaign has no 复盘 due");
        assertEquals(List.of(), kinds(cal.day(may(2))), "nor the rejected one a deadline");
        assertEquals(1, cal.day(may(2)).live().size());
        assertEquals(List.of(3L), cal.day(may(31)).live().stream().map(Entry::id).toList(), "runs into June");
        // a shop reviewing after a week
        assertEquals(List.of(EventKind.REVIEW_DUE), kinds(CampaignCalendar.of(MAY, campaigns(), 7).day(may(23))));
    }

    private static List<EventKind> kinds(Day d) {
        return d.events().stream().map(CampaignCalendar.Event::kind).toList();
    }
}
