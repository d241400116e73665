package com.shopops.plugins.ads.analysis;

import com.shopops.plugins.ads.analysis.AdRollup.AdGroupKey;
import com.shopops.plugins.ads.analysis.KeywordDecision.Action;
import com.shopops.plugins.ads.analysis.KeywordDecision.Evidence;
import com.shopops.plugins.ads.analysis.KeywordDecision.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The decision per bought keyword (DOMAIN.md, Morning 4: keep, raise, lower, delete, watch; low CTR →
 * change the image). Rates are judged by their intervals at the shop's confidence ({@link Intervals}),
 * never by a point estimate, so one click or one order proves nothing. The rules, first match wins
 * (thresholds from {@link AdSettings}):
 * <ol>
 *   <li><b>DELETE</b> — run at least {@code delete-min-days} with at least {@code delete-min-impressions},
 *       no orders, and even the top of its CTR interval below {@code delete-max-ctr}: nobody wants it.</li>
 *   <li><b>PAUSE</b> — no orders and a cost of at least {@code pause-cost-multiple} × target CPA (the value
 *       of an order ÷ target ROI): it has burnt what two orders may cost. A money rule, deliberately not
 *       waiting for the interval, which needs about 4 target CPAs spent without an order at 95%.</li>
 *   <li><b>RAISE_BID</b> — at least {@code min-clicks} clicks, the whole ROI interval above target, at least
 *       {@code min-orders-to-raise} orders and a budget pace that is not overspending. With too few orders
 *       it is WATCH, with the budget overspending KEEP (unless rule 4 applies).</li>
 *   <li><b>LOWER_BID</b> — at least {@code min-clicks} clicks and the whole ROI interval below target.</li>
 *   <li><b>CHANGE_CREATIVE</b> — the top of its CTR interval below {@code creative-ctr-ratio} × the CTR of the
 *       other keywords in its ad group: shown but not clicked, the image or title does not fit the query.</li>
 *   <li><b>WATCH</b> — no clicks, fewer than {@code min-clicks}, no value of an order known, or an ROI below
 *       target whose interval still reaches it.</li>
 *   <li><b>KEEP</b> — clicks that cost nothing, or an ROI at or above target that is not surely above.</li>
 * </ol>
 * The ROI interval takes the keyword's own GMV per order, or without orders the ad group's (else the
 * campaign's, else the whole account's): a keyword without orders has no value per order of its own.
 */
public final class KeywordDecisions {

    private KeywordDecisions() {
    }

    /**
     * A decision for every bought keyword in {@code rows} (keyword-days or keyword-periods; the days of
     * one keyword are added up first, see {@link AdRollup#perKeyword}), in the order the keywords came.
     *
     * @param pace this month's budget pace, or null when not known (raises are then not held back)
     */
    public static List<KeywordDecision> decide(Collection<KeywordStats> rows, AdSettings settings, BudgetPace pace) {
        List<KeywordStats> keywords = AdRollup.perKeyword(rows);
        Map<AdGroupKey, AdFigures> groups = AdRollup.byAdGroup(keywords);
        Map<String, AdFigures> campaigns = AdRollup.byCampaign(keywords);
        AdFigures total = AdFigures.sum(keywords);
        List<KeywordDecision> out = new ArrayList<>(keywords.size());
        for (KeywordStats k : keywords) {
            AdFigures group = groups.get(AdGroupKey.of(k));
            Double reference = firstPositive(group.orderValue(), campaigns.get(k.campaign()).orderValue(), total.orderValue());
            out.add(decide(k, group.minus(AdFigures.of(k)), reference, settings, pace));
        }
        return out;
    }

    /**
     * The decision for one keyword over its period.
     *
     * @param k                   the keyword's figures
     * @param adGroupOthers       the other keywords of its ad group added up (for the CTR comparison), or null
     * @param referenceOrderValue the value of an order, minor units, to use when the keyword has no orders
     *                            (the ad group's), or null when unknown
     * @param settings            the shop's rules
     * @param pace                this month's budget pace, or null when not known
     */
    public static KeywordDecision decide(KeywordStats k, AdFigures adGroupOthers, Double referenceOrderValue,
                                         AdSettings settings, BudgetPace pace) {
        AdFigures f = AdFigures.of(k);
        double confidence = settings.confidence();
        double target = settings.targetRoi();
        Interval ctrInterval = Intervals.wilson(Math.min(k.clicks(), k.impressions()), k.impressions(), confidence);
        Interval conversionInterval = Intervals.wilson(Math.min(k.orders(), k.clicks()), k.clicks(), confidence);
        Double own = k.orders() > 0 ? firstPositive(Intervals.valuePerConversion(k.clicks(), k.orders(), k.gmv()), f.orderValue()) : null;
        Double orderValue = own != null ? own : firstPositive(referenceOrderValue);
        Double targetCpa = orderValue == null ? null : orderValue / target;
        Double roi = f.roi();
        Interval roiInterval = orderValue == null ? null : Intervals.roi(k.clicks(), k.orders(), k.cost(), orderValue, confidence);
        Double groupCtr = adGroupOthers == null ? null : adGroupOthers.ctr();
        long days = ChronoUnit.DAYS.between(k.from(), k.to()) + 1;
        Evidence evidence = new Evidence(days, k.impressions(), k.clicks(), k.cost(), k.orders(), k.gmv(),
                f.ctr(), ctrInterval, groupCtr, f.conversionRate(), conversionInterval, roi, roiInterval,
                orderValue, targetCpa, target, confidence, k.qualityScore(), k.avgRank());
        Verdict verdict = new Verdict(k, evidence, settings);

        if (days >= settings.deleteMinDays() && k.impressions() >= settings.deleteMinImpressions() && k.orders() == 0
                && ctrInterval != null && ctrInterval.below(settings.deleteMaxCtr())) {
            return verdict.of(Action.DELETE, Reason.DELETE_DEAD, days, k.impressions(), ctrInterval.high(), settings.deleteMaxCtr());
        }
        if (k.orders() == 0 && targetCpa != null && k.cost() > 0 && k.cost() >= settings.pauseCostMultiple() * targetCpa) {
            return verdict.of(Action.PAUSE, Reason.PAUSE_NO_ORDERS, k.cost(), targetCpa, k.cost() / targetCpa, k.clicks());
        }
        boolean enoughClicks = k.clicks() >= settings.minClicks() && roiInterval != null;
        KeywordDecision heldRaise = null;
        if (enoughClicks && roiInterval.above(target)) {
            if (k.orders() < settings.minOrdersToRaise()) {
                heldRaise = verdict.of(Action.WATCH, Reason.FEW_ORDERS_TO_RAISE, k.orders(), settings.minOrdersToRaise(),
                        roiInterval.low(), target);
            } else if (pace != null && !pace.allowsRaise()) {
                heldRaise = verdict.of(Action.KEEP, Reason.RAISE_HELD_BY_BUDGET, roi, roiInterval.low(), target,
                        pace.projected(), pace.budget());
            } else {
                return verdict.bid(Action.RAISE_BID, Reason.ROI_ABOVE_TARGET, settings.bidStep(),
                        roi, roiInterval.low(), roiInterval.high(), target, confidence);
            }
        }
        if (enoughClicks && roiInterval.below(target)) {
            return verdict.bid(Action.LOWER_BID, Reason.ROI_BELOW_TARGET, -settings.bidStep(),
                    roi, roiInterval.low(), roiInterval.high(), target, confidence);
        }
        if (ctrInterval != null && groupCtr != null && ctrInterval.below(settings.creativeCtrRatio() * groupCtr)) {
            return verdict.of(Action.CHANGE_CREATIVE, Reason.CTR_FAR_BELOW_AD_GROUP, f.ctr(), ctrInterval.high(), groupCtr,
                    settings.creativeCtrRatio());
        }
        if (heldRaise != null) {
            return heldRaise;
        }
        if (k.clicks() == 0) {
            return verdict.of(Action.WATCH, Reason.NO_CLICKS, k.impressions());
        }
        if (k.clicks() < settings.minClicks()) {
            return verdict.of(Action.WATCH, Reason.FEW_CLICKS, k.clicks(), settings.minClicks());
        }
        if (k.cost() == 0) {
            return verdict.of(Action.KEEP, Reason.NO_COST, k.clicks(), k.orders());
        }
        if (roiInterval == null) {
            return verdict.of(Action.WATCH, Reason.NO_ORDER_VALUE, k.clicks(), k.cost());
        }
        return roi < target
                ? verdict.of(Action.WATCH, Reason.BELOW_TARGET_UNSURE, roi, roiInterval.low(), roiInterval.high(), target)
                : verdict.of(Action.KEEP, Reason.ON_TARGET, roi, roiInterval.low(), roiInterval.high(), target);
    }

    /**
     * A bid moved by {@code change} (+0.15 raises by 15%), rounded half up to whole minor units, moving
     * by at least one unit and never below 1.
     */
    public static long movedBid(long bid, double change) {
        long moved = BigDecimal.valueOf(bid).multiply(BigDecimal.ONE.add(BigDecimal.valueOf(change)))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (change > 0) {
            return Math.max(moved, bid + 1);
        }
        return Math.max(1, Math.min(moved, bid - 1));
    }

    private static Double firstPositive(Double... values) {
        for (Double v : values) {
            if (v != null && v > 0) {
                return v;
            }
        }
        return null;
    }

    /** Builds the decision for one keyword once its evidence is known. */
    private record Verdict(KeywordStats k, Evidence evidence, AdSettings settings) {

        KeywordDecision of(Action action, Reason reason, Number... args) {
            return new KeywordDecision(k.campaign(), k.adGroup(), k.product(), k.keyword(), action, reason.key(),
                    List.of(args), evidence, k.bid(), null, null);
        }

        KeywordDecision bid(Action action, Reason reason, double change, Number... args) {
            return new KeywordDecision(k.campaign(), k.adGroup(), k.product(), k.keyword(), action, reason.key(),
                    List.of(args), evidence, k.bid(), k.bid() == null ? null : movedBid(k.bid(), change), change);
        }
    }
}
