package com.shopops.plugins.activities;

import com.shopops.api.Settings;
import com.shopops.plugins.activities.analysis.EntryRules;
import java.util.Locale;
import java.util.Map;

/**
 * A shop's entry rules as plugin settings: each rule of a channel is the setting
 * {@code rules.<channel>.<rule>} (e.g. {@code rules.聚划算.min-sales}; {@code off} for a rule not checked)
 * over the channel's defaults in {@link EntryRules#defaults}, so a change is in the audit log with its
 * value before and after.
 */
final class EntryRuleSettings {

    private EntryRuleSettings() {
    }

    /** The rules of {@code channel} for the shop: each stored value over the channel's default. */
    static EntryRules of(Settings settings, long shopId, String channel) {
        Map<String, Object> values = EntryRules.defaults(channel).asMap();
        for (String name : EntryRules.NAMES) {
            settings.get(shopId, key(channel, name)).ifPresent(v -> {
                try {
                    values.put(name, stored(name, v));
                } catch (NumberFormatException e) {
                    // unreadable: the default stays
                }
            });
        }
        try {
            return EntryRules.fromMap(values);
        } catch (IllegalArgumentException e) {
            return EntryRules.defaults(channel); // a value stored by hand out of range: the defaults rather than no check
        }
    }

    /** Whether the shop stores any rule of {@code channel} of its own. */
    static boolean custom(Settings settings, long shopId, String channel) {
        return EntryRules.NAMES.stream().anyMatch(n -> settings.get(shopId, key(channel, n)).isPresent());
    }

    /** Stores every rule of {@code rules} for {@code channel}. */
    static void store(Settings settings, long shopId, String channel, EntryRules rules) {
        rules.asMap().forEach((name, value) -> settings.put(shopId, key(channel, name), value == null ? "off" : String.valueOf(value)));
    }

    /** Removes the shop's rules of {@code channel}, so its defaults apply again. */
    static void reset(Settings settings, long shopId, String channel) {
        for (String name : EntryRules.NAMES) {
            if (settings.get(shopId, key(channel, name)).isPresent()) {
                settings.remove(shopId, key(channel, name));
            }
        }
    }

    /** The setting that holds rule {@code name} of {@code channel}, e.g. {@code rules.聚划算.min-sales}. */
    static String key(String channel, String name) {
        return "rules." + channel + "." + name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static Object stored(String name, String value) {
        if (value.equals("off")) {
            return null;
        }
        return switch (name) {
            case "stockCoversAllocation" -> Boolean.parseBoolean(value);
            case "minRating" -> Double.parseDouble(value);
            default -> Long.parseLong(value);
        };
    }
}
