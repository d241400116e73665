package com.shopops.plugins.competitors.analysis;

import java.time.LocalDate;

/**
 * A peer product whose price changed between two snapshots.
 *
 * @param peerId    the peer shop
 * @param productId the peer's product id
 * @param title     its title in the later snapshot
 * @param category  its category in the later snapshot, or null
 * @param day       the later snapshot's day
 * @param oldPrice  the earlier price, minor units
 * @param newPrice  the later price, minor units
 */
public record PriceChange(long peerId, String productId, String title, String category, LocalDate day, long oldPrice,
                          long newPrice) {

    /** The change as a fraction of the old price: −0.2 for 100 → 80; null when the old price was 0. */
    public Double rate() {
        return oldPrice == 0 ? null : (double) (newPrice - oldPrice) / oldPrice;
    }

    /** Whether the price went down. */
    public boolean cut() {
        return newPrice < oldPrice;
    }
}
