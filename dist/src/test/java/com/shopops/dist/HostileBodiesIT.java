package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken request bodies (issue #11) sent to every route of the core and the plugins that takes
 * one, walked from {@code /openapi.json} so a new route is covered without touching this test: random
 * bytes, truncated and deeply nested JSON, the wrong JSON type, objects whose usual fields hold the wrong
 * types, huge texts and numbers, dates out of range, spreadsheet formulas. Expected of each: an answer
 * below 500, and for a refusal a JSON body whose {@code error} says what is wrong; the server stays up.
 *
 * <p>The bodies come from a seeded generator (the seed is in every failure message) rather than a
 * property-testing library: jqwik, the usual one, runs only on JUnit Platform 1 and this build is on 6.
 */
class HostileBodiesIT {

    private static final long SEED = Long.getLong("shopops.fuzz.seed", System.nanoTime());
    /** Field names the API's bodies use, each sent with values of the wrong type or out of range. */
    private static final List<String> FIELDS = List.of("title", "name", "body", "value", "metric", "period", "from", "to", "date",
            "day", "status", "role", "roles", "password", "url", "secret", "channel", "channels", "products", "skus", "sku", "kind",
            "note", "scheduledAt", "price", "amount", "budget", "goal", "stock", "assignee", "due", "dueOn", "text", "tags", "segments",
            "tiers", "holdout", "offer", "enabled", "decision", "comment", "shops", "grants", "settings", "images", "campaign", "target");
    private static final List<String> VALUES = List.of("null", "true", "-1", "0", "1e400", "-9223372036854775809", "99999999999999999999999",
            "[]", "{}", "[1,[2,[3]]]", "{\"a\":{\"b\":{}}}", "\"\"", "\"   \"", "\"0000-00-00\"", "\"2024-13-45\"", "\"+99999-01-01\"",
            "\"9999-12-31T23:59:59Z\"", "\"=cmd|' /C calc'!A0\"", "\"@SUM(1+1)\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"",
            "\"\\u0000\\u0001\"", "\"" + "长".repeat(20_000) + "\"", "\"NaN\"", "\"１２３\"");

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

    /** The bodies sent to each route: the fixed cases and a few generated objects. */
    private static List<byte[]> bodies(SplittableRandom random) {
        List<byte[]> bodies = new ArrayList<>();
        byte[] noise = new byte[1 + random.nextInt(2_000)];
        random.nextBytes(noise);
        bodies.add(noise);
        for (String text : List.of("", "{", "{\"title\": \"x", "null", "[]", "\"text\"", "12", "{\"a\":1}{\"b\":2}", "{\"a\":}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000))) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add("{\"title\":\"标题\"}".getBytes(StandardCharsets.UTF_16LE)); // the wrong encoding
        for (int i = 0; i < 4; i++) {
            StringBuilder json = new StringBuilder("{");
            int fields = 1 + random.nextInt(8);
            for (int f = 0; f < fields; f++) {
                json.append(f == 0 ? "" : ",").append('"').append(FIELDS.get(random.nextInt(FIELDS.size()))).append("\":")
                        .append(VALUES.get(random.nextInt(VALUES.size())));
            }
            bodies.add(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    @Test
    void everyRouteThatTakesABodyRefusesHostileOnesWithAReasonAndNeverFails() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        JsonNode api = server.get("/openapi.json").json();
        int sent = 0;
        int closedEarly = 0;
        List<String> routes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> ops = path.getValue().fieldNames(); ops.hasNext(); ) {
                String method = ops.next().toUpperCase(Locale.ROOT);
                String template = path.getKey();
                if (!(method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) || template.equals("/api/auth/logout")) {
                    continue;
                }
                // Existing ids (the demo's first rows) so that the body is read rather than the id refused.
                String url = template.replace("{shop}", "demo").replaceAll("\\{id}", "1").replaceAll("\\{[^}]+}", "none");
                routes.add(method + " " + template);
                for (byte[] body : bodies(random)) {
                    Distribution.Answer answer;
                    try {
                        answer = server.send(HttpRequest.newBuilder(server.uri(url))
                                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
                    } catch (java.io.IOException closed) {
                        // The server answered (a refusal) and closed the connection before reading all of a large
                        // body: the client sees a broken pipe. Acceptable only while the server stays up.
                        closedEarly++;
                        assertEquals(200, server.get("/health").status(), "after " + method + " " + url + " with " + preview(body));
                        continue;
                    }
                    sent++;
                    String what = method + " " + url + " with " + preview(body) + " → " + answer.status() + " " + preview(answer.body());
                    if (answer.status() >= 500) {
                        failures.add(what);
                    } else if (answer.status() >= 400 && answer.status() != 404 && answer.status() != 413) {
                        // a refusal says why, as JSON
                        try {
                            if (answer.json().path("error").asText().isBlank()) {
                                failures.add("no reason: " + what);
                            }
                        } catch (java.io.IOException notJson) {
                            failures.add("not JSON: " + what);
                        }
                    }
                }
            }
        }
        assertTrue(routes.size() > 40, "routes walked: " + routes);
        assertTrue(routes.contains("POST /api/shops/{shop}/p/content/posts"), "plugin routes are walked: " + routes);
        assertEquals(List.of(), failures, "seed " + SEED + ", " + sent + " requests");
        assertEquals(200, server.get("/health").status());
        assertFalse(server.log().contains("OutOfMemoryError"), "seed " + SEED);
        System.out.println("hostile bodies: " + sent + " answered and " + closedEarly + " cut short, to " + routes.size()
                + " routes, seed " + SEED);
    }

    private static String preview(byte[] body) {
        return preview(new String(body, StandardCharsets.UTF_8));
    }

    private static String preview(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
    }
}
