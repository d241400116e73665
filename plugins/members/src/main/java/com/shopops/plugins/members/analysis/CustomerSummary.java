package com.shopops.plugins.members.analysis;

import com.shopops.api.data.CustomerOrders;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The shop's customers over a range (会员概览): how many bought, how many were new and how many came back,
 * what they ordered and spent, and how often they buy. Guests (orders without a customer) are counted apart
 * and left out of every per-customer figure, since they cannot be told apart. Rates are fractions, null when
 * their denominator is 0.
 *
 * @param customers            identified customers with a counting order in the range
 * @param newCustomers         of them, those whose first counting order ever falls in the range
 * @param returningCustomers   of them, those who had ordered before the range
 * @param orders               the identified customers' counting orders
 * @param guestOrders          counting orders without a customer
 * @param revenue              the identified customers' counting revenue, minor units
 * @param guestRevenue         the guests' counting revenue, minor units
 * @param repeatRate           复购率: customers with 2 or more orders ÷ customers
 * @param purchaseFrequency    orders ÷ customers
 * @param avgDaysBetweenOrders over customers with 2 or more orders: days from their first to their last order
 *                             in the range, summed, ÷ the gaps between their orders (orders − 1), summed;
 *                             null when nobody ordered twice
 * @param revenuePerCustomer   客单价 per customer: revenue ÷ customers rounded half up, minor units
 */
public record CustomerSummary(long customers, long newCustomers, long returningCustomers, long orders,
                              long guestOrders, long revenue, long guestRevenue, Double repeatRate,
                              Double purchaseFrequency, Double avgDaysBetweenOrders, Long revenuePerCustomer) {

    /**
     * The figures of a range's customers.
     *
     * @param rows         one row per identified customer with a counting order in the range
     * @param from         the range's first day; null for all time, when every customer is new
     * @param guestOrders  the range's counting orders without a customer
     * @param guestRevenue their revenue, minor units
     */
    public static CustomerSummary of(Iterable<CustomerOrders> rows, LocalDate from, long guestOrders,
                                     long guestRevenue) {
        long customers = 0, fresh = 0, orders = 0, revenue = 0, repeaters = 0, days = 0, gaps = 0;
        for (CustomerOrders c : rows) {
            customers++;
            if (from == null || !c.firstOrderEver().isBefore(from)) {
                fresh++;
            }
            orders = Math.addExact(orders, c.orders());
            revenue = Math.addExact(revenue, c.revenue());
            if (c.orders() >= 2) {
                repeaters++;
                days += ChronoUnit.DAYS.between(c.firstOrder(), c.lastOrder());
                gaps += c.orders() - 1;
            }
        }
        return new CustomerSummary(customers, fresh, customers - fresh, orders, guestOrders, revenue, guestRevenue,
                Rounding.ratio(repeaters, customers), Rounding.ratio(orders, customers), Rounding.ratio(days, gaps),
                customers == 0 ? null : Rounding.halfUp(revenue, customers));
    }
}
