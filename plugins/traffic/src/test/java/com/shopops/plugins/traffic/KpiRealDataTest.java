package com.shopops.plugins.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.Installation;
import com.shopops.platform.config.Config;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.demo.DemoData;
import com.shopops.platform.demo.DemoSeeder;
import com.shopops.platform.demo.DemoShop;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.traffic.analysis.Kpis.Period;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The KPIs, target check and decomposition over real data: the UCI Online Retail slice imported the way a
 * user imports it, and the demo shop as the CLI makes it; the expected figures are computed here with
 * plain loops over the raw file and over the generated rows, not read back through ShopOps.
 */
class KpiRealDataTest {

    /** The slice as the platform's test jar carries it (a copy of /work/shared/data/online-retail/). */
    private static final String RETAIL_RESOURCE = "/data/online-retail/online_retail_first_rows.csv";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;

    private Installation installation(Fresh f, TestClock clock) {
        Map<String, String> flags = new HashMap<>();
        flags.put("data", dir.resolve("data").toString());
        flags.put("db", f.url());
        flags.put("plugins", dir.resolve("plugins").toString());
        Installation installation = Installation.wire(Config.load(null, Map.of(), flags), clock);
        installation.migrateCore();
        installation.database().migrate("traffic", KpiRealDataTest.class.getClassLoader());
        return installation;
    }

    private static KpiRoutes routes(Installation i) {
        return new KpiRoutes(new KpiStore(i.data()), new TrafficStore(i.database().jdbi(), i.clock()), i.data(), i.clock());
    }

    @Test
    void onlineRetailFirstRows() throws Exception {
        Path file = dir.resolve("online_retail_first_rows.csv");
        try (var in = KpiRealDataTest.class.getResourceAsStream(RETAIL_RESOURCE)) {
            assertTrue(in != null, "no " + RETAIL_RESOURCE + " on the test class path");
            Files.copy(in, file);
        }
        // Independently: the raw lines; a line that does not split into 8 fields rejects its invoice (the
        // importer's rule for a broken line), C… invoices are cancellations; amounts in pence.
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Set<String> bad = new HashSet<>();
        for (String l : lines.subList(1, lines.size())) {
            if (l.split(",", -1).length != 8) {
                bad.add(l.split(",", -1)[0]);
            }
        }
        long sales = 0;
        Set<String> invoices = new HashSet<>();
        Set<String> customers = new HashSet<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",", -1);
            if (c.length != 8 || bad.contains(c[0]) || c[0].startsWith("C")) {
                continue;
            }
            assertTrue(c[4].startsWith("12/1/10 "), l);
            sales += new BigDecimal(c[3]).multiply(new BigDecimal(c[5])).movePointRight(2).longValueExact();
            invoices.add(c[0]);
            if (!c[6].isEmpty()) {
                customers.add(c[6]);
            }
        }
        // awk (see platform's RealDataTest): 475716 pence over 19 invoices; 12 customers, no guest line.
        assertEquals(475_716, sales);
        assertEquals(19, invoices.size());
        assertEquals(12, customers.size());

        TestClock clock = new TestClock(Instant.parse("2010-12-02T09:00:00Z"));
        try (Fresh f = TestDatabases.fresh(Kind.SQLITE, dir); Installation i = installation(f, clock)) {
            Shop shop = i.shops().create(new ShopStore.NewShop("uk-gifts", "UK gifts", "other", "GBP", "Europe/London"));
            i.imports().run(new ImportRunner.Request(shop, "orders", "online-retail", file, file.getFileName().toString(),
                    Map.of(), false), ImportRunner.Progress.NONE);

            LocalDate day = LocalDate.of(2010, 12, 1);
            Map<String, Object> k = routes(i).kpis(shop, new Period(day, day));
            assertEquals(sales, value(k, "sales"));
            assertEquals((long) invoices.size(), value(k, "orders"));
            assertEquals((long) customers.size(), value(k, "buyers"));
            assertEquals(Math.round((double) sales / customers.size()), value(k, "aov"));
            assertEquals(0.0, value(k, "refundRate"));
            assertEquals(0.0, value(k, "repeatBuyerShare"), "the data's first day: nobody bought before");
            assertNull(value(k, "uv"), "no traffic in this data set");
            assertNull(value(k, "conversionRate"));
            assertNull(((Map<?, ?>) k.get("sales")).get("previous"), "before the first order: unknown, not 0");
            assertNull(((Map<?, ?>) k.get("sales")).get("lastYear"));
            assertNull(value(k, "buyers30d"), "the 30 days reach before the data");

            // Without traffic the change splits into buyers and AOV only; against an unknown day into nothing.
            Map<String, Object> d = routes(i).decomposition(shop, new Period(day, day), new Period(day.minusDays(1), day.minusDays(1)));
            assertNull(d.get("salesChange"));
            assertEquals("none", d.get("method"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theDemoShopEndToEnd(Kind kind) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T01:00:00Z")); // 09:00 in Shanghai: yesterday is DAY
        try (Fresh f = TestDatabases.fresh(kind, dir); Installation i = installation(f, clock)) {
            Shop shop = new DemoSeeder(i).create("demo", 11, 40, DAY, DemoSeeder.Progress.NONE).shop();
            DemoData demo = DemoShop.generate(shop, 11, DAY, 40);
            KpiRoutes routes = routes(i);

            // Independently, per day: sales, orders and distinct customers of the orders not cancelled; visitors.
            Map<String, LocalDate> placed = new HashMap<>();
            Map<String, String> customer = new HashMap<>();
            Map<String, Order.Status> status = new HashMap<>();
            for (OrderRow r : demo.orderRows()) {
                if (r.createdAt() != null) {
                    placed.put(r.orderId(), LocalDate.ofInstant(r.createdAt(), shop.timeZone()));
                    customer.put(r.orderId(), r.customer());
                    status.put(r.orderId(), r.status());
                }
            }
            Map<LocalDate, Long> salesByDay = new HashMap<>();
            Map<LocalDate, Set<String>> buyersByDay = new HashMap<>();
            Map<LocalDate, Long> ordersByDay = new HashMap<>();
            for (OrderRow r : demo.orderRows()) {
                LocalDate d = placed.get(r.orderId());
                if (status.get(r.orderId()) != Order.Status.CANCELLED) {
                    salesByDay.merge(d, r.lineAmount(), Long::sum);
                    String who = customer.get(r.orderId());
                    buyersByDay.computeIfAbsent(d, x -> new HashSet<>()).add(who == null ? "guest:" + r.orderId() : who);
                }
            }
            placed.forEach((order, d) -> {
                if (status.get(order) != Order.Status.CANCELLED) {
                    ordersByDay.merge(d, 1L, Long::sum);
                }
            });
            Map<LocalDate, Long> uvByDay = new HashMap<>();
            Map<LocalDate, Long> pvByDay = new HashMap<>();
            Map<String, Long> sourceUvDay = new HashMap<>();
            Map<String, Long> sourceUvBefore = new HashMap<>();
            for (TrafficDay t : demo.traffic()) {
                if (t.source().equals("all")) {
                    uvByDay.put(t.day(), t.uv());
                    pvByDay.put(t.day(), t.pv());
                } else if (t.day().equals(DAY)) {
                    sourceUvDay.put(t.source(), t.uv());
                } else if (t.day().equals(DAY.minusDays(1))) {
                    sourceUvBefore.put(t.source(), t.uv());
                }
            }

            // A week's KPIs.
            Period week = new Period(DAY.minusDays(6), DAY);
            long sales = 0;
            long orders = 0;
            long buyers = 0;
            long uv = 0;
            long pv = 0;
            for (LocalDate d = week.from(); !d.isAfter(week.to()); d = d.plusDays(1)) {
                sales += salesByDay.getOrDefault(d, 0L);
                orders += ordersByDay.getOrDefault(d, 0L);
                buyers += buyersByDay.getOrDefault(d, Set.of()).size();
                uv += uvByDay.get(d);
                pv += pvByDay.get(d);
            }
            Map<String, Object> k = routes.kpis(shop, week);
            assertEquals(sales, value(k, "sales"));
            assertEquals(orders, value(k, "orders"));
            assertEquals(buyers, value(k, "buyers"));
            assertEquals(uv, value(k, "uv"));
            assertEquals(pv, value(k, "pv"));
            assertEquals((double) buyers / uv, (Double) value(k, "conversionRate"), 1e-12);
            assertEquals(Math.round((double) sales / buyers), value(k, "aov"));
            assertEquals((double) pv / uv, (Double) value(k, "pagesPerVisit"), 1e-12);
            assertTrue((Double) value(k, "bounceRate") > 0.3 && (Double) value(k, "bounceRate") < 0.8);
            assertTrue((Double) value(k, "refundRate") >= 0 && (Double) value(k, "refundRate") < 0.2);
            assertTrue((Double) value(k, "sellThrough") > 0 && (Double) value(k, "sellThrough") <= 1);
            assertTrue((Double) value(k, "repeatBuyerShare") > 0, "the demo has returning customers");
            assertTrue(value(k, "gmv30d") instanceof Long, "30 days inside the 40 generated");
            assertEquals(i.data().summary(shop.id(), week.from(), week.to()).revenue(), value(k, "sales"), "as the core summary");
            long previousSales = 0;
            for (LocalDate d = week.from().minusDays(7); d.isBefore(week.from()); d = d.plusDays(1)) {
                previousSales += salesByDay.getOrDefault(d, 0L);
            }
            assertEquals(previousSales, ((Map<?, ?>) k.get("sales")).get("previous"));
            assertNull(((Map<?, ?>) k.get("sales")).get("lastYear"), "40 days of history: last year unknown");
            assertEquals(Set.of("value", "previous", "lastYear"), ((Map<?, ?>) k.get("uv")).keySet());

            // Yesterday against the day before, exactly split; the sources add up to the shop total.
            Map<String, Object> d = routes.decomposition(shop, new Period(DAY, DAY), new Period(DAY, DAY).previous());
            long change = salesByDay.get(DAY) - salesByDay.get(DAY.minusDays(1));
            assertEquals(change, d.get("salesChange"));
            assertEquals(change, (Long) d.get("uvEffect") + (Long) d.get("conversionEffect") + (Long) d.get("aovEffect"));
            assertEquals("lmdi", d.get("method"));
            long bySource = 0;
            for (Object o : (List<?>) d.get("bySource")) {
                Map<?, ?> row = (Map<?, ?>) o;
                String source = (String) row.get("source");
                assertEquals(sourceUvDay.get(source) - sourceUvBefore.get(source), row.get("uvChange"), source);
                bySource += (Long) row.get("effect");
            }
            assertEquals(DemoShop.SOURCES.size(), ((List<?>) d.get("bySource")).size());
            assertEquals(0L, ((Map<?, ?>) d.get("unattributed")).get("uvChange"));
            assertEquals(d.get("uvEffect"), bySource + (Long) ((Map<?, ?>) d.get("unattributed")).get("effect"));

            // The target check of yesterday: the demo's monthly target spread evenly.
            double month = demo.targets().stream()
                    .filter(t -> t.metric().equals("sales") && !t.from().isAfter(DAY) && !t.to().isBefore(DAY))
                    .mapToDouble(Target::value).findFirst().orElseThrow();
            Map<String, Object> check = routes.targetCheck(shop, DAY);
            Map<?, ?> day = (Map<?, ?>) check.get("day");
            assertEquals(salesByDay.get(DAY), day.get("sales"));
            assertTrue(Math.abs((Long) day.get("target") - month / DAY.lengthOfMonth()) <= 1, day.toString());
            long mtd = 0;
            for (LocalDate x = DAY.withDayOfMonth(1); !x.isAfter(DAY); x = x.plusDays(1)) {
                mtd += salesByDay.getOrDefault(x, 0L);
            }
            Map<?, ?> monthToDate = (Map<?, ?>) check.get("monthToDate");
            assertEquals(mtd, monthToDate.get("sales"));
            Map<?, ?> end = (Map<?, ?>) check.get("monthEnd");
            assertEquals(Math.round(month), end.get("target"));
            assertEquals("targetWeights", end.get("method"));
            assertEquals(Math.round(mtd * month / (Long) monthToDate.get("target")), (double) (Long) end.get("forecast"), 1.0);
            assertEquals(DAY.toString(), check.get("date"));
        }
    }

    private static Object value(Map<String, Object> kpis, String name) {
        return ((Map<?, ?>) kpis.get(name)).get("value");
    }
}
