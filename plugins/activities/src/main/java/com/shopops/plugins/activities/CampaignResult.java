package com.shopops.plugins.activities;

import java.time.LocalDate;

/**
 * What a platform reported for a campaign on one day (活动数据). Money in minor units.
 *
 * @param campaign    the campaign's name as the platform writes it
 * @param day         the shop-local day
 * @param uv          visitors the campaign brought
 * @param impressions times the campaign's listing was shown
 * @param clicks      clicks on it
 * @param orders      orders placed through it
 * @param gmv         their worth
 */
public record CampaignResult(String campaign, LocalDate day, long uv, long impressions, long clicks, long orders, long gmv) {
}
