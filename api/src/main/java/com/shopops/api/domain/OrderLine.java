package com.shopops.api.domain;

/**
 * One line of an order.
 *
 * @param id        database id
 * @param shopId    the shop
 * @param orderId   the order
 * @param productId the product where it is known, or null
 * @param sku       the product code as the source wrote it
 * @param title     the product title as the source wrote it
 * @param quantity  units
 * @param unitPrice price per unit in minor units
 * @param amount    quantity × unit price (or the paid line amount) in minor units
 * @since 1.0.0
 */
public record OrderLine(long id, long shopId, long orderId, Long productId, String sku, String title,
                        long quantity, long unitPrice, long amount) {
}
