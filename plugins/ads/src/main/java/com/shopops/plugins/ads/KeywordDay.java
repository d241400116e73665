package com.shopops.plugins.ads;

import java.time.LocalDate;

/**
 * One row of a keyword report: a keyword's pay-per-click figures on one shop-local day, as imported
 * and stored in {@code ads_keyword_days}. Money in minor units.
 *
 * @param day          the shop-local day
 * @param campaign     the campaign (推广计划)
 * @param adGroup      the ad group (推广单元)
 * @param product      the product the ad group promotes (商家编码 or the platform's item id), or ""
 * @param keyword      the bought keyword
 * @param impressions  times shown
 * @param clicks       clicks, never more than impressions
 * @param cost         what the clicks cost
 * @param orders       orders the report attributes to the keyword
 * @param gmv          what those orders were worth
 * @param avgRank      average position, or null when not reported
 * @param qualityScore quality score 1–10, or null when not reported
 * @param bid          the bid per click, or null when not reported
 */
public record KeywordDay(LocalDate day, String campaign, String adGroup, String product, String keyword,
                         long impressions, long clicks, long cost, long orders, long gmv, Double avgRank,
                         Integer qualityScore, Long bid) {
}
