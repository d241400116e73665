package com.shopops.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.ProductSales;
import com.shopops.api.data.ShopData;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Order.Status;
import com.shopops.api.domain.OrderLine;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The order reads of {@link ShopData} added in API 1.4.0, {@code ordersWithAny} and {@code ordersByExternalId}, on
 * hand-made orders in a real SQLite file and the real PostgreSQL. The same orders go to a second shop, so a read
 * that forgot its shop would answer double; each figure is checked against the hand count in the comments and
 * against a count of the typed reads' rows.
 *
 * <p>Shop time Asia/Shanghai (UTC+8), range 4–6 March 2024, products P1 and P2:
 * E0 03-03 P1 (before); A1 03-04 00:10 P1 + P2 (the range's first minute, 03-03 in UTC); A2 03-04 P2; A3 03-04 P3
 * only; A4 03-05 P1 cancelled; A5 03-05 P1 refunded; A6 03-06 23:50 P1 twice at two prices (the range's last
 * minutes); E7 03-07 00:05 P1 (after; still 03-06 in UTC).
 */
class OrderLookupsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MAR4 = LocalDate.of(2024, 3, 4);
    private static final LocalDate MAR5 = LocalDate.of(2024, 3, 5);
    private static final LocalDate MAR6 = LocalDate.of(2024, 3, 6);

    @TempDir
    Path dir;

    private static OrderRow line(String order, LocalDate day, String time, Status status, String sku, long price) {
        Instant t = LocalDateTime.of(day, LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
        return new OrderRow(order, "c-" + order, t, status == Status.CANCELLED ? null : t, status, null, null, sku,
                "line " + sku, 1, price, price, 0, null);
    }

    private static Shop handMade(Fresh f, String code) {
        Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC())
                .create(new ShopStore.NewShop(code, null, null, null, "Asia/Shanghai"));
        f.database().jdbi().useTransaction(h -> new CoreTableWriter(h, shop).orders(List.of(
                line("E0", LocalDate.of(2024, 3, 3), "12:00", Status.PAID, "P1", 1_000),
                line("A1", MAR4, "00:10", Status.PAID, "P1", 1_000),
                line("A1", MAR4, "00:10", Status.PAID, "P2", 2_000),
                line("A2", MAR4, "09:00", Status.COMPLETED, "P2", 2_000),
                line("A3", MAR4, "10:00", Status.PAID, "P3", 3_000),
                line("A4", MAR5, "11:00", Status.CANCELLED, "P1", 1_000),
                line("A5", MAR5, "12:00", Status.REFUNDED, "P1", 1_000),
                line("A6", MAR6, "23:50", Status.SHIPPED, "P1", 1_000),
                line("A6", MAR6, "23:50", Status.SHIPPED, "P1", 900),
                line("E7", LocalDate.of(2024, 3, 7), "00:05", Status.PAID, "P1", 1_000))));
        return shop;
    }

    /** The same count from the typed reads' rows: orders not cancelled with a line of one of {@code skus}, per day. */
    private static Map<LocalDate, Long> counted(ShopData data, long shop, LocalDate from, LocalDate to, Set<String> skus) {
        Map<Long, Order> orders = new HashMap<>();
        data.orders(shop, from, to).stream().filter(o -> o.status() != Status.CANCELLED).forEach(o -> orders.put(o.id(), o));
        Set<Long> holding = new HashSet<>();
        for (OrderLine l : data.orderLines(shop, from, to)) {
            if (orders.containsKey(l.orderId()) && skus.contains(l.sku())) {
                holding.add(l.orderId());
            }
        }
        Map<LocalDate, Long> out = new TreeMap<>();
        holding.forEach(id -> out.merge(orders.get(id).day(), 1L, Long::sum));
        return out;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ordersWithAnyCountEachOrderOnce(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = handMade(f, "flagship").id();
            handMade(f, "outlet");
            ShopData data = f.data();

            // 03-04: A1 (both products, once) and A2; 03-05: A5 (A4 cancelled); 03-06: A6 (two lines, once).
            Map<LocalDate, Long> days = data.ordersWithAny(shop, MAR4, MAR6, List.of("P1", "P2", "P1"));
            assertEquals(Map.of(MAR4, 2L, MAR5, 1L, MAR6, 1L), days);
            assertEquals(List.of(MAR4, MAR5, MAR6), List.copyOf(days.keySet()), "in day order");
            assertEquals(counted(data, shop, MAR4, MAR6, Set.of("P1", "P2")), days);
            // Adding up the products' orders counts A1 twice: P1 A1 A5 A6 + P2 A1 A2 = 5, not 4.
            assertEquals(5, data.productSales(shop, MAR4, MAR6, List.of("P1", "P2"), 2).stream()
                    .mapToLong(ProductSales::orders).sum());

            // One day at each edge: the shop-local day, not the UTC one (A1 is 03-03 and E7 03-06 in UTC).
            assertEquals(Map.of(MAR4, 2L), data.ordersWithAny(shop, MAR4, MAR4, List.of("P1", "P2")));
            assertEquals(Map.of(MAR6, 1L), data.ordersWithAny(shop, MAR6, MAR6, List.of("P1", "P2")));
            assertEquals(Map.of(MAR4, 3L, MAR5, 1L, MAR6, 1L), data.ordersWithAny(shop, MAR4, MAR6, Set.of("P1", "P2", "P3")));
            assertEquals(Map.of(MAR4, 2L), data.ordersWithAny(shop, MAR4, MAR6, List.of("P2")), "A1 and A2");
            assertEquals(counted(data, shop, MAR4, MAR6, Set.of("P2")), data.ordersWithAny(shop, MAR4, MAR6, List.of("P2")));
            assertEquals(Map.of(), data.ordersWithAny(shop, MAR4, MAR6, List.of("P9")));
            assertEquals(Map.of(), data.ordersWithAny(shop, MAR4, MAR6, List.of()));
            assertThrows(IllegalArgumentException.class, () -> data.ordersWithAny(shop, null, MAR6, List.of("P1")));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ordersByExternalIdFindTheShopsOrdersOfAnyDay(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = handMade(f, "flagship").id();
            long outlet = handMade(f, "outlet").id();
            ShopData data = f.data();

            List<Order> found = data.ordersByExternalId(shop, List.of("A6", "E0", "nope", "A4", "A6"));
            assertEquals(List.of("E0", "A4", "A6"), found.stream().map(Order::externalId).toList(), "by time, each once");
            assertEquals(List.of(shop), found.stream().map(Order::shopId).distinct().toList(), "not the outlet's");
            Map<String, Order> all = new HashMap<>();
            data.orders(shop, null, null).forEach(o -> all.put(o.externalId(), o));
            assertEquals(List.of(all.get("E0"), all.get("A4"), all.get("A6")), found, "the rows orders() answers");
            assertEquals(Status.CANCELLED, found.get(1).status());
            assertEquals(MAR6, found.get(2).day());
            assertEquals(List.of(), data.ordersByExternalId(shop, List.of("nope", "X")));
            assertEquals(List.of(), data.ordersByExternalId(shop, List.of()));
            assertEquals(List.of(outlet), data.ordersByExternalId(outlet, List.of("A1")).stream().map(Order::shopId).toList());

            // More numbers than one IN list takes: 1,200 that do not exist around three that do.
            List<String> many = new ArrayList<>(IntStream.range(0, 1_200).mapToObj(i -> "missing-" + i).toList());
            many.add(0, "A1");
            many.add(600, "A5");
            many.add("E7");
            assertEquals(List.of("A1", "A5", "E7"), data.ordersByExternalId(shop, many).stream().map(Order::externalId).toList());
        }
    }
}
