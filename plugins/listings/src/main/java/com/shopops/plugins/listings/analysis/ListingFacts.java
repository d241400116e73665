package com.shopops.plugins.listings.analysis;

import java.util.Map;

/**
 * What the checks know of one listed product: the core product's SKU, title and stock, over which the
 * listing sheet's own title (the listing as it is on the platform) wins when it gives one, and the sheet's
 * core keyword, attributes and variant prices (null or empty when the sheet does not give them).
 *
 * @param sku              the product's SKU
 * @param title            the listing's title
 * @param stock            units in stock, or null when unknown
 * @param coreKeyword      the core keyword (核心词) the title must start with, or null
 * @param attributesFilled attributes filled in, or null
 * @param attributesTotal  attributes the category has, or null
 * @param variantPrices    price of each variant (规格) in minor units, by variant name
 */
public record ListingFacts(String sku, String title, Integer stock, String coreKeyword, Integer attributesFilled,
                           Integer attributesTotal, Map<String, Long> variantPrices) {

    public ListingFacts {
        variantPrices = variantPrices == null ? Map.of() : Map.copyOf(variantPrices);
    }
}
