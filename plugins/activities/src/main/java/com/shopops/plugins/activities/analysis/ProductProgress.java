package com.shopops.plugins.activities.analysis;

/**
 * One campaign product's figures, part of {@link CampaignProgress}. Rates are fractions, null where their
 * denominator is 0.
 *
 * @param sku         the product's code
 * @param allocated   units allocated to the campaign
 * @param units       units sold in the campaign so far
 * @param orders      orders holding it
 * @param gmv         GMV, minor units
 * @param sellThrough 售罄率: units ÷ allocated (may exceed 1 when more was sold than set aside), null without allocation
 * @param unitsUplift units per live day ÷ units per baseline day − 1, null without a baseline, live days or baseline sales
 * @param gmvUplift   the same for GMV
 * @param stockOut    when the allocation runs out, or null: nothing allocated, nothing sold yet, or the
 *                    campaign is over with stock left
 */
public record ProductProgress(String sku, long allocated, long units, long orders, long gmv, Double sellThrough,
                              Double unitsUplift, Double gmvUplift, StockOut stockOut) {
}
