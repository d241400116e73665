package com.shopops.platform.briefing;

import com.shopops.api.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The briefing as JSON, as {@code GET /api/shops/{shop}/briefing} answers and {@code shopops briefing
 * --format json} prints it: the contract's {@code date} and {@code findings} (severity in lower case)
 * plus the comparison with the day before.
 */
public final class BriefingJson {

    private BriefingJson() {
    }

    /** The JSON object of {@code b}. */
    public static Map<String, Object> of(Briefing b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shop", b.shop().code());
        out.put("date", b.day());
        out.put("lang", b.locale().toLanguageTag());
        out.put("currency", b.shop().currency());
        out.put("madeAt", b.madeAt());
        out.put("tookMs", b.tookMs());
        out.put("partial", b.partial());
        out.put("comparedWith", b.comparedWith());
        Map<String, Integer> counts = new LinkedHashMap<>();
        b.counts().forEach((s, n) -> counts.put(lower(s.name()), n));
        out.put("counts", counts);
        out.put("findings", items(b.findings()));
        out.put("cleared", items(b.cleared()));
        return out;
    }

    private static List<Map<String, Object>> items(List<Briefing.Item> items) {
        return items.stream().map(BriefingJson::item).toList();
    }

    private static Map<String, Object> item(Briefing.Item item) {
        Finding f = item.finding();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", item.key());
        out.put("plugin", f.plugin());
        out.put("severity", lower(f.severity().name()));
        out.put("title", f.title());
        out.put("detail", f.detail());
        out.put("metric", f.metric());
        out.put("value", f.value());
        out.put("expected", f.expected());
        out.put("unit", f.unit() == null ? null : lower(f.unit().name()));
        out.put("suggestion", f.suggestion());
        out.put("role", f.role() == null ? null : f.role().name());
        out.put("link", f.link());
        out.put("impact", f.impact());
        out.put("trend", f.trend());
        out.put("change", lower(item.change().name()));
        out.put("previousSeverity", item.previousSeverity() == null ? null : lower(item.previousSeverity().name()));
        out.put("previousValue", item.previousValue());
        out.put("task", item.taskId());
        return out;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
