package com.shopops.dist;

import static com.shopops.dist.Distribution.Server.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People on the running distribution: every route of the core and of every plugin against every role
 * (walked from /openapi.json, so a new route is covered without touching this test), sessions with
 * their cookie and CSRF token, the sign-in throttle, API tokens, masked costs, and an audit entry for
 * each kind of change.
 */
class PeopleIT {

    private static final String PASSWORD = "a good long password";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path work;

    static Distribution.Server server;

    /** One signed-in browser-like client per role, each granted shop "a" only. */
    static final Map<String, Browser> BY_ROLE = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path plugins = Distribution.pluginsCopy(work.resolve("plugins"));
        server = Distribution.Server.start(work, "--data", work.resolve("data").toString(), "--plugins", plugins.toString());
        assertEquals(201, server.post("/api/shops", "{\"code\":\"a\",\"platform\":\"tmall\"}").status());
        assertEquals(201, server.post("/api/shops", "{\"code\":\"b\",\"platform\":\"jd\"}").status());
        for (String role : List.of("OWNER", "OPERATOR", "PROMOTION", "DESIGN", "SERVICE", "FINANCE")) {
            String name = role.toLowerCase(Locale.ROOT) + "-user";
            var made = server.post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\""
                    + role + "\"],\"shops\":[\"a\"]}");
            assertEquals(201, made.status(), made.body());
            BY_ROLE.put(role, Browser.signIn(name, PASSWORD));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyRouteOfTheCoreAndThePluginsAnswersEachRoleAsItsPermissionsSay() throws Exception {
        JsonNode api = server.get("/openapi.json").json();
        Map<String, Set<String>> holders = new HashMap<>();
        for (JsonNode p : server.get("/api/permissions").json()) {
            Set<String> roles = new HashSet<>();
            p.get("roles").forEach(r -> roles.add(r.asText()));
            holders.put(p.get("name").asText(), roles);
        }
        int checked = 0;
        Set<String> pluginRoutes = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                String permission = op.getValue().get("x-permission").asText();
                String template = path.getKey();
                if (permission.equals("public") || template.equals("/api/auth/logout")) {
                    continue; // public by design; signing out is tested on its own, as it ends the session
                }
                if (template.contains("/p/")) {
                    pluginRoutes.add(method + " " + template);
                }
                String url = fill(template, "a");
                assertEquals(401, server.as(null).send(request(method, url)).status(), "anonymous " + method + " " + url);
                for (var role : BY_ROLE.entrySet()) {
                    Distribution.Answer answer = role.getValue().send(method, url, "{}");
                    boolean allowed = permission.equals("signed-in") || holders.getOrDefault(permission, Set.of()).contains(role.getKey());
                    if (allowed) {
                        assertFalse(answer.status() == 401 || answer.status() == 403,
                                role.getKey() + " may " + method + " " + url + " but got " + answer.status() + " " + answer.body());
                    } else {
                        assertEquals(403, answer.status(), role.getKey() + " may not " + method + " " + url + ": " + answer.body());
                        assertTrue(answer.json().get("error").asText().contains(permission), answer.body());
                    }
                    if (template.contains("{shop}") && !role.getKey().equals("OWNER")) {
                        assertEquals(404, role.getValue().send(method, fill(template, "b"), "{}").status(),
                                role.getKey() + " is not granted shop b: " + method + " " + template);
                    }
                    checked++;
                }
            }
        }
        assertTrue(pluginRoutes.contains("PUT /api/shops/{shop}/p/traffic/channels/{source}"), "plugin routes are walked: " + pluginRoutes);
        assertTrue(checked > 30 * 6, "routes × roles checked: " + checked);
    }

    @Test
    void aChangeMadeWithTheCookieNeedsTheSessionsCsrfTokenAndThisSitesOrigin() throws Exception {
        Browser owner = Browser.signIn("owner-user", PASSWORD);
        String body = "{\"value\":\"30\"}";
        String url = "/api/shops/a/settings/core/alerts.bulk-price-products";
        assertEquals(403, owner.sendWith(HttpRequest.newBuilder(server.uri(url)).PUT(body(body)), null, null).status(), "no token");
        assertEquals(403, owner.sendWith(HttpRequest.newBuilder(server.uri(url)).PUT(body(body)), "forged", null).status(),
                "wrong token");
        assertEquals(403, owner.sendWith(HttpRequest.newBuilder(server.uri(url)).PUT(body(body)), owner.csrf,
                "http://evil.example").status(), "another site's page");
        assertEquals(200, owner.send("PUT", url, body).status());
        assertEquals(200, owner.sendWith(HttpRequest.newBuilder(server.uri("/api/me")).GET(), null, null).status(),
                "reading needs no token");
        assertEquals(200, server.put(url, body).status(), "an API token needs no CSRF token");
    }

    @Test
    void signingOutEndsTheSessionAndTheCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        Browser b = Browser.signIn("operator-user", PASSWORD);
        assertTrue(b.setCookie.contains("HttpOnly"), b.setCookie);
        assertTrue(b.setCookie.contains("SameSite=Strict"), b.setCookie);
        assertEquals("operator-user", b.send("GET", "/api/me", null).json().get("name").asText());
        assertEquals(204, b.send("POST", "/api/auth/logout", "").status());
        assertEquals(401, b.send("GET", "/api/me", null).status());
    }

    @Test
    void fiveWrongPasswordsThrottleTheNameWith429AndRetryAfter() throws Exception {
        var made = server.post("/api/users", "{\"name\":\"forgetful\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"design\"]}");
        assertEquals(201, made.status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("forgetful", "not it " + i + " at all").statusCode());
        }
        HttpResponse<String> throttled = login("forgetful", PASSWORD);
        assertEquals(429, throttled.statusCode(), throttled.body());
        long wait = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait > 0 && wait <= 15 * 60, "Retry-After " + wait);
        assertEquals(200, login("design-user", PASSWORD).statusCode(), "another name is not throttled");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() throws Exception {
        Browser op = Browser.signIn("operator-user", PASSWORD);
        var created = op.send("POST", "/api/tokens", "{\"name\":\"nightly\"}");
        assertEquals(201, created.status(), created.body());
        String token = created.json().get("token").asText();
        Distribution.Server script = server.as(token);
        assertEquals("operator-user", script.get("/api/me").json().get("name").asText());
        assertFalse(op.send("GET", "/api/tokens", null).body().contains(token), "listed without the secret");
        assertEquals(204, op.send("DELETE", "/api/tokens/" + created.json().get("id").asLong(), null).status());
        assertEquals(401, script.get("/api/me").status());
    }

    @Test
    void costPricesAreMaskedForRolesWithoutTheCostPermission() throws Exception {
        importProducts("a", "sku,title,price,cost,stock\nTEE-1,Linen tee,99.00,31.50,10\n");
        JsonNode service = BY_ROLE.get("SERVICE").send("GET", "/api/shops/a/products", null).json();
        assertFalse(service.get("costVisible").asBoolean());
        assertTrue(service.get("products").get(0).get("cost").isNull());
        assertEquals(9900, service.get("products").get(0).get("price").asLong());
        JsonNode finance = BY_ROLE.get("FINANCE").send("GET", "/api/shops/a/products", null).json();
        assertEquals(3150, finance.get("products").get(0).get("cost").asLong());
        assertEquals(403, BY_ROLE.get("OPERATOR").send("PUT", "/api/shops/a/products/TEE-1", "{\"cost\":1}").status(),
                "who may not see costs may not set them either");
    }

    @Test
    void aPageWithoutASessionGoesToSignInAndAPluginPageWithoutItsPermissionIs403() throws Exception {
        HttpResponse<String> home = HTTP.send(HttpRequest.newBuilder(server.uri("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, home.statusCode());
        assertEquals("/login.html?next=%2F", home.headers().firstValue("Location").orElseThrow());

        Browser design = Browser.signIn("design-user", PASSWORD);
        assertEquals(200, design.send("GET", "/ui/traffic/", null).status());
        assertEquals(200, server.put("/api/permissions/traffic.view", "{\"roles\":[\"OWNER\",\"OPERATOR\",\"PROMOTION\"]}").status());
        try {
            assertEquals(403, design.send("GET", "/ui/traffic/", null).status());
            assertEquals(403, design.send("GET", plugin("a", "traffic", "/channels"), null).status());
            assertFalse(design.send("GET", "/api/menu", null).body().contains("traffic"), "the menu hides what the role may not open");
        } finally {
            server.put("/api/permissions/traffic.view", "{\"roles\":[\"OWNER\",\"OPERATOR\",\"PROMOTION\",\"DESIGN\",\"SERVICE\",\"FINANCE\"]}");
        }
    }

    @Test
    void eachKindOfChangeIsAuditedWithBeforeAndAfterAndTheUnusualOnesRaiseAlerts() throws Exception {
        Browser owner = Browser.signIn("owner-user", PASSWORD);
        importProducts("b", "sku,title,price,stock\nA,Mug,10.00,5\nB,Cup,20.00,5\nC,Bowl,30.00,5\n");
        assertEquals(200, owner.send("PUT", "/api/shops/b/settings/core/alerts.bulk-price-products", "{\"value\":\"3\"}").status());
        assertEquals(200, owner.send("PUT", "/api/shops/b/products/A", "{\"price\":1200}").status());
        assertEquals(200, owner.send("PUT", "/api/shops/b/products/B", "{\"price\":900}").status());
        assertEquals(200, owner.send("POST", "/api/shops/b/product-prices",
                "{\"prices\":[{\"sku\":\"A\",\"price\":1100},{\"sku\":\"B\",\"price\":1900},{\"sku\":\"C\",\"price\":2900}]}").status());
        assertEquals(400, owner.send("POST", "/api/shops/b/product-prices",
                "{\"prices\":[{\"sku\":\"A\",\"price\":1},{\"sku\":\"NOPE\",\"price\":1}]}").status(), "all or nothing");
        assertEquals(1100, server.get("/api/shops/b/products?q=a").json().get("products").get(0).get("price").asLong());
        var user = owner.send("POST", "/api/users", "{\"name\":\"temp\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"service\"]}");
        long id = user.json().get("id").asLong();
        assertEquals(200, owner.send("PUT", "/api/users/" + id, "{\"roles\":[\"service\",\"finance\"],\"shops\":[\"b\"]}").status());
        assertEquals(200, owner.send("PUT", "/api/permissions/data.import", "{\"roles\":[\"OWNER\"]}").status());
        assertEquals(200, owner.send("PUT", "/api/permissions/data.import", "{\"roles\":[\"OWNER\",\"OPERATOR\"]}").status());
        assertEquals(200, owner.send("POST", "/api/plugins/traffic/disable", "").status());
        assertEquals(200, owner.send("POST", "/api/plugins/traffic/enable", "").status());

        JsonNode log = server.get("/api/audit?limit=1000").json();
        Map<String, List<JsonNode>> byAction = new HashMap<>();
        log.forEach(e -> byAction.computeIfAbsent(e.get("action").asText(), k -> new ArrayList<>()).add(e));
        for (String action : List.of("auth.login", "auth.login-failed", "user.create", "user.change", "permission.change",
                "setting.change", "product.change", "product.prices", "plugin.disable", "plugin.enable", "import.start", "shop.create")) {
            assertTrue(byAction.containsKey(action), "audited: " + action + " in " + byAction.keySet());
        }
        JsonNode setting = byAction.get("setting.change").stream().filter(e -> e.get("shop").asText().equals("b")).findFirst().orElseThrow();
        assertEquals("core.alerts.bulk-price-products", setting.get("target").asText());
        assertTrue(setting.get("before").isNull());
        assertEquals("3", setting.get("after").asText());
        assertEquals("owner-user", setting.get("user").asText());

        JsonNode small = byAction.get("product.change").stream().filter(e -> e.get("target").asText().equals("A")).findFirst().orElseThrow();
        assertTrue(small.get("before").asText().contains("price 1000") && small.get("after").asText().contains("price 1200"), small.toString());
        assertTrue(small.get("alert").isNull(), "a 20% move is ordinary");
        JsonNode slip = byAction.get("product.change").stream().filter(e -> e.get("target").asText().equals("B")).findFirst().orElseThrow();
        assertTrue(slip.get("alert").asText().contains("moved 55%"), slip.toString());
        assertTrue(byAction.get("product.prices").get(0).get("alert").asText().contains("3 products"), "bulk change over the threshold");
        List<JsonNode> importPermission = byAction.get("permission.change").stream()
                .filter(e -> e.get("target").asText().equals("data.import")).toList();
        assertEquals(2, importPermission.size());
        assertTrue(importPermission.stream().allMatch(e -> e.get("alert").asText().contains("[OPERATOR, OWNER] → [OWNER]")
                || e.get("alert").asText().contains("[OWNER] → [OPERATOR, OWNER]")), importPermission.toString());
        assertTrue(byAction.get("user.change").get(0).get("alert").asText().contains("FINANCE"));
        assertEquals(1, server.get("/api/audit?action=product.prices").json().size(), "filtered by action");
        assertTrue(server.get("/api/audit?alerts=true").json().size() >= 5);

        Distribution.Answer csv = server.get("/api/audit.csv?shop=b");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().startsWith("\uFEFFid,at,user,shop,action"), csv.body());
        assertTrue(csv.body().contains("product.prices"));
        assertFalse(csv.body().contains("plugin.enable"), "only shop b's entries");
        assertNotEquals(200, BY_ROLE.get("OPERATOR").send("GET", "/api/audit", null).status(), "the owner reads the log");
    }

    private static void importProducts(String shop, String csv) throws Exception {
        Path file = Files.createTempFile(work, "products", ".csv");
        Files.writeString(file, csv);
        var started = server.postMultipart("/api/shops/" + shop + "/imports", Map.of("kind", "products", "format", "generic"),
                "file", file);
        assertEquals(202, started.status(), started.body());
        String id = started.json().get("id").asText();
        for (int i = 0; i < 100; i++) {
            String state = server.get("/api/imports/" + id).json().get("state").asText();
            if (state.startsWith("done")) {
                return;
            }
            assertFalse(state.equals("failed") || state.equals("refused"), state);
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    /** Replaces every path parameter: the shop with {@code shop}, others with values that name nothing. */
    private static String fill(String template, String shop) {
        return template.replace("{shop}", shop).replace("{owner}", "core").replace("{bundle}", "core")
                .replaceAll("\\{id}", "999999").replaceAll("\\{[^}]+}", "none");
    }

    private static HttpRequest.Builder request(String method, String url) {
        return HttpRequest.newBuilder(server.uri(url)).header("Content-Type", "application/json").method(method, body("{}"));
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> login(String name, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri("/api/auth/login")).header("Content-Type", "application/json")
                .POST(body("{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A client that signs in like the web UI: the session cookie, and the CSRF token on changes. */
    static final class Browser {
        final String cookie;
        final String setCookie;
        final String csrf;

        private Browser(String setCookie, String csrf) {
            this.setCookie = setCookie;
            this.cookie = setCookie.substring(0, setCookie.indexOf(';'));
            this.csrf = csrf;
        }

        static Browser signIn(String name, String password) throws Exception {
            HttpResponse<String> r = login(name, password);
            assertEquals(200, r.statusCode(), name + ": " + r.body());
            return new Browser(r.headers().firstValue("Set-Cookie").orElseThrow(),
                    Distribution.JSON.readTree(r.body()).get("csrf").asText());
        }

        Distribution.Answer send(String method, String url, String json) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(url)).header("Content-Type", "application/json")
                    .method(method, body(json));
            return sendWith(b, method.equals("GET") ? null : csrf, null);
        }

        Distribution.Answer sendWith(HttpRequest.Builder b, String csrfToken, String origin) throws Exception {
            b.header("Cookie", cookie);
            if (csrfToken != null) {
                b.header("X-CSRF-Token", csrfToken);
            }
            if (origin != null) {
                b.header("Origin", origin);
            }
            HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Distribution.Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        }
    }
}
