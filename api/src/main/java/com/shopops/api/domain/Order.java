package com.shopops.api.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An order (one invoice, one platform order number).
 *
 * @param id         database id
 * @param shopId     the shop
 * @param externalId the order number in the source system
 * @param customerId the customer, or null for a guest order
 * @param createdAt  when it was placed (UTC)
 * @param day        the shop-local day it was placed
 * @param paidAt     when it was paid (UTC), or null
 * @param status     its state; cancelled orders count in no sales figure
 * @param amount     what the buyer paid, in minor units
 * @param source     the traffic source it came from where known, or null
 * @since 1.0.0
 */
public record Order(long id, long shopId, String externalId, Long customerId, Instant createdAt,
                    LocalDate day, Instant paidAt, Status status, long amount, String source) {

    /** An order's state. */
    public enum Status { PLACED, PAID, SHIPPED, COMPLETED, CANCELLED, REFUNDED }
}
