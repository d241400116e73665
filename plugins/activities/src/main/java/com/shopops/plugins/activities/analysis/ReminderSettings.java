package com.shopops.plugins.activities.analysis;

import com.shopops.api.SettingValues;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shop's thresholds for campaign reminders. Every number is a default a shop can change in the plugin's
 * settings under the key named beside it; {@link #DEFAULT} holds the defaults.
 *
 * @param deadlineDays    {@code deadline-days}: remind of a registration deadline this many days ahead
 *                        (and on the day itself), default 3 (issue #8)
 * @param behindTolerance {@code behind-tolerance}: a live campaign is behind its goal when its attainment is
 *                        below the elapsed share of its days by more than this fraction of that share,
 *                        default 0.10 (at half time, below 45% of the goal); exactly on the edge is not behind
 * @param reviewAfterDays {@code review-after-days}: remind of an ended campaign's review (复盘) once this many
 *                        days have passed since its last day, default 3
 * @param lowCtr          {@code low-ctr}: a campaign behind its goal whose reported CTR is below this is for
 *                        design (the main image does not draw clicks) rather than promotion, default 0.02
 */
public record ReminderSettings(int deadlineDays, double behindTolerance, int reviewAfterDays, double lowCtr) {

    public static final String DEADLINE_DAYS = "deadline-days";
    public static final String BEHIND_TOLERANCE = "behind-tolerance";
    public static final String REVIEW_AFTER_DAYS = "review-after-days";
    public static final String LOW_CTR = "low-ctr";

    /** The defaults described above. */
    public static final ReminderSettings DEFAULT = new ReminderSettings(3, 0.10, 3, 0.02);

    /** Checks each value; the message names the key at fault. */
    public ReminderSettings {
        require(deadlineDays >= 0, DEADLINE_DAYS + ": 0 or more days");
        require(behindTolerance >= 0 && behindTolerance < 1, BEHIND_TOLERANCE + ": a fraction from 0 to below 1 (0.1 = 10%)");
        require(reviewAfterDays >= 0, REVIEW_AFTER_DAYS + ": 0 or more days");
        require(lowCtr >= 0 && lowCtr <= 1, LOW_CTR + ": a fraction from 0 to 1 (0.02 = 2%)");
    }

    /**
     * The settings from a shop's stored values (other keys ignored); a value that is not a number or breaks
     * its rule falls back to its default, so one bad value never stops the reminders.
     */
    public static ReminderSettings fromSettings(Map<String, String> stored) {
        ReminderSettings d = DEFAULT;
        // each value is tried with the defaults of the others, since every rule concerns one value only
        return new ReminderSettings(
                valid(() -> new ReminderSettings(whole(stored, DEADLINE_DAYS), d.behindTolerance, d.reviewAfterDays,
                        d.lowCtr).deadlineDays, d.deadlineDays),
                valid(() -> new ReminderSettings(d.deadlineDays, decimal(stored, BEHIND_TOLERANCE), d.reviewAfterDays,
                        d.lowCtr).behindTolerance, d.behindTolerance),
                valid(() -> new ReminderSettings(d.deadlineDays, d.behindTolerance, whole(stored, REVIEW_AFTER_DAYS),
                        d.lowCtr).reviewAfterDays, d.reviewAfterDays),
                valid(() -> new ReminderSettings(d.deadlineDays, d.behindTolerance, d.reviewAfterDays,
                        decimal(stored, LOW_CTR)).lowCtr, d.lowCtr));
    }

    /** The settings as the text a shop's settings store, by key. */
    public Map<String, String> asMap() {
        return Map.of(DEADLINE_DAYS, Integer.toString(deadlineDays), BEHIND_TOLERANCE, Double.toString(behindTolerance),
                REVIEW_AFTER_DAYS, Integer.toString(reviewAfterDays), LOW_CTR, Double.toString(lowCtr));
    }

    private static <T> T valid(Supplier<T> value, T fallback) {
        try {
            return value.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            return fallback; // missing, not a number (NumberFormatException), or out of range
        }
    }

    private static int whole(Map<String, String> stored, String key) {
        return Integer.parseInt(stored.get(key).strip());
    }

    private static double decimal(Map<String, String> stored, String key) {
        return SettingValues.decimal(key, stored.get(key));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
