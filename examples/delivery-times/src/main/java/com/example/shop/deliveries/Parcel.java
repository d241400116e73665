package com.example.shop.deliveries;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A parcel as the courier's report states it.
 *
 * @param trackingNo  the courier's tracking number (运单号), unique per shop
 * @param orderId     the shop's order it carries
 * @param courier     the courier company, e.g. 中通 or SF
 * @param shippedAt   when it left the warehouse (UTC)
 * @param shipDay     the shop-local day it left
 * @param deliveredAt when the customer signed for it (UTC), or null while it is on its way
 */
public record Parcel(String trackingNo, String orderId, String courier, Instant shippedAt, LocalDate shipDay,
                     Instant deliveredAt) {
}
