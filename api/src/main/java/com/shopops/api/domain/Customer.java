package com.shopops.api.domain;

import java.time.LocalDate;

/**
 * A customer who placed at least one order; kept current by every import.
 *
 * @param id         database id
 * @param shopId     the shop
 * @param externalId the buyer's id or nickname in the source system
 * @param firstOrder shop-local day of the first order
 * @param lastOrder  shop-local day of the latest order
 * @param orders     orders placed (cancelled ones excluded)
 * @param spent      total spent in minor units (cancelled orders excluded)
 * @since 1.0.0
 */
public record Customer(long id, long shopId, String externalId, LocalDate firstOrder, LocalDate lastOrder,
                       long orders, long spent) {
}
