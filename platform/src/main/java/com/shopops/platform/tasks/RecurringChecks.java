package com.shopops.platform.tasks;

import com.shopops.api.Role;
import com.shopops.platform.tasks.Task.Recurrence;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The checks an operator repeats whatever the data says (DOMAIN.md, "Morning"): page health every week,
 * copycats and bad reviews of the top 5 products every day. Each is one task per shop that reopens
 * itself once it was closed and its next day or week has come, so the board never loses it and an
 * undone one shows up as overdue. The numbers in the texts are the defaults DOMAIN.md gives.
 */
public final class RecurringChecks {

    private RecurringChecks() {
    }

    /**
     * A standing check.
     *
     * @param key        its key, unique per shop ({@code tasks.check_key})
     * @param recurrence how often it comes back
     * @param role       who does it
     * @param title      the task's title (the web UI shows its own translation for a known key)
     * @param detail     what to look at and what counts as passing
     */
    public record Check(String key, Recurrence recurrence, Role role, String title, String detail) {
    }

    /** Page health, weekly, for the operator: fix pages before buying more traffic. */
    public static final Check PAGE_HEALTH = new Check("page-health", Recurrence.WEEKLY, Role.OPERATOR,
            "Weekly page health check",
            """
            Judge the shop's pages from last week's data:
            - shop-wide AOV should be at least 1.3 × the hero product's AOV, else the pages do not sell the rest of the range;
            - bounce rate below 70% passes, below 60% is good (shops with many returning visitors sit below 50%);
            - visit depth (pages per visit) of 2.5 passes, above 3.5 is good (above 4.0 with many returning visitors).
            If a figure fails, fix the pages before buying more traffic: otherwise every promotion loses money.""");

    /** Copycats of the top 5 products, daily, for the operator. */
    public static final Check TOP5_COPYCATS = new Check("top5-copycats", Recurrence.DAILY, Role.OPERATOR,
            "Daily copycat check of the top 5 products",
            """
            For each of the 5 products with the most visitors, search for identical listings (same title, \
            stolen images) that take your orders, and report image theft to the platform. Other products can wait.""");

    /** New negative and neutral reviews of the top 5 products, daily, for customer service. */
    public static final Check TOP5_REVIEWS = new Check("top5-reviews", Recurrence.DAILY, Role.SERVICE,
            "Daily bad review check of the top 5 products",
            """
            For each of the 5 products with the most visitors, read the new negative and neutral reviews \
            and resolve them fast: contact the buyer, fix the cause, reply publicly.""");

    /** Every standing check, in the order the board lists them. */
    public static List<Check> all() {
        return List.of(PAGE_HEALTH, TOP5_COPYCATS, TOP5_REVIEWS);
    }

    /** The check with this key. */
    public static Optional<Check> byKey(String key) {
        return all().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /**
     * A check's new period: it reopens with {@code due} as its due day, and {@code period} names the day
     * ({@code 2026-11-24}) or week ({@code 2026-W48}) it is for.
     */
    public record Reopening(LocalDate due, String period) {
    }

    /**
     * Whether a check closed on the shop-local day {@code closedOn} reopens on {@code today}: a daily
     * check from the next day on, a weekly one from the next ISO week on. It reopens for the current day
     * or week, not for the first one missed: a check nobody looked at for three days is one task due
     * today, not three.
     */
    public static Optional<Reopening> reopening(Recurrence recurrence, LocalDate closedOn, LocalDate today) {
        return switch (recurrence) {
            case DAILY -> today.isAfter(closedOn) ? Optional.of(new Reopening(today, today.toString())) : Optional.empty();
            case WEEKLY -> {
                IsoWeek now = IsoWeek.of(today);
                yield now.compareTo(IsoWeek.of(closedOn)) > 0
                        ? Optional.of(new Reopening(now.sunday(), now.toString())) : Optional.empty();
            }
        };
    }

    /** The due day of a check first put on the board on {@code today}: today, or this week's Sunday. */
    public static LocalDate firstDue(Recurrence recurrence, LocalDate today) {
        return recurrence == Recurrence.DAILY ? today : IsoWeek.of(today).sunday();
    }
}
