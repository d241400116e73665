package com.shopops.plugins.members.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shop's member tiers from lowest to highest. The rules are checked when the ladder is made, and a
 * broken one is refused with a message naming the tier and the rule, as the shop's staff edit it by hand.
 *
 * @param tiers 1 to 10 tiers; names non-blank, at most 40 characters, unique ignoring case; minimum spends
 *              0 or more and strictly ascending; discounts 0 to 90 percent
 */
public record TierLadder(List<Tier> tiers) {

    /** Most tiers a ladder may have: more than this is noise to customers. */
    public static final int MAX_TIERS = 10;
    /** Longest tier name, in characters. */
    public static final int MAX_NAME = 40;
    /** Largest discount a tier may give, percent: beyond it a tier would give goods away. */
    public static final int MAX_DISCOUNT = 90;

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException naming the tier and the rule it breaks
     */
    public TierLadder {
        if (tiers == null || tiers.isEmpty() || tiers.size() > MAX_TIERS) {
            throw new IllegalArgumentException("a ladder has 1 to " + MAX_TIERS + " tiers, not "
                    + (tiers == null ? 0 : tiers.size()));
        }
        Set<String> seen = new HashSet<>();
        Tier previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            String which = "tier " + (i + 1);
            if (t == null) {
                throw new IllegalArgumentException(which + " is missing");
            }
            if (t.name() == null || t.name().isBlank()) {
                throw new IllegalArgumentException(which + ": a name is required");
            }
            which += " '" + t.name() + "'";
            if (t.name().codePointCount(0, t.name().length()) > MAX_NAME) {
                throw new IllegalArgumentException(which + ": a name has at most " + MAX_NAME + " characters");
            }
            if (!seen.add(t.name().strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(which + ": the name is already used by another tier");
            }
            if (t.minSpend() < 0) {
                throw new IllegalArgumentException(which + ": the minimum spend is 0 or more, not " + t.minSpend());
            }
            if (previous != null && t.minSpend() <= previous.minSpend()) {
                throw new IllegalArgumentException(which + ": the minimum spend must be above the previous tier's ("
                        + previous.name() + ", " + previous.minSpend() + "), not " + t.minSpend());
            }
            if (t.discountPercent() < 0 || t.discountPercent() > MAX_DISCOUNT) {
                throw new IllegalArgumentException(which + ": the discount is 0 to " + MAX_DISCOUNT + " percent, not "
                        + t.discountPercent());
            }
            previous = t;
        }
        tiers = List.copyOf(new ArrayList<>(tiers));
    }

    /** The ladder a shop starts with: Member from the first order, Silver from 1,000.00, Gold from 5,000.00. */
    public static TierLadder defaults() {
        return new TierLadder(List.of(new Tier("Member", 0, 0), new Tier("Silver", 100_000, 5),
                new Tier("Gold", 500_000, 10)));
    }

    /** The highest tier whose minimum spend {@code spend} reaches, or null when it reaches none. */
    public Tier tierFor(long spend) {
        Tier held = null;
        for (Tier t : tiers) {
            if (t.minSpend() <= spend) {
                held = t;
            }
        }
        return held;
    }
}
