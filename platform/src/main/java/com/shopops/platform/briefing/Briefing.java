package com.shopops.platform.briefing;

import com.shopops.api.Finding;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A shop's morning briefing for one day: its findings, most urgent first, each compared with the
 * day before's briefing, and what the day before warned of that is gone now.
 *
 * @param shop         the shop
 * @param day          the shop-local day the findings are about
 * @param locale       the language of the findings' words
 * @param madeAt       when the findings were gathered
 * @param tookMs       how long gathering took
 * @param partial      whether {@code day} is still going on (today), so the briefing was not stored
 * @param comparedWith the day whose stored briefing this one was compared with, or null when none was stored
 * @param findings     the findings, in briefing order
 * @param cleared      the day before's critical findings and warnings that did not come back
 */
public record Briefing(Shop shop, LocalDate day, Locale locale, Instant madeAt, long tookMs, boolean partial,
                       LocalDate comparedWith, List<Item> findings, List<Item> cleared) {

    /** How a finding stands against the day before's briefing. */
    public enum Change {
        /** Not in the day before's briefing (or there was none to compare with). */
        NEW,
        /** There the day before, as urgent as now. */
        SAME,
        /** More urgent than the day before. */
        WORSE,
        /** Less urgent than the day before. */
        BETTER,
        /** There the day before, gone now. */
        CLEARED
    }

    /**
     * One finding of the briefing.
     *
     * @param key              names the finding across days: plugin, metric and, for a metric found
     *                         more than once, its place ({@code traffic:uv.search}, {@code core:task.overdue#2})
     * @param finding          what was found
     * @param change           how it stands against the day before
     * @param previousSeverity its severity the day before, or null
     * @param previousValue    its value the day before, or null
     * @param taskId           the task made from it, or null
     */
    public record Item(String key, Finding finding, Change change, Severity previousSeverity, Double previousValue,
                       Long taskId) {
    }

    /** How many findings there are of each severity, every severity present. */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(i -> counts.merge(i.finding().severity(), 1, Integer::sum));
        return counts;
    }
}
