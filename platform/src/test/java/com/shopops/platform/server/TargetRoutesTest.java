package com.shopops.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.Role;
import com.shopops.platform.Installation;
import com.shopops.platform.config.Config;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.people.AuditLog;
import com.shopops.platform.people.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The targets API on a real server over a real SQLite installation: reading, setting the year and a
 * month, the CSV, the audit entry, who may change targets, and a clear 400 for every bad input.
 */
class TargetRoutesTest {

    private static final String PASSWORD = "a good long password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    static Path dir;

    static Installation installation;
    static ShopOpsServer server;
    static final Map<Role, String> TOKENS = new HashMap<>();

    record Answer(int status, String body, HttpResponse<String> response) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    @BeforeAll
    static void start() {
        Map<String, String> flags = new HashMap<>();
        flags.put("data", dir.resolve("data").toString());
        flags.put("plugins", dir.resolve("plugins").toString());
        installation = Installation.open(Config.load(null, Map.of(), flags));
        installation.shops().create(new ShopStore.NewShop("flagship", "旗舰店", "tmall", "CNY", "Asia/Shanghai"));
        installation.shops().create(new ShopStore.NewShop("other", "Other", "jd", "CNY", "Asia/Shanghai"));
        for (Role role : List.of(Role.OWNER, Role.OPERATOR, Role.DESIGN, Role.PROMOTION)) {
            Users.User user = installation.people().users().create(new Users.NewUser(role.name().toLowerCase() + "-user", PASSWORD,
                    Set.of(role), role == Role.OWNER ? List.of() : List.of("flagship")));
            TOKENS.put(role, installation.people().tokens().create(user.id(), "test").token());
        }
        server = new ShopOpsServer(installation, installation.people(), "test").start("127.0.0.1", 0);
        server.ready();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (installation != null) {
            installation.close();
        }
    }

    private static Answer send(Role role, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (role != null) {
            request.header("Authorization", "Bearer " + TOKENS.get(role));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), response);
    }

    @Test
    void anOperatorSetsTheYearAndAMonthAndEveryoneWhoSeesTheShopReadsThem() throws Exception {
        Answer empty = send(Role.DESIGN, "GET", "/api/shops/flagship/targets?year=2030", null);
        assertEquals(200, empty.status(), empty.body());
        assertTrue(empty.json().get("sales").isNull());
        assertEquals("flat", empty.json().get("basis").asText(), "no history: a breakdown would be flat");
        assertEquals(12, empty.json().get("months").size());
        assertEquals(0, empty.json().get("days").size());

        Answer set = send(Role.OPERATOR, "PUT", "/api/shops/flagship/targets/2030",
                "{\"sales\": 1000000007, \"conversionRate\": 0.03, \"aov\": 9900}");
        assertEquals(200, set.status(), set.body());
        JsonNode plan = set.json();
        assertEquals(1_000_000_007L, plan.get("sales").asLong());
        assertEquals("CNY", plan.get("currency").asText());
        assertEquals(0.03, plan.get("baselines").get("conversionRate").asDouble());
        assertEquals(9_900L, plan.get("baselines").get("aov").asLong());
        assertEquals(365, plan.get("days").size());
        assertEquals(1_000_000_007L, sum(plan.get("months"), "sales"));
        assertEquals(1_000_000_007L, sum(plan.get("weeks"), "sales"));
        assertEquals(1_000_000_007L, sum(plan.get("days"), "sales"));
        JsonNode day = plan.get("days").get(0);
        assertEquals("2030-01-01", day.get("day").asText());
        assertEquals(day.get("sales").asDouble(), day.get("uv").asLong() * day.get("conversionRate").asDouble() * day.get("aov").asLong(),
                1e-6);
        assertEquals(plan, send(Role.DESIGN, "GET", "/api/shops/flagship/targets?year=2030", null).json(), "read as set");

        Answer month = send(Role.OWNER, "PUT", "/api/shops/flagship/targets/2030/3", "{\"sales\": 5000000}");
        assertEquals(200, month.status(), month.body());
        JsonNode march = month.json().get("months").get(2);
        assertEquals(5_000_000L, march.get("sales").asLong());
        assertTrue(march.get("edited").asBoolean());
        assertEquals(1_000_000_007L - plan.get("months").get(2).get("sales").asLong() + 5_000_000L, month.json().get("sales").asLong());

        List<AuditLog.Entry> audit = installation.people().audit().list(AuditLog.Filter.everything()).stream()
                .filter(e -> e.action().equals("targets.set")).toList();
        assertEquals(2, audit.size());
        assertEquals("2030-03", audit.get(0).target());
        assertEquals("operator-user", audit.get(1).user());
        assertEquals("flagship", audit.get(1).shop());
        assertTrue(audit.get(1).after().contains("sales 1000000007"), audit.get(1).after());
        assertTrue(audit.get(0).before().startsWith("sales " + plan.get("months").get(2).get("sales").asLong()), audit.get(0).before());

        Answer csv = send(Role.PROMOTION, "GET", "/api/shops/flagship/targets.csv?year=2030", null);
        assertEquals(200, csv.status());
        assertTrue(csv.response().headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("\uFEFFday,week,sales,uv,conversionRate,aov,orders,currency", lines.get(0));
        assertEquals(366, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals("2030-01-01", first[0]);
        assertEquals("2030-W01", first[1]);
        assertEquals(java.math.BigDecimal.valueOf(day.get("sales").asLong(), 2).toPlainString(), first[2], "money in yuan");
        assertEquals("99.00", first[5]);
    }

    @Test
    void onlyWhoHoldsTargetsEditMayChangeThemAndOnlyInTheirShops() throws Exception {
        Answer design = send(Role.DESIGN, "PUT", "/api/shops/flagship/targets/2031", "{\"sales\": 100}");
        assertEquals(403, design.status(), design.body());
        assertTrue(design.json().get("error").asText().contains("targets.edit"));
        assertEquals(403, send(Role.PROMOTION, "PUT", "/api/shops/flagship/targets/2031/1", "{\"sales\": 100}").status());
        assertEquals(200, send(Role.DESIGN, "GET", "/api/shops/flagship/targets?year=2031", null).status());
        assertEquals(404, send(Role.OPERATOR, "PUT", "/api/shops/other/targets/2031", "{\"sales\": 100}").status(),
                "a shop not granted is not there");
        assertEquals(401, send(null, "GET", "/api/shops/flagship/targets", null).status());
        assertTrue(send(Role.OWNER, "GET", "/api/shops/flagship/targets?year=2031", null).json().get("sales").isNull(),
                "nothing was set");
    }

    @Test
    void badInputGetsAClear400AndChangesNothing() throws Exception {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{\"sales\": -1}", "negative");
        bad.put("{}", "sales is missing");
        bad.put("{\"sales\": null}", "sales is missing");
        bad.put("{\"sales\": 1.5}", "whole number");
        bad.put("{\"sales\": \"1200000.00\"}", "whole number");
        bad.put("{\"sales\": 100000000000000001}", "beyond");
        bad.put("{\"sales\": 99999999999999999999999}", "whole number");
        bad.put("{\"sales\": 100, \"conversionRate\": 2}", "conversionRate");
        bad.put("{\"sales\": 100, \"conversionRate\": 0}", "conversionRate");
        bad.put("{\"sales\": 100, \"conversionRate\": \"3%\"}", "conversionRate");
        bad.put("{\"sales\": 100, \"aov\": 0}", "aov");
        bad.put("{\"sales\": 100, \"aov\": 12.5}", "aov");
        bad.put("{\"sales\": 100, \"target\": 5}", "unknown field 'target'");
        bad.put("[100]", "JSON object");
        bad.put("not json", "not valid JSON");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Answer answer = send(Role.OWNER, "PUT", "/api/shops/flagship/targets/2032", b.getKey());
            assertEquals(400, answer.status(), b.getKey() + " → " + answer.body());
            assertTrue(answer.json().get("error").asText().contains(b.getValue()), b.getKey() + " → " + answer.body());
        }
        for (String path : List.of("/api/shops/flagship/targets/20x2", "/api/shops/flagship/targets/1999",
                "/api/shops/flagship/targets/2032/13", "/api/shops/flagship/targets/2032/none")) {
            Answer answer = send(Role.OWNER, "PUT", path, "{\"sales\": 100}");
            assertEquals(400, answer.status(), path + " → " + answer.body());
            assertTrue(answer.json().get("error").asText().matches(".*(year|month).*"), answer.body());
        }
        assertEquals(400, send(Role.OWNER, "GET", "/api/shops/flagship/targets?year=abc", null).status());
        assertEquals(400, send(Role.OWNER, "GET", "/api/shops/flagship/targets.csv?year=3000", null).status());
        assertTrue(send(Role.OWNER, "GET", "/api/shops/flagship/targets?year=2032", null).json().get("sales").isNull(),
                "nothing was set");
        assertEquals(400, send(Role.OWNER, "PUT", "/api/shops/flagship/targets/2032/2", "{\"sales\": -5}").status());
    }

    private static long sum(JsonNode rows, String field) {
        long sum = 0;
        for (JsonNode r : rows) {
            sum += r.get(field).asLong();
        }
        return sum;
    }
}
