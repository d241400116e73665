package com.shopops.plugins.activities.analysis;

/**
 * One product of a campaign.
 *
 * @param sku       the product's code
 * @param allocated stock set aside for the campaign (units)
 * @param price     the campaign price in minor units, or null when the product keeps its price
 */
public record CampaignProduct(String sku, long allocated, Long price) {
}
