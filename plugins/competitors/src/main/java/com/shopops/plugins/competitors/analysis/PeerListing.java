package com.shopops.plugins.competitors.analysis;

import java.time.LocalDate;

/**
 * One product of a peer shop as one day's snapshot of its product list shows it.
 *
 * @param peerId       the peer shop
 * @param day          the snapshot's day (shop-local)
 * @param productId    the peer's own product id
 * @param title        the listing's title
 * @param price        its price in minor units
 * @param monthlySales its monthly sales (月销量) as the platform shows them: units over the last 30 days
 * @param rating       its rating from 0 to 5, or null when the snapshot has none
 * @param reviews      its review count, or null when the snapshot has none
 * @param listedOn     the day it was listed, or null when the snapshot does not say
 * @param category     its category, or null
 */
public record PeerListing(long peerId, LocalDate day, String productId, String title, long price, long monthlySales,
                          Double rating, Long reviews, LocalDate listedOn, String category) {
}
