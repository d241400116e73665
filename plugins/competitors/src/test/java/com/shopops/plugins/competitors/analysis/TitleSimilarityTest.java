package com.shopops.plugins.competitors.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Character-bigram Jaccard on titles, against hand counts and an independent count over substrings. */
class TitleSimilarityTest {

    /** The same measure another way: every 2-character window of the letters and digits, as a list, then sets. */
    private static double independent(String a, String b) {
        String x = a.toLowerCase().replaceAll("[^\\p{L}\\p{N}]", "");
        String y = b.toLowerCase().replaceAll("[^\\p{L}\\p{N}]", "");
        Set<String> sx = new HashSet<>();
        Set<String> sy = new HashSet<>();
        for (int i = 0; i + 2 <= x.length(); i++) {
            sx.add(x.substring(i, i + 2));
        }
        for (int i = 0; i + 2 <= y.length(); i++) {
            sy.add(y.substring(i, i + 2));
        }
        Set<String> union = new HashSet<>(sx);
        union.addAll(sy);
        Set<String> both = new HashSet<>(sx);
        both.retainAll(sy);
        return union.isEmpty() ? 0 : (double) both.size() / union.size();
    }

    @Test
    void handCountedPairs() {
        assertEquals(1.0, TitleSimilarity.of("硅胶锅铲", "硅胶锅铲"));
        // {硅胶, 胶锅, 锅铲} and {硅胶, 胶铲, 铲子}: 1 shared of 5
        assertEquals(0.2, TitleSimilarity.of("硅胶锅铲", "硅胶铲子"), 1e-12);
        // 14 bigrams and 11; shared: 硅胶 胶厨 厨具 具套 套装 锅铲 铲1 件套 = 8 of 17
        assertEquals(8 / 17.0, TitleSimilarity.of("硅胶厨具套装 耐高温 锅铲 12件套", "硅胶厨具套装 锅铲 10件套"), 1e-12);
        // spaces, case and punctuation do not count
        assertEquals(1.0, TitleSimilarity.of("Pan-Set 12", "pan set12"));
        assertEquals(0.0, TitleSimilarity.of("", "锅"));
        assertEquals(0.0, TitleSimilarity.of("玻璃水杯", "不锈钢菜刀"));
        assertEquals(1.0, TitleSimilarity.of("锅", "锅"), "one character is its one character");
    }

    @Test
    void agreesWithAnIndependentCount() {
        List<String> titles = List.of("硅胶厨具套装 耐高温不伤锅 锅铲汤勺漏勺 12件套", "硅胶厨具套装 耐高温 家用 锅铲汤勺 10件套",
                "麦饭石不粘炒锅 家用", "Non-stick frying pan 28cm", "non stick pan 28 cm set", "圣诞饼干模具 不锈钢 12件套");
        for (String a : titles) {
            for (String b : titles) {
                assertEquals(independent(a, b), TitleSimilarity.of(a, b), 1e-12, a + " / " + b);
            }
        }
    }

    @Test
    void categoriesCompareByTheirLastPart() {
        assertEquals(true, Categories.same("厨房用具/厨房小工具", "厨房小工具"));
        assertEquals(true, Categories.same("厨房用具 > 厨房小工具 ", "厨房 小工具"));
        assertEquals(false, Categories.same("厨房用具/锅具", "厨房用具/刀具砧板"));
        assertEquals(false, Categories.same(null, null));
        assertEquals(false, Categories.same("", ""));
    }
}
