package com.shopops.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.Role;
import com.shopops.platform.Installation;
import com.shopops.platform.config.Config;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.people.AuditLog;
import com.shopops.platform.people.People;
import com.shopops.platform.people.Users;
import com.shopops.platform.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task board's HTTP routes on a real server over a real SQLite file, called with API tokens as a
 * script would: making tasks by hand and from findings, moving them, comments, the week by role, CSV,
 * and the answers for who may not, another shop's task and bad input.
 */
class TaskRoutesTest {

    private static final String PASSWORD = "a good long password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;

    /** Wednesday 2026-11-25, 10:00 in Shanghai. */
    static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-25T02:00:00Z"));
    static Installation installation;
    static ShopOpsServer server;
    static String owner;
    static String operator;
    static String designer;
    static long operatorId;
    static long designerId;
    static long elsewhereId;

    @BeforeAll
    static void start() {
        Config config = Config.load(null, Map.of(), Map.of("data", dir.resolve("data").toString(),
                "plugins", dir.resolve("plugins").toString()));
        installation = Installation.wire(config, CLOCK);
        installation.migrateCore();
        server = new ShopOpsServer(installation, installation.people(), "test").start("127.0.0.1", 0);
        server.ready();
        installation.shops().create(new ShopStore.NewShop("a", "Shop A", "tmall", null, null));
        installation.shops().create(new ShopStore.NewShop("b", "Shop B", "jd", null, null));
        People people = installation.people();
        owner = token(people, "boss", Role.OWNER, List.of());
        operator = token(people, "op", Role.OPERATOR, List.of("a"));
        designer = token(people, "xiaomei", Role.DESIGN, List.of("a"));
        token(people, "elsewhere", Role.SERVICE, List.of("b"));
        operatorId = people.users().byName("op").orElseThrow().id();
        designerId = people.users().byName("xiaomei").orElseThrow().id();
        elsewhereId = people.users().byName("elsewhere").orElseThrow().id();
    }

    private static String token(People people, String name, Role role, List<String> shops) {
        Users.User user = people.users().create(new Users.NewUser(name, PASSWORD, Set.of(role), shops));
        return people.tokens().create(user.id(), "test").token();
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

    record Answer(int status, String body, String contentType) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private static Answer send(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    private static JsonNode ok(Answer a, int status) throws Exception {
        assertEquals(status, a.status(), a.body());
        return a.json();
    }

    private static void bad(Answer a, int status, String words) throws Exception {
        assertEquals(status, a.status(), a.body());
        assertTrue(a.json().get("error").asText().contains(words), a.body());
    }

    @Test
    void aTaskIsMadeMovedCommentedAndShownInItsRolesWeek() throws Exception {
        JsonNode made = ok(send(operator, "POST", "/api/shops/a/tasks", """
                {"title":"Redo the detail page","detail":"Size chart first","role":"design","assigneeId":%d,"due":"2026-11-27"}"""
                .formatted(designerId)), 201);
        long id = made.get("id").asLong();
        assertEquals("DESIGN", made.get("role").asText());
        assertEquals("xiaomei", made.get("assigneeName").asText());
        assertEquals("OPEN", made.get("status").asText());
        assertEquals("2026-11-27", made.get("due").asText());
        assertEquals("op", made.get("createdBy").asText());

        JsonNode board = ok(send(designer, "GET", "/api/shops/a/tasks", null), 200);
        assertEquals("2026-11-25", board.get("today").asText());
        List<String> checks = new ArrayList<>();
        board.get("tasks").forEach(t -> {
            if (!t.get("checkKey").isNull()) {
                checks.add(t.get("checkKey").asText());
            }
        });
        assertEquals(Set.of("page-health", "top5-copycats", "top5-reviews"), Set.copyOf(checks), "the standing checks are on the board");
        assertEquals(1, ok(send(designer, "GET", "/api/shops/a/tasks?role=design&status=open,doing", null), 200).get("tasks").size());
        assertEquals(1, ok(send(designer, "GET", "/api/shops/a/tasks?assignee=me", null), 200).get("tasks").size());
        assertEquals(0, ok(send(operator, "GET", "/api/shops/a/tasks?assignee=me", null), 200).get("tasks").size());
        assertEquals(1, ok(send(designer, "GET", "/api/shops/a/tasks?from=2026-11-27&to=2026-11-27", null), 200).get("tasks").size());

        assertEquals("DOING", ok(send(designer, "PUT", "/api/shops/a/tasks/" + id, "{\"status\":\"doing\"}"), 200).get("status").asText());
        JsonNode done = ok(send(designer, "PUT", "/api/shops/a/tasks/" + id, "{\"status\":\"DONE\"}"), 200);
        assertEquals("DONE", done.get("status").asText());
        assertEquals("2026-11-25T02:00:00Z", done.get("doneAt").asText());
        JsonNode cleared = ok(send(operator, "PUT", "/api/shops/a/tasks/" + id, "{\"assigneeId\":null,\"detail\":null}"), 200);
        assertTrue(cleared.get("assigneeId").isNull());
        assertTrue(cleared.get("detail").isNull());
        assertEquals("DESIGN", cleared.get("role").asText(), "what was not named stays");

        JsonNode comment = ok(send(designer, "POST", "/api/shops/a/tasks/" + id + "/comments", "{\"text\":\"<b>html</b>\"}"), 201);
        assertEquals("<b>html</b>", comment.get("text").asText());
        assertEquals("xiaomei", comment.get("userName").asText());
        JsonNode detail = ok(send(operator, "GET", "/api/shops/a/tasks/" + id, null), 200);
        assertEquals(id, detail.get("task").get("id").asLong());
        assertEquals(1, detail.get("task").get("comments").asInt());
        assertEquals("<b>html</b>", detail.get("comments").get(0).get("text").asText());

        JsonNode week = ok(send(operator, "GET", "/api/shops/a/tasks/week?week=2026-W48", null), 200);
        assertEquals("2026-W48", week.get("week").asText());
        assertEquals("2026-11-23", week.get("from").asText());
        JsonNode design = null;
        for (JsonNode r : week.get("roles")) {
            if ("DESIGN".equals(r.get("role").asText())) {
                design = r;
            }
        }
        assertTrue(design != null, week.toString());
        assertEquals(id, design.get("due").get(0).get("id").asLong());
        assertEquals(id, design.get("done").get(0).get("id").asLong());
        assertEquals(1, design.get("counts").get("done").asInt());
        assertEquals("2026-W48", ok(send(operator, "GET", "/api/shops/a/tasks/week", null), 200).get("week").asText(),
                "this week by default");

        Answer csv = send(designer, "GET", "/api/shops/a/tasks.csv?role=design", null);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().startsWith("\uFEFFid,status,title"), csv.body());
        assertTrue(csv.body().contains("Redo the detail page"));
        assertFalse(csv.body().contains("page health"), "filtered like the list");

        List<AuditLog.Entry> audit = installation.people().audit().list(new AuditLog.Filter(null, null, null, "a", null, null, null, 100));
        List<String> actions = audit.stream().map(AuditLog.Entry::action).toList();
        assertTrue(actions.containsAll(List.of("task.create", "task.change", "task.comment")), actions.toString());
        AuditLog.Entry moved = audit.stream().filter(e -> e.action().equals("task.change") && e.after().startsWith("DONE")
                        && e.before().startsWith("DOING"))
                .findFirst().orElseThrow();
        assertEquals("task #" + id, moved.target());
        assertEquals("xiaomei", moved.user());
    }

    @Test
    void aTaskMadeFromAFindingKeepsItsFiguresAndTheFindingsRole() throws Exception {
        JsonNode made = ok(send(operator, "POST", "/api/shops/a/tasks", """
                {"finding":{"key":"traffic.uv.paid.0","day":"2026-11-24","plugin":"traffic","severity":"warning",
                 "title":"Paid search visitors fell 18%","detail":"1,240 against 1,512","metric":"uv.paid","value":1240,
                 "expected":1512,"unit":"count","suggestion":"Check keyword bids","role":"PROMOTION",
                 "link":"/ui/traffic/#sources","impact":27200,"trend":[1,2,3]}}"""), 201);
        long id = made.get("id").asLong();
        assertEquals("Paid search visitors fell 18%", made.get("title").asText());
        assertEquals("Check keyword bids", made.get("detail").asText());
        assertEquals("PROMOTION", made.get("role").asText());
        assertEquals("2026-11-24", made.get("findingDay").asText());
        assertEquals("traffic.uv.paid.0", made.get("findingKey").asText());
        JsonNode figures = ok(send(designer, "GET", "/api/shops/a/tasks/" + id, null), 200).get("task").get("figures");
        assertEquals(1240, figures.get("value").asInt());
        assertEquals(1512, figures.get("expected").asInt());
        assertEquals("count", figures.get("unit").asText());
        assertEquals("/ui/traffic/#sources", figures.get("link").asText());
        assertFalse(figures.has("trend") || figures.has("impact"), "only the finding's own fields: " + figures);
    }

    @Test
    void whoMayNotChangeTasksGets403AndStillReadsThem() throws Exception {
        Set<Role> before = installation.people().grants().set("tasks.edit", EnumSet.complementOf(EnumSet.of(Role.DESIGN)));
        try {
            bad(send(designer, "POST", "/api/shops/a/tasks", "{\"title\":\"x\"}"), 403, "tasks.edit");
            bad(send(designer, "PUT", "/api/shops/a/tasks/1", "{\"status\":\"done\"}"), 403, "tasks.edit");
            bad(send(designer, "POST", "/api/shops/a/tasks/1/comments", "{\"text\":\"x\"}"), 403, "tasks.edit");
            assertEquals(200, send(designer, "GET", "/api/shops/a/tasks", null).status());
            assertEquals(201, send(operator, "POST", "/api/shops/a/tasks", "{\"title\":\"x\"}").status());
        } finally {
            installation.people().grants().set("tasks.edit", before);
        }
    }

    @Test
    void anotherShopsTaskIs404AndAShopNotGrantedToo() throws Exception {
        long theirs = ok(send(owner, "POST", "/api/shops/b/tasks", "{\"title\":\"Shop B only\"}"), 201).get("id").asLong();
        bad(send(owner, "GET", "/api/shops/a/tasks/" + theirs, null), 404, "no task " + theirs);
        bad(send(owner, "PUT", "/api/shops/a/tasks/" + theirs, "{\"status\":\"done\"}"), 404, "no task");
        bad(send(owner, "POST", "/api/shops/a/tasks/" + theirs + "/comments", "{\"text\":\"x\"}"), 404, "no task");
        bad(send(operator, "GET", "/api/shops/b/tasks/" + theirs, null), 404, "no shop 'b'");
        bad(send(operator, "GET", "/api/shops/b/tasks", null), 404, "no shop 'b'");
        assertEquals("OPEN", ok(send(owner, "GET", "/api/shops/b/tasks/" + theirs, null), 200).get("task").get("status").asText());
    }

    @Test
    void badInputIs400WithWordsSayingWhat() throws Exception {
        long id = ok(send(operator, "POST", "/api/shops/a/tasks", "{\"title\":\"Fine\"}"), 201).get("id").asLong();
        String task = "/api/shops/a/tasks/" + id;
        bad(send(operator, "POST", "/api/shops/a/tasks", "{}"), 400, "title");
        bad(send(operator, "POST", "/api/shops/a/tasks", "{\"title\":\"x\",\"role\":\"boss\"}"), 400, "role: one of owner");
        bad(send(operator, "POST", "/api/shops/a/tasks", "{\"title\":\"x\",\"due\":\"27/11/2026\"}"), 400, "due: a day as YYYY-MM-DD");
        bad(send(operator, "POST", "/api/shops/a/tasks", "{\"title\":\"x\",\"colour\":\"red\"}"), 400, "unknown field 'colour'");
        bad(send(operator, "POST", "/api/shops/a/tasks", "{\"title\":\"x\",\"assigneeId\":" + elsewhereId + "}"), 400,
                "cannot see this shop");
        bad(send(operator, "POST", "/api/shops/a/tasks", "{\"title\":\"x\",\"assigneeId\":\"someone\"}"), 400, "assigneeId");
        bad(send(operator, "POST", "/api/shops/a/tasks", "[1]"), 400, "JSON object");
        bad(send(operator, "POST", "/api/shops/a/tasks", "{not json"), 400, "not valid JSON");
        bad(send(operator, "PUT", task, "{\"status\":\"finished\"}"), 400, "status: one of open, doing, done, dropped");
        bad(send(operator, "PUT", task, "{\"status\":null}"), 400, "status");
        bad(send(operator, "PUT", task, "{\"title\":\"  \"}"), 400, "title");
        bad(send(operator, "PUT", "/api/shops/a/tasks/abc", "{\"status\":\"done\"}"), 400, "id: a number");
        bad(send(operator, "POST", task + "/comments", "{\"text\":\"\"}"), 400, "text");
        bad(send(operator, "GET", "/api/shops/a/tasks?status=late", null), 400, "status");
        bad(send(operator, "GET", "/api/shops/a/tasks?role=ceo", null), 400, "role");
        bad(send(operator, "GET", "/api/shops/a/tasks?assignee=bob", null), 400, "assignee");
        bad(send(operator, "GET", "/api/shops/a/tasks?from=2026-12-01&to=2026-11-01", null), 400, "after");
        bad(send(operator, "GET", "/api/shops/a/tasks?from=tomorrow", null), 400, "from: a day");
        bad(send(operator, "GET", "/api/shops/a/tasks/week?week=2026-48", null), 400, "2026-W48");
        assertEquals("Fine", ok(send(operator, "GET", task, null), 200).get("task").get("title").asText(), "nothing changed");
    }

    @Test
    void theAssigneesAreThoseWhoSeeTheShop() throws Exception {
        List<String> names = new ArrayList<>();
        ok(send(designer, "GET", "/api/shops/a/tasks/assignees", null), 200).forEach(u -> names.add(u.get("name").asText()));
        assertEquals(List.of("boss", "op", "xiaomei"), names);
    }
}
