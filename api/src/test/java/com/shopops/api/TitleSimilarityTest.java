package com.shopops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bigram Jaccard index on hand-made Chinese and English titles, each value worked out by hand in the
 * comment beside it, and against an independent count over random titles.
 */
class TitleSimilarityTest {

    private static final double EPS = 1e-9;

    @Test
    void chineseTitlesAreComparedByCharacterBigrams() {
        // {硅胶, 胶锅, 锅铲} and {硅胶, 胶汤, 汤勺}: 1 shared of 5 → 0.2
        assertEquals(0.2, TitleSimilarity.jaccard("硅胶锅铲", "硅胶汤勺"), EPS);
        // {硅胶, 胶厨, 厨具, 具套, 套装} and {厨具, 具套, 套装, 装硅, 硅胶}: 4 shared of 6 → 2/3; words reordered stay similar
        assertEquals(2.0 / 3, TitleSimilarity.jaccard("硅胶厨具套装", "厨具套装硅胶"), EPS);
        // spaces and punctuation do not count: "硅胶 厨具【套装】" is "硅胶厨具套装" → 1
        assertEquals(1.0, TitleSimilarity.jaccard("硅胶 厨具【套装】", "硅胶厨具套装"), EPS);
        // the demo's copycat, ours + " 家用": ours normalized is 22 characters (6 + 6 + 6 + "12件套"), 21 bigrams, all
        // distinct; the copy adds 套家 and 家用 → 21 shared of 23
        assertEquals(21.0 / 23, TitleSimilarity.jaccard("硅胶厨具套装 耐高温不伤锅 锅铲汤勺漏勺 12件套",
                "硅胶厨具套装 耐高温不伤锅 锅铲汤勺漏勺 12件套 家用"), EPS);
    }

    @Test
    void latinTitlesIgnoreCaseSpacesPunctuationAndWidth() {
        // "redcup" {re, ed, dc, cu, up} and "redcups" the same + ps: 5 of 6
        assertEquals(5.0 / 6, TitleSimilarity.jaccard("red cup", "Red Cups!"), EPS);
        // {ab, bc} and {ab, bd}: 1 of 3
        assertEquals(1.0 / 3, TitleSimilarity.jaccard("abc", "abd"), EPS);
        // full-width ＡＢＣ is ABC (NFKC), lower case abc
        assertEquals(1.0, TitleSimilarity.jaccard("ＡＢＣ", "abc"), EPS);
        // bigrams are a set: "aaaa" is {aa}, like "aa"
        assertEquals(1.0, TitleSimilarity.jaccard("aaaa", "aa"), EPS);
        // mixed: "304杯" {30, 04, 4杯} and "304壶" {30, 04, 4壶}: 2 of 4
        assertEquals(0.5, TitleSimilarity.jaccard("304杯", "304壶"), EPS);
    }

    @Test
    void titlesOfKitchenwarePeers() {
        assertEquals(1.0, TitleSimilarity.jaccard("硅胶锅铲", "硅胶锅铲"));
        // {硅胶, 胶锅, 锅铲} and {硅胶, 胶铲, 铲子}: 1 shared of 5
        assertEquals(0.2, TitleSimilarity.jaccard("硅胶锅铲", "硅胶铲子"), 1e-12);
        // 14 bigrams and 11; shared: 硅胶 胶厨 厨具 具套 套装 锅铲 铲1 件套 = 8 of 17
        assertEquals(8 / 17.0, TitleSimilarity.jaccard("硅胶厨具套装 耐高温 锅铲 12件套", "硅胶厨具套装 锅铲 10件套"), 1e-12);
        // spaces, case and punctuation do not count
        assertEquals(1.0, TitleSimilarity.jaccard("Pan-Set 12", "pan set12"));
        assertEquals(0.0, TitleSimilarity.jaccard("", "锅"));
        assertEquals(0.0, TitleSimilarity.jaccard("玻璃水杯", "不锈钢菜刀"));
        assertEquals(1.0, TitleSimilarity.jaccard("锅", "锅"), "one character is its one character");
    }

    @Test
    void shortAndEmptyTitles() {
        assertEquals(1.0, TitleSimilarity.jaccard("锅", "锅"), EPS);   // one character is its one character
        assertEquals(0.0, TitleSimilarity.jaccard("锅", "壶"), EPS);
        assertEquals(0.0, TitleSimilarity.jaccard("", "abc"), EPS);    // nothing is like nothing
        assertEquals(0.0, TitleSimilarity.jaccard("!!! ", "!!!"), EPS);
        assertEquals(0.0, TitleSimilarity.jaccard(null, "abc"), EPS);
    }

    @Test
    void agreesWithAnIndependentCountOnRandomTitles() {
        SplittableRandom rnd = new SplittableRandom(13);
        String alphabet = "锅铲汤勺硅胶厨具套装abcXYZ12 ";
        for (int i = 0; i < 500; i++) {
            String a = random(rnd, alphabet);
            String b = random(rnd, alphabet);
            assertEquals(independent(a, b), TitleSimilarity.jaccard(a, b), EPS, a + " | " + b);
            assertEquals(TitleSimilarity.jaccard(a, b), TitleSimilarity.jaccard(b, a), EPS, "symmetric");
        }
    }

    private static String random(SplittableRandom rnd, String alphabet) {
        StringBuilder s = new StringBuilder();
        int n = 1 + rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** Jaccard by counting pairs of adjacent kept characters, over text lower-cased without spaces (the alphabet needs no NFKC). */
    private static double independent(String a, String b) {
        List<String> x = pairs(a.toLowerCase().replace(" ", ""));
        List<String> y = pairs(b.toLowerCase().replace(" ", ""));
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        long shared = union.stream().filter(x::contains).filter(y::contains).count();
        return union.isEmpty() || x.isEmpty() || y.isEmpty() ? 0 : (double) shared / union.size();
    }

    private static List<String> pairs(String s) {
        if (s.length() == 1) {
            return List.of(s);
        }
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }
}
