package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The members plugin end to end on the demo shop over real HTTP: customer figures and the RFM grid
 * against plain SQL on the database file (the sqlite3 CLI), cohorts, a customer's page with tags and
 * masked contacts, settings refused and changed, an audience built and an action made with its random
 * holdout, sent, measured and exported, the member list import, the findings in the morning briefing,
 * and who may do what.
 */
class MembersIT {

    private static final String TO = Distribution.DEMO_LAST_DAY;
    /** Orders that count for member figures, as SQL. */
    private static final String KEPT = "upper(o.status) NOT IN ('CANCELLED', 'REFUNDED')";
    private static final String PASSWORD = "a members test's long password";

    @TempDir
    static Path work;
    static Distribution.Server server;
    static Distribution.Server operator;
    static Distribution.Server designer;

    @BeforeAll
    static void start() throws Exception {
        server = Distribution.Server.demo(work);
        operator = server.as(user("wangyunying", "OPERATOR"));
        designer = server.as(user("liumeigong", "DESIGN"));
    }

    /** A user of the demo shop with one role, and an API token of theirs. */
    private static String user(String name, String role) throws Exception {
        var made = server.post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role
                + "\"],\"shops\":[\"demo\"]}");
        assertEquals(201, made.status(), made.body());
        var token = Distribution.cli(work, "token", "create", "it", "--user", name, "--data", work.resolve("data").toString());
        assertEquals(0, token.exit(), token.err());
        return token.out().strip();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String members(String rest) {
        return Distribution.Server.plugin("demo", "members", rest);
    }

    private static String sql(String query) throws Exception {
        return PlainSql.value(work.resolve("data/shopops.db"), query);
    }

    @Test
    void customerFiguresAndTheRfmGridAgreeWithSqlOnTheDatabaseFile() throws Exception {
        String from = LocalDate.parse(TO).minusDays(29).toString();
        JsonNode s = server.get(members("/summary?from=" + from + "&to=" + TO)).json();
        String range = "o.shop_id = (SELECT id FROM shops WHERE code = 'demo') AND o.day BETWEEN '" + from + "' AND '" + TO + "' AND " + KEPT;
        assertEquals(sql("SELECT COUNT(DISTINCT customer_id) FROM orders o WHERE customer_id IS NOT NULL AND " + range),
                s.get("customers").asText());
        assertEquals(sql("SELECT COUNT(*) FROM orders o WHERE customer_id IS NOT NULL AND " + range), s.get("orders").asText());
        assertEquals(sql("SELECT SUM(amount) FROM orders o WHERE customer_id IS NOT NULL AND " + range), s.get("revenue").asText());
        assertEquals(sql("SELECT COUNT(*) FROM orders o WHERE customer_id IS NULL AND " + range), s.get("guestOrders").asText());
        long repeaters = Long.parseLong(sql("SELECT COUNT(*) FROM (SELECT customer_id FROM orders o WHERE customer_id IS NOT NULL AND "
                + range + " GROUP BY customer_id HAVING COUNT(*) >= 2)"));
        assertEquals((double) repeaters / s.get("customers").asLong(), s.get("repeatRate").asDouble(), 1e-12);
        long newOnes = Long.parseLong(sql("SELECT COUNT(*) FROM (SELECT customer_id FROM orders o WHERE customer_id IS NOT NULL AND "
                + "o.shop_id = (SELECT id FROM shops WHERE code = 'demo') AND o.day <= '" + TO + "' AND " + KEPT
                + " GROUP BY customer_id HAVING MIN(day) >= '" + from + "')"));
        assertEquals(newOnes, s.get("newCustomers").asLong());
        assertEquals(s.get("customers").asLong() - newOnes, s.get("returningCustomers").asLong());

        JsonNode rfm = server.get(members("/rfm?date=" + TO)).json();
        assertEquals(sql("SELECT COUNT(DISTINCT customer_id) FROM orders o WHERE customer_id IS NOT NULL AND "
                + "o.shop_id = (SELECT id FROM shops WHERE code = 'demo') AND o.day <= '" + TO + "' AND " + KEPT), rfm.get("customers").asText());
        assertEquals(11, rfm.get("segments").size());
        assertEquals(25, rfm.get("grid").size());
        long inGrid = 0;
        for (JsonNode cell : rfm.get("grid")) {
            inGrid += cell.get("customers").asLong();
        }
        long inSegments = 0;
        Map<String, Long> bySegment = new HashMap<>();
        for (JsonNode seg : rfm.get("segments")) {
            inSegments += seg.get("customers").asLong();
            bySegment.put(seg.get("name").asText(), seg.get("customers").asLong());
            assertFalse(seg.get("action").asText().isBlank(), seg.toString());
        }
        assertEquals(rfm.get("customers").asLong(), inGrid);
        assertEquals(rfm.get("customers").asLong(), inSegments);
        // F quintiles: a customer with the shop's most orders scores 5, one with a single order never does.
        String top = sql("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM orders o WHERE customer_id IS NOT NULL AND o.day <= '" + TO
                + "' AND o.shop_id = (SELECT id FROM shops WHERE code = 'demo') AND " + KEPT + " GROUP BY customer_id)");
        JsonNode f5 = server.get(members("/rfm/customers?date=" + TO + "&f=5&limit=5000")).json();
        assertTrue(f5.get("total").asLong() > 0);
        assertTrue(java.util.stream.StreamSupport.stream(f5.get("customers").spliterator(), false)
                .anyMatch(c -> c.get("frequency").asText().equals(top)), "the most frequent buyer scores F 5");
        JsonNode atRisk = server.get(members("/rfm/customers?date=" + TO + "&segment=at-risk")).json();
        assertEquals((long) bySegment.get("at-risk"), atRisk.get("total").asLong());
        var csv = server.get(members("/rfm/customers?date=" + TO + "&segment=at-risk&format=csv"));
        assertTrue(csv.body().startsWith("\uFEFFcustomerId,externalId,recencyDays"), csv.body());
        assertEquals(bySegment.get("at-risk") + 1, csv.body().strip().lines().count(), "a header and one line per customer");
        assertEquals(400, server.get(members("/rfm/customers?segment=sleepy")).status());
        assertEquals(400, server.get(members("/rfm/customers?r=6")).status());
        assertEquals(400, server.get(members("/rfm?date=2026-13-01")).status());

        // Cohorts: each cohort's size is the customers whose first counting order fell in that month.
        JsonNode cohorts = server.get(members("/cohorts?from=2026-09-01&to=" + TO)).json().get("cohorts");
        assertFalse(cohorts.isEmpty());
        JsonNode first = cohorts.get(0);
        String month = first.get("cohort").asText();
        assertEquals(sql("SELECT COUNT(*) FROM (SELECT customer_id, MIN(day) AS d FROM orders o WHERE customer_id IS NOT NULL AND "
                + "o.shop_id = (SELECT id FROM shops WHERE code = 'demo') AND " + KEPT + " GROUP BY customer_id) WHERE substr(d, 1, 7) = '"
                + month + "'"), first.get("customers").asText());
        assertEquals(1.0, first.get("months").get(0).get("retention").asDouble(), 1e-12);
        assertTrue(server.get(members("/cohorts?from=2026-09-01&to=" + TO + "&format=csv")).body().contains("cohort,cohortCustomers"));
    }

    @Test
    void aCustomersPageTagsAndMaskedContacts() throws Exception {
        String id = sql("SELECT c.external_id FROM customers c JOIN shops s ON s.id = c.shop_id WHERE s.code = 'demo'"
                + " ORDER BY c.spent DESC, c.external_id LIMIT 1");
        JsonNode c = server.get(members("/customers/" + enc(id))).json();
        assertEquals(id, c.get("externalId").asText());
        assertEquals(sql("SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.external_id = '" + id
                + "' AND c.shop_id = (SELECT id FROM shops WHERE code = 'demo')"), String.valueOf(c.get("history").size()));
        assertTrue(c.get("tags").toString().contains("vip"), "the demo tags its biggest spenders: " + c);
        assertNotNull(c.get("tier").textValue());
        String phone = c.get("contact").get("phone").asText();
        assertTrue(phone.matches("1[3-9][0-9]{9}"), "the owner sees the number: " + phone);
        String masked = operator.get(members("/customers/" + enc(id))).json().get("contact").get("phone").asText();
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), masked, "an operator sees it masked");

        JsonNode tagged = operator.put(members("/customers/" + enc(id) + "/tags"), "{\"tags\":[\"vip\",\" 回头客 \"]}").json();
        assertEquals("[\"vip\",\"回头客\"]", tagged.get("tags").toString());
        assertEquals("[\"vip\",\"回头客\"]", server.get(members("/customers/" + enc(id))).json().get("tags").toString());
        assertEquals(400, operator.put(members("/customers/" + enc(id) + "/tags"), "{\"tags\":[\"" + "长".repeat(31) + "\"]}").status());
        assertEquals(400, operator.put(members("/customers/" + enc(id) + "/tags"), "{\"tags\":\"vip\"}").status());
        assertEquals(404, server.get(members("/customers/nobody-at-all")).status());
        assertTrue(server.get(members("/tags")).json().toString().contains("回头客"));
    }

    @Test
    void settingsAudiencesAndAnActionWithItsHoldout() throws Exception {
        // A ladder out of order is refused and changes nothing.
        JsonNode before = server.get(members("/settings")).json();
        var refused = server.put(members("/settings"), "{\"tiers\":[{\"name\":\"Gold\",\"minSpend\":500000,\"discountPercent\":10},"
                + "{\"name\":\"Silver\",\"minSpend\":100000,\"discountPercent\":5}]}");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("Silver"), refused.body());
        assertEquals(before, server.get(members("/settings")).json());
        assertEquals(400, server.put(members("/settings"), "{\"holdoutShare\":0.9}").status());
        JsonNode changed = server.put(members("/settings"), "{\"holdoutShare\":0.2}").json();
        assertEquals(0.2, changed.get("holdoutShare").asDouble(), 1e-12);
        assertEquals(403, designer.put(members("/settings"), "{\"holdoutShare\":0.3}").status());

        // The preview counts what the segments hold.
        JsonNode rfm = server.get(members("/rfm?date=" + TO)).json();
        long expected = 0;
        for (JsonNode seg : rfm.get("segments")) {
            if (Set.of("at-risk", "hibernating", "about-to-sleep").contains(seg.get("name").asText())) {
                expected += seg.get("customers").asLong();
            }
        }
        String audience = "{\"segments\":[\"at-risk\",\"hibernating\",\"about-to-sleep\"],\"date\":\"" + TO + "\"}";
        JsonNode preview = server.post(members("/audiences/preview"), audience).json();
        assertEquals(expected, preview.get("customers").asLong());
        assertTrue(preview.get("sample").size() <= 20);
        assertEquals(400, server.post(members("/audiences/preview"), "{\"segments\":[\"sleepy\"]}").status());

        var made = operator.post(members("/actions"), "{\"name\":\"冬季回归券\",\"offer\":\"win-back-coupon\",\"offerText\":\"满99减30\","
                + "\"audience\":" + audience + "}");
        assertEquals(201, made.status(), made.body());
        JsonNode action = made.json();
        assertEquals(expected, action.get("treated").asLong() + action.get("holdout").asLong());
        assertEquals(Math.round(expected * 0.2), action.get("holdout").asLong(), "the shop's holdout share, changed above");
        assertEquals("draft", action.get("status").asText());
        assertEquals("wangyunying", action.get("createdBy").asText());
        long id = action.get("id").asLong();
        assertEquals(400, server.get(members("/actions/" + id + "/results")).status(), "not sent, nothing to measure");
        assertEquals(400, operator.post(members("/actions"), "{\"name\":\"x\",\"offer\":\"free-money\",\"offerText\":\"x\",\"audience\":"
                + audience + "}").status());
        assertEquals(403, designer.post(members("/actions"), "{}").status());

        // Exported for the SMS tool: the treated only, phones masked for the operator, whole for the owner.
        var export = operator.get(members("/actions/" + id + "/export"));
        assertEquals(200, export.status());
        String[] lines = export.body().strip().split("\r?\n");
        assertEquals(action.get("treated").asLong() + 1, lines.length);
        assertTrue(lines[1].matches(".*,1[3-9]\\d\\*\\*\\*\\*\\d{4},.*"), lines[1]);
        assertTrue(server.get(members("/actions/" + id + "/export")).body().strip().split("\r?\n")[1].matches(".*,1[3-9]\\d{9},.*"));

        assertEquals(400, operator.post(members("/actions/" + id + "/sent"), "{\"day\":\"2026-01-01\"}").status(),
                "sent before it was made");
        var marked = operator.post(members("/actions/" + id + "/sent"), "{}");
        assertEquals(200, marked.status(), marked.body());
        JsonNode sent = marked.json();
        assertFalse(sent.get("sentOn").isNull(), "sent today, the shop's day");
        assertEquals("sent", sent.get("status").asText());
        assertTrue(server.get(members("/actions?format=csv")).body().contains("冬季回归券"));
    }

    @Test
    void theDemoActionIsMeasuredTreatedAgainstHoldout() throws Exception {
        JsonNode demo = null;
        for (JsonNode a : server.get(members("/actions")).json().get("actions")) {
            if (a.get("name").asText().equals("双11老客召回")) {
                demo = a;
            }
        }
        assertNotNull(demo, "the demo's action");
        assertEquals("measured", demo.get("status").asText());
        long id = demo.get("id").asLong();
        JsonNode r = server.get(members("/actions/" + id + "/results")).json();
        assertTrue(r.get("complete").asBoolean());
        assertEquals(demo.get("treated").asLong(), r.get("treated").get("customers").asLong());
        assertEquals(demo.get("holdout").asLong(), r.get("holdout").get("customers").asLong());
        // Buyers of the holdout in the window, by plain SQL over the action's rows and the orders.
        String buyers = sql("SELECT COUNT(DISTINCT ac.customer_id) FROM members_action_customers ac JOIN orders o ON o.customer_id = ac.customer_id"
                + " WHERE ac.action_id = " + id + " AND ac.holdout = 1 AND o.day BETWEEN '" + r.get("from").asText() + "' AND '"
                + r.get("to").asText() + "' AND " + KEPT);
        assertEquals(buyers, r.get("holdout").get("buyers").asText());
        JsonNode up = r.get("conversionUplift");
        assertTrue(up.get("low").asDouble() <= up.get("estimate").asDouble() && up.get("estimate").asDouble() <= up.get("high").asDouble(), up.toString());
        assertEquals(r.get("treated").get("conversion").asDouble() - r.get("holdout").get("conversion").asDouble(),
                up.get("estimate").asDouble(), 1e-12);
    }

    @Test
    void anOfferSentThroughTheOutboxChannelWithItsRecipients() throws Exception {
        long id = -1;
        long treated = 0;
        for (JsonNode a : server.get(members("/actions")).json().get("actions")) {
            if (a.get("name").asText().equals("双11老客召回")) {
                id = a.get("id").asLong();
                treated = a.get("treated").asLong();
            }
        }
        assertEquals(403, operator.post(members("/actions/" + id + "/send"), "{\"channel\":\"outbox\"}").status(),
                "the channel gets phone numbers whole: not for a user who sees them masked");
        assertEquals(400, server.post(members("/actions/" + id + "/send"), "{\"channel\":\"pigeon\"}").status());
        var sent = server.post(members("/actions/" + id + "/send"), "{\"channel\":\"outbox\"}");
        assertEquals(200, sent.status(), sent.body());
        assertTrue(sent.json().get("published").asBoolean());
        assertEquals(treated, sent.json().get("recipients").asLong());

        // The outbox wrote the post and, beside it, the recipient list with whole phone numbers.
        Path outbox = work.resolve("data/files/channels/outbox");
        List<Path> written;
        try (Stream<Path> files = Files.walk(outbox)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        Path post = written.stream().filter(p -> p.toString().endsWith(".json") && p.getFileName().toString().contains("members-action"))
                .findFirst().orElseThrow(() -> new AssertionError(written.toString()));
        JsonNode json = new ObjectMapper().readTree(post.toFile());
        assertEquals("双11老客召回", json.get("title").asText());
        Path list = written.stream().filter(p -> p.getFileName().toString().startsWith("recipients-action-")).findFirst().orElseThrow();
        JsonNode recipients = new ObjectMapper().readTree(list.toFile()).get("recipients");
        assertEquals(treated, recipients.size());
        assertTrue(recipients.get(0).get("phone").asText().matches("1[3-9]\\d{9}"), recipients.get(0).toString());
    }

    @Test
    void theMemberListImportAndTheBriefing() throws Exception {
        String id = sql("SELECT c.external_id FROM customers c JOIN shops s ON s.id = c.shop_id WHERE s.code = 'demo'"
                + " ORDER BY c.external_id LIMIT 1");
        Path list = work.resolve("members.csv");
        Files.writeString(list, "会员ID,姓名,手机,邮箱,标签\n"
                + id + ",测试顾客,139 0000 1111,test@example.com,团购、老客\n"
                + "someone-else,无名,12ab,x@example.com,\n", StandardCharsets.UTF_8);
        var started = server.postMultipart("/api/shops/demo/imports", Map.of("kind", "members"), "file", list);
        assertEquals(202, started.status(), started.body());
        JsonNode job = waitFor(started.json().get("id").asText());
        assertEquals("done-with-rejections", job.get("state").asText(), job.toString());
        JsonNode c = server.get(members("/customers/" + enc(id))).json();
        assertEquals("13900001111", c.get("contact").get("phone").asText());
        assertTrue(c.get("tags").toString().contains("团购") && c.get("tags").toString().contains("老客"), c.toString());

        JsonNode briefing = server.get("/api/shops/demo/briefing?date=" + TO).json();
        boolean fromMembers = false;
        for (JsonNode f : briefing.get("findings")) {
            fromMembers |= f.get("plugin").asText().equals("members");
        }
        assertTrue(fromMembers, "the members plugin feeds the briefing: " + briefing);

        assertEquals(403, designer.get(members("/rfm")).status(), "design does not see customers");
        assertEquals(200, operator.get(members("/rfm?date=" + TO)).status());
    }

    private static JsonNode waitFor(String importId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode job = server.get("/api/imports/" + importId).json();
            String state = job.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + importId + " did not finish in 60 s");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
