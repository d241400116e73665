package com.shopops.platform.data;

import com.shopops.api.data.OrderRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The roll-up {@code order_days} (core migration V6): per shop and shop-local day, the order figures that
 * add up over days (orders that count, sales, buyers of the day, refunded orders, guest orders). The core's
 * writer recomputes the days an import batch touched from the orders, in the batch's transaction, so the
 * roll-up is never behind the orders it is made from; {@link ShopFigures} sums it instead of scanning a
 * range's orders. Recomputing a whole day, rather than adding each change, leaves no difference to carry
 * over when an order changes its status, amount, customer or day, or gains or loses a refund. The same
 * holds for {@code product_days} (core migration V7), the figures per day and SKU: a day where a stored
 * order changed is recomputed from its lines, while new orders only add their lines' sums ({@link #addProducts}),
 * summed as they are written ({@link NewLines}).
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
     * The product figures of the lines of new orders, summed per day and SKU as the import writes them.
     * Reading the just-inserted lines back to sum them took half a large import's database time; the
     * writer has them in hand. Only orders that count are added; a day where a stored order changed is
     * recomputed after these are written, which counts these lines too.
     */
    static final class NewLines {

        private static final class Sum {
            long units;
            long sales;
            long orders;
            String title;
        }

        /** Per shop-local day, per SKU: an order's lines share their day, so each line costs one lookup by SKU. */
        private final Map<String, Map<String, Sum>> days = new LinkedHashMap<>();

        /** Adds one new order's lines ({@code sku, quantity, amount, title} each) on its shop-local {@code day}. */
        void addOrder(String day, List<OrderRow> lines) {
            Map<String, Sum> skus = days.computeIfAbsent(day, d -> new HashMap<>());
            Set<Sum> counted = lines.size() == 1 ? null : Collections.newSetFromMap(new IdentityHashMap<>());
            for (OrderRow r : lines) {
                Sum sum = skus.computeIfAbsent(r.sku(), k -> new Sum());
                sum.units += r.quantity();
                sum.sales += r.lineAmount();
                String title = r.title() == null ? "" : r.title();
                if (sum.title == null || (!title.equals(sum.title) && greater(title, sum.title))) {
                    sum.title = title;
                }
                if (counted == null || counted.add(sum)) {
                    sum.orders++; // orders that hold the SKU, as COUNT(DISTINCT o.id) counts them
                }
            }
        }

        boolean isEmpty() {
            return days.isEmpty();
        }

        void clear() {
            days.clear();
        }
    }

    /** Rows per statement of {@link #addProducts}: seven parameters each, well under both databases' limits. */
    private static final int ADDED_PER_INSERT = 100;

    /**
     * Adds {@code lines} to the product roll-up of one shop: a row that exists gains the sums and keeps the
     * greater title, as a recompute's {@code MAX} does.
     */
    static void addProducts(Handle h, long shopId, NewLines lines) {
        int total = lines.days.values().stream().mapToInt(Map::size).sum();
        try (ManyRowInsert rows = new ManyRowInsert(h.getConnection(), total, ADDED_PER_INSERT, 7, OrderDays::productInsert)) {
            for (var day : lines.days.entrySet()) {
                for (var sku : day.getValue().entrySet()) {
                    PreparedStatement ps = rows.next();
                    int i = rows.offset();
                    NewLines.Sum sum = sku.getValue();
                    ps.setLong(++i, shopId);
                    ps.setString(++i, day.getKey());
                    ps.setString(++i, sku.getKey());
                    ps.setLong(++i, sum.units);
                    ps.setLong(++i, sum.sales);
                    ps.setLong(++i, sum.orders);
                    ps.setString(++i, sum.title);
                }
            }
            rows.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("product figures could not be written: " + e.getMessage(), e);
        }
    }

    private static String productInsert(int rows) {
        return "INSERT INTO product_days (shop_id, day, sku, units, sales, orders, title) VALUES "
                + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?)")) + """

                 ON CONFLICT (shop_id, day, sku) DO UPDATE SET units = product_days.units + excluded.units,
                    sales = product_days.sales + excluded.sales, orders = product_days.orders + excluded.orders,
                    title = CASE WHEN excluded.title > product_days.title THEN excluded.title ELSE product_days.title END""";
    }

    /**
     * Whether {@code a} sorts after {@code b} as both databases compare text here: by code point (SQLite's
     * binary collation of UTF-8, PostgreSQL's C collation), which {@link String#compareTo} is not for
     * characters beyond the Basic Multilingual Plane.
     */
    static boolean greater(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return ca > cb;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return i < a.length() && j >= b.length();
    }
}
