package com.shopops.platform.data;

import com.shopops.api.data.CohortCell;
import com.shopops.api.data.CustomerOrders;
import com.shopops.api.data.GuestOrders;
import com.shopops.api.domain.Customer;
import com.shopops.api.domain.Order;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The member reads of {@link com.shopops.api.data.ShopData} (API 1.3.0): per-customer order figures, guest
 * orders, cohorts and a customer's history, added up in SQL that runs unchanged on SQLite and PostgreSQL.
 * Member figures count an order when it is neither cancelled nor refunded: a refunded order bought nothing
 * that keeps a customer, unlike the sales figures, where the refund shows as the refund rate.
 */
final class MemberFigures {

    private static final String KEPT = "o.status NOT IN ('CANCELLED', 'REFUNDED')";

    /** Rows of a result set streamed in pieces, so a million customers never sit in the driver at once. */
    private static final int FETCH = 10_000;

    private final Jdbi jdbi;

    MemberFigures(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void customerOrders(long shopId, LocalDate from, LocalDate to, Consumer<CustomerOrders> each) {
        if (to == null) {
            throw new IllegalArgumentException("give the last day");
        }
        // Grouped by customer id alone, the buyer's id read once per customer: a lookup per order and a
        // group by two columns cost four times as much on a million customers (bench/members-rfm). A range
        // reads only its own orders and each of its customers' first order through orders_by_customer.
        String firstEver = from == null ? "MIN(o.day)" : """
                (SELECT MIN(p.day) FROM orders p WHERE p.customer_id = o.customer_id AND p.status NOT IN ('CANCELLED', 'REFUNDED'))""";
        String sql = "SELECT o.customer_id, (SELECT c.external_id FROM customers c WHERE c.id = o.customer_id), " + firstEver + """
                , MIN(o.day), MAX(o.day), COUNT(*), SUM(o.amount)
                FROM orders o
                WHERE o.shop_id = :shop AND o.day BETWEEN :from AND :to AND o.customer_id IS NOT NULL AND\s""" + KEPT + """

                GROUP BY o.customer_id
                ORDER BY o.customer_id""";
        String first = from == null ? "0000-01-01" : from.toString();
        HandleConsumer<RuntimeException> read = h -> h.createQuery(sql)
                .bind("shop", shopId).bind("from", first).bind("to", to.toString())
                .setFetchSize(FETCH)
                .map((rs, ctx) -> new CustomerOrders(rs.getLong(1), rs.getString(2), day(rs.getString(3)), day(rs.getString(4)),
                        day(rs.getString(5)), rs.getLong(6), rs.getLong(7)))
                .useStream(rows -> rows.forEach(each));
        // PostgreSQL's driver streams only inside a transaction (a cursor); SQLite streams without one, and a
        // transaction there would hold the write lock (the host begins them IMMEDIATE) for the whole read.
        if (postgres()) {
            jdbi.useTransaction(read);
        } else {
            jdbi.useHandle(read);
        }
    }

    private Boolean postgres;

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbi.withHandle(h -> {
                try {
                    return h.getConnection().getMetaData().getDatabaseProductName();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("cannot tell the database", e);
                }
            }).toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
        return postgres;
    }

    /** An ISO day read by hand: a million {@code LocalDate.parse} calls cost more than the rest of the row. */
    static LocalDate day(String iso) {
        return LocalDate.of(Integer.parseInt(iso, 0, 4, 10), Integer.parseInt(iso, 5, 7, 10), Integer.parseInt(iso, 8, 10, 10));
    }

    GuestOrders guestOrders(long shopId, LocalDate from, LocalDate to) {
        range(from, to);
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*), COALESCE(SUM(o.amount), 0) FROM orders o
                        WHERE o.shop_id = :shop AND o.day BETWEEN :from AND :to AND o.customer_id IS NULL AND\s""" + KEPT)
                .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> new GuestOrders(rs.getLong(1), rs.getLong(2)))
                .one());
    }

    List<CohortCell> cohorts(long shopId, LocalDate from, LocalDate to) {
        range(from, to);
        // Months as the first seven characters of the ISO day, which both databases take from the text column.
        String first = YearMonth.from(from).atDay(1).toString();
        String last = YearMonth.from(to).atEndOfMonth().toString();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT f.cohort, SUBSTR(o.day, 1, 7) AS month, COUNT(DISTINCT o.customer_id), SUM(o.amount)
                        FROM orders o JOIN (
                            SELECT o.customer_id, SUBSTR(MIN(o.day), 1, 7) AS cohort FROM orders o
                            WHERE o.shop_id = :shop AND o.customer_id IS NOT NULL AND o.day <= :last AND\s""" + KEPT + """

                            GROUP BY o.customer_id) f ON f.customer_id = o.customer_id
                        WHERE o.shop_id = :shop AND o.day BETWEEN :first AND :last AND f.cohort >= :firstMonth AND\s""" + KEPT + """

                        GROUP BY f.cohort, SUBSTR(o.day, 1, 7)
                        ORDER BY f.cohort, month""")
                .bind("shop", shopId).bind("first", first).bind("last", last)
                .bind("firstMonth", first.substring(0, 7))
                .map((rs, ctx) -> new CohortCell(YearMonth.parse(rs.getString(1)), YearMonth.parse(rs.getString(2)),
                        rs.getLong(3), rs.getLong(4)))
                .list());
    }

    Set<Long> customersWhoBought(long shopId, Collection<String> categories, LocalDate from, LocalDate to) {
        if (to == null) {
            throw new IllegalArgumentException("give the last day");
        }
        if (categories.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery("""
                        SELECT DISTINCT o.customer_id FROM orders o
                        JOIN order_lines l ON l.order_id = o.id
                        JOIN products p ON p.shop_id = o.shop_id AND p.sku = l.sku
                        WHERE o.shop_id = :shop AND o.day BETWEEN :from AND :to AND o.customer_id IS NOT NULL
                          AND p.category IN (<categories>) AND\s""" + KEPT)
                .bind("shop", shopId).bind("from", from == null ? "0000-01-01" : from.toString()).bind("to", to.toString())
                .bindList("categories", List.copyOf(categories))
                .mapTo(Long.class)
                .list()));
    }

    Optional<Customer> customer(long shopId, String externalId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, shop_id, external_id, first_order, last_order, orders, spent
                        FROM customers WHERE shop_id = :shop AND external_id = :id""")
                .bind("shop", shopId).bind("id", externalId)
                .map((rs, ctx) -> new Customer(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4) == null ? null : LocalDate.parse(rs.getString(4)),
                        rs.getString(5) == null ? null : LocalDate.parse(rs.getString(5)), rs.getLong(6), rs.getLong(7)))
                .findOne());
    }

    List<Order> customerHistory(long shopId, long customerId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, shop_id, external_id, customer_id, created_at, day, paid_at, status, amount, source
                        FROM orders WHERE shop_id = :shop AND customer_id = :customer
                        ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .bind("shop", shopId).bind("customer", customerId).bind("limit", Math.max(0, limit))
                .map(ShopDataStore::order)
                .list());
    }

    private static void range(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("give both the first and the last day");
        }
    }
}
