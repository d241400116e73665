package com.shopops.plugins.activities.analysis;

import com.shopops.api.Role;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A reminder about a campaign for the morning briefing (issue #8, point 4), with its numbers and the role
 * that should act on it. Which fields carry what depends on the kind:
 * <ul>
 * <li>{@link Kind#REGISTRATION_DEADLINE}: {@code day} the deadline, {@code days} the days left to it (0 = today);</li>
 * <li>{@link Kind#BEHIND_GOAL}: {@code metric} "gmv" or "units", {@code value} the attainment, {@code expected}
 *     the elapsed share of the live days, {@code day} the as-of day, {@code days} the live days left;</li>
 * <li>{@link Kind#STOCK_OUT}: {@code sku}, {@code metric} "runs-out" (forecast) or "sold-out" (already),
 *     {@code day} the day the allocation runs out, {@code days} the live days left without stock,
 *     {@code value} units sold per live day, {@code expected} the units of the allocation left;</li>
 * <li>{@link Kind#NOT_REVIEWED}: {@code day} the campaign's last live day, {@code days} the days since.</li>
 * </ul>
 *
 * @param kind         what it is about
 * @param campaignId   the campaign's id
 * @param campaignName the campaign's name
 * @param sku          the product, for stock-outs; else null
 * @param day          the day it is about (see above)
 * @param days         a count of days (see above)
 * @param metric       which figure, or null
 * @param value        the figure, or null
 * @param expected     what it is compared with, or null
 * @param role         who should act: operator, promotion or design
 */
public record Reminder(Kind kind, long campaignId, String campaignName, String sku, LocalDate day, long days,
                       String metric, Double value, Double expected, Role role) {

    /** What a reminder is about. */
    public enum Kind {
        /** A platform campaign's registration deadline is close and it is still only planned. */
        REGISTRATION_DEADLINE,
        /** A live campaign is behind its goal for the time gone. */
        BEHIND_GOAL,
        /** A product's allocation runs out (or ran out) before the campaign's last day. */
        STOCK_OUT,
        /** An ended campaign waits for its review (复盘). */
        NOT_REVIEWED
    }

    /** The i18n key of its message, e.g. {@code activities.reminder.behind-goal}. */
    public String messageKey() {
        return "activities.reminder." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
