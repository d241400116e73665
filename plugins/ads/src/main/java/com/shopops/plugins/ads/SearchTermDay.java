package com.shopops.plugins.ads;

import java.time.LocalDate;

/**
 * One row of a search-term report: what a shopper searched for that showed a keyword's ad, on one
 * shop-local day. Its figures are part of the keyword's, not added to them. Money in minor units.
 *
 * @param day         the shop-local day
 * @param campaign    the campaign
 * @param adGroup     the ad group
 * @param product     the product the ad group promotes, or ""
 * @param keyword     the keyword that matched
 * @param searchTerm  what the shopper typed
 * @param impressions times shown
 * @param clicks      clicks, never more than impressions
 * @param cost        what the clicks cost
 * @param orders      orders attributed
 * @param gmv         what those orders were worth
 */
public record SearchTermDay(LocalDate day, String campaign, String adGroup, String product, String keyword,
                            String searchTerm, long impressions, long clicks, long cost, long orders, long gmv) {
}
