package com.shopops.plugins.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.api.Messages;
import com.shopops.api.Shop;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.PluginRoutes;
import com.shopops.platform.testing.PluginRoutes.Answer;
import com.shopops.platform.testing.PluginRoutes.Route;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes' JSON and their 400s over real HTTP: the plugin's handlers mounted on a bare Javalin, with a
 * real SQLite file, the real settings table and the plugin's English messages; the shop is resolved here
 * as the host would (the host's own dispatch, sign-in and permission checks are tested in the platform).
 */
class FunnelRoutesTest {

    /** Thursday 2024-04-04 in Shanghai: "last week" is the week of 2024-03-28. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-04T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;

    static Fresh db;
    static Shop shop;
    static PluginRoutes http;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabases.migrated(Kind.SQLITE, dir, "traffic");
        shop = new com.shopops.platform.core.ShopStore(db.database().jdbi(), Clock.systemUTC())
                .create(new com.shopops.platform.core.ShopStore.NewShop("flagship", null, null, null, "Asia/Shanghai"));
        FunnelStoreTest.eightWeeks(db, shop);
        LocalDate monday = LocalDate.of(2024, 3, 25);
        db.database().jdbi().useTransaction(h -> new CoreTableWriter(h, shop).traffic(List.of(
                new TrafficDay(0, monday, "all", 100, 300, 0.6, 50.0, 1, 100),
                new TrafficDay(0, monday.plusDays(1), "all", 300, 600, 0.8, 50.0, 1, 100))));
        FunnelRoutes routes = new FunnelRoutes(new FunnelStore(db.data()),
                new PluginSettings(db.database().jdbi(), "traffic", Clock.systemUTC()), english(), CLOCK);
        http = PluginRoutes.start(routes::register, shop, null);
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        db.close();
    }

    @Test
    void changingThresholdsNeedsTheEditPermission() {
        List<Route> puts = http.routes().stream().filter(r -> r.method().equals("PUT")).toList();
        assertFalse(puts.isEmpty());
        for (Route r : puts) {
            assertEquals(TrafficRoutes.EDIT, r.permission(), "changing thresholds needs the edit permission");
        }
    }

    private static Messages english() throws Exception {
        Properties p = new Properties();
        try (var in = FunnelRoutesTest.class.getResourceAsStream("/i18n/traffic/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return (locale, key, args) -> args.length == 0 ? p.getProperty(key, key) : MessageFormat.format(p.getProperty(key, key), args);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theFunnelAnswersAsDocumented() throws Exception {
        Answer a = http.get("/funnel?from=2024-03-25&to=2024-03-31");
        assertEquals(200, a.status(), a.body());
        JsonNode j = a.json();
        assertEquals(List.of("from", "to", "product", "visitors", "views", "favourites", "carts", "buys", "buyers", "rates",
                "stages", "leak", "days"), fields(j));
        assertEquals(List.of(4L, 7L, 0L, 1L, 0L, 0L), List.of(j.get("visitors").asLong(), j.get("views").asLong(),
                j.get("favourites").asLong(), j.get("carts").asLong(), j.get("buys").asLong(), j.get("buyers").asLong()));
        assertEquals(List.of("viewToIntent", "intentToBuy", "viewToBuy", "conversionRate"), fields(j.get("rates")));
        assertEquals(0.142857, j.get("rates").get("viewToIntent").asDouble());
        assertTrue(j.get("rates").get("intentToBuy").isDouble() && j.get("rates").get("intentToBuy").asDouble() == 0);
        assertEquals(List.of("stage", "entered", "passed", "rate", "benchmark", "index"), fields(j.get("stages").get(0)));
        assertEquals("intentToBuy", j.get("leak").asText(), "one cart and no buy");
        assertEquals(7, j.get("days").size());
        assertEquals(List.of("day", "visitors", "views", "favourites", "carts", "buys", "buyers", "rates", "leak"),
                fields(j.get("days").get(0)));
        assertTrue(j.get("days").get(6).get("leak").isNull(), "an empty day leaks nothing");
        assertTrue(j.get("days").get(6).get("rates").get("viewToIntent").isNull());

        JsonNode one = http.get("/funnel?from=2024-03-25&to=2024-03-31&product=P-A").json();
        assertEquals("P-A", one.get("product").asText());
        assertEquals(2, one.get("views").asLong());
    }

    @Test
    void productFunnelsHeatMapAndTopProducts() throws Exception {
        JsonNode funnels = http.get("/funnel/products?from=2024-03-25&to=2024-03-31&limit=2").json();
        assertEquals(List.of("from", "to", "products"), fields(funnels));
        assertEquals(2, funnels.get("products").size());
        assertEquals(List.of("product", "title", "visitors", "views", "favourites", "carts", "buys", "buyers", "rates", "leak"),
                fields(funnels.get("products").get(0)));
        assertEquals("P-C", funnels.get("products").get(0).get("product").asText());
        assertTrue(funnels.get("products").get(0).get("title").isNull(), "P-C is not in the product list");

        JsonNode map = http.get("/heatmap?from=2024-03-25&to=2024-03-31").json();
        assertEquals(List.of("from", "to", "timeZone", "currency", "days", "cells"), fields(map));
        assertEquals(168, map.get("cells").size());
        assertEquals(List.of("weekday", "hour", "sales", "orders", "visitors"), fields(map.get("cells").get(0)));
        JsonNode tuesday10 = map.get("cells").get(24 + 10);
        assertEquals(List.of(2, 10, 2000L, 1L, 1L), List.of(tuesday10.get("weekday").asInt(), tuesday10.get("hour").asInt(),
                tuesday10.get("sales").asLong(), tuesday10.get("orders").asLong(), tuesday10.get("visitors").asLong()));
        assertEquals("Asia/Shanghai", map.get("timeZone").asText());

        JsonNode products = http.get("/products?from=2024-03-25&to=2024-03-31&by=sales&limit=3").json();
        assertEquals(List.of("from", "to", "by", "currency", "products"), fields(products));
        JsonNode coat = products.get("products").get(0);
        assertEquals(List.of("product", "title", "views", "viewers", "sales", "units", "orders", "lifecycle"), fields(coat));
        assertEquals(List.of("stage", "listedOn", "firstSale", "recentUnits", "earlierUnits", "trend", "weeklyUnits"),
                fields(coat.get("lifecycle")));
        assertEquals("new", coat.get("lifecycle").get("stage").asText());
        assertEquals("2024-03-21", coat.get("lifecycle").get("listedOn").asText());
        assertEquals(8, coat.get("lifecycle").get("weeklyUnits").size());
        assertEquals("declining", products.get("products").get(2).get("lifecycle").get("stage").asText());
        assertEquals("traffic", http.get("/products?from=2024-03-25&to=2024-03-31").json().get("by").asText());
    }

    @Test
    void pageHealthWithAdviceWhenFailing() throws Exception {
        JsonNode j = http.get("/page-health?weekOf=2024-03-27").json();
        assertEquals(List.of("weekOf", "from", "to", "currency", "figures", "checks", "failing", "advice"), fields(j));
        assertEquals("2024-03-25", j.get("from").asText());
        assertEquals("2024-03-31", j.get("to").asText());
        assertEquals(List.of("sales", "orders", "shopAov", "heroProduct", "heroTitle", "heroSales", "heroOrders", "heroAov", "uv",
                "pv", "bounceRate"), fields(j.get("figures")));
        assertEquals(1538, j.get("figures").get("shopAov").asLong(), "6150 / 4 = 1537.5, rounded");
        assertEquals(2000, j.get("figures").get("heroAov").asLong());
        JsonNode aov = j.get("checks").get(0);
        assertEquals(List.of("check", "value", "pass", "good", "better", "verdict", "advice"), fields(aov));
        assertEquals("aovRatio", aov.get("check").asText());
        assertEquals(0.76875, aov.get("value").asDouble());
        assertEquals("fail", aov.get("verdict").asText());
        assertTrue(aov.get("advice").asText().startsWith("Orders hold the hero product"), aov.get("advice").asText());
        assertTrue(aov.get("good").isNull());
        assertEquals("lower", j.get("checks").get(1).get("better").asText());
        assertTrue(j.get("failing").asBoolean());
        assertTrue(j.get("advice").asText().startsWith("Fix the pages before buying more traffic"));

        JsonNode lastWeek = http.get("/page-health").json();
        assertEquals("2024-03-25", lastWeek.get("from").asText(), "without weekOf: last week, from the shop's today");

        JsonNode empty = http.get("/page-health?weekOf=2020-01-01").json();
        assertEquals(false, empty.get("failing").asBoolean());
        assertTrue(empty.get("advice").isNull());
        assertEquals("unknown", empty.get("checks").get(2).get("verdict").asText());
        assertTrue(empty.get("checks").get(2).get("advice").isNull());
    }

    @Test
    void thresholdsAreReadChangedAndValidated() throws Exception {
        JsonNode before = http.get("/page-health/thresholds").json();
        assertEquals(List.of("thresholds", "defaults"), fields(before));
        assertEquals(List.of("page-health.aov-ratio", "page-health.bounce-rate.pass", "page-health.bounce-rate.good",
                "page-health.pages-per-visit.pass", "page-health.pages-per-visit.good"), fields(before.get("thresholds")));

        Answer changed = http.put("/page-health/thresholds", "{\"page-health.aov-ratio\": 0.5}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals(0.5, changed.json().get("thresholds").get("page-health.aov-ratio").asDouble());
        assertEquals(1.3, changed.json().get("defaults").get("page-health.aov-ratio").asDouble());
        assertEquals("pass", http.get("/page-health?weekOf=2024-03-27").json().get("checks").get(0).get("verdict").asText(),
                "0.77 passes the shop's own 0.5");

        Answer contradicting = http.put("/page-health/thresholds", "{\"page-health.bounce-rate.good\": 0.9}");
        assertEquals(400, contradicting.status());
        assertTrue(contradicting.body().contains("cannot be above page-health.bounce-rate.pass"), contradicting.body());
        Answer unknown = http.put("/page-health/thresholds", "{\"bounce\": 0.5}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().startsWith("unknown threshold 'bounce'"), unknown.body());
        assertEquals(400, http.put("/page-health/thresholds", "").status());
        assertEquals(400, http.put("/page-health/thresholds", "[1, 2]").status());
        assertEquals(400, http.put("/page-health/thresholds", "{\"page-health.aov-ratio\": \"big\"}").status());

        Answer reset = http.put("/page-health/thresholds", "{\"page-health.aov-ratio\": null}");
        assertEquals(200, reset.status(), reset.body());
        assertEquals(before, reset.json());
    }

    @Test
    void badParametersAreA400NamingThem() throws Exception {
        assertBad("/funnel", "give the days as ?from=YYYY-MM-DD&to=YYYY-MM-DD");
        assertBad("/funnel?from=2024-03-25", "give the days as ?from=YYYY-MM-DD&to=YYYY-MM-DD");
        assertBad("/funnel?from=2024-3-25&to=2024-03-31", "from: a day as YYYY-MM-DD, not '2024-3-25'");
        assertBad("/heatmap?from=2024-03-31&to=2024-03-25", "to (2024-03-25) is before from (2024-03-31)");
        assertBad("/heatmap?from=2000-01-01&to=2024-03-25", "from–to: at most 3660 days");
        assertBad("/funnel/products?from=2024-03-25&to=2024-03-31&limit=0", "limit: a whole number from 1 to 500, not '0'");
        assertBad("/funnel/products?from=2024-03-25&to=2024-03-31&limit=ten", "limit: a whole number from 1 to 500, not 'ten'");
        assertBad("/products?from=2024-03-25&to=2024-03-31&by=price", "by: traffic or sales, not 'price'");
        assertBad("/page-health?weekOf=yesterday", "weekOf: a day as YYYY-MM-DD, not 'yesterday'");
        assertBad("/funnel?from=2024-03-25&to=2024-03-31&product=" + "x".repeat(101), "product: at most 100 characters");
    }

    private static void assertBad(String path, String message) throws Exception {
        Answer a = http.get(path);
        assertEquals(400, a.status(), path);
        assertEquals(message, a.body(), path);
    }

    @Test
    void nullRatesStayInTheJson() throws Exception {
        JsonNode j = http.get("/funnel?from=2020-01-01&to=2020-01-01").json();
        assertTrue(j.get("rates").get("conversionRate").isNull());
        assertTrue(j.get("stages").get(0).get("rate").isNull());
        assertNull(j.get("leak").textValue());
    }
}
