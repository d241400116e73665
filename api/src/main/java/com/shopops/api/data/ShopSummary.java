package com.shopops.api.data;

import java.time.LocalDate;

/**
 * A shop's headline figures over shop-local days, cancelled orders excluded.
 *
 * @param orders      orders placed
 * @param guestOrders of them, orders without a customer id
 * @param customers   distinct customers who placed them
 * @param orderLines  their lines
 * @param revenue     what they were worth, in minor units
 * @param refunds     money refunded on them, in minor units
 * @param currency    the shop's currency
 * @param firstOrder  day of the first order in the range, or null
 * @param lastOrder   day of the last order in the range, or null
 * @since 1.0.0
 */
public record ShopSummary(long orders, long guestOrders, long customers, long orderLines, long revenue, long refunds,
                          String currency, LocalDate firstOrder, LocalDate lastOrder) {
}
