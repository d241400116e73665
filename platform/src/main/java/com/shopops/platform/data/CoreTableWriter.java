package com.shopops.platform.data;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.api.Shop;
import com.shopops.api.data.CoreWriter;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.data.ReviewRow;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.db.TimeAsText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

    private final Handle h;
    private final long shopId;
    private final ZoneId zone;
    private boolean hasProducts;
    /** The days whose order figures a write changed, recomputed in {@link OrderDays} before the write returns. */
    private final Set<String> touchedDays = new HashSet<>();
    /** The days whose product figures a change of stored orders made stale, recomputed from their lines. */
    private final Set<String> productDays = new HashSet<>();
    /** The lines of the orders the write added that count, added to the product figures. */
    private final OrderDays.NewLines newLines = new OrderDays.NewLines();
    private final KnownCustomers known;

    /** Customers met by this writer only. */
    public CoreTableWriter(Handle handle, Shop shop) {
        this(handle, shop, new KnownCustomers());
    }

    /** A writer for one batch of an import that meets {@code customers} from batch to batch. */
    public CoreTableWriter(Handle handle, Shop shop, KnownCustomers customers) {
        this.h = handle;
        this.shopId = shop.id();
        this.zone = shop.timeZone();
        this.known = customers;
    }

    // ---------------------------------------------------------------- orders

    /**
     * An order as stored; {@code refunded}: it has a refund (of any kind), which the order figures of its day count;
     * {@code orderRefund}: the amount of the refund its order export stated, or null; {@code orderRefundReason}: that
     * refund's reason, or null.
     */
    private record StoredOrder(long id, Long customerId, String createdAt, String day, String paidAt, String status, long amount,
                               boolean amountFromLines, String source, long lineCount, long linesDigest, boolean refunded,
                               Long orderRefund, String orderRefundReason) {
    }

    /**
     * An order's lines in this batch, each with the hash that identifies it within the order: SKU,
     * quantity, unit price and which repeat of those it is (exports list identical lines). The count
     * and the sum of the hashes summarise the lines, so an order imported again with the same lines
     * costs one comparison instead of a lookup per line.
     */
    private record Lines(List<OrderRow> rows, long[] hashes, long digest) {

        static Lines of(List<OrderRow> rows) {
            long[] hashes = new long[rows.size()];
            Map<LineIdentity, Integer> repeats = new HashMap<>();
            long digest = 0;
            for (int i = 0; i < rows.size(); i++) {
                OrderRow r = rows.get(i);
                int repeat = repeats.merge(new LineIdentity(r.sku(), r.quantity(), r.unitPrice()), 1, Integer::sum);
                hashes[i] = lineHash(r.sku(), r.quantity(), r.unitPrice(), repeat);
                digest += hashes[i];
            }
            return new Lines(rows, hashes, digest);
        }
    }

    private record LineIdentity(String sku, long quantity, long unitPrice) {
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * FNV-1a, 64 bits, of the text {@code sku|quantity|unitPrice|repeat} (stored hashes are of that
     * text, so it must stay the same), hashed without building it: this runs once per imported line.
     * Within one order's few lines a collision is not a practical concern.
     */
    static long lineHash(String sku, long quantity, long unitPrice, int repeat) {
        long h = FNV_OFFSET;
        for (int i = 0; i < sku.length(); i++) {
            h = (h ^ sku.charAt(i)) * FNV_PRIME;
        }
        h = fnvNumber((h ^ '|') * FNV_PRIME, quantity);
        h = fnvNumber((h ^ '|') * FNV_PRIME, unitPrice);
        return fnvNumber((h ^ '|') * FNV_PRIME, repeat);
    }

    /** Continues {@code h} with the decimal digits of {@code n}, as {@link Long#toString(long)} writes them. */
    private static long fnvNumber(long h, long n) {
        if (n < 0) {
            h = (h ^ '-') * FNV_PRIME;
        } else {
            n = -n; // negative, so that Long.MIN_VALUE needs no special case
        }
        long divisor = 1;
        while (n / divisor <= -10) {
            divisor *= 10;
        }
        for (; divisor != 0; divisor /= 10) {
            h = (h ^ ('0' + (int) -(n / divisor % 10))) * FNV_PRIME;
        }
        return h;
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
        Map<String, Lines> lines = new HashMap<>();
        Set<String> customerNames = new LinkedHashSet<>();
        for (var e : byOrder.entrySet()) {
            lines.put(e.getKey(), Lines.of(e.getValue()));
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

        CustomerUpkeep upkeep = new CustomerUpkeep();
        Set<String> updatedOrders = new HashSet<>();
        List<String> merge = new ArrayList<>(); // stored orders that may get new lines
        List<NewOrder> inserts = new ArrayList<>();
        PreparedBatch update = h.prepareBatch("""
                UPDATE orders SET customer_id = ?, created_at = ?, day = ?, paid_at = ?, status = ?, amount = ?,
                                  amount_from_lines = ?, source = ?
                WHERE id = ?""");
        for (var e : byOrder.entrySet()) {
            String orderId = e.getKey();
            OrderRow header = headers.get(orderId);
            StoredOrder old = stored.get(orderId);
            Lines incoming = lines.get(orderId);
            if (header == null) {
                if (old == null) {
                    throw new IllegalArgumentException("order " + orderId
                            + " has no row with the order's own fields (date, status); the file lists only its other lines");
                }
                merge.add(orderId); // more lines for a stored order
                continue;
            }
            Long customerId = header.customer() == null ? null : customers.get(header.customer());
            boolean fromLines = header.orderAmount() == null;
            String createdAt = TimeAsText.format(header.createdAt());
            String paidAt = header.paidAt() == null ? null
                    : header.paidAt().equals(header.createdAt()) ? createdAt : TimeAsText.format(header.paidAt());
            String day = LocalDate.ofInstant(header.createdAt(), zone).toString();
            if (old == null) {
                long amount = fromLines ? e.getValue().stream().mapToLong(OrderRow::lineAmount).sum() : header.orderAmount();
                inserts.add(new NewOrder(orderId, customerId, createdAt, day, paidAt, header.status().name(), amount,
                        fromLines, header.source(), incoming.rows().size(), incoming.digest()));
                upkeep.newOrder(customerId, header.status(), day, amount);
                touchedDays.add(day);
                continue;
            }
            boolean sameLines = old.lineCount() == incoming.rows().size() && old.linesDigest() == incoming.digest();
            if (!sameLines) {
                merge.add(orderId);
            }
            // An amount from the lines is recomputed after a merge; a stated one is taken as stated.
            long amount = fromLines ? (old.amountFromLines() ? old.amount()
                    : e.getValue().stream().mapToLong(OrderRow::lineAmount).sum()) : header.orderAmount();
            boolean changed = !Objects.equals(old.customerId(), customerId) || !old.createdAt().equals(createdAt)
                    || !Objects.equals(old.paidAt(), paidAt) || !old.status().equals(header.status().name())
                    || old.amount() != amount || old.amountFromLines() != fromLines
                    || !Objects.equals(old.source(), header.source());
            if (changed) {
                upkeep.recount(customerId);
                upkeep.recount(old.customerId());
                updatedOrders.add(orderId);
                // an order moved to another day leaves its old day's figures as well
                touchedDays.add(old.day());
                touchedDays.add(day);
                productDays.add(old.day());
                productDays.add(day);
                update.add(customerId, createdAt, day, paidAt, header.status().name(), amount, fromLines ? 1 : 0,
                        header.source(), old.id());
            }
        }
        executeAll(update);
        Map<String, Long> orderIds = new HashMap<>();
        stored.forEach((k, v) -> orderIds.put(k, v.id()));
        insertOrders(inserts, orderIds);
        Set<String> fresh = new LinkedHashSet<>(byOrder.keySet());
        fresh.removeAll(stored.keySet());
        Map<String, Long> products = productIds(rows.stream().map(OrderRow::sku).filter(s -> !s.isEmpty()).toList());

        long imported = 0;
        long updated = 0;
        // The lines of new orders are new: a plain insert. Stored orders whose lines differ get the
        // lines they lack.
        insertNewLines(fresh, lines, orderIds, products);
        for (String orderId : fresh) {
            OrderRow header = headers.get(orderId);
            if (header.status() != Order.Status.CANCELLED) {
                newLines.addOrder(day(header), lines.get(orderId).rows());
            }
            imported += lines.get(orderId).rows().size();
        }
        Map<String, Integer> added = addMissingLines(merge, lines, orderIds, products);
        // A refund gained, lost or changed is a change of the order, counted and shown as one.
        updatedOrders.addAll(writeOrderRefunds(headers, orderIds, stored));
        for (var e : byOrder.entrySet()) {
            String orderId = e.getKey();
            if (fresh.contains(orderId)) {
                continue;
            }
            int newLines = added.getOrDefault(orderId, 0);
            imported += newLines;
            if (updatedOrders.contains(orderId)) {
                updated += e.getValue().size() - newLines;
            }
        }
        List<String> grew = added.entrySet().stream().filter(x -> x.getValue() > 0).map(Map.Entry::getKey).toList();
        recountLines(grew.stream().map(orderIds::get).toList());
        for (String orderId : grew) {
            upkeep.recount(stored.get(orderId).customerId());
            // the amount of an order that grew may come from its lines
            String grewOn = headers.containsKey(orderId) ? day(headers.get(orderId)) : stored.get(orderId).day();
            touchedDays.add(grewOn);
            productDays.add(grewOn);
        }
        upkeep.write();
        figuresChanged(imported + updated > 0);
        return new WriteResult(imported, updated);
    }

    /** An order the write adds, as its row will read. */
    private record NewOrder(String externalId, Long customerId, String createdAt, String day, String paidAt, String status,
                            long amount, boolean amountFromLines, String source, long lineCount, long linesDigest) {
    }

    /** Orders per INSERT of new orders ({@link ManyRowInsert}): twelve parameters each. */
    private static final int ORDERS_PER_INSERT = 100;

    /** Inserts {@code orders}, many rows per statement, and puts the ids they got into {@code ids}, by order number. */
    private void insertOrders(List<NewOrder> orders, Map<String, Long> ids) {
        if (orders.isEmpty()) {
            return;
        }
        try (ManyRowInsert rows = new ManyRowInsert(h.getConnection(), orders.size(), ORDERS_PER_INSERT, 12,
                n -> "INSERT INTO orders (shop_id, external_id, customer_id, created_at, day, paid_at, status, amount,"
                        + " amount_from_lines, source, line_count, lines_digest) VALUES "
                        + String.join(", ", Collections.nCopies(n, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                        + " RETURNING external_id, id",
                rs -> ids.put(rs.getString(1), rs.getLong(2)))) {
            for (NewOrder o : orders) {
                PreparedStatement ps = rows.next();
                int i = rows.offset();
                ps.setLong(++i, shopId);
                ps.setString(++i, o.externalId());
                if (o.customerId() == null) {
                    ps.setNull(++i, Types.BIGINT);
                } else {
                    ps.setLong(++i, o.customerId());
                }
                ps.setString(++i, o.createdAt());
                ps.setString(++i, o.day());
                ps.setString(++i, o.paidAt());
                ps.setString(++i, o.status());
                ps.setLong(++i, o.amount());
                ps.setInt(++i, o.amountFromLines() ? 1 : 0);
                ps.setString(++i, o.source());
                ps.setLong(++i, o.lineCount());
                ps.setLong(++i, o.linesDigest());
            }
            rows.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("orders could not be written: " + e.getMessage(), e);
        }
    }

    private static final String INSERT_LINES = "INSERT INTO order_lines (shop_id, order_id, line_hash, product_id, sku, title,"
            + " quantity, unit_price, amount) VALUES ";
    private static final String LINE_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int LINE_COLUMNS = 9;
    /** Lines per INSERT of new orders' lines ({@link ManyRowInsert}). */
    private static final int LINES_PER_INSERT = 100;

    /** Inserts the lines of new orders, with plain JDBC and many rows per statement: the hot path of a large import. */
    private void insertNewLines(Collection<String> orders, Map<String, Lines> lines, Map<String, Long> orderIds,
                                Map<String, Long> products) {
        int total = 0;
        for (String orderId : orders) {
            total += lines.get(orderId).rows().size();
        }
        if (total == 0) {
            return;
        }
        try (ManyRowInsert rows = new ManyRowInsert(h.getConnection(), total, LINES_PER_INSERT, LINE_COLUMNS,
                n -> lineInsert(n, false))) {
            for (String orderId : orders) {
                long id = orderIds.get(orderId);
                Lines l = lines.get(orderId);
                for (int i = 0; i < l.rows().size(); i++) {
                    bindLine(rows.next(), rows.offset(), id, l, i, products);
                }
            }
            rows.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("order lines could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Adds to stored orders the lines of {@code orders} they do not have yet; the unique (order, line
     * hash) leaves the ones they have alone. Returns the lines added per order.
     */
    private Map<String, Integer> addMissingLines(Collection<String> orders, Map<String, Lines> lines,
                                                 Map<String, Long> orderIds, Map<String, Long> products) {
        Map<String, Integer> added = new HashMap<>();
        if (orders.isEmpty()) {
            return added;
        }
        List<String> owners = new ArrayList<>();
        try (PreparedStatement ps = h.getConnection().prepareStatement(lineInsert(1, true))) {
            for (String orderId : orders) {
                long id = orderIds.get(orderId);
                Lines l = lines.get(orderId);
                for (int i = 0; i < l.rows().size(); i++) {
                    bindLine(ps, 0, id, l, i, products);
                    ps.addBatch();
                    owners.add(orderId);
                }
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    added.merge(owners.get(i), 1, Integer::sum);
                }
            }
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException("order lines could not be written: " + e.getMessage(), e);
        }
    }

    private static String lineInsert(int rows, boolean skipKnown) {
        return INSERT_LINES + String.join(", ", Collections.nCopies(rows, LINE_VALUES))
                + (skipKnown ? " ON CONFLICT (order_id, line_hash) DO NOTHING" : "");
    }

    /** Binds line {@code i} of {@code l}, of the order {@code orderId}, to the nine parameters after {@code offset}. */
    private void bindLine(PreparedStatement ps, int offset, long orderId, Lines l, int i, Map<String, Long> products)
            throws SQLException {
        OrderRow r = l.rows().get(i);
        ps.setLong(offset + 1, shopId);
        ps.setLong(offset + 2, orderId);
        ps.setLong(offset + 3, l.hashes()[i]);
        Long product = products.get(r.sku());
        if (product == null) {
            ps.setNull(offset + 4, Types.BIGINT);
        } else {
            ps.setLong(offset + 4, product);
        }
        ps.setString(offset + 5, r.sku());
        ps.setString(offset + 6, r.title() == null ? "" : r.title());
        ps.setLong(offset + 7, r.quantity());
        ps.setLong(offset + 8, r.unitPrice());
        ps.setLong(offset + 9, r.lineAmount());
    }

    /** After new lines joined stored orders: their line count, digest and (when it comes from the lines) amount. */
    private void recountLines(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        Map<Long, long[]> sums = new HashMap<>(); // count, digest, amount
        for (List<Long> chunk : KeyLists.of(orderIds)) {
            h.createQuery("SELECT order_id, line_hash, amount FROM order_lines WHERE order_id IN (<keys>)")
                    .bindList("keys", chunk)
                    .map((rs, ctx) -> {
                        long[] s = sums.computeIfAbsent(rs.getLong(1), k -> new long[3]);
                        s[0]++;
                        s[1] += rs.getLong(2);
                        s[2] += rs.getLong(3);
                        return 0;
                    }).list();
        }
        PreparedBatch update = h.prepareBatch("""
                UPDATE orders SET line_count = ?, lines_digest = ?,
                                  amount = CASE WHEN amount_from_lines = 1 THEN ? ELSE amount END
                WHERE id = ?""");
        sums.forEach((id, s) -> update.add(s[0], s[1], s[2], id));
        update.execute();
    }

    /**
     * The refund each order states; a stored order that states none loses the one it had ({@code stored}: by
     * their numbers).
     *
     * @return the stored orders whose stated refund this changed: gained, lost, of another amount or reason
     */
    private Set<String> writeOrderRefunds(Map<String, OrderRow> headers, Map<String, Long> orderIds,
                                          Map<String, StoredOrder> stored) {
        PreparedBatch refunds = h.prepareBatch("""
                INSERT INTO refunds (shop_id, order_id, refund_key, at, day, amount, reason) VALUES (?, ?, 'order', ?, ?, ?, ?)
                ON CONFLICT (order_id, refund_key) DO UPDATE SET at = excluded.at, day = excluded.day,
                    amount = excluded.amount, reason = excluded.reason""");
        PreparedBatch none = h.prepareBatch("DELETE FROM refunds WHERE order_id = ? AND refund_key = 'order'");
        Set<String> changed = new HashSet<>();
        for (var e : headers.entrySet()) {
            OrderRow header = e.getValue();
            long orderId = orderIds.get(e.getKey());
            StoredOrder old = stored.get(e.getKey());
            Long stated = header.refunded() > 0 ? header.refunded() : null;
            // the refund's reason counts too: it is what the returns analysis reads ("size", "quality")
            if (old != null && (!Objects.equals(old.orderRefund(), stated)
                    || stated != null && !Objects.equals(old.orderRefundReason(), header.refundReason()))) {
                changed.add(e.getKey());
                touchedDays.add(day(header)); // the day's refunded orders and amounts
            }
            if (stated != null) {
                if (old != null && !old.refunded()) {
                    touchedDays.add(day(header)); // a refunded order more on its day (a new order's day is recounted anyway)
                }
                // An order export states how much was refunded, not when: the refund is dated at payment.
                Instant at = header.paidAt() != null ? header.paidAt() : header.createdAt();
                refunds.add(shopId, orderId, TimeAsText.format(at), LocalDate.ofInstant(at, zone).toString(),
                        header.refunded(), header.refundReason());
            } else if (old != null && old.orderRefund() != null) {
                none.add(orderId); // the order lost the refund its export stated; a new order has none to lose
            }
        }
        executeAll(refunds);
        if (none.size() > 0) {
            none.execute();
        }
        return changed;
    }

    /** The shop-local day of an order from its header row. */
    private String day(OrderRow header) {
        return LocalDate.ofInstant(header.createdAt(), zone).toString();
    }

    /**
     * Brings the order figures of the days this write touched up to date and, when the write changed the
     * shop's orders, refunds or products, gives the shop a new data version: both in the caller's transaction,
     * so the figures and the version commit (or roll back) with the rows they are made from.
     */
    private void figuresChanged(boolean changed) {
        if (!touchedDays.isEmpty()) {
            for (List<String> chunk : KeyLists.of(touchedDays)) {
                OrderDays.recompute(h, shopId, chunk);
            }
            touchedDays.clear();
            changed = true;
        }
        // new orders' sums first: a day recomputed after them is made from all its lines, theirs included
        if (!newLines.isEmpty()) {
            OrderDays.addProducts(h, shopId, newLines);
            newLines.clear();
        }
        for (List<String> chunk : KeyLists.of(productDays)) {
            OrderDays.recomputeProducts(h, shopId, chunk);
        }
        productDays.clear();
        if (changed) {
            DataVersion.change(h, shopId);
        }
    }

    /** The ids of the customers named {@code names}, creating the ones the shop does not have yet. */
    private Map<String, Long> ensureCustomers(Set<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ids = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Long id = known.get(name);
            if (id != null) {
                ids.put(name, id);
            } else {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return ids;
        }
        String select = "SELECT external_id, id FROM customers WHERE shop_id = :shop AND external_id IN (<keys>)";
        // Most customers of a large import (and all of a re-import) exist already: look them up first.
        Map<String, Long> found = idsByKey(select, unknown);
        List<String> missing = unknown.stream().filter(n -> !found.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            PreparedBatch insert = h.prepareBatch("""
                    INSERT INTO customers (shop_id, external_id, orders, spent) VALUES (?, ?, 0, 0)
                    ON CONFLICT (shop_id, external_id) DO NOTHING""");
            missing.forEach(n -> insert.add(shopId, n));
            insert.execute();
            found.putAll(idsByKey(select, missing));
        }
        found.forEach(known::met);
        ids.putAll(found);
        return ids;
    }

    /**
     * Keeps customers' order counts, spending and first and last order days current (cancelled orders
     * excluded). A new order adds to its customer's figures; a customer one of whose stored orders
     * changed (customer, time, status, amount, lines) is recounted from all their orders. Each customer
     * is written once per batch, and customers whose orders did not change are not written at all.
     */
    private final class CustomerUpkeep {
        /** Per customer: orders, spent, and as text the first and last day, of the batch's new orders. */
        private final Map<Long, NewOrders> added = new HashMap<>();
        private final Set<Long> recount = new HashSet<>();

        private static final class NewOrders {
            long orders;
            long spent;
            String first;
            String last;
        }

        void newOrder(Long customerId, Order.Status status, String day, long amount) {
            if (customerId == null || status == Order.Status.CANCELLED) {
                return;
            }
            NewOrders n = added.computeIfAbsent(customerId, k -> new NewOrders());
            n.orders++;
            n.spent += amount;
            n.first = n.first == null || day.compareTo(n.first) < 0 ? day : n.first;
            n.last = n.last == null || day.compareTo(n.last) > 0 ? day : n.last;
        }

        void recount(Long customerId) {
            if (customerId != null) {
                recount.add(customerId);
            }
        }

        void write() {
            PreparedBatch add = h.prepareBatch("""
                    UPDATE customers SET orders = orders + ?, spent = spent + ?,
                        first_order = CASE WHEN first_order IS NULL OR first_order > ? THEN ? ELSE first_order END,
                        last_order = CASE WHEN last_order IS NULL OR last_order < ? THEN ? ELSE last_order END
                    WHERE id = ?""");
            PreparedBatch count = h.prepareBatch("""
                    UPDATE customers SET
                        orders = (SELECT COUNT(*) FROM orders o WHERE o.customer_id = customers.id AND o.status <> 'CANCELLED'),
                        spent = (SELECT COALESCE(SUM(o.amount), 0) FROM orders o
                                 WHERE o.customer_id = customers.id AND o.status <> 'CANCELLED'),
                        first_order = (SELECT MIN(o.day) FROM orders o WHERE o.customer_id = customers.id AND o.status <> 'CANCELLED'),
                        last_order = (SELECT MAX(o.day) FROM orders o WHERE o.customer_id = customers.id AND o.status <> 'CANCELLED')
                    WHERE id = ?""");
            // In id order, so that two imports writing the same customers take their row locks in one order.
            added.keySet().stream().filter(id -> !recount.contains(id)).sorted().forEach(id -> {
                NewOrders n = added.get(id);
                add.add(n.orders, n.spent, n.first, n.first, n.last, n.last, id);
            });
            recount.stream().sorted().forEach(count::add);
            executeAll(add, count);
        }
    }

    private Map<String, StoredOrder> storedOrders(Collection<String> externalIds) {
        Map<String, StoredOrder> found = new HashMap<>();
        eachRow("""
                SELECT external_id, id, customer_id, created_at, day, paid_at, status, amount, amount_from_lines, source,
                       line_count, lines_digest, CASE WHEN EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = orders.id)
                       THEN 1 ELSE 0 END,
                       (SELECT r.amount FROM refunds r WHERE r.order_id = orders.id AND r.refund_key = 'order'),
                       (SELECT r.reason FROM refunds r WHERE r.order_id = orders.id AND r.refund_key = 'order')
                FROM orders WHERE shop_id = :shop AND external_id IN (<keys>)""", externalIds, rs -> {
            long customer = rs.getLong(3);
            Long customerId = rs.wasNull() ? null : customer;
            long refund = rs.getLong(14);
            Long orderRefund = rs.wasNull() ? null : refund;
            found.put(rs.getString(1), new StoredOrder(rs.getLong(2), customerId, rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getInt(9) == 1,
                    rs.getString(10), rs.getLong(11), rs.getLong(12), rs.getInt(13) == 1, orderRefund,
                    rs.getString(15)));
        });
        return found;
    }

    private Map<String, Long> productIds(Collection<String> skus) {
        if (!skus.isEmpty() && !hasProducts) {
            // An orders file often comes before (or without) a product list: then there is nothing to match.
            hasProducts = h.createQuery("SELECT COUNT(*) FROM products WHERE shop_id = :shop").bind("shop", shopId)
                    .mapTo(Long.class).one() > 0;
            if (!hasProducts) {
                return Map.of();
            }
        }
        return skus.isEmpty() ? Map.of()
                : idsByKey("SELECT sku, id FROM products WHERE shop_id = :shop AND sku IN (<keys>)", new LinkedHashSet<>(skus));
    }

    private Map<String, Long> idsByKey(String sql, Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        eachRow(sql, keys, rs -> ids.put(rs.getString(1), rs.getLong(2)));
        return ids;
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} for all {@code keys}, {@link KeyLists#SIZE} at a time in its {@code (<keys>)}, with the shop
     * bound to its {@code :shop}, and hands every row to {@code reader}. Plain JDBC with one statement prepared once:
     * it runs for every batch of a large import, where binding through Jdbi cost more than the queries.
     */
    private void eachRow(String sql, Collection<String> keys, RowReader reader) {
        if (keys.isEmpty()) {
            return;
        }
        int shopAt = sql.indexOf(":shop");
        int keysAt = sql.indexOf("<keys>");
        if (shopAt < 0 || keysAt < shopAt) {
            throw new IllegalArgumentException("the shop comes before the keys: " + sql);
        }
        String text = sql.replace(":shop", "?").replace("<keys>", String.join(", ", Collections.nCopies(KeyLists.SIZE, "?")));
        try (PreparedStatement ps = h.getConnection().prepareStatement(text)) {
            ps.setLong(1, shopId);
            for (List<String> chunk : KeyLists.of(keys)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("stored rows could not be read: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- products

    @Override
    public WriteResult products(List<Product> products) {
        Map<String, Product> bySku = new LinkedHashMap<>();
        for (Product p : products) {
            bySku.merge(p.sku(), p, (a, b) -> b); // the file's last word on a SKU counts
        }
        Map<String, Product> stored = new HashMap<>();
        for (List<String> chunk : KeyLists.of(bySku.keySet())) {
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
        executeAll(insert, update);
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
        // which products sold is read through the lines' product: a new product links lines
        figuresChanged(imported + updated > 0);
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
        for (List<String> chunk : KeyLists.of(dayTexts)) {
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
        executeAll(insert, update);
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
        for (List<String> chunk : KeyLists.of(byKey.keySet())) {
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
        executeAll(insert, update);
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
            values.add(new Object[] {orderId, key, TimeAsText.format(r.at()), LocalDate.ofInstant(r.at(), zone).toString(),
                    r.amount(), r.reason()});
        }
        Map<String, String> stored = new HashMap<>();
        for (List<Long> chunk : KeyLists.of(new LinkedHashSet<>(orders.values()))) {
            h.createQuery("SELECT order_id, refund_key, at, amount, reason FROM refunds WHERE order_id IN (<keys>)")
                    .bindList("keys", chunk)
                    .map((rs, ctx) -> stored.put(rs.getLong(1) + "/" + rs.getString(2),
                            rs.getString(3) + "|" + rs.getLong(4) + "|" + rs.getString(5)))
                    .list();
        }
        long imported = 0;
        long updated = 0;
        Set<Long> refundedNow = new LinkedHashSet<>(); // orders that get a refund: they may have had none
        for (Object[] v : values) {
            String old = stored.get(v[0] + "/" + v[1]);
            String now = v[2] + "|" + v[4] + "|" + v[5];
            if (old == null) {
                imported++;
                refundedNow.add((Long) v[0]);
            } else if (old.equals(now)) {
                continue;
            } else {
                updated++;
            }
            upsert.add(shopId, v[0], v[1], v[2], v[3], v[4], v[5]);
        }
        executeAll(upsert);
        // a refund counts on its order's day (refunded orders of the days' orders), not on the refund's own day
        for (List<Long> chunk : KeyLists.of(refundedNow)) {
            touchedDays.addAll(h.createQuery("SELECT DISTINCT day FROM orders WHERE id IN (<keys>)")
                    .bindList("keys", chunk).mapTo(String.class).list());
        }
        figuresChanged(imported + updated > 0);
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

    /** Runs the batches that have statements, in order. */
    private static void executeAll(PreparedBatch... batches) {
        for (PreparedBatch b : batches) {
            if (b.size() > 0) {
                b.execute();
            }
        }
    }

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
