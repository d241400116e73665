package com.shopops.plugins.content;

import static com.shopops.api.SettingValues.storedWhole;
import static com.shopops.api.SettingValues.whole;

import com.shopops.api.Settings;
import com.shopops.plugins.content.analysis.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shop's content rules, in the plugin's settings under the keys named beside each; every number is a
 * default the shop can change.
 *
 * @param dailyQuota       {@code daily-quota}: posts a day the calendar aims at (DOMAIN.md: about 3), default 3
 * @param maxLatenessHours {@code max-lateness-hours}: how late a post that fell due while the host was down
 *                         may still go out, default 24
 * @param maxAttempts      {@code max-attempts}: attempts per channel before a post fails, default 5
 * @param firstWaitMinutes {@code first-wait-minutes}: the wait after the first failure (then ×5 each time), default 1
 */
record ContentSettings(int dailyQuota, int maxLatenessHours, int maxAttempts, int firstWaitMinutes) {

    static final ContentSettings DEFAULT = new ContentSettings(3, 24, 5, 1);

    ContentSettings {
        require(dailyQuota >= 1 && dailyQuota <= 50, "dailyQuota: 1 to 50 posts a day");
        require(maxLatenessHours >= 1 && maxLatenessHours <= 24 * 14, "maxLatenessHours: 1 to 336 hours");
        require(maxAttempts >= 1 && maxAttempts <= 20, "maxAttempts: 1 to 20");
        require(firstWaitMinutes >= 1 && firstWaitMinutes <= 360, "firstWaitMinutes: 1 to 360 minutes");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, Duration.ofMinutes(firstWaitMinutes), Duration.ofHours(maxLatenessHours));
    }

    /** The shop's settings over the defaults; a stored value that no longer reads is its default. */
    static ContentSettings of(Settings settings, long shopId) {
        ContentSettings d = DEFAULT;
        Map<String, String> stored = settings.all(shopId);
        try {
            return new ContentSettings(storedWhole(stored, "daily-quota", d.dailyQuota()),
                    storedWhole(stored, "max-lateness-hours", d.maxLatenessHours()),
                    storedWhole(stored, "max-attempts", d.maxAttempts()),
                    storedWhole(stored, "first-wait-minutes", d.firstWaitMinutes()));
        } catch (IllegalArgumentException unreadable) {
            return d;
        }
    }

    void save(Settings settings, long shopId) {
        settings.put(shopId, "daily-quota", Integer.toString(dailyQuota));
        settings.put(shopId, "max-lateness-hours", Integer.toString(maxLatenessHours));
        settings.put(shopId, "max-attempts", Integer.toString(maxAttempts));
        settings.put(shopId, "first-wait-minutes", Integer.toString(firstWaitMinutes));
    }

    Map<String, Object> asJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dailyQuota", dailyQuota);
        m.put("maxLatenessHours", maxLatenessHours);
        m.put("maxAttempts", maxAttempts);
        m.put("firstWaitMinutes", firstWaitMinutes);
        return m;
    }

    /** A body as {@link #asJson()} writes it, over this for what it leaves out; a bad value names its field. */
    ContentSettings with(Map<?, ?> body) {
        return new ContentSettings(whole(body, "dailyQuota", dailyQuota), whole(body, "maxLatenessHours", maxLatenessHours),
                whole(body, "maxAttempts", maxAttempts), whole(body, "firstWaitMinutes", firstWaitMinutes));
    }
}
