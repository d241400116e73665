package com.shopops.platform.briefing;

import com.shopops.api.Finding;
import com.shopops.api.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The briefing's order and the names that let one day's findings be matched with the next day's.
 * Pure functions over findings.
 */
public final class FindingOrder {

    /**
     * Most urgent first; within a severity the larger estimated effect first; then by plugin and
     * title, so the same findings always come in the same order.
     */
    public static final Comparator<Finding> URGENCY = Comparator.comparing(Finding::severity)
            .thenComparing(Comparator.comparingLong(Finding::impact).reversed())
            .thenComparing(Finding::plugin)
            .thenComparing(Finding::title);

    private FindingOrder() {
    }

    /** A finding with the name it has across days. */
    public record Keyed(String key, Finding finding) {
    }

    /** {@code findings} in briefing order, each with its key. */
    public static List<Keyed> arrange(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(URGENCY);
        Map<String, Integer> seen = new HashMap<>();
        List<Keyed> keyed = new ArrayList<>();
        for (Finding f : sorted) {
            String base = f.plugin() + ":" + (f.metric() == null || f.metric().isBlank() ? "-" : f.metric());
            int n = seen.merge(base, 1, Integer::sum);
            keyed.add(new Keyed(n == 1 ? base : base + "#" + n, f));
        }
        return keyed;
    }

    /**
     * Today's findings against the day before's: each today's finding with its change, then the
     * day before's critical findings and warnings that are gone.
     *
     * @param today     today's findings, arranged
     * @param dayBefore the day before's stored findings, arranged, or null when none were stored
     * @param tasks     finding key → task made from it
     * @return the findings and, separately, the cleared ones
     */
    public static Compared compare(List<Keyed> today, List<Keyed> dayBefore, Map<String, Long> tasks) {
        Map<String, Finding> before = new LinkedHashMap<>();
        if (dayBefore != null) {
            dayBefore.forEach(k -> before.put(k.key(), k.finding()));
        }
        List<Briefing.Item> items = new ArrayList<>();
        for (Keyed k : today) {
            Finding was = before.remove(k.key());
            Briefing.Change change = was == null ? Briefing.Change.NEW
                    : k.finding().severity().compareTo(was.severity()) < 0 ? Briefing.Change.WORSE
                    : k.finding().severity().compareTo(was.severity()) > 0 ? Briefing.Change.BETTER
                    : Briefing.Change.SAME;
            items.add(new Briefing.Item(k.key(), k.finding(), change, was == null ? null : was.severity(),
                    was == null ? null : was.value(), tasks.get(k.key())));
        }
        List<Briefing.Item> cleared = new ArrayList<>();
        before.forEach((key, f) -> {
            if (f.severity() == Severity.CRITICAL || f.severity() == Severity.WARNING) {
                cleared.add(new Briefing.Item(key, f, Briefing.Change.CLEARED, f.severity(), f.value(), tasks.get(key)));
            }
        });
        return new Compared(items, cleared);
    }

    /** The outcome of {@link #compare}. */
    public record Compared(List<Briefing.Item> findings, List<Briefing.Item> cleared) {
    }
}
