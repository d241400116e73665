package com.shopops.plugins.activities.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shopops.api.Role;
import com.shopops.plugins.activities.analysis.Reminder.Kind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignRemindersTest {

    /** This morning; the data is in up to yesterday, the 12th. */
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 13);
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);

    private static Campaign platform(long id, CampaignStatus status, LocalDate deadline) {
        return new Campaign(id, "c" + id, Campaign.Kind.PLATFORM, "淘抢购", deadline, null, TODAY.plusDays(20), TODAY.plusDays(22),
                null, null, status, null, List.of());
    }

    private static List<Reminder> remind(List<Campaign> campaigns, Map<Long, CampaignProgress> progress) {
        return CampaignReminders.of(campaigns, TODAY, progress, ReminderSettings.DEFAULT);
    }

    @Test
    void registrationDeadlinesWithinThreeDaysWhileStillPlanned() {
        List<Reminder> r = remind(List.of(
                platform(1, CampaignStatus.PLANNED, TODAY.plusDays(3)),
                platform(2, CampaignStatus.PLANNED, TODAY.plusDays(4)),
                platform(3, CampaignStatus.PLANNED, TODAY),
                platform(4, CampaignStatus.PLANNED, TODAY.minusDays(1)),
                platform(5, CampaignStatus.REGISTERED, TODAY.plusDays(1)),
                platform(6, CampaignStatus.PLANNED, null)), Map.of());
        assertEquals(List.of(
                new Reminder(Kind.REGISTRATION_DEADLINE, 1, "c1", null, TODAY.plusDays(3), 3, null, null, null, Role.OPERATOR),
                new Reminder(Kind.REGISTRATION_DEADLINE, 3, "c3", null, TODAY, 0, null, null, null, Role.OPERATOR)), r);
        assertEquals("activities.reminder.registration-deadline", r.get(0).messageKey());
        // a shop that wants a week's notice
        assertEquals(4, CampaignReminders.of(List.of(platform(2, CampaignStatus.PLANNED, TODAY.plusDays(4))), TODAY, Map.of(),
                new ReminderSettings(7, 0.1, 3, 0.02)).get(0).days());
    }

    /** Live 8–17 May (10 days), as of the 12th: 5 days gone, half the time. Goals 10,000.00 and 200 units. */
    private static Campaign tenDays(long id) {
        return new Campaign(id, "ten days", Campaign.Kind.OWN, "own", null, null, LocalDate.of(2026, 5, 8),
                LocalDate.of(2026, 5, 17), 1_000_000L, 200L, CampaignStatus.LIVE, null,
                List.of(new CampaignProduct("P", 10_000, 5_000L)));
    }

    private static CampaignProgress halfWay(Campaign c, long units, long gmv, Reach reach) {
        return CampaignProgress.of(c, YESTERDAY, List.of(new DailySales(YESTERDAY, "P", units, units, gmv)), List.of(), 1_000, reach);
    }

    @Test
    void behindGoalExactlyOnTheToleranceIsNotBehind() {
        Campaign c = tenDays(9);
        // half the time gone, 10% tolerance: 45% of the goal is the edge — 450,000 GMV and 90 units
        assertEquals(List.of(), remind(List.of(c), Map.of(9L, halfWay(c, 90, 450_000, Reach.NONE))));
        List<Reminder> r = remind(List.of(c), Map.of(9L, halfWay(c, 89, 449_999, Reach.NONE)));
        assertEquals(List.of(
                new Reminder(Kind.BEHIND_GOAL, 9, "ten days", null, YESTERDAY, 5, "gmv", 0.449999, 0.5, Role.PROMOTION),
                new Reminder(Kind.BEHIND_GOAL, 9, "ten days", null, YESTERDAY, 5, "units", 0.445, 0.5, Role.PROMOTION)), r);
        // with no tolerance, anything under half is behind
        assertEquals(1, CampaignReminders.of(List.of(c), TODAY, Map.of(9L, halfWay(c, 100, 499_999, Reach.NONE)),
                new ReminderSettings(3, 0, 3, 0.02)).size());
    }

    @Test
    void aLowCtrSendsTheGapToDesign() {
        Campaign c = tenDays(9);
        assertEquals(Role.DESIGN, remind(List.of(c), Map.of(9L, halfWay(c, 100, 1, new Reach(null, 10_000L, 199L)))).get(0).role(),
                "1.99% CTR is below 2%");
        assertEquals(Role.PROMOTION, remind(List.of(c), Map.of(9L, halfWay(c, 100, 1, new Reach(null, 10_000L, 200L)))).get(0).role(),
                "2% is not below 2%");
    }

    @Test
    void stockRunningOutBeforeTheEnd() {
        Campaign c = CampaignProgressTest.juhuasuan(1_000_000L, 200L); // live 10–16 May, well ahead of its goals
        CampaignProgress p = CampaignProgress.of(c, YESTERDAY, CampaignProgressTest.sales(), CampaignProgressTest.baselines(), 476,
                Reach.NONE);
        assertEquals(List.of(
                new Reminder(Kind.STOCK_OUT, 7, "聚划算 May", "A", LocalDate.of(2026, 5, 14), 2, "runs-out", 20.0, 40.0, Role.OPERATOR),
                new Reminder(Kind.STOCK_OUT, 7, "聚划算 May", "C", LocalDate.of(2026, 5, 11), 5, "sold-out", 50.0 / 3, 0.0,
                        Role.OPERATOR)), remind(List.of(c), Map.of(7L, p)), "B lasts past the end: no reminder");
        assertEquals(List.of(), remind(List.of(c), Map.of()), "no progress, no live reminders");
    }

    @Test
    void endedCampaignsWaitForTheirReview() {
        Campaign ended3 = new Campaign(1, "three days ago", Campaign.Kind.OWN, "own", null, null, TODAY.minusDays(6),
                TODAY.minusDays(3), null, null, CampaignStatus.ENDED, null, List.of());
        Campaign ended2 = new Campaign(2, "two days ago", Campaign.Kind.OWN, "own", null, null, TODAY.minusDays(6),
                TODAY.minusDays(2), null, null, CampaignStatus.ENDED, null, List.of());
        Campaign stillLive = new Campaign(3, "never closed", Campaign.Kind.PLATFORM, "聚划算", null, null, TODAY.minusDays(9),
                TODAY.minusDays(5), 1_000L, null, CampaignStatus.LIVE, null, List.of(new CampaignProduct("P", 10, null)));
        Campaign reviewed = new Campaign(4, "done", Campaign.Kind.OWN, "own", null, null, TODAY.minusDays(30),
                TODAY.minusDays(20), null, null, CampaignStatus.REVIEWED, null, List.of());
        CampaignProgress nothingSold = CampaignProgress.of(stillLive, YESTERDAY, List.of(), List.of(), 0, Reach.NONE);
        assertEquals(List.of(
                new Reminder(Kind.NOT_REVIEWED, 1, "three days ago", null, TODAY.minusDays(3), 3, null, null, null, Role.OPERATOR),
                new Reminder(Kind.NOT_REVIEWED, 3, "never closed", null, TODAY.minusDays(5), 5, null, null, null, Role.OPERATOR)),
                remind(List.of(ended3, ended2, stillLive, reviewed), Map.of(3L, nothingSold)),
                "past its end a live campaign is not behind its goal any more, only unreviewed");
    }

    @Test
    void settingsFromTheShopFallBackPerKey() {
        ReminderSettings s = ReminderSettings.fromSettings(Map.of(ReminderSettings.DEADLINE_DAYS, " 5 ",
                ReminderSettings.BEHIND_TOLERANCE, "1.5", ReminderSettings.REVIEW_AFTER_DAYS, "soon", ReminderSettings.LOW_CTR, "0.03"));
        assertEquals(new ReminderSettings(5, 0.10, 3, 0.03), s);
        assertEquals(ReminderSettings.DEFAULT, ReminderSettings.fromSettings(ReminderSettings.DEFAULT.asMap()));
        assertEquals(ReminderSettings.DEFAULT, ReminderSettings.fromSettings(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new ReminderSettings(-1, 0.1, 3, 0.02));
        assertThrows(IllegalArgumentException.class, () -> new ReminderSettings(3, Double.NaN, 3, 0.02));
    }
}
