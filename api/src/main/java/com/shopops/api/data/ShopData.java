package com.shopops.api.data;

import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Customer;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.OrderLine;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Refund;
import com.shopops.api.domain.Review;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Typed reads over a shop's core data, so plugins need no knowledge of the core tables. Date ranges
 * are shop-local days, both ends inclusive. For example, yesterday's orders of a shop:
 * <pre>{@code
 * LocalDate yesterday = LocalDate.now(context.clock().withZone(shop.timeZone())).minusDays(1);
 * List<Order> orders = context.data().orders(shop.id(), yesterday, yesterday);
 * }</pre>
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

    /** Reviews written on those days. */
    List<Review> reviews(long shopId, LocalDate from, LocalDate to);

    /** The headline figures of those days; {@code from} and {@code to} may be null for all time. */
    ShopSummary summary(long shopId, LocalDate from, LocalDate to);
}
