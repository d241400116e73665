package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activities plugin end to end on the demo shop over real HTTP: the demo's five campaigns with their
 * statuses, the calendar, a campaign's reported results (checked against plain SQL on the database
 * file), a campaign planned, refused an illegal move, moved along and reviewed with who and when kept
 * and audited, entry rules as settings, and both import formats through the host's import page.
 */
class ActivitiesIT {

    private static final String TO = Distribution.DEMO_LAST_DAY;

    @TempDir
    static Path work;
    static Distribution.Server server;

    @BeforeAll
    static void start() throws Exception {
        server = Distribution.Server.demo(work);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String activities(String rest) {
        return Distribution.Server.plugin("demo", "activities", rest);
    }

    private static JsonNode campaign(String name) throws Exception {
        for (JsonNode c : server.get(activities("/campaigns")).json().get("campaigns")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no campaign " + name);
    }

    @Test
    void theDemoShopsCampaignsCalendarAndResults() throws Exception {
        JsonNode all = server.get(activities("/campaigns")).json();
        assertEquals("CNY", all.get("currency").asText());
        Map<String, String> statuses = new HashMap<>();
        all.get("campaigns").forEach(c -> statuses.put(c.get("name").asText(), c.get("status").asText()));
        assertEquals("live", statuses.get("淘抢购·硅胶厨具限时抢"));
        assertEquals("ended", statuses.get("天天特价·锅具专场"));
        assertEquals("planned", statuses.get("聚划算·冬季囤货节"));
        assertEquals("reviewed", statuses.get("淘金币·收纳整理周"));
        assertTrue(statuses.keySet().stream().anyMatch(n -> n.startsWith("新品首发")), statuses.toString());
        JsonNode live = campaign("淘抢购·硅胶厨具限时抢");
        assertEquals("硅胶厨具套装 耐高温不伤锅 锅铲汤勺漏勺 12件套", live.get("products").get(0).get("title").asText());
        assertEquals(1, server.get(activities("/campaigns?status=live")).json().get("campaigns").size());

        var csv = server.get(activities("/campaigns?format=csv"));
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().startsWith("\uFEFFid,name,kind,channel,status"), csv.body());

        JsonNode november = server.get(activities("/calendar?month=2026-11")).json();
        boolean deadline = false;
        for (JsonNode e : november.get("events")) {
            deadline |= e.get("day").asText().equals("2026-11-25") && e.get("what").asText().equals("registrationDeadline")
                    && e.get("name").asText().equals("聚划算·冬季囤货节");
        }
        assertTrue(deadline, "the deadline two days after today: " + november.get("events"));

        JsonNode results = server.get(activities("/campaigns/" + live.get("id").asLong() + "/results")).json();
        assertEquals(3, results.get("days").size(), "live since two days before yesterday");
        Path db = work.resolve("data/shopops.db");
        assertEquals(PlainSql.value(db, "SELECT SUM(gmv) FROM activities_results WHERE campaign = '淘抢购·硅胶厨具限时抢'"),
                results.get("totals").get("gmv").asText());
        JsonNode history = server.get(activities("/campaigns/" + live.get("id").asLong() + "/history")).json().get("history");
        assertEquals("planned,registered,approved,live", String.join(",", java.util.stream.StreamSupport.stream(history.spliterator(), false)
                .map(h -> h.get("to").asText()).toList()));
        assertEquals(400, server.get(activities("/calendar?month=11/2026")).status());
        assertEquals(404, server.get(activities("/campaigns/999999")).status());
    }

    @Test
    void progressRemindersAndTheBriefingOnTheDemoShop() throws Exception {
        JsonNode live = campaign("淘抢购·硅胶厨具限时抢");
        long id = live.get("id").asLong();
        JsonNode p = server.get(activities("/campaigns/" + id + "/progress?asOf=" + TO)).json();
        assertEquals(TO, p.get("asOf").asText());
        assertEquals(3, p.get("daysElapsed").asInt(), "live since two days before yesterday");
        Path db = work.resolve("data/shopops.db");
        String units = PlainSql.value(db, "SELECT SUM(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id"
                + " JOIN shops s ON s.id = o.shop_id WHERE s.code = 'demo' AND lower(o.status) <> 'cancelled'"
                + " AND o.day BETWEEN '" + live.get("liveFrom").asText() + "' AND '" + TO + "'"
                + " AND l.sku IN (SELECT sku FROM activities_campaign_products WHERE campaign_id = " + id + ")");
        String allocated = PlainSql.value(db, "SELECT SUM(allocated) FROM activities_campaign_products WHERE campaign_id = " + id);
        assertEquals(units, p.get("units").asText(), "units sold of the campaign's products on its live days");
        assertEquals(Double.parseDouble(units) / Double.parseDouble(allocated), p.get("sellThrough").asDouble(), 1e-12);
        assertTrue(p.get("ctr").isNumber(), "reach from the imported results");

        JsonNode reminders = server.get(activities("/reminders?day=2026-11-23")).json().get("reminders");
        boolean deadline = false;
        boolean notReviewed = false;
        for (JsonNode r : reminders) {
            deadline |= r.get("kind").asText().equals("registration-deadline") && r.get("days").asInt() == 2
                    && r.get("campaignName").asText().equals("聚划算·冬季囤货节");
            notReviewed |= r.get("kind").asText().equals("not-reviewed") && r.get("campaignName").asText().equals("天天特价·锅具专场");
        }
        assertTrue(deadline && notReviewed, reminders.toString());

        JsonNode briefing = server.get("/api/shops/demo/briefing?date=" + TO).json();
        List<JsonNode> mine = new java.util.ArrayList<>();
        briefing.get("findings").forEach(f -> {
            if (f.get("plugin").asText().equals("activities")) {
                mine.add(f);
            }
        });
        assertEquals(reminders.size(), mine.size(), briefing.toString());
        assertTrue(mine.stream().anyMatch(f -> f.get("metric").asText().equals("activities.registration-deadline")
                && f.get("severity").asText().equals("info") && f.get("title").asText().contains("聚划算·冬季囤货节")), mine.toString());
        assertTrue(mine.stream().anyMatch(f -> f.get("metric").asText().equals("activities.not-reviewed")), mine.toString());
    }

    @Test
    void aCampaignIsPlannedMovedAlongAndReviewedWithWhoAndWhen() throws Exception {
        String body = """
                {"name":"淘抢购·保温杯","kind":"platform","channel":"淘抢购","registrationDeadline":"2026-11-28",
                 "liveFrom":"2026-12-05","liveTo":"2026-12-07","goalGmv":5000000,"goalUnits":600,
                 "products":[{"sku":"HK-017","allocated":600,"price":7900}]}""";
        var bad = server.post(activities("/campaigns"), body.replace("2026-12-07", "2026-12-01"));
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("liveTo 2026-12-01 is before liveFrom 2026-12-05"), bad.body());
        assertEquals(400, server.post(activities("/campaigns"), body.replace("HK-017", "NOPE-1")).status());

        var created = server.post(activities("/campaigns"), body);
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        assertEquals("admin", created.json().get("createdBy").asText());

        var refused = server.post(activities("/campaigns/" + id + "/status"), "{\"to\":\"live\"}");
        assertEquals(409, refused.status());
        assertTrue(refused.json().get("error").asText().contains("from planned it can go to registered"), refused.body());
        assertEquals(200, server.post(activities("/campaigns/" + id + "/status"), "{\"to\":\"registered\",\"note\":\"已报名\"}").status());
        JsonNode history = server.get(activities("/campaigns/" + id + "/history")).json().get("history");
        assertEquals(2, history.size());
        assertEquals("admin", history.get(1).get("by").asText());
        assertEquals("已报名", history.get(1).get("note").asText());

        JsonNode ended = campaign("天天特价·锅具专场");
        long endedId = ended.get("id").asLong();
        assertEquals(200, server.post(activities("/campaigns/" + endedId + "/status"), "{\"to\":\"reviewed\"}").status());
        assertEquals(200, server.put(activities("/campaigns/" + endedId + "/review"), "{\"notes\":\"煎蛋锅售罄，炒锅转化低\"}").status());
        assertEquals("煎蛋锅售罄，炒锅转化低", server.get(activities("/campaigns/" + endedId)).json().get("notes").asText());

        JsonNode log = server.get("/api/audit?action=activities").json();
        assertTrue(log.size() >= 4, log.toString());
    }

    @Test
    void aRecurringCampaignIsMadeFromItsTemplate() throws Exception {
        JsonNode templates = server.get(activities("/templates")).json().get("templates");
        assertEquals("new-arrival", templates.get(0).get("key").asText());
        long listPrice = Long.parseLong(PlainSql.value(work.resolve("data/shopops.db"), "SELECT price FROM products WHERE sku = 'HK-017'"));
        String body = "{\"name\":\"新品首发·保温杯\",\"startDay\":\"2026-12-10\",\"products\":[{\"sku\":\"HK-017\",\"allocated\":200}]}";
        var made = server.post(activities("/templates/new-arrival"), body);
        assertEquals(201, made.status(), made.body());
        JsonNode c = made.json();
        assertEquals("own", c.get("kind").asText());
        assertEquals("planned", c.get("status").asText());
        assertEquals("2026-12-10", c.get("liveFrom").asText());
        assertEquals("2026-12-12", c.get("liveTo").asText(), "three days");
        assertEquals(Math.round(listPrice * 0.8), c.get("products").get(0).get("price").asLong(), "20% off the list price");
        assertEquals(409, server.post(activities("/templates/new-arrival"), body).status(), "the same campaign twice");
        assertEquals(400, server.post(activities("/templates/new-arrival"), body.replace("HK-017", "NOPE-1")).status());
        assertEquals(400, server.post(activities("/templates/new-arrival"), body.replace("2026-12-10", "soon")).status());
        assertEquals(404, server.post(activities("/templates/black-friday"), body).status());
    }

    @Test
    void entryRulesAreTheShopsSettings() throws Exception {
        String path = activities("/rules/" + URLEncoder.encode("聚划算", StandardCharsets.UTF_8));
        JsonNode before = server.get(path).json();
        assertEquals(100, before.get("rules").get("minSales").asLong());
        assertEquals(400, server.put(path, "{\"minRating\":7}").status());
        assertEquals(before, server.get(path).json(), "a bad value changes nothing");
        var put = server.put(path, "{\"minSales\":200}");
        assertEquals(200, put.status(), put.body());
        assertEquals(200, server.get(path).json().get("rules").get("minSales").asLong());
        assertEquals("200", PlainSql.value(work.resolve("data/shopops.db"),
                "SELECT value FROM settings WHERE plugin_id = 'activities' AND name = 'rules.聚划算.min-sales'"));
        assertEquals(before, server.send("DELETE", path, null).json());
    }

    @Test
    void campaignListsAndResultsAreImported() throws Exception {
        Path list = work.resolve("campaigns.csv");
        Files.writeString(list, """
                活动名称,类型,渠道,报名截止,审核日,开始,结束,目标金额,目标件数,商品编码,分配库存,活动价
                天天特价·双十二,平台,天天特价,2026-12-01,2026-12-05,2026-12-10,2026-12-12,"8,000.00",200,HK-005,200,49.00
                天天特价·双十二,平台,天天特价,2026-12-01,2026-12-05,2026-12-10,2026-12-12,"8,000.00",200,HK-003,50,169.00
                """);
        JsonNode job = importFile(list);
        assertEquals("done", job.get("state").asText(), job.toString());
        assertEquals(2, job.get("imported").asLong(), job.toString());
        JsonNode c = campaign("天天特价·双十二");
        assertEquals(2, c.get("products").size());
        assertEquals("planned", c.get("status").asText());

        Path results = work.resolve("results.csv");
        Files.writeString(results, """
                日期,活动名称,访客数,曝光量,点击量,成交笔数,成交金额
                2026-12-10,天天特价·双十二,800,12000,900,30,"1,470.00"
                2026-12-11,天天特价·双十二,600,9000,700,-1,0
                """);
        JsonNode rejected = importFile(results);
        assertEquals("done-with-rejections", rejected.get("state").asText(), rejected.toString());
        assertEquals(1, rejected.get("imported").asLong());
        JsonNode r = server.get(activities("/campaigns/" + c.get("id").asLong() + "/results")).json();
        assertEquals(147_000, r.get("totals").get("gmv").asLong());
        assertFalse(r.get("days").isEmpty());
    }

    private static JsonNode importFile(Path file) throws Exception {
        var started = server.postMultipart("/api/shops/demo/imports", Map.of("kind", "activities"), "file", file);
        assertEquals(202, started.status(), started.body());
        String id = started.json().get("id").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode job = server.get("/api/imports/" + id).json();
            String state = job.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish in 60 s");
    }
}
