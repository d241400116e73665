package com.shopops.api.data;

/**
 * Sell-through (动销率) of a range: how many of the products listed sold at least one unit.
 *
 * @param listed products listed as of the range's last day: status LISTED and listed on or before that day
 *               (or without a listing day)
 * @param sold   of them, those with at least one unit in an order that counts (placed in the range, not
 *               cancelled)
 * @since 1.2.0
 */
public record SellThrough(long listed, long sold) {

    /** {@code sold ÷ listed}, or null when nothing is listed. */
    public Double rate() {
        return listed == 0 ? null : (double) sold / listed;
    }
}
