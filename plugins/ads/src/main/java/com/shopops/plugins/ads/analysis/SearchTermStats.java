package com.shopops.plugins.ads.analysis;

/**
 * One row of a search-term report: a query shoppers typed that triggered an ad through a bought
 * keyword, with its figures over the report's period. Money in minor units.
 *
 * @param campaign    the campaign
 * @param adGroup     the ad group
 * @param product     the product (SKU) the ad group promotes, or "" when the report does not say
 * @param keyword     the bought keyword it matched
 * @param searchTerm  what the shopper typed
 * @param impressions times the ad was shown for it
 * @param clicks      clicks
 * @param cost        what the clicks cost
 * @param orders      orders attributed
 * @param gmv         what those orders were worth
 */
public record SearchTermStats(String campaign, String adGroup, String product, String keyword, String searchTerm,
                              long impressions, long clicks, long cost, long orders, long gmv) {

    /** The row's counted figures. */
    public AdFigures figures() {
        return new AdFigures(impressions, clicks, cost, orders, gmv);
    }
}
