package com.shopops.api.data;

import java.time.Instant;

/**
 * A refund as an after-sales export gives it.
 *
 * @param refundId the refund's id in the source, or null to identify it by order, time and amount
 * @param orderId  the order number in the source; the order must have been imported
 * @param at       when the money went back
 * @param amount   in minor units
 * @param reason   the reason as given (size, quality, …), or null
 * @since 1.0.0
 */
public record RefundRow(String refundId, String orderId, Instant at, long amount, String reason) {
}
