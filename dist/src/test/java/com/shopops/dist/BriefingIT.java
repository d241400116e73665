package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.fixture.FixturePlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The morning briefing end to end: the distribution with the demo shop and three fixture plugins, one
 * whose findings throw, one that sleeps past the time limit and one that answers. Over HTTP, through
 * the CLI (which reads the same stored briefing) and in Chromium.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BriefingIT {

    private static final List<String> SEVERITIES = List.of("critical", "warning", "info", "good");

    @TempDir
    static Path work;
    static Path data;
    static Path plugins;
    static Distribution.Server server;

    @BeforeAll
    static void start() throws Exception {
        plugins = Distribution.pluginsCopy(work.resolve("plugins"));
        FixtureZips.plugin(plugins, "thrower", FixtureZips.FITS, Map.of("briefing", "throw"), Map.of());
        FixtureZips.plugin(plugins, "sleeper", FixtureZips.FITS, Map.of("briefing", "sleep"), Map.of());
        FixtureZips.plugin(plugins, "finder", FixtureZips.FITS, Map.of(), Map.of());
        data = work.resolve("data");
        Distribution.Run demo = Distribution.cli(work, "demo", "--days", "40", "--seed", "3", "--data", data.toString(),
                "--plugins", plugins.toString());
        assertEquals(0, demo.exit(), demo.err());
        // The thrower and the sleeper fail in every briefing on purpose; they must not be stopped for it.
        Files.writeString(data.resolve("shopops.properties"), "plugins.failure.limit=0\n");
        server = Distribution.Server.start(work, "--data", data.toString(), "--plugins", plugins.toString());
        assertEquals(200, server.put("/api/shops/demo/settings/core/briefing.plugin-seconds", "{\"value\":\"1.5\"}").status());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode byPlugin(JsonNode findings, String plugin) {
        for (JsonNode f : findings) {
            if (f.get("plugin").asText().equals(plugin)) {
                return f;
            }
        }
        return null;
    }

    @Test
    @Order(1)
    void aThrowingAndASleepingPluginGiveErrorFindingsAndTheOthersArrive() throws Exception {
        long start = System.nanoTime();
        Distribution.Answer answer = server.get("/api/shops/demo/briefing");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, answer.status(), answer.body());
        assertTrue(tookMs < 10_000, "the sleeper (60 s) was not waited for: " + tookMs + " ms");
        JsonNode b = answer.json();
        JsonNode findings = b.get("findings");

        JsonNode thrower = byPlugin(findings, "thrower");
        assertNotNull(thrower, findings.toString());
        assertEquals("warning", thrower.get("severity").asText());
        assertEquals("briefing.error", thrower.get("metric").asText());
        assertTrue(thrower.get("detail").asText().contains("IllegalStateException"), thrower.toString());
        assertFalse(answer.body().contains(FixturePlugin.SECRET), "the exception's message stays on the server");
        JsonNode sleeper = byPlugin(findings, "sleeper");
        assertNotNull(sleeper, findings.toString());
        assertTrue(sleeper.get("detail").asText().contains("1.5 s"), sleeper.toString());
        JsonNode finder = byPlugin(findings, "finder");
        assertNotNull(finder, "the answering plugin's finding arrives: " + findings);
        assertEquals("info", finder.get("severity").asText());
        assertNotNull(byPlugin(findings, "core"), "the core's target check is there");

        List<Integer> ranks = new ArrayList<>();
        findings.forEach(f -> ranks.add(SEVERITIES.indexOf(f.get("severity").asText())));
        assertFalse(ranks.contains(-1), ranks.toString());
        assertEquals(ranks.stream().sorted().toList(), ranks, "most urgent first");
        assertEquals(b.get("counts").get("warning").asInt(), (int) ranks.stream().filter(r -> r == 1).count());
    }

    @Test
    @Order(2)
    void theCliPrintsTheStoredBriefingAsJsonAndMarkdown() throws Exception {
        JsonNode http = server.get("/api/shops/demo/briefing").json();
        Distribution.Run json = Distribution.cli(work, "briefing", "--shop", "demo", "--format", "json",
                "--data", data.toString(), "--plugins", plugins.toString());
        assertEquals(0, json.exit(), json.err());
        JsonNode cli = new ObjectMapper().readTree(json.out());
        assertEquals(http.get("madeAt"), cli.get("madeAt"), "the CLI reads the briefing the server stored");
        assertEquals(http.get("findings"), cli.get("findings"));

        Distribution.Run markdown = Distribution.cli(work, "briefing", "--shop", "demo", "--format", "markdown",
                "--base-url", "https://ops.example.com", "--data", data.toString(), "--plugins", plugins.toString());
        assertEquals(0, markdown.exit(), markdown.err());
        String md = markdown.out();
        assertTrue(md.startsWith("# Morning briefing: "), md);
        assertTrue(md.contains("\n## Warnings\n"), md);
        assertTrue(md.contains("\\<b\\>not bold\\</b\\>"), "a finding's text cannot make markup: " + md);
        assertTrue(md.contains("](https://ops.example.com/"), "links made absolute: " + md);
        assertEquals(md, server.get("/api/shops/demo/briefing?format=markdown").body()
                .replace("](http://" + server.url().replaceFirst("^http://", ""), "](https://ops.example.com"),
                "the server's markdown is the CLI's");

        Distribution.Run bad = Distribution.cli(work, "briefing", "--shop", "demo", "--date", "someday",
                "--data", data.toString(), "--plugins", plugins.toString());
        assertTrue(bad.exit() != 0);
        assertTrue(bad.err().contains("--date"), bad.err());
    }

    @Test
    @Order(3)
    void badDatesAndFormatsAreRefusedClearly() throws Exception {
        Distribution.Answer future = server.get("/api/shops/demo/briefing?date=2999-01-01");
        assertEquals(400, future.status());
        assertTrue(future.json().get("error").asText().contains("2999-01-01"), future.body());
        assertEquals(400, server.get("/api/shops/demo/briefing?date=yesterday").status());
        assertEquals(400, server.get("/api/shops/demo/briefing?format=pdf").status());
        assertEquals(404, server.get("/api/shops/nosuch/briefing").status());
        assertEquals(400, server.put("/api/shops/demo/settings/core/briefing.plugin-seconds", "{\"value\":\"0\"}").status());
    }

    @Test
    @Order(4)
    void anOverdueTaskAppearsInTheNextBriefing() throws Exception {
        JsonNode b = server.get("/api/shops/demo/briefing").json();
        java.time.LocalDate day = java.time.LocalDate.parse(b.get("date").asText());
        Distribution.Answer made = server.post("/api/shops/demo/tasks", "{\"title\":\"Refill the hero item's stock\","
                + "\"role\":\"OPERATOR\",\"due\":\"" + day.minusDays(1) + "\"}");
        assertEquals(201, made.status(), made.body());
        JsonNode remade = server.post("/api/shops/demo/briefing", "").json();
        JsonNode overdue = null;
        for (JsonNode f : remade.get("findings")) {
            if (f.get("metric").asText().equals("task.overdue")) {
                overdue = f;
            }
        }
        assertNotNull(overdue, remade.get("findings").toString());
        assertTrue(overdue.get("title").asText().contains("Refill the hero item's stock"), overdue.toString());
        assertEquals("warning", overdue.get("severity").asText());
        assertEquals("new", overdue.get("change").asText(), "compared with the briefing stored before the task was late");
        assertEquals("/tasks.html?task=" + made.json().get("id").asText(), overdue.get("link").asText());
    }

    @Test
    @Order(5)
    void aBulkPriceChangeIsAnAlertInTheBriefing() throws Exception {
        JsonNode products = server.get("/api/shops/demo/products?limit=500").json().get("products");
        StringBuilder prices = new StringBuilder("{\"prices\":[");
        for (int i = 0; i < products.size(); i++) {
            JsonNode p = products.get(i);
            prices.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(p.get("sku").asText()).append("\",\"price\":")
                    .append(p.get("price").asLong() + 100).append('}');
        }
        assertEquals(200, server.post("/api/shops/demo/product-prices", prices.append("]}").toString()).status());
        JsonNode remade = server.post("/api/shops/demo/briefing", "").json();
        JsonNode alert = null;
        for (JsonNode f : remade.get("findings")) {
            if (f.get("metric").asText().equals("audit.alert")) {
                alert = f;
            }
        }
        assertNotNull(alert, "the owner sees the bulk change the next morning: " + remade.get("findings"));
        assertTrue(alert.get("title").asText().contains("bulk price change: " + products.size() + " products"), alert.toString());
        assertEquals("OWNER", alert.get("role").asText());
        assertTrue(alert.get("detail").asText().startsWith("admin at "), alert.toString());
    }

    @Test
    @Order(6)
    void theHomePageShowsTheFindingsByUrgencyAndMakesATaskInOneClick() throws Exception {
        String skip = Chromium.missing();
        org.junit.jupiter.api.Assumptions.assumeTrue(skip == null, skip);
        try (Chromium browser = Chromium.start(server.url(), work)) {
            browser.open("/login.html");
            browser.visible("#name").sendKeys("admin");
            browser.visible("#password").sendKeys(Distribution.OWNER_PASSWORD);
            browser.click("#login button[type=submit]");
            browser.until(d -> !browser.path().startsWith("/login.html"));
            browser.open("/?shop=demo");
            browser.mounted();
            browser.visible("#briefing .finding");
            assertEquals("", browser.errors());
            assertEquals(List.of(), browser.untranslated());
            List<String> groups = browser.all("#briefing .severity-group").stream()
                    .map(g -> g.getAttribute("class").replaceAll(".*severity-", "")).toList();
            assertEquals(groups.stream().sorted(java.util.Comparator.comparing(SEVERITIES::indexOf)).toList(), groups,
                    "groups in order of urgency: " + groups);
            var thrower = browser.visible("#briefing .finding[data-key^='thrower:']");
            assertTrue(thrower.getText().contains("IllegalStateException"), thrower.getText());
            var finder = browser.visible("#briefing .finding[data-key^='finder:']");
            assertTrue(finder.getText().contains("<b>not bold</b>"), "plugin text shown as text: " + finder.getText());
            assertTrue(browser.all("#briefing .finding b").isEmpty(), "no element made from a finding's text");
            browser.until(d -> browser.js("return !!document.querySelector('#briefing .sparkline canvas')"));
            browser.screenshot("briefing");

            browser.click(finder.findElement(org.openqa.selenium.By.cssSelector(".make-task")));
            var link = browser.visible("#briefing .finding[data-key^='finder:'] .task-link");
            String taskId = link.getText().replaceAll("\\D", "");
            JsonNode task = server.get("/api/shops/demo/tasks/" + taskId).json();
            JsonNode t = task.has("task") ? task.get("task") : task;
            assertEquals("finder:fixture.looks", t.get("findingKey").asText(), task.toString());
            assertEquals("DESIGN", t.get("role").asText(), "the finding's role gets the task");
            assertEquals(1.0, t.get("figures").get("value").asDouble(), "the figures travel with the task");

            // The briefing now names the task instead of offering a second one, also after a reload.
            browser.open("/?shop=demo");
            browser.mounted();
            var again = browser.visible("#briefing .finding[data-key^='finder:']");
            assertTrue(again.findElements(org.openqa.selenium.By.cssSelector(".make-task")).isEmpty());
            browser.click(again.findElement(org.openqa.selenium.By.cssSelector(".task-link")));
            browser.until(d -> browser.path().startsWith("/tasks.html"));
            browser.mounted();
            assertEquals("", browser.errors());

            // Phone-sized: the cards stack and nothing scrolls sideways.
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.open("/?shop=demo");
            browser.mounted();
            browser.visible("#briefing .finding");
            assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390,
                    "nothing wider than the phone");
            browser.screenshot("briefing-phone");
        }
    }
}
