package com.shopops.plugins.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.Installation;
import com.shopops.platform.config.Config;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.demo.DemoData;
import com.shopops.platform.demo.DemoSeeder;
import com.shopops.platform.demo.DemoShop;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The traffic plugin's briefing findings on the demo shop, each checked against figures computed here
 * from the generated rows: the day's sales against the same weekday a week before, and the sources
 * that lost a fifth of their visitors.
 */
class TrafficFindingsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theDemoShopsFindingsFollowItsData(Kind kind) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T01:00:00Z"));
        Map<String, String> flags = new HashMap<>();
        flags.put("data", dir.resolve("data").toString());
        flags.put("plugins", dir.resolve("plugins").toString());
        try (Fresh f = TestDatabases.fresh(kind, dir)) {
            flags.put("db", f.url());
            try (Installation i = Installation.wire(Config.load(null, Map.of(), flags), clock)) {
                i.migrateCore();
                i.database().migrate("traffic", TrafficFindingsTest.class.getClassLoader());
                Shop shop = new DemoSeeder(i).create("demo", 11, 40, DAY, DemoSeeder.Progress.NONE).shop();
                DemoData demo = DemoShop.generate(shop, 11, DAY, 40);
                TrafficFindings findings = new TrafficFindings(
                        new KpiRoutes(new KpiStore(i.data()), new TrafficStore(i.database().jdbi(), clock), i.data(), clock),
                        new FunnelStore(i.data()), new PluginSettings(i.database().jdbi(), "traffic", clock),
                        new BundleMessages("traffic", TrafficFindingsTest.class.getClassLoader()));

                List<Finding> found = findings.findings(shop, DAY, Locale.ENGLISH);
                assertTrue(found.stream().allMatch(x -> x.plugin().equals("traffic") && x.title() != null && !x.title().contains("{")),
                        found.toString());

                long sales = sales(demo, shop, DAY);
                long before = sales(demo, shop, DAY.minusDays(7));
                Finding driver = found.stream().filter(x -> "sales.driver".equals(x.metric())).findFirst().orElse(null);
                if (Math.abs(sales - before) >= TrafficFindings.SALES_MOVE * before) {
                    assertTrue(driver != null, found.toString());
                    assertEquals((double) sales, driver.value());
                    assertEquals((double) before, driver.expected());
                    assertEquals(sales < before ? Severity.WARNING : Severity.GOOD, driver.severity());
                    assertTrue(List.of(Role.PROMOTION, Role.DESIGN, Role.OPERATOR).contains(driver.role()));
                } else {
                    assertTrue(driver == null, driver + " for a change under the threshold");
                }

                Map<String, long[]> uv = new HashMap<>();
                for (TrafficDay t : demo.traffic()) {
                    if (!t.source().equals("all") && (t.day().equals(DAY) || t.day().equals(DAY.minusDays(7)))) {
                        uv.computeIfAbsent(t.source(), s -> new long[2])[t.day().equals(DAY) ? 0 : 1] += t.uv();
                    }
                }
                Set<String> dropped = new HashSet<>();
                uv.forEach((source, v) -> {
                    if (v[1] >= TrafficFindings.SOURCE_MIN_VISITORS && v[0] <= (1 - TrafficFindings.SOURCE_DROP) * v[1]) {
                        dropped.add("uv.source." + source);
                    }
                });
                List<Finding> sources = found.stream().filter(x -> x.metric().startsWith("uv.source.")).toList();
                if (dropped.isEmpty() || driver == null) {
                    assertTrue(sources.isEmpty(), sources.toString());
                } else {
                    assertEquals(1, sources.size(), "the source that cost most: " + sources);
                    assertTrue(dropped.contains(sources.get(0).metric()), sources + " not in " + dropped);
                    assertEquals(Severity.WARNING, sources.get(0).severity());
                }

                List<Finding> zh = findings.findings(shop, DAY, Locale.SIMPLIFIED_CHINESE);
                assertEquals(found.stream().map(Finding::metric).toList(), zh.stream().map(Finding::metric).toList());
                assertFalse(zh.isEmpty() && !found.isEmpty());
                zh.forEach(x -> assertTrue(x.title().codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), x.title()));
            }
        }
    }

    private static long sales(DemoData demo, Shop shop, LocalDate day) {
        Map<String, LocalDate> placed = new HashMap<>();
        for (OrderRow r : demo.orderRows()) {
            if (r.createdAt() != null) {
                placed.put(r.orderId(), LocalDate.ofInstant(r.createdAt(), shop.timeZone()));
            }
        }
        long sum = 0;
        for (OrderRow r : demo.orderRows()) {
            if (r.status() != Order.Status.CANCELLED && day.equals(placed.get(r.orderId()))) {
                sum += r.lineAmount();
            }
        }
        return sum;
    }
}
