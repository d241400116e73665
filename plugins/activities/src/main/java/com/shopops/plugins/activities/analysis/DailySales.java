package com.shopops.plugins.activities.analysis;

import java.time.LocalDate;

/**
 * One product's campaign sales on one shop-local day: the orders attributed to the campaign (by its
 * source tag, or by its live dates and products when it has none — the store decides, see
 * {@link Campaign#sourceTag()}).
 *
 * @param day    the shop-local day
 * @param sku    the product's code
 * @param units  units sold
 * @param orders orders holding the product (an order with two campaign products counts under both)
 * @param gmv    what was sold, minor units
 */
public record DailySales(LocalDate day, String sku, long units, long orders, long gmv) {

    /** Refuses negative counts: a refund is the store's to net out before, not a negative sale. */
    public DailySales {
        if (units < 0 || orders < 0 || gmv < 0) {
            throw new IllegalArgumentException("negative sales for " + sku + " on " + day + ": " + units + " units, "
                    + orders + " orders, " + gmv + " GMV");
        }
    }
}
