package com.shopops.plugins.activities.analysis;

/**
 * A product as a template takes it: its list price and the units to set aside.
 *
 * @param sku       the product's code
 * @param listPrice its normal price, minor units
 * @param allocated units to allocate to the campaign
 */
public record ListedProduct(String sku, long listPrice, long allocated) {

    public ListedProduct {
        if (listPrice < 0 || allocated < 0) {
            throw new IllegalArgumentException(sku + ": list price and allocation are 0 or more, not " + listPrice + " and "
                    + allocated);
        }
    }
}
