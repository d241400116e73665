package com.shopops.plugins.members.analysis;

import java.time.LocalDate;
import java.util.Set;

/**
 * Who an action is for (人群圈选): every condition set must hold; an empty or null set, or a null day, sets
 * no condition, so the empty filter takes every customer. Tier names and tags are matched ignoring case, as
 * staff type them by hand.
 *
 * @param segments      the customer's segment is one of these
 * @param tiers         the customer's tier is one of these
 * @param tags          the customer has at least one of these tags
 * @param lastOrderFrom the customer's last order is on or after this day
 * @param lastOrderTo   the customer's last order is on or before this day
 */
public record AudienceFilter(Set<Segment> segments, Set<String> tiers, Set<String> tags, LocalDate lastOrderFrom,
                             LocalDate lastOrderTo) {

    /** Reads null sets as empty ones: no condition. */
    public AudienceFilter {
        segments = segments == null ? Set.of() : segments;
        tiers = tiers == null ? Set.of() : tiers;
        tags = tags == null ? Set.of() : tags;
    }

    /** Whether {@code c} is in the audience. */
    public boolean matches(Candidate c) {
        if (!segments.isEmpty() && (c.segment() == null || !segments.contains(c.segment()))) {
            return false;
        }
        if (!tiers.isEmpty() && (c.tier() == null || !anyIgnoringCase(tiers, Set.of(c.tier())))) {
            return false;
        }
        if (!tags.isEmpty() && !anyIgnoringCase(tags, c.tags())) {
            return false;
        }
        if (lastOrderFrom != null && (c.lastOrder() == null || c.lastOrder().isBefore(lastOrderFrom))) {
            return false;
        }
        return lastOrderTo == null || c.lastOrder() != null && !c.lastOrder().isAfter(lastOrderTo);
    }

    /** Whether a name of {@code wanted} equals one of {@code held}, ignoring case; sets are a handful, so loops. */
    private static boolean anyIgnoringCase(Set<String> wanted, Set<String> held) {
        for (String w : wanted) {
            for (String h : held) {
                if (w != null && w.equalsIgnoreCase(h)) {
                    return true;
                }
            }
        }
        return false;
    }
}
