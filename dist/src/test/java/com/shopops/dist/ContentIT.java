package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content plugin end to end on the demo shop: the webhook channel set up through the host's channel
 * routes (its secret never shown back), a post written, sent for review, approved and published now to a
 * real HTTP server on loopback — the signature checked here with our own HMAC, the idempotency key the
 * same on the retry after a 500 — and to the outbox folder; a post due while the server is stopped is
 * published once it is back; the calendar against the quota; the demo's findings in the briefing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContentIT {

    private static final String SECRET = "whsec-content-it-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path work;
    static Distribution.Server server;
    static HttpServer receiver;
    /** What the receiver got, in order: the raw body, the key, the timestamp and the signature. */
    static final List<String[]> received = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> byKey = new ConcurrentHashMap<>();
    /** Answers to give, first in first out; 200 when none are left. */
    static final List<Integer> answers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            received.add(new String[] {new String(body, StandardCharsets.UTF_8), key,
                    exchange.getRequestHeaders().getFirst("X-ShopOps-Timestamp"), exchange.getRequestHeaders().getFirst("X-ShopOps-Signature")});
            int status = answers.isEmpty() ? 200 : answers.remove(0);
            if (status == 200) {
                byKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            byte[] answer = (status == 200 ? "{\"id\":\"wb-" + received.size() + "\"}" : "{\"error\":\"busy\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        server = Distribution.Server.demo(work);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static String content(String rest) {
        return Distribution.Server.plugin("demo", "content", rest);
    }

    private static String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static void setUpWebhook() throws Exception {
        var set = server.put("/api/shops/demo/channels/webhook", "{\"url\":\"" + hook() + "\",\"secret\":\"" + SECRET + "\"}");
        assertEquals(200, set.status(), set.body());
    }

    /** A post on {@code channels} at {@code local} (shop time), sent for review and approved; its JSON. */
    private static JsonNode approvedPost(String title, String local, String... channels) throws Exception {
        String list = String.join(",", Stream.of(channels).map(c -> "\"" + c + "\"").toList());
        var made = server.post(content("/posts"), "{\"title\":\"" + title + "\",\"body\":\"今晚8点开抢 <script>x()</script>\","
                + "\"kind\":\"copy\",\"scheduledAt\":" + (local == null ? "null" : "\"" + local + "\"") + ",\"channels\":[" + list + "]}");
        assertEquals(201, made.status(), made.body());
        long id = made.json().get("id").asLong();
        assertEquals("review", server.post(content("/posts/" + id + "/submit"), "").json().get("status").asText());
        JsonNode approved = server.post(content("/posts/" + id + "/approve"), "{\"note\":\"ok\"}").json();
        assertEquals("admin", approved.get("approvedBy").asText());
        return approved;
    }

    private static String signature(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void publishedNowToARealWebhookAndTheOutboxWithTheSecretNeverShown() throws Exception {
        setUpWebhook();
        JsonNode shown = server.get("/api/shops/demo/channels/webhook").json();
        assertEquals(hook(), shown.get("values").get("url").asText());
        assertEquals("••••6789", shown.get("values").get("secret").asText());
        assertFalse(shown.toString().contains(SECRET));
        assertFalse(server.get("/api/shops/demo/settings/channel:webhook").body().contains(SECRET), "not through the generic settings");
        // The form sent back as shown keeps the secret.
        assertEquals(200, server.put("/api/shops/demo/channels/webhook", "{\"secret\":\"••••6789\"}").status());
        JsonNode channels = server.get(content("/channels")).json().get("channels");
        assertTrue(channels.toString().contains("\"id\":\"webhook\"") && channels.toString().contains("\"id\":\"outbox\""), channels.toString());

        int before = received.size();
        answers.add(500);
        String inAnHour = LocalDateTime.now(SHANGHAI).plusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
        JsonNode post = approvedPost("双十二预热", inAnHour, "webhook", "outbox");
        assertEquals("scheduled", post.get("status").asText());
        long id = post.get("id").asLong();

        // Publish now: the webhook answers 500 (tried again later), the outbox takes it.
        JsonNode first = server.post(content("/posts/" + id + "/publish-now"), "").json();
        JsonNode webhook = delivery(first, "webhook");
        assertEquals("pending", webhook.get("state").asText(), first.toString());
        assertTrue(webhook.get("lastError").asText().startsWith("HTTP 500"), webhook.toString());
        assertEquals("published", delivery(first, "outbox").get("state").asText());
        assertEquals("scheduled", first.get("status").asText(), "not every channel took it yet");

        JsonNode second = server.post(content("/posts/" + id + "/publish-now"), "").json();
        assertEquals("published", second.get("status").asText(), second.toString());
        assertEquals(2, delivery(second, "webhook").get("attempts").asInt());
        assertTrue(delivery(second, "webhook").get("externalId").asText().startsWith("wb-"));

        List<String[]> mine = received.subList(before, received.size());
        assertEquals(2, mine.size());
        assertEquals(mine.get(0)[1], mine.get(1)[1], "the retry carries the same idempotency key");
        assertEquals(1, byKey.get(mine.get(1)[1]).get(), "taken once");
        for (String[] r : mine) {
            assertEquals(signature(r[2], r[0]), r[3], "signed with the shop's secret");
            JsonNode body = JSON.readTree(r[0]);
            assertEquals("双十二预热", body.get("title").asText());
            assertEquals("今晚8点开抢 <script>x()</script>", body.get("body").asText(), "the text as written, as data");
        }

        // The outbox file, under the data folder.
        Path outbox = work.resolve("data/files/channels/outbox");
        try (Stream<Path> files = Files.walk(outbox)) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertTrue(json.stream().anyMatch(p -> {
                try {
                    return Files.readString(p).contains("双十二预热");
                } catch (Exception e) {
                    return false;
                }
            }), json.toString());
        }
        assertEquals(409, server.post(content("/posts/" + id + "/publish-now"), "").status(), "a published post stays published");
        assertEquals(409, server.put(content("/posts/" + id), "{\"title\":\"x\",\"body\":\"\",\"kind\":\"copy\"}").status());
    }

    private static JsonNode delivery(JsonNode post, String channel) {
        for (JsonNode d : post.get("channels")) {
            if (d.get("channel").asText().equals(channel)) {
                return d;
            }
        }
        throw new AssertionError("no " + channel + " in " + post);
    }

    @Test
    void aPostDueWhileTheServerWasDownGoesOutWhenItIsBack() throws Exception {
        setUpWebhook();
        String soon = LocalDateTime.now(SHANGHAI).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode post = approvedPost("停机期间到点的内容", soon, "webhook");
        long id = post.get("id").asLong();
        server.close();
        Thread.sleep(4_000);
        server = Distribution.Server.start(work, "--data", work.resolve("data").toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonNode now = null;
        while (System.nanoTime() < deadline) {
            now = server.get(content("/posts/" + id)).json();
            if (now.get("status").asText().equals("published")) {
                break;
            }
            Thread.sleep(1_000);
        }
        assertNotNull(now);
        assertEquals("published", now.get("status").asText(), "the publisher picked it up after the restart: " + now);
        long copies = received.stream().filter(r -> r[0].contains("停机期间到点的内容")).count();
        assertEquals(1, copies, "published exactly once");
    }

    // First, on the demo as it was made: the other tests add posts to the days it looks at.
    @Test
    @Order(1)
    void theCalendarTheQuotaAndTheBriefing() throws Exception {
        String today = java.time.LocalDate.now(SHANGHAI).toString();
        JsonNode cal = server.get(content("/calendar?from=" + Distribution.DEMO_LAST_DAY + "&to=" + today)).json();
        assertEquals(3, cal.get("quota").asInt());
        JsonNode last = cal.get("days").get(0);
        assertEquals(Distribution.DEMO_LAST_DAY, last.get("day").asText());
        assertTrue(last.get("counted").asInt() >= 3, last.toString());
        assertEquals(400, server.get(content("/calendar?from=2026-01-01&to=2026-12-31")).status(), "at most 93 days");

        JsonNode findings = server.get("/api/shops/demo/briefing?date=" + Distribution.DEMO_LAST_DAY).json().get("findings");
        boolean failed = false;
        boolean waiting = false;
        JsonNode quota = null;
        for (JsonNode f : findings) {
            if (f.get("plugin").asText().equals("content")) {
                failed |= f.get("metric").asText().equals("content.failed");
                waiting |= f.get("metric").asText().equals("content.waiting");
                quota = f.get("metric").asText().equals("content.posts-tomorrow") ? f : quota;
            }
        }
        assertTrue(failed && waiting, "the demo's failed post and the one waiting for approval: " + findings);
        // Read on the morning after the demo's last day, "tomorrow" is the day after that: the demo plans 2 of 3.
        assertNotNull(quota, findings.toString());
        assertEquals(2.0, quota.get("value").asDouble());
        assertEquals(3.0, quota.get("expected").asDouble());
        // The calendar shows what the published posts did.
        assertTrue(last.get("posts").get(0).get("views").asLong() > 0, last.toString());

        JsonNode engagement = server.get(content("/engagement?from=2026-11-09&to=" + Distribution.DEMO_LAST_DAY)).json();
        assertFalse(engagement.get("kinds").isEmpty());
        assertTrue(server.get(content("/engagement?from=2026-11-09&to=" + Distribution.DEMO_LAST_DAY + "&format=csv")).body()
                .startsWith("\uFEFFid,title,kind"));
        assertEquals(400, server.put(content("/settings"), "{\"dailyQuota\":0}").status());
        assertEquals(400, server.post(content("/posts"), "{\"title\":\"\",\"body\":\"x\",\"kind\":\"copy\"}").status());
        assertEquals(400, server.post(content("/posts"), "{\"title\":\"x\",\"body\":\"x\",\"kind\":\"poem\"}").status());
        assertEquals(400, server.post(content("/posts"), "{\"title\":\"x\",\"body\":\"x\",\"kind\":\"copy\",\"channels\":[\"weibo\"]}").status());
        assertEquals(400, server.post(content("/posts"), "{\"title\":\"x\",\"body\":\"x\",\"kind\":\"copy\",\"scheduledAt\":\"soon\"}").status());
    }
}
