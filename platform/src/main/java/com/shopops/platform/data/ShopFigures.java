package com.shopops.platform.data;

import com.shopops.api.Shop;
import com.shopops.api.data.DataCoverage;
import com.shopops.api.data.FunnelCounts;
import com.shopops.api.data.HourFigures;
import com.shopops.api.data.OrderFigures;
import com.shopops.api.data.ProductSales;
import com.shopops.api.data.ProductViews;
import com.shopops.api.data.SellThrough;
import com.shopops.api.data.TrafficFigures;
import com.shopops.api.data.WeeklyUnits;
import com.shopops.platform.core.ShopStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The aggregate reads of {@link com.shopops.api.data.ShopData} (API 1.2.0): figures added up in SQL that
 * runs unchanged on SQLite and PostgreSQL, so that a range answers a few rows however many orders or
 * events it holds. The order figures that add up over days are summed from the roll-up {@code order_days}
 * ({@link OrderDays}); those that do not (distinct customers, products sold) are kept in an
 * {@link AnswerCache} while the shop's data version stays the same; a product's figures from the roll-up
 * {@code product_days}, kept the same way. Every query is filtered by shop and day on the core's
 * {@code (shop_id, day)} indexes (orders, refunds through their order, traffic_days' key, behaviour_events,
 * the roll-ups' keys); the first-sale lookup, which has no day, reads the shop's {@code product_days}.
 */
final class ShopFigures {

    /** The orders that count: placed on a day of the range and not cancelled (as in the summary). */
    private static final String COUNTED = "o.shop_id = :shop AND o.day BETWEEN :from AND :to AND o.status <> 'CANCELLED'";

    /** Traffic rows added up, in {@link #traffic(ResultSet, String, int)}'s order. */
    private static final String TRAFFIC_COLUMNS = """
            COUNT(*), COALESCE(SUM(uv), 0), COALESCE(SUM(pv), 0),
            COALESCE(SUM(CASE WHEN bounce_rate IS NOT NULL THEN uv ELSE 0 END), 0), COALESCE(SUM(bounce_rate * uv), 0),
            COALESCE(SUM(CASE WHEN avg_stay_seconds IS NOT NULL THEN uv ELSE 0 END), 0), COALESCE(SUM(avg_stay_seconds * uv), 0)""";

    /** Behaviour events counted by funnel step, in {@link #funnel}'s order. */
    private static final String FUNNEL_COLUMNS = """
            COUNT(DISTINCT user_id),
            COALESCE(SUM(CASE WHEN type = 'VIEW' THEN 1 ELSE 0 END), 0) AS views,
            COALESCE(SUM(CASE WHEN type = 'FAVOURITE' THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN type = 'CART' THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN type = 'BUY' THEN 1 ELSE 0 END), 0),
            COUNT(DISTINCT CASE WHEN type = 'BUY' THEN user_id END)""";

    /** The UTC minute of the day of a stored instant ({@code 2024-03-05T01:02:03.000000Z}) as an integer. */
    private static final String UTC_MINUTE = "(CAST(substr(%1$s, 12, 2) AS INTEGER) * 60 + CAST(substr(%1$s, 15, 2) AS INTEGER))";

    private static final int MINUTES_PER_DAY = 24 * 60;

    private final Jdbi jdbi;
    private final ShopStore shops;
    /** The answers that do not add up over days, kept while the shop's data version stays (see {@link AnswerCache}). */
    private final AnswerCache answers = new AnswerCache();

    ShopFigures(Jdbi jdbi, ShopStore shops) {
        this.jdbi = jdbi;
        this.shops = shops;
    }

    DataCoverage coverage(long shopId) {
        // One MIN or MAX per subquery: each is then a single step on its (shop_id, day) index on both databases.
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT (SELECT MIN(day) FROM orders WHERE shop_id = :shop),
                               (SELECT MAX(day) FROM orders WHERE shop_id = :shop),
                               (SELECT MIN(day) FROM traffic_days WHERE shop_id = :shop AND source = 'all'),
                               (SELECT MAX(day) FROM traffic_days WHERE shop_id = :shop AND source = 'all'),
                               (SELECT MIN(day) FROM behaviour_events WHERE shop_id = :shop),
                               (SELECT MAX(day) FROM behaviour_events WHERE shop_id = :shop)""")
                .bind("shop", shopId)
                .map((rs, ctx) -> new DataCoverage(day(rs.getString(1)), day(rs.getString(2)), day(rs.getString(3)),
                        day(rs.getString(4)), day(rs.getString(5)), day(rs.getString(6))))
                .one());
    }

    OrderFigures orderFigures(long shopId, LocalDate from, LocalDate to) {
        range(from, to);
        return jdbi.withHandle(h -> {
            // What adds up day by day (orders, sales, daily buyers, refunded and guest orders) from the roll-up
            // the core's writer keeps: at most one row per day of the range.
            long[] days = range(h.createQuery("""
                            SELECT COALESCE(SUM(orders), 0), COALESCE(SUM(sales), 0), COALESCE(SUM(buyers), 0),
                                   COALESCE(SUM(refunded), 0), COALESCE(SUM(guest_orders), 0)
                            FROM order_days WHERE shop_id = :shop AND day BETWEEN :from AND :to"""), shopId, from, to)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                    .one();
            People people = answers.answer(h, shopId, "people", from, to, () -> people(h, shopId, from, to));
            long customers = people.customers();
            return new OrderFigures(days[0], days[1], customers + days[4], days[2], days[3], customers,
                    Math.max(0, customers - people.firstOrders()));
        });
    }

    /** The distinct customers of a range's orders that count, and the customers whose first order is in the range. */
    private record People(long customers, long firstOrders) {
    }

    /**
     * Over the whole range, which does not add up over days: distinct customers, and the customers whose first
     * order (not cancelled, kept on the customer by the core's writer) falls in the range. Each of those has an
     * order that counts in the range, so the range's other customers are the returning ones; counting them on
     * customers_by_first_order spares joining every order to its customer. The orders are read from the
     * covering orders_by_day alone.
     */
    private static People people(Handle h, long shopId, LocalDate from, LocalDate to) {
        return range(h.createQuery("""
                        SELECT COUNT(DISTINCT o.customer_id),
                               (SELECT COUNT(*) FROM customers c WHERE c.shop_id = :shop AND c.first_order BETWEEN :from AND :to)
                        FROM orders o WHERE\s""" + COUNTED), shopId, from, to)
                .map((rs, ctx) -> new People(rs.getLong(1), rs.getLong(2)))
                .one();
    }

    TrafficFigures trafficFigures(long shopId, LocalDate from, LocalDate to, String source) {
        range(from, to);
        return jdbi.withHandle(h -> {
            Query q = range(h.createQuery("SELECT " + TRAFFIC_COLUMNS + """

                            FROM traffic_days WHERE shop_id = :shop AND day BETWEEN :from AND :to AND\s"""
                    + (source == null ? "source <> 'all'" : "source = :source")), shopId, from, to);
            if (source != null) {
                q.bind("source", source);
            }
            return q.map((rs, ctx) -> traffic(rs, source, 1)).one();
        });
    }

    List<TrafficFigures> trafficFiguresBySource(long shopId, LocalDate from, LocalDate to) {
        range(from, to);
        List<TrafficFigures> out = new ArrayList<>(jdbi.withHandle(h -> range(h.createQuery("SELECT source, " + TRAFFIC_COLUMNS + """

                        FROM traffic_days WHERE shop_id = :shop AND day BETWEEN :from AND :to GROUP BY source"""), shopId, from, to)
                .map((rs, ctx) -> traffic(rs, rs.getString(1), 2))
                .list()));
        // sorted here: the databases' collations order text differently
        out.sort(Comparator.comparing(TrafficFigures::source));
        return out;
    }

    SellThrough sellThrough(long shopId, LocalDate from, LocalDate to) {
        range(from, to);
        return jdbi.withHandle(h -> {
            // Which products sold in the range is kept with the shop's data version; whether each is listed is
            // read every time (operators list and delist products by hand, which is no import).
            Set<Long> sold = answers.answer(h, shopId, "sold products", from, to, () -> Set.copyOf(range(h.createQuery("""
                            SELECT DISTINCT l.product_id FROM orders o JOIN order_lines l ON l.order_id = o.id
                            WHERE l.quantity > 0 AND l.product_id IS NOT NULL AND\s""" + COUNTED), shopId, from, to)
                    .mapTo(Long.class).list()));
            List<Long> listed = h.createQuery("""
                            SELECT p.id FROM products p
                            WHERE p.shop_id = :shop AND p.status = 'LISTED' AND (p.listed_on IS NULL OR p.listed_on <= :to)""")
                    .bind("shop", shopId).bind("to", to.toString())
                    .mapTo(Long.class).list();
            return new SellThrough(listed.size(), listed.stream().filter(sold::contains).count());
        });
    }

    List<ProductSales> productSales(long shopId, LocalDate from, LocalDate to, Collection<String> skus, int limit) {
        range(from, to);
        if (limit <= 0 || (skus != null && skus.isEmpty())) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            Query q = range(h.createQuery("""
                            SELECT sku, SUM(sales) AS sales, SUM(units), SUM(orders), MAX(title) FROM product_days
                            WHERE shop_id = :shop AND day BETWEEN :from AND :to""" + (skus == null ? "" : " AND sku IN (<skus>)") + """

                            GROUP BY sku ORDER BY sales DESC, sku LIMIT :limit"""), shopId, from, to).bind("limit", limit);
            if (skus != null) {
                q.bindList("skus", List.copyOf(skus));
            }
            List<ProductSales> rows = q.map((rs, ctx) -> new ProductSales(rs.getString(1), rs.getString(5), rs.getLong(2),
                    rs.getLong(3), rs.getLong(4))).list();
            Map<String, String> titles = titles(h, shopId, rows.stream().map(ProductSales::sku).toList());
            return rows.stream().map(r -> titles.containsKey(r.sku())
                    ? new ProductSales(r.sku(), titles.get(r.sku()), r.sales(), r.units(), r.orders()) : r).toList();
        });
    }

    /**
     * The orders that count holding a line of one of {@code skus}, per day: each order once however many of
     * them it holds. The orders are found on orders_by_day and each one's lines on the (order_id, line_hash) key.
     */
    Map<LocalDate, Long> ordersWithAny(long shopId, LocalDate from, LocalDate to, Collection<String> skus) {
        range(from, to);
        Map<LocalDate, Long> out = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> range(h.createQuery("""
                        SELECT o.day, COUNT(*) FROM orders o
                        WHERE\s""" + COUNTED + """
                         AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.sku IN (<skus>))
                        GROUP BY o.day ORDER BY o.day"""), shopId, from, to)
                .bindList("skus", List.copyOf(new LinkedHashSet<>(skus)))
                .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    List<ProductViews> productViews(long shopId, LocalDate from, LocalDate to, Collection<String> skus, int limit) {
        range(from, to);
        if (limit <= 0 || (skus != null && skus.isEmpty())) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            Query q = range(h.createQuery("""
                            SELECT item_id, COUNT(*) AS views, COUNT(DISTINCT user_id) AS viewers
                            FROM behaviour_events
                            WHERE shop_id = :shop AND day BETWEEN :from AND :to AND type = 'VIEW'"""
                    + (skus == null ? "" : " AND item_id IN (<skus>)") + """

                            GROUP BY item_id ORDER BY views DESC, viewers DESC, item_id LIMIT :limit"""), shopId, from, to)
                    .bind("limit", limit);
            if (skus != null) {
                q.bindList("skus", List.copyOf(skus));
            }
            List<ProductViews> rows = q.map((rs, ctx) -> new ProductViews(rs.getString(1), null, rs.getLong(2), rs.getLong(3)))
                    .list();
            Map<String, String> titles = titles(h, shopId, rows.stream().map(ProductViews::sku).toList());
            return rows.stream().map(r -> new ProductViews(r.sku(), titles.get(r.sku()), r.views(), r.viewers())).toList();
        });
    }

    Map<String, LocalDate> firstSales(long shopId, Collection<String> skus) {
        Map<String, LocalDate> out = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT sku, MIN(day) FROM product_days WHERE shop_id = :shop AND sku IN (<skus>)
                        GROUP BY sku ORDER BY sku""")
                .bind("shop", shopId).bindList("skus", List.copyOf(skus))
                .map((rs, ctx) -> Map.entry(rs.getString(1), LocalDate.parse(rs.getString(2))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    List<FunnelCounts> funnelCounts(long shopId, LocalDate from, LocalDate to, String sku, FunnelCounts.Grouping by, int limit) {
        range(from, to);
        if (by == null) {
            throw new IllegalArgumentException("say how to group: RANGE, DAY or PRODUCT");
        }
        if (limit <= 0) {
            return List.of();
        }
        String key = switch (by) {
            case RANGE -> "";
            case DAY -> "day, ";
            case PRODUCT -> "item_id, ";
        };
        String group = switch (by) {
            case RANGE -> "";
            case DAY -> " GROUP BY day ORDER BY day";
            case PRODUCT -> " GROUP BY item_id ORDER BY views DESC, COUNT(DISTINCT user_id) DESC, item_id";
        };
        return jdbi.withHandle(h -> {
            Query q = range(h.createQuery("SELECT " + key + FUNNEL_COLUMNS + """

                             FROM behaviour_events WHERE shop_id = :shop AND day BETWEEN :from AND :to"""
                    + (sku == null ? "" : " AND item_id = :item") + group + " LIMIT :limit"), shopId, from, to)
                    .bind("limit", limit);
            if (sku != null) {
                q.bind("item", sku);
            }
            List<FunnelCounts> rows = q.map((rs, ctx) -> switch (by) {
                case RANGE -> funnel(rs, null, sku, 1);
                case DAY -> funnel(rs, LocalDate.parse(rs.getString(1)), sku, 2);
                case PRODUCT -> funnel(rs, null, rs.getString(1), 2);
            }).list();
            if (by != FunnelCounts.Grouping.PRODUCT) {
                return rows;
            }
            Map<String, String> titles = titles(h, shopId, rows.stream().map(FunnelCounts::sku).toList());
            return rows.stream().map(r -> new FunnelCounts(null, r.sku(), titles.get(r.sku()), r.visitors(), r.views(),
                    r.favourites(), r.carts(), r.buys(), r.buyers())).toList();
        });
    }

    List<HourFigures> hourFigures(long shopId, LocalDate from, LocalDate to) {
        range(from, to);
        ZoneId zone = shops.byId(shopId).map(Shop::timeZone)
                .orElseThrow(() -> new IllegalArgumentException("no shop with id " + shopId));
        record Key(LocalDate day, int hour) {
        }
        // the repeated hour of an autumn DST change comes from two spans: both add up in one clock hour
        Map<Key, HourFigures> hours = new HashMap<>();
        Consumer<HourFigures> add = f -> hours.merge(new Key(f.day(), f.hour()), f,
                (a, b) -> new HourFigures(a.day(), a.hour(), a.orders() + b.orders(), a.sales() + b.sales(),
                        a.visitors() + b.visitors()));
        jdbi.useHandle(h -> {
            for (Instant[] span : offsetSpans(zone, from, to)) {
                // offset + a whole day: the sum is never negative, so % and / mean the same on both databases
                int shift = zone.getRules().getOffset(span[0]).getTotalSeconds() / 60 + MINUTES_PER_DAY;
                range(h.createQuery("SELECT day, (" + UTC_MINUTE.formatted("created_at") + """
                                 + :shift) % 1440 / 60 AS hr, COUNT(*), COALESCE(SUM(amount), 0)
                                FROM orders o
                                WHERE\s""" + COUNTED + """
                                 AND created_at >= :start AND created_at < :end
                                GROUP BY day, hr"""), shopId, from, to)
                        .bind("start", span[0]).bind("end", span[1]).bind("shift", shift)
                        .map((rs, ctx) -> new HourFigures(LocalDate.parse(rs.getString(1)), rs.getInt(2), rs.getLong(3),
                                rs.getLong(4), 0))
                        .forEach(add);
                range(h.createQuery("SELECT day, (" + UTC_MINUTE.formatted("at") + """
                                 + :shift) % 1440 / 60 AS hr, COUNT(DISTINCT user_id)
                                FROM behaviour_events
                                WHERE shop_id = :shop AND day BETWEEN :from AND :to AND at >= :start AND at < :end
                                GROUP BY day, hr"""), shopId, from, to)
                        .bind("start", span[0]).bind("end", span[1]).bind("shift", shift)
                        .map((rs, ctx) -> new HourFigures(LocalDate.parse(rs.getString(1)), rs.getInt(2), 0, 0, rs.getLong(3)))
                        .forEach(add);
            }
        });
        return new ArrayList<>(hours.values());
    }

    /** The stretches {start, end} of constant UTC offset that cover the shop-local days from {@code from} to {@code to}. */
    static List<Instant[]> offsetSpans(ZoneId zone, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        ZoneRules rules = zone.getRules();
        List<Instant[]> spans = new ArrayList<>();
        Instant at = start;
        while (at.isBefore(end)) {
            ZoneOffsetTransition next = rules.nextTransition(at);
            Instant stop = next == null || !next.getInstant().isBefore(end) ? end : next.getInstant();
            spans.add(new Instant[] {at, stop});
            at = stop;
        }
        return spans;
    }

    List<WeeklyUnits> weeklyUnits(long shopId, LocalDate lastDay, int weeks, Collection<String> skus) {
        if (lastDay == null) {
            throw new IllegalArgumentException("give the last day");
        }
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks: at least 1, not " + weeks);
        }
        Map<String, long[]> units = new LinkedHashMap<>();
        for (String sku : new LinkedHashSet<>(skus)) {
            units.put(sku, new long[weeks]);
        }
        if (!units.isEmpty()) {
            LocalDate first = lastDay.minusDays(7L * weeks - 1);
            // a row per product and day (at most 7 × weeks per product), put into its week here: date arithmetic
            // is not the same SQL on both databases
            record Row(String sku, LocalDate day, long units) {
            }
            List<Row> rows = jdbi.withHandle(h -> range(h.createQuery("""
                            SELECT sku, day, SUM(units) FROM product_days
                            WHERE shop_id = :shop AND day BETWEEN :from AND :to AND sku IN (<skus>)
                            GROUP BY sku, day"""), shopId, first, lastDay)
                    .bindList("skus", List.copyOf(units.keySet()))
                    .map((rs, ctx) -> new Row(rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getLong(3)))
                    .list());
            for (Row r : rows) {
                long weeksBefore = ChronoUnit.DAYS.between(r.day(), lastDay) / 7;
                units.get(r.sku())[weeks - 1 - (int) weeksBefore] += r.units();
            }
        }
        List<WeeklyUnits> out = new ArrayList<>();
        units.forEach((sku, u) -> out.add(new WeeklyUnits(sku, Arrays.stream(u).boxed().toList())));
        return out;
    }

    /** Titles from the shop's product list, by SKU. */
    private static Map<String, String> titles(Handle h, long shopId, List<String> skus) {
        Map<String, String> out = new HashMap<>();
        if (!skus.isEmpty()) {
            h.createQuery("SELECT sku, title FROM products WHERE shop_id = :shop AND sku IN (<skus>)")
                    .bind("shop", shopId).bindList("skus", skus)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static TrafficFigures traffic(ResultSet rs, String source, int first) throws SQLException {
        return new TrafficFigures(source, rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                rs.getDouble(first + 4), rs.getLong(first + 5), rs.getDouble(first + 6));
    }

    private static FunnelCounts funnel(ResultSet rs, LocalDate day, String sku, int first) throws SQLException {
        return new FunnelCounts(day, sku, null, rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2),
                rs.getLong(first + 3), rs.getLong(first + 4), rs.getLong(first + 5));
    }

    private static Query range(Query q, long shopId, LocalDate from, LocalDate to) {
        return q.bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString());
    }

    private static void range(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("give both the first and the last day");
        }
    }

    private static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
