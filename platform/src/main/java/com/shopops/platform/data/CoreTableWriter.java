package com.shopops.platform.data;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.api.Shop;
import com.shopops.api.data.CoreWriter;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.data.ReviewRow;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.db.TimeAsText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes imported records into the core tables for one shop, in the caller's transaction. Every
 * write is idempotent: records are matched by their natural keys (order number, SKU, day and source,
 * …), new ones inserted, changed ones updated, identical ones left alone and counted as neither.
 */
public final class CoreTableWriter implements CoreWriter {

    /** Keys per {@code IN (…)} list: well under both databases' limits on bound parameters. */
    private static final int CHUNK = 500;

    private final Handle h;
    private final long shopId;
    private final ZoneId zone;

    public CoreTableWriter(Handle handle, Shop shop) {
        this.h = handle;
        this.shopId = shop.id();
        this.zone = shop.timeZone();
    }

    // ---------------------------------------------------------------- orders

    private record StoredOrder(long id, Long customerId, String createdAt, String paidAt, String status, long amount,
                               boolean amountFromLines, String source) {
    }

    @Override
    public WriteResult orders(List<OrderRow> rows) {
        if (rows.isEmpty()) {
            return new WriteResult(0, 0);
        }
        Map<String, List<OrderRow>> byOrder = new LinkedHashMap<>();
        for (OrderRow r : rows) {
            byOrder.computeIfAbsent(r.orderId(), k -> new ArrayList<>()).add(r);
        }
        Map<String, OrderRow> headers = new HashMap<>();
        Set<String> customerNames = new LinkedHashSet<>();
        for (var e : byOrder.entrySet()) {
            OrderRow header = e.getValue().stream().filter(r -> r.createdAt() != null && r.status() != null)
                    .findFirst().orElse(null);
            if (header != null) {
                headers.put(e.getKey(), header);
                if (header.customer() != null) {
                    customerNames.add(header.customer());
                }
            }
        }
        Map<String, Long> customers = ensureCustomers(customerNames);
        Map<String, StoredOrder> stored = storedOrders(byOrder.keySet());

        Set<Long> touchedCustomers = new HashSet<>();
        Set<String> updatedOrders = new HashSet<>();
        List<String> recomputeAmount = new ArrayList<>();
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO orders (shop_id, external_id, customer_id, created_at, day, paid_at, status, amount,
                                    amount_from_lines, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedBatch update = h.prepareBatch("""
                UPDATE orders SET customer_id = ?, created_at = ?, day = ?, paid_at = ?, status = ?, amount = ?,
                                  amount_from_lines = ?, source = ?
                WHERE id = ?""");
        for (var e : byOrder.entrySet()) {
            String orderId = e.getKey();
            OrderRow header = headers.get(orderId);
            StoredOrder old = stored.get(orderId);
            if (header == null) {
                if (old == null) {
                    throw new IllegalArgumentException("order " + orderId
                            + " has no row with the order's own fields (date, status); the file lists only its other lines");
                }
                recomputeAmount.add(orderId);
                continue; // more lines for a stored order
            }
            Long customerId = header.customer() == null ? null : customers.get(header.customer());
            boolean fromLines = header.orderAmount() == null;
            long amount = fromLines ? e.getValue().stream().mapToLong(OrderRow::lineAmount).sum() : header.orderAmount();
            String createdAt = TimeAsText.format(header.createdAt());
            String paidAt = header.paidAt() == null ? null : TimeAsText.format(header.paidAt());
            String day = LocalDate.ofInstant(header.createdAt(), zone).toString();
            if (customerId != null) {
                touchedCustomers.add(customerId);
            }
            if (old == null) {
                insert.add(shopId, orderId, customerId, createdAt, day, paidAt, header.status().name(), amount,
                        fromLines ? 1 : 0, header.source());
                continue;
            }
            if (old.customerId() != null) {
                touchedCustomers.add(old.customerId());
            }
            if (fromLines) {
                recomputeAmount.add(orderId);
                amount = old.amountFromLines() ? old.amount() : amount;
            }
            boolean changed = !Objects.equals(old.customerId(), customerId) || !old.createdAt().equals(createdAt)
                    || !Objects.equals(old.paidAt(), paidAt) || !old.status().equals(header.status().name())
                    || old.amount() != amount || old.amountFromLines() != fromLines
                    || !Objects.equals(old.source(), header.source());
            if (changed) {
                updatedOrders.add(orderId);
                update.add(customerId, createdAt, day, paidAt, header.status().name(), amount, fromLines ? 1 : 0,
                        header.source(), old.id());
            }
        }
        if (insert.size() > 0) {
            insert.execute();
        }
        if (update.size() > 0) {
            update.execute();
        }
        Map<String, Long> orderIds = new HashMap<>();
        stored.forEach((k, v) -> orderIds.put(k, v.id()));
        Set<String> fresh = new LinkedHashSet<>(byOrder.keySet());
        fresh.removeAll(stored.keySet());
        if (!fresh.isEmpty()) {
            orderIds.putAll(idsByKey("SELECT external_id, id FROM orders WHERE shop_id = :shop AND external_id IN (<keys>)",
                    fresh));
        }

        Map<String, Long> products = productIds(rows.stream().map(OrderRow::sku).filter(s -> !s.isEmpty()).toList());
        PreparedBatch lines = h.prepareBatch("""
                INSERT INTO order_lines (shop_id, order_id, line_key, product_id, sku, title, quantity, unit_price, amount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, line_key) DO NOTHING""");
        List<String> lineOrders = new ArrayList<>(rows.size());
        for (var e : byOrder.entrySet()) {
            long orderId = orderIds.get(e.getKey());
            Map<String, Integer> repeats = new HashMap<>();
            for (OrderRow r : e.getValue()) {
                String identity = r.sku() + "|" + r.quantity() + "|" + r.unitPrice();
                int n = repeats.merge(identity, 1, Integer::sum);
                lines.add(shopId, orderId, identity + "|" + n, products.get(r.sku()), r.sku(),
                        r.title() == null ? "" : r.title(), r.quantity(), r.unitPrice(), r.lineAmount());
                lineOrders.add(e.getKey());
            }
        }
        int[] inserted = lines.execute();

        Set<String> grew = new HashSet<>();
        long imported = 0;
        long updated = 0;
        for (int i = 0; i < inserted.length; i++) {
            String orderId = lineOrders.get(i);
            if (inserted[i] > 0) {
                imported++;
                if (stored.containsKey(orderId)) {
                    grew.add(orderId);
                }
            } else if (updatedOrders.contains(orderId)) {
                updated++;
            }
        }
        List<Long> recompute = recomputeAmount.stream().filter(grew::contains).map(orderIds::get).toList();
        if (!recompute.isEmpty()) {
            PreparedBatch amounts = h.prepareBatch("""
                    UPDATE orders SET amount = (SELECT COALESCE(SUM(amount), 0) FROM order_lines WHERE order_id = orders.id)
                    WHERE id = ? AND amount_from_lines = 1""");
            recompute.forEach(amounts::add);
            amounts.execute();
        }
        for (String orderId : grew) {
            Long c = stored.get(orderId).customerId();
            if (c != null) {
                touchedCustomers.add(c);
            }
        }
        writeOrderRefunds(headers, orderIds);
        keepCustomersCurrent(touchedCustomers);
        return new WriteResult(imported, updated);
    }

    private void writeOrderRefunds(Map<String, OrderRow> headers, Map<String, Long> orderIds) {
        PreparedBatch refunds = h.prepareBatch("""
                INSERT INTO refunds (shop_id, order_id, refund_key, at, day, amount, reason) VALUES (?, ?, 'order', ?, ?, ?, ?)
                ON CONFLICT (order_id, refund_key) DO UPDATE SET at = excluded.at, day = excluded.day,
                    amount = excluded.amount, reason = excluded.reason""");
        PreparedBatch none = h.prepareBatch("DELETE FROM refunds WHERE order_id = ? AND refund_key = 'order'");
        for (var e : headers.entrySet()) {
            OrderRow header = e.getValue();
            long orderId = orderIds.get(e.getKey());
            if (header.refunded() > 0) {
                // An order export states how much was refunded, not when: the refund is dated at payment.
                Instant at = header.paidAt() != null ? header.paidAt() : header.createdAt();
                refunds.add(shopId, orderId, TimeAsText.format(at), LocalDate.ofInstant(at, zone).toString(),
                        header.refunded(), header.refundReason());
            } else {
                none.add(orderId);
            }
        }
        if (refunds.size() > 0) {
            refunds.execute();
        }
        if (none.size() > 0) {
            none.execute();
        }
    }

    private Map<String, Long> ensureCustomers(Set<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO customers (shop_id, external_id, orders, spent) VALUES (?, ?, 0, 0)
                ON CONFLICT (shop_id, external_id) DO NOTHING""");
        names.forEach(n -> insert.add(shopId, n));
        insert.execute();
        return idsByKey("SELECT external_id, id FROM customers WHERE shop_id = :shop AND external_id IN (<keys>)", names);
    }

    /** Customers' counts and totals, recomputed from their orders (cancelled ones excluded). */
    private void keepCustomersCurrent(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        PreparedBatch update = h.prepareBatch("""
                UPDATE customers SET
                    orders = (SELECT COUNT(*) FROM orders o WHERE o.customer_id = customers.id AND o.status <> 'CANCELLED'),
                    spent = (SELECT COALESCE(SUM(o.amount), 0) FROM orders o
                             WHERE o.customer_id = customers.id AND o.status <> 'CANCELLED'),
                    first_order = (SELECT MIN(o.day) FROM orders o WHERE o.customer_id = customers.id AND o.status <> 'CANCELLED'),
                    last_order = (SELECT MAX(o.day) FROM orders o WHERE o.customer_id = customers.id AND o.status <> 'CANCELLED')
                WHERE id = ?""");
        customerIds.stream().sorted().forEach(update::add);
        update.execute();
    }

    private Map<String, StoredOrder> storedOrders(Collection<String> externalIds) {
        Map<String, StoredOrder> found = new HashMap<>();
        for (List<String> chunk : chunks(externalIds)) {
            h.createQuery("""
                            SELECT external_id, id, customer_id, created_at, paid_at, status, amount, amount_from_lines, source
                            FROM orders WHERE shop_id = :shop AND external_id IN (<keys>)""")
                    .bind("shop", shopId).bindList("keys", chunk)
                    .map((rs, ctx) -> {
                        long customer = rs.getLong(3);
                        Long customerId = rs.wasNull() ? null : customer;
                        found.put(rs.getString(1), new StoredOrder(rs.getLong(2), customerId, rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getInt(8) == 1, rs.getString(9)));
                        return 0;
                    }).list();
        }
        return found;
    }

    private Map<String, Long> productIds(Collection<String> skus) {
        return skus.isEmpty() ? Map.of()
                : idsByKey("SELECT sku, id FROM products WHERE shop_id = :shop AND sku IN (<keys>)", new LinkedHashSet<>(skus));
    }

    private Map<String, Long> idsByKey(String sql, Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(keys)) {
            h.createQuery(sql).bind("shop", shopId).bindList("keys", chunk)
                    .map((rs, ctx) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        }
        return ids;
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = new ArrayList<>(all);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += CHUNK) {
            out.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
        return out;
    }

    // ---------------------------------------------------------------- products

    @Override
    public WriteResult products(List<Product> products) {
        Map<String, Product> bySku = new LinkedHashMap<>();
        for (Product p : products) {
            bySku.merge(p.sku(), p, (a, b) -> b); // the file's last word on a SKU counts
        }
        Map<String, Product> stored = new HashMap<>();
        for (List<String> chunk : chunks(bySku.keySet())) {
            h.createQuery("""
                            SELECT id, sku, title, category, price, cost, stock, status, listed_on
                            FROM products WHERE shop_id = :shop AND sku IN (<keys>)""")
                    .bind("shop", shopId).bindList("keys", chunk)
                    .map((rs, ctx) -> stored.put(rs.getString(2), new Product(rs.getLong(1), shopId, rs.getString(2),
                            rs.getString(3), rs.getString(4), nullableLong(rs.getObject(5)), nullableLong(rs.getObject(6)),
                            rs.getObject(7) == null ? null : ((Number) rs.getObject(7)).intValue(),
                            Product.Status.valueOf(rs.getString(8)),
                            rs.getString(9) == null ? null : LocalDate.parse(rs.getString(9)))))
                    .list();
        }
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO products (shop_id, sku, title, category, price, cost, stock, status, listed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedBatch update = h.prepareBatch("""
                UPDATE products SET title = ?, category = ?, price = ?, cost = ?, stock = ?, status = ?, listed_on = ?
                WHERE id = ?""");
        long imported = 0;
        long updated = 0;
        for (Product p : bySku.values()) {
            Product old = stored.get(p.sku());
            if (old == null) {
                insert.add(shopId, p.sku(), p.title(), p.category(), p.price(), p.cost(),
                        p.stock() == null ? null : p.stock().longValue(), p.status().name(), day(p.listedOn()));
                imported++;
                continue;
            }
            // A field the file leaves empty is unknown, not erased: e.g. a price list without costs.
            Product merged = new Product(old.id(), shopId, p.sku(), p.title(), or(p.category(), old.category()),
                    or(p.price(), old.price()), or(p.cost(), old.cost()), or(p.stock(), old.stock()), p.status(),
                    or(p.listedOn(), old.listedOn()));
            if (!merged.equals(old)) {
                update.add(merged.title(), merged.category(), merged.price(), merged.cost(),
                        merged.stock() == null ? null : merged.stock().longValue(), merged.status().name(),
                        day(merged.listedOn()), old.id());
                updated++;
            }
        }
        if (insert.size() > 0) {
            insert.execute();
        }
        if (update.size() > 0) {
            update.execute();
        }
        if (imported > 0) {
            // Lines imported before their products were known get linked now.
            h.createUpdate("""
                    UPDATE order_lines SET product_id = (SELECT p.id FROM products p
                                                         WHERE p.shop_id = order_lines.shop_id AND p.sku = order_lines.sku)
                    WHERE shop_id = :shop AND product_id IS NULL AND sku <> ''""").bind("shop", shopId).execute();
            h.createUpdate("""
                    UPDATE reviews SET product_id = (SELECT p.id FROM products p
                                                     WHERE p.shop_id = reviews.shop_id AND p.sku = reviews.sku)
                    WHERE shop_id = :shop AND product_id IS NULL""").bind("shop", shopId).execute();
        }
        return new WriteResult(imported, updated);
    }

    // ---------------------------------------------------------------- traffic

    @Override
    public WriteResult traffic(List<TrafficDay> days) {
        Map<String, TrafficDay> byKey = new LinkedHashMap<>();
        for (TrafficDay d : days) {
            byKey.put(d.day() + "|" + d.source(), d);
        }
        Set<String> dayTexts = new LinkedHashSet<>();
        days.forEach(d -> dayTexts.add(d.day().toString()));
        Map<String, TrafficDay> stored = new HashMap<>();
        for (List<String> chunk : chunks(dayTexts)) {
            h.createQuery("""
                            SELECT day, source, uv, pv, bounce_rate, avg_stay_seconds, buyers, paid_amount
                            FROM traffic_days WHERE shop_id = :shop AND day IN (<keys>)""")
                    .bind("shop", shopId).bindList("keys", chunk)
                    .map((rs, ctx) -> stored.put(rs.getString(1) + "|" + rs.getString(2), new TrafficDay(shopId,
                            LocalDate.parse(rs.getString(1)), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            nullableDouble(rs.getObject(5)), nullableDouble(rs.getObject(6)), rs.getLong(7), rs.getLong(8))))
                    .list();
        }
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO traffic_days (shop_id, day, source, uv, pv, bounce_rate, avg_stay_seconds, buyers, paid_amount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        PreparedBatch update = h.prepareBatch("""
                UPDATE traffic_days SET uv = ?, pv = ?, bounce_rate = ?, avg_stay_seconds = ?, buyers = ?, paid_amount = ?
                WHERE shop_id = ? AND day = ? AND source = ?""");
        long imported = 0;
        long updated = 0;
        for (var e : byKey.entrySet()) {
            TrafficDay d = e.getValue();
            TrafficDay mine = new TrafficDay(shopId, d.day(), d.source(), d.uv(), d.pv(), d.bounceRate(), d.avgStaySeconds(),
                    d.buyers(), d.paidAmount());
            TrafficDay old = stored.get(e.getKey());
            if (old == null) {
                insert.add(shopId, d.day().toString(), d.source(), d.uv(), d.pv(), d.bounceRate(), d.avgStaySeconds(),
                        d.buyers(), d.paidAmount());
                imported++;
            } else if (!old.equals(mine)) {
                update.add(d.uv(), d.pv(), d.bounceRate(), d.avgStaySeconds(), d.buyers(), d.paidAmount(), shopId,
                        d.day().toString(), d.source());
                updated++;
            }
        }
        if (insert.size() > 0) {
            insert.execute();
        }
        if (update.size() > 0) {
            update.execute();
        }
        return new WriteResult(imported, updated);
    }

    // ---------------------------------------------------------------- events

    @Override
    public WriteResult events(List<BehaviourEvent> events) {
        if (events.isEmpty()) {
            return new WriteResult(0, 0);
        }
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO behaviour_events (shop_id, user_id, item_id, category_id, type, at, day)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shop_id, user_id, item_id, type, at) DO NOTHING""");
        for (BehaviourEvent e : events) {
            insert.add(shopId, e.userId(), e.itemId(), e.categoryId() == null ? "" : e.categoryId(), e.type().name(),
                    TimeAsText.format(e.at()), LocalDate.ofInstant(e.at(), zone).toString());
        }
        long imported = 0;
        for (int n : insert.execute()) {
            imported += n > 0 ? 1 : 0;
        }
        return new WriteResult(imported, 0);
    }

    // ---------------------------------------------------------------- reviews

    @Override
    public WriteResult reviews(List<ReviewRow> reviews) {
        if (reviews.isEmpty()) {
            return new WriteResult(0, 0);
        }
        Map<String, Long> products = productIds(reviews.stream().map(ReviewRow::sku).toList());
        Map<String, Integer> repeats = new HashMap<>();
        Map<String, ReviewRow> byKey = new LinkedHashMap<>();
        for (ReviewRow r : reviews) {
            String key;
            if (r.reviewId() != null && !r.reviewId().isBlank()) {
                key = "id:" + r.reviewId();
            } else {
                // Without an id a review is its product, day, rating and text; two buyers writing the
                // same "好评" on one day are two reviews, told apart by their order in the file.
                String identity = "h:" + r.sku() + "|" + r.day() + "|" + r.rating() + "|" + sha1(r.text() == null ? "" : r.text());
                key = identity + "|" + repeats.merge(identity, 1, Integer::sum);
            }
            byKey.put(key, r);
        }
        Map<String, String> stored = new HashMap<>();
        for (List<String> chunk : chunks(byKey.keySet())) {
            h.createQuery("SELECT review_key, sku, rating, text, day FROM reviews WHERE shop_id = :shop AND review_key IN (<keys>)")
                    .bind("shop", shopId).bindList("keys", chunk)
                    .map((rs, ctx) -> stored.put(rs.getString(1), rs.getString(2) + "|" + rs.getInt(3) + "|"
                            + rs.getString(4) + "|" + rs.getString(5)))
                    .list();
        }
        PreparedBatch insert = h.prepareBatch("""
                INSERT INTO reviews (shop_id, review_key, product_id, sku, rating, text, day) VALUES (?, ?, ?, ?, ?, ?, ?)""");
        PreparedBatch update = h.prepareBatch("""
                UPDATE reviews SET product_id = ?, sku = ?, rating = ?, text = ?, day = ? WHERE shop_id = ? AND review_key = ?""");
        long imported = 0;
        long updated = 0;
        for (var e : byKey.entrySet()) {
            ReviewRow r = e.getValue();
            String text = r.text() == null ? "" : r.text();
            String old = stored.get(e.getKey());
            if (old == null) {
                insert.add(shopId, e.getKey(), products.get(r.sku()), r.sku(), r.rating(), text, r.day().toString());
                imported++;
            } else if (!old.equals(r.sku() + "|" + r.rating() + "|" + text + "|" + r.day())) {
                update.add(products.get(r.sku()), r.sku(), r.rating(), text, r.day().toString(), shopId, e.getKey());
                updated++;
            }
        }
        if (insert.size() > 0) {
            insert.execute();
        }
        if (update.size() > 0) {
            update.execute();
        }
        return new WriteResult(imported, updated);
    }

    // ---------------------------------------------------------------- refunds

    @Override
    public WriteResult refunds(List<RefundRow> refunds) {
        if (refunds.isEmpty()) {
            return new WriteResult(0, 0);
        }
        Map<String, Long> orders = idsByKey("SELECT external_id, id FROM orders WHERE shop_id = :shop AND external_id IN (<keys>)",
                new LinkedHashSet<>(refunds.stream().map(RefundRow::orderId).toList()));
        Map<String, Integer> repeats = new HashMap<>();
        PreparedBatch upsert = h.prepareBatch("""
                INSERT INTO refunds (shop_id, order_id, refund_key, at, day, amount, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id, refund_key) DO UPDATE SET at = excluded.at, day = excluded.day,
                    amount = excluded.amount, reason = excluded.reason""");
        Map<String, String> keys = new LinkedHashMap<>();
        List<Object[]> values = new ArrayList<>();
        for (RefundRow r : refunds) {
            Long orderId = orders.get(r.orderId());
            if (orderId == null) {
                throw new IllegalArgumentException("a refund names order " + r.orderId()
                        + ", which this shop has not imported; import the orders first");
            }
            String key;
            if (r.refundId() != null && !r.refundId().isBlank()) {
                key = "id:" + r.refundId();
            } else {
                String identity = "t:" + TimeAsText.format(r.at()) + "|" + r.amount();
                key = identity + "|" + repeats.merge(orderId + identity, 1, Integer::sum);
            }
            keys.put(orderId + "/" + key, key);
            values.add(new Object[] {orderId, key, TimeAsText.format(r.at()), LocalDate.ofInstant(r.at(), zone).toString(),
                    r.amount(), r.reason()});
        }
        Map<String, String> stored = new HashMap<>();
        for (List<Long> chunk : chunks(new LinkedHashSet<>(orders.values()))) {
            h.createQuery("SELECT order_id, refund_key, at, amount, reason FROM refunds WHERE order_id IN (<keys>)")
                    .bindList("keys", chunk)
                    .map((rs, ctx) -> stored.put(rs.getLong(1) + "/" + rs.getString(2),
                            rs.getString(3) + "|" + rs.getLong(4) + "|" + rs.getString(5)))
                    .list();
        }
        long imported = 0;
        long updated = 0;
        for (Object[] v : values) {
            String old = stored.get(v[0] + "/" + v[1]);
            String now = v[2] + "|" + v[4] + "|" + v[5];
            if (old == null) {
                imported++;
            } else if (old.equals(now)) {
                continue;
            } else {
                updated++;
            }
            upsert.add(shopId, v[0], v[1], v[2], v[3], v[4], v[5]);
        }
        if (upsert.size() > 0) {
            upsert.execute();
        }
        return new WriteResult(imported, updated);
    }

    // ---------------------------------------------------------------- targets

    @Override
    public WriteResult targets(List<Target> targets) {
        long imported = 0;
        long updated = 0;
        for (Target t : targets) {
            Double old = h.createQuery("""
                            SELECT value FROM targets WHERE shop_id = :shop AND period_from = :from AND period_to = :to
                            AND metric = :metric""")
                    .bind("shop", shopId).bind("from", t.from().toString()).bind("to", t.to().toString())
                    .bind("metric", t.metric()).mapTo(Double.class).findOne().orElse(null);
            if (old == null) {
                h.createUpdate("""
                                INSERT INTO targets (shop_id, period_from, period_to, metric, value)
                                VALUES (:shop, :from, :to, :metric, :value)""")
                        .bind("shop", shopId).bind("from", t.from().toString()).bind("to", t.to().toString())
                        .bind("metric", t.metric()).bind("value", t.value()).execute();
                imported++;
            } else if (old != t.value()) {
                h.createUpdate("""
                                UPDATE targets SET value = :value WHERE shop_id = :shop AND period_from = :from
                                AND period_to = :to AND metric = :metric""")
                        .bind("shop", shopId).bind("from", t.from().toString()).bind("to", t.to().toString())
                        .bind("metric", t.metric()).bind("value", t.value()).execute();
                updated++;
            }
        }
        return new WriteResult(imported, updated);
    }

    // ---------------------------------------------------------------- small pieces

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Double nullableDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static String sha1(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }
}
