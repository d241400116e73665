package com.shopops.plugins.listings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.api.CurrentUser;
import com.shopops.platform.testing.PluginRoutes;
import com.shopops.platform.testing.PluginRoutes.Answer;
import com.shopops.platform.testing.PluginRoutes.Route;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The routes' JSON, CSV and 400s over real HTTP on SQLite and PostgreSQL, on {@link SmallShop}: the plugin's
 * handlers mounted on a bare Javalin with the real store, settings and core data, the shop resolved as the host
 * would (the host's dispatch, sign-in and permission checks are tested in the platform). Today is the day after
 * {@link SmallShop#DAY}, so the routes' default day is DAY.
 */
class ListingsRoutesTest {

    static final Instant NOW = SmallShop.DAY.plusDays(1).atTime(2, 0).toInstant(ZoneOffset.UTC);
    private static final CurrentUser LI = new CurrentUser(1, "li", Set.of(), Set.of());

    @TempDir
    Path dir;

    static final class Harness implements AutoCloseable {
        final Fresh db;
        final SmallShop s;
        final PluginRoutes http;

        Harness(Kind kind, Path dir) throws Exception {
            this(kind, dir, NOW);
        }

        /** With the routes' clock at {@code now}: "yesterday" is the day before it in the shop's time zone. */
        Harness(Kind kind, Path dir, Instant now) throws Exception {
            db = TestDatabases.migrated(kind, dir, "listings");
            s = new SmallShop(db, "flagship");
            ListingsRoutes routes = new ListingsRoutes(s.store, s.figures, s.settings, Clock.fixed(now, ZoneOffset.UTC), s.messages);
            http = PluginRoutes.start(routes::register, s.shop, LI);
            for (Route r : http.routes()) {
                if (r.method().equals("GET")) {
                    assertEquals(ListingsPlugin.VIEW, r.permission(), "reads need the view permission: " + r.path());
                } else {
                    assertEquals(ListingsPlugin.EDIT, r.permission(), "changes need the edit permission: " + r.path());
                }
            }
        }

        @Override
        public void close() throws Exception {
            http.close();
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void topProductsWithTheirReviewsAndSuspects(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            JsonNode top = h.http.get("/top").json();
            assertEquals(List.of("2026-11-22", "2026-11-16", "views"), List.of(top.get("day").asText(), top.get("from").asText(),
                    top.get("basis").asText()));
            JsonNode p1 = top.get("products").get(0);
            assertEquals("{\"rank\":1,\"sku\":\"P-1\",\"title\":\"" + SmallShop.P1 + "\",\"views\":5,\"sales\":17700,\"negative\":1,\"neutral\":0,"
                    + "\"suspects\":1}", p1.toString());
            assertEquals(2, top.get("products").size());
            assertEquals(List.of("negative", "neutral"), List.of(top.get("reviews").get(0).get("tone").asText(),
                    top.get("reviews").get(1).get("tone").asText()));
            assertEquals("把手断了", top.get("reviews").get(0).get("text").asText());
            assertTrue(h.http.get("/top?format=csv").text().startsWith("rank,sku,title,views,sales,negative,neutral,suspects\n1,P-1,"));
            assertEquals(400, h.http.get("/top?day=2026-13-01").status());

            JsonNode reviews = h.http.get("/reviews?from=2026-11-21&to=2026-11-22").json();
            // the 2★ of the day before counts in this range
            assertEquals(3, reviews.get("reviews").size());
            assertTrue(h.http.get("/reviews?format=csv").text().startsWith("id,day,sku,title,rank,rating,tone,text\n"));
            assertEquals(400, h.http.get("/reviews?from=2026-11-23&to=2026-11-22").status());
            assertEquals(200, h.http.get("/reviews?from=2026-08-23&to=2026-11-22").status(), "92 days");
            assertEquals(400, h.http.get("/reviews?from=2026-08-22&to=2026-11-22").status(), "93 days");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void suspectsAreListedAndMarked(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            JsonNode all = h.http.get("/suspects").json();
            // L1 (0.857, open), L3 (0.615, dismissed), L4 (1.0, seen 10 days before: within the list's 30 days)
            assertEquals(List.of("L4", "L1", "L3"), ids(all));
            JsonNode l1 = all.get("suspects").get(1);
            assertEquals(List.of("Copy Shop", "5900", "P-1", "0.8571", "false", "open"), List.of(l1.get("shopName").asText(),
                    l1.get("price").asText(), l1.get("sku").asText(), l1.get("similarity").asText(), l1.get("sameImage").asText(),
                    l1.get("status").asText()));
            assertEquals(List.of("L4", "L1"), ids(h.http.get("/suspects?status=open").json()));
            assertEquals(400, h.http.get("/suspects?status=maybe").status());

            Answer marked = h.http.post("/suspects/L1/status", "{\"status\":\"reported\",\"note\":\"投诉编号 42\"}");
            assertEquals(200, marked.status(), marked.body());
            assertEquals(List.of("reported", "投诉编号 42", "li", NOW.toString()), List.of(marked.json().get("status").asText(),
                    marked.json().get("note").asText(), marked.json().get("changedBy").asText(), marked.json().get("changedAt").asText()));
            assertEquals(List.of("L4"), ids(h.http.get("/suspects?status=open").json()));
            assertEquals(0, h.http.get("/top").json().get("products").get(0).get("suspects").asInt(), "a reported suspect is no longer open");
            assertEquals("open", h.http.post("/suspects/L1/status", "{\"status\":\"open\"}").json().get("status").asText());

            assertEquals(404, h.http.post("/suspects/L2/status", "{\"status\":\"reported\"}").status(), "L2 is no suspect");
            assertEquals(400, h.http.post("/suspects/L1/status", "{\"status\":\"gone\"}").status());
            assertEquals(400, h.http.post("/suspects/L1/status", "[1]").status());
            assertEquals(400, h.http.post("/suspects/L1/status", "{\"status\":\"reported\",\"note\":5}").status());
            String csv = h.http.get("/suspects?format=csv").text();
            assertTrue(csv.startsWith(String.join(",", ListingsRoutes.SUSPECT_COLUMNS) + "\nL4,Old Copy,"), csv);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSuspectIsMarkedForTheDayThePageShows(Kind kind) throws Exception {
        // A month after the shop's data ends: yesterday has no top products, so no suspects either.
        try (Harness h = new Harness(kind, dir, NOW.plus(Duration.ofDays(30)))) {
            assertEquals(404, h.http.post("/suspects/L1/status", "{\"status\":\"reported\"}").status(), "nothing to copy yesterday");
            Answer marked = h.http.post("/suspects/L1/status?day=" + SmallShop.DAY, "{\"status\":\"reported\"}");
            assertEquals(200, marked.status(), marked.body());
            assertEquals("reported", marked.json().get("status").asText());
            assertEquals(List.of("L1"), ids(h.http.get("/suspects?status=reported&day=" + SmallShop.DAY).json()));
            assertEquals(400, h.http.post("/suspects/L1/status?day=2026-02-30", "{\"status\":\"open\"}").status());
        }
    }

    private static List<String> ids(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("suspects").forEach(s -> out.add(s.get("listingId").asText()));
        return out;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void checksAndSettings(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            JsonNode checks = h.http.get("/checks?lang=zh").json();
            assertEquals("[{\"check\":\"banned-word\",\"products\":1},{\"check\":\"title-length\",\"products\":0},"
                    + "{\"check\":\"keyword-order\",\"products\":0},{\"check\":\"attributes\",\"products\":1},"
                    + "{\"check\":\"price-ladder\",\"products\":0},{\"check\":\"low-stock\",\"products\":1}]", checks.get("counts").toString());
            assertEquals(6, checks.get("products").size(), "the six listed products, not the delisted one");
            JsonNode p3 = checks.get("products").get(0);
            assertEquals("P-2", p3.get("sku").asText(), "failing first, then by SKU");
            assertEquals("库存 30，低于预警值 50", p3.get("failures").get(0).get("message").asText());
            assertEquals(List.of("P-3"), skus(h.http.get("/checks?check=banned-word").json()));
            assertEquals(400, h.http.get("/checks?check=nonsense").status());
            assertTrue(h.http.get("/checks?format=csv").text().startsWith("sku,title,stock,inSheet,passed,failed,messages\nP-2,"));

            JsonNode rules = h.http.get("/settings").json();
            assertEquals(List.of(2, 5), List.of(rules.get("topCount").asInt(), rules.get("defaults").get("topCount").asInt()));
            Answer saved = h.http.put("/settings", "{\"stockWarning\":20,\"bannedWords\":[\"煎锅\"]}");
            assertEquals(200, saved.status(), saved.body());
            assertEquals(List.of("P-3", "P-4"), skus(h.http.get("/checks").json()).subList(0, 2), "P-2's 30 is no longer low; 煎锅 is banned");
            Answer bad = h.http.put("/settings", "{\"similarity\":2,\"stockWarning\":1}");
            assertEquals(400, bad.status());
            assertTrue(bad.body().contains("similarity"), bad.body());
            assertEquals(20, h.http.get("/settings").json().get("stockWarning").asInt(), "a bad value changes nothing");
            assertEquals(400, h.http.put("/settings", "{\"colour\":1}").status());
            // what GET answers can be sent back as it is
            String read = h.http.get("/settings").body();
            assertEquals(200, h.http.put("/settings", read).status());
            assertEquals(400, h.http.put("/settings", "{\"bannedWords\":[1]}").status());
            assertEquals(400, h.http.put("/settings", "{\"topCount\":1e12}").status());
        }
    }

    private static List<String> skus(JsonNode checks) {
        List<String> out = new ArrayList<>();
        checks.get("products").forEach(p -> out.add(p.get("sku").asText()));
        return out;
    }
}
