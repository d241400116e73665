package com.shopops.plugins.competitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.CurrentUser;
import com.shopops.api.Shop;
import com.shopops.api.domain.Product;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.PluginRoutes;
import com.shopops.platform.testing.PluginRoutes.Answer;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
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
 * The routes' JSON, CSV, 400s, 404s and 409s over real HTTP on SQLite and PostgreSQL: the plugin's handlers
 * on a bare Javalin ({@link PluginRoutes}) with the real store, settings table and core products.
 */
class CompetitorsRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate D = LocalDate.of(2026, 5, 31);

    @TempDir
    Path dir;

    private static JsonNode json(Answer a) throws Exception {
        assertTrue(a.status() < 300, a.status() + " " + a.body());
        return JSON.readTree(a.body());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A shop selling pots, and peer 甲 with two snapshots: R1 cut 99.00 → 79.00, B1 new on D. */
    private static PluginRoutes serve(Fresh f) {
        Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY",
                "Asia/Shanghai"));
        f.database().jdbi().useTransaction(h -> new CoreTableWriter(h, shop).products(List.of(new Product(0, 0, "HK-002", "麦饭石炒锅",
                "厨房用具/锅具", 25_900L, null, 100, Product.Status.LISTED, LocalDate.of(2025, 1, 1)))));
        PeerStore store = new PeerStore(f.database().jdbi());
        store.writeSnapshot(shop.id(), List.of(
                new SnapshotRow("甲", D.minusDays(1), "R1", "硅胶锅铲", 9_900, 100, 480, 50L, null, "厨房小工具"),
                new SnapshotRow("甲", D, "R1", "硅胶锅铲", 7_900, 120, 470, 58L, null, "厨房小工具"),
                new SnapshotRow("甲", D, "B1", "=饼干模具", 3_900, 5, null, null, D.minusDays(2), "烘焙工具")), Instant.EPOCH);
        CompetitorsRoutes routes = new CompetitorsRoutes(new CompetitorFigures(store, f.data(),
                new PluginSettings(f.database().jdbi(), "competitors", Clock.systemUTC())),
                Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneOffset.UTC));
        PluginRoutes http = PluginRoutes.start(routes::register, shop, new CurrentUser(1, "li", Set.of(), Set.of()));
        for (PluginRoutes.Route r : http.routes()) {
            // reads need the view permission, every change the edit permission
            assertEquals(r.method().equals("GET") ? CompetitorsPlugin.VIEW : CompetitorsPlugin.EDIT, r.permission(), r.toString());
        }
        return http;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void peersAreAddedRenamedAndRemovedAsDocumented(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "competitors"); PluginRoutes http = serve(f)) {
            JsonNode added = json(http.send("POST", "/peers", "{\"name\":\" 乙 \",\"tier\":\"ahead\"}"));
            assertEquals(List.of("id", "name", "tier"), fields(added));
            assertEquals(List.of("乙", "ahead"), List.of(added.get("name").asText(), added.get("tier").asText()));
            assertEquals(201, http.send("POST", "/peers", "{\"name\":\"丙\"}").status(), "level unless said");
            assertEquals(409, http.send("POST", "/peers", "{\"name\":\"乙\"}").status());
            assertEquals(400, http.send("POST", "/peers", "{\"name\":\"丁\",\"tier\":\"better\"}").status());
            assertEquals(400, http.send("POST", "/peers", "{\"tier\":\"level\"}").status());
            assertEquals(400, http.send("POST", "/peers", "[1]").status());

            long id = added.get("id").asLong();
            assertEquals("level", json(http.send("PUT", "/peers/" + id, "{\"tier\":\"level\"}")).get("tier").asText());
            assertEquals(409, http.send("PUT", "/peers/" + id, "{\"name\":\"甲\"}").status());
            assertEquals(404, http.send("PUT", "/peers/999999", "{\"name\":\"戊\"}").status());
            assertEquals("戊", json(http.send("PUT", "/peers/" + id, "{\"name\":\"戊\"}")).get("name").asText());

            JsonNode peers = json(http.get("/peers")).get("rows");
            assertEquals(List.of("甲", "戊", "丙"), List.of(peers.get(0).get("name").asText(), peers.get(1).get("name").asText(),
                    peers.get(2).get("name").asText()));
            assertEquals(List.of(2L, D.toString()), List.of(peers.get(0).get("products").asLong(), peers.get(0).get("lastDay").asText()));
            assertTrue(peers.get(1).get("lastDay").isNull());
            assertEquals("[\"乙\"]", peers.get(1).get("formerNames").toString(), "renamed from 乙, by which imports still find it");
            assertEquals("[]", peers.get(0).get("formerNames").toString());

            Answer csv = http.get("/peers?format=csv");
            assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
            assertTrue(csv.body().contains("id,name,tier,products,lastDay"), csv.body());
            assertEquals(400, http.get("/peers?format=xml").status());

            assertEquals(204, http.send("DELETE", "/peers/" + id, null).status());
            assertEquals(404, http.send("DELETE", "/peers/" + id, null).status());
            assertEquals(404, http.send("DELETE", "/peers/x", null).status());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void changesSummarySignalsAndChartDataAsJsonAndCsv(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "competitors"); PluginRoutes http = serve(f)) {
            JsonNode day = json(http.get("/changes?from=" + D + "&to=" + D));
            assertEquals(List.of("from", "to", "prices", "newListings", "delisted", "sales", "reviews"), fields(day));
            JsonNode cut = day.get("prices").get(0);
            assertEquals(List.of("甲", "R1", "9900", "7900"), List.of(cut.get("peer").asText(), cut.get("productId").asText(),
                    cut.get("oldPrice").asText(), cut.get("newPrice").asText()));
            assertEquals(-2_000 / 9_900.0, cut.get("change").asDouble(), 1e-12);
            assertEquals("B1", day.get("newListings").get(0).get("productId").asText());
            assertEquals(20, day.get("sales").get(0).get("delta").asLong());
            assertEquals(8, day.get("reviews").get(0).get("newReviews").asLong());
            assertEquals(-0.1, day.get("reviews").get(0).get("ratingDelta").asDouble(), 1e-12);

            // by default the 30 days up to the last snapshot
            JsonNode period = json(http.get("/changes"));
            assertEquals(List.of(D.minusDays(29).toString(), D.toString()), List.of(period.get("from").asText(), period.get("to").asText()));
            assertEquals(1, period.get("prices").size());

            Answer csv = http.get("/changes?format=csv&table=newListings");
            assertTrue(csv.body().contains("'=饼干模具"), "a formula is kept as text: " + csv.body());
            assertEquals(400, http.get("/changes?format=csv").status(), "CSV of one table");
            // each table's CSV has the JSON rows' columns, an empty one too
            for (String table : List.of("prices", "newListings", "delisted", "sales", "reviews")) {
                String header = http.get("/changes?format=csv&table=" + table + "&from=" + D + "&to=" + D).body().lines().findFirst()
                        .orElseThrow().replace("\uFEFF", "");
                assertEquals(table.equals("delisted") ? "peerId,peer,productId,title,category,day,price,monthlySales,rating,reviews,listedOn"
                        : String.join(",", fields(day.get(table).get(0))), header, table);
            }
            assertEquals(400, http.get("/changes?from=" + D + "&to=" + D.minusDays(1)).status());
            assertEquals(400, http.get("/changes?from=2026-02-30").status());
            assertEquals(400, http.get("/changes?from=2020-01-01&to=2026-01-01").status(), "at most a year");

            JsonNode summary = json(http.get("/summary")).get("rows").get(0);
            assertEquals(List.of(2, 1, 1, 100, 125), List.of(summary.get("snapshots").asInt(), summary.get("newListings").asInt(),
                    summary.get("priceCuts").asInt(), summary.get("salesBefore").asInt(), summary.get("salesAfter").asInt()));
            assertTrue(http.get("/summary?format=csv").body().contains("peerId,peer,tier,baseline,last"));

            JsonNode signals = json(http.get("/signals"));
            assertEquals(D.toString(), signals.get("day").asText());
            assertEquals(30, signals.get("rules").get("minSales").asInt());
            assertEquals(0, signals.get("rows").size(), "one new listing is no range");

            JsonNode sales = json(http.get("/sales")).get("series").get(0);
            assertEquals("甲", sales.get("name").asText());
            assertEquals(List.of(100L, 125L), List.of(sales.get("points").get(0).get("monthlySales").asLong(),
                    sales.get("points").get(1).get("monthlySales").asLong()));
            assertTrue(http.get("/sales?format=csv").body().contains("peerId,peer,day,products,monthlySales"));

            long peer = sales.get("peerId").asLong();
            JsonNode history = json(http.get("/history?peer=" + peer + "&product=R1"));
            assertEquals("硅胶锅铲", history.get("title").asText());
            assertEquals(List.of(9_900L, 7_900L), List.of(history.get("rows").get(0).get("price").asLong(),
                    history.get("rows").get(1).get("price").asLong()));
            assertEquals(400, http.get("/history?product=R1").status());
            assertEquals(400, http.get("/history?peer=" + peer).status());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void settingsAreReadAndChangedWithBadValuesRefused(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "competitors"); PluginRoutes http = serve(f)) {
            JsonNode s = json(http.get("/settings"));
            assertEquals(List.of("minSales", "withinDays", "minPeers", "lookbackDays", "rivalSimilarity", "minCut", "salesJump"), fields(s));
            assertEquals(List.of(30, 21, 2, 60), List.of(s.get("minSales").asInt(), s.get("withinDays").asInt(), s.get("minPeers").asInt(),
                    s.get("lookbackDays").asInt()));
            JsonNode changed = json(http.send("PUT", "/settings", "{\"minPeers\":1,\"rivalSimilarity\":0.5}"));
            assertEquals(List.of(1, 0.5, 30), List.of(changed.get("minPeers").asInt(), changed.get("rivalSimilarity").asDouble(),
                    changed.get("minSales").asInt()));
            assertEquals(1, json(http.get("/settings")).get("minPeers").asInt());
            assertEquals(400, http.send("PUT", "/settings", "{\"minPeers\":0}").status());
            assertEquals(400, http.send("PUT", "/settings", "{\"minCut\":\"lots\"}").status());
            assertEquals(400, http.send("PUT", "/settings", "{\"withinDays\":1.5}").status());
        }
    }
}
