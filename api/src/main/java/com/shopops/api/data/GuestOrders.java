package com.shopops.api.data;

/**
 * The orders of a range without a customer id (guest checkouts, exports without a buyer column) that
 * would otherwise count for member figures: not cancelled, not refunded. Member figures leave them out
 * and say how many they left out.
 *
 * @param orders  how many
 * @param revenue their amounts summed, minor units
 * @since 1.3.0
 */
public record GuestOrders(long orders, long revenue) {
}
