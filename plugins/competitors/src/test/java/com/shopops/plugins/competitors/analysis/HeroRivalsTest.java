package com.shopops.plugins.competitors.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which peers' price cuts compete with our hero item. */
class HeroRivalsTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 2);
    static final HeroRivals.Hero HERO = new HeroRivals.Hero("HK-1", "硅胶厨具套装 耐高温 锅铲 12件套", "厨房用具/厨房小工具");

    static PriceChange change(String id, String title, String category, long from, long to) {
        return new PriceChange(1, id, title, category, DAY, from, to);
    }

    @Test
    void cutsOfTheHerosCategoryOrOfALikeTitleCountFromTheSmallestCutUp() {
        List<PriceChange> changes = List.of(
                change("a", "不锈钢削皮器", "厨房小工具", 10_000, 8_000),                  // same category (leaf), −20%
                change("b", "硅胶厨具套装 锅铲 10件套", "餐具", 10_000, 9_000),             // 8/17 ≈ 0.47 alike, −10%
                change("c", "多功能剪刀", "厨房用具/厨房小工具", 10_000, 9_700),             // −3%: under 5%
                change("d", "硅胶厨具套装 锅铲 10件套", "厨房小工具", 10_000, 11_000),        // a rise
                change("e", "玻璃水杯", "杯壶茶具", 10_000, 7_000));                        // neither
        List<HeroRivals.RivalCut> cuts = HeroRivals.cuts(HERO, changes, 0.3, 0.05);
        assertEquals(List.of("a", "b"), cuts.stream().map(c -> c.change().productId()).toList());
        assertEquals(true, cuts.get(0).sameCategory());
        assertEquals(false, cuts.get(1).sameCategory());
        assertEquals(8 / 17.0, cuts.get(1).similarity(), 1e-12);
        // a stricter similarity leaves the like title out; a 3% threshold lets c in
        assertEquals(List.of("a"), HeroRivals.cuts(HERO, changes, 0.5, 0.05).stream().map(c -> c.change().productId()).toList());
        assertEquals(List.of("a", "b", "c"), HeroRivals.cuts(HERO, changes, 0.3, 0.03).stream().map(c -> c.change().productId()).toList());
    }
}
