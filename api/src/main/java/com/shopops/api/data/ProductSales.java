package com.shopops.api.data;

/**
 * One product's sales over a range, from the lines of the orders that count (placed in the range, not
 * cancelled). A product is its SKU, so a line of a SKU missing from the product list counts too.
 *
 * @param sku    the product's SKU
 * @param title  its title in the product list, else the one on its order lines
 * @param sales  line amounts summed, minor units
 * @param units  quantities summed
 * @param orders distinct orders holding it
 * @since 1.2.0
 */
public record ProductSales(String sku, String title, long sales, long units, long orders) {
}
