package com.shopops.plugins.ads.analysis;

import java.util.List;

/**
 * What to do with one keyword (or, for {@link Action#ADD}, one search term), why, and the evidence.
 * The reason is a message key with its arguments, all numbers, so the page words it in the reader's
 * language ({@link java.text.MessageFormat} placeholders {0}, {1}, … in the order {@link Reason} lists);
 * money arguments are minor units, rates fractions.
 *
 * @param campaign     the campaign
 * @param adGroup      the ad group (for ADD: the one where the search term sold most)
 * @param product      the ad group's product, or ""
 * @param keyword      the keyword (for ADD: the search term to buy)
 * @param action       what to do
 * @param reasonKey    the message key of the reason, one of {@link Reason}'s keys
 * @param reasonArgs   the reason's numbers
 * @param evidence     the figures the decision rests on
 * @param currentBid   the keyword's bid, minor units, or null when the report gave none
 * @param suggestedBid the new bid for RAISE_BID and LOWER_BID when the bid is known, the observed CPC as a
 *                     starting bid for ADD; otherwise null
 * @param bidChange    for RAISE_BID and LOWER_BID the change as a fraction (+0.15, −0.15), otherwise null
 */
public record KeywordDecision(String campaign, String adGroup, String product, String keyword, Action action,
                              String reasonKey, List<Number> reasonArgs, Evidence evidence, Long currentBid,
                              Long suggestedBid, Double bidChange) {

    public KeywordDecision {
        reasonArgs = List.copyOf(reasonArgs);
    }

    /** What the operator is advised to do. */
    public enum Action {
        RAISE_BID, LOWER_BID, PAUSE, DELETE, KEEP, WATCH, CHANGE_CREATIVE, ADD
    }

    /** The reasons, each with its message key and the meaning of its arguments. */
    public enum Reason {
        /** DELETE: {0} days run, {1} impressions, {2} CTR interval's top, {3} the delete-max-ctr setting; no orders. */
        DELETE_DEAD("ads.reason.deleteDead"),
        /** PAUSE: {0} cost, {1} target CPA, {2} cost ÷ target CPA, {3} clicks; no orders. */
        PAUSE_NO_ORDERS("ads.reason.pauseNoOrders"),
        /** RAISE_BID: {0} ROI, {1} and {2} its interval, {3} target ROI, {4} confidence. */
        ROI_ABOVE_TARGET("ads.reason.roiAboveTarget"),
        /** LOWER_BID: {0} ROI, {1} and {2} its interval, {3} target ROI, {4} confidence. */
        ROI_BELOW_TARGET("ads.reason.roiBelowTarget"),
        /** KEEP instead of a raise: {0} ROI, {1} its interval's bottom, {2} target ROI, {3} projected month spend, {4} budget. */
        RAISE_HELD_BY_BUDGET("ads.reason.raiseHeldByBudget"),
        /** WATCH instead of a raise: {0} orders, {1} the min-orders-to-raise setting, {2} ROI interval's bottom, {3} target ROI. */
        FEW_ORDERS_TO_RAISE("ads.reason.fewOrdersToRaise"),
        /** CHANGE_CREATIVE: {0} CTR, {1} its interval's top, {2} the ad group's CTR, {3} the creative-ctr-ratio setting. */
        CTR_FAR_BELOW_AD_GROUP("ads.reason.ctrFarBelowAdGroup"),
        /** WATCH: {0} impressions; no clicks yet. */
        NO_CLICKS("ads.reason.noClicks"),
        /** WATCH: {0} clicks, {1} the min-clicks setting. */
        FEW_CLICKS("ads.reason.fewClicks"),
        /** KEEP: {0} clicks, {1} orders; the clicks cost nothing. */
        NO_COST("ads.reason.noCost"),
        /** WATCH: {0} clicks, {1} cost; no order in its ad group, campaign or account tells what an order is worth. */
        NO_ORDER_VALUE("ads.reason.noOrderValue"),
        /** WATCH: {0} ROI below {3} target, but its interval {1}–{2} reaches the target. */
        BELOW_TARGET_UNSURE("ads.reason.belowTargetUnsure"),
        /** KEEP: {0} ROI at or above {3} target, its interval {1}–{2}. */
        ON_TARGET("ads.reason.onTarget"),
        /** ADD: {0} orders, {1} GMV, {2} ROI, {3} target ROI. */
        SEARCH_TERM_SOLD("ads.reason.searchTermSold"),
        /** ADD: {0} orders, {1} GMV; the clicks cost nothing. */
        SEARCH_TERM_SOLD_FREE("ads.reason.searchTermSoldFree");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        /** The message key. */
        public String key() {
            return key;
        }
    }

    /**
     * The figures behind a decision.
     *
     * @param days               days covered (first to last day of the rows); 0 for a search term (its report has no days)
     * @param impressions        impressions
     * @param clicks             clicks
     * @param cost               cost, minor units
     * @param orders             orders
     * @param gmv                GMV, minor units
     * @param ctr                clicks ÷ impressions, or null without impressions
     * @param ctrInterval        its Wilson interval, or null
     * @param adGroupCtr         the CTR of the other keywords in the ad group, or null when they had no impressions
     * @param conversionRate     orders ÷ clicks, or null without clicks
     * @param conversionInterval its Wilson interval, or null
     * @param roi                GMV ÷ cost, or null without cost
     * @param roiInterval        the ROI interval (see {@link Intervals}), or null
     * @param orderValue         the value of an order the ROI interval used (own, else the ad group's), minor units, or null
     * @param targetCpa          what an order may cost at the target ROI (orderValue ÷ target ROI), minor units, or null
     * @param targetRoi          the target ROI judged against
     * @param confidence         the intervals' confidence
     * @param qualityScore       the latest quality score, or null
     * @param avgRank            the average rank, or null
     */
    public record Evidence(long days, long impressions, long clicks, long cost, long orders, long gmv,
                           Double ctr, Interval ctrInterval, Double adGroupCtr,
                           Double conversionRate, Interval conversionInterval,
                           Double roi, Interval roiInterval, Double orderValue, Double targetCpa,
                           double targetRoi, double confidence, Integer qualityScore, Double avgRank) {
    }
}
