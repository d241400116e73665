package com.shopops.plugins.service.analysis;

/**
 * What became of the order an inquiry names, read from the shop's orders and refunds.
 *
 * @param paid     the order was paid (not cancelled, not left unpaid); a later refund does not undo this
 * @param refunded money was given back on it, in full or in part
 * @param amount   what the buyer paid, in minor units
 */
public record InquiryOrder(boolean paid, boolean refunded, long amount) {
}
