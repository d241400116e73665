package com.shopops.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shopops.api.Shop;
import com.shopops.api.data.DataCoverage;
import com.shopops.api.data.FunnelCounts;
import com.shopops.api.data.FunnelCounts.Grouping;
import com.shopops.api.data.HourFigures;
import com.shopops.api.data.OrderFigures;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.ProductSales;
import com.shopops.api.data.ProductViews;
import com.shopops.api.data.SellThrough;
import com.shopops.api.data.ShopData;
import com.shopops.api.data.TrafficFigures;
import com.shopops.api.data.WeeklyUnits;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.BehaviourEvent.Type;
import com.shopops.api.domain.Order.Status;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The aggregate reads of {@link ShopData} (API 1.2.0) on a small hand-made Shanghai shop, written through
 * the core's writer into a real SQLite file and the real PostgreSQL. The same data is written to a second
 * shop, so a read that forgot its shop would answer double. Every expected figure is worked out in the
 * comments from the rows below.
 */
class ShopFiguresTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MON = LocalDate.of(2024, 3, 4);
    private static final LocalDate TUE = LocalDate.of(2024, 3, 5);

    @TempDir
    Path dir;

    private static Instant at(LocalDate day, String time) {
        return LocalDateTime.of(day, java.time.LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
    }

    private static OrderRow line(String order, String customer, LocalDate day, String time, Status status, String sku, long qty,
                                 long price, long refunded) {
        Instant t = at(day, time);
        return new OrderRow(order, customer, t, status == Status.CANCELLED ? null : t, status, null, null, sku, "line " + sku,
                qty, price, qty * price, refunded, refunded > 0 ? "size" : null);
    }

    private static Product product(String sku, String title, Product.Status status, LocalDate listedOn) {
        return new Product(0, 0, sku, title, "clothes", 5_000L, null, 10, status, listedOn);
    }

    private static BehaviourEvent ev(String user, String sku, Type type, LocalDate day, String time) {
        return new BehaviourEvent(0, user, sku, "c", type, at(day, time));
    }

    private static TrafficDay traffic(LocalDate day, String source, long uv, long pv, Double bounce, Double stay) {
        return new TrafficDay(0, day, source, uv, pv, bounce, stay, 0, 0);
    }

    private static Shop handMade(Fresh f, String code) {
        Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC())
                .create(new ShopStore.NewShop(code, null, null, null, "Asia/Shanghai"));
        f.database().jdbi().useTransaction(h -> {
            CoreTableWriter w = new CoreTableWriter(h, shop);
            w.products(List.of(product("P1", "Linen shirt", Product.Status.LISTED, LocalDate.of(2024, 1, 1)),
                    product("P2", "Wool coat", Product.Status.LISTED, null),
                    product("P3", "Silk scarf", Product.Status.LISTED, LocalDate.of(2024, 3, 10)),
                    product("P4", "Old hat", Product.Status.DELISTED, LocalDate.of(2023, 1, 1)),
                    product("P5", "Belt", Product.Status.LISTED, null)));
            w.orders(List.of(
                    line("A0", "ann", LocalDate.of(2024, 2, 20), "10:00", Status.COMPLETED, "P1", 1, 5_000, 0),
                    line("O1", "ann", MON, "09:30", Status.PAID, "P1", 2, 5_000, 0),
                    line("O2", "ben", MON, "10:15", Status.REFUNDED, "P2", 1, 8_000, 8_000),
                    line("O3", null, MON, "10:45", Status.PAID, "P1", 1, 5_000, 0),
                    line("O4", "ann", TUE, "20:00", Status.PAID, "P2", 1, 8_000, 0),
                    line("O4", "ann", TUE, "20:00", Status.PAID, "X9", 1, 1_000, 0),
                    line("O5", "cat", TUE, "21:00", Status.CANCELLED, "P5", 1, 7_000, 0),
                    line("O6", "ben", TUE, "23:30", Status.SHIPPED, "P1", 1, 5_000, 1_000),
                    line("O7", "cat", LocalDate.of(2024, 3, 8), "12:00", Status.CANCELLED, "P5", 1, 7_000, 0)));
            w.traffic(List.of(
                    traffic(MON, "all", 100, 300, 0.5, 60.0),
                    traffic(MON, "search", 60, 200, 0.4, 70.0),
                    traffic(MON, "paid", 40, 100, 0.65, 45.0),
                    traffic(TUE, "all", 300, 600, 0.4, null),
                    traffic(TUE, "search", 200, 400, 0.3, null),
                    traffic(LocalDate.of(2024, 3, 6), "search", 10, 10, null, null)));
            w.events(List.of(
                    ev("u1", "P1", Type.VIEW, MON, "10:00"),
                    ev("u1", "P1", Type.VIEW, MON, "10:05"),
                    ev("u1", "P1", Type.CART, MON, "10:06"),
                    ev("u1", "P1", Type.BUY, MON, "10:10"),
                    ev("u2", "P1", Type.VIEW, MON, "12:00"),
                    ev("u2", "P1", Type.FAVOURITE, MON, "12:01"),
                    ev("u3", "P2", Type.VIEW, TUE, "09:00"),
                    ev("u3", "P2", Type.BUY, TUE, "09:30"),
                    ev("u1", "P2", Type.VIEW, TUE, "23:59:59")));
        });
        return shop;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void orderTrafficAndSellThroughFigures(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = handMade(f, "flagship").id();
            handMade(f, "outlet");
            ShopData data = f.data();

            // Any status counts for coverage: the cancelled O7 on the 8th is the last order; traffic is the shop
            // total only (the 6th has a source row and no total).
            assertEquals(new DataCoverage(LocalDate.of(2024, 2, 20), LocalDate.of(2024, 3, 8), MON, TUE, MON, TUE),
                    data.coverage(shop));
            assertEquals(new DataCoverage(null, null, null, null, null, null), data.coverage(f.newShop("empty")));

            // Counted: O1 10,000, O2 8,000 (refunded counts), O3 5,000, O4 9,000 (two lines), O6 5,000; O5 cancelled.
            // Buyers: ann, ben and the guest O3 = 3; per day: Monday ann, ben, guest = 3, Tuesday ann, ben = 2.
            // Refunded: O2 and O6. Customers ann and ben; ann first ordered on 20 February, before the range.
            assertEquals(new OrderFigures(5, 37_000, 3, 5, 2, 2, 1), data.orderFigures(shop, MON, TUE));
            // Tuesday alone: O4 and O6 by ann and ben, who both ordered before Tuesday; O6 refunded.
            assertEquals(new OrderFigures(2, 14_000, 2, 2, 1, 2, 2), data.orderFigures(shop, TUE, TUE));
            assertEquals(new OrderFigures(0, 0, 0, 0, 0, 0, 0), data.orderFigures(shop, LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 8)));

            // Shop total: uv 100 + 300, pv 300 + 600; bounced 0.5 × 100 + 0.4 × 300 = 170 of 400; stay only Monday's.
            TrafficFigures all = data.trafficFigures(shop, MON, TUE, "all");
            assertEquals(new TrafficFigures("all", 2, 400, 900, 400, 170.0, 100, 6_000.0), all);
            assertEquals(0.425, all.bounceRate(), 1e-12);
            assertEquals(60.0, all.avgStaySeconds(), 1e-12);
            // The sources added up: search 60 + 200, paid 40; bounced 0.4 × 60 + 0.65 × 40 + 0.3 × 200 = 110 of 300;
            // stay 70 × 60 + 45 × 40 = 6,000 s of 100 visitors.
            TrafficFigures sources = data.trafficFigures(shop, MON, TUE, null);
            assertEquals(3, sources.days());
            assertEquals(300, sources.uv());
            assertEquals(700, sources.pv());
            assertEquals(110.0 / 300, sources.bounceRate(), 1e-12);
            assertEquals(60.0, sources.avgStaySeconds(), 1e-12);
            TrafficFigures none = data.trafficFigures(shop, MON, TUE, "tv");
            assertEquals(new TrafficFigures("tv", 0, 0, 0, 0, 0, 0, 0), none);
            assertNull(none.bounceRate());
            assertNull(none.avgStaySeconds());

            List<TrafficFigures> bySource = data.trafficFiguresBySource(shop, MON, TUE);
            assertEquals(List.of("all", "paid", "search"), bySource.stream().map(TrafficFigures::source).toList());
            assertEquals(all, bySource.get(0));
            assertEquals(List.of(1L, 40L, 2L, 260L), List.of(bySource.get(1).days(), bySource.get(1).uv(), bySource.get(2).days(),
                    bySource.get(2).uv()));

            // Listed by Tuesday: P1, P2, P5 (P3 lists on the 10th, P4 is delisted); sold: P1, P2 (P5 only cancelled).
            SellThrough week = data.sellThrough(shop, MON, TUE);
            assertEquals(new SellThrough(3, 2), week);
            assertEquals(2.0 / 3, week.rate(), 1e-12);
            assertEquals(new SellThrough(4, 2), data.sellThrough(shop, MON, LocalDate.of(2024, 3, 10)), "P3 listed by then");
            assertEquals(new SellThrough(0, 0), data.sellThrough(f.newShop("bare"), MON, TUE));
            assertNull(new SellThrough(0, 0).rate());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void productFigures(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = handMade(f, "flagship").id();
            handMade(f, "outlet");
            ShopData data = f.data();

            // P1: O1 2 × 5,000, O3 and O6 1 × 5,000; P2: O2 and O4 8,000 each; X9: O4's 1,000, not in the product list,
            // so titled from its line. O5's P5 is cancelled.
            List<ProductSales> sales = data.productSales(shop, MON, TUE, null, 10);
            assertEquals(List.of(new ProductSales("P1", "Linen shirt", 20_000, 4, 3), new ProductSales("P2", "Wool coat", 16_000, 2, 2),
                    new ProductSales("X9", "line X9", 1_000, 1, 1)), sales);
            assertEquals(sales.subList(0, 1), data.productSales(shop, MON, TUE, null, 1), "the hero");
            assertEquals(sales.subList(1, 3), data.productSales(shop, MON, TUE, List.of("X9", "P2", "P5"), 10));
            assertEquals(List.of(), data.productSales(shop, MON, TUE, List.of(), 10));
            assertEquals(List.of(), data.productSales(shop, LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 8), null, 10));

            // Views: P1 by u1 twice and u2; P2 by u3 and u1.
            assertEquals(List.of(new ProductViews("P1", "Linen shirt", 3, 2), new ProductViews("P2", "Wool coat", 2, 2)),
                    data.productViews(shop, MON, TUE, null, 10));
            assertEquals(List.of(new ProductViews("P2", "Wool coat", 2, 2)), data.productViews(shop, MON, TUE, List.of("P2", "X9"), 10));
            assertEquals(List.of(new ProductViews("P1", "Linen shirt", 3, 2)), data.productViews(shop, MON, TUE, null, 1));

            // First sales over all time: P1 in A0 (20 February), P2 Monday, X9 Tuesday; P5 sold only in cancelled orders.
            assertEquals(Map.of("P1", LocalDate.of(2024, 2, 20), "P2", MON, "X9", TUE),
                    data.firstSales(shop, List.of("P1", "P2", "P5", "X9", "nothing")));
            assertEquals(Map.of(), data.firstSales(shop, List.of()));

            // Three weeks ending Tuesday 5 March: 14–20 Feb (A0's P1), 21–27 Feb (nothing), 28 Feb–5 Mar.
            assertEquals(List.of(new WeeklyUnits("P1", List.of(1L, 0L, 4L)), new WeeklyUnits("P2", List.of(0L, 0L, 2L)),
                            new WeeklyUnits("P5", List.of(0L, 0L, 0L))),
                    data.weeklyUnits(shop, TUE, 3, List.of("P1", "P2", "P5")));
            assertEquals(List.of(new WeeklyUnits("P1", List.of(4L))), data.weeklyUnits(shop, TUE, 1, List.of("P1")));
            assertThrows(IllegalArgumentException.class, () -> data.weeklyUnits(shop, TUE, 0, List.of("P1")));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void funnelCountsAndHours(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = handMade(f, "flagship").id();
            handMade(f, "outlet");
            ShopData data = f.data();

            // u1, u2, u3; five views (u1 P1 ×2, u2 P1, u3 P2, u1 P2), u2's favourite, u1's cart, u1's and u3's buys.
            assertEquals(List.of(new FunnelCounts(null, null, null, 3, 5, 1, 1, 2, 2)),
                    data.funnelCounts(shop, MON, TUE, null, Grouping.RANGE, 1));
            assertEquals(List.of(new FunnelCounts(null, "P1", null, 2, 3, 1, 1, 1, 1)),
                    data.funnelCounts(shop, MON, TUE, "P1", Grouping.RANGE, 1));
            assertEquals(List.of(new FunnelCounts(null, null, null, 0, 0, 0, 0, 0, 0)),
                    data.funnelCounts(shop, LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 9), null, Grouping.RANGE, 1),
                    "a range without events: one row of zeros");

            assertEquals(List.of(new FunnelCounts(MON, null, null, 2, 3, 1, 1, 1, 1), new FunnelCounts(TUE, null, null, 2, 2, 0, 0, 1, 1)),
                    data.funnelCounts(shop, MON, TUE, null, Grouping.DAY, 10));
            assertEquals(List.of(new FunnelCounts(TUE, "P2", null, 2, 2, 0, 0, 1, 1)),
                    data.funnelCounts(shop, MON, TUE, "P2", Grouping.DAY, 10), "P2 has no Monday");

            List<FunnelCounts> products = data.funnelCounts(shop, MON, TUE, null, Grouping.PRODUCT, 10);
            assertEquals(List.of(new FunnelCounts(null, "P1", "Linen shirt", 2, 3, 1, 1, 1, 1),
                    new FunnelCounts(null, "P2", "Wool coat", 2, 2, 0, 0, 1, 1)), products);
            assertEquals(products.subList(0, 1), data.funnelCounts(shop, MON, TUE, null, Grouping.PRODUCT, 1));

            // Shanghai hours: O1 at 9:30; O2 and O3 at 10:15 and 10:45; O4 at 20:00; O6 at 23:30 (O5 cancelled).
            // Visitors: u1 at 10:00–10:10 (one), u2 at 12:00, u3 at 9:00 and 9:30 (one), u1 at 23:59:59.
            List<HourFigures> hours = data.hourFigures(shop, MON, TUE).stream()
                    .sorted(Comparator.comparing(HourFigures::day).thenComparing(HourFigures::hour)).toList();
            assertEquals(List.of(new HourFigures(MON, 9, 1, 10_000, 0), new HourFigures(MON, 10, 2, 13_000, 1),
                    new HourFigures(MON, 12, 0, 0, 1), new HourFigures(TUE, 9, 0, 0, 1), new HourFigures(TUE, 20, 1, 9_000, 0),
                    new HourFigures(TUE, 23, 1, 5_000, 1)), hours);
        }
    }
}
