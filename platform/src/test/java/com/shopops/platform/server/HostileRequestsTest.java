package com.shopops.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.Role;
import com.shopops.platform.Installation;
import com.shopops.platform.config.Config;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.MappingFile;
import com.shopops.platform.people.People;
import com.shopops.platform.people.Users;
import com.shopops.platform.server.notes.NotesPlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests against a real server on loopback over a real SQLite file, with a real plugin (its
 * page and a publishing channel with a secret): path traversal out of the served folders, oversized
 * uploads, SQL injection in every parameter of the core's routes, session fixation, secrets in answers
 * and in the log, and the security headers on every kind of answer. Requests go over a plain socket,
 * so that the paths reach the server exactly as written (no client normalises or refuses them).
 */
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "the boss's long password";
    private static final String OPERATOR_PASSWORD = "an operator's own long password";
    private static final String SIGNING_KEY = "whsec-7f3a9c0e5b21d4e8-k9Q2";

    /** In the plugin's jar but outside its ui/ folder: must never be served. */
    private static final String JAR_PRIVATE = "NOT-FOR-THE-WEB-7731";

    @TempDir
    static Path dir;

    /** The limits of {@link #small}: a few KB, so that a test goes over them without sending megabytes. */
    static final Uploads.Limits SMALL = new Uploads.Limits(64 * 1024, 48 * 1024, 16 * 1024, 8 * 1024);

    static Installation installation;
    static ShopOpsServer server;
    /** A second server on the same installation, holding bodies to {@link #SMALL}. */
    static ShopOpsServer small;
    static String owner;
    static Path data;
    static Path plugins;
    static Path database;
    static PrintStream originalErr;
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        // The server logs through slf4j-simple to System.err, looked up at each line: a copy of it is kept.
        originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, LOG), true, StandardCharsets.UTF_8));
        data = dir.resolve("data");
        plugins = Files.createDirectories(dir.resolve("plugins"));
        notesPlugin(plugins.resolve("notes-1.0.0.zip"));
        Config config = Config.load(null, Map.of(), Map.of("data", data.toString(), "plugins", plugins.toString()));
        installation = Installation.wire(config, Clock.systemUTC());
        installation.migrateCore();
        installation.startPlugins();
        assertTrue(installation.plugins().active("notes").isPresent(), installation.plugins().list().toString());
        server = new ShopOpsServer(installation, installation.people(), "test").start("127.0.0.1", 0);
        server.ready();
        small = new ShopOpsServer(installation, installation.people(), "test", SMALL).start("127.0.0.1", 0);
        small.ready();
        database = data.resolve("shopops.db");
        assertTrue(Files.size(database) > 0, "the SQLite file the traversal tests aim at");

        installation.shops().create(new ShopStore.NewShop("a", "Shop A", "shopify", "USD", "America/New_York"));
        installation.shops().create(new ShopStore.NewShop("b", "Shop B", "jd", null, null));
        People people = installation.people();
        Users.User boss = people.users().create(new Users.NewUser("boss", PASSWORD, Set.of(Role.OWNER), List.of()));
        owner = people.tokens().create(boss.id(), "test").token();
        people.users().create(new Users.NewUser("op", OPERATOR_PASSWORD, Set.of(Role.OPERATOR), List.of("a")));

        // Rows in the core tables, so that an injection that deleted or widened something would show.
        importFile("orders", null, "shopify-orders.csv", Map.of());
        Map<String, String> mapping;
        try (InputStream in = HostileRequestsTest.class.getResourceAsStream("/imports/generic-products.properties")) {
            mapping = MappingFile.read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        importFile("products", "generic", "generic-products.csv", mapping);
        assertTrue(rowCounts().get("orders") > 0 && rowCounts().get("products") > 0, rowCounts().toString());
    }

    private static void importFile(String kind, String format, String name, Map<String, String> options) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = HostileRequestsTest.class.getResourceAsStream("/imports/" + name)) {
            Files.copy(in, file);
        }
        installation.imports().run(new ImportRunner.Request(installation.shop("a"), kind, format, file, name, options, false),
                ImportRunner.Progress.NONE);
    }

    @AfterAll
    static void stop() {
        if (originalErr != null) {
            System.setErr(originalErr);
        }
        if (server != null) {
            server.close();
        }
        if (small != null) {
            small.close();
        }
        if (installation != null) {
            installation.close();
        }
    }

    // ------------------------------------------------------------------------------------ path traversal

    /** What each file outside the served folders starts with or contains, to recognise it in an answer. */
    private static List<String> outsideMarkers() {
        return List.of("root:x:0:0", "SQLite format 3", JAR_PRIVATE, "plugin.id=notes", "org.slf4j.simpleLogger",
                "CREATE TABLE", "NotesPlugin.java");
    }

    @Test
    void theIconIsThereForAnyoneSoNoPageLogsAMissingFile() throws Exception {
        // Browsers ask every site for /favicon.ico, signed in or not; a 404 there is an error in every page's console.
        Answer icon = send("GET", "/favicon.ico", null, null);
        assertEquals(200, icon.status());
        assertTrue(icon.headers().entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("content-type")
                && h.getValue().get(0).startsWith("image/")), icon.headers().toString());
    }

    @Test
    void traversalOutOfTheShellsStaticFilesIsRefused() throws Exception {
        // The control: the same requests reach the shell's files, so a refusal below is the path's doing.
        Answer css = send("GET", "/shell/shell.css", owner, null);
        assertEquals(200, css.status(), css.body());

        String db = database.toAbsolutePath().toString();
        List<String> paths = new ArrayList<>(List.of(
                "/../simplelogger.properties",
                "/shell/../../simplelogger.properties",
                "/%2e%2e/simplelogger.properties",
                "/%2e%2e%2fsimplelogger.properties",
                "/shell/..%2f..%2fsimplelogger.properties",
                "/shell/%2e%2e%2f%2e%2e%2fsimplelogger.properties",
                "/shell/..%5c..%5csimplelogger.properties",
                "/shell/..\\..\\simplelogger.properties",
                "/shell/%252e%252e%252f%252e%252e%252fsimplelogger.properties",
                "/shell/%c0%ae%c0%ae/%c0%ae%c0%ae/simplelogger.properties",
                "/db/core/V1__shops_settings_jobs.sql",
                "/../db/core/V1__shops_settings_jobs.sql",
                "/etc/passwd",
                "//etc/passwd",
                "/%2fetc%2fpasswd",
                "/shell/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
                "/file:/etc/passwd",
                "/" + db,
                "/" + encodeSlashes(db),
                "/shell/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f.." + encodeSlashes(db),
                "/vendor/echarts/..%2f..%2f..%2fsimplelogger.properties",
                "/vendor/echarts/%2e%2e%2fecharts.esm.min.js",
                "/vendor/echarts/..%5c..%5csimplelogger.properties"));
        for (String path : paths) {
            assertRefusedWithoutLeaking(path);
        }
    }

    @Test
    void traversalOutOfAPluginsUiFolderIsRefused() throws Exception {
        Answer page = send("GET", "/ui/notes/index.html", owner, null);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("notes-page"), "the control: the plugin's own page is served");

        String db = database.toAbsolutePath().toString();
        List<String> paths = List.of(
                "/ui/notes/../../notes-private/recipe.txt",
                "/ui/notes/..%2f..%2fnotes-private%2frecipe.txt",
                "/ui/notes/%2e%2e/%2e%2e/notes-private/recipe.txt",
                "/ui/notes/%2e%2e%2f%2e%2e%2fnotes-private%2frecipe.txt",
                "/ui/notes/..%5c..%5cnotes-private%5crecipe.txt",
                "/ui/notes/..\\..\\notes-private\\recipe.txt",
                "/ui/notes/%252e%252e%252f%252e%252e%252fnotes-private%252frecipe.txt",
                "/ui/notes/./../../notes-private/recipe.txt",
                "/ui/notes/%00/../../notes-private/recipe.txt",
                "/ui/notes/../../../plugin.properties",
                "/ui/notes/..%2f..%2f..%2fplugin.properties",
                "/ui/notes/..%2f..%2fcom/shopops/platform/server/notes/NotesPlugin.class",
                "/ui/notes//etc/passwd",
                "/ui/notes/%2fetc%2fpasswd",
                "/ui/notes/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
                "/ui/notes/" + encodeSlashes(db),
                "/ui/notes/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f.." + encodeSlashes(db),
                "/ui/%2e%2e/simplelogger.properties",
                "/ui/..%2f..%2fetc/passwd");
        for (String path : paths) {
            assertRefusedWithoutLeaking(path);
        }
    }

    /**
     * Jetty refuses the paths above before the plugin's files are looked up; the check of the plugin's own
     * path stands behind that, for whatever reaches it decoded.
     */
    @Test
    void aPluginPagePathThatClimbsOrIsAbsoluteIsNotAFilePath() {
        for (String path : List.of("../x", "a/../../x", "./x", "a//b", "/etc/passwd", "..\\x", "a\\..\\..\\x", "a/\u0000/x",
                "C:/x/..", "..", "a/..")) {
            assertFalse(PluginUi.safe(path), path);
        }
        assertTrue(PluginUi.safe("index.html"));
        assertTrue(PluginUi.safe("img/chart..png"), "two dots inside a name are a name");
    }

    private static void assertRefusedWithoutLeaking(String path) throws Exception {
        Answer a = send("GET", path, owner, null);
        assertTrue(a.status() >= 400 && a.status() < 500, path + " answered " + a.status() + ": " + a.body());
        for (String marker : outsideMarkers()) {
            assertFalse(a.body().contains(marker), path + " leaked a file outside the served folders: " + a.body());
        }
        assertSecurityHeaders(a, path);
    }

    private static String encodeSlashes(String path) {
        return path.replace("/", "%2f");
    }

    // ------------------------------------------------------------------------------------ oversized uploads

    @Test
    void anImportThatSaysItIsTooLargeIsRefusedBeforeAByteIsWritten() throws Exception {
        long tooLarge = 3L * 1024 * 1024 * 1024;
        // Only the head is sent: the client waits for 100-continue, the server answers at once.
        Answer a = sendHead("POST", "/api/shops/a/imports", owner, Map.of(
                "Content-Type", "multipart/form-data; boundary=xyz", "Content-Length", String.valueOf(tooLarge),
                "Expect", "100-continue"));
        assertEquals(413, a.status(), a.body());
        assertTrue(a.json().get("error").asText().contains("larger than"), a.body());
        assertSecurityHeaders(a, "413");
        assertTrue(uploadedFiles().isEmpty(), "nothing in the uploads folder: " + uploadedFiles());
        assertEquals(0, rowCounts().get("import_jobs"), "no import job");
    }

    @Test
    void aPluginFileTooLargeIsRefusedWhetherItSaysSoOrNotAndNothingStays() throws Exception {
        List<String> before = pluginFolder();
        long limit = ShopOpsServer.MAX_PLUGIN_BYTES;

        Answer declared = sendHead("POST", "/api/plugins", owner, Map.of("Content-Type", "application/zip",
                "Content-Length", String.valueOf(limit + Uploads.FORM_FIELDS_BYTES + 1), "Expect", "100-continue"));
        assertEquals(413, declared.status(), declared.body());
        assertTrue(declared.json().get("error").asText().contains("the plugin file is larger than 64 MB"), declared.body());

        // Without a length (chunked), the limit holds while the body is read: one byte more than allowed.
        Answer streamed = sendChunked("POST", "/api/plugins", owner, "application/zip", limit + 1);
        assertEquals(413, streamed.status(), streamed.body());
        assertTrue(streamed.json().get("error").asText().contains("the plugin file is larger than 64 MB"), streamed.body());

        assertEquals(before, pluginFolder(), "no upload left in the plugins folder");
        assertEquals(List.of("notes"), installation.plugins().list().stream().map(p -> p.id()).toList());
    }

    @Test
    void aJsonBodyThatSaysItIsTooLargeIsRefused() throws Exception {
        Answer a = sendHead("POST", "/api/shops/a/tasks", owner, Map.of("Content-Type", "application/json",
                "Content-Length", String.valueOf(Uploads.REQUEST_BYTES + 1), "Expect", "100-continue"));
        assertEquals(413, a.status(), a.body());
        assertTrue(a.json().get("error").asText().contains("larger than 16 MB"), a.body());
    }

    @Test
    void bodiesSentWithoutALengthAreCutOffAtTheirRoutesLimitAndNothingIsSpooledOrImported() throws Exception {
        int port = small.port();
        Map<String, Long> before = rowCounts();
        List<String> pluginsBefore = pluginFolder();
        String boundary = "shopops-test-boundary";

        // A JSON body whose text never ends: cut off at 16 KB while it is read, not read whole.
        Answer json = sendChunked(port, "POST", "/api/shops/a/tasks", owner, "application/json",
                "{\"title\": \"".getBytes(StandardCharsets.UTF_8), 4 * SMALL.body());
        assertTooLarge(json, "the request body is larger than 16 KB");

        // A multipart import: the form field, then a file that goes on past the import limit and the room for fields.
        byte[] importStart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\norders\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nName,Email,Total\r\n").getBytes(StandardCharsets.UTF_8);
        Answer upload = sendChunked(port, "POST", "/api/shops/a/imports", owner, "multipart/form-data; boundary=" + boundary,
                importStart, 4 * (SMALL.importFile() + SMALL.formFields()));
        assertTooLarge(upload, "the file is larger than 64 KB");

        // A plugin zip, as a multipart upload and as the raw body.
        byte[] pluginStart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big-1.0.0.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\nPK").getBytes(StandardCharsets.UTF_8);
        Answer plugin = sendChunked(port, "POST", "/api/plugins", owner, "multipart/form-data; boundary=" + boundary,
                pluginStart, 4 * (SMALL.pluginFile() + SMALL.formFields()));
        assertTooLarge(plugin, "the plugin file is larger than 48 KB");
        Answer raw = sendChunked(port, "POST", "/api/plugins", owner, "application/zip", new byte[0], SMALL.pluginFile() + 1);
        assertTooLarge(raw, "the plugin file is larger than 48 KB");

        // The server answers on, and a multipart upload within the limit is parsed (its spooled part deleted after).
        Answer health = sendWith(port, "GET", "/health", Map.of(), null);
        assertEquals(200, health.status(), health.body());
        byte[] notAZip = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"small-1.0.0.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n" + "not a zip ".repeat(100) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Answer within = sendWith(port, "POST", "/api/plugins", Map.of("Authorization", "Bearer " + owner,
                "Content-Type", "multipart/form-data; boundary=" + boundary), notAZip);
        assertEquals(400, within.status(), "read whole and refused for what it is: " + within.body());

        assertEquals(before, rowCounts(), "no task, no import job, no row");
        assertEquals(pluginsBefore, pluginFolder(), "no upload left in the plugins folder");
        Path spool = data.resolve("uploads/parts");
        assertTrue(Files.isDirectory(spool), "uploads are spooled in the data folder");
        // Jetty deletes a request's spooled parts as the request ends, which may be just after the answer went out.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!uploadedFiles().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), uploadedFiles(), "no spooled part and no upload stays");
    }

    private static void assertTooLarge(Answer a, String message) throws IOException {
        assertEquals(413, a.status(), a.body());
        assertEquals(413, a.json().get("status").asInt(), a.body());
        assertEquals(message, a.json().get("error").asText(), a.body());
        assertSecurityHeaders(a, "413");
    }

    private static List<String> uploadedFiles() throws IOException {
        Path uploads = data.resolve("uploads");
        if (!Files.exists(uploads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(uploads)) {
            return files.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }

    private static List<String> pluginFolder() throws IOException {
        try (Stream<Path> files = Files.list(plugins)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ------------------------------------------------------------------------------------ SQL injection

    private static final List<String> INJECTIONS = List.of("' OR 1=1 --", "1; DROP TABLE orders", "sku) --",
            "a' UNION SELECT name, password_hash FROM users --", "%' OR '%'='", "'); DROP TABLE users; --");

    /** Every query parameter the core's routes read (grep ctx.queryParam, Params.*), and sort/order, which none take. */
    private static final List<String> QUERY_NAMES = List.of("q", "limit", "from", "to", "status", "role", "assignee", "week",
            "year", "date", "format", "lang", "user", "shop", "action", "alerts", "sort", "order");

    @Test
    void injectionInEveryParameterOfEveryCoreRouteIsRefusedOrPlainTextAndNoTableChanges() throws Exception {
        // Reading yesterday's briefing makes it when it is missing: made first, so that the counts compare.
        assertEquals(200, send("GET", "/api/shops/a/briefing", owner, null).status());
        Map<String, Long> before = rowCounts();
        JsonNode api = send("GET", "/openapi.json", owner, null).json();
        List<String> getRoutes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = api.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getValue().has("get") && path.getKey().startsWith("/api/")) {
                getRoutes.add(path.getKey());
            }
        }
        assertTrue(getRoutes.size() > 20, "the core's GET routes: " + getRoutes);

        int requests = 0;
        for (String route : getRoutes) {
            for (String payload : INJECTIONS) {
                String value = URLEncoder.encode(payload, StandardCharsets.UTF_8);
                // Each query parameter alone (so that one refused does not hide the others), then in the path.
                for (String name : QUERY_NAMES) {
                    String target = route.replace("{shop}", "a").replaceAll("\\{[^}]+}", "1") + "?" + name + "=" + value;
                    assertNotServerError(send("GET", target, owner, null), target);
                    requests++;
                }
                String inPath = route.replace("{shop}", "a").replaceAll("\\{[^}]+}", value.replace("+", "%20"));
                assertNotServerError(send("GET", inPath, owner, null), inPath);
                String shopInPath = route.replace("{shop}", value.replace("+", "%20")).replaceAll("\\{[^}]+}", "1");
                assertNotServerError(send("GET", shopInPath, owner, null), shopInPath);
                requests += 2;
            }
        }
        assertTrue(requests > 1000, "requests tried: " + requests);
        assertEquals(before, rowCounts(), "no table lost or changed a row");
    }

    @Test
    void aProductSearchForAnInjectionFindsNothingAndAnOrdinaryOneStillFinds() throws Exception {
        int all = send("GET", "/api/shops/a/products", owner, null).json().get("products").size();
        assertTrue(all > 0);
        for (String payload : INJECTIONS) {
            Answer a = send("GET", "/api/shops/a/products?q=" + URLEncoder.encode(payload, StandardCharsets.UTF_8), owner, null);
            assertEquals(200, a.status(), a.body());
            assertEquals(0, a.json().get("products").size(), payload + " is searched for as text, not run: " + a.body());
        }
        assertEquals(1, send("GET", "/api/shops/a/products?q=MUG-WHT", owner, null).json().get("products").size());
        Answer audit = send("GET", "/api/audit?user=" + URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8), owner, null);
        assertEquals(200, audit.status(), audit.body());
        assertEquals(0, audit.json().size(), "no entry is by a user named so: " + audit.body());
    }

    @Test
    void injectionInBodiesAndPathsOfChangesIsStoredAsTextOrRefused() throws Exception {
        Map<String, Long> before = rowCounts();
        for (String payload : INJECTIONS) {
            String sku = URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
            Answer product = send("PUT", "/api/shops/a/products/" + sku, owner, "{\"stock\":5}");
            assertEquals(404, product.status(), product.body());
            Answer setting = send("PUT", "/api/shops/a/settings/core/" + sku, owner, JSON.writeValueAsString(Map.of("value", payload)));
            assertNotServerError(setting, "setting " + payload);
        }
        Answer task = send("POST", "/api/shops/a/tasks", owner,
                JSON.writeValueAsString(Map.of("title", "1; DROP TABLE orders", "detail", "' OR 1=1 --", "role", "operator")));
        assertEquals(201, task.status(), task.body());
        assertEquals("1; DROP TABLE orders", task.json().get("title").asText());
        Map<String, Long> after = rowCounts();
        after.put("tasks", after.get("tasks") - 1);
        after.put("audit_log", before.get("audit_log"));
        after.put("settings", before.get("settings"));
        assertEquals(before, after, "one task more, the rest as it was");
    }

    private static void assertNotServerError(Answer a, String what) {
        assertTrue(a.status() < 500, what + " answered " + a.status() + ": " + a.body());
    }

    /** Every table of the database with its row count. */
    static Map<String, Long> rowCounts() {
        return installation.database().jdbi().withHandle(h -> {
            Map<String, Long> counts = new TreeMap<>();
            for (String table : h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                    .mapTo(String.class).list()) {
                counts.put(table, h.createQuery("SELECT COUNT(*) FROM \"" + table + "\"").mapTo(Long.class).one());
            }
            return counts;
        });
    }

    // ------------------------------------------------------------------------------------ sessions

    @Test
    void aSessionIdTheClientBringsIsNeverTheSessionAfterSigningIn() throws Exception {
        String planted = "planted-by-someone-else-0123456789abcdef";
        Answer login = sendWith("POST", "/api/auth/login", Map.of("Cookie", Access.COOKIE + "=" + planted,
                "Content-Type", "application/json"), JSON.writeValueAsBytes(Map.of("name", "op", "password", OPERATOR_PASSWORD)));
        assertEquals(200, login.status(), login.body());
        String issued = sessionCookie(login);
        assertNotEquals(planted, issued);
        assertTrue(issued.length() >= 32, "a long random id: " + issued);

        assertEquals(401, sendWith("GET", "/api/me", Map.of("Cookie", Access.COOKIE + "=" + planted), null).status(),
                "the planted value signs nobody in");
        Answer me = sendWith("GET", "/api/me", Map.of("Cookie", Access.COOKIE + "=" + issued), null);
        assertEquals(200, me.status(), me.body());
        assertEquals("op", me.json().get("name").asText());

        // Signing in again with a valid session gives a new one; the old one is not carried over as the new.
        Answer again = sendWith("POST", "/api/auth/login", Map.of("Cookie", Access.COOKIE + "=" + issued,
                "Content-Type", "application/json"), JSON.writeValueAsBytes(Map.of("name", "op", "password", OPERATOR_PASSWORD)));
        assertEquals(200, again.status(), again.body());
        assertNotEquals(issued, sessionCookie(again));
    }

    private static String sessionCookie(Answer a) {
        for (String cookie : a.headers().getOrDefault("set-cookie", List.of())) {
            if (cookie.startsWith(Access.COOKIE + "=")) {
                return cookie.substring(Access.COOKIE.length() + 1, cookie.indexOf(';'));
            }
        }
        throw new AssertionError("no session cookie in " + a.headers());
    }

    // ------------------------------------------------------------------------------------ secrets

    @Test
    void secretsAreNeverInAnswersNorInTheLog() throws Exception {
        // A channel's secret: set, shown masked, kept when sent back masked.
        Answer set = send("PUT", "/api/shops/a/channels/outbox", owner,
                JSON.writeValueAsString(Map.of("url", "https://example.test/hook", "signingKey", SIGNING_KEY)));
        assertEquals(200, set.status(), set.body());
        String masked = set.json().get("values").get("signingKey").asText();
        assertTrue(masked.startsWith("••••") && masked.endsWith(SIGNING_KEY.substring(SIGNING_KEY.length() - 4)), masked);
        Answer back = send("PUT", "/api/shops/a/channels/outbox", owner, JSON.writeValueAsString(Map.of("signingKey", masked)));
        assertEquals(200, back.status(), back.body());
        assertEquals(SIGNING_KEY, new PluginSettings(installation.database().jdbi(), "channel:outbox", Clock.systemUTC())
                .get(installation.shop("a").id(), "signingKey").orElseThrow(), "the masked value sent back kept the secret");
        for (String owner : List.of("channel:outbox", "channel%3Aoutbox")) {
            Answer raw = send("GET", "/api/shops/a/settings/" + owner, HostileRequestsTest.owner, null);
            assertEquals(404, raw.status(), "a channel's settings only through the channel routes: " + raw.body());
            assertFalse(raw.body().contains(SIGNING_KEY), raw.body());
        }

        // A user's password, set over HTTP.
        String newPassword = "a brand new password for service";
        Answer user = send("POST", "/api/users", owner, JSON.writeValueAsString(Map.of("name", "xiaoke",
                "password", newPassword, "roles", List.of("SERVICE"), "shops", List.of("a"))));
        assertEquals(201, user.status(), user.body());

        // An API token: in its creation's answer once, then never again.
        Answer created = send("POST", "/api/tokens", owner, "{\"name\":\"nightly\"}");
        assertEquals(201, created.status(), created.body());
        String token = created.json().get("token").asText();
        assertTrue(token.startsWith("sho_"), token);

        List<String> secrets = List.of(SIGNING_KEY, newPassword, PASSWORD, OPERATOR_PASSWORD, token, owner);
        List<String> reads = List.of("/api/shops/a/channels", "/api/shops/a/channels/outbox", "/api/users", "/api/tokens",
                "/api/me", "/api/audit", "/api/audit.csv", "/api/shops/a/settings/core", "/api/plugins", "/health",
                "/openapi.json");
        for (String path : reads) {
            Answer a = send("GET", path, owner, null);
            assertEquals(200, a.status(), path + ": " + a.body());
            for (String secret : secrets) {
                assertFalse(a.body().contains(secret), path + " shows a secret: " + a.body());
            }
        }
        assertEquals(200, send("GET", "/api/me", token, null).status(), "the token works");
        // A sign-in with a wrong password, which is logged and audited, carries no password either.
        sendWith("POST", "/api/auth/login", Map.of("Content-Type", "application/json"),
                JSON.writeValueAsBytes(Map.of("name", "xiaoke", "password", "wrong " + newPassword)));

        System.err.flush();
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("PUT /api/shops/a/channels/outbox 200"), "the log was captured: " + log.length() + " chars");
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the log shows a secret: " + secret);
        }
        assertFalse(log.contains("wrong " + newPassword), "the log shows a wrong password");
    }

    // ------------------------------------------------------------------------------------ headers

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("an HTML page", send("GET", "/tasks.html", owner, null));
        answers.put("a JSON route", send("GET", "/api/shops/a/summary", owner, null));
        answers.put("a shell asset", send("GET", "/shell/shell.js", null, null));
        answers.put("a vendor asset", send("GET", "/vendor/echarts/echarts.esm.min.js", null, null));
        answers.put("a plugin page", send("GET", "/ui/notes/index.html", owner, null));
        answers.put("a plugin script", send("GET", "/ui/notes/notes.js", owner, null));
        answers.put("a 404 page", send("GET", "/no/such/page.html", owner, null));
        answers.put("a 404 in the API", send("GET", "/api/no-such-route", owner, null));
        answers.put("a 401", send("GET", "/api/me", null, null));
        answers.put("a 403 page", sendWith("GET", "/settings/users.html", Map.of("Cookie", Access.COOKIE + "=" + signIn("op", OPERATOR_PASSWORD)), null));
        answers.put("a redirect to sign in", send("GET", "/tasks.html", null, null));
        answers.put("a 400 for bad JSON", send("POST", "/api/shops/a/tasks", owner, "{not json"));
        answers.put("Jetty's own 400", send("GET", "/shell/%2e%2e%2fx", null, null));
        Map<String, Integer> statuses = new LinkedHashMap<>();
        answers.forEach((what, a) -> {
            statuses.put(what, a.status());
            assertSecurityHeaders(a, what);
        });
        assertEquals(200, statuses.get("an HTML page"));
        assertEquals(200, statuses.get("a JSON route"));
        assertEquals(200, statuses.get("a shell asset"));
        assertEquals(200, statuses.get("a vendor asset"));
        assertEquals(200, statuses.get("a plugin page"));
        assertEquals(200, statuses.get("a plugin script"));
        assertEquals(404, statuses.get("a 404 page"));
        assertEquals(404, statuses.get("a 404 in the API"));
        assertEquals(401, statuses.get("a 401"));
        assertEquals(403, statuses.get("a 403 page"));
        assertEquals(302, statuses.get("a redirect to sign in"));
        assertEquals(400, statuses.get("a 400 for bad JSON"));
        assertTrue(statuses.get("Jetty's own 400") >= 400 && statuses.get("Jetty's own 400") < 500, statuses.toString());
    }

    @Test
    void thePagesHaveNoInlineScriptForThePolicyToBlock() throws Exception {
        // The policy allows scripts from the server only: a page with an inline script or an on…= handler
        // would break under it. Every host page and the plugin's page are checked as served.
        List<String> pages = new ArrayList<>(List.of("/login.html", "/", "/tasks.html", "/targets.html", "/import.html",
                "/forbidden.html", "/settings/users.html", "/settings/roles.html", "/settings/plugins.html",
                "/settings/audit.html", "/settings/tokens.html", "/ui/notes/index.html"));
        for (String page : pages) {
            Answer a = send("GET", page, owner, null);
            assertEquals(200, a.status(), page);
            String html = a.body().toLowerCase(Locale.ROOT);
            assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), page + " has an inline script");
            assertFalse(html.matches("(?s).*<[^>]+\\son[a-z]+\\s*=.*"), page + " has an inline event handler");
            assertFalse(html.contains("javascript:"), page + " has a javascript: URL");
        }
    }

    private static void assertSecurityHeaders(Answer a, String what) {
        SecurityHeaders.ALL.forEach((name, value) -> assertEquals(List.of(value),
                a.headers().get(name.toLowerCase(Locale.ROOT)), what + " (" + a.status() + "): " + name));
        String csp = a.headers().get("content-security-policy").get(0);
        assertFalse(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))).contains("unsafe"),
                "scripts: no inline, no eval: " + csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    }

    private static String signIn(String name, String password) throws Exception {
        Answer a = sendWith("POST", "/api/auth/login", Map.of("Content-Type", "application/json"),
                JSON.writeValueAsBytes(Map.of("name", name, "password", password)));
        assertEquals(200, a.status(), a.body());
        return sessionCookie(a);
    }

    // ------------------------------------------------------------------------------------ the plugin

    /** The notes plugin's zip: its class, the extension index, its UI folder and a file beside that folder. */
    private static void notesPlugin(Path zip) throws IOException {
        String className = NotesPlugin.class.getName().replace('.', '/') + ".class";
        byte[] classFile;
        try (InputStream in = NotesPlugin.class.getClassLoader().getResourceAsStream(className)) {
            classFile = in.readAllBytes();
        }
        Map<String, byte[]> jar = new LinkedHashMap<>();
        jar.put(className, classFile);
        jar.put("META-INF/extensions.idx", (NotesPlugin.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        jar.put("ui/notes/index.html", """
                <!doctype html><html><head><link rel="stylesheet" href="/shell/shell.css"></head>
                <body class="loading"><main id="main"><h1 id="notes-page">Notes</h1></main>
                <script type="module" src="notes.js"></script></body></html>
                """.getBytes(StandardCharsets.UTF_8));
        jar.put("ui/notes/notes.js", "import { mount } from '/shell/shell.js';\nawait mount({ bundle: 'notes' });\n"
                .getBytes(StandardCharsets.UTF_8));
        jar.put("notes-private/recipe.txt", JAR_PRIVATE.getBytes(StandardCharsets.UTF_8));
        jar.put("i18n/notes/messages.properties", "notes.menu=Notes\n".getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream jarBytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jarBytes)) {
            writeEntries(out, jar);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("plugin.properties", ("plugin.id=notes\nplugin.version=1.0.0\nplugin.requires=>=1.0.0 & <2.0.0\n"
                + "plugin.provider=ShopOps tests\nplugin.description=notes\n").getBytes(StandardCharsets.UTF_8));
        entries.put("lib/notes-1.0.0.jar", jarBytes.toByteArray());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            writeEntries(out, entries);
        }
    }

    private static void writeEntries(ZipOutputStream out, Map<String, byte[]> entries) throws IOException {
        Set<String> folders = new java.util.TreeSet<>();
        for (String name : entries.keySet()) {
            for (int i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
                folders.add(name.substring(0, i + 1));
            }
        }
        for (String folder : folders) {
            out.putNextEntry(new ZipEntry(folder));
            out.closeEntry();
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            out.putNextEntry(new ZipEntry(e.getKey()));
            out.write(e.getValue());
            out.closeEntry();
        }
    }

    // ------------------------------------------------------------------------------------ HTTP over a socket

    /**
     * An answer: status, headers by lower-case name, body as text.
     */
    record Answer(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** Sends a request as a script would, with {@code token} (or none) and a JSON body (or none). */
    private static Answer send(String method, String target, String token, String jsonBody) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            headers.put("Content-Type", "application/json");
        }
        return sendWith(method, target, headers, jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer sendWith(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        return sendWith(server.port(), method, target, headers, body);
    }

    private static Answer sendWith(int port, String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = socket(port)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder head = head(port, method, target, headers);
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** Sends the request's head only (its headers say what the body would be), then reads the answer. */
    private static Answer sendHead(String method, String target, String token, Map<String, String> headers) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + token);
        try (Socket socket = socket()) {
            socket.getOutputStream().write((head(method, target, all) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** Sends {@code size} bytes as a chunked body, so that the server learns the size only by reading. */
    private static Answer sendChunked(String method, String target, String token, String type, long size) throws IOException {
        return sendChunked(server.port(), method, target, token, type, new byte[0], size);
    }

    /**
     * Sends {@code start} and then {@code filler} bytes ('x') as a chunked body to the server on {@code port}; the
     * server learns the size only by reading.
     */
    private static Answer sendChunked(int port, String method, String target, String token, String type, byte[] start, long filler)
            throws IOException {
        try (Socket socket = socket(port)) {
            OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Content-Type", type,
                    "Transfer-Encoding", "chunked");
            out.write((head(port, method, target, headers) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            try {
                if (start.length > 0) {
                    out.write((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(start);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                long left = filler;
                while (left > 0) {
                    int n = (int) Math.min(chunk.length, left);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    left -= n;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before the last chunk: its answer is what counts.
            }
            return read(socket.getInputStream());
        }
    }

    private static Socket socket() throws IOException {
        return socket(server.port());
    }

    private static Socket socket(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static StringBuilder head(String method, String target, Map<String, String> headers) {
        return head(server.port(), method, target, headers);
    }

    private static StringBuilder head(int port, String method, String target, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        return head;
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IOException("no complete answer: " + new String(all, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, at);
            String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                break;
            }
            out.write(body, lineEnd + 2, n);
            at = lineEnd + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = from; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Writes to two streams: the console as before, and the copy the test reads. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
