package com.shopops.plugins.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.BehaviourEvent.Type;
import com.shopops.api.domain.Order.Status;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.core.ShopStore.NewShop;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.traffic.FunnelStore.PageWeek;
import com.shopops.plugins.traffic.FunnelStore.ProductFigures;
import com.shopops.plugins.traffic.FunnelStore.ProductFunnel;
import com.shopops.plugins.traffic.FunnelStore.Ranking;
import com.shopops.plugins.traffic.analysis.Funnel;
import com.shopops.plugins.traffic.analysis.HourlyHeatMap;
import com.shopops.plugins.traffic.analysis.PageHealth;
import com.shopops.plugins.traffic.analysis.PageHealth.Thresholds;
import com.shopops.plugins.traffic.analysis.PageHealth.Verdict;
import com.shopops.plugins.traffic.analysis.ProductLifecycle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The funnel store's SQL on a real SQLite file and the real PostgreSQL, on small hand-made data. */
class FunnelStoreTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MON = LocalDate.of(2024, 3, 4);
    private static final LocalDate TUE = MON.plusDays(1);

    @TempDir
    Path dir;

    private static Shop shop(Fresh f, String code, String zone) {
        return new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new NewShop(code, null, null, null, zone));
    }

    private static void write(Fresh f, Shop shop, java.util.function.Consumer<CoreTableWriter> what) {
        f.database().jdbi().useTransaction(h -> what.accept(new CoreTableWriter(h, shop)));
    }

    private static Instant local(ZoneId zone, String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    private static BehaviourEvent ev(String user, String item, Type type, Instant at) {
        return new BehaviourEvent(0, user, item, "cat", type, at);
    }

    private static OrderRow line(String order, Instant at, Status status, String sku, String title, long qty, long price) {
        return new OrderRow(order, "buyer-" + order, at, at, status, null, null, sku, title, qty, price, qty * price, 0, null);
    }

    /** Two days of a Shanghai shop: u1 views, carts and buys A; u2 favourites A; u3 buys B and A; u4 views B at 23:59:59. */
    private static List<BehaviourEvent> twoDays() {
        return List.of(
                ev("u1", "A", Type.VIEW, local(SHANGHAI, "2024-03-04T10:00:00")),
                ev("u1", "A", Type.VIEW, local(SHANGHAI, "2024-03-04T10:05:00")),
                ev("u1", "A", Type.CART, local(SHANGHAI, "2024-03-04T10:06:00")),
                ev("u1", "A", Type.BUY, local(SHANGHAI, "2024-03-04T10:10:00")),
                ev("u1", "B", Type.VIEW, local(SHANGHAI, "2024-03-04T11:00:00")),
                ev("u2", "A", Type.VIEW, local(SHANGHAI, "2024-03-04T12:00:00")),
                ev("u2", "A", Type.FAVOURITE, local(SHANGHAI, "2024-03-04T12:01:00")),
                ev("u4", "B", Type.VIEW, local(SHANGHAI, "2024-03-04T23:59:59")),
                ev("u3", "B", Type.VIEW, local(SHANGHAI, "2024-03-05T09:00:00")),
                ev("u3", "B", Type.BUY, local(SHANGHAI, "2024-03-05T09:30:00")),
                ev("u3", "A", Type.BUY, local(SHANGHAI, "2024-03-05T09:31:00")),
                ev("u1", "A", Type.VIEW, local(SHANGHAI, "2024-03-05T20:00:00")),
                ev("u4", "B", Type.VIEW, local(SHANGHAI, "2024-03-06T00:00:00"))); // the next day
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theFunnelCountsEventsAndDistinctShoppers(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            Shop shop = shop(f, "flagship", "Asia/Shanghai");
            Shop other = shop(f, "outlet", "Asia/Shanghai");
            write(f, shop, w -> w.events(twoDays()));
            write(f, other, w -> w.events(List.of(ev("u9", "A", Type.BUY, local(SHANGHAI, "2024-03-04T10:00:00")))));
            FunnelStore store = new FunnelStore(f.data());

            assertEquals(new Funnel(4, 7, 1, 1, 3, 2), store.funnel(shop.id(), MON, TUE, null));
            assertEquals(new Funnel(3, 4, 1, 1, 2, 2), store.funnel(shop.id(), MON, TUE, "A"));
            assertEquals(new Funnel(3, 3, 0, 0, 1, 1), store.funnel(shop.id(), MON, TUE, "B"));
            assertEquals(Funnel.EMPTY, store.funnel(shop.id(), MON, TUE, "nothing"));
            assertEquals(new Funnel(1, 1, 0, 0, 0, 0), store.funnel(shop.id(), TUE.plusDays(1), TUE.plusDays(1), null));
            assertEquals(new Funnel(1, 0, 0, 0, 1, 1), store.funnel(other.id(), MON, TUE, null), "shops are apart");

            Map<LocalDate, Funnel> days = store.funnelByDay(shop.id(), MON.minusDays(1), TUE, null);
            assertEquals(List.of(MON.minusDays(1), MON, TUE), List.copyOf(days.keySet()), "every day, empty ones too");
            assertEquals(Funnel.EMPTY, days.get(MON.minusDays(1)));
            assertEquals(new Funnel(3, 5, 1, 1, 1, 1), days.get(MON), "u4's 23:59:59 view is Monday's");
            assertEquals(new Funnel(2, 2, 0, 0, 2, 1), days.get(TUE));
            assertEquals(new Funnel(1, 1, 0, 0, 1, 1), store.funnelByDay(shop.id(), MON, TUE, "B").get(TUE));

            List<ProductFunnel> products = store.funnelByProduct(shop.id(), MON, TUE, 10);
            assertEquals(List.of(new ProductFunnel("A", null, new Funnel(3, 4, 1, 1, 2, 2)),
                    new ProductFunnel("B", null, new Funnel(3, 3, 0, 0, 1, 1))), products);
            assertEquals(1, store.funnelByProduct(shop.id(), MON, TUE, 1).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theHeatMapBucketsByShopLocalHourAcrossDst(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            Shop shop = shop(f, "nyc", "America/New_York");
            write(f, shop, w -> {
                w.orders(List.of(
                        line("o1", Instant.parse("2024-11-01T14:30:00Z"), Status.PAID, "A", "a", 1, 1000), // Fri 10:30 EDT
                        line("o2", Instant.parse("2024-11-03T05:30:00Z"), Status.PAID, "A", "a", 1, 2000), // Sun 1:30 EDT
                        line("o3", Instant.parse("2024-11-03T06:30:00Z"), Status.PAID, "A", "a", 1, 3000), // Sun 1:30 EST
                        line("o4", Instant.parse("2024-11-04T04:59:00Z"), Status.PAID, "A", "a", 1, 400), // Sun 23:59 EST
                        line("o5", Instant.parse("2024-11-04T05:00:00Z"), Status.PAID, "A", "a", 1, 500), // Mon 0:00
                        line("o6", Instant.parse("2024-11-01T14:40:00Z"), Status.CANCELLED, "A", "a", 1, 9000),
                        line("o7", Instant.parse("2024-11-01T03:59:00Z"), Status.PAID, "A", "a", 1, 9000))); // Oct 31
                w.events(List.of(
                        ev("u1", "A", Type.VIEW, Instant.parse("2024-11-03T05:10:00Z")),
                        ev("u1", "A", Type.VIEW, Instant.parse("2024-11-03T05:20:00Z")),
                        ev("u1", "A", Type.VIEW, Instant.parse("2024-11-03T06:10:00Z")),
                        ev("u2", "A", Type.VIEW, Instant.parse("2024-11-03T06:50:00Z")),
                        ev("u3", "A", Type.VIEW, Instant.parse("2024-11-01T14:00:00Z")),
                        ev("u1", "A", Type.CART, Instant.parse("2024-11-01T14:59:00Z")),
                        ev("u1", "A", Type.VIEW, Instant.parse("2024-11-01T14:59:30Z"))));
            });
            FunnelStore store = new FunnelStore(f.data());
            LocalDate from = LocalDate.of(2024, 11, 1);
            LocalDate to = LocalDate.of(2024, 11, 5);
            HourlyHeatMap map = HourlyHeatMap.of(from, to, store.hours(shop.id(), from, to));

            assertEquals(new HourlyHeatMap.Cell(DayOfWeek.FRIDAY, 10, 1000, 1, 2), map.cell(DayOfWeek.FRIDAY, 10));
            assertEquals(new HourlyHeatMap.Cell(DayOfWeek.SUNDAY, 1, 5000, 2, 3), map.cell(DayOfWeek.SUNDAY, 1),
                    "both 1 a.m. hours of the DST change: u1 in the first, u1 and u2 in the second");
            assertEquals(new HourlyHeatMap.Cell(DayOfWeek.SUNDAY, 23, 400, 1, 0), map.cell(DayOfWeek.SUNDAY, 23));
            assertEquals(new HourlyHeatMap.Cell(DayOfWeek.MONDAY, 0, 500, 1, 0), map.cell(DayOfWeek.MONDAY, 0));
            assertEquals(6900, map.cells().stream().mapToLong(HourlyHeatMap.Cell::sales).sum(), "no cancelled, nothing of Oct 31");
            assertEquals(5, map.cells().stream().mapToLong(HourlyHeatMap.Cell::orders).sum());
            assertEquals(5, map.cells().stream().mapToLong(HourlyHeatMap.Cell::visitors).sum());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theHeatMapKeepsAHalfHourZonesLocalHourWhole(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            Shop shop = shop(f, "mumbai", "Asia/Kolkata");
            Shop shanghai = shop(f, "shanghai", "Asia/Shanghai");
            List<OrderRow> orders = List.of(
                    line("o1", Instant.parse("2024-03-04T18:29:00Z"), Status.PAID, "A", "a", 1, 100), // Mon 23:59 IST
                    line("o2", Instant.parse("2024-03-04T18:30:00Z"), Status.PAID, "A", "a", 1, 200)); // Tue 0:00 IST
            List<BehaviourEvent> events = List.of(
                    ev("u1", "A", Type.VIEW, Instant.parse("2024-03-04T04:45:00Z")), // 10:15 IST
                    ev("u1", "A", Type.VIEW, Instant.parse("2024-03-04T05:15:00Z"))); // 10:45 IST, another UTC hour
            write(f, shop, w -> { w.orders(orders); w.events(events); });
            write(f, shanghai, w -> { w.orders(orders); w.events(events); });
            FunnelStore store = new FunnelStore(f.data());

            HourlyHeatMap map = HourlyHeatMap.of(MON, TUE, store.hours(shop.id(), MON, TUE));
            assertEquals(new HourlyHeatMap.Cell(DayOfWeek.MONDAY, 23, 100, 1, 0), map.cell(DayOfWeek.MONDAY, 23));
            assertEquals(new HourlyHeatMap.Cell(DayOfWeek.TUESDAY, 0, 200, 1, 0), map.cell(DayOfWeek.TUESDAY, 0));
            assertEquals(1, map.cell(DayOfWeek.MONDAY, 10).visitors(), "one shopper in one local hour");

            // the same moments in Shanghai: Tuesday 2:29 and 2:30, views at 12:45 and 13:15
            HourlyHeatMap east = HourlyHeatMap.of(MON, TUE, store.hours(shanghai.id(), MON, TUE));
            assertEquals(300, east.cell(DayOfWeek.TUESDAY, 2).sales());
            assertEquals(1, east.cell(DayOfWeek.MONDAY, 12).visitors());
            assertEquals(1, east.cell(DayOfWeek.MONDAY, 13).visitors());
        }
    }

    /** Eight weeks of a Shanghai shop's sales to 2024-03-31, and that last week's views. */
    static void eightWeeks(Fresh f, Shop shop) {
        write(f, shop, w -> {
            w.products(List.of(
                    new Product(0, 0, "P-A", "Hero dress", "dresses", 100L, null, 10, Product.Status.LISTED, LocalDate.of(2024, 1, 1)),
                    new Product(0, 0, "P-B", "New coat", "coats", 1000L, null, 10, Product.Status.LISTED, LocalDate.of(2024, 3, 21))));
            w.orders(List.of(
                    line("o1", local(SHANGHAI, "2024-02-06T10:00:00"), Status.PAID, "P-A", "dress", 10, 100),
                    line("o2", local(SHANGHAI, "2024-03-26T10:00:00"), Status.PAID, "P-A", "dress", 20, 100),
                    line("o3", local(SHANGHAI, "2024-02-13T10:00:00"), Status.PAID, "P-C", "Old scarf", 10, 50),
                    line("o4", local(SHANGHAI, "2024-03-19T10:00:00"), Status.PAID, "P-C", "Old scarf", 5, 50),
                    line("o5", local(SHANGHAI, "2024-03-27T10:00:00"), Status.PAID, "P-B", "coat", 3, 1000),
                    line("o6", local(SHANGHAI, "2024-03-28T10:00:00"), Status.COMPLETED, "P-C", "Old scarf", 1, 50),
                    line("o7", local(SHANGHAI, "2024-03-28T11:00:00"), Status.CANCELLED, "P-A", "dress", 100, 100),
                    line("o8", local(SHANGHAI, "2024-03-29T10:00:00"), Status.PAID, "P-B", "coat", 1, 1000),
                    line("o8", local(SHANGHAI, "2024-03-29T10:00:00"), Status.PAID, "P-A", "dress", 1, 100)));
            w.events(List.of(
                    ev("v1", "P-C", Type.VIEW, local(SHANGHAI, "2024-03-25T10:00:00")),
                    ev("v1", "P-C", Type.VIEW, local(SHANGHAI, "2024-03-25T10:01:00")),
                    ev("v2", "P-C", Type.VIEW, local(SHANGHAI, "2024-03-26T10:00:00")),
                    ev("v3", "P-C", Type.VIEW, local(SHANGHAI, "2024-03-27T10:00:00")),
                    ev("v1", "P-A", Type.VIEW, local(SHANGHAI, "2024-03-27T10:00:00")),
                    ev("v1", "P-A", Type.VIEW, local(SHANGHAI, "2024-03-27T10:05:00")),
                    ev("v2", "P-B", Type.VIEW, local(SHANGHAI, "2024-03-28T10:00:00")),
                    ev("v4", "P-X", Type.CART, local(SHANGHAI, "2024-03-28T10:00:00")),
                    ev("v5", "P-A", Type.VIEW, local(SHANGHAI, "2024-03-24T10:00:00")))); // the week before
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void topProductsByTrafficAndBySalesWithTheirLifecycle(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            Shop shop = shop(f, "flagship", "Asia/Shanghai");
            eightWeeks(f, shop);
            FunnelStore store = new FunnelStore(f.data());
            LocalDate from = LocalDate.of(2024, 3, 25);
            LocalDate to = LocalDate.of(2024, 3, 31);

            List<ProductFigures> byTraffic = store.topProducts(shop.id(), from, to, Ranking.TRAFFIC, 2);
            assertEquals(List.of("P-C", "P-A"), byTraffic.stream().map(ProductFigures::product).toList());
            ProductFigures c = byTraffic.get(0);
            assertEquals(List.of("Old scarf", 4L, 3L, 50L, 1L, 1L), List.of(c.title(), c.views(), c.viewers(), c.sales(), c.units(), c.orders()));
            assertNull(c.listedOn());
            assertEquals(LocalDate.of(2024, 2, 13), c.firstSale());
            assertArrayEquals(new long[] {0, 10, 0, 0, 0, 0, 5, 1}, c.weeklyUnits());
            assertEquals(ProductLifecycle.Stage.DECLINING, life(c, to).stage(), "6 units against 10");
            ProductFigures a = byTraffic.get(1);
            assertEquals(List.of("Hero dress", 2L, 1L, 2100L, 21L, 2L), List.of(a.title(), a.views(), a.viewers(), a.sales(), a.units(), a.orders()));
            assertArrayEquals(new long[] {10, 0, 0, 0, 0, 0, 0, 21}, a.weeklyUnits(), "the cancelled 100 do not count");
            assertEquals(ProductLifecycle.Stage.GROWING, life(a, to).stage());

            List<ProductFigures> bySales = store.topProducts(shop.id(), from, to, Ranking.SALES, 10);
            assertEquals(List.of("P-B", "P-A", "P-C"), bySales.stream().map(ProductFigures::product).toList());
            ProductFigures b = bySales.get(0);
            assertEquals(List.of("New coat", 1L, 1L, 4000L, 4L, 2L), List.of(b.title(), b.views(), b.viewers(), b.sales(), b.units(), b.orders()));
            assertEquals(ProductLifecycle.Stage.NEW, life(b, to).stage(), "listed ten days before");

            assertEquals(List.of(), store.topProducts(shop.id(), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 7), Ranking.TRAFFIC, 5));
            assertEquals(List.of(), store.topProducts(shop.id(), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 7), Ranking.SALES, 5));
        }
    }

    private static ProductLifecycle life(ProductFigures p, LocalDate asOf) {
        return ProductLifecycle.of(asOf, p.listedOn(), p.firstSale(), p.weeklyUnits());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void thePageWeekReadsTheHeroAndTheTrafficTotal(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            Shop shop = shop(f, "flagship", "Asia/Shanghai");
            eightWeeks(f, shop);
            LocalDate monday = LocalDate.of(2024, 3, 25);
            write(f, shop, w -> w.traffic(List.of(
                    new TrafficDay(0, monday, "all", 100, 300, 0.6, 50.0, 1, 100),
                    new TrafficDay(0, monday.plusDays(1), "all", 300, 600, 0.8, 50.0, 1, 100),
                    new TrafficDay(0, monday.plusDays(2), "all", 100, 250, null, null, 0, 0),
                    new TrafficDay(0, monday.plusDays(1), "search", 999, 9999, 0.1, 50.0, 1, 100))));
            FunnelStore store = new FunnelStore(f.data());

            PageWeek week = store.pageWeek(shop.id(), monday, monday.plusDays(6));
            assertEquals("P-B", week.heroProduct());
            assertEquals("New coat", week.heroTitle());
            // orders o2 2000, o5 3000, o6 50, o8 1100; P-B sold 3000 + 1000 in two orders
            assertEquals(new PageHealth.WeekFigures(6150, 4, 4000, 2, 500, 1150, (0.6 * 100 + 0.8 * 300) / 400), week.figures());
            PageHealth health = PageHealth.judge(week.figures(), Thresholds.DEFAULT);
            assertEquals(0.76875, health.check("aovRatio").value(), 1e-12);
            assertEquals(Verdict.FAIL, health.check("aovRatio").verdict());
            assertEquals(Verdict.FAIL, health.check("bounceRate").verdict(), "75%");
            assertEquals(Verdict.FAIL, health.check("pagesPerVisit").verdict(), "2.3");

            Shop sources = shop(f, "sources-only", "Asia/Shanghai");
            write(f, sources, w -> w.traffic(List.of(
                    new TrafficDay(0, monday, "search", 100, 400, 0.5, 50.0, 1, 100),
                    new TrafficDay(0, monday, "paid", 100, 200, 0.7, 50.0, 1, 100))));
            PageWeek summed = store.pageWeek(sources.id(), monday, monday.plusDays(6));
            assertEquals(new PageHealth.WeekFigures(0, 0, 0, 0, 200, 600, 0.6), summed.figures(), "no total row: the sources add up");
            assertNull(summed.heroProduct());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void thresholdsRoundTripThroughTheShopsSettings(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            long shop = f.newShop("flagship");
            long other = f.newShop("outlet");
            PluginSettings settings = new PluginSettings(f.database().jdbi(), "traffic", Clock.systemUTC());

            assertEquals(Thresholds.DEFAULT, Thresholds.fromSettings(settings.all(shop)));
            Map<String, Object> change = new HashMap<>();
            change.put("page-health.bounce-rate.pass", 0.65);
            change.put("page-health.pages-per-visit.good", "4");
            Thresholds saved = FunnelRoutes.saveThresholds(settings, shop, change);
            assertEquals(new Thresholds(1.3, 0.65, 0.6, 2.5, 4.0), saved);
            assertEquals(Map.of("page-health.bounce-rate.pass", "0.65", "page-health.pages-per-visit.good", "4"), settings.all(shop));
            assertEquals(saved, Thresholds.fromSettings(settings.all(shop)), "read back as saved");
            assertEquals(Thresholds.DEFAULT, Thresholds.fromSettings(settings.all(other)), "the other shop keeps the defaults");

            // a contradicting change is refused whole: nothing stored
            Map<String, Object> bad = new HashMap<>();
            bad.put("page-health.aov-ratio", 1.5);
            bad.put("page-health.bounce-rate.good", 0.66);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FunnelRoutes.saveThresholds(settings, shop, bad));
            assertEquals("page-health.bounce-rate.good (0.66) cannot be above page-health.bounce-rate.pass (0.65): a lower bounce rate is better",
                    e.getMessage());
            assertEquals(saved, Thresholds.fromSettings(settings.all(shop)));

            // null resets to the default
            Map<String, Object> reset = new HashMap<>();
            reset.put("page-health.bounce-rate.pass", null);
            assertEquals(new Thresholds(1.3, 0.7, 0.6, 2.5, 4.0), FunnelRoutes.saveThresholds(settings, shop, reset));
            assertEquals(Map.of("page-health.pages-per-visit.good", "4"), settings.all(shop));
        }
    }
}
