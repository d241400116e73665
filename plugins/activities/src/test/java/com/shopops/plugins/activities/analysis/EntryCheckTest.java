package com.shopops.plugins.activities.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.activities.analysis.Campaign.Kind;
import com.shopops.plugins.activities.analysis.EntryCheck.Failure;
import com.shopops.plugins.activities.analysis.EntryCheck.Rule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryCheckTest {

    /** Every rule on: price not above the 30-day low, ≥ 50 sales, stock ≥ allocation, rating ≥ 4.7. */
    private static final EntryRules STRICT = new EntryRules(30, 50L, true, 4.7);

    /** A product that meets every rule exactly at its boundary: 99.00 = the low, 50 sales, 200 = 200, 4.7. */
    private static EntryFacts atTheEdges() {
        return new EntryFacts("DRESS-1", 9_900, 9_900L, 50, 200, 200, 4.7);
    }

    @Test
    void everyBoundaryPasses() {
        EntryCheck check = EntryCheck.of(STRICT, atTheEdges());
        assertTrue(check.passed(), () -> "failed: " + check.failures());
        assertEquals("DRESS-1", check.sku());
    }

    @Test
    void oneStepPastEachBoundaryFailsWithItsNumbers() {
        EntryCheck check = EntryCheck.of(STRICT, new EntryFacts("DRESS-1", 9_901, 9_900L, 49, 199, 200, 4.69));
        assertFalse(check.passed());
        assertEquals(List.of(
                new Failure(Rule.LOWEST_PRICE, "activities.entry.price-above-low", 9_901L, 9_900L),
                new Failure(Rule.MIN_SALES, "activities.entry.too-few-sales", 49L, 50L),
                new Failure(Rule.STOCK_COVERS_ALLOCATION, "activities.entry.stock-below-allocation", 199L, 200L),
                new Failure(Rule.MIN_RATING, "activities.entry.rating-too-low", 4.69, 4.7)), check.failures());
    }

    @Test
    void onlyTheFailedRuleIsReported() {
        EntryFacts cheapEnoughButShort = new EntryFacts("TEE-2", 4_900, 5_900L, 300, 80, 100, 4.9);
        assertEquals(List.of(new Failure(Rule.STOCK_COVERS_ALLOCATION, "activities.entry.stock-below-allocation", 80L, 100L)),
                EntryCheck.of(STRICT, cheapEnoughButShort).failures());
    }

    @Test
    void whatIsUnknownFails() {
        EntryCheck check = EntryCheck.of(STRICT, new EntryFacts("NEW-3", 9_900, null, 50, 200, 200, null));
        assertEquals(List.of(
                new Failure(Rule.LOWEST_PRICE, "activities.entry.no-recent-price", 9_900L, null),
                new Failure(Rule.MIN_RATING, "activities.entry.no-rating", null, 4.7)), check.failures());
    }

    @Test
    void rulesSwitchedOffAreNotChecked() {
        EntryRules none = new EntryRules(null, null, false, null);
        EntryFacts bad = new EntryFacts("NEW-3", 9_999, 100L, 0, 0, 500, null);
        assertTrue(EntryCheck.of(none, bad).passed());
        // the own-campaign defaults check stock only
        assertEquals(List.of(Rule.STOCK_COVERS_ALLOCATION),
                EntryCheck.of(EntryRules.OWN, bad).failures().stream().map(Failure::rule).toList());
    }

    @Test
    void allKeepsTheProductsOrder() {
        List<EntryCheck> checks = EntryCheck.all(STRICT, List.of(atTheEdges(),
                new EntryFacts("TEE-2", 4_900, 5_900L, 10, 500, 100, 4.9)));
        assertEquals(List.of("DRESS-1", "TEE-2"), checks.stream().map(EntryCheck::sku).toList());
        assertEquals(List.of(true, false), checks.stream().map(EntryCheck::passed).toList());
    }

    @Test
    void defaultsByKindAndChannel() {
        assertEquals(new EntryRules(30, 100L, true, 4.7), EntryRules.defaultsFor(Kind.PLATFORM, "聚划算"));
        assertEquals(new EntryRules(30, 50L, true, 4.6), EntryRules.defaultsFor(Kind.PLATFORM, " 淘抢购 "),
                "DOMAIN.md's example: ≥ 50 sales in history");
        assertEquals(new EntryRules(30, 10L, true, 4.5), EntryRules.defaultsFor(Kind.PLATFORM, "天天特价"));
        assertSame(EntryRules.TRIAL, EntryRules.defaultsFor(Kind.PLATFORM, "Trial"));
        assertSame(EntryRules.TRIAL, EntryRules.defaultsFor(Kind.PLATFORM, "试用"));
        assertEquals(null, EntryRules.TRIAL.minSales(), "a trial gives products away: no sales rule");
        assertSame(EntryRules.GENERIC, EntryRules.defaultsFor(Kind.PLATFORM, "some deal site"));
        assertSame(EntryRules.GENERIC, EntryRules.defaultsFor(Kind.PLATFORM, null));
        assertSame(EntryRules.OWN, EntryRules.defaultsFor(Kind.OWN, "聚划算"), "the kind decides first");
        assertEquals("own", EntryRules.channelOf(Kind.OWN, "聚划算"));
    }

    @Test
    void impossibleRulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EntryRules(30, -1L, true, null));
        assertThrows(IllegalArgumentException.class, () -> new EntryRules(30, 0L, true, 5.1));
        assertThrows(IllegalArgumentException.class, () -> new EntryRules(30, 0L, true, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new EntryRules(0, 0L, true, null));
        assertThrows(IllegalArgumentException.class, () -> new EntryRules(366, 0L, true, null));
    }

    @Test
    void rulesAsJsonGivesThemAndBack() {
        for (EntryRules r : List.of(EntryRules.GENERIC, EntryRules.OWN, EntryRules.TRIAL)) {
            assertEquals(r, EntryRules.fromMap(r.asMap()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntryRules.fromMap(Map.of("lowestPriceDays", 7.5, "stockCoversAllocation", true)));
        assertTrue(e.getMessage().startsWith("lowestPriceDays"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EntryRules.fromMap(Map.of("stockCoversAllocation", true, "maxPrice", 1)));
    }

    @Test
    void aShorterWindowIsTheFactsBusiness() {
        // the rule only says "not above the low of the window"; the window's low is in the facts
        EntryRules sevenDays = new EntryRules(7, null, false, null);
        assertTrue(EntryCheck.of(sevenDays, new EntryFacts("A", 9_900, 9_900L, 0, 0, 0, null)).passed());
        assertEquals(List.of(new Failure(Rule.LOWEST_PRICE, EntryCheck.PRICE_ABOVE_LOW, 9_900L, 9_800L)),
                EntryCheck.of(sevenDays, new EntryFacts("A", 9_900, 9_800L, 0, 0, 0, null)).failures());
        assertEquals("lowestPriceDays", Rule.LOWEST_PRICE.ruleName());
    }
}
