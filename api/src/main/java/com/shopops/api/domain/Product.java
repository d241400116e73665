package com.shopops.api.domain;

import java.time.LocalDate;

/**
 * A product (or SKU) a shop lists.
 *
 * @param id       database id
 * @param shopId   the shop
 * @param sku      the shop's own code (stock code, 商家编码)
 * @param title    listing title
 * @param category category name or path
 * @param price    list price in minor units, or null when unknown
 * @param cost     cost price in minor units, or null; owner and finance only
 * @param stock    units in stock, or null when unknown
 * @param status   listed or delisted
 * @param listedOn the day it was first listed, or null
 * @since 1.0.0
 */
public record Product(long id, long shopId, String sku, String title, String category, Long price,
                      Long cost, Integer stock, Status status, LocalDate listedOn) {

    /** The same product with its cost price hidden, for users who may not see costs. */
    public Product withoutCost() {
        return new Product(id, shopId, sku, title, category, price, null, stock, status, listedOn);
    }

    /** Whether the product is on sale. */
    public enum Status { LISTED, DELISTED }
}
