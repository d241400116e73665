package com.shopops.platform.briefing;

import static com.shopops.platform.briefing.FindingGatheringTest.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.shopops.api.Finding;
import com.shopops.api.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The briefing's order (severity, then impact), the keys across days, and the day-over-day comparison. */
class FindingOrderTest {

    @Test
    void mostUrgentFirstThenLargestImpact() {
        List<Finding> mixed = List.of(
                finding("a", Severity.GOOD, "good", 900),
                finding("a", Severity.WARNING, "small warning", 10),
                finding("b", Severity.CRITICAL, "critical", 1),
                finding("a", Severity.INFO, "info", 5_000),
                finding("c", Severity.WARNING, "big warning", 70_000),
                finding("b", Severity.WARNING, "same impact, plugin b", 10));
        List<String> titles = FindingOrder.arrange(mixed).stream().map(k -> k.finding().title()).toList();
        assertEquals(List.of("critical", "big warning", "small warning", "same impact, plugin b", "info", "good"), titles);
    }

    @Test
    void keysNameAPluginsMetricAndNumberItsRepeats() {
        List<FindingOrder.Keyed> keyed = FindingOrder.arrange(List.of(
                finding("traffic", Severity.WARNING, "one", 3),
                finding("traffic", Severity.WARNING, "two", 2),
                new Finding("core", Severity.INFO, "no metric", null, null, null, null, null, null, null, null, 0)));
        assertEquals(List.of("traffic:m", "traffic:m#2", "core:-"), keyed.stream().map(FindingOrder.Keyed::key).toList());
    }

    @Test
    void comparedWithTheDayBefore() {
        List<FindingOrder.Keyed> before = List.of(
                new FindingOrder.Keyed("t:uv", finding("t", Severity.WARNING, "uv down", 1)),
                new FindingOrder.Keyed("t:cr", finding("t", Severity.CRITICAL, "cr down", 1)),
                new FindingOrder.Keyed("t:aov", finding("t", Severity.INFO, "aov", 1)),
                new FindingOrder.Keyed("t:stock", finding("t", Severity.WARNING, "stock low", 1)),
                new FindingOrder.Keyed("t:tip", finding("t", Severity.INFO, "a tip", 1)));
        List<FindingOrder.Keyed> today = List.of(
                new FindingOrder.Keyed("t:uv", finding("t", Severity.CRITICAL, "uv down more", 1)),
                new FindingOrder.Keyed("t:cr", finding("t", Severity.WARNING, "cr recovering", 1)),
                new FindingOrder.Keyed("t:aov", finding("t", Severity.INFO, "aov", 1)),
                new FindingOrder.Keyed("t:new", finding("t", Severity.INFO, "new thing", 1)));
        FindingOrder.Compared c = FindingOrder.compare(today, before, Map.of("t:uv", 12L, "t:stock", 7L));
        assertEquals(List.of(Briefing.Change.WORSE, Briefing.Change.BETTER, Briefing.Change.SAME, Briefing.Change.NEW),
                c.findings().stream().map(Briefing.Item::change).toList());
        assertEquals(Severity.WARNING, c.findings().get(0).previousSeverity());
        assertEquals(12L, c.findings().get(0).taskId());
        assertNull(c.findings().get(3).previousSeverity());
        assertEquals(List.of("stock low"), c.cleared().stream().map(i -> i.finding().title()).toList(),
                "only warnings and critical findings are reported as cleared");
        assertEquals(7L, c.cleared().get(0).taskId());
    }

    @Test
    void withoutADayBeforeEverythingIsNew() {
        FindingOrder.Compared c = FindingOrder.compare(
                List.of(new FindingOrder.Keyed("t:uv", finding("t", Severity.WARNING, "uv", 1))), null, Map.of());
        assertEquals(Briefing.Change.NEW, c.findings().get(0).change());
        assertEquals(List.of(), c.cleared());
    }
}
