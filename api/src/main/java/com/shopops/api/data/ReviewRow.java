package com.shopops.api.data;

import java.time.LocalDate;

/**
 * A review as an export gives it.
 *
 * @param reviewId the review's id in the source, or null to identify it by product, day and text
 * @param sku      the product's code, matched to the shop's products
 * @param rating   1 (worst) to 5 (best)
 * @param text     what the buyer wrote
 * @param day      shop-local day it was written
 * @since 1.0.0
 */
public record ReviewRow(String reviewId, String sku, int rating, String text, LocalDate day) {
}
