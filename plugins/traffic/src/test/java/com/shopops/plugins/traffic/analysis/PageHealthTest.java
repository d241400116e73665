package com.shopops.plugins.traffic.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.traffic.analysis.PageHealth.Thresholds;
import com.shopops.plugins.traffic.analysis.PageHealth.Verdict;
import com.shopops.plugins.traffic.analysis.PageHealth.WeekFigures;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageHealthTest {

    private static final Thresholds T = Thresholds.DEFAULT;

    /** A week whose hero sells 100.00 per order, with {@code sales} over {@code orders} orders. */
    private static WeekFigures aov(long sales, long orders) {
        return new WeekFigures(sales, orders, 10_000 * 4, 4, 1000, 3000, 0.5);
    }

    private static Verdict verdict(WeekFigures week, String check) {
        return PageHealth.judge(week, T).check(check).verdict();
    }

    @Test
    void theAovRatioComparesPerOrderAverages() {
        // 10 orders worth 1,300.00 (130.00 each) against a hero that sells 100.00 per order
        WeekFigures week = aov(130_000, 10);
        assertEquals(13_000, week.shopAov(), 1e-9);
        assertEquals(10_000, week.heroAov(), 1e-9);
        assertEquals(1.3, week.aovRatio(), 1e-12);
        assertEquals(Verdict.PASS, verdict(week, "aovRatio"), "exactly 1.3 passes");
        assertEquals(Verdict.FAIL, verdict(aov(129_999, 10), "aovRatio"), "just under fails");
        assertEquals(Verdict.PASS, verdict(aov(500_000, 10), "aovRatio"), "the ratio has no 'good' level");
        // a ratio that needs the exact arithmetic: 3 orders of 130.00 and a hero of 3 × 100.00 in 3 orders
        assertEquals(Verdict.PASS, PageHealth.judge(new WeekFigures(39_000, 3, 30_000, 3, 1, 3, 0.5), T).check("aovRatio").verdict());
    }

    @Test
    void bounceRateEdges() {
        assertEquals(Verdict.FAIL, verdict(bounce(0.70), "bounceRate"), "70% is not below 70%");
        assertEquals(Verdict.PASS, verdict(bounce(0.699999), "bounceRate"));
        assertEquals(Verdict.PASS, verdict(bounce(0.60), "bounceRate"), "60% is passing, not good");
        assertEquals(Verdict.GOOD, verdict(bounce(0.599999), "bounceRate"));
        assertEquals(Verdict.FAIL, verdict(bounce(0.95), "bounceRate"));
        // a weighted average that lands on 0.7000000000000001 in doubles is judged as 70%
        assertEquals(Verdict.FAIL, verdict(bounce((0.65 * 100 + 0.75 * 100) / 200), "bounceRate"));
        assertEquals(Verdict.FAIL, verdict(bounce(0.6999999999), "bounceRate"), "rounding noise below 70% is 70%");
        assertEquals(Verdict.PASS, verdict(bounce(0.6999994), "bounceRate"), "69.9999% rounds to 0.699999");
    }

    private static WeekFigures bounce(double rate) {
        return new WeekFigures(0, 0, 0, 0, 100, 300, rate);
    }

    @Test
    void pagesPerVisitEdges() {
        assertEquals(Verdict.FAIL, verdict(pages(249), "pagesPerVisit"));
        assertEquals(Verdict.PASS, verdict(pages(250), "pagesPerVisit"), "2.5 passes");
        assertEquals(Verdict.PASS, verdict(pages(350), "pagesPerVisit"), "3.5 is passing, not good");
        assertEquals(Verdict.GOOD, verdict(pages(351), "pagesPerVisit"));
    }

    private static WeekFigures pages(long pv) {
        return new WeekFigures(0, 0, 0, 0, 100, pv, null);
    }

    @Test
    void missingDataIsUnknownAndNotFailing() {
        PageHealth empty = PageHealth.judge(new WeekFigures(0, 0, 0, 0, 0, 0, null), T);
        empty.checks().forEach(c -> assertEquals(Verdict.UNKNOWN, c.verdict(), c.name()));
        empty.checks().forEach(c -> assertNull(c.value(), c.name()));
        assertFalse(empty.failing());
        // orders without a hero that sold for money (all lines free): unknown, not a division by zero
        assertEquals(Verdict.UNKNOWN, verdict(new WeekFigures(0, 3, 0, 3, 0, 0, null), "aovRatio"));
    }

    @Test
    void anyFailingCheckMakesThePagesFail() {
        PageHealth health = PageHealth.judge(new WeekFigures(130_000, 10, 40_000, 4, 100, 400, 0.72), T);
        assertEquals(Verdict.PASS, health.check("aovRatio").verdict());
        assertEquals(Verdict.FAIL, health.check("bounceRate").verdict());
        assertEquals(Verdict.GOOD, health.check("pagesPerVisit").verdict());
        assertTrue(health.failing());
        assertFalse(PageHealth.judge(new WeekFigures(130_000, 10, 40_000, 4, 100, 400, 0.5), T).failing());
    }

    @Test
    void thresholdsComeFromTheShopsSettingsWithDefaultsForTheRest() {
        Thresholds t = Thresholds.fromSettings(Map.of("page-health.aov-ratio", "1.5", "page-health.bounce-rate.pass", " 0.65 ",
                "other.setting", "x"));
        assertEquals(new Thresholds(1.5, 0.65, 0.60, 2.5, 3.5), t);
        assertEquals(Verdict.FAIL, PageHealth.judge(aov(140_000, 10), t).check("aovRatio").verdict(), "1.4 < 1.5");
        assertEquals(Verdict.FAIL, PageHealth.judge(bounce(0.66), t).check("bounceRate").verdict(), "66% ≥ the shop's 65%");
    }

    @Test
    void badStoredThresholdsFallBackToTheirDefaults() {
        Map<String, String> stored = new HashMap<>();
        stored.put("page-health.aov-ratio", "lots");
        stored.put("page-health.bounce-rate.good", "0.8"); // above the passing 0.7: contradicts
        stored.put("page-health.pages-per-visit.pass", "NaN");
        stored.put("page-health.pages-per-visit.good", "4");
        assertEquals(new Thresholds(1.3, 0.70, 0.60, 2.5, 4.0), Thresholds.fromSettings(stored));
    }

    @Test
    void changesAreValidatedAndNullResetsToTheDefault() {
        Thresholds t = T.with(Map.of("page-health.bounce-rate.pass", 0.8, "page-health.bounce-rate.good", "0.5"));
        assertEquals(new Thresholds(1.3, 0.8, 0.5, 2.5, 3.5), t);
        Map<String, Object> reset = new HashMap<>();
        reset.put("page-health.bounce-rate.pass", null);
        assertEquals(new Thresholds(1.3, 0.7, 0.5, 2.5, 3.5), t.with(reset));

        assertMessage("unknown threshold 'page-health.bounce'", () -> T.with(Map.of("page-health.bounce", 0.5)));
        assertMessage("page-health.aov-ratio: a number, not 'many'", () -> T.with(Map.of("page-health.aov-ratio", "many")));
        assertMessage("page-health.aov-ratio: a number, not true", () -> T.with(Map.of("page-health.aov-ratio", true)));
        assertMessage("page-health.aov-ratio: a ratio above 0", () -> T.with(Map.of("page-health.aov-ratio", 0)));
        assertMessage("page-health.bounce-rate.pass: a fraction", () -> T.with(Map.of("page-health.bounce-rate.pass", 70)));
        assertMessage("page-health.bounce-rate.good (0.75) cannot be above page-health.bounce-rate.pass (0.7)",
                () -> T.with(Map.of("page-health.bounce-rate.good", 0.75)));
        assertMessage("page-health.pages-per-visit.good (2.0) cannot be below page-health.pages-per-visit.pass (2.5)",
                () -> T.with(Map.of("page-health.pages-per-visit.good", 2)));
        assertMessage("page-health.pages-per-visit.pass: pages above 0", () -> T.with(Map.of("page-health.pages-per-visit.pass", -1)));
        assertMessage("page-health.aov-ratio: a number", () -> T.with(Map.of("page-health.aov-ratio", Double.NaN)));
    }

    @Test
    void thresholdsAreStoredAsPlainText() {
        assertEquals("0.7", Thresholds.text(0.7));
        assertEquals("3", Thresholds.text(3.0));
        assertEquals("1.25", Thresholds.text(1.25));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
