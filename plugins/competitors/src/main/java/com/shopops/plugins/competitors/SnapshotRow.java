package com.shopops.plugins.competitors;

import java.time.LocalDate;

/**
 * One row of a peer snapshot file: a peer's product on a day, the peer known by its name.
 *
 * @param peer         the peer shop's name
 * @param day          the snapshot's day
 * @param productId    the peer's product id
 * @param title        title
 * @param price        price, minor units
 * @param monthlySales monthly sales (units)
 * @param rating       rating in hundredths (0–500), or null
 * @param reviews      review count, or null
 * @param listedOn     listing day, or null
 * @param category     category, or null
 */
public record SnapshotRow(String peer, LocalDate day, String productId, String title, long price, long monthlySales,
                          Integer rating, Long reviews, LocalDate listedOn, String category) {
}
