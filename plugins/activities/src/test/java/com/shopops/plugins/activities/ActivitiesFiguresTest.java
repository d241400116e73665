package com.shopops.plugins.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.ReviewRow;
import com.shopops.api.domain.Order;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.PluginRoutes.Answer;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.activities.ActivitiesRoutesTest.Harness;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Progress, entry checks, reminders, calendar weeks and the briefing's findings on hand-made orders, over real
 * HTTP on SQLite and PostgreSQL. The shop's today is 2024-04-10 (Asia/Shanghai), so "yesterday" is 04-09.
 *
 * <p>Campaign A (天天特价, live 04-05..04-14, goals ¥2,000.00 and 100 units; HK-001 40 allocated at ¥79, HK-002 8
 * at ¥199). Orders (each at 10:00 local): 03-25 HK-001 ×7 ¥89 (the baseline); 04-05 O1 HK-001 ×2 ¥79; 04-06 O2
 * HK-001 ×3 ¥79 + HK-002 ×2 ¥199; 04-07 O3 HK-002 ×3 ¥199; 04-08 O4 HK-001 ×5 ¥50 cancelled and O8 HK-003 ×2
 * ¥175; 04-09 O5 HK-001 ×5 ¥79 and O6 HK-003 ×1 ¥199; 04-10 O7 HK-001 ×1 (today, not counted); 04-01 O9 HK-003
 * ×1 ¥100 cancelled; 03-01 O10 HK-003 ×1 ¥150. As of 04-09: HK-001 10 units, 3 orders, ¥790.00; HK-002 5 units,
 * 2 orders, ¥995.00; campaign orders O1 O2 O3 O5 = 4 (O2 holds both products); shop orders 04-05..04-09 not
 * cancelled: O1 O2 O3 O5 O6 O8 = 6.
 */
class ActivitiesFiguresTest {

    private static final String A = """
            {"name":"天天特价 春季","kind":"platform","channel":"天天特价","registrationDeadline":"2024-03-30",
             "liveFrom":"2024-04-05","liveTo":"2024-04-14","goalGmv":200000,"goalUnits":100,
             "products":[{"sku":"HK-001","allocated":40,"price":7900},{"sku":"HK-002","allocated":8,"price":19900}]}""";
    private static final String B = """
            {"name":"淘抢购 四月","kind":"platform","channel":"淘抢购","registrationDeadline":"2024-04-12",
             "liveFrom":"2024-04-20","liveTo":"2024-04-22","products":[{"sku":"HK-003","allocated":40,"price":18000}]}""";
    private static final String C = """
            {"name":"新品首发","kind":"own","channel":"own","liveFrom":"2024-04-01","liveTo":"2024-04-05",
             "products":[{"sku":"HK-003","allocated":5}]}""";

    @TempDir
    Path dir;

    private static OrderRow line(String id, String day, Order.Status status, String sku, long qty, long price) {
        Instant at = Instant.parse(day + "T02:00:00Z");
        return new OrderRow(id, "c-" + id, at, at, status, null, "search", sku, sku, qty, price, qty * price, 0, null);
    }

    /** The shop's orders and reviews above, and campaigns A (live), B (planned) and C (ended); their ids. */
    static long[] shop(Harness h) throws Exception {
        Order.Status ok = Order.Status.COMPLETED;
        Order.Status cancelled = Order.Status.CANCELLED;
        h.db.database().jdbi().useTransaction(t -> {
            CoreTableWriter w = new CoreTableWriter(t, h.shop);
            w.orders(List.of(
                    line("O0", "2024-03-25", ok, "HK-001", 7, 8_900),
                    line("O1", "2024-04-05", ok, "HK-001", 2, 7_900),
                    line("O2", "2024-04-06", ok, "HK-001", 3, 7_900), line("O2", "2024-04-06", ok, "HK-002", 2, 19_900),
                    line("O3", "2024-04-07", ok, "HK-002", 3, 19_900),
                    line("O4", "2024-04-08", cancelled, "HK-001", 5, 5_000),
                    line("O8", "2024-04-08", ok, "HK-003", 2, 17_500),
                    line("O5", "2024-04-09", ok, "HK-001", 5, 7_900),
                    line("O6", "2024-04-09", ok, "HK-003", 1, 19_900),
                    line("O7", "2024-04-10", ok, "HK-001", 1, 7_900),
                    line("O9", "2024-04-01", cancelled, "HK-003", 1, 10_000),
                    line("O10", "2024-03-01", ok, "HK-003", 1, 15_000)));
            w.reviews(List.of(new ReviewRow("R1", "HK-001", 5, "好", LocalDate.of(2024, 4, 6)),
                    new ReviewRow("R2", "HK-003", 5, "好", LocalDate.of(2024, 3, 2)),
                    new ReviewRow("R3", "HK-003", 4, "还行", LocalDate.of(2024, 4, 9))));
        });
        long a = created(h, A);
        long b = created(h, B);
        long c = created(h, C);
        for (String to : List.of("registered", "approved", "live")) {
            assertEquals(200, h.http.post("/campaigns/" + a + "/status", "{\"to\":\"" + to + "\"}").status(), to);
        }
        for (String to : List.of("live", "ended")) {
            assertEquals(200, h.http.post("/campaigns/" + c + "/status", "{\"to\":\"" + to + "\"}").status(), to);
        }
        new CampaignStore(h.db.database().jdbi()).writeResults(h.shop.id(), List.of(
                new CampaignResult("天天特价 春季", LocalDate.of(2024, 4, 5), 100, 1000, 30, 1, 15_800),
                new CampaignResult("天天特价 春季", LocalDate.of(2024, 4, 6), 150, 1000, 10, 1, 39_800),
                new CampaignResult("天天特价 春季", LocalDate.of(2024, 4, 10), 999, 9999, 999, 9, 99_999)));
        return new long[] {a, b, c};
    }

    private static long created(Harness h, String body) throws Exception {
        Answer r = h.http.post("/campaigns", body);
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asLong();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void progressAsOfYesterdayWithHandCheckedFigures(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            long a = shop(h)[0];
            Answer r = h.http.get("/campaigns/" + a + "/progress");
            assertEquals(200, r.status(), r.body());
            JsonNode p = r.json();
            assertEquals("2024-04-09", p.get("asOf").asText());
            assertEquals(List.of(10, 5, 5), List.of(p.get("daysTotal").asInt(), p.get("daysElapsed").asInt(), p.get("daysLeft").asInt()));
            assertEquals(0.5, p.get("elapsedShare").asDouble());
            // 10 + 5 units; 4 orders (O1 O2 O3 O5: O2 holds both products and is one order, not 3 + 2 = 5); 79,000 + 99,500 fen
            assertEquals(List.of(15L, 4L, 178_500L), List.of(p.get("units").asLong(), p.get("orders").asLong(), p.get("gmv").asLong()));
            assertEquals(4.0 / 6, p.get("orderShare").asDouble(), 1e-12, "4 of the shop's 6 orders (O4 cancelled)");
            assertEquals(4.0 / 250, p.get("conversionRate").asDouble(), 1e-12, "UV 100 + 150; the 04-10 row is after asOf");
            assertEquals(40.0 / 2000, p.get("ctr").asDouble(), 1e-12);
            assertEquals(15.0 / 48, p.get("sellThrough").asDouble(), 1e-12);
            assertEquals(178_500.0 / 200_000, p.get("gmvAttainment").asDouble(), 1e-12);
            assertEquals(0.15, p.get("unitsAttainment").asDouble(), 1e-12);
            // baseline 03-22..04-04: HK-001 7 units, 62,300 fen over 14 days; HK-002 none
            assertEquals(15.0 / 5 / 0.5 - 1, p.get("unitsUplift").asDouble(), 1e-12);
            assertEquals(178_500.0 / 5 / (62_300.0 / 14) - 1, p.get("gmvUplift").asDouble(), 1e-9);
            assertEquals(14, p.get("baselineDays").asInt());
            assertEquals("dates", p.get("attribution").asText());
            JsonNode first = p.get("products").get(0);
            assertEquals("HK-001", first.get("sku").asText());
            assertEquals("硅胶厨具套装", first.get("title").asText());
            assertEquals(List.of(10L, 3L, 79_000L), List.of(first.get("units").asLong(), first.get("orders").asLong(), first.get("gmv").asLong()));
            assertEquals(10.0 / 5 / 0.5 - 1, first.get("unitsUplift").asDouble(), 1e-12);
            assertEquals("2024-04-24", first.get("stockOut").get("runsOutOn").asText(), "30 left at 2 a day: ⌈15⌉ days");
            assertFalse(first.get("stockOut").get("beforeEnd").asBoolean());
            JsonNode second = p.get("products").get(1);
            assertTrue(second.get("unitsUplift").isNull(), "no baseline sales");
            assertEquals(0.625, second.get("sellThrough").asDouble());
            JsonNode so = second.get("stockOut");
            assertEquals(List.of("3", "1.0", "2024-04-12", "false", "true", "2"), List.of(so.get("remaining").asText(),
                    so.get("unitsPerDay").asText(), so.get("runsOutOn").asText(), so.get("soldOut").asText(),
                    so.get("beforeEnd").asText(), so.get("daysShort").asText()));
            List<String> days = new ArrayList<>();
            p.get("days").forEach(d -> days.add(d.get("day").asText() + " " + d.get("units").asLong() + " " + d.get("orders").asLong()
                    + " " + d.get("gmv").asLong()));
            assertEquals(List.of("2024-04-05 2 1 15800", "2024-04-06 5 1 63500", "2024-04-07 3 1 59700", "2024-04-08 0 0 0",
                    "2024-04-09 5 1 39500"), days);

            JsonNode early = h.http.get("/campaigns/" + a + "/progress?asOf=2024-04-06").json();
            assertEquals(List.of(7L, 79_300L), List.of(early.get("units").asLong(), early.get("gmv").asLong()));
            assertEquals("2024-04-14", h.http.get("/campaigns/" + a + "/progress?asOf=2024-05-01").json().get("asOf").asText(),
                    "capped to the last live day");
            assertEquals(400, h.http.get("/campaigns/" + a + "/progress?asOf=soon").status());
            assertEquals(404, h.http.get("/campaigns/999/progress").status());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void entryChecksWithTheChannelsRulesAndWindow(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            long[] ids = shop(h);
            JsonNode a = h.http.get("/campaigns/" + ids[0] + "/entry-check").json();
            assertEquals(List.of("campaign", "channel", "rules", "passed", "products"), fieldNames(a));
            assertEquals(10, a.get("rules").get("minSales").asLong(), "天天特价's default");
            assertFalse(a.get("passed").asBoolean());
            JsonNode hk1 = a.get("products").get(0);
            assertTrue(hk1.get("passed").asBoolean(), hk1.toString()); // ¥79 = the 30-day low (O4's ¥50 was cancelled), 17 sold, 5.0
            JsonNode hk2 = a.get("products").get(1);
            assertEquals(List.of("minSales", "minRating"), rules(hk2));
            assertEquals(5, hk2.get("failures").get(0).get("actual").asLong());
            assertEquals("5 units sold so far; the channel asks for at least 10", hk2.get("failures").get(0).get("message").asText());

            String path = "/campaigns/" + ids[1] + "/entry-check";
            JsonNode b = h.http.get(path).json().get("products").get(0);
            // ¥180 > ¥175 (O8; O9's ¥100 cancelled, O10 before the window); 4 sold < 50; stock 30 < 40; (5 + 4) / 2 < 4.6
            assertEquals(List.of("lowestPriceDays", "minSales", "stockCoversAllocation", "minRating"), rules(b));
            assertEquals(List.of(18_000L, 17_500L), List.of(b.get("failures").get(0).get("actual").asLong(),
                    b.get("failures").get(0).get("required").asLong()));
            assertEquals(List.of(4L, 30L), List.of(b.get("failures").get(1).get("actual").asLong(),
                    b.get("failures").get(2).get("actual").asLong()));
            assertEquals(4.5, b.get("failures").get(3).get("actual").asDouble());
            String zh = h.http.get(path + "?lang=zh").json().get("products").get(0).get("failures").get(0).get("message").asText();
            assertTrue(zh.contains("近30天最低价") && zh.contains("175"), zh);

            String channel = "/rules/" + URLEncoder.encode("淘抢购", StandardCharsets.UTF_8);
            assertEquals(200, h.http.put(channel, "{\"lowestPriceDays\":1}").status());
            JsonNode oneDay = h.http.get(path).json().get("products").get(0);
            assertEquals(List.of("minSales", "stockCoversAllocation", "minRating"), rules(oneDay), "04-09's ¥199 is the 1-day low");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void remindersOfTheDayAndTheCalendarsWeeks(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            long[] ids = shop(h);
            JsonNode r = h.http.get("/reminders").json();
            assertEquals("2024-04-10", r.get("day").asText());
            Map<String, JsonNode> byKind = new HashMap<>();
            r.get("reminders").forEach(x -> byKind.put(x.get("kind").asText(), x));
            assertEquals(4, r.get("reminders").size(), r.toString());
            JsonNode deadline = byKind.get("registration-deadline");
            assertEquals(List.of(ids[1], 2L, "2024-04-12", "operator"), List.of(deadline.get("campaignId").asLong(),
                    deadline.get("days").asLong(), deadline.get("day").asText(), deadline.get("role").asText()));
            assertEquals("Register for 淘抢购 四月: the deadline is 2024-04-12 (in 2 days)", deadline.get("message").asText());
            JsonNode behind = byKind.get("behind-goal");
            assertEquals(ids[0], behind.get("campaignId").asLong());
            assertEquals("promotion", behind.get("role").asText(), "CTR 2% is not below the 2% threshold");
            assertTrue(behind.get("message").asText().contains("units goal: 15% reached with 50%"), behind.toString());
            JsonNode stock = byKind.get("stock-out");
            assertEquals(List.of("HK-002", "2024-04-12", 2L), List.of(stock.get("sku").asText(), stock.get("day").asText(),
                    stock.get("days").asLong()));
            JsonNode review = byKind.get("not-reviewed");
            assertEquals(List.of(ids[2], 5L), List.of(review.get("campaignId").asLong(), review.get("days").asLong()));
            assertTrue(h.http.get("/reminders?lang=zh").json().toString().contains("还没有复盘"));
            assertEquals(0, h.http.get("/reminders?day=2024-03-01").json().get("reminders").size());

            JsonNode weeks = h.http.get("/calendar?month=2024-04").json().get("weeks");
            assertEquals(5, weeks.size(), "Monday 04-01 to Sunday 05-05");
            JsonNode fifth = weeks.get(0).get(4);
            assertEquals("2024-04-05", fifth.get("date").asText());
            assertEquals("[" + ids[2] + "," + ids[0] + "]", fifth.get("live").toString(), "in the list's order: first live day first");
            assertEquals("{\"what\":\"reviewDue\",\"campaign\":" + ids[2] + "}", weeks.get(1).get(0).get("events").get(0).toString());
            assertEquals("registrationDeadline", weeks.get(1).get(4).get("events").get(0).get("what").asText());
            assertFalse(weeks.get(4).get(6).get("inMonth").asBoolean());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theBriefingsFindings(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            long[] ids = shop(h);
            PluginSettings settings = new PluginSettings(h.db.database().jdbi(), "activities", Clock.systemUTC());
            ActivitiesFindings findings = new ActivitiesFindings(new CampaignFigures(new CampaignStore(h.db.database().jdbi()),
                    h.db.data(), settings, Clock.fixed(ActivitiesRoutesTest.NOW, ZoneOffset.UTC)),
                    new ActivitiesWords(new BundleMessages("activities", ActivitiesFiguresTest.class.getClassLoader())));
            List<Finding> found = findings.findings(h.shop, LocalDate.of(2024, 4, 9), Locale.ENGLISH);
            Map<String, Finding> byMetric = new HashMap<>();
            found.forEach(f -> byMetric.put(f.metric(), f));
            assertEquals(4, found.size(), found.toString());
            assertTrue(found.stream().allMatch(f -> f.plugin().equals("activities")));

            Finding deadline = byMetric.get("activities.registration-deadline");
            assertEquals(Severity.INFO, deadline.severity(), "2 days left");
            assertEquals("/ui/activities/index.html?campaign=" + ids[1], deadline.link());
            assertEquals(2.0, deadline.value());

            Finding behind = byMetric.get("activities.behind-goal.units");
            assertEquals(Severity.WARNING, behind.severity());
            assertEquals(Role.PROMOTION, behind.role());
            assertEquals(0.15, behind.value(), 1e-12);
            assertEquals(0.5, behind.expected());
            // 100 × 0.5 − 15 = 35 units short at 178,500 ÷ 15 = 11,900 fen each
            assertEquals(416_500, behind.impact());

            Finding stock = byMetric.get("activities.stock-out");
            assertEquals(Severity.WARNING, stock.severity());
            assertEquals(Role.OPERATOR, stock.role());
            // 2 days × 1 unit a day × 99,500 ÷ 5 = 19,900 fen each
            assertEquals(39_800, stock.impact());

            Finding review = byMetric.get("activities.not-reviewed");
            assertEquals(Severity.INFO, review.severity());
            assertEquals(List.of(5.0, 3.0), List.of(review.value(), review.expected()));

            settings.put(h.shop.id(), "deadline-days", "1");
            List<Finding> zh = findings.findings(h.shop, LocalDate.of(2024, 4, 9), Locale.SIMPLIFIED_CHINESE);
            assertEquals(3, zh.size(), "a deadline 2 days off is no longer within the shop's 1 day");
            assertTrue(zh.stream().anyMatch(f -> f.title().contains("售罄") && f.detail().contains("¥398.00")), zh.toString());
            assertNull(findings.findings(h.shop, LocalDate.of(2023, 1, 1), Locale.ENGLISH).stream().findAny().orElse(null));
        }
    }

    private static List<String> rules(JsonNode product) {
        List<String> out = new ArrayList<>();
        product.get("failures").forEach(f -> out.add(f.get("rule").asText()));
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
