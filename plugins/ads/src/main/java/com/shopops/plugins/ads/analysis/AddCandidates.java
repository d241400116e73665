package com.shopops.plugins.ads.analysis;

import com.shopops.plugins.ads.analysis.KeywordDecision.Action;
import com.shopops.plugins.ads.analysis.KeywordDecision.Evidence;
import com.shopops.plugins.ads.analysis.KeywordDecision.Reason;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * New keywords mined from the search-term report (issue #7: "add"): queries that sold through a
 * broader keyword and are not bought themselves yet. A term qualifies with at least
 * {@code add-min-orders} orders and an ROI at or above target (or clicks that cost nothing). Unlike a
 * raise this does not wait for the ROI interval: search terms are sparse, and a new keyword starts
 * small and is judged by {@link KeywordDecisions} like any other from then on.
 *
 * <p>Terms are compared {@link #normalised}, and a term's rows (several ad groups, several matched
 * keywords) are added up; the decision names the ad group where it sold most. A term counts as bought
 * when any ad group of the account buys it, so the shop's ad groups do not bid against each other.
 * Ranked by GMV, then orders.
 */
public final class AddCandidates {

    private AddCandidates() {
    }

    /**
     * The ADD decisions, best first.
     *
     * @param terms    the search-term rows
     * @param bought   the bought keywords (their rows; also gives each ad group's product)
     * @param settings the shop's rules
     */
    public static List<KeywordDecision> find(Collection<SearchTermStats> terms, Collection<KeywordStats> bought,
                                             AdSettings settings) {
        Set<String> boughtWords = new HashSet<>();
        Map<AdRollup.AdGroupKey, String> products = new LinkedHashMap<>();
        for (KeywordStats k : bought) {
            boughtWords.add(normalised(k.keyword()));
            if (k.product() != null && !k.product().isEmpty()) {
                products.putIfAbsent(AdRollup.AdGroupKey.of(k), k.product());
            }
        }
        Map<String, List<SearchTermStats>> byTerm = new LinkedHashMap<>();
        for (SearchTermStats t : terms) {
            // the keyword a term matched is bought, even when the keyword report left it out
            boughtWords.add(normalised(t.keyword()));
            String term = normalised(t.searchTerm());
            if (!term.isEmpty()) {
                byTerm.computeIfAbsent(term, x -> new ArrayList<>()).add(t);
            }
        }
        List<KeywordDecision> out = new ArrayList<>();
        for (Map.Entry<String, List<SearchTermStats>> e : byTerm.entrySet()) {
            if (!boughtWords.contains(e.getKey())) {
                KeywordDecision d = judge(e.getKey(), e.getValue(), products, settings);
                if (d != null) {
                    out.add(d);
                }
            }
        }
        out.sort(Comparator.comparingLong((KeywordDecision d) -> d.evidence().gmv()).reversed()
                .thenComparing(Comparator.comparingLong((KeywordDecision d) -> d.evidence().orders()).reversed())
                .thenComparing(KeywordDecision::keyword));
        return out;
    }

    private static KeywordDecision judge(String term, List<SearchTermStats> rows, Map<AdRollup.AdGroupKey, String> products,
                                         AdSettings settings) {
        AdFigures f = AdFigures.ZERO;
        SearchTermStats best = rows.get(0);
        for (SearchTermStats t : rows) {
            f = f.plus(t.figures());
            if (t.gmv() > best.gmv()) {
                best = t;
            }
        }
        double target = settings.targetRoi();
        Double roi = f.roi();
        if (f.orders() < settings.addMinOrders() || (roi != null && roi < target)) {
            return null;
        }
        double confidence = settings.confidence();
        Double orderValue = Intervals.valuePerConversion(f.clicks(), f.orders(), f.gmv());
        Evidence evidence = new Evidence(0, f.impressions(), f.clicks(), f.cost(), f.orders(), f.gmv(), f.ctr(),
                Intervals.wilson(Math.min(f.clicks(), f.impressions()), f.impressions(), confidence), null,
                f.conversionRate(), Intervals.wilson(Math.min(f.orders(), f.clicks()), f.clicks(), confidence), roi,
                orderValue == null ? null : Intervals.roi(f.clicks(), f.orders(), f.cost(), orderValue, confidence),
                orderValue, orderValue == null ? null : orderValue / target, target, confidence, null, null);
        List<Number> args = roi == null ? List.of(f.orders(), f.gmv()) : List.of(f.orders(), f.gmv(), roi, target);
        Double cpc = f.cpc();
        // start at what its clicks cost through the broader keyword
        Long startBid = cpc == null || cpc <= 0 ? null : Math.max(1, Math.round(cpc));
        String product = products.getOrDefault(new AdRollup.AdGroupKey(best.campaign(), best.adGroup()), "");
        return new KeywordDecision(best.campaign(), best.adGroup(), product, term, Action.ADD,
                (roi == null ? Reason.SEARCH_TERM_SOLD_FREE : Reason.SEARCH_TERM_SOLD).key(), args, evidence, null,
                startBid, null);
    }

    /**
     * A query or keyword in the form they are compared in: full-width letters, digits and spaces made
     * half-width (Unicode NFKC, which also folds other compatibility forms), lower-case, trimmed, runs of
     * white space made one space. "  Ｌｉｎｅｎ　 Dress " → "linen dress".
     */
    public static String normalised(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        // Google writes its match types around the keyword: [exact], "phrase", +broad +modifier.
        if (folded.length() >= 2 && (folded.startsWith("[") && folded.endsWith("]")
                || folded.startsWith("\"") && folded.endsWith("\""))) {
            folded = folded.substring(1, folded.length() - 1);
        }
        return folded.replace("+", " ").strip().replaceAll("\\s+", " ");
    }
}
