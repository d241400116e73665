package com.shopops.plugins.listings.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.listings.analysis.ListingCheck.Failure;
import com.shopops.plugins.listings.analysis.ListingCheck.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each listing check on hand-made products, at and just past its limit. */
class ListingCheckTest {

    private static final ListingRules RULES = ListingRules.DEFAULT;

    private static ListingFacts product(String title) {
        return new ListingFacts("P-1", title, 500, null, null, null, Map.of());
    }

    private static List<Kind> kinds(ListingFacts p) {
        return ListingCheck.check(p, RULES).stream().map(Failure::kind).toList();
    }

    @Test
    void aCleanProductPassesEveryCheck() {
        assertEquals(List.of(), kinds(new ListingFacts("P-1", "硅胶厨具套装 耐高温 12件套", 50, "硅胶厨具", 16, 20,
                Map.of("8件套", 6_900L, "12件套", 8_900L))));
    }

    @Test
    void bannedWordsChineseAnywhereLatinAsWholeWords() {
        assertEquals(List.of("最", "第一"), ListingCheck.bannedWords("最好用的硅胶锅铲 销量第一", RULES.bannedWords()));
        assertEquals(List.of("国家级", "治疗"), ListingCheck.bannedWords("国家级工艺 磁疗枕 治疗颈椎", RULES.bannedWords()));
        // "best" is a whole word here; "cure" is not one inside "secure", nor "best" inside "bestseller"
        assertEquals(List.of("best"), ListingCheck.bannedWords("Secure lid, BEST spatula", RULES.bannedWords()));
        assertEquals(List.of(), ListingCheck.bannedWords("Secure lid bestseller", RULES.bannedWords()));
        assertEquals(List.of("heals"), ListingCheck.bannedWords("Aloe gel heals burns", RULES.bannedWords()));
        Failure f = ListingCheck.check(product("最好用的锅铲 第一"), RULES).get(0);
        assertEquals(new Failure(Kind.BANNED_WORD, "最、第一", null, 2), f);
        // a shop's own list replaces the defaults
        ListingRules own = new ListingRules(5, 7, 2, 3, 0.6, 7, List.of(), List.of("爆款"), 60, 0.8, 3, 50);
        assertEquals(List.of(Kind.BANNED_WORD), ListingCheck.check(product("爆款锅铲"), own).stream().map(Failure::kind).toList());
        assertEquals(List.of(), ListingCheck.check(product("最好用的锅铲"), own));
    }

    @Test
    void titleLengthCountsAChineseCharacterTwice() {
        assertEquals(12, ListingCheck.titleLength("硅胶厨具套装"));
        assertEquals(8, ListingCheck.titleLength("abc 硅胶"));           // a, b, c, space 1 each; 2 Chinese 2 each
        assertEquals(4, ListingCheck.titleLength("【】"));               // full-width brackets count 2 each
        String thirty = "锅".repeat(30);                                 // 60: at the limit
        assertEquals(List.of(), kinds(product(thirty)));
        assertEquals(List.of(Kind.TITLE_LENGTH), kinds(product(thirty + "a")));  // 61
        assertEquals(new Failure(Kind.TITLE_LENGTH, "62", "60", 62), ListingCheck.check(product(thirty + "锅"), RULES).get(0));
    }

    @Test
    void theCoreKeywordMustStartTheTitle() {
        ListingFacts first = new ListingFacts("P-1", "硅胶 厨具套装 耐高温", 500, "硅胶厨具", null, null, Map.of());
        assertEquals(List.of(), kinds(first));                             // spaces do not count
        ListingFacts later = new ListingFacts("P-1", "【新品】硅胶厨具套装", 500, "硅胶厨具", null, null, Map.of());
        assertEquals(List.of(new Failure(Kind.KEYWORD_ORDER, "新品硅胶", "硅胶厨具", 0)), ListingCheck.check(later, RULES));
        ListingFacts english = new ListingFacts("P-1", "Silicone Spatula Set, 12 pcs", 500, "silicone spatula", null, null, Map.of());
        assertEquals(List.of(), kinds(english));                           // case does not count
        assertEquals(List.of(), kinds(product("随便什么标题")), "no keyword given: nothing to check");
    }

    @Test
    void attributesMustBeAtLeastEightyPercentFilled() {
        // 16 / 20 = 0.80 passes; 15 / 20 = 0.75 fails
        assertEquals(List.of(), kinds(new ListingFacts("P-1", "锅", 500, null, 16, 20, Map.of())));
        List<Failure> f = ListingCheck.check(new ListingFacts("P-1", "锅", 500, null, 15, 20, Map.of()), RULES);
        assertEquals(List.of(new Failure(Kind.ATTRIBUTES, "15/20 (75%)", "80%", 0.75)), f);
    }

    @Test
    void theDearestVariantMayCostAtMostThreeTimesTheCheapest() {
        // 597 / 199 = 3.0 exactly: passes
        assertEquals(List.of(), kinds(new ListingFacts("P-1", "锅", 500, null, null, null,
                Map.of("28cm", 19_900L, "32cm", 25_900L, "36cm", 59_700L))));
        // 599 / 199 = 3.0100…: fails, naming the dearest and the cheapest
        List<Failure> f = ListingCheck.check(new ListingFacts("P-1", "锅", 500, null, null, null,
                Map.of("28cm", 19_900L, "32cm", 25_900L, "36cm", 59_900L)), RULES);
        assertEquals(1, f.size());
        assertEquals(Kind.PRICE_LADDER, f.get(0).kind());
        assertEquals("36cm ÷ 28cm", f.get(0).found());
        assertEquals("3", f.get(0).limit());
        assertEquals(59_900.0 / 19_900, f.get(0).value(), 1e-9);
        assertEquals(List.of(), kinds(new ListingFacts("P-1", "锅", 500, null, null, null, Map.of("28cm", 100L))), "one variant: no ladder");
    }

    @Test
    void stockUnderTheWarningThreshold() {
        assertEquals(List.of(), kinds(new ListingFacts("P-1", "锅", 50, null, null, null, Map.of())));
        assertEquals(List.of(new Failure(Kind.LOW_STOCK, "49", "50", 49)),
                ListingCheck.check(new ListingFacts("P-1", "锅", 49, null, null, null, Map.of()), RULES));
        assertEquals(List.of(), kinds(new ListingFacts("P-1", "锅", null, null, null, null, Map.of())), "unknown stock passes");
    }

    @Test
    void failuresComeInCheckOrderAndAreCountedOncePerProduct() {
        ListingFacts bad = new ListingFacts("P-1", "最" + "锅".repeat(30), 3, "锅", 1, 10, Map.of("a", 100L, "b", 1_000L));
        assertEquals(List.of(Kind.BANNED_WORD, Kind.TITLE_LENGTH, Kind.KEYWORD_ORDER, Kind.ATTRIBUTES, Kind.PRICE_LADDER, Kind.LOW_STOCK),
                kinds(bad));
        var counts = ListingCheck.countByKind(List.of(ListingCheck.check(bad, RULES), List.of(), ListingCheck.check(product("最"), RULES)));
        assertEquals(2L, counts.get(Kind.BANNED_WORD));
        assertEquals(1L, counts.get(Kind.LOW_STOCK));
        assertTrue(counts.keySet().containsAll(List.of(Kind.values())));
    }
}
