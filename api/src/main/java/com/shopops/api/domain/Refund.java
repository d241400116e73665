package com.shopops.api.domain;

import java.time.Instant;

/**
 * Money given back on an order.
 *
 * @param id      database id
 * @param shopId  the shop
 * @param orderId the order
 * @param at      when (UTC)
 * @param amount  in minor units
 * @param reason  the reason as given (size, quality, …)
 * @since 1.0.0
 */
public record Refund(long id, long shopId, long orderId, Instant at, long amount, String reason) {
}
