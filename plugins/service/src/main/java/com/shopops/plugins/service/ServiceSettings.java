package com.shopops.plugins.service;

import static com.shopops.api.SettingValues.decimal;
import static com.shopops.api.SettingValues.whole;

import com.shopops.api.Settings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shop's customer-service rules, in the plugin's settings under the keys named beside each; every number
 * is a default the shop can change (DOMAIN.md: the source articles' numbers are defaults).
 *
 * @param conversionTarget {@code conversion-target}: the inquiry conversion the team aims at, default 0.50
 * @param minInquiries     {@code min-inquiries}: inquiries an agent needs in a period to be ranked and judged, default 30
 * @param weakGap          {@code weak-gap}: how far below the team's conversion an agent is "far below", in
 *                         fraction points, default 0.10 (10 points)
 * @param responseRise     {@code response-rise}: the rise of the team's average first response, last 7 days
 *                         against the 7 before, that is a finding, default 0.20 (20%)
 * @param refundGap        {@code refund-gap}: how far above the team's refund rate an agent's is "high", in
 *                         fraction points, default 0.05
 * @param periodDays       {@code period-days}: the days the briefing's figures and the page's default period
 *                         cover, default 30
 */
record ServiceSettings(double conversionTarget, int minInquiries, double weakGap, double responseRise, double refundGap,
                       int periodDays) {

    static final ServiceSettings DEFAULT = new ServiceSettings(0.50, 30, 0.10, 0.20, 0.05, 30);

    ServiceSettings {
        require(conversionTarget > 0 && conversionTarget <= 1, "conversionTarget: a fraction above 0, at most 1");
        require(minInquiries >= 1 && minInquiries <= 100_000, "minInquiries: 1 to 100000");
        require(weakGap > 0 && weakGap < 1, "weakGap: a fraction above 0, below 1");
        require(responseRise > 0 && responseRise <= 10, "responseRise: a fraction above 0, at most 10");
        require(refundGap > 0 && refundGap < 1, "refundGap: a fraction above 0, below 1");
        require(periodDays >= 7 && periodDays <= 366, "periodDays: 7 to 366 days");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static final String[][] KEYS = {{"conversionTarget", "conversion-target"}, {"minInquiries", "min-inquiries"},
            {"weakGap", "weak-gap"}, {"responseRise", "response-rise"}, {"refundGap", "refund-gap"}, {"periodDays", "period-days"}};

    /** The shop's settings over the defaults; a stored value that no longer reads is its default. */
    static ServiceSettings of(Settings settings, long shopId) {
        Map<String, Object> stored = new LinkedHashMap<>();
        for (String[] k : KEYS) {
            settings.get(shopId, k[1]).ifPresent(v -> {
                try {
                    stored.put(k[0], Double.parseDouble(v));
                } catch (NumberFormatException unreadable) {
                    // the default stays
                }
            });
        }
        try {
            return DEFAULT.with(stored);
        } catch (IllegalArgumentException unreadable) {
            return DEFAULT;
        }
    }

    void save(Settings settings, long shopId) {
        Map<String, Object> json = asJson();
        for (String[] k : KEYS) {
            settings.put(shopId, k[1], json.get(k[0]).toString());
        }
    }

    Map<String, Object> asJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conversionTarget", conversionTarget);
        m.put("minInquiries", minInquiries);
        m.put("weakGap", weakGap);
        m.put("responseRise", responseRise);
        m.put("refundGap", refundGap);
        m.put("periodDays", periodDays);
        return m;
    }

    /** A body as {@link #asJson()} writes it, over this for what it leaves out; a bad value names its field. */
    ServiceSettings with(Map<?, ?> body) {
        for (Object key : body.keySet()) {
            if (!asJson().containsKey(String.valueOf(key))) {
                throw new IllegalArgumentException(key + ": not a setting (" + String.join(", ", asJson().keySet()) + ")");
            }
        }
        return new ServiceSettings(decimal(body, "conversionTarget", conversionTarget), whole(body, "minInquiries", minInquiries),
                decimal(body, "weakGap", weakGap), decimal(body, "responseRise", responseRise), decimal(body, "refundGap", refundGap),
                whole(body, "periodDays", periodDays));
    }
}
