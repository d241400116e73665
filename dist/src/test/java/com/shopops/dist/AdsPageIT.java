package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The ads plugin's page against the built distribution and the demo shop, in Chromium: the keyword
 * table with its decisions, accepting one and finding it in the bid sheet, the charts, the rules form
 * with a refused value and a budget, English and Chinese, a phone, and a user who may only look. The page
 * test sets a budget, which holds raises back, so it runs after the test that reads the demo's decisions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdsPageIT {

    static final String FINANCE = "zhangkuaiji";
    static final String FINANCE_PASSWORD = "a finance clerk's long password";
    static final String PAGE = "/ui/ads/index.html?shop=demo&from=2026-11-16&to=2026-11-22";

    @TempDir
    static Path work;
    static Distribution.Server server;

    @BeforeAll
    static void start() throws Exception {
        server = Distribution.Server.demo(work);
        assertEquals(201, server.post("/api/users", "{\"name\":\"" + FINANCE + "\",\"password\":\"" + FINANCE_PASSWORD
                + "\",\"roles\":[\"FINANCE\"],\"shops\":[\"demo\"]}").status());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String ads(String rest) {
        return Distribution.Server.plugin("demo", "ads", rest);
    }

    /** Opens the page and waits until its keyword table is drawn. */
    private static void openPage(Chromium browser, String path) {
        browser.open(path);
        browser.mounted();
        browser.until(d -> !browser.all("#keywords tbody tr").isEmpty() || !browser.all("#keywords .empty").isEmpty());
    }

    private static List<String> actionsShown(Chromium browser) {
        return browser.all("#keywords tbody .badge.action").stream().map(b -> b.getAttribute("data-action")).toList();
    }

    @Test
    @Order(1)
    void theReviewHasDecisionsOfSeveralActionsAndRefusesABadVerdict() throws Exception {
        JsonNode r = server.get(ads("/review?from=2026-11-16&to=2026-11-22")).json();
        Set<String> actions = new TreeSet<>();
        r.get("keywords").forEach(k -> actions.add(k.get("action").asText()));
        assertTrue(actions.containsAll(List.of("raise-bid", "lower-bid", "pause", "keep", "watch")), actions.toString());
        assertFalse(r.get("adds").isEmpty(), "search terms to add");
        assertEquals(400, server.post(ads("/decisions"), "{\"from\":\"2026-11-16\",\"to\":\"2026-11-22\",\"campaign\":\"x\","
                + "\"adGroup\":\"y\",\"keyword\":\"z\",\"status\":\"maybe\"}").status());
    }

    @Test
    @Order(2)
    void thePageShowsDecisionsAcceptsOneIntoTheBidSheetAndKeepsTheRules() throws Exception {
        String skip = Chromium.missing();
        Assumptions.assumeTrue(skip == null, skip);
        try (Chromium browser = Chromium.start(server.url(), work)) {
            browser.recordConsoleErrors();
            browser.signIn("admin", Distribution.OWNER_PASSWORD);

            // The review: figures, pace, decisions of several actions, both charts with their tables.
            openPage(browser, PAGE);
            assertTrue(browser.all("#keywords tbody tr").size() > 50, "the demo shop's keywords");
            Set<String> shown = new TreeSet<>(actionsShown(browser));
            assertTrue(shown.containsAll(List.of("raise-bid", "lower-bid", "pause", "keep", "watch")), shown.toString());
            assertTrue(browser.visible("#summary-tiles").getText().contains("ROI"));
            assertEquals("no-budget", browser.visible("#pace-state").getAttribute("data-state"));
            browser.until(d -> browser.js("return !!document.querySelector('#scatter canvas') && !!document.querySelector('#trend canvas')"));
            assertFalse(browser.all("#scatter-table table tbody tr").isEmpty(), "the scatter as a table");
            assertFalse(browser.all("#trend-table table tbody tr").isEmpty(), "the trend as a table");
            assertFalse(browser.all("#adds tbody tr").isEmpty(), "search terms to add");
            assertEquals("", browser.errors());
            assertEquals(List.of(), browser.untranslated());
            assertEquals(List.of(), browser.consoleErrors());
            browser.screenshot("ads");

            // Sorting by a column and filtering by decision.
            browser.click("#keywords th button[data-sort='clicks']");
            browser.until(d -> !browser.all("#keywords th[aria-sort='descending'] button[data-sort='clicks']").isEmpty());
            new Select(browser.visible("#filter-action")).selectByValue("raise-bid");
            browser.until(d -> Set.copyOf(actionsShown(browser)).equals(Set.of("raise-bid")));
            assertTrue(browser.path().contains("action=raise-bid"), "the filter is in the address");

            // Accepting a raise: the row says so in place, the decisions acted on and the bid sheet list it.
            WebElement row = browser.all("#keywords tbody tr").get(0);
            String keyword = row.findElement(By.cssSelector("td strong")).getText();
            browser.click(row.findElement(By.cssSelector("button[data-decide='accepted']")));
            browser.until(d -> "accepted".equals(browser.all("#keywords tbody tr").get(0)
                    .findElement(By.cssSelector(".badge.status")).getAttribute("data-status")));
            assertFalse(browser.all("#keywords tbody tr").get(0).findElements(By.cssSelector("button[data-decide='proposed']")).isEmpty(),
                    "an accepted decision can be undone");
            browser.until(d -> browser.visible("#decisions tbody").getText().contains(keyword));
            String sheet = browser.visible("#bid-sheet").getAttribute("href").substring(server.url().length());
            assertTrue(sheet.startsWith(ads("/bid-sheet?from=2026-11-16&to=2026-11-22")), sheet);
            Distribution.Answer csv = server.get(sheet);
            assertEquals(200, csv.status());
            assertTrue(csv.body().contains(keyword) && csv.body().contains("raise-bid"), csv.body());
            assertEquals("", browser.errors());
            browser.screenshot("ads-accepted");

            // The briefing's link: only the keywords to pause; the accepted raise is still accepted on reload.
            openPage(browser, PAGE + "&action=pause");
            assertEquals(Set.of("pause"), Set.copyOf(actionsShown(browser)));
            assertEquals("pause", new Select(browser.visible("#filter-action")).getFirstSelectedOption().getAttribute("value"));
            openPage(browser, PAGE + "&action=raise-bid&q=" + java.net.URLEncoder.encode(keyword, java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(browser.all("#keywords tbody .badge.status").stream().anyMatch(b -> "accepted".equals(b.getAttribute("data-status"))));

            // The rules: a refused value is explained beside the form; a budget in yuan is kept in fen.
            var roi = browser.visible("#rule-target-roi");
            roi.clear();
            roi.sendKeys("0");
            browser.click("#settings-save");
            browser.until(d -> browser.visible("#settings-error").getText().contains("target-roi"));
            assertEquals("3", server.get(ads("/settings")).json().get("target-roi").asText(), "nothing was changed");
            roi.clear();
            roi.sendKeys("3");
            var budget = browser.visible("#rule-monthly-budget");
            budget.clear();
            budget.sendKeys("30000");
            browser.click("#settings-save");
            browser.until(d -> "overspend".equals(browser.visible("#pace-state").getAttribute("data-state")));
            assertEquals("3000000", server.get(ads("/settings")).json().get("monthly-budget").asText());
            assertTrue(browser.all("#settings-error").stream().noneMatch(WebElement::isDisplayed));
            assertEquals("", browser.errors());
            assertEquals(List.of(), browser.consoleErrors());

            // Chinese on a phone: every label translated, nothing wider than the screen.
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.js("localStorage.setItem('shopops.lang', 'zh-CN')");
            openPage(browser, PAGE);
            browser.until(d -> browser.js("return !!document.querySelector('#scatter canvas') && !!document.querySelector('#trend canvas')"));
            assertEquals(List.of(), browser.untranslated());
            assertTrue(browser.visible("#summary-tiles").getText().contains("投产比"));
            assertTrue(browser.visible("#keywords thead").getText().contains("关键词"));
            assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390, "nothing wider than the phone");
            assertEquals("", browser.errors());
            assertEquals(List.of(), browser.consoleErrors());
            browser.screenshot("ads-phone-zh");

            // Finance may look but not decide: no buttons, no bid sheet, the rules read-only.
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
            browser.js("localStorage.setItem('shopops.lang', 'en')");
            browser.signIn(FINANCE, FINANCE_PASSWORD);
            openPage(browser, PAGE);
            assertTrue(browser.all("#keywords button[data-decide]").isEmpty(), "no accept or dismiss");
            assertTrue(browser.all("#bid-sheet-line").stream().noneMatch(WebElement::isDisplayed), "no bid sheet");
            browser.until(d -> !browser.all("#rule-target-roi").isEmpty());
            assertFalse(browser.all("#rule-target-roi").get(0).isEnabled(), "the rules are read-only");
            assertTrue(browser.all("#settings-save").stream().noneMatch(WebElement::isDisplayed));
            assertEquals("", browser.errors());
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
