package com.shopops.api.data;

import java.util.List;

/**
 * A product's units sold per week, the shape of its sales curve (new, growing, mature, declining).
 *
 * @param sku   the product's SKU
 * @param units units in orders that count (not cancelled), one figure per 7-day week, oldest first, the
 *              last week ending on the day asked for
 * @since 1.2.0
 */
public record WeeklyUnits(String sku, List<Long> units) {

    public WeeklyUnits {
        units = List.copyOf(units);
    }
}
