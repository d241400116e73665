package com.shopops.api.data;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Typed reads over a shop's core data, so plugins need no knowledge of the core tables. Date ranges
 * are shop-local days, both ends inclusive. For example, yesterday's orders of a shop:
 * <pre>{@code
 * LocalDate yesterday = LocalDate.now(context.clock().withZone(shop.timeZone())).minusDays(1);
 * List<Order> orders = context.data().orders(shop.id(), yesterday, yesterday);
 * }</pre>
 *
 * <p><b>Aggregate reads</b> (since 1.2.0). The typed reads return every row, which is too slow for a
 * dashboard over a million orders. The aggregate reads ({@link #coverage}, {@link #orderFigures},
 * {@link #trafficFigures}, {@link #trafficFiguresBySource}, {@link #sellThrough}, {@link #productSales},
 * {@link #productViews}, {@link #firstSales}, {@link #funnelCounts}, {@link #hourFigures},
 * {@link #weeklyUnits}, and since 1.4.0 {@link #ordersWithAny}) add up in the database, filtered by shop and
 * day on the core's indexes, and answer a few rows however much data a range holds. Unless a method says
 * otherwise, an order counts when it was placed on a day of the range and is not cancelled (refunded orders
 * count, as in {@link #summary}); a product is its SKU, which is also the behaviour events' item id. Both days of a range are required. For
 * example, a week's conversion rate and AOV as the platforms count them:
 * <pre>{@code
 * OrderFigures o = data.orderFigures(shop.id(), monday, sunday);
 * TrafficFigures t = data.trafficFigures(shop.id(), monday, sunday, "all");
 * double conversion = (double) o.dailyBuyers() / t.uv();   // buyers per day against visitors per day
 * long aov = Math.round((double) o.sales() / o.dailyBuyers());
 * }</pre>
 * The host implements them; the defaults, for other implementations, refuse, so that implementations
 * written against 1.1.0 keep working.
 *
 * @since 1.0.0
 */
public interface ShopData {

    /** The shop's products, listed and delisted, by SKU. */
    List<Product> products(long shopId);

    /** Orders placed on the days from {@code from} to {@code to}, cancelled ones included, by time. */
    List<Order> orders(long shopId, LocalDate from, LocalDate to);

    /** The lines of the orders {@link #orders} returns. */
    List<OrderLine> orderLines(long shopId, LocalDate from, LocalDate to);

    /** Customers with their counts and totals over all time. */
    List<Customer> customers(long shopId);

    /** Refunds made on the days from {@code from} to {@code to}. */
    List<Refund> refunds(long shopId, LocalDate from, LocalDate to);

    /** Traffic by day and source, the shop total under source {@code all}. */
    List<TrafficDay> traffic(long shopId, LocalDate from, LocalDate to);

    /** Behaviour events of those days in time order, one at a time (there can be millions). */
    void events(long shopId, LocalDate from, LocalDate to, Consumer<BehaviourEvent> each);

    /** The shop's targets. */
    List<Target> targets(long shopId);

    /**
     * The daily targets of the days from {@code from} to {@code to} that have one, by day: the days of a
     * target breakdown, and the days of a month that has only a monthly sales target, as that month
     * spread evenly (in whole minor units that add up to the month). A day without any target is left out.
     * Both days are required (at most twenty years apart). Sum these rather than the rows of
     * {@link #targets}: a breakdown stores the year, its months and its days, each with a {@code sales} row.
     * The host implements this; the default, for other implementations, refuses.
     *
     * @since 1.1.0
     */
    default List<DayTarget> dayTargets(long shopId, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("this ShopData has no daily targets");
    }

    /** Reviews written on those days. */
    List<Review> reviews(long shopId, LocalDate from, LocalDate to);

    /** The headline figures of those days; {@code from} and {@code to} may be null for all time. */
    ShopSummary summary(long shopId, LocalDate from, LocalDate to);

    /**
     * The orders of the shop with the given {@code externalIds} (the platform's order numbers, as the
     * export has them), cancelled ones included, of any day, by time; an id without an order of this
     * shop is left out, and an id given twice answers its order once. Looking up the few orders other
     * data names spares reading a whole period of orders to find them. The orders that chats name:
     * <pre>{@code
     * Set<String> numbers = chats.stream().map(Chat::orderId).filter(Objects::nonNull).collect(toSet());
     * for (Order o : data.ordersByExternalId(shopId, numbers)) {
     *     paid.put(o.externalId(), o.paidAt() != null);
     * }
     * }</pre>
     * The host implements this; the default, for other implementations, refuses.
     *
     * @param externalIds the order numbers to look up, as many as needed (the host reads them in batches)
     * @since 1.4.0
     */
    default List<Order> ordersByExternalId(long shopId, Collection<String> externalIds) {
        throw new UnsupportedOperationException("this ShopData has no order lookup by external id");
    }

    // ------------------------------------------------------------------ aggregate reads (1.2.0)

    /**
     * Which days the shop's orders, shop-total traffic and behaviour events span, e.g. to show a figure
     * of a range that is not imported yet as unknown rather than as 0.
     *
     * @since 1.2.0
     */
    default DataCoverage coverage(long shopId) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * The order figures of the days from {@code from} to {@code to}: orders, sales, buyers, refunded
     * orders, identified and returning customers (see {@link OrderFigures}). Several ranges read this way
     * give a period and its comparisons:
     * <pre>{@code
     * OrderFigures week = data.orderFigures(shopId, monday, sunday);
     * OrderFigures before = data.orderFigures(shopId, monday.minusWeeks(1), sunday.minusWeeks(1));
     * Double repeatShare = week.customers() == 0 ? null : (double) week.returningCustomers() / week.customers();
     * }</pre>
     *
     * @since 1.2.0
     */
    default OrderFigures orderFigures(long shopId, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * The traffic rows of one source over the days from {@code from} to {@code to}, added up:
     * {@code source} {@code "all"} for the shop total, a source's name as imported for that source, or
     * null for every source other than {@code all} added up (for reports that give sources without a
     * total). A source without rows answers zeros with {@code days} 0; compare {@code days} with the
     * range's length to see whether every day was imported.
     *
     * @since 1.2.0
     */
    default TrafficFigures trafficFigures(long shopId, LocalDate from, LocalDate to, String source) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * The traffic of each source over the days from {@code from} to {@code to}, the shop total
     * {@code all} included, by source name: which sources grew or shrank.
     * <pre>{@code
     * for (TrafficFigures s : data.trafficFiguresBySource(shopId, monday, sunday)) {
     *     if (!s.source().equals("all")) visitors.put(s.source(), s.uv());
     * }
     * }</pre>
     *
     * @since 1.2.0
     */
    default List<TrafficFigures> trafficFiguresBySource(long shopId, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * Sell-through (动销率) of the days from {@code from} to {@code to}: the products listed as of
     * {@code to} and how many of them sold at least one unit in those days.
     *
     * @since 1.2.0
     */
    default SellThrough sellThrough(long shopId, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * Sales, units and orders by product over the days from {@code from} to {@code to}, most sales first
     * (ties by SKU), at most {@code limit} products; of the given {@code skus} only, or of every product
     * when {@code skus} is null. Products without a sale in the range are left out. The hero product of a week:
     * <pre>{@code
     * List<ProductSales> top = data.productSales(shopId, monday, sunday, null, 1);
     * }</pre>
     *
     * @param skus  the products to read (a few hundred at most), or null for all
     * @param limit the most products answered
     * @since 1.2.0
     */
    default List<ProductSales> productSales(long shopId, LocalDate from, LocalDate to, Collection<String> skus, int limit) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * Views and distinct viewers by product over the days from {@code from} to {@code to}, most views
     * first (then most viewers, then by SKU), at most {@code limit} products; of the given {@code skus}
     * only, or of every product when null. Products without a view are left out.
     *
     * @param skus  the products to read (a few hundred at most), or null for all
     * @param limit the most products answered
     * @since 1.2.0
     */
    default List<ProductViews> productViews(long shopId, LocalDate from, LocalDate to, Collection<String> skus, int limit) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * The day each of {@code skus} first sold (in an order not cancelled, over all time), by SKU; a
     * product that never sold is left out. With its listing day this tells a new product from an old one.
     *
     * @param skus the products to read (a few hundred at most)
     * @since 1.2.0
     */
    default Map<String, LocalDate> firstSales(long shopId, Collection<String> skus) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * The behaviour events of the days from {@code from} to {@code to} counted by funnel step (visitors,
     * views, favourites, carts, buys, buyers), of one product when {@code sku} is not null, grouped by
     * {@code by}: one row for the range, a row per day, or a row per product (the top {@code limit} by
     * views). At most {@code limit} rows in the grouping's order. The funnel of each of the last seven days:
     * <pre>{@code
     * List<FunnelCounts> days = data.funnelCounts(shopId, today.minusDays(7), today.minusDays(1), null,
     *         FunnelCounts.Grouping.DAY, 7);
     * }</pre>
     *
     * @param sku   one product (the events' item id), or null for all
     * @param by    how to group
     * @param limit the most rows answered
     * @since 1.2.0
     */
    default List<FunnelCounts> funnelCounts(long shopId, LocalDate from, LocalDate to, String sku, FunnelCounts.Grouping by,
                                            int limit) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * Orders, sales and distinct visitors of each clock hour of the days from {@code from} to {@code to},
     * in the shop's time zone (DST included), for the hours that have any; to schedule ads and
     * customer-service shifts. In no particular order.
     *
     * @since 1.2.0
     */
    default List<HourFigures> hourFigures(long shopId, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * How many orders that count hold at least one of {@code skus}, per day of the range from {@code from}
     * to {@code to}, in day order; a day without such an order is left out. Unlike adding up
     * {@link ProductSales#orders()} over products, an order holding two of the products counts once: the
     * orders of a campaign or a product group, e.g. its share of the shop's orders:
     * <pre>{@code
     * Map<LocalDate, Long> days = data.ordersWithAny(shopId, liveFrom, yesterday, List.of("P-1001", "P-1002"));
     * long campaignOrders = days.values().stream().mapToLong(Long::longValue).sum();
     * double share = (double) campaignOrders / data.orderFigures(shopId, liveFrom, yesterday).orders();
     * }</pre>
     * An order counts as in {@link #productSales} and {@link #orderFigures}: placed on a day of the range
     * and not cancelled. Both days are required.
     *
     * @param skus the products (a few hundred at most); none answers an empty map
     * @since 1.4.0
     */
    default Map<LocalDate, Long> ordersWithAny(long shopId, LocalDate from, LocalDate to, Collection<String> skus) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * Units sold of each of {@code skus} in each of the {@code weeks} 7-day weeks ending on {@code lastDay},
     * oldest week first, one row per SKU asked for (zeros when it did not sell), in the order asked: the
     * sales curve a product's lifecycle is judged from.
     * <pre>{@code
     * List<WeeklyUnits> curves = data.weeklyUnits(shopId, yesterday, 8, List.of("P-1001", "P-1002"));
     * }</pre>
     *
     * @param skus the products to read (a few hundred at most)
     * @since 1.2.0
     */
    default List<WeeklyUnits> weeklyUnits(long shopId, LocalDate lastDay, int weeks, Collection<String> skus) {
        throw new UnsupportedOperationException("this ShopData has no aggregate reads");
    }

    /**
     * Each identified customer with a counting order in the range (neither cancelled nor refunded), one
     * row per customer, streamed so that a shop with a million customers is never one list in memory.
     * Guest orders have no row ({@link #guestOrders}). For RFM over all history pass {@code from = null}.
     * <pre>{@code
     * data.customerOrders(shopId, null, referenceDay, c -> scores.add(c));
     * }</pre>
     *
     * @param from the range's first day, or null for all history up to {@code to}
     * @since 1.3.0
     */
    default void customerOrders(long shopId, LocalDate from, LocalDate to, Consumer<CustomerOrders> each) {
        throw new UnsupportedOperationException("this ShopData has no member reads");
    }

    /**
     * {@link #customerOrders(long, LocalDate, LocalDate, Consumer)} as a list, for ranges of a modest size.
     *
     * @since 1.3.0
     */
    default List<CustomerOrders> customerOrders(long shopId, LocalDate from, LocalDate to) {
        List<CustomerOrders> rows = new ArrayList<>();
        customerOrders(shopId, from, to, rows::add);
        return rows;
    }

    /**
     * The range's orders without a customer id that are neither cancelled nor refunded: what member
     * figures leave out.
     *
     * @since 1.3.0
     */
    default GuestOrders guestOrders(long shopId, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("this ShopData has no member reads");
    }

    /**
     * The cohort table of the months {@code from}..{@code to} touch: for every cohort whose first month
     * (the month of its customers' first counting order over all history) is in the range, and every month
     * of the range from then on, the customers of that cohort who ordered. A customer whose first order is
     * before the range's first month is in no cohort of this table, even when ordering again in the range.
     * Ordered by cohort, then month.
     *
     * @since 1.3.0
     */
    default List<CohortCell> cohorts(long shopId, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("this ShopData has no member reads");
    }

    /**
     * The customers (database ids) with a counting order in the range (neither cancelled nor refunded)
     * that holds a product of one of {@code categories}.
     *
     * @since 1.3.0
     */
    default Set<Long> customersWhoBought(long shopId, Collection<String> categories, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("this ShopData has no member reads");
    }

    /**
     * A customer found by the buyer's id in the source system.
     *
     * @since 1.3.0
     */
    default Optional<Customer> customer(long shopId, String externalId) {
        throw new UnsupportedOperationException("this ShopData has no member reads");
    }

    /**
     * Every order of one customer, cancelled and refunded ones too, newest first: a customer's history.
     *
     * @param limit at most this many
     * @since 1.3.0
     */
    default List<Order> customerHistory(long shopId, long customerId, int limit) {
        throw new UnsupportedOperationException("this ShopData has no member reads");
    }
}
