package com.shopops.plugins.activities.analysis;

/**
 * One product's normal days before a campaign, the yardstick of its uplift: its totals over {@code days}
 * ordinary days (e.g. the 14 days before going live, without other campaigns).
 *
 * @param sku    the product's code
 * @param days   how many days the totals cover; 0 means no baseline (a new arrival)
 * @param units  units sold over those days
 * @param orders orders over those days
 * @param gmv    GMV over those days, minor units
 */
public record Baseline(String sku, int days, long units, long orders, long gmv) {

    public Baseline {
        if (days < 0 || units < 0 || orders < 0 || gmv < 0) {
            throw new IllegalArgumentException("a baseline counts 0 or more: " + sku + " " + days + " days, " + units
                    + " units, " + orders + " orders, " + gmv + " GMV");
        }
    }
}
