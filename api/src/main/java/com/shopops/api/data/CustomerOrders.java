package com.shopops.api.data;

import java.time.LocalDate;

/**
 * One identified customer's orders that count for member figures over a range: placed on a day of the
 * range and neither cancelled nor refunded. Guest orders (no customer id) have no row; see
 * {@link GuestOrders}. For example, the customers who came back in November:
 * <pre>{@code
 * data.customerOrders(shopId, nov1, nov30, c -> {
 *     if (c.firstOrderEver().isBefore(nov1)) returning++;
 * });
 * }</pre>
 *
 * @param customerId     the customer's database id
 * @param externalId     the buyer's id or nickname in the source system
 * @param firstOrderEver the day of the customer's first counting order over all time up to the range's
 *                       last day; before the range's first day for a returning customer
 * @param firstOrder     the first day in the range with a counting order
 * @param lastOrder      the last day in the range with a counting order
 * @param orders         counting orders in the range (at least 1)
 * @param revenue        their amounts summed, minor units
 * @since 1.3.0
 */
public record CustomerOrders(long customerId, String externalId, LocalDate firstOrderEver, LocalDate firstOrder,
                             LocalDate lastOrder, long orders, long revenue) {
}
