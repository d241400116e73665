package com.shopops.platform.data;

import com.shopops.api.data.CohortCell;
import com.shopops.api.data.CustomerOrders;
import com.shopops.api.data.DataCoverage;
import com.shopops.api.data.GuestOrders;
import com.shopops.api.data.FunnelCounts;
import com.shopops.api.data.HourFigures;
import com.shopops.api.data.OrderFigures;
import com.shopops.api.data.ProductSales;
import com.shopops.api.data.ProductViews;
import com.shopops.api.data.SellThrough;
import com.shopops.api.data.ShopData;
import com.shopops.api.data.ShopSummary;
import com.shopops.api.data.TrafficFigures;
import com.shopops.api.data.WeeklyUnits;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Customer;
import com.shopops.api.domain.DayTarget;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.OrderLine;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Refund;
import com.shopops.api.domain.Review;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.targets.TargetStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Typed reads over the core tables; the host's implementation of {@link ShopData}, its aggregate reads in {@link ShopFigures}. */
public final class ShopDataStore implements ShopData {

    // Open ends of a range of ISO days: text comparison makes these the first and last day possible.
    private static final String EARLIEST = "0000-01-01";
    private static final String LATEST = "9999-12-31";

    private final Jdbi jdbi;
    private final ShopStore shops;
    private final TargetStore targets;
    private final ShopFigures figures;
    private final MemberFigures members;

    public ShopDataStore(Jdbi jdbi, ShopStore shops) {
        this.jdbi = jdbi;
        this.shops = shops;
        this.targets = new TargetStore(jdbi);
        this.figures = new ShopFigures(jdbi, shops);
        this.members = new MemberFigures(jdbi);
    }

    @Override
    public List<Product> products(long shopId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, shop_id, sku, title, category, price, cost, stock, status, listed_on
                        FROM products WHERE shop_id = :shop ORDER BY sku""")
                .bind("shop", shopId)
                .map((rs, ctx) -> product(rs))
                .list());
    }

    /** A product from a row of {@code id, shop_id, sku, title, category, price, cost, stock, status, listed_on}. */
    static Product product(ResultSet rs) throws SQLException {
        return new Product(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                nullableLong(rs, 6), nullableLong(rs, 7), nullableInt(rs, 8), Product.Status.valueOf(rs.getString(9)),
                day(rs.getString(10)));
    }

    @Override
    public List<Order> orders(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, shop_id, external_id, customer_id, created_at, day, paid_at, status, amount, source
                        FROM orders WHERE shop_id = :shop AND day BETWEEN :from AND :to ORDER BY created_at, id""")
                .bind("shop", shopId).bind("from", from(from)).bind("to", to(to))
                .map(ShopDataStore::order)
                .list());
    }

    @Override
    public List<OrderLine> orderLines(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT l.id, l.shop_id, l.order_id, l.product_id, l.sku, l.title, l.quantity, l.unit_price, l.amount
                        FROM order_lines l JOIN orders o ON o.id = l.order_id
                        WHERE o.shop_id = :shop AND o.day BETWEEN :from AND :to ORDER BY o.created_at, o.id, l.id""")
                .bind("shop", shopId).bind("from", from(from)).bind("to", to(to))
                .map((rs, ctx) -> new OrderLine(rs.getLong(1), rs.getLong(2), rs.getLong(3), nullableLong(rs, 4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
                .list());
    }

    @Override
    public List<Customer> customers(long shopId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, shop_id, external_id, first_order, last_order, orders, spent
                        FROM customers WHERE shop_id = :shop ORDER BY external_id""")
                .bind("shop", shopId)
                .map((rs, ctx) -> new Customer(rs.getLong(1), rs.getLong(2), rs.getString(3), day(rs.getString(4)),
                        day(rs.getString(5)), rs.getLong(6), rs.getLong(7)))
                .list());
    }

    @Override
    public List<Refund> refunds(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, shop_id, order_id, at, amount, reason FROM refunds
                        WHERE shop_id = :shop AND day BETWEEN :from AND :to ORDER BY at, id""")
                .bind("shop", shopId).bind("from", from(from)).bind("to", to(to))
                .map((rs, ctx) -> new Refund(rs.getLong(1), rs.getLong(2), rs.getLong(3), Instant.parse(rs.getString(4)),
                        rs.getLong(5), rs.getString(6)))
                .list());
    }

    @Override
    public List<TrafficDay> traffic(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT shop_id, day, source, uv, pv, bounce_rate, avg_stay_seconds, buyers, paid_amount
                        FROM traffic_days WHERE shop_id = :shop AND day BETWEEN :from AND :to ORDER BY day, source""")
                .bind("shop", shopId).bind("from", from(from)).bind("to", to(to))
                .map((rs, ctx) -> new TrafficDay(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getString(3),
                        rs.getLong(4), rs.getLong(5), nullableDouble(rs, 6), nullableDouble(rs, 7), rs.getLong(8),
                        rs.getLong(9)))
                .list());
    }

    @Override
    public void events(long shopId, LocalDate from, LocalDate to, Consumer<BehaviourEvent> each) {
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT shop_id, user_id, item_id, category_id, type, at FROM behaviour_events
                        WHERE shop_id = :shop AND day BETWEEN :from AND :to ORDER BY at""")
                .bind("shop", shopId).bind("from", from(from)).bind("to", to(to))
                .setFetchSize(10_000)
                .map((rs, ctx) -> new BehaviourEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        BehaviourEvent.Type.valueOf(rs.getString(5)), Instant.parse(rs.getString(6))))
                .useStream(stream -> stream.forEach(each)));
    }

    @Override
    public List<Target> targets(long shopId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT shop_id, period_from, period_to, metric, value FROM targets
                        WHERE shop_id = :shop ORDER BY period_from, period_to, metric""")
                .bind("shop", shopId)
                .map((rs, ctx) -> new Target(rs.getLong(1), LocalDate.parse(rs.getString(2)),
                        LocalDate.parse(rs.getString(3)), rs.getString(4), rs.getDouble(5)))
                .list());
    }

    @Override
    public List<DayTarget> dayTargets(long shopId, LocalDate from, LocalDate to) {
        return targets.days(shopId, from, to);
    }

    @Override
    public List<Review> reviews(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, shop_id, product_id, rating, text, day FROM reviews
                        WHERE shop_id = :shop AND day BETWEEN :from AND :to ORDER BY day, id""")
                .bind("shop", shopId).bind("from", from(from)).bind("to", to(to))
                .map((rs, ctx) -> new Review(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), rs.getInt(4),
                        rs.getString(5), LocalDate.parse(rs.getString(6))))
                .list());
    }

    @Override
    public ShopSummary summary(long shopId, LocalDate from, LocalDate to) {
        String currency = shops.byId(shopId).map(s -> s.currency())
                .orElseThrow(() -> new IllegalArgumentException("no shop with id " + shopId));
        return jdbi.withHandle(h -> {
            record Orders(long count, long guests, long customers, long revenue, LocalDate first, LocalDate last) {
            }
            Orders orders = h.createQuery("""
                            SELECT COUNT(*), COUNT(*) - COUNT(customer_id), COUNT(DISTINCT customer_id),
                                   COALESCE(SUM(amount), 0), MIN(day), MAX(day)
                            FROM orders WHERE shop_id = :shop AND day BETWEEN :from AND :to AND status <> 'CANCELLED'""")
                    .bind("shop", shopId).bind("from", from(from)).bind("to", to(to))
                    .map((rs, ctx) -> new Orders(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            day(rs.getString(5)), day(rs.getString(6))))
                    .one();
            long lines = h.createQuery("""
                            SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = l.order_id
                            WHERE o.shop_id = :shop AND o.day BETWEEN :from AND :to AND o.status <> 'CANCELLED'""")
                    .bind("shop", shopId).bind("from", from(from)).bind("to", to(to))
                    .mapTo(Long.class).one();
            long refunds = h.createQuery("""
                            SELECT COALESCE(SUM(r.amount), 0) FROM refunds r JOIN orders o ON o.id = r.order_id
                            WHERE o.shop_id = :shop AND o.day BETWEEN :from AND :to AND o.status <> 'CANCELLED'""")
                    .bind("shop", shopId).bind("from", from(from)).bind("to", to(to))
                    .mapTo(Long.class).one();
            return new ShopSummary(orders.count(), orders.guests(), orders.customers(), lines, orders.revenue(), refunds, currency,
                    orders.first(), orders.last());
        });
    }

    @Override
    public List<Order> ordersByExternalId(long shopId, Collection<String> externalIds) {
        List<Order> out = new ArrayList<>();
        jdbi.useHandle(h -> {
            for (List<String> chunk : KeyLists.of(new LinkedHashSet<>(externalIds))) {
                out.addAll(h.createQuery("""
                                SELECT id, shop_id, external_id, customer_id, created_at, day, paid_at, status, amount, source
                                FROM orders WHERE shop_id = :shop AND external_id IN (<ids>)""")
                        .bind("shop", shopId).bindList("ids", chunk)
                        .map(ShopDataStore::order)
                        .list());
            }
        });
        out.sort(Comparator.comparing(Order::createdAt).thenComparingLong(Order::id));
        return out;
    }

    // ------------------------------------------------------------------ aggregate reads (API 1.2.0)

    @Override
    public DataCoverage coverage(long shopId) {
        return figures.coverage(shopId);
    }

    @Override
    public OrderFigures orderFigures(long shopId, LocalDate from, LocalDate to) {
        return figures.orderFigures(shopId, from, to);
    }

    @Override
    public TrafficFigures trafficFigures(long shopId, LocalDate from, LocalDate to, String source) {
        return figures.trafficFigures(shopId, from, to, source);
    }

    @Override
    public List<TrafficFigures> trafficFiguresBySource(long shopId, LocalDate from, LocalDate to) {
        return figures.trafficFiguresBySource(shopId, from, to);
    }

    @Override
    public SellThrough sellThrough(long shopId, LocalDate from, LocalDate to) {
        return figures.sellThrough(shopId, from, to);
    }

    @Override
    public List<ProductSales> productSales(long shopId, LocalDate from, LocalDate to, Collection<String> skus, int limit) {
        return figures.productSales(shopId, from, to, skus, limit);
    }

    @Override
    public List<ProductViews> productViews(long shopId, LocalDate from, LocalDate to, Collection<String> skus, int limit) {
        return figures.productViews(shopId, from, to, skus, limit);
    }

    @Override
    public Map<String, LocalDate> firstSales(long shopId, Collection<String> skus) {
        return figures.firstSales(shopId, skus);
    }

    @Override
    public List<FunnelCounts> funnelCounts(long shopId, LocalDate from, LocalDate to, String sku, FunnelCounts.Grouping by,
                                           int limit) {
        return figures.funnelCounts(shopId, from, to, sku, by, limit);
    }

    @Override
    public List<HourFigures> hourFigures(long shopId, LocalDate from, LocalDate to) {
        return figures.hourFigures(shopId, from, to);
    }

    @Override
    public List<WeeklyUnits> weeklyUnits(long shopId, LocalDate lastDay, int weeks, Collection<String> skus) {
        return figures.weeklyUnits(shopId, lastDay, weeks, skus);
    }

    @Override
    public Map<LocalDate, Long> ordersWithAny(long shopId, LocalDate from, LocalDate to, Collection<String> skus) {
        return figures.ordersWithAny(shopId, from, to, skus);
    }

    @Override
    public void customerOrders(long shopId, LocalDate from, LocalDate to, Consumer<CustomerOrders> each) {
        members.customerOrders(shopId, from, to, each);
    }

    @Override
    public GuestOrders guestOrders(long shopId, LocalDate from, LocalDate to) {
        return members.guestOrders(shopId, from, to);
    }

    @Override
    public List<CohortCell> cohorts(long shopId, LocalDate from, LocalDate to) {
        return members.cohorts(shopId, from, to);
    }

    @Override
    public Set<Long> customersWhoBought(long shopId, Collection<String> categories, LocalDate from, LocalDate to) {
        return members.customersWhoBought(shopId, categories, from, to);
    }

    @Override
    public Optional<Customer> customer(long shopId, String externalId) {
        return members.customer(shopId, externalId);
    }

    @Override
    public List<Order> customerHistory(long shopId, long customerId, int limit) {
        return members.customerHistory(shopId, customerId, limit);
    }

    static Order order(ResultSet rs, StatementContext ctx) throws SQLException {
        String paid = rs.getString(7);
        return new Order(rs.getLong(1), rs.getLong(2), rs.getString(3), nullableLong(rs, 4),
                Instant.parse(rs.getString(5)), LocalDate.parse(rs.getString(6)), paid == null ? null : Instant.parse(paid),
                Order.Status.valueOf(rs.getString(8)), rs.getLong(9), rs.getString(10));
    }

    private static String from(LocalDate day) {
        return day == null ? EARLIEST : day.toString();
    }

    private static String to(LocalDate day) {
        return day == null ? LATEST : day.toString();
    }

    private static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
