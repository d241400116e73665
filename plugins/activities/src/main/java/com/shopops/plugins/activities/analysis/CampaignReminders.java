package com.shopops.plugins.activities.analysis;

import com.shopops.api.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reminders the operator needs each morning about the shop's campaigns (issue #8, point 4; DOMAIN.md,
 * Morning 5: "check every morning how registrations are going").
 */
public final class CampaignReminders {

    private CampaignReminders() {
    }

    /**
     * The reminders for {@code campaigns} on {@code today}, campaign by campaign in their order:
     * <ul>
     * <li>a platform campaign still planned whose registration deadline is today or within
     *     {@code deadlineDays} days (a passed deadline is no longer actionable and is left out);</li>
     * <li>a live campaign whose GMV or units attainment is below its elapsed share × (1 − tolerance), one
     *     reminder per goal; for promotion, or for design when its reported CTR is below {@code lowCtr};</li>
     * <li>a live campaign's product whose allocation runs out before the last day at the current pace, or
     *     already has (for the operator, who can add stock or end the product's part);</li>
     * <li>an ended campaign not reviewed {@code reviewAfterDays} or more days after its last day; a campaign
     *     still marked live after its last day counts as ended.</li>
     * </ul>
     *
     * @param progress each live campaign's progress by campaign id (as of yesterday, typically); a live
     *                 campaign without one gets no goal or stock reminder
     */
    public static List<Reminder> of(List<Campaign> campaigns, LocalDate today, Map<Long, CampaignProgress> progress,
                                    ReminderSettings settings) {
        List<Reminder> out = new ArrayList<>();
        for (Campaign c : campaigns) {
            if (c.kind() == Campaign.Kind.PLATFORM && c.status() == CampaignStatus.PLANNED && c.registrationDeadline() != null) {
                long left = ChronoUnit.DAYS.between(today, c.registrationDeadline());
                if (left >= 0 && left <= settings.deadlineDays()) {
                    out.add(new Reminder(Reminder.Kind.REGISTRATION_DEADLINE, c.id(), c.name(), null, c.registrationDeadline(),
                            left, null, null, null, Role.OPERATOR));
                }
            }
            boolean pastEnd = c.liveTo().isBefore(today);
            if (c.status() == CampaignStatus.LIVE && !pastEnd) {
                CampaignProgress p = progress.get(c.id());
                if (p != null) {
                    live(c, p, settings, out);
                }
            }
            if (c.status() == CampaignStatus.ENDED || c.status() == CampaignStatus.LIVE && pastEnd) {
                long since = ChronoUnit.DAYS.between(c.liveTo(), today);
                if (since >= settings.reviewAfterDays()) {
                    out.add(new Reminder(Reminder.Kind.NOT_REVIEWED, c.id(), c.name(), null, c.liveTo(), since, null, null,
                            null, Role.OPERATOR));
                }
            }
        }
        return out;
    }

    private static void live(Campaign c, CampaignProgress p, ReminderSettings settings, List<Reminder> out) {
        if (p.daysElapsed() > 0) {
            Role role = p.ctr() != null && p.ctr() < settings.lowCtr() ? Role.DESIGN : Role.PROMOTION;
            if (behind(p.gmv(), c.goalGmv(), p, settings.behindTolerance())) {
                out.add(new Reminder(Reminder.Kind.BEHIND_GOAL, c.id(), c.name(), null, p.asOf(), p.daysLeft(), "gmv",
                        p.gmvAttainment(), p.elapsedShare(), role));
            }
            if (behind(p.units(), c.goalUnits(), p, settings.behindTolerance())) {
                out.add(new Reminder(Reminder.Kind.BEHIND_GOAL, c.id(), c.name(), null, p.asOf(), p.daysLeft(), "units",
                        p.unitsAttainment(), p.elapsedShare(), role));
            }
        }
        for (ProductProgress product : p.products()) {
            StockOut s = product.stockOut();
            if (s != null && s.beforeEnd()) {
                out.add(new Reminder(Reminder.Kind.STOCK_OUT, c.id(), c.name(), product.sku(), s.runsOutOn(), s.daysShort(),
                        s.soldOut() ? "sold-out" : "runs-out", s.unitsPerDay(), (double) s.remaining(), Role.OPERATOR));
            }
        }
    }

    /**
     * Whether {@code done} of {@code goal} is behind: done ÷ goal &lt; elapsed ÷ total × (1 − tolerance),
     * compared exactly as done × total &lt; goal × elapsed × (1 − tolerance), so the edge is not behind.
     */
    private static boolean behind(long done, Long goal, CampaignProgress p, double tolerance) {
        if (goal == null || goal <= 0) {
            return false;
        }
        BigDecimal left = BigDecimal.valueOf(done).multiply(BigDecimal.valueOf(p.daysTotal()));
        BigDecimal right = BigDecimal.valueOf(goal).multiply(BigDecimal.valueOf(p.daysElapsed()))
                .multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(tolerance)));
        return left.compareTo(right) < 0;
    }
}
