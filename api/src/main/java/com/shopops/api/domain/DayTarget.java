package com.shopops.api.domain;

import java.time.LocalDate;

/**
 * One shop-local day's targets: the day's share of the month's sales target and, where the shop's
 * conversion rate and average order value are known, the visitors, conversion rate and AOV that make
 * it up ({@code uv × conversionRate × aov = sales}), so that a day's check can say which of the three
 * missed. A figure that could not be worked out (no traffic or order history to base it on) is null.
 *
 * @param day            the shop-local day
 * @param sales          sales target in minor units (fen, cents)
 * @param uv             visitors target, or null when unknown
 * @param conversionRate conversion-rate target as a fraction (0.031 for 3.1 %), or null when unknown
 * @param aov            average-order-value target in minor units, or null when unknown
 * @param orders         orders needed at that AOV, or null when unknown
 * @since 1.1.0
 */
public record DayTarget(LocalDate day, long sales, Long uv, Double conversionRate, Long aov, Long orders) {
}
