package com.shopops.platform.demo;

import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.data.ReviewRow;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import java.util.List;

/**
 * A generated demo shop, ready for {@link com.shopops.api.data.CoreWriter}: shop ids and database ids
 * are 0, money is in minor units of the shop's currency, times are instants of shop-local times.
 *
 * <p>Refunds are written in exactly one place each: a <em>full</em> refund marks its order
 * {@code REFUNDED} and carries the amount in {@link OrderRow#refunded()} and the reason in
 * {@link OrderRow#refundReason()} (on every row of the order, the order's total, once per order); a
 * <em>partial</em> refund (one line or one unit) is a {@link RefundRow} in {@link #refunds()} and its
 * order stays {@code COMPLETED} with {@code refunded} 0. No order has both.
 *
 * @param products   the range, sorted by SKU
 * @param heroSku    the hero item's SKU (主打款)
 * @param orderRows  one row per order line, the order's fields on every row, sorted by creation time
 * @param refunds    partial refunds, sorted by time
 * @param traffic    per day the six sources then {@code all}, sorted by day
 * @param events     behaviour events of the last 14 days, sorted by time
 * @param reviews    reviews sorted by day
 * @param targets    monthly {@code sales}, {@code uv}, {@code conversionRate} and {@code aov} targets
 */
public record DemoData(List<Product> products, String heroSku, List<OrderRow> orderRows, List<RefundRow> refunds,
                       List<TrafficDay> traffic, List<BehaviourEvent> events, List<ReviewRow> reviews,
                       List<Target> targets) {

    public DemoData {
        products = List.copyOf(products);
        orderRows = List.copyOf(orderRows);
        refunds = List.copyOf(refunds);
        traffic = List.copyOf(traffic);
        events = List.copyOf(events);
        reviews = List.copyOf(reviews);
        targets = List.copyOf(targets);
    }
}
