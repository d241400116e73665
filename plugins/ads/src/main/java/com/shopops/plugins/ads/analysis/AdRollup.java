package com.shopops.plugins.ads.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Keyword rows added up by a grouping: ad group, campaign, product, day, or any key the caller names.
 * Rows are keyword-days or keyword-periods as the store hands them; each group's {@link AdFigures} is
 * the exact sum of its rows, so the groups of one grouping add up to the total.
 */
public final class AdRollup {

    private AdRollup() {
    }

    /**
     * An ad group, named by its campaign too: two campaigns may each have an ad group called "连衣裙".
     *
     * @param campaign the campaign
     * @param adGroup  the ad group within it
     */
    public record AdGroupKey(String campaign, String adGroup) {

        /** The ad group a keyword row belongs to. */
        public static AdGroupKey of(KeywordStats s) {
            return new AdGroupKey(s.campaign(), s.adGroup());
        }
    }

    /**
     * A bought keyword: the same words bought in two ad groups are two keywords with two bids.
     *
     * @param campaign the campaign
     * @param adGroup  the ad group
     * @param keyword  the keyword as bought
     */
    public record KeywordKey(String campaign, String adGroup, String keyword) {

        /** The keyword a row is about. */
        public static KeywordKey of(KeywordStats s) {
            return new KeywordKey(s.campaign(), s.adGroup(), s.keyword());
        }

        /** The ad group the keyword is bought in. */
        public AdGroupKey adGroupKey() {
            return new AdGroupKey(campaign, adGroup);
        }
    }

    /** The rows added up by {@code key}, groups in the order their first row came. */
    public static <K> Map<K, AdFigures> by(Collection<KeywordStats> rows, Function<? super KeywordStats, ? extends K> key) {
        Map<K, AdFigures> groups = new LinkedHashMap<>();
        for (KeywordStats s : rows) {
            groups.merge(key.apply(s), AdFigures.of(s), AdFigures::plus);
        }
        return groups;
    }

    /** Added up per ad group. */
    public static Map<AdGroupKey, AdFigures> byAdGroup(Collection<KeywordStats> rows) {
        return by(rows, AdGroupKey::of);
    }

    /** Added up per campaign. */
    public static Map<String, AdFigures> byCampaign(Collection<KeywordStats> rows) {
        return by(rows, KeywordStats::campaign);
    }

    /** Added up per product ("" gathers the rows whose report named no product). */
    public static Map<String, AdFigures> byProduct(Collection<KeywordStats> rows) {
        return by(rows, KeywordStats::product);
    }

    /** Added up per bought keyword. */
    public static Map<KeywordKey, AdFigures> byKeyword(Collection<KeywordStats> rows) {
        return by(rows, KeywordKey::of);
    }

    /**
     * Added up per day, days in order. Each row must cover one day: a period cannot be split between
     * its days without inventing figures.
     *
     * @throws IllegalArgumentException for a row that covers more than one day
     */
    public static Map<LocalDate, AdFigures> byDay(Collection<KeywordStats> rows) {
        Map<LocalDate, AdFigures> days = new TreeMap<>();
        for (KeywordStats s : rows) {
            if (!s.from().equals(s.to())) {
                throw new IllegalArgumentException("a row of '" + s.keyword() + "' covers " + s.from() + " to " + s.to()
                        + "; figures per day need one row per keyword and day");
            }
            days.merge(s.from(), AdFigures.of(s), AdFigures::plus);
        }
        return days;
    }

    /**
     * One row per bought keyword over the whole period of its rows: counts and money added up, from the
     * first day to the last, the average rank weighted by impressions, and the quality score and bid of
     * the latest row that reports them (they are states, not sums). Keywords in the order their first
     * row came; a keyword that already has one row comes back unchanged.
     */
    public static List<KeywordStats> perKeyword(Collection<KeywordStats> rows) {
        Map<KeywordKey, List<KeywordStats>> groups = new LinkedHashMap<>();
        for (KeywordStats s : rows) {
            groups.computeIfAbsent(KeywordKey.of(s), k -> new ArrayList<>()).add(s);
        }
        List<KeywordStats> out = new ArrayList<>(groups.size());
        for (List<KeywordStats> group : groups.values()) {
            out.add(group.size() == 1 ? group.get(0) : addUp(group));
        }
        return out;
    }

    private static KeywordStats addUp(List<KeywordStats> rows) {
        KeywordStats first = rows.get(0);
        AdFigures sum = AdFigures.sum(rows);
        LocalDate from = first.from();
        LocalDate to = first.to();
        String product = "";
        double rankWeight = 0;
        double rankSum = 0;
        double plainRankSum = 0;
        int ranks = 0;
        KeywordStats latestQuality = null;
        KeywordStats latestBid = null;
        for (KeywordStats s : rows) {
            from = s.from().isBefore(from) ? s.from() : from;
            to = s.to().isAfter(to) ? s.to() : to;
            if (product.isEmpty() && s.product() != null && !s.product().isEmpty()) {
                product = s.product();
            }
            if (s.avgRank() != null) {
                rankWeight += s.impressions();
                rankSum += s.avgRank() * s.impressions();
                plainRankSum += s.avgRank();
                ranks++;
            }
            if (s.qualityScore() != null && (latestQuality == null || !s.to().isBefore(latestQuality.to()))) {
                latestQuality = s;
            }
            if (s.bid() != null && (latestBid == null || !s.to().isBefore(latestBid.to()))) {
                latestBid = s;
            }
        }
        // ranks reported on days without impressions carry no weight; if that is all there is, average them plainly
        Double avgRank = ranks == 0 ? null : rankWeight > 0 ? rankSum / rankWeight : plainRankSum / ranks;
        return new KeywordStats(first.campaign(), first.adGroup(), product, first.keyword(), from, to,
                sum.impressions(), sum.clicks(), sum.cost(), sum.orders(), sum.gmv(), avgRank,
                latestQuality == null ? null : latestQuality.qualityScore(), latestBid == null ? null : latestBid.bid());
    }
}
