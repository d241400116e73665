package com.shopops.api.data;

/**
 * The daily traffic rows of one source over a range of shop-local days, added up. Bounce rate and stay
 * are per visitor on the platforms' reports, so they are kept as visitor-weighted sums (which add up
 * across ranges and sources) and read as rates through {@link #bounceRate()} and
 * {@link #avgStaySeconds()}, over the days that report them.
 *
 * @param source       the source as imported ({@code all} for the shop total), or null for the sources
 *                     other than {@code all} added up
 * @param days         days with a row
 * @param uv           visitors summed
 * @param pv           page views summed
 * @param bounceUv     visitors of the rows that have a bounce rate
 * @param bounced      Σ bounce rate × uv over those rows: the visitors who left after one page (an
 *                     estimate, so not a whole number)
 * @param stayUv       visitors of the rows that have an average stay
 * @param staySeconds  Σ average stay × uv over those rows: the seconds those visitors stayed
 * @since 1.2.0
 */
public record TrafficFigures(String source, long days, long uv, long pv, long bounceUv, double bounced, long stayUv,
                             double staySeconds) {

    /** The bounce rate weighted by visitors, as a fraction; null when no day reports one. */
    public Double bounceRate() {
        return bounceUv > 0 ? bounced / bounceUv : null;
    }

    /** The average stay weighted by visitors, in seconds; null when no day reports one. */
    public Double avgStaySeconds() {
        return stayUv > 0 ? staySeconds / stayUv : null;
    }
}
