package com.shopops.api.data;

import java.time.LocalDate;

/**
 * The behaviour events of a range (or of one of its days, or of one product), counted by funnel step.
 *
 * @param day        the day, when grouped by {@link Grouping#DAY}; else null
 * @param sku        the product (the events' item id), when grouped by {@link Grouping#PRODUCT} or asked for
 *                   one product; else null
 * @param title      the product's title in the product list, when grouped by product and it is listed there; else null
 * @param visitors   distinct shoppers with any event
 * @param views      VIEW events
 * @param favourites FAVOURITE events
 * @param carts      CART events
 * @param buys       BUY events
 * @param buyers     distinct shoppers with a BUY event
 * @since 1.2.0
 */
public record FunnelCounts(LocalDate day, String sku, String title, long visitors, long views, long favourites, long carts,
                           long buys, long buyers) {

    /** How {@link ShopData#funnelCounts} groups the events. */
    public enum Grouping {
        /** One row for the whole range, zeros when it has no events. */
        RANGE,
        /** One row per day that has events, by day. */
        DAY,
        /** One row per product, most views first (then most visitors, then by SKU). */
        PRODUCT
    }
}
