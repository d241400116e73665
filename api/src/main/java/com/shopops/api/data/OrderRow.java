package com.shopops.api.data;

import com.shopops.api.domain.Order;
import java.time.Instant;

/**
 * One order line as an export gives it, with its order's fields. Exports that repeat the order's
 * fields on every line fill them on every row; exports that write them on the first line only (e.g.
 * Shopify) leave them null on the others, and the writer takes them from the row that has them.
 * Lines are identified within their order by SKU, quantity and unit price (and which repeat it is),
 * so importing the same file twice adds nothing.
 *
 * @param orderId      the order number in the source, required
 * @param customer     the buyer's id or nickname in the source, or null for a guest order
 * @param createdAt    when the order was placed; null only on a continuation row
 * @param paidAt       when it was paid, or null
 * @param status       the order's state; null only on a continuation row
 * @param orderAmount  what the buyer paid for the whole order in minor units, or null to use the sum of its lines
 * @param source       traffic source where the export says, or null
 * @param sku          the product code, or "" when the export has none
 * @param title        the product title as the export writes it
 * @param quantity     units (negative on a cancellation's lines)
 * @param unitPrice    price per unit in minor units
 * @param lineAmount   the line's amount in minor units, usually quantity × unit price
 * @param refunded     money refunded on the order in minor units, 0 when none
 * @param refundReason the refund's reason, or null
 * @since 1.0.0
 */
public record OrderRow(String orderId, String customer, Instant createdAt, Instant paidAt, Order.Status status,
                       Long orderAmount, String source, String sku, String title, long quantity, long unitPrice,
                       long lineAmount, long refunded, String refundReason) {
}
