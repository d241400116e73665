package com.shopops.plugins.ads.analysis;

import java.time.LocalDate;

/**
 * One keyword's pay-per-click figures over a day or a period, as the keyword report gives them and
 * the store adds them up: the input of every figure and decision of this plugin. Money in minor units.
 *
 * @param campaign     the campaign (推广计划)
 * @param adGroup      the ad group (推广单元), often one product
 * @param product      the product's code (SKU) the ad group promotes, or "" when the report does not say
 * @param keyword      the bought keyword
 * @param from         first day added up
 * @param to           last day added up
 * @param impressions  times the ad was shown
 * @param clicks       clicks on it
 * @param cost         what the clicks cost
 * @param orders       orders the report attributes to the ad
 * @param gmv          what those orders were worth (成交额)
 * @param avgRank      average position, impression-weighted, or null when not reported
 * @param qualityScore the latest quality score (质量得分, 1–10), or null when not reported
 * @param bid          the latest bid per click, or null when not reported
 */
public record KeywordStats(String campaign, String adGroup, String product, String keyword, LocalDate from, LocalDate to,
                           long impressions, long clicks, long cost, long orders, long gmv, Double avgRank,
                           Integer qualityScore, Long bid) {
}
