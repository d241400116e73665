package com.shopops.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.data.ReviewRow;
import com.shopops.api.data.ShopSummary;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Customer;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The core writer and the typed reads, on SQLite and PostgreSQL, with small hand-checked data. */
class CoreTableWriterTest {

    @TempDir
    Path dir;

    private static Shop shop(Fresh f) {
        ShopStore shops = new ShopStore(f.database().jdbi(), Clock.systemUTC());
        return shops.create(new ShopStore.NewShop("flagship", "Flagship", "tmall", "CNY", "Asia/Shanghai"));
    }

    private static <T> WriteResult write(Fresh f, Shop shop, Function<CoreTableWriter, WriteResult> writing) {
        return f.database().jdbi().inTransaction(h -> writing.apply(new CoreTableWriter(h, shop)));
    }

    // 2024-05-01 23:30 in Shanghai is 15:30 UTC: the shop-local day is May 1st, not the UTC one.
    private static final Instant LATE_MAY_1 = Instant.parse("2024-05-01T15:30:00Z");
    private static final Instant MAY_2 = Instant.parse("2024-05-02T02:00:00Z");

    private static OrderRow line(String order, String customer, Instant at, Order.Status status, String sku, long qty,
                                 long price) {
        return new OrderRow(order, customer, at, status == Order.Status.PLACED ? null : at, status, null, "search", sku,
                "title " + sku, qty, price, qty * price, 0, null);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ordersAreWrittenOnceAndCustomersKeptCurrent(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            List<OrderRow> rows = List.of(
                    line("A1", "alice", LATE_MAY_1, Order.Status.PAID, "SKU-1", 2, 1_000),
                    line("A1", "alice", LATE_MAY_1, Order.Status.PAID, "SKU-2", 1, 550),
                    // two identical lines in one order are two lines (real exports have them)
                    line("A2", "bob", MAY_2, Order.Status.PAID, "SKU-1", 1, 1_000),
                    line("A2", "bob", MAY_2, Order.Status.PAID, "SKU-1", 1, 1_000),
                    line("A3", null, MAY_2, Order.Status.PAID, "SKU-2", 3, 550),
                    line("C4", "alice", MAY_2, Order.Status.CANCELLED, "SKU-1", -2, 1_000));

            assertEquals(new WriteResult(6, 0), write(f, shop, w -> w.orders(rows)));
            assertEquals(new WriteResult(0, 0), write(f, shop, w -> w.orders(rows)), "the same rows again change nothing");

            ShopDataStore data = new ShopDataStore(f.database().jdbi(), new ShopStore(f.database().jdbi(), Clock.systemUTC()));
            List<Order> orders = data.orders(shop.id(), null, null);
            assertEquals(List.of("A1", "A2", "A3", "C4"), orders.stream().map(Order::externalId).toList());
            assertEquals(LocalDate.of(2024, 5, 1), orders.get(0).day(), "the day is the shop's local day");
            assertEquals(2_550, orders.get(0).amount());
            assertEquals(2_000, orders.get(1).amount());
            assertNull(orders.get(2).customerId(), "a guest order");
            assertEquals(6, data.orderLines(shop.id(), null, null).size());

            List<Customer> customers = data.customers(shop.id());
            Customer alice = customers.stream().filter(c -> c.externalId().equals("alice")).findFirst().orElseThrow();
            assertEquals(1, alice.orders(), "the cancellation is no order");
            assertEquals(2_550, alice.spent());
            assertEquals(LocalDate.of(2024, 5, 1), alice.firstOrder());

            ShopSummary s = data.summary(shop.id(), null, null);
            assertEquals(3, s.orders());
            assertEquals(1, s.guestOrders());
            assertEquals(2, s.customers());
            assertEquals(5, s.orderLines());
            assertEquals(2_550 + 2_000 + 1_650, s.revenue());
            assertEquals(LocalDate.of(2024, 5, 1), s.firstOrder());
            assertEquals(LocalDate.of(2024, 5, 2), s.lastOrder());

            ShopSummary mayFirst = data.summary(shop.id(), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1));
            assertEquals(1, mayFirst.orders());
            assertEquals(2_550, mayFirst.revenue());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReimportedOrderWithANewStatusIsUpdated(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            write(f, shop, w -> w.orders(List.of(line("T1", "carol", MAY_2, Order.Status.PLACED, "S", 1, 9_900))));
            OrderRow refunded = new OrderRow("T1", "carol", MAY_2, MAY_2, Order.Status.REFUNDED, 9_900L, "search", "S",
                    "title S", 1, 9_900, 9_900, 9_900, "质量问题");

            assertEquals(new WriteResult(0, 1), write(f, shop, w -> w.orders(List.of(refunded))));
            assertEquals(new WriteResult(0, 0), write(f, shop, w -> w.orders(List.of(refunded))));

            ShopDataStore data = new ShopDataStore(f.database().jdbi(), new ShopStore(f.database().jdbi(), Clock.systemUTC()));
            Order order = data.orders(shop.id(), null, null).get(0);
            assertEquals(Order.Status.REFUNDED, order.status());
            assertEquals(MAY_2, order.paidAt());
            assertEquals(1, data.refunds(shop.id(), null, null).size());
            assertEquals("质量问题", data.refunds(shop.id(), null, null).get(0).reason());
            assertEquals(9_900, data.summary(shop.id(), null, null).refunds());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void linesOfOneOrderInTwoBatchesAddUp(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            OrderRow first = line("B1", "dan", MAY_2, Order.Status.PAID, "X", 1, 100);
            OrderRow more = new OrderRow("B1", null, null, null, null, null, null, "Y", "y", 2, 300, 600, 0, null);
            write(f, shop, w -> w.orders(List.of(first)));

            assertEquals(new WriteResult(1, 0), write(f, shop, w -> w.orders(List.of(more))));

            ShopDataStore data = new ShopDataStore(f.database().jdbi(), new ShopStore(f.database().jdbi(), Clock.systemUTC()));
            assertEquals(700, data.orders(shop.id(), null, null).get(0).amount());
            assertEquals(700, data.customers(shop.id()).get(0).spent());
            OrderRow orphan = new OrderRow("B2", null, null, null, null, null, null, "Y", "y", 2, 300, 600, 0, null);
            assertThrows(IllegalArgumentException.class, () -> write(f, shop, w -> w.orders(List.of(orphan))));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void productsTrafficEventsReviewsRefundsAndTargets(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            ShopDataStore data = new ShopDataStore(f.database().jdbi(), new ShopStore(f.database().jdbi(), Clock.systemUTC()));
            LocalDate day = LocalDate.of(2024, 5, 1);

            Product mug = new Product(0, 0, "MUG", "马克杯", "kitchen", 3_900L, 1_500L, 120, Product.Status.LISTED, day);
            assertEquals(new WriteResult(1, 0), write(f, shop, w -> w.products(List.of(mug))));
            Product noCost = new Product(0, 0, "MUG", "马克杯 新款", "kitchen", 3_900L, null, 80, Product.Status.LISTED, null);
            assertEquals(new WriteResult(0, 1), write(f, shop, w -> w.products(List.of(noCost))));
            Product stored = data.products(shop.id()).get(0);
            assertEquals("马克杯 新款", stored.title());
            assertEquals(1_500L, stored.cost(), "an empty cost in the file keeps the stored one");
            assertEquals(80, stored.stock());
            assertEquals(day, stored.listedOn());

            TrafficDay all = new TrafficDay(0, day, "all", 2_000, 6_000, 0.55, 62.5, 60, 720_000);
            TrafficDay search = new TrafficDay(0, day, "search", 900, 2_500, 0.5, 70.0, 30, 360_000);
            assertEquals(new WriteResult(2, 0), write(f, shop, w -> w.traffic(List.of(all, search))));
            TrafficDay fixed = new TrafficDay(0, day, "all", 2_010, 6_000, 0.55, 62.5, 60, 720_000);
            assertEquals(new WriteResult(0, 1), write(f, shop, w -> w.traffic(List.of(fixed, search))));
            assertEquals(2_010, data.traffic(shop.id(), day, day).get(0).uv());

            Instant t = Instant.parse("2024-05-01T04:00:00Z");
            List<BehaviourEvent> events = List.of(
                    new BehaviourEvent(0, "u1", "MUG", "c1", BehaviourEvent.Type.VIEW, t),
                    new BehaviourEvent(0, "u1", "MUG", "c1", BehaviourEvent.Type.CART, t.plusSeconds(30)),
                    new BehaviourEvent(0, "u1", "MUG", "c1", BehaviourEvent.Type.VIEW, t));
            assertEquals(new WriteResult(2, 0), write(f, shop, w -> w.events(events)), "an identical event is one event");
            List<BehaviourEvent> read = new ArrayList<>();
            data.events(shop.id(), day, day, read::add);
            assertEquals(2, read.size());
            assertEquals(BehaviourEvent.Type.VIEW, read.get(0).type());

            List<ReviewRow> reviews = List.of(new ReviewRow(null, "MUG", 5, "好评", day), new ReviewRow(null, "MUG", 5, "好评", day),
                    new ReviewRow("R9", "MUG", 2, "有裂纹", day));
            assertEquals(new WriteResult(3, 0), write(f, shop, w -> w.reviews(reviews)));
            assertEquals(new WriteResult(0, 0), write(f, shop, w -> w.reviews(reviews)));
            assertEquals(new WriteResult(0, 1), write(f, shop, w -> w.reviews(List.of(new ReviewRow("R9", "MUG", 1, "有裂纹", day)))));
            assertEquals(3, data.reviews(shop.id(), day, day).size());
            assertTrue(data.reviews(shop.id(), day, day).stream().allMatch(r -> r.productId() != null), "matched by SKU");

            write(f, shop, w -> w.orders(List.of(line("O1", "erin", t, Order.Status.PAID, "MUG", 1, 3_900))));
            RefundRow refund = new RefundRow(null, "O1", t.plusSeconds(86_400), 3_900, "尺码不合适");
            assertEquals(new WriteResult(1, 0), write(f, shop, w -> w.refunds(List.of(refund))));
            assertEquals(new WriteResult(0, 0), write(f, shop, w -> w.refunds(List.of(refund))));
            assertThrows(IllegalArgumentException.class,
                    () -> write(f, shop, w -> w.refunds(List.of(new RefundRow(null, "NOPE", t, 1, null)))));
            assertEquals(data.products(shop.id()).get(0).id(), data.orderLines(shop.id(), null, null).get(0).productId());

            Target sales = new Target(0, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), "sales", 30_000_000);
            assertEquals(new WriteResult(1, 0), write(f, shop, w -> w.targets(List.of(sales))));
            Target raised = new Target(0, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), "sales", 33_000_000);
            assertEquals(new WriteResult(0, 1), write(f, shop, w -> w.targets(List.of(raised))));
            assertEquals(33_000_000, data.targets(shop.id()).get(0).value());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shopsDoNotSeeEachOthersData(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop one = shop(f);
            Shop two = new ShopStore(f.database().jdbi(), Clock.systemUTC())
                    .create(new ShopStore.NewShop("outlet", "Outlet", "jd", "CNY", "Asia/Shanghai"));
            write(f, one, w -> w.orders(List.of(line("SAME", "x", MAY_2, Order.Status.PAID, "S", 1, 100))));
            assertEquals(new WriteResult(1, 0),
                    write(f, two, w -> w.orders(List.of(line("SAME", "x", MAY_2, Order.Status.PAID, "S", 1, 200)))),
                    "the same order number in another shop is another order");
            ShopDataStore data = new ShopDataStore(f.database().jdbi(), new ShopStore(f.database().jdbi(), Clock.systemUTC()));
            assertEquals(100, data.summary(one.id(), null, null).revenue());
            assertEquals(200, data.summary(two.id(), null, null).revenue());
            assertEquals(1, data.customers(two.id()).size());
        }
    }

    @org.junit.jupiter.api.Test
    void aLineHashIsTheHashOfItsTextAsStoredBefore() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        long[] edges = {0, 1, -1, 9, 10, -10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000_000_000_000L};
        for (int i = 0; i < 2_000; i++) {
            String sku = i % 7 == 0 ? "" : "SKU-" + random.nextInt(100_000) + (i % 3 == 0 ? "杯子" : "");
            long quantity = i < edges.length ? edges[i] : random.nextLong(-1_000, 1_000);
            long price = i < edges.length ? edges[edges.length - 1 - i] : random.nextLong();
            int repeat = 1 + random.nextInt(i % 5 == 0 ? 1_000 : 3);
            assertEquals(fnv(sku + "|" + quantity + "|" + price + "|" + repeat), CoreTableWriter.lineHash(sku, quantity, price, repeat),
                    sku + "|" + quantity + "|" + price + "|" + repeat);
        }
    }

    /** FNV-1a over the chars of {@code text}: how line hashes were computed when they were first stored. */
    private static long fnv(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void customersStayWhatTheirOrdersSayThroughNewChangedCancelledAndGrowingOrders(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            Instant may3 = MAY_2.plusSeconds(86_400);
            // batch by batch: new orders, one moved to another customer, one cancelled, one growing, one paid later
            List<List<OrderRow>> batches = List.of(
                    List.of(line("P1", "alice", MAY_2, Order.Status.PAID, "S", 1, 100),
                            line("P2", "alice", LATE_MAY_1, Order.Status.PAID, "S", 2, 100),
                            line("P3", "bob", may3, Order.Status.PLACED, "S", 1, 300),
                            line("P4", "bob", MAY_2, Order.Status.CANCELLED, "S", -1, 300)),
                    List.of(line("P5", "alice", may3, Order.Status.PAID, "T", 3, 50),
                            line("P6", "carol", MAY_2, Order.Status.CANCELLED, "S", -1, 100)),
                    List.of(line("P2", "bob", LATE_MAY_1, Order.Status.PAID, "S", 2, 100),
                            line("P5", "alice", may3, Order.Status.CANCELLED, "T", 3, 50),
                            line("P7", "carol", may3, Order.Status.PAID, "S", 1, 100)),
                    List.of(new OrderRow("P1", null, null, null, null, null, null, "U", "u", 1, 900, 900, 0, null),
                            line("P3", "bob", may3, Order.Status.PAID, "S", 1, 300),
                            line("P8", "bob", LATE_MAY_1, Order.Status.PAID, "S", 1, 5)));
            for (List<OrderRow> batch : batches) {
                write(f, shop, w -> w.orders(batch));
                assertEquals(recounted(f), stored(f), "after " + batch);
            }
            assertEquals(List.of("alice|1|1000|2024-05-02|2024-05-02", "bob|3|505|2024-05-01|2024-05-03",
                    "carol|1|100|2024-05-03|2024-05-03"), stored(f));
        }
    }

    private static List<String> stored(Fresh f) {
        return f.database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT external_id, orders, spent, first_order, last_order FROM customers ORDER BY external_id""")
                .map((rs, ctx) -> rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getLong(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5)).list());
    }

    /** What the customers' figures are by plain SQL over their orders. */
    private static List<String> recounted(Fresh f) {
        return f.database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT c.external_id, COUNT(o.id), COALESCE(SUM(o.amount), 0), MIN(o.day), MAX(o.day)
                        FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.status <> 'CANCELLED'
                        GROUP BY c.external_id ORDER BY c.external_id""")
                .map((rs, ctx) -> rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getLong(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5)).list());
    }
}
