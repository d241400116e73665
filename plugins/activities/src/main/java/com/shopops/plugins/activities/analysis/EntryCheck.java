package com.shopops.plugins.activities.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * One product's check against a campaign's entry rules (issue #8, point 2): passed, or every rule it
 * failed with the numbers that failed it, so the operator sees at once what to fix (lower the price,
 * restock, pick another product).
 *
 * @param sku      the product's code
 * @param failures the rules it failed, in the order of {@link Rule}; empty when it passed
 */
public record EntryCheck(String sku, List<Failure> failures) {

    /** Message key prefix; the key of a failure is this plus the rule's own suffix. */
    public static final String KEY_PREFIX = "activities.entry.";

    public EntryCheck {
        failures = List.copyOf(failures);
    }

    /** Message of a campaign price above the lowest price of the window; {0} price, {1} the low, {2} days. */
    public static final String PRICE_ABOVE_LOW = KEY_PREFIX + "price-above-low";
    /** Message of a product that did not sell in the window; {0} price, {2} days. */
    public static final String NO_RECENT_PRICE = KEY_PREFIX + "no-recent-price";
    /** Message of too few historical sales; {0} units sold, {1} the minimum. */
    public static final String TOO_FEW_SALES = KEY_PREFIX + "too-few-sales";
    /** Message of stock below the allocation; {0} stock, {1} allocated. */
    public static final String STOCK_BELOW_ALLOCATION = KEY_PREFIX + "stock-below-allocation";
    /** Message of a product without reviews; {1} the minimum rating. */
    public static final String NO_RATING = KEY_PREFIX + "no-rating";
    /** Message of a rating below the minimum; {0} the rating, {1} the minimum. */
    public static final String RATING_TOO_LOW = KEY_PREFIX + "rating-too-low";

    /** The entry rules, each named as in {@link EntryRules#NAMES}. */
    public enum Rule {
        /** Campaign price not above the lowest price of the last N days. */
        LOWEST_PRICE("lowestPriceDays"),
        /** Historical sales at least the minimum. */
        MIN_SALES("minSales"),
        /** Stock at least the allocation. */
        STOCK_COVERS_ALLOCATION("stockCoversAllocation"),
        /** Rating at least the minimum. */
        MIN_RATING("minRating");

        private final String ruleName;

        Rule(String ruleName) {
            this.ruleName = ruleName;
        }

        /** The rule's name, as in {@link EntryRules#NAMES} and JSON. */
        public String ruleName() {
            return ruleName;
        }
    }

    /**
     * A failed rule.
     *
     * @param rule       the rule
     * @param messageKey the i18n key of the message, e.g. {@link #PRICE_ABOVE_LOW}; its arguments are
     *                   {@code actual}, {@code required} and, for the price rule, the window's days
     * @param actual     the product's figure (price in minor units, units, rating), or null when unknown
     * @param required   what the rule asks for, or null when there is nothing to compare with
     */
    public record Failure(Rule rule, String messageKey, Number actual, Number required) {
    }

    /** Whether the product passed every rule. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /**
     * Checks {@code facts} against {@code rules}. Boundaries pass: a campaign price equal to the window's
     * low, sales exactly the minimum, stock exactly the allocation, a rating exactly the minimum. What is
     * unknown fails, since the platform will not take it on trust: no sale in the window fails the price
     * rule, no rating yet fails a rating rule.
     */
    public static EntryCheck of(EntryRules rules, EntryFacts facts) {
        List<Failure> failures = new ArrayList<>();
        if (rules.lowestPriceDays() != null) {
            if (facts.lowestPrice() == null) {
                failures.add(new Failure(Rule.LOWEST_PRICE, NO_RECENT_PRICE, facts.campaignPrice(), null));
            } else if (facts.campaignPrice() > facts.lowestPrice()) {
                failures.add(new Failure(Rule.LOWEST_PRICE, PRICE_ABOVE_LOW, facts.campaignPrice(), facts.lowestPrice()));
            }
        }
        if (rules.minSales() != null && facts.historicalSales() < rules.minSales()) {
            failures.add(new Failure(Rule.MIN_SALES, TOO_FEW_SALES, facts.historicalSales(), rules.minSales()));
        }
        if (rules.stockCoversAllocation() && facts.stock() < facts.allocated()) {
            failures.add(new Failure(Rule.STOCK_COVERS_ALLOCATION, STOCK_BELOW_ALLOCATION, facts.stock(), facts.allocated()));
        }
        if (rules.minRating() != null) {
            if (facts.rating() == null) {
                failures.add(new Failure(Rule.MIN_RATING, NO_RATING, null, rules.minRating()));
            } else if (facts.rating() < rules.minRating()) {
                failures.add(new Failure(Rule.MIN_RATING, RATING_TOO_LOW, facts.rating(), rules.minRating()));
            }
        }
        return new EntryCheck(facts.sku(), failures);
    }

    /** Checks every product of {@code facts}, in their order. */
    public static List<EntryCheck> all(EntryRules rules, List<EntryFacts> facts) {
        return facts.stream().map(f -> of(rules, f)).toList();
    }
}
