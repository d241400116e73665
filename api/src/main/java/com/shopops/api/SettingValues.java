package com.shopops.api;

import java.util.Map;

/**
 * The numbers of a plugin's settings, read the same way by every plugin: from the JSON body of a
 * settings change ({@link ShopRequest#jsonObject()}), where a value that is not the number asked for is
 * refused with a message naming its key, and from the stored text values ({@link Settings#all}), where a
 * value that no longer reads gives the default. For example:
 * <pre>{@code
 * Map<?, ?> body = req.jsonObject();
 * int days = SettingValues.whole(body, "periodDays", current.periodDays());   // absent: current
 * double share = SettingValues.decimal(body, "holdoutShare", 0.1, 0.01, 0.5); // refused outside 0.01..0.5
 *
 * Map<String, String> stored = settings.all(shop.id());
 * int quota = SettingValues.storedWhole(stored, "daily-quota", 3);           // unreadable: 3
 * }</pre>
 * A refusal is an {@link IllegalArgumentException} whose message is meant for the user, such as
 * {@code minSales: a whole number, not 2.5} or {@code weakGap: a number, not high}; answer it as a 400.
 * Checks that concern one plugin only (how values relate to each other) stay in the plugin.
 *
 * @since 1.4.0
 */
public final class SettingValues {

    /** Whole numbers from a body are refused from this size on (a mistyped value, not a setting). */
    private static final double WHOLE_LIMIT = 1e9;

    private SettingValues() {
    }

    /**
     * {@code body}'s value of {@code key} as a whole number, or {@code fallback} when the key is absent.
     *
     * @throws IllegalArgumentException "{@code key}: a whole number, not …" when the value is not a JSON
     *                                  number without a fraction (a text, a fraction, null, a list), or is
     *                                  a billion or more either way
     */
    public static int whole(Map<?, ?> body, String key, int fallback) {
        if (!body.containsKey(key)) {
            return fallback;
        }
        Object value = body.get(key);
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < WHOLE_LIMIT) {
            return n.intValue();
        }
        throw new IllegalArgumentException(key + ": a whole number, not " + value);
    }

    /**
     * As {@link #whole(Map, String, int)}, and the number must be from {@code min} to {@code max}
     * (both included).
     *
     * @throws IllegalArgumentException as there, or "{@code key}: min to max, not …" outside the range
     */
    public static int whole(Map<?, ?> body, String key, int fallback, int min, int max) {
        int n = whole(body, key, fallback);
        if (body.containsKey(key) && (n < min || n > max)) {
            throw new IllegalArgumentException(key + ": " + min + " to " + max + ", not " + n);
        }
        return n;
    }

    /**
     * {@code body}'s value of {@code key} as a number (a fraction or whole), or {@code fallback} when
     * the key is absent.
     *
     * @throws IllegalArgumentException "{@code key}: a number, not …" when the value is not a finite
     *                                  JSON number (a text, null, NaN, infinite, a list)
     */
    public static double decimal(Map<?, ?> body, String key, double fallback) {
        if (!body.containsKey(key)) {
            return fallback;
        }
        Object value = body.get(key);
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(key + ": a number, not " + value);
    }

    /**
     * As {@link #decimal(Map, String, double)}, and the number must be from {@code min} to {@code max}
     * (both included).
     *
     * @throws IllegalArgumentException as there, or "{@code key}: min to max, not …" outside the range
     */
    public static double decimal(Map<?, ?> body, String key, double fallback, double min, double max) {
        double d = decimal(body, key, fallback);
        if (body.containsKey(key) && (d < min || d > max)) {
            throw new IllegalArgumentException(key + ": " + min + " to " + max + ", not " + d);
        }
        return d;
    }

    /**
     * The stored text of {@code key} as a whole number (spaces around it ignored), or {@code fallback}
     * when it is absent or no longer reads as one: a stored value never stops a plugin.
     */
    public static int storedWhole(Map<String, String> stored, String key, int fallback) {
        String text = stored.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException unreadable) {
            return fallback;
        }
    }

    /**
     * The stored text of {@code key} as a finite number (spaces around it ignored), or {@code fallback}
     * when it is absent or no longer reads as one.
     */
    public static double storedDecimal(Map<String, String> stored, String key, double fallback) {
        String text = stored.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return decimal(key, text);
        } catch (IllegalArgumentException unreadable) {
            return fallback;
        }
    }

    /**
     * {@code text}, the stored or typed value of setting {@code key}, as a finite number (spaces around
     * it ignored).
     *
     * @throws IllegalArgumentException "{@code key}: a number, not '…'" when it is not one (NaN and
     *                                  infinity included)
     */
    public static double decimal(String key, String text) {
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException unreadable) {
            // refused below
        }
        throw new IllegalArgumentException(key + ": a number, not '" + text + "'");
    }
}
