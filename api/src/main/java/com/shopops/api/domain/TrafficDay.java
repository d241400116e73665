package com.shopops.api.domain;

import java.time.LocalDate;

/**
 * A shop's traffic on one day from one source (or {@code all} for the shop total), as the platform's
 * traffic report gives it.
 *
 * @param shopId         the shop
 * @param day            shop-local day
 * @param source         traffic source, e.g. {@code search}, {@code paid}, {@code campaign}, {@code all}
 * @param uv             visitors
 * @param pv             page views
 * @param bounceRate     bounce rate as a fraction, or null
 * @param avgStaySeconds average stay in seconds, or null
 * @param buyers         paying buyers
 * @param paidAmount     paid amount in minor units
 * @since 1.0.0
 */
public record TrafficDay(long shopId, LocalDate day, String source, long uv, long pv, Double bounceRate,
                         Double avgStaySeconds, long buyers, long paidAmount) {
}
