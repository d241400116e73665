package com.shopops.plugins.members.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.shopops.api.data.CustomerOrders;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerSummaryTest {

    private static final double EPS = 1e-12;
    private static final LocalDate NOV_1 = LocalDate.of(2025, 11, 1);

    static LocalDate nov(int day) {
        return LocalDate.of(2025, 11, day);
    }

    /**
     * November: A came back (first order ever in October) and ordered 3 times from the 2nd to the 12th; B's
     * first order ever is on the 1st itself, so B is new; C is new and ordered twice, the 10th and the 30th.
     */
    static List<CustomerOrders> november() {
        return List.of(
                new CustomerOrders(1, "alice", LocalDate.of(2025, 10, 5), nov(2), nov(12), 3, 30_000),
                new CustomerOrders(2, "bob", NOV_1, NOV_1, NOV_1, 1, 9_999),
                new CustomerOrders(3, "chen", nov(10), nov(10), nov(30), 2, 20_002));
    }

    @Test
    void novemberByHand() {
        CustomerSummary s = CustomerSummary.of(november(), NOV_1, 4, 12_000);
        assertEquals(3, s.customers());
        assertEquals(2, s.newCustomers(), "B (first order on the range's first day) and C");
        assertEquals(1, s.returningCustomers(), "A");
        assertEquals(6, s.orders(), "3 + 1 + 2; the 4 guest orders are apart");
        assertEquals(4, s.guestOrders());
        assertEquals(60_001, s.revenue(), "30,000 + 9,999 + 20,002");
        assertEquals(12_000, s.guestRevenue());
        assertEquals(2.0 / 3, s.repeatRate(), EPS, "A and C ordered twice or more");
        assertEquals(2.0, s.purchaseFrequency(), EPS, "6 orders ÷ 3 customers");
        // A: 10 days over 2 gaps, C: 20 days over 1 gap -> 30 ÷ 3
        assertEquals(10.0, s.avgDaysBetweenOrders(), EPS);
        assertEquals(20_000L, s.revenuePerCustomer(), "60,001 ÷ 3 = 20,000.33");
    }

    @Test
    void withoutAStartEveryCustomerIsNew() {
        CustomerSummary s = CustomerSummary.of(november(), null, 0, 0);
        assertEquals(3, s.newCustomers());
        assertEquals(0, s.returningCustomers());
    }

    @Test
    void revenuePerCustomerRoundsHalfUp() {
        // 10,001 ÷ 2 = 5,000.5 -> 5,001
        CustomerSummary s = CustomerSummary.of(List.of(
                new CustomerOrders(1, "a", NOV_1, NOV_1, NOV_1, 1, 5_000),
                new CustomerOrders(2, "b", NOV_1, NOV_1, NOV_1, 1, 5_001)), NOV_1, 0, 0);
        assertEquals(5_001L, s.revenuePerCustomer());
        assertNull(s.avgDaysBetweenOrders(), "nobody ordered twice");
        assertEquals(0.0, s.repeatRate(), EPS);
    }

    @Test
    void onlyGuestsLeaveTheRatesUnknown() {
        CustomerSummary s = CustomerSummary.of(List.of(), NOV_1, 7, 70_000);
        assertEquals(new CustomerSummary(0, 0, 0, 0, 7, 0, 70_000, null, null, null, null), s);
    }
}
