package com.shopops.platform.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Role;
import com.shopops.platform.tasks.RecurringChecks.Reopening;
import com.shopops.platform.tasks.Task.Recurrence;
import com.shopops.platform.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** When a closed recurring check comes back, and for which day or week: pure rules, no database. */
class RecurringChecksTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    /** The shop-local day of the clock's now. */
    private static LocalDate today(TestClock clock) {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI);
    }

    @Test
    void theStandingChecksAreDomainsPageHealthCopycatsAndReviews() {
        assertEquals(Set.of("page-health", "top5-copycats", "top5-reviews"),
                RecurringChecks.all().stream().map(RecurringChecks.Check::key).collect(Collectors.toSet()));
        RecurringChecks.Check health = RecurringChecks.byKey("page-health").orElseThrow();
        assertEquals(Recurrence.WEEKLY, health.recurrence());
        assertEquals(Role.OPERATOR, health.role());
        assertTrue(health.detail().contains("1.3") && health.detail().contains("70%") && health.detail().contains("2.5"),
                "the page health rules with their default figures: " + health.detail());
        assertEquals(Recurrence.DAILY, RecurringChecks.TOP5_COPYCATS.recurrence());
        assertEquals(Role.OPERATOR, RecurringChecks.TOP5_COPYCATS.role());
        assertEquals(Recurrence.DAILY, RecurringChecks.TOP5_REVIEWS.recurrence());
        assertEquals(Role.SERVICE, RecurringChecks.TOP5_REVIEWS.role());
    }

    @Test
    void aDailyCheckReopensOnTheNextShopLocalDayNotBefore() {
        // Closed at 23:30 in Shanghai (15:30 UTC): the shop's day ends at 16:00 UTC, not at UTC midnight.
        TestClock clock = new TestClock(Instant.parse("2026-11-24T15:30:00Z"));
        LocalDate closedOn = today(clock);
        assertEquals(day("2026-11-24"), closedOn);
        assertEquals(Optional.empty(), RecurringChecks.reopening(Recurrence.DAILY, closedOn, today(clock)));
        clock.advance(Duration.ofMinutes(29));
        assertEquals(Optional.empty(), RecurringChecks.reopening(Recurrence.DAILY, closedOn, today(clock)), "23:59 the same day");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.of(new Reopening(day("2026-11-25"), "2026-11-25")),
                RecurringChecks.reopening(Recurrence.DAILY, closedOn, today(clock)), "midnight in Shanghai");
    }

    @Test
    void aDailyCheckLeftForDaysReopensOnceForToday() {
        assertEquals(Optional.of(new Reopening(day("2026-11-28"), "2026-11-28")),
                RecurringChecks.reopening(Recurrence.DAILY, day("2026-11-24"), day("2026-11-28")));
    }

    @Test
    void aDailyCheckCrossesMonthAndYearEnds() {
        TestClock clock = new TestClock(Instant.parse("2026-12-31T10:00:00Z")); // 18:00 on 31 December in Shanghai
        LocalDate closedOn = today(clock);
        clock.advance(Duration.ofHours(6)); // 00:00 on 1 January
        assertEquals(Optional.of(new Reopening(day("2027-01-01"), "2027-01-01")),
                RecurringChecks.reopening(Recurrence.DAILY, closedOn, today(clock)));
        assertEquals(Optional.of(new Reopening(day("2028-03-01"), "2028-03-01")),
                RecurringChecks.reopening(Recurrence.DAILY, day("2028-02-29"), day("2028-03-01")), "leap day");
    }

    @Test
    void aWeeklyCheckReopensInTheNextIsoWeekDueThatWeeksSunday() {
        // Closed on Monday 2026-11-23 (week 48): nothing until Sunday ends, then due the next Sunday.
        LocalDate monday = day("2026-11-23");
        for (int i = 0; i < 7; i++) {
            assertEquals(Optional.empty(), RecurringChecks.reopening(Recurrence.WEEKLY, monday, monday.plusDays(i)), "day " + i);
        }
        assertEquals(Optional.of(new Reopening(day("2026-12-06"), "2026-W49")),
                RecurringChecks.reopening(Recurrence.WEEKLY, monday, day("2026-11-30")));
        // Closed on the Sunday: reopens the day after.
        assertEquals(Optional.of(new Reopening(day("2026-12-06"), "2026-W49")),
                RecurringChecks.reopening(Recurrence.WEEKLY, day("2026-11-29"), day("2026-11-30")));
        // Left for three weeks: reopens once, for the current week.
        assertEquals(Optional.of(new Reopening(day("2026-12-20"), "2026-W51")),
                RecurringChecks.reopening(Recurrence.WEEKLY, monday, day("2026-12-16")));
    }

    @Test
    void aWeeklyCheckCrossesTheYearByIsoWeeks() {
        // 2026 has 53 ISO weeks; its week 53 runs from Monday 28 December 2026 to Sunday 3 January 2027.
        TestClock clock = new TestClock(Instant.parse("2026-12-28T02:00:00Z"));
        LocalDate closedOn = today(clock);
        clock.set(Instant.parse("2027-01-03T15:59:59Z")); // Sunday 23:59:59 in Shanghai, still week 53
        assertEquals(Optional.empty(), RecurringChecks.reopening(Recurrence.WEEKLY, closedOn, today(clock)),
                "1 January is in the same ISO week as 28 December");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(new Reopening(day("2027-01-10"), "2027-W01")),
                RecurringChecks.reopening(Recurrence.WEEKLY, closedOn, today(clock)));
        // And the other way: 2027-01-01 is in 2026-W53, so closing then reopens on Monday 4 January.
        assertEquals(Optional.of(new Reopening(day("2027-01-10"), "2027-W01")),
                RecurringChecks.reopening(Recurrence.WEEKLY, day("2027-01-01"), day("2027-01-04")));
        // 2020-12-31 (Thursday, week 53) to 2021-01-04 (week 1 of 2021).
        assertEquals(Optional.of(new Reopening(day("2021-01-10"), "2021-W01")),
                RecurringChecks.reopening(Recurrence.WEEKLY, day("2020-12-31"), day("2021-01-04")));
    }

    @Test
    void aCheckFirstPutOnTheBoardIsDueTodayOrThisSunday() {
        assertEquals(day("2026-11-25"), RecurringChecks.firstDue(Recurrence.DAILY, day("2026-11-25")));
        assertEquals(day("2026-11-29"), RecurringChecks.firstDue(Recurrence.WEEKLY, day("2026-11-25")));
        assertEquals(day("2026-11-29"), RecurringChecks.firstDue(Recurrence.WEEKLY, day("2026-11-29")));
    }

    @Test
    void isoWeeksAreReadAndWrittenAsTheWeekPickerDoes() {
        assertEquals("2026-W48", IsoWeek.of(day("2026-11-25")).toString());
        assertEquals(day("2026-11-23"), IsoWeek.parse("2026-W48").monday());
        assertEquals(day("2026-11-29"), IsoWeek.parse("2026-w48").sunday());
        assertEquals(day("2026-12-28"), IsoWeek.parse("2026-W53").monday());
        assertEquals("2026-W53", IsoWeek.of(day("2027-01-03")).toString());
        assertEquals(day("2024-12-30"), IsoWeek.parse("2025-W01").monday(), "week 1 of 2025 starts in 2024");
        assertEquals("2025-W01", IsoWeek.of(day("2024-12-31")).toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IsoWeek.parse("2025-W53")).getMessage()
                .contains("weeks 1 to 52"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IsoWeek.parse("next week")).getMessage()
                .contains("2026-W48"));
        assertThrows(IllegalArgumentException.class, () -> IsoWeek.parse("2026-W00"));
    }
}
