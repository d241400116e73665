package com.shopops.plugins.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.api.CurrentUser;
import com.shopops.api.Shop;
import com.shopops.api.domain.Product;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import com.shopops.plugins.activities.analysis.EntryRules;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.PluginRoutes;
import com.shopops.platform.testing.PluginRoutes.Answer;
import com.shopops.platform.testing.PluginRoutes.Route;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The routes' JSON, 400s and 409s over real HTTP on SQLite and PostgreSQL: the plugin's handlers mounted
 * on a bare Javalin with the real store, settings table and core products; the shop is resolved here as
 * the host would (the host's dispatch, sign-in and permission checks are tested in the platform).
 */
class ActivitiesRoutesTest {

    static final Instant NOW = Instant.parse("2024-04-10T02:00:00Z");
    private static final CurrentUser LI = new CurrentUser(1, "li", Set.of(), Set.of());

    @TempDir
    Path dir;

    /** A database with a shop and three products, and the routes served over HTTP by {@link PluginRoutes}. */
    static final class Harness implements AutoCloseable {
        final Fresh db;
        final Shop shop;
        final PluginRoutes http;

        Harness(Kind kind, Path dir) throws Exception {
            db = TestDatabases.migrated(kind, dir, "activities");
            shop = new ShopStore(db.database().jdbi(), Clock.systemUTC())
                    .create(new ShopStore.NewShop("flagship", null, null, "CNY", "Asia/Shanghai"));
            db.database().jdbi().useTransaction(h -> new CoreTableWriter(h, shop).products(List.of(
                    new Product(0, 0, "HK-001", "硅胶厨具套装", "厨具", 8_900L, null, 500, Product.Status.LISTED, LocalDate.of(2023, 1, 1)),
                    new Product(0, 0, "HK-002", "麦饭石炒锅", "锅具", 25_900L, null, 80, Product.Status.LISTED, LocalDate.of(2023, 1, 1)),
                    new Product(0, 0, "HK-003", "不锈钢汤锅", "锅具", 19_900L, null, 30, Product.Status.LISTED, LocalDate.of(2023, 1, 1)))));
            ActivitiesRoutes routes = new ActivitiesRoutes(new CampaignStore(db.database().jdbi()), db.data(),
                    new PluginSettings(db.database().jdbi(), "activities", Clock.systemUTC()), Clock.fixed(NOW, ZoneOffset.UTC),
                    new BundleMessages("activities", ActivitiesRoutesTest.class.getClassLoader()));
            http = PluginRoutes.start(routes::register, shop, LI);
            for (Route r : http.routes()) {
                if (r.method().equals("GET")) {
                    assertEquals(ActivitiesPlugin.VIEW, r.permission(), "reads need the view permission: " + r.path());
                } else {
                    assertEquals(ActivitiesPlugin.EDIT, r.permission(), "changes need the edit permission: " + r.path());
                }
            }
        }

        @Override
        public void close() throws Exception {
            http.close();
            db.close();
        }
    }

    static final String JUHUASUAN = """
            {"name":"聚划算 五一","kind":"platform","channel":"聚划算","registrationDeadline":"2024-04-20","reviewOn":"2024-04-25",
             "liveFrom":"2024-05-01","liveTo":"2024-05-03","goalGmv":1000000,"goalUnits":300,
             "products":[{"sku":"HK-002","allocated":100,"price":19900},{"sku":"HK-001","allocated":200}]}""";

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void campaignsAreCreatedReadChangedAndListedAsDocumented(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            Answer created = h.http.post("/campaigns", JUHUASUAN);
            assertEquals(201, created.status(), created.body());
            JsonNode c = created.json();
            assertEquals(List.of("id", "name", "kind", "channel", "registrationDeadline", "reviewOn", "liveFrom", "liveTo", "goalGmv",
                    "goalUnits", "status", "next", "sourceTag", "products", "notes", "createdBy", "createdAt", "updatedBy", "updatedAt"),
                    fields(c));
            long id = c.get("id").asLong();
            assertEquals(List.of("planned", "platform", "2024-04-20", "li", NOW.toString()), List.of(c.get("status").asText(),
                    c.get("kind").asText(), c.get("registrationDeadline").asText(), c.get("createdBy").asText(),
                    c.get("createdAt").asText()));
            assertEquals("[\"registered\"]", c.get("next").toString());
            assertEquals(List.of("sku", "title", "allocated", "price"), fields(c.get("products").get(0)));
            assertEquals("HK-001", c.get("products").get(0).get("sku").asText(), "products by SKU");
            assertEquals("硅胶厨具套装", c.get("products").get(0).get("title").asText());
            assertTrue(c.get("products").get(0).get("price").isNull(), "keeps its price");
            assertEquals(19_900, c.get("products").get(1).get("price").asLong());
            assertEquals(c, h.http.get("/campaigns/" + id).json());

            String own = """
                    {"name":"新品首发","kind":"own","channel":"自营","liveFrom":"2024-04-12","liveTo":"2024-04-14",
                     "products":[{"sku":"HK-003","allocated":30,"price":16900}]}""";
            long ownId = h.http.post("/campaigns", own).json().get("id").asLong();
            JsonNode all = h.http.get("/campaigns").json();
            assertEquals(List.of("shop", "currency", "campaigns"), fields(all));
            assertEquals(List.of(ownId, id), List.of(all.get("campaigns").get(0).get("id").asLong(),
                    all.get("campaigns").get(1).get("id").asLong()), "by first live day");
            assertEquals(1, h.http.get("/campaigns?from=2024-05-01&to=2024-05-31").json().get("campaigns").size());
            assertEquals(1, h.http.get("/campaigns?channel=" + URLEncoder.encode("自营", StandardCharsets.UTF_8)).json().get("campaigns").size());
            assertEquals(2, h.http.get("/campaigns?status=planned").json().get("campaigns").size());
            assertEquals(0, h.http.get("/campaigns?status=live").json().get("campaigns").size());

            Answer csv = h.http.get("/campaigns?format=csv");
            assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
            String[] lines = csv.text().split("\n");
            assertEquals(String.join(",", ActivitiesRoutes.CSV_COLUMNS), lines[0]);
            assertTrue(lines[2].startsWith(id + ",聚划算 五一,platform,聚划算,planned,2024-04-20,2024-04-25,2024-05-01,2024-05-03,1000000,300,"
                    + "HK-001 HK-002,300,"), lines[2]);

            String changed = JUHUASUAN.replace("\"liveTo\":\"2024-05-03\"", "\"liveTo\":\"2024-05-05\"")
                    .replace("{\"sku\":\"HK-001\",\"allocated\":200}", "{\"sku\":\"HK-003\",\"allocated\":20}");
            // what was read may be sent back: the read-only fields are ignored
            Answer put = h.http.put("/campaigns/" + id, changed.replace("{\"name\"", "{\"id\":99,\"status\":\"live\",\"name\""));
            assertEquals(200, put.status(), put.body());
            assertEquals(List.of("2024-05-05", "planned", "HK-002", "HK-003"), List.of(put.json().get("liveTo").asText(),
                    put.json().get("status").asText(), put.json().get("products").get(0).get("sku").asText(),
                    put.json().get("products").get(1).get("sku").asText()));
            assertEquals(404, h.http.put("/campaigns/9999", changed).status());
            assertEquals(404, h.http.get("/campaigns/9999").status());
            assertEquals(404, h.http.get("/campaigns/abc").status());
            Answer duplicate = h.http.post("/campaigns", JUHUASUAN);
            assertEquals(409, duplicate.status(), duplicate.body());
            assertTrue(duplicate.body().contains("campaign " + id), duplicate.body());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badBodiesAre400sNamingTheField(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            String[][] cases = {
                    {JUHUASUAN.replace("\"name\":\"聚划算 五一\",", ""), "name is required"},
                    {JUHUASUAN.replace("\"kind\":\"platform\"", "\"kind\":\"partner\""), "kind: platform or own, not 'partner'"},
                    {JUHUASUAN.replace("\"channel\":\"聚划算\"", "\"channel\":\" \""), "channel is required"},
                    {JUHUASUAN.replace("\"registrationDeadline\":\"2024-04-20\"", "\"registrationDeadline\":\"2024-05-02\""),
                            "registrationDeadline 2024-05-02 is after liveFrom 2024-05-01"},
                    {JUHUASUAN.replace("\"reviewOn\":\"2024-04-25\"", "\"reviewOn\":\"2024-05-02\""),
                            "reviewOn 2024-05-02 is after liveFrom 2024-05-01"},
                    {JUHUASUAN.replace("\"liveTo\":\"2024-05-03\"", "\"liveTo\":\"2024-04-30\""),
                            "liveTo 2024-04-30 is before liveFrom 2024-05-01"},
                    {JUHUASUAN.replace("\"liveFrom\":\"2024-05-01\"", "\"liveFrom\":\"1 May\""), "liveFrom: a day as YYYY-MM-DD, not '1 May'"},
                    {JUHUASUAN.replace("\"liveFrom\":\"2024-05-01\",", ""), "liveFrom is required"},
                    {JUHUASUAN.replace("\"goalGmv\":1000000", "\"goalGmv\":10000.5"), "goalGmv (minor units): a whole number"},
                    {JUHUASUAN.replace("\"goalUnits\":300", "\"goalUnits\":-3"), "goalUnits: -3 is negative"},
                    {JUHUASUAN.replace("\"HK-001\"", "\"HK-999\""), "products[1].sku: the shop has no product HK-999"},
                    {JUHUASUAN.replace("\"HK-001\"", "\"HK-002\""), "products[1].sku HK-002 is listed twice"},
                    {JUHUASUAN.replace("\"allocated\":200", "\"allocated\":-1"), "products[1].allocated: -1 is negative"},
                    {JUHUASUAN.replace(",\"allocated\":200", ""), "products[1].allocated is required"},
                    {JUHUASUAN.replace("\"goalUnits\":300", "\"goalUnits\":300,\"colour\":\"red\""), "unknown field 'colour'"},
            };
            for (String[] c : cases) {
                Answer a = h.http.post("/campaigns", c[0]);
                assertEquals(400, a.status(), c[1] + ": " + a.body());
                assertTrue(a.body().contains(c[1]), "should say '" + c[1] + "': " + a.body());
            }
            assertEquals(0, h.http.get("/campaigns").json().get("campaigns").size(), "nothing was stored");
            assertEquals(400, h.http.get("/campaigns?from=2024-05-01").status());
            assertEquals(400, h.http.get("/campaigns?from=2024-05-09&to=2024-05-01").status());
            assertEquals(400, h.http.get("/campaigns?status=sleeping").status());
            assertEquals(400, h.http.get("/campaigns?format=xml").status());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void statusMovesAreCheckedAndKeptWithWhoAndWhen(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            long id = h.http.post("/campaigns", JUHUASUAN).json().get("id").asLong();
            Answer illegal = h.http.post("/campaigns/" + id + "/status", "{\"to\":\"live\"}");
            assertEquals(409, illegal.status());
            assertEquals("a platform campaign cannot go from planned to live; from planned it can go to registered", illegal.body());
            Answer moved = h.http.post("/campaigns/" + id + "/status", "{\"to\":\"registered\",\"note\":\"报名已提交\"}");
            assertEquals(200, moved.status(), moved.body());
            assertEquals("registered", moved.json().get("status").asText());
            assertEquals("[\"approved\",\"rejected\"]", moved.json().get("next").toString());
            assertEquals(400, h.http.post("/campaigns/" + id + "/status", "{\"to\":\"asleep\"}").status());
            assertEquals(400, h.http.post("/campaigns/" + id + "/status", "{\"note\":\"x\"}").status());
            assertEquals(404, h.http.post("/campaigns/9999/status", "{\"to\":\"registered\"}").status());

            JsonNode history = h.http.get("/campaigns/" + id + "/history").json();
            assertEquals(List.of("campaign", "history"), fields(history));
            assertEquals(2, history.get("history").size(), "the creation and the one move; the refused move left nothing");
            JsonNode last = history.get("history").get(1);
            assertEquals(List.of("from", "to", "by", "at", "note"), fields(last));
            assertEquals(List.of("planned", "registered", "li", NOW.toString(), "报名已提交"), List.of(last.get("from").asText(),
                    last.get("to").asText(), last.get("by").asText(), last.get("at").asText(), last.get("note").asText()));
            assertTrue(history.get("history").get(0).get("from").isNull());

            Answer notes = h.http.put("/campaigns/" + id + "/review", "{\"notes\":\"流量好，转化一般\"}");
            assertEquals(200, notes.status(), notes.body());
            assertEquals("流量好，转化一般", h.http.get("/campaigns/" + id).json().get("notes").asText());
            assertEquals(400, h.http.put("/campaigns/" + id + "/review", "{}").status());
            assertEquals(400, h.http.put("/campaigns/" + id + "/review", "{\"notes\":42}").status());
            assertEquals(404, h.http.put("/campaigns/9999/review", "{\"notes\":\"x\"}").status());

            new CampaignStore(h.db.database().jdbi()).writeResults(h.shop.id(), List.of(
                    new CampaignResult("聚划算 五一", LocalDate.of(2024, 5, 1), 1000, 20_000, 1_000, 40, 796_000),
                    new CampaignResult("聚划算 五一", LocalDate.of(2024, 5, 2), 500, 0, 0, 10, 199_000)));
            JsonNode results = h.http.get("/campaigns/" + id + "/results").json();
            assertEquals(List.of("campaign", "name", "currency", "days", "totals"), fields(results));
            assertEquals(0.05, results.get("days").get(0).get("ctr").asDouble());
            assertTrue(results.get("days").get(1).get("ctr").isNull(), "no impressions reported");
            assertEquals(List.of(1500L, 50L, 995_000L), List.of(results.get("totals").get("uv").asLong(),
                    results.get("totals").get("orders").asLong(), results.get("totals").get("gmv").asLong()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theCalendarAndTheEntryRules(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            long id = h.http.post("/campaigns", JUHUASUAN).json().get("id").asLong();
            JsonNode april = h.http.get("/calendar?month=2024-04").json();
            assertEquals(List.of("month", "from", "to", "campaigns", "events", "weeks"), fields(april));
            assertEquals(List.of("2024-04", "2024-04-01", "2024-04-30"), List.of(april.get("month").asText(),
                    april.get("from").asText(), april.get("to").asText()));
            assertEquals(1, april.get("campaigns").size(), "its deadline and review are in April");
            assertEquals(List.of("2024-04-20 registrationDeadline", "2024-04-25 reviewOn"), events(april));
            assertEquals(id, april.get("events").get(0).get("campaign").asLong());
            assertEquals(List.of("2024-05-01 liveFrom", "2024-05-03 liveTo"), events(h.http.get("/calendar?month=2024-05").json()));
            assertEquals(0, h.http.get("/calendar?month=2024-06").json().get("campaigns").size());
            assertEquals("2024-04", h.http.get("/calendar").json().get("month").asText(), "this month in the shop's time zone");
            assertEquals(400, h.http.get("/calendar?month=April").status());

            String channel = "/rules/" + URLEncoder.encode("聚划算", StandardCharsets.UTF_8).replace("+", "%20");
            JsonNode rules = h.http.get(channel).json();
            assertEquals(List.of("channel", "rules", "defaults", "custom"), fields(rules));
            assertEquals(List.of("lowestPriceDays", "minSales", "stockCoversAllocation", "minRating"), fields(rules.get("rules")));
            assertEquals(100, rules.get("rules").get("minSales").asLong(), "聚划算's default");
            assertEquals(false, rules.get("custom").asBoolean());

            Answer bad = h.http.put(channel, "{\"minSales\":20,\"minRating\":9}");
            assertEquals(400, bad.status());
            assertTrue(bad.body().contains("minRating"), bad.body());
            assertEquals(rules, h.http.get(channel).json(), "a bad value changes nothing");
            assertEquals(400, h.http.put(channel, "{\"colour\":1}").status());

            JsonNode put = h.http.put(channel, "{\"minSales\":20,\"minRating\":null}").json();
            assertEquals(20, put.get("rules").get("minSales").asLong());
            assertTrue(put.get("rules").get("minRating").isNull(), "not checked");
            assertEquals(30, put.get("rules").get("lowestPriceDays").asInt(), "kept");
            assertEquals(true, put.get("custom").asBoolean());
            assertEquals(put, h.http.get(channel).json());
            assertEquals(Set.of("rules.聚划算.min-sales", "rules.聚划算.min-rating", "rules.聚划算.lowest-price-days",
                            "rules.聚划算.stock-covers-allocation"),
                    new PluginSettings(h.db.database().jdbi(), "activities", Clock.systemUTC()).all(h.shop.id()).keySet());
            JsonNode listed = h.http.get("/rules").json().get("channels");
            assertTrue(listed.size() >= 5, listed.toString());

            JsonNode reset = h.http.delete(channel).json();
            assertEquals(rules, reset);
            JsonNode other = h.http.get("/rules/" + URLEncoder.encode("某团购网", StandardCharsets.UTF_8)).json();
            assertEquals(EntryRules.GENERIC.minSales().longValue(), other.get("rules").get("minSales").asLong(), "an unknown channel");
        }
    }

    private static List<String> events(JsonNode calendar) {
        List<String> out = new ArrayList<>();
        calendar.get("events").forEach(e -> out.add(e.get("day").asText() + " " + e.get("what").asText()));
        return out;
    }
}
