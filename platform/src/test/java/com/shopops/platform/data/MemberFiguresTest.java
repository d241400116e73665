package com.shopops.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.api.data.CohortCell;
import com.shopops.api.data.CustomerOrders;
import com.shopops.api.data.GuestOrders;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.ShopData;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Order.Status;
import com.shopops.api.domain.Product;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The member reads of {@link ShopData} (API 1.3.0) on a small hand-made shop in a real SQLite file and the
 * real PostgreSQL; the same rows go to a second shop, so a read that forgot its shop would answer double.
 * Every expected figure is worked out in the comments from the rows below.
 */
class MemberFiguresTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MAR4 = LocalDate.of(2024, 3, 4);
    private static final LocalDate MAR5 = LocalDate.of(2024, 3, 5);

    @TempDir
    Path dir;

    private static OrderRow line(String order, String customer, LocalDate day, String time, Status status, String sku, long amount) {
        Instant t = LocalDateTime.of(day, LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
        return new OrderRow(order, customer, t, status == Status.CANCELLED ? null : t, status, null, null, sku, "line " + sku,
                1, amount, amount, 0, null);
    }

    private static Product product(String sku, String category) {
        return new Product(0, 0, sku, "product " + sku, category, 5_000L, null, 10, Product.Status.LISTED, null);
    }

    private static Shop handMade(Fresh f, String code) {
        Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC())
                .create(new ShopStore.NewShop(code, null, null, null, "Asia/Shanghai"));
        f.database().jdbi().useTransaction(h -> {
            CoreTableWriter w = new CoreTableWriter(h, shop);
            w.products(List.of(product("P1", "clothes"), product("P2", "clothes"), product("P3", "shoes")));
            w.orders(List.of(
                    line("A0", "ann", LocalDate.of(2024, 1, 20), "10:00", Status.COMPLETED, "P1", 5_000),
                    line("O1", "ann", MAR4, "09:30", Status.PAID, "P1", 10_000),
                    line("O4", "ann", MAR5, "20:00", Status.PAID, "P2", 8_000),
                    line("O4", "ann", MAR5, "20:00", Status.PAID, "X9", 1_000),
                    line("B1", "ben", LocalDate.of(2024, 2, 10), "11:00", Status.CANCELLED, "P1", 3_000),
                    line("O2", "ben", MAR4, "10:15", Status.REFUNDED, "P2", 8_000),
                    line("O6", "ben", MAR5, "23:30", Status.SHIPPED, "P1", 5_000),
                    line("O3", null, MAR4, "10:45", Status.PAID, "P1", 5_000),
                    line("G2", null, MAR5, "12:00", Status.REFUNDED, "P1", 2_000),
                    line("O5", "cat", MAR5, "21:00", Status.CANCELLED, "P2", 7_000),
                    line("D1", "dan", LocalDate.of(2024, 2, 15), "08:00", Status.COMPLETED, "P3", 4_000),
                    line("D2", "dan", LocalDate.of(2024, 4, 2), "08:00", Status.PAID, "P3", 6_000)));
        });
        return shop;
    }

    private static List<CustomerOrders> byName(List<CustomerOrders> rows) {
        return rows.stream().sorted(Comparator.comparing(CustomerOrders::externalId))
                .map(r -> new CustomerOrders(0, r.externalId(), r.firstOrderEver(), r.firstOrder(), r.lastOrder(), r.orders(), r.revenue()))
                .toList();
    }

    private static CustomerOrders row(String who, String ever, String first, String last, long orders, long revenue) {
        return new CustomerOrders(0, who, LocalDate.parse(ever), LocalDate.parse(first), LocalDate.parse(last), orders, revenue);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void memberReads(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = handMade(f, "flagship").id();
            handMade(f, "outlet");
            ShopData data = f.data();

            // 4–5 March: ann O1 10,000 + O4 9,000, first ever A0 on 20 January; ben only O6 5,000 (O2 refunded, B1
            // cancelled, so his first counting order is O6); cat only cancelled; dan nothing in the range.
            assertEquals(List.of(row("ann", "2024-01-20", "2024-03-04", "2024-03-05", 2, 19_000),
                            row("ben", "2024-03-05", "2024-03-05", "2024-03-05", 1, 5_000)),
                    byName(data.customerOrders(shop, MAR4, MAR5)));
            // All history to 5 March: ann's three orders 24,000; dan's D1 (D2 is after the last day).
            assertEquals(List.of(row("ann", "2024-01-20", "2024-01-20", "2024-03-05", 3, 24_000),
                            row("ben", "2024-03-05", "2024-03-05", "2024-03-05", 1, 5_000),
                            row("dan", "2024-02-15", "2024-02-15", "2024-02-15", 1, 4_000)),
                    byName(data.customerOrders(shop, null, MAR5)));
            assertEquals(List.of(), data.customerOrders(shop, LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 31)));
            assertThrows(IllegalArgumentException.class, () -> data.customerOrders(shop, MAR4, null));

            // Guests: O3 5,000 counts, G2 was refunded.
            assertEquals(new GuestOrders(1, 5_000), data.guestOrders(shop, MAR4, MAR5));
            assertEquals(new GuestOrders(0, 0), data.guestOrders(shop, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30)));

            // Cohorts January–April: ann's January (A0, then O1 + O4 in March), dan's February (D1, D2 in April),
            // ben's March (O6). ann is one customer in March however many orders.
            YearMonth jan = YearMonth.of(2024, 1);
            assertEquals(List.of(new CohortCell(jan, jan, 1, 5_000), new CohortCell(jan, jan.plusMonths(2), 1, 19_000),
                            new CohortCell(jan.plusMonths(1), jan.plusMonths(1), 1, 4_000),
                            new CohortCell(jan.plusMonths(1), jan.plusMonths(3), 1, 6_000),
                            new CohortCell(jan.plusMonths(2), jan.plusMonths(2), 1, 5_000)),
                    data.cohorts(shop, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 30)));
            // From March (any day of it): only cohorts that start in the range; ann's return in March belongs to January.
            assertEquals(List.of(new CohortCell(jan.plusMonths(2), jan.plusMonths(2), 1, 5_000)),
                    data.cohorts(shop, LocalDate.of(2024, 3, 15), LocalDate.of(2024, 4, 30)));

            // Bought clothes (P1, P2) in counting orders: ann, ben (O6; his O2 was refunded); shoes: dan in February.
            Set<Long> clothes = data.customersWhoBought(shop, List.of("clothes"), null, MAR5);
            assertEquals(Set.of("ann", "ben"), names(data, shop, clothes));
            assertEquals(Set.of("dan"), names(data, shop, data.customersWhoBought(shop, List.of("shoes", "hats"), null, MAR5)));
            assertEquals(Set.of(), data.customersWhoBought(shop, List.of("shoes"), LocalDate.of(2024, 3, 1), MAR5));
            assertEquals(Set.of(), data.customersWhoBought(shop, List.of(), null, MAR5));

            // ann's record as the writer keeps it; her history newest first, cut at two.
            var ann = data.customer(shop, "ann").orElseThrow();
            assertEquals(3, ann.orders());
            assertEquals(24_000, ann.spent());
            assertTrue(data.customer(shop, "nobody").isEmpty());
            assertEquals(List.of("O4", "O1"), data.customerHistory(shop, ann.id(), 2).stream().map(Order::externalId).toList());
            // ben's history keeps the refunded and the cancelled order: that is his story.
            var ben = data.customer(shop, "ben").orElseThrow();
            assertEquals(List.of("O6", "O2", "B1"), data.customerHistory(shop, ben.id(), 50).stream().map(Order::externalId).toList());
            assertEquals(List.of(Status.SHIPPED, Status.REFUNDED, Status.CANCELLED),
                    data.customerHistory(shop, ben.id(), 50).stream().map(Order::status).toList());
        }
    }

    private static Set<String> names(ShopData data, long shop, Set<Long> ids) {
        return data.customerOrders(shop, null, LocalDate.of(2024, 12, 31)).stream()
                .filter(c -> ids.contains(c.customerId())).map(CustomerOrders::externalId).collect(Collectors.toSet());
    }
}
