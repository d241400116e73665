package com.shopops.api.data;

/**
 * How often a product was viewed over a range, from the behaviour events (their item id is the SKU).
 *
 * @param sku     the product's SKU (the events' item id)
 * @param title   its title in the product list, or null when it is not listed there
 * @param views   VIEW events
 * @param viewers distinct shoppers with a VIEW event
 * @since 1.2.0
 */
public record ProductViews(String sku, String title, long views, long viewers) {
}
