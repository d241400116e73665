package com.shopops.plugins.competitors.analysis;

/**
 * A peer product whose monthly sales moved between two snapshots.
 *
 * @param peerId    the peer shop
 * @param productId the peer's product id
 * @param title     its title in the later snapshot
 * @param before    monthly sales in the earlier snapshot
 * @param after     monthly sales in the later snapshot
 */
public record SalesMove(long peerId, String productId, String title, long before, long after) {

    /** The movement: after − before. */
    public long delta() {
        return after - before;
    }
}
