package com.shopops.api.data;

/**
 * The order figures of a range of shop-local days, over the orders that count: placed on those days and
 * not cancelled (refunded orders count, as in {@link ShopSummary}: a refund is a later event).
 *
 * @param orders             orders that count
 * @param sales              their amounts summed, minor units
 * @param buyers             distinct buyers: distinct customers plus guest orders (a guest cannot be
 *                           recognised, so each guest order is one buyer)
 * @param dailyBuyers        buyers counted per day and summed over the days, as the platforms count daily
 *                           paying buyers beside daily visitors; equals {@code buyers} for a single day
 * @param refundedOrders     of the orders, those with at least one refund, whenever it was made
 * @param customers          distinct identified customers (guest orders left out)
 * @param returningCustomers of those customers, the ones whose first order (over all time) is before the range
 * @since 1.2.0
 */
public record OrderFigures(long orders, long sales, long buyers, long dailyBuyers, long refundedOrders, long customers,
                           long returningCustomers) {
}
