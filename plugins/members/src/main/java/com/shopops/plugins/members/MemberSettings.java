package com.shopops.plugins.members;

import static com.shopops.api.SettingValues.decimal;
import static com.shopops.api.SettingValues.storedDecimal;
import static com.shopops.api.SettingValues.storedWhole;
import static com.shopops.api.SettingValues.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.Settings;
import com.shopops.plugins.members.analysis.Tier;
import com.shopops.plugins.members.analysis.TierLadder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shop's member rules, kept in the plugin's settings under the keys named beside each; every number is
 * a default the shop can change.
 *
 * @param tiers            {@code tiers}: the tier ladder by spend over the last 12 months, JSON; default
 *                         Member from 0, Silver from ¥1,000 (5% off), Gold from ¥5,000 (10% off)
 * @param pointsPerYuan    {@code points-per-yuan}: points earned per whole yuan of a counting order, default 1
 * @param holdoutShare     {@code holdout-share}: the share of an audience kept back at random, default 0.1
 * @param measureDays      {@code measure-days}: days after sending over which an action is measured, default 14
 * @param reactivationRate {@code reactivation-rate}: the share of a dormant segment an offer is expected to
 *                         bring back, for the expected value of acting, default 0.05
 * @param repeatDrop       {@code repeat-drop}: a fall of the 30-day repeat rate by this much (a fraction, 0.02
 *                         = 2 points) against the 30 days before is a warning, default 0.02
 */
record MemberSettings(TierLadder tiers, int pointsPerYuan, double holdoutShare, int measureDays, double reactivationRate,
                      double repeatDrop) {

    static final String TIERS = "tiers";
    static final String POINTS_PER_YUAN = "points-per-yuan";
    static final String HOLDOUT_SHARE = "holdout-share";
    static final String MEASURE_DAYS = "measure-days";
    static final String REACTIVATION_RATE = "reactivation-rate";
    static final String REPEAT_DROP = "repeat-drop";

    private static final ObjectMapper JSON = new ObjectMapper();

    static final MemberSettings DEFAULT = new MemberSettings(TierLadder.defaults(), 1, 0.1, 14, 0.05, 0.02);

    /** Checks each value; the message names the setting at fault. */
    MemberSettings {
        require(tiers != null, TIERS + ": at least one tier");
        require(pointsPerYuan >= 0 && pointsPerYuan <= 1000, "pointsPerYuan: 0 to 1000 points per yuan");
        require(holdoutShare >= 0.01 && holdoutShare <= 0.5, "holdoutShare: a share from 0.01 to 0.5 (kept back to measure)");
        require(measureDays >= 1 && measureDays <= 120, "measureDays: 1 to 120 days");
        require(reactivationRate > 0 && reactivationRate <= 1, "reactivationRate: a share above 0, at most 1");
        require(repeatDrop > 0 && repeatDrop <= 1, "repeatDrop: a fall above 0, at most 1");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The shop's settings, the defaults where it has none; a stored value that no longer reads is the default. */
    static MemberSettings of(Settings settings, long shopId) {
        MemberSettings d = DEFAULT;
        TierLadder tiers = d.tiers();
        try {
            String text = settings.get(shopId, TIERS).orElse(null);
            if (text != null) {
                tiers = ladder(JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() { }));
            }
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            tiers = d.tiers();
        }
        Map<String, String> stored = settings.all(shopId);
        return new MemberSettings(tiers,
                storedWhole(stored, POINTS_PER_YUAN, d.pointsPerYuan()),
                storedDecimal(stored, HOLDOUT_SHARE, d.holdoutShare()),
                storedWhole(stored, MEASURE_DAYS, d.measureDays()),
                storedDecimal(stored, REACTIVATION_RATE, d.reactivationRate()),
                storedDecimal(stored, REPEAT_DROP, d.repeatDrop()));
    }

    /** Stores every value. */
    void save(Settings settings, long shopId) {
        try {
            settings.put(shopId, TIERS, JSON.writeValueAsString(tierMaps()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        settings.put(shopId, POINTS_PER_YUAN, Integer.toString(pointsPerYuan));
        settings.put(shopId, HOLDOUT_SHARE, Double.toString(holdoutShare));
        settings.put(shopId, MEASURE_DAYS, Integer.toString(measureDays));
        settings.put(shopId, REACTIVATION_RATE, Double.toString(reactivationRate));
        settings.put(shopId, REPEAT_DROP, Double.toString(repeatDrop));
    }

    /** The settings as the routes show them. */
    Map<String, Object> asJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tiers", tierMaps());
        m.put("pointsPerYuan", pointsPerYuan);
        m.put("holdoutShare", holdoutShare);
        m.put("measureDays", measureDays);
        m.put("reactivationRate", reactivationRate);
        m.put("repeatDrop", repeatDrop);
        return m;
    }

    private List<Map<String, Object>> tierMaps() {
        return tiers.tiers().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("minSpend", t.minSpend());
            m.put("discountPercent", t.discountPercent());
            return m;
        }).toList();
    }

    /**
     * A body as {@link #asJson()} writes it, over {@code base} for what it leaves out.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    static MemberSettings fromJson(Map<?, ?> body, MemberSettings base) {
        TierLadder tiers = base.tiers();
        if (body.containsKey("tiers")) {
            if (!(body.get("tiers") instanceof List<?> rows)) {
                throw new IllegalArgumentException("tiers: a list of {\"name\",\"minSpend\",\"discountPercent\"}");
            }
            List<Map<String, Object>> maps = new java.util.ArrayList<>();
            for (Object row : rows) {
                if (!(row instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException("tiers: each tier is {\"name\",\"minSpend\",\"discountPercent\"}");
                }
                Map<String, Object> copy = new LinkedHashMap<>();
                m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                maps.add(copy);
            }
            tiers = ladder(maps);
        }
        return new MemberSettings(tiers,
                whole(body, "pointsPerYuan", base.pointsPerYuan()),
                decimal(body, "holdoutShare", base.holdoutShare()),
                whole(body, "measureDays", base.measureDays()),
                decimal(body, "reactivationRate", base.reactivationRate()),
                decimal(body, "repeatDrop", base.repeatDrop()));
    }

    private static TierLadder ladder(List<Map<String, Object>> rows) {
        List<Tier> tiers = new java.util.ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object name = row.get("name");
            if (!(name instanceof String text)) {
                throw new IllegalArgumentException("tiers: each tier needs a name");
            }
            tiers.add(new Tier(text.strip(), wholeValue(row.get("minSpend"), "tiers: " + text + " minSpend"),
                    (int) wholeValue(row.get("discountPercent"), "tiers: " + text + " discountPercent")));
        }
        return new TierLadder(tiers);
    }

    private static long wholeValue(Object value, String name) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException(name + ": a whole number, not " + value);
    }
}
