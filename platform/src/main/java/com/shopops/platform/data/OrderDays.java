package com.shopops.platform.data;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The roll-up {@code order_days} (core migration V6): per shop and shop-local day, the order figures that
 * add up over days (orders that count, sales, buyers of the day, refunded orders, guest orders). The core's
 * writer recomputes the days an import batch touched from the orders, in the batch's transaction, so the
 * roll-up is never behind the orders it is made from; {@link ShopFigures} sums it instead of scanning a
 * range's orders. Recomputing a whole day, rather than adding each change, leaves no difference to carry
 * over when an order changes its status, amount, customer or day, or gains or loses a refund. The same
 * holds for {@code product_days} (core migration V7), the figures per day and SKU: a day where a stored
 * order changed is recomputed from its lines, while new orders only add their lines' sums ({@link #addProducts}).
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

    /** The insert of the product figures of the orders that count among those {@code where} selects, per day and SKU. */
    private static String productFigures(String where) {
        return """
                INSERT INTO product_days (shop_id, day, sku, units, sales, orders, title)
                SELECT o.shop_id, o.day, l.sku, SUM(l.quantity), SUM(l.amount), COUNT(DISTINCT o.id), MAX(l.title)
                FROM orders o JOIN order_lines l ON l.order_id = o.id
                WHERE\s""" + where + """
                 AND o.status <> 'CANCELLED'
                GROUP BY o.shop_id, o.day, l.sku""";
    }

    /** Recomputes the product roll-up of {@code days} (ISO dates, repeats allowed) for one shop from its order lines. */
    static void recomputeProducts(Handle h, long shopId, List<String> days) {
        h.createUpdate("DELETE FROM product_days WHERE shop_id = :shop AND day IN (<days>)")
                .bind("shop", shopId).bindList("days", days).execute();
        h.createUpdate(productFigures("o.shop_id = :shop AND o.day IN (<days>)") + """

                        ON CONFLICT (shop_id, day, sku) DO UPDATE SET units = excluded.units, sales = excluded.sales,
                            orders = excluded.orders, title = excluded.title""")
                .bind("shop", shopId).bindList("days", days).execute();
    }

    /**
     * Adds the lines of new orders ({@code orderIds}, repeats allowed) to the product roll-up. Recomputing
     * their days would read those days' other lines back and write their rows again in every batch (a third
     * of a large import's time); orders that are new only add, so their sums are added. A day where a stored
     * order changed is recomputed after this, which counts these lines too. A row that exists keeps the
     * greater title, as a recompute's {@code MAX} does. The orders are the shop's own, just inserted: a
     * condition on the shop as well would have SQLite walk all the shop's orders instead of these.
     */
    static void addProducts(Handle h, List<Long> orderIds) {
        h.createUpdate(productFigures("o.id IN (<orders>)") + """

                        ON CONFLICT (shop_id, day, sku) DO UPDATE SET units = product_days.units + excluded.units,
                            sales = product_days.sales + excluded.sales, orders = product_days.orders + excluded.orders,
                            title = CASE WHEN excluded.title > product_days.title THEN excluded.title ELSE product_days.title END""")
                .bindList("orders", orderIds).execute();
    }
}
