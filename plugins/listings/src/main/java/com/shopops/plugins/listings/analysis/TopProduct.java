package com.shopops.plugins.listings.analysis;

/**
 * One of the products watched daily (DOMAIN.md, Morning 6: the top 5 by traffic).
 *
 * @param rank   1 for the most viewed (or, without views, the best selling)
 * @param sku    its SKU
 * @param title  its title
 * @param views  product views over the ranking days (0 when ranked by sales)
 * @param sales  sales over the ranking days in minor units (0 when ranked by views and not read)
 */
public record TopProduct(int rank, String sku, String title, long views, long sales) {
}
