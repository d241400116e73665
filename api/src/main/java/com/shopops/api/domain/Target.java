package com.shopops.api.domain;

import java.time.LocalDate;

/**
 * A target for one metric over one period, e.g. sales for a month.
 *
 * @param shopId the shop
 * @param from   first shop-local day of the period
 * @param to     last shop-local day of the period (inclusive)
 * @param metric {@code sales} (minor units), {@code uv}, {@code conversionRate}, {@code aov}, …
 * @param value  the target; money in minor units, rates as fractions
 * @since 1.0.0
 */
public record Target(long shopId, LocalDate from, LocalDate to, String metric, double value) {
}
