package com.shopops.plugins.activities.analysis;

/**
 * What the shop knows about one product when it checks the entry rules of a campaign.
 *
 * @param sku             the product's code
 * @param campaignPrice   the price it would have in the campaign, minor units
 * @param lowestPrice     its lowest selling price over the rules' window ({@link EntryRules#lowestPriceDays}
 *                        days up to yesterday), minor units, or null when it did not sell in those days (then
 *                        the price rule cannot be checked and fails)
 * @param historicalSales units sold in its history (as the platform counts them)
 * @param stock           units in stock now
 * @param allocated       units the shop means to allocate to the campaign
 * @param rating          its average rating (e.g. 4.8 of 5), or null when it has none yet
 */
public record EntryFacts(String sku, long campaignPrice, Long lowestPrice, long historicalSales, long stock,
                         long allocated, Double rating) {
}
