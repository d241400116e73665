package com.shopops.api;

import java.util.Map;
import java.util.Optional;

/**
 * A plugin's settings for one shop: named text values that a shop team changes (a threshold, a target
 * ROI, a quota). The defaults live in the plugin's code; a stored value overrides the default.
 *
 * <pre>{@code
 * double floor = Double.parseDouble(settings.get(shop.id(), "bounce-rate.pass", "0.70"));
 * }</pre>
 *
 * @since 1.0.0
 */
public interface Settings {

    /** The stored value, if any. */
    Optional<String> get(long shopId, String key);

    /** The stored value, or {@code fallback} when none is stored. */
    default String get(long shopId, String key, String fallback) {
        return get(shopId, key).orElse(fallback);
    }

    /** Every stored value of the plugin for the shop. */
    Map<String, String> all(long shopId);

    /** Stores a value, replacing any earlier one. */
    void put(long shopId, String key, String value);

    /** Removes a stored value, so the default applies again. */
    void remove(long shopId, String key);
}
