package com.shopops.plugins.listings;

import static com.shopops.api.SettingValues.decimal;
import static com.shopops.api.SettingValues.storedDecimal;
import static com.shopops.api.SettingValues.storedWhole;
import static com.shopops.api.SettingValues.whole;

import com.shopops.api.Settings;
import com.shopops.plugins.listings.analysis.ListingRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shop's {@link ListingRules} in the plugin's settings (keys as {@link ListingRules} names them), and as the
 * JSON of {@code GET|PUT /settings}. Lists are stored as text separated by commas.
 */
final class ListingsSettings {

    private ListingsSettings() {
    }

    /** The shop's rules over the defaults; a stored value that no longer reads is its default. */
    static ListingRules of(Settings settings, long shopId) {
        ListingRules d = ListingRules.DEFAULT;
        Map<String, String> s = settings.all(shopId);
        try {
            return new ListingRules(storedWhole(s, "top-count", d.topCount()), storedWhole(s, "top-days", d.topDays()),
                    storedWhole(s, "negative-max", d.negativeMax()), storedWhole(s, "neutral-max", d.neutralMax()),
                    storedDecimal(s, "similarity", d.similarity()), storedWhole(s, "suspect-days", d.suspectDays()),
                    storedWords(s, "own-shop-names", d.ownShopNames()), storedWords(s, "banned-words", d.bannedWords()),
                    storedWhole(s, "title-max", d.titleMax()), storedDecimal(s, "attributes-min", d.attributesMin()),
                    storedDecimal(s, "price-ladder-ratio", d.priceLadderRatio()),
                    storedWhole(s, "stock-warning", d.stockWarning()));
        } catch (IllegalArgumentException unreadable) {
            return d;
        }
    }

    private static List<String> storedWords(Map<String, String> stored, String key, List<String> fallback) {
        String text = stored.get(key);
        return text == null ? fallback : split(text);
    }

    static List<String> split(String text) {
        return Arrays.stream(text.split("[,，、\\n]")).map(String::strip).filter(w -> !w.isEmpty()).distinct().toList();
    }

    static void save(Settings s, long shopId, ListingRules r) {
        s.put(shopId, "top-count", Integer.toString(r.topCount()));
        s.put(shopId, "top-days", Integer.toString(r.topDays()));
        s.put(shopId, "negative-max", Integer.toString(r.negativeMax()));
        s.put(shopId, "neutral-max", Integer.toString(r.neutralMax()));
        s.put(shopId, "similarity", Double.toString(r.similarity()));
        s.put(shopId, "suspect-days", Integer.toString(r.suspectDays()));
        s.put(shopId, "own-shop-names", String.join(",", r.ownShopNames()));
        s.put(shopId, "banned-words", String.join(",", r.bannedWords()));
        s.put(shopId, "title-max", Integer.toString(r.titleMax()));
        s.put(shopId, "attributes-min", Double.toString(r.attributesMin()));
        s.put(shopId, "price-ladder-ratio", Double.toString(r.priceLadderRatio()));
        s.put(shopId, "stock-warning", Integer.toString(r.stockWarning()));
    }

    static Map<String, Object> json(ListingRules r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topCount", r.topCount());
        m.put("topDays", r.topDays());
        m.put("negativeMax", r.negativeMax());
        m.put("neutralMax", r.neutralMax());
        m.put("similarity", r.similarity());
        m.put("suspectDays", r.suspectDays());
        m.put("ownShopNames", r.ownShopNames());
        m.put("bannedWords", r.bannedWords());
        m.put("titleMax", r.titleMax());
        m.put("attributesMin", r.attributesMin());
        m.put("priceLadderRatio", r.priceLadderRatio());
        m.put("stockWarning", r.stockWarning());
        return m;
    }

    /** A body as {@link #json} writes it, over {@code r} for what it leaves out; a bad value names its field. */
    static ListingRules with(ListingRules r, Map<?, ?> body) {
        for (Object key : body.keySet()) {
            // "defaults" is what GET answers beside the rules: a client may send it back
            if (!json(r).containsKey(String.valueOf(key)) && !"defaults".equals(key)) {
                throw new IllegalArgumentException(key + ": not a setting of listings");
            }
        }
        return new ListingRules(whole(body, "topCount", r.topCount()), whole(body, "topDays", r.topDays()),
                whole(body, "negativeMax", r.negativeMax()), whole(body, "neutralMax", r.neutralMax()),
                decimal(body, "similarity", r.similarity()), whole(body, "suspectDays", r.suspectDays()),
                words(body, "ownShopNames", r.ownShopNames()), words(body, "bannedWords", r.bannedWords()),
                whole(body, "titleMax", r.titleMax()), decimal(body, "attributesMin", r.attributesMin()),
                decimal(body, "priceLadderRatio", r.priceLadderRatio()), whole(body, "stockWarning", r.stockWarning()));
    }

    private static List<String> words(Map<?, ?> body, String key, List<String> fallback) {
        if (!body.containsKey(key)) {
            return fallback;
        }
        Object v = body.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new IllegalArgumentException(key + ": a list of texts");
                }
                if (s.contains(",")) {
                    throw new IllegalArgumentException(key + ": a text without commas, not '" + s + "'");
                }
                if (!s.isBlank() && !out.contains(s.strip())) {
                    out.add(s.strip());
                }
            }
            return out;
        }
        if (v instanceof String s) {
            return split(s);
        }
        throw new IllegalArgumentException(key + ": a list of texts");
    }
}
