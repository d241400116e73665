package com.shopops.plugins.activities.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entry rules (报名条件) a channel sets before a product may take part in its campaign: each rule is a
 * value, or null (false for the stock rule) when it is not checked. {@link #defaults} holds ShopOps'
 * defaults per channel — sensible starting points from practitioners' notes, <b>not</b> the platforms'
 * published rules, which change from season to season and must be checked on the platform before
 * registering. A shop's own values are plugin settings (see {@code EntryRuleSettings} in the plugin).
 *
 * @param lowestPriceDays       the campaign price must not be above the product's lowest selling price of the
 *                              last this many days (a tie passes), or null
 * @param minSales              units sold in the product's history at least, or null
 * @param stockCoversAllocation whether stock on hand must cover the units allocated to the campaign
 * @param minRating             the product's average review rating (0–5) at least, or null
 */
public record EntryRules(Integer lowestPriceDays, Long minSales, boolean stockCoversAllocation, Double minRating) {

    /** The rules' names, as in JSON, in this order. */
    public static final List<String> NAMES = List.of("lowestPriceDays", "minSales", "stockCoversAllocation", "minRating");

    /** The defaults of a platform channel none of the known ones: DOMAIN.md's example (30 days, ≥ 50 sales, stock). */
    public static final EntryRules GENERIC = new EntryRules(30, 50L, true, 4.6);
    /** The channel under which the shop's own campaigns keep their rules. */
    public static final String OWN_CHANNEL = "own";
    /** The shop's own campaigns: nobody to register with; only stock is checked. */
    public static final EntryRules OWN = new EntryRules(null, null, true, null);
    /** Trial programmes (试用): products are given away, so price and sales do not matter; stock and rating do. */
    public static final EntryRules TRIAL = new EntryRules(null, null, true, 4.5);

    private static final Map<String, EntryRules> KNOWN = Map.of(
            "聚划算", new EntryRules(30, 100L, true, 4.7),
            "淘抢购", new EntryRules(30, 50L, true, 4.6),
            "天天特价", new EntryRules(30, 10L, true, 4.5),
            "淘金币", new EntryRules(15, null, true, 4.5),
            "trial", TRIAL,
            OWN_CHANNEL, OWN);

    /** Checks each rule's range; the message names the rule. */
    public EntryRules {
        if (lowestPriceDays != null && (lowestPriceDays < 1 || lowestPriceDays > 365)) {
            throw new IllegalArgumentException("lowestPriceDays: from 1 to 365 days, or null to not check it, not " + lowestPriceDays);
        }
        if (minSales != null && minSales < 0) {
            throw new IllegalArgumentException("minSales: 0 or more units, or null to not check it, not " + minSales);
        }
        if (minRating != null && (minRating.isNaN() || minRating < 0 || minRating > 5)) {
            throw new IllegalArgumentException("minRating: from 0 to 5, or null to not check it, not " + minRating);
        }
    }

    /** The channels with defaults of their own (the shop's own campaigns under {@value #OWN_CHANNEL}). */
    public static Set<String> knownChannels() {
        return new TreeSet<>(KNOWN.keySet());
    }

    /**
     * The defaults of {@code channel}: its own when it is a known one (trimmed, case-insensitively; 试用 reads
     * as trial), else {@link #GENERIC}.
     */
    public static EntryRules defaults(String channel) {
        return KNOWN.getOrDefault(canonical(channel), GENERIC);
    }

    /** The channel under which a campaign of {@code kind} on {@code channel} keeps its rules. */
    public static String channelOf(Campaign.Kind kind, String channel) {
        return kind == Campaign.Kind.OWN ? OWN_CHANNEL : channel == null ? "" : channel.strip();
    }

    /** The defaults of a campaign of {@code kind} on {@code channel}: the kind decides first. */
    public static EntryRules defaultsFor(Campaign.Kind kind, String channel) {
        return defaults(channelOf(kind, channel));
    }

    private static String canonical(String channel) {
        if (channel == null) {
            return "";
        }
        String key = channel.strip();
        return key.equals("试用") ? "trial" : KNOWN.containsKey(key) ? key : key.toLowerCase(Locale.ROOT);
    }

    /** The rules by name, in {@link #NAMES} order; null for a rule not checked. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lowestPriceDays", lowestPriceDays);
        m.put("minSales", minSales);
        m.put("stockCoversAllocation", stockCoversAllocation);
        m.put("minRating", minRating);
        return m;
    }

    /**
     * Rules from values by name (numbers, booleans, null), as JSON gives them; every name is required.
     *
     * @throws IllegalArgumentException naming the rule whose value is wrong, or an unknown name
     */
    public static EntryRules fromMap(Map<String, ?> values) {
        for (String name : values.keySet()) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown rule '" + name + "'; the rules are " + NAMES);
            }
        }
        Object stock = values.get("stockCoversAllocation");
        if (!(stock instanceof Boolean)) {
            throw new IllegalArgumentException("stockCoversAllocation: true or false, not " + stock);
        }
        Long days = whole(values.get("lowestPriceDays"), "lowestPriceDays");
        if (days != null && (days < 1 || days > 365)) {
            throw new IllegalArgumentException("lowestPriceDays: from 1 to 365 days, or null to not check it, not " + days);
        }
        return new EntryRules(days == null ? null : days.intValue(), whole(values.get("minSales"), "minSales"),
                (Boolean) stock, decimal(values.get("minRating"), "minRating"));
    }

    private static Long whole(Object v, String name) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e12) {
            return n.longValue();
        }
        throw new IllegalArgumentException(name + ": a whole number or null, not " + v);
    }

    private static Double decimal(Object v, String name) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(name + ": a number or null, not " + v);
    }
}
