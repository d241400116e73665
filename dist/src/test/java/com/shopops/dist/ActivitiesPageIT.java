package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The activities plugin's page against the built distribution and the demo shop, in Chromium: the month
 * calendar with the live campaign and the registration deadline, a campaign's panel with its products and
 * history, a refused status move and an allowed one, the review notes saved, a new campaign with a refused
 * date, English and Chinese, a phone, and a user who may only look. Routes the server may not have yet
 * (progress, entry check, reminders) may show "not available", never an error.
 */
class ActivitiesPageIT {

    static final String FINANCE = "zhangkuaiji";
    static final String FINANCE_PASSWORD = "a finance clerk's long password";
    static final String PAGE = "/ui/activities/index.html?shop=demo&month=2026-11";
    static final String LIVE = "淘抢购·硅胶厨具限时抢";
    static final String DEADLINE = "聚划算·冬季囤货节";
    static final String ENDED = "天天特价·锅具专场";

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

    private static String activities(String rest) {
        return Distribution.Server.plugin("demo", "activities", rest);
    }

    private static JsonNode campaign(String name) throws Exception {
        for (JsonNode c : server.get(activities("/campaigns")).json().get("campaigns")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no campaign " + name);
    }

    /** Opens the page and waits until the calendar and the list are drawn (and the panel, when one is asked for). */
    private static void openPage(Chromium browser, String path) {
        browser.open(path);
        browser.mounted();
        browser.until(d -> !browser.all("#cal-grid table").isEmpty() && !browser.all("#campaigns tbody tr").isEmpty());
        if (path.contains("campaign=")) {
            browser.until(d -> !browser.all("#panel-history tbody tr").isEmpty() && !browser.all("#review-notes").isEmpty());
        }
    }

    private static void clean(Chromium browser) {
        assertEquals("", browser.errors());
        assertEquals(List.of(), browser.untranslated());
        assertEquals(List.of(), browser.consoleErrors());
    }


    private static void setValue(Chromium browser, String css, String value) {
        browser.js("const n = document.querySelector(arguments[0]); n.value = arguments[1]; n.dispatchEvent(new Event('input'));", css, value);
    }

    @Test
    void thePageShowsTheCalendarACampaignItsMovesAndItsReview() throws Exception {
        String skip = Chromium.missing();
        Assumptions.assumeTrue(skip == null, skip);
        long live = campaign(LIVE).get("id").asLong();
        long deadline = campaign(DEADLINE).get("id").asLong();
        long ended = campaign(ENDED).get("id").asLong();
        try (Chromium browser = Chromium.start(server.url(), work)) {
            browser.recordConsoleErrors();
            browser.signIn("admin", Distribution.OWNER_PASSWORD);

            // The calendar: the live campaign on its days, the registration deadline on its day; the list.
            openPage(browser, PAGE);
            assertTrue(browser.visible("#shell-nav a[data-plugin='activities']").getAttribute("aria-current") != null);
            WebElement liveDay = browser.visible("#cal-grid td[data-date='2026-11-21']");
            assertFalse(liveDay.findElements(org.openqa.selenium.By.cssSelector(".cal-bar[data-campaign='" + live + "']")).isEmpty(),
                    "the live campaign on a live day");
            assertTrue(browser.visible("#cal-grid td[data-date='2026-11-20'] .cal-bar").getAttribute("textContent").contains(LIVE));
            WebElement due = browser.visible("#cal-grid td[data-date='2026-11-25'] .cal-event[data-what='registrationDeadline']");
            assertTrue(due.getText().contains(DEADLINE), due.getText());
            assertTrue(due.getText().contains("Registration deadline"), due.getText());
            assertEquals(7L, browser.js("return document.querySelectorAll('#cal-grid thead th').length"));
            assertTrue(browser.visible("#campaigns tbody").getText().contains(DEADLINE));
            new Select(browser.visible("#filter-status")).selectByValue("live");
            browser.until(d -> browser.all("#campaigns tbody tr").size() == 1);
            assertTrue(browser.path().contains("status=live"));
            assertTrue(browser.visible("#reminders").getText().length() > 0, "reminders or 'not available'");
            clean(browser);
            browser.screenshot("activities");

            // Opening the live campaign from the calendar: its products and history.
            browser.click("#cal-grid td[data-date='2026-11-20'] .cal-bar a");
            browser.until(d -> !browser.all("#panel-history tbody tr").isEmpty());
            assertTrue(browser.path().contains("campaign=" + live), browser.path());
            assertTrue(browser.visible("#panel-title").getText().contains(LIVE));
            assertTrue(browser.visible("#panel-products tbody").getText().contains("HK-001"));
            assertTrue(browser.visible("#panel-products tbody").getText().contains("硅胶厨具套装"));
            assertTrue(browser.all("#panel-history tbody tr").size() >= 3, "planned, registered, approved, live");
            assertTrue(browser.visible("#panel-history tbody").getText().contains("审核通过"));
            assertFalse(browser.all("#panel-results tbody tr").isEmpty(), "the platform's results by day");
            assertTrue(browser.visible("#panel-progress").getText().length() > 0);
            assertTrue(browser.visible("#panel-entry").getText().length() > 0);
            clean(browser);
            browser.screenshot("activities-campaign");

            // A planned platform campaign: "live" is refused with the reason, "registered" works.
            openPage(browser, PAGE + "&campaign=" + deadline);
            assertEquals(List.of("registered"), browser.all("#next-buttons button").stream().map(b -> b.getAttribute("data-to")).toList());
            browser.click("#panel-status details summary");
            new Select(browser.visible("#other-status")).selectByValue("live");
            browser.click("#other-move");
            browser.until(d -> !browser.visible("#status-error").getText().isBlank());
            assertTrue(browser.visible("#status-error").getText().contains("planned"), browser.visible("#status-error").getText());
            assertEquals("planned", campaign(DEADLINE).get("status").asText(), "nothing moved");
            browser.click("#next-buttons button[data-to='registered']");
            browser.until(d -> !browser.all("#panel-title .badge[data-status='registered']").isEmpty());
            assertEquals("registered", campaign(DEADLINE).get("status").asText());
            browser.until(d -> browser.all("#panel-history tbody tr").size() >= 2);
            assertTrue(browser.all("#status-error").stream().noneMatch(WebElement::isDisplayed), "the refusal is gone");
            assertEquals("", browser.errors());
            assertEquals(List.of(), browser.consoleErrors());

            // The review (复盘) of the ended campaign: the figures above, the notes saved.
            openPage(browser, PAGE + "&campaign=" + ended);
            assertFalse(browser.visible("#review-figures").getText().isBlank());
            WebElement notes = browser.visible("#review-notes");
            notes.clear();
            notes.sendKeys("复盘：锅具专场转化好，<b>下次</b>多备库存");
            browser.click("#review-save");
            browser.until(d -> {
                try {
                    return "复盘：锅具专场转化好，<b>下次</b>多备库存".equals(campaign(ENDED).get("notes").asText());
                } catch (Exception e) {
                    return false;
                }
            });
            openPage(browser, PAGE + "&campaign=" + ended);
            assertEquals("复盘：锅具专场转化好，<b>下次</b>多备库存", browser.visible("#review-notes").getAttribute("value"));
            clean(browser);
            browser.screenshot("activities-review");

            // A new campaign: a date the server refuses is explained beside its field; the price in yuan is kept in fen.
            browser.visible("#new-name").sendKeys("淘抢购·年货节");
            browser.visible("#new-channel").sendKeys("淘抢购");
            setValue(browser, "#new-liveFrom", "2026-12-20");
            setValue(browser, "#new-liveTo", "2026-12-18");
            browser.visible("#new-products input[name='p-sku']").sendKeys("HK-001");
            browser.visible("#new-products input[name='p-allocated']").sendKeys("100");
            browser.visible("#new-products input[name='p-price']").sendKeys("9.90");
            browser.click("#new-save");
            browser.until(d -> browser.visible("#err-liveTo").getText().contains("before liveFrom"));
            setValue(browser, "#new-liveTo", "2026-12-22");
            browser.click("#new-save");
            browser.until(d -> browser.visible("#panel-title").getText().contains("淘抢购·年货节"));
            JsonNode created = campaign("淘抢购·年货节");
            assertEquals("planned", created.get("status").asText());
            assertEquals(990, created.get("products").get(0).get("price").asLong());
            assertEquals(100, created.get("products").get(0).get("allocated").asLong());
            assertEquals("", browser.errors());
            assertEquals(List.of(), browser.consoleErrors());

            // Chinese on a phone: a list by day instead of the grid, every label translated, nothing too wide.
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.js("localStorage.setItem('shopops.lang', 'zh-CN')");
            openPage(browser, PAGE);
            assertTrue(browser.all("#cal-grid table").stream().noneMatch(WebElement::isDisplayed), "no grid on a phone");
            assertTrue(browser.visible("#cal-list").getText().contains(LIVE));
            assertTrue(browser.visible("#cal-list").getText().contains("报名截止"));
            assertTrue(browser.visible("#campaigns thead").getText().contains("活动名称"));
            assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390, "nothing wider than the phone");
            clean(browser);
            browser.screenshot("activities-phone-zh");
            openPage(browser, PAGE + "&campaign=" + live);
            assertTrue(browser.visible("#panel").getText().contains("状态变更记录"));
            assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390, "the panel fits the phone");
            clean(browser);
            browser.screenshot("activities-campaign-phone-zh");

            // Finance may look but not change: no status buttons, no new campaign form, the review read-only.
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
            browser.js("localStorage.setItem('shopops.lang', 'en')");
            browser.signIn(FINANCE, FINANCE_PASSWORD);
            openPage(browser, PAGE + "&campaign=" + ended);
            assertTrue(browser.all("#next-buttons").isEmpty(), "no status buttons");
            assertTrue(browser.all("#new-card").stream().noneMatch(WebElement::isDisplayed), "no new campaign form");
            assertTrue(browser.all("#review-save").stream().noneMatch(WebElement::isDisplayed), "no save");
            assertEquals("true", browser.visible("#review-notes").getAttribute("readonly"));
            clean(browser);
        }
    }
}
