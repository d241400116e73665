package com.shopops.plugins.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order.Status;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.data.ShopDataStore;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.traffic.analysis.Kpis;
import com.shopops.plugins.traffic.analysis.Kpis.Coverage;
import com.shopops.plugins.traffic.analysis.Kpis.Figures;
import com.shopops.plugins.traffic.analysis.Kpis.Period;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every KPI definition on a handful of hand-made orders, refunds, products and traffic rows, written
 * through the core's own writer into a real SQLite file and a real PostgreSQL; the expected figures are
 * worked out in the comments.
 */
class KpiStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-05T01:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate D3 = LocalDate.of(2025, 3, 3);
    private static final LocalDate D4 = LocalDate.of(2025, 3, 4);
    private static final Period PERIOD = new Period(D3, D4);

    @TempDir
    Path dir;

    /** An order line placed at noon Shanghai time on {@code day}. */
    private static OrderRow line(String order, String customer, LocalDate day, Status status, String sku, long qty, long price,
                                 long refunded) {
        Instant at = day.atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        return new OrderRow(order, customer, at, status == Status.CANCELLED ? null : at.plusSeconds(60), status, null, null, sku,
                "item " + sku, qty, price, qty * price, refunded, refunded > 0 ? "size" : null);
    }

    private static Product product(String sku, Product.Status status, LocalDate listedOn) {
        return new Product(0, 0, sku, "item " + sku, "kitchen", 5_000L, null, 10, status, listedOn);
    }

    private static TrafficDay traffic(long shop, LocalDate day, String source, long uv, long pv, Double bounce, Double stay) {
        return new TrafficDay(shop, day, source, uv, pv, bounce, stay, 0, 0);
    }

    static Shop handMadeShop(Fresh f, String code) {
        Shop shop = new ShopStore(f.database().jdbi(), CLOCK).create(new ShopStore.NewShop(code, null, null, null, null));
        long id = shop.id();
        f.database().jdbi().useTransaction(h -> {
            CoreTableWriter w = new CoreTableWriter(h, shop);
            w.products(List.of(product("P1", Product.Status.LISTED, LocalDate.of(2024, 1, 1)),
                    product("P2", Product.Status.LISTED, null),
                    product("P3", Product.Status.LISTED, LocalDate.of(2025, 1, 1)),
                    product("P4", Product.Status.LISTED, LocalDate.of(2025, 3, 10)),  // listed after the period
                    product("P5", Product.Status.DELISTED, LocalDate.of(2024, 1, 1))));
            w.orders(List.of(
                    line("Z0", "dave", LocalDate.of(2025, 1, 10), Status.COMPLETED, "P2", 1, 8_000, 0), // the shop's first order
                    line("A0", "alice", LocalDate.of(2025, 2, 20), Status.COMPLETED, "P1", 1, 5_000, 0),
                    line("O1", "alice", D3, Status.PAID, "P1", 2, 5_000, 0),
                    line("O2", "bob", D3, Status.REFUNDED, "P2", 1, 8_000, 8_000),
                    line("O3", null, D3, Status.PAID, "P1", 1, 5_000, 0),
                    line("O4", "alice", D4, Status.PAID, "P5", 1, 3_000, 0),
                    line("O5", "carol", D4, Status.CANCELLED, "P3", 1, 8_000, 0),
                    line("O6", "bob", D4, Status.SHIPPED, "P1", 1, 5_000, 1_000),
                    line("O7", "alice", D4, Status.PAID, "P1", 1, 5_000, 0)));
            w.traffic(List.of(
                    traffic(id, D3, "all", 100, 300, 0.5, 60.0),
                    traffic(id, D3, "手淘搜索", 60, 200, 0.4, 70.0),
                    traffic(id, D3, "直通车", 40, 100, 0.65, 45.0),
                    traffic(id, D4, "all", 300, 600, 0.4, null),
                    traffic(id, D4, "手淘搜索", 200, 400, 0.4, null),
                    traffic(id, D4, "直通车", 100, 200, 0.4, null)));
            w.targets(List.of(new Target(id, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), "sales", 3_100_000)));
        });
        return shop;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKpiOnHandMadeData(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            Shop shop = handMadeShop(f, "flagship");
            Shop other = handMadeShop(f, "other"); // the same again: nothing of it may leak into the first shop's figures
            KpiStore store = new KpiStore(f.data());

            Coverage coverage = store.coverage(shop.id());
            assertEquals(new Coverage(LocalDate.of(2025, 1, 10), D4, D4), coverage);
            Figures k = Kpis.of(store.totals(shop.id(), PERIOD, coverage));

            // Orders that count: O1 10,000 + O2 8,000 (REFUNDED counts) + O3 5,000 + O4 3,000 + O6 5,000 + O7 5,000;
            // O5 is cancelled.
            assertEquals(36_000, k.sales());
            assertEquals(6, k.orders());
            // Buyers per day: the 3rd alice, bob, one guest order = 3; the 4th alice (twice), bob = 2.
            assertEquals(5, k.buyers());
            assertEquals(400, k.uv());
            assertEquals(900, k.pv());
            assertEquals(5.0 / 400, k.conversionRate(), 1e-12);
            assertEquals(7_200, k.aov());                                  // 36,000 / 5
            assertEquals(2.25, k.pagesPerVisit(), 1e-12);                  // 900 / 400
            assertEquals((0.5 * 100 + 0.4 * 300) / 400, k.bounceRate(), 1e-12);
            assertEquals(60.0, k.avgStaySeconds(), 1e-12);                 // only the 3rd has a stay
            assertEquals(2.0 / 6, k.refundRate(), 1e-12);                 // O2 (full) and O6 (partial)
            // Listed by the 4th: P1, P2, P3 (P4 listed on the 10th, P5 delisted); sold: P1, P2 (P3 only cancelled).
            assertEquals(2.0 / 3, k.sellThrough(), 1e-12);
            // Known customers alice and bob; alice first bought on 20 February.
            assertEquals(0.5, k.repeatBuyerShare(), 1e-12);
            // 30 days to the 4th (from 3 February): alice, bob and one guest order; 36,000 + A0's 5,000 (not dave's Z0).
            assertEquals(3, k.buyers30d());
            assertEquals(41_000, k.gmv30d());

            // The two days before: orders known (after the first order) and none placed; no traffic rows.
            Figures previous = Kpis.of(store.totals(shop.id(), PERIOD.previous(), coverage));
            assertEquals(0, previous.sales());
            assertEquals(0, previous.orders());
            assertEquals(0, previous.buyers());
            assertNull(previous.uv());
            assertNull(previous.conversionRate());
            assertNull(previous.aov());
            assertNull(previous.refundRate());
            assertEquals(0.0, previous.sellThrough());
            // A year earlier: before the first order, unknown.
            Figures lastYear = Kpis.of(store.totals(shop.id(), PERIOD.lastYear(), coverage));
            assertNull(lastYear.sales());
            assertNull(lastYear.orders());
            assertNull(lastYear.buyers30d());
            // After the last day of data: unknown too.
            assertNull(Kpis.of(store.totals(shop.id(), new Period(D4, D4.plusDays(1)), coverage)).sales());

            assertEquals(Map.of("手淘搜索", 260L, "直通车", 140L), store.sourceVisitors(shop.id(), PERIOD));
            assertEquals(36_000, Kpis.of(store.totals(other.id(), PERIOD, store.coverage(other.id()))).sales());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void targetCheckAndDecompositionAnswers(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            Shop shop = handMadeShop(f, "flagship");
            Jdbi jdbi = f.database().jdbi();
            KpiRoutes routes = new KpiRoutes(new KpiStore(f.data()), new TrafficStore(jdbi, CLOCK),
                    new ShopDataStore(jdbi, new ShopStore(jdbi, CLOCK)), CLOCK);

            // March's 3,100,000 spread evenly: 100,000 a day. The 4th sold O4 + O6 + O7 = 13,000; the month 36,000
            // against 400,000 planned: 9% of plan → 9% of 3,100,000 = 279,000.
            Map<String, Object> check = routes.targetCheck(shop, D4);
            Map<?, ?> day = (Map<?, ?>) check.get("day");
            assertEquals(13_000L, day.get("sales"));
            assertEquals(100_000L, day.get("target"));
            assertEquals(-87_000L, day.get("gap"));
            assertEquals(-0.87, (Double) day.get("gapShare"), 1e-12);
            assertEquals(false, day.get("met"));
            assertEquals(300L, day.get("uv"));
            Map<?, ?> mtd = (Map<?, ?>) check.get("monthToDate");
            assertEquals(36_000L, mtd.get("sales"));
            assertEquals(400_000L, mtd.get("target"));
            Map<?, ?> end = (Map<?, ?>) check.get("monthEnd");
            assertEquals("2025-03", end.get("month"));
            assertEquals(3_100_000L, end.get("target"));
            assertEquals(279_000L, end.get("forecast"));
            assertEquals("targetWeights", end.get("method"));
            assertEquals(27, end.get("daysLeft"));
            assertEquals(3_100_000L - 36_000L, end.get("stillNeeded"));

            // The 4th against the 3rd: sales 13,000 vs 23,000, buyers 2 vs 3, visitors 300 vs 100.
            Map<String, Object> d = routes.decomposition(shop, new Period(D4, D4), new Period(D3, D3));
            assertEquals(-10_000L, d.get("salesChange"));
            assertEquals("lmdi", d.get("method"));
            long uv = (Long) d.get("uvEffect");
            long cr = (Long) d.get("conversionEffect");
            long aov = (Long) d.get("aovEffect");
            assertEquals(-10_000, uv + cr + aov);
            // L(13000, 23000) × ln 3 for visitors
            double l = (13_000.0 - 23_000) / Math.log(13_000.0 / 23_000);
            assertEquals(l * Math.log(3), uv, 1.0);
            List<?> bySource = (List<?>) d.get("bySource");
            assertEquals(2, bySource.size());
            long sum = 0;
            List<String> channels = new ArrayList<>();
            for (Object o : bySource) {
                sum += (Long) ((Map<?, ?>) o).get("effect");
                channels.add((String) ((Map<?, ?>) o).get("channel"));
                assertNull(((Map<?, ?>) o).get("spend"));
            }
            assertEquals(List.of("free", "paid"), channels, "手淘搜索 and 直通车 by their names");
            assertEquals(uv, sum + (Long) ((Map<?, ?>) d.get("unattributed")).get("effect"));
            assertEquals(0L, ((Map<?, ?>) d.get("unattributed")).get("uvChange"));
        }
    }
}
