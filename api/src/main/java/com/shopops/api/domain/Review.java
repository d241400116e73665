package com.shopops.api.domain;

import java.time.LocalDate;

/**
 * A buyer's review of a product.
 *
 * @param id        database id
 * @param shopId    the shop
 * @param productId the product, or null when it could not be matched
 * @param rating    1 (worst) to 5 (best)
 * @param text      what the buyer wrote
 * @param day       shop-local day it was written
 * @since 1.0.0
 */
public record Review(long id, long shopId, Long productId, int rating, String text, LocalDate day) {
}
