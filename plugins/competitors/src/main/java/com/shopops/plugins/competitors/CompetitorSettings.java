package com.shopops.plugins.competitors;

import static com.shopops.api.SettingValues.decimal;
import static com.shopops.api.SettingValues.storedDecimal;
import static com.shopops.api.SettingValues.storedWhole;
import static com.shopops.api.SettingValues.whole;

import com.shopops.api.Settings;
import com.shopops.plugins.competitors.analysis.TimingRules;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shop's competitor-watch rules, in the plugin's settings under the keys named beside each; every
 * number is a default the shop can change.
 *
 * @param timing          {@code timing.min-sales} (30), {@code timing.within-days} (21), {@code timing.min-peers} (2),
 *                        {@code timing.lookback-days} (60): see {@link TimingRules}
 * @param rivalSimilarity {@code rival.similarity}: title similarity (character-bigram Jaccard) from which a peer
 *                        product competes with our hero item, default 0.3
 * @param minCut          {@code price-cut.min-rate}: the smallest price cut reported, as a fraction, default 0.05
 * @param salesJump       {@code sales-jump.rate}: a peer's monthly sales up this much over 7 days is reported, default 0.5
 */
record CompetitorSettings(TimingRules timing, double rivalSimilarity, double minCut, double salesJump) {

    static final CompetitorSettings DEFAULT = new CompetitorSettings(TimingRules.DEFAULT, 0.3, 0.05, 0.5);

    CompetitorSettings {
        require(rivalSimilarity > 0 && rivalSimilarity <= 1, "rivalSimilarity: more than 0, at most 1");
        require(minCut > 0 && minCut < 1, "minCut: more than 0, less than 1");
        require(salesJump > 0 && salesJump <= 100, "salesJump: more than 0, at most 100");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The shop's settings over the defaults; stored values that no longer read give the defaults. */
    static CompetitorSettings of(Settings settings, long shopId) {
        CompetitorSettings d = DEFAULT;
        Map<String, String> stored = settings.all(shopId);
        try {
            TimingRules t = d.timing();
            return new CompetitorSettings(new TimingRules(
                    storedWhole(stored, "timing.min-sales", t.minSales()),
                    storedWhole(stored, "timing.within-days", t.withinDays()),
                    storedWhole(stored, "timing.min-peers", t.minPeers()),
                    storedWhole(stored, "timing.lookback-days", t.lookbackDays())),
                    storedDecimal(stored, "rival.similarity", d.rivalSimilarity()),
                    storedDecimal(stored, "price-cut.min-rate", d.minCut()),
                    storedDecimal(stored, "sales-jump.rate", d.salesJump()));
        } catch (IllegalArgumentException unreadable) {
            return d;
        }
    }

    void save(Settings settings, long shopId) {
        settings.put(shopId, "timing.min-sales", Integer.toString(timing.minSales()));
        settings.put(shopId, "timing.within-days", Integer.toString(timing.withinDays()));
        settings.put(shopId, "timing.min-peers", Integer.toString(timing.minPeers()));
        settings.put(shopId, "timing.lookback-days", Integer.toString(timing.lookbackDays()));
        settings.put(shopId, "rival.similarity", Double.toString(rivalSimilarity));
        settings.put(shopId, "price-cut.min-rate", Double.toString(minCut));
        settings.put(shopId, "sales-jump.rate", Double.toString(salesJump));
    }

    Map<String, Object> asJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minSales", timing.minSales());
        m.put("withinDays", timing.withinDays());
        m.put("minPeers", timing.minPeers());
        m.put("lookbackDays", timing.lookbackDays());
        m.put("rivalSimilarity", rivalSimilarity);
        m.put("minCut", minCut);
        m.put("salesJump", salesJump);
        return m;
    }

    /** A body as {@link #asJson()} writes it, over this for what it leaves out; a bad value names its field. */
    CompetitorSettings with(Map<?, ?> body) {
        return new CompetitorSettings(new TimingRules(whole(body, "minSales", timing.minSales()),
                whole(body, "withinDays", timing.withinDays()), whole(body, "minPeers", timing.minPeers()),
                whole(body, "lookbackDays", timing.lookbackDays())),
                decimal(body, "rivalSimilarity", rivalSimilarity), decimal(body, "minCut", minCut),
                decimal(body, "salesJump", salesJump));
    }
}
