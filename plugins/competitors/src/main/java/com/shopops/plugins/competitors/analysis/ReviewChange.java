package com.shopops.plugins.competitors.analysis;

/**
 * A peer product whose rating or review count changed between two snapshots.
 *
 * @param peerId        the peer shop
 * @param productId     the peer's product id
 * @param title         its title in the later snapshot
 * @param ratingBefore  the earlier rating, or null
 * @param ratingAfter   the later rating, or null
 * @param reviewsBefore the earlier review count, or null
 * @param reviewsAfter  the later review count, or null
 */
public record ReviewChange(long peerId, String productId, String title, Double ratingBefore, Double ratingAfter,
                           Long reviewsBefore, Long reviewsAfter) {

    /** After − before, rounded to hundredths; null unless both snapshots give a rating. */
    public Double ratingDelta() {
        return ratingBefore == null || ratingAfter == null ? null : Math.round((ratingAfter - ratingBefore) * 100) / 100.0;
    }

    /** Reviews written since (after − before); null unless both snapshots give a count. */
    public Long newReviews() {
        return reviewsBefore == null || reviewsAfter == null ? null : reviewsAfter - reviewsBefore;
    }
}
