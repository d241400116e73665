package com.shopops.platform.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Target;
import com.shopops.platform.Installation;
import com.shopops.platform.config.Config;
import com.shopops.platform.demo.DemoData;
import com.shopops.platform.demo.DemoSeeder;
import com.shopops.platform.demo.DemoShop;
import com.shopops.platform.server.Json;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The briefing of the demo shop as JSON and markdown, its target check against figures computed here
 * from the generated shop rather than read back through ShopOps.
 */
class DemoShopBriefingTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theDemoShopsBriefingAsJsonAndMarkdown(Kind kind) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T01:00:00Z")); // 09:00 in Shanghai
        Map<String, String> flags = new HashMap<>();
        try (Fresh f = TestDatabases.fresh(kind, dir)) {
            flags.put("data", dir.resolve("data").toString());
            flags.put("db", f.url());
            flags.put("plugins", dir.resolve("plugins").toString());
            try (Installation installation = Installation.wire(Config.load(null, Map.of(), flags), clock)) {
                installation.migrateCore();
                Shop shop = new DemoSeeder(installation).create("demo", 11, 40, DAY, DemoSeeder.Progress.NONE).shop();
                DemoData demo = DemoShop.generate(shop, 11, DAY, 40);

                // The day's sales and its target, from the generated rows and the month's target spread evenly.
                Map<String, LocalDate> placed = new HashMap<>();
                long sales = 0;
                for (OrderRow r : demo.orderRows()) {
                    if (r.createdAt() != null) {
                        placed.put(r.orderId(), LocalDate.ofInstant(r.createdAt(), shop.timeZone()));
                    }
                }
                for (OrderRow r : demo.orderRows()) {
                    if (r.status() != Order.Status.CANCELLED && DAY.equals(placed.get(r.orderId()))) {
                        sales += r.lineAmount();
                    }
                }
                double month = demo.targets().stream()
                        .filter(t -> t.metric().equals("sales") && !t.from().isAfter(DAY) && !t.to().isBefore(DAY))
                        .mapToDouble(Target::value).findFirst().orElseThrow();
                double share = month / DAY.lengthOfMonth();

                Briefing b = installation.briefing().of(shop, installation.briefing().yesterday(shop), Locale.ENGLISH, false);
                JsonNode json = Json.mapper().valueToTree(BriefingJson.of(b));
                assertEquals(DAY.toString(), json.get("date").asText());
                JsonNode day = null;
                for (JsonNode finding : json.get("findings")) {
                    if (finding.get("key").asText().equals("core:sales.day")) {
                        day = finding;
                    }
                }
                assertTrue(day != null, json.toString());
                assertEquals(sales, day.get("value").asLong(), "yesterday's sales");
                assertTrue(Math.abs(day.get("expected").asDouble() - share) <= 1, day + " vs " + share);
                String severity = sales >= day.get("expected").asLong() ? "good"
                        : sales < 0.9 * day.get("expected").asLong() ? "critical" : "warning";
                assertEquals(severity, day.get("severity").asText());
                assertEquals("money", day.get("unit").asText());
                assertEquals(SalesTargetCheck.TREND_DAYS, day.get("trend").size());
                assertEquals(sales, day.get("trend").get(SalesTargetCheck.TREND_DAYS - 1).asLong(), "the trend ends with the day");
                assertTrue(json.has("counts") && json.get("counts").has("critical"));

                // today has no orders imported yet: the check says which day the orders reach
                JsonNode today = Json.mapper().valueToTree(BriefingJson.of(installation.briefing().of(shop, DAY.plusDays(1),
                        Locale.ENGLISH, false)));
                JsonNode noOrders = null;
                for (JsonNode finding : today.get("findings")) {
                    if (finding.get("key").asText().equals("core:sales.day")) {
                        noOrders = finding;
                    }
                }
                assertTrue(noOrders != null && noOrders.get("severity").asText().equals("warning"), today.toString());
                assertTrue(noOrders.get("detail").asText().contains(DAY.toString()), noOrders.toString());

                String md = new BriefingText(installation.coreMessages()).markdown(b, null);
                assertTrue(md.startsWith("# Morning briefing: " + shop.name() + " (demo), 2026-11-22\n"), md);
                String heading = "\n## " + installation.coreMessages().text(Locale.ENGLISH,
                        "briefing.severity." + Severity.valueOf(severity.toUpperCase(Locale.ROOT))) + "\n";
                assertTrue(md.contains(heading), md);
                assertTrue(md.contains(FigureFormat.money(sales, "CNY", Locale.ENGLISH) + " against "), md);
                assertTrue(!md.contains("](/"), "no relative links without a base: " + md);

                Briefing zh = installation.briefing().of(shop, DAY, Locale.SIMPLIFIED_CHINESE, false);
                String zhText = new BriefingText(installation.coreMessages()).text(zh);
                assertTrue(zhText.startsWith("早报："), zhText);
                assertTrue(zhText.contains(FigureFormat.money(sales, "CNY", Locale.SIMPLIFIED_CHINESE)), zhText);
            }
        }
    }
}
