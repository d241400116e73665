package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The task board on the built distribution: a task made from a finding over the API keeps the finding's
 * figures; in Debian's Chromium the owner makes a task on the board, moves it to doing and done, comments
 * with markup that must stay text, finds it under its role in the weekly meeting's view, and the board
 * stacks its columns on a phone. The tests run in order and share the browser's session.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskBoardIT {

    static final String SHOP = "t1";
    static final String DESIGNER = "xiaomei";
    static final String TITLE = "重做详情页尺码表 Redo the size chart";
    static final String HTML_COMMENT = "<b>html</b>";
    /** The shop's today: its time zone is the default, Asia/Shanghai. */
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @TempDir
    static Path work;
    static Distribution.Server server;
    static Chromium browser;
    /** Why the browser tests are skipped (no Chromium here), or null. */
    static String skip;
    /** The id of the task made from a finding over the API. */
    static long fromFinding;
    /** The card id of the task made on the board, e.g. {@code task-7}. */
    static String card;

    @BeforeAll
    static void start() throws Exception {
        server = Distribution.Server.start(work, "--data", work.resolve("data").toString());
        assertEquals(201, server.post("/api/shops", "{\"code\":\"" + SHOP + "\",\"name\":\"任务测试店\",\"platform\":\"tmall\"}").status());
        assertEquals(201, server.post("/api/users", "{\"name\":\"" + DESIGNER + "\",\"password\":\"a designer's long password\","
                + "\"roles\":[\"DESIGN\"],\"shops\":[\"" + SHOP + "\"]}").status());
        skip = Chromium.missing();
        if (skip == null) {
            browser = Chromium.start(server.url(), work);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aTaskMadeFromAFindingKeepsTheFindingsFigures() throws Exception {
        Distribution.Answer made = server.post("/api/shops/" + SHOP + "/tasks", """
                {"finding":{"key":"traffic.uv.paid.0","day":"2026-11-24","plugin":"traffic","severity":"warning",
                 "title":"Paid search visitors fell 18%","detail":"1,240 visitors against 1,512","metric":"uv.paid",
                 "value":1240,"expected":1512,"unit":"count","suggestion":"Check keyword bids and the main image",
                 "role":"PROMOTION","link":"/ui/traffic/#sources","impact":27200}}""");
        assertEquals(201, made.status(), made.body());
        fromFinding = made.json().get("id").asLong();
        JsonNode task = server.get("/api/shops/" + SHOP + "/tasks/" + fromFinding).json().get("task");
        assertEquals("Paid search visitors fell 18%", task.get("title").asText());
        assertEquals("PROMOTION", task.get("role").asText());
        assertEquals("2026-11-24", task.get("findingDay").asText());
        assertEquals("traffic.uv.paid.0", task.get("findingKey").asText());
        JsonNode figures = task.get("figures");
        assertEquals(1240, figures.get("value").asInt());
        assertEquals(1512, figures.get("expected").asInt());
        assertEquals("count", figures.get("unit").asText());
        assertEquals("uv.paid", figures.get("metric").asText());
        assertEquals("Check keyword bids and the main image", figures.get("suggestion").asText());
        assertFalse(figures.has("impact"), figures.toString());
    }

    private static void browserTest() {
        Assumptions.assumeTrue(skip == null, skip);
    }

    /** The card with this title in the column of this status, or null. */
    private static String cardIn(String status, String title) {
        return (String) browser.js("""
                const card = [...document.querySelectorAll('#column-' + arguments[0] + ' .task-card')]
                  .find((c) => c.querySelector('.task-title').textContent === arguments[1]);
                return card ? card.id : null;""", status, title);
    }

    @Test
    @Order(2)
    void signsInAndMakesATaskOnTheBoard() throws Exception {
        browserTest();
        browser.open("/tasks.html?shop=" + SHOP);
        browser.until(d -> browser.path().startsWith("/login.html?next="));
        browser.visible("#name").sendKeys("admin");
        browser.visible("#password").sendKeys(Distribution.OWNER_PASSWORD);
        browser.click("#login button[type=submit]");
        browser.until(d -> browser.path().startsWith("/tasks.html"));
        browser.mounted();
        browser.visible("#column-OPEN");
        assertEquals("", browser.errors());
        assertEquals(List.of(), browser.untranslated());
        assertEquals("page", browser.visible("#shell-nav a[href^='/tasks.html']").getAttribute("aria-current"));

        // The standing checks are on the board, and the finding's task links back to its briefing.
        String open = browser.visible("#column-OPEN").getText();
        assertTrue(open.contains("Weekly page health check") && open.contains("Daily bad review check of the top 5 products"), open);
        WebElement link = browser.visible("#task-" + fromFinding + " a.finding-link");
        assertEquals(server.url() + "/?shop=" + SHOP + "&date=2026-11-24#finding-traffic.uv.paid.0", link.getAttribute("href"));
        assertTrue(browser.visible("#task-" + fromFinding + " .figures-line").getText().contains("1,240 against 1,512"),
                browser.visible("#task-" + fromFinding).getText());

        browser.click("#new-card summary");
        browser.visible("#new-title").sendKeys(TITLE);
        new Select(browser.visible("#new-role")).selectByValue("DESIGN");
        new Select(browser.visible("#new-assignee")).selectByVisibleText(DESIGNER);
        browser.js("document.getElementById('new-due').value = arguments[0]", TODAY.toString());
        browser.click("#new-task button[type=submit]");
        card = browser.until(d -> cardIn("OPEN", TITLE));
        String text = browser.visible("#" + card).getText();
        assertTrue(text.contains("Design") && text.contains(DESIGNER) && text.contains("Due " + TODAY), text);
        browser.screenshot("tasks-board");
    }

    @Test
    @Order(3)
    void movesTheTaskToDoingAndThenDone() {
        browserTest();
        browser.click("#" + card + " button[data-move='DOING']");
        browser.visible("#column-DOING #" + card);
        browser.click("#" + card + " button[data-move='DONE']");
        browser.visible("#column-DONE #" + card);
        assertTrue(browser.all("#column-OPEN #" + card).isEmpty() && browser.all("#column-DOING #" + card).isEmpty());
        assertEquals("", browser.errors());
    }

    @Test
    @Order(4)
    void aCommentWithMarkupShowsAsText() throws Exception {
        browserTest();
        browser.click("#" + card + " .task-title");
        browser.visible("#task-dialog #comment-text").sendKeys(HTML_COMMENT);
        browser.click("#comment-form button[type=submit]");
        WebElement comment = browser.visible("#comments .comment-text");
        assertEquals(HTML_COMMENT, comment.getText());
        assertTrue(browser.all("#comments b").isEmpty(), "no element was made from the comment");
        assertTrue(browser.visible("#comments").getText().contains("admin"));
        browser.screenshot("tasks-detail");
        browser.click("#task-close");
        browser.until(d -> browser.visible("#" + card).getText().contains("Comments: 1"));
        JsonNode stored = server.get("/api/shops/" + SHOP + "/tasks/" + card.substring("task-".length())).json();
        assertEquals(HTML_COMMENT, stored.get("comments").get(0).get("text").asText());
        assertEquals("DONE", stored.get("task").get("status").asText());
    }

    @Test
    @Order(5)
    void theWeeklyViewShowsTheTaskUnderItsRole() throws Exception {
        browserTest();
        browser.js("window.scrollTo(0, 0)"); // the sticky header would cover the tab where the last test left off
        browser.click("#tab-week");
        WebElement design = browser.visible("#week-roles section[data-role='DESIGN']");
        String week = String.format("%d-W%02d", TODAY.get(IsoFields.WEEK_BASED_YEAR), TODAY.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        assertEquals(week, browser.visible("#week").getAttribute("value"));
        assertTrue(design.findElement(org.openqa.selenium.By.tagName("h3")).getText().startsWith("Design"), design.getText());
        String id = card.substring("task-".length());
        assertTrue(browser.all("#week-roles section[data-role='DESIGN'] .week-due li[data-id='" + id + "']").size() == 1,
                "due this week: " + design.getText());
        assertTrue(browser.all("#week-roles section[data-role='DESIGN'] .week-done li[data-id='" + id + "']").size() == 1,
                "done this week: " + design.getText());
        assertTrue(design.getText().contains(TITLE));
        assertTrue(browser.all("#week-roles section[data-role='PROMOTION'] li").isEmpty(), "the finding's task has no due day");
        assertEquals(List.of(), browser.untranslated());
        browser.screenshot("tasks-week");
    }

    @Test
    @Order(6)
    void onAPhoneTheColumnsStack() throws Exception {
        browserTest();
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open("/tasks.html?shop=" + SHOP);
            browser.mounted();
            browser.visible("#column-DONE");
            long openBottom = (Long) browser.js("return Math.round(document.getElementById('column-OPEN').getBoundingClientRect().bottom)");
            long doingTop = (Long) browser.js("return Math.round(document.getElementById('column-DOING').getBoundingClientRect().top)");
            assertTrue(doingTop >= openBottom, "doing below open: " + doingTop + " < " + openBottom);
            assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390,
                    "no sideways scrolling: " + browser.js("return document.documentElement.scrollWidth"));
            browser.screenshot("tasks-phone");

            browser.open("/tasks.html?shop=" + SHOP + "&lang=zh-CN");
            browser.mounted();
            browser.until(d -> browser.visible("#column-OPEN h2").getText().startsWith("待办"));
            assertTrue(browser.visible("#column-OPEN").getText().contains("每周店铺页面健康检查"), "the standing checks in Chinese");
            assertEquals(List.of(), browser.untranslated());
            browser.screenshot("tasks-phone-zh");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
