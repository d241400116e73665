package com.shopops.platform.data;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The roll-up {@code order_days} (core migration V6): per shop and shop-local day, the order figures that
 * add up over days (orders that count, sales, buyers of the day, refunded orders, guest orders). The core's
 * writer recomputes the days an import batch touched from the orders, in the batch's transaction, so the
 * roll-up is never behind the orders it is made from; {@link ShopFigures} sums it instead of scanning a
 * range's orders. Recomputing a whole day, rather than adding each change, leaves no difference to carry
 * over when an order changes its status, amount, customer or day, or gains or loses a refund.
 */
final class OrderDays {

    /** The figures of a set of orders, in the roll-up's column order; the definitions ShopFigures had per day. */
    static final String FIGURES = """
            COUNT(*), SUM(o.amount), COUNT(DISTINCT o.customer_id) + COUNT(*) - COUNT(o.customer_id),
            SUM(CASE WHEN EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id) THEN 1 ELSE 0 END),
            COUNT(*) - COUNT(o.customer_id)""";

    private OrderDays() {
    }

    /** Recomputes the roll-up of {@code days} (ISO dates, repeats allowed) for one shop from its orders. */
    static void recompute(Handle h, long shopId, List<String> days) {
        // A day left without an order that counts has no row; the others are written again. The upsert
        // (rather than insert after the delete) lets two transactions that touched the same day both finish.
        h.createUpdate("DELETE FROM order_days WHERE shop_id = :shop AND day IN (<days>)")
                .bind("shop", shopId).bindList("days", days).execute();
        h.createUpdate("""
                        INSERT INTO order_days (shop_id, day, orders, sales, buyers, refunded, guest_orders)
                        SELECT o.shop_id, o.day,\s""" + FIGURES + """

                        FROM orders o
                        WHERE o.shop_id = :shop AND o.day IN (<days>) AND o.status <> 'CANCELLED'
                        GROUP BY o.shop_id, o.day
                        ON CONFLICT (shop_id, day) DO UPDATE SET orders = excluded.orders, sales = excluded.sales,
                            buyers = excluded.buyers, refunded = excluded.refunded, guest_orders = excluded.guest_orders""")
                .bind("shop", shopId).bindList("days", days).execute();
    }
}
