package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The content plugin's page against the built distribution and the demo shop, in Chromium: the month
 * calendar with the server's counts per day and the days short of the quota marked, the week, the failed
 * post's channel error and a retry that fails again, a new post whose body carries markup kept as text,
 * submitted, approved, dragged to another day and given an image, the channel settings with a masked
 * secret kept, a designer who writes but does not approve, a finance clerk who only looks, and Chinese on
 * a phone. The server runs on the real clock: "today" and the days the test uses come from the shop's
 * time zone as the API gives it.
 */
class ContentPageIT {

    static final String DESIGNER = "meigong";
    static final String DESIGNER_PASSWORD = "a designer's long password";
    static final String FINANCE = "caiwu";
    static final String FINANCE_PASSWORD = "a finance clerk's long password";
    static final String DAY = Distribution.DEMO_LAST_DAY;
    static final String PAGE = "/ui/content/index.html?shop=demo&day=" + DAY;
    static final String FAILED = "会员日预告（企业微信群）";
    static final String WAITING = "周末囤货清单";
    static final String NEW_TITLE = "周末早餐·测试";
    static final String NEW_BODY = "周六早餐推荐\n<script>window.hacked=1</script><b>x</b>";

    @TempDir
    static Path work;
    static Distribution.Server server;

    @BeforeAll
    static void start() throws Exception {
        server = Distribution.Server.demo(work);
        for (String[] user : new String[][] {{DESIGNER, DESIGNER_PASSWORD, "DESIGN"}, {FINANCE, FINANCE_PASSWORD, "FINANCE"}}) {
            assertEquals(201, server.post("/api/users", "{\"name\":\"" + user[0] + "\",\"password\":\"" + user[1]
                    + "\",\"roles\":[\"" + user[2] + "\"],\"shops\":[\"demo\"]}").status());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String content(String rest) {
        return Distribution.Server.plugin("demo", "content", rest);
    }

    private static JsonNode get(String path) throws Exception {
        Distribution.Answer a = server.get(path);
        assertEquals(200, a.status(), path + ": " + a.body());
        return a.json();
    }

    /** The post titled {@code title} planned on {@code day} (or without a time when day is null). */
    private static JsonNode post(String title, String day) throws Exception {
        String rest = day == null ? "/posts?unplanned=true" : "/posts?from=" + day + "&to=" + day;
        for (JsonNode p : get(content(rest)).get("posts")) {
            if (p.get("title").asText().equals(title)) {
                return get(content("/posts/" + p.get("id").asText()));
            }
        }
        return null;
    }

    /** Opens the page and waits for the calendar, the engagement tables and (when asked for) the post's panel. */
    private static void openPage(Chromium browser, String path) {
        browser.open(path);
        browser.mounted();
        browser.until(d -> !browser.all("#cal .cal-day").isEmpty() && !browser.all("#eng-kinds .data-table").isEmpty()
                && !browser.all("#unplanned li").isEmpty());
        if (path.contains("post=")) {
            browser.until(d -> !browser.all("#panel-history .data-table").isEmpty());
        }
    }

    private static void clean(Chromium browser) {
        assertEquals("", browser.errors());
        assertEquals(List.of(), browser.untranslated());
        assertEquals(List.of(), browser.consoleErrors());
    }


    private static long scrollWidth(Chromium browser) {
        return (Long) browser.js("return document.documentElement.scrollWidth");
    }

    private static boolean shown(Chromium browser, String css) {
        return browser.all(css).stream().anyMatch(WebElement::isDisplayed);
    }

    private static String background(Chromium browser, String css) {
        return (String) browser.js("return getComputedStyle(document.querySelector(arguments[0])).backgroundColor", css);
    }

    /** The calendar on the page, day by day ({@code counted/fill}), and the server's for the same days. */
    @SuppressWarnings("unchecked")
    private static boolean calendarMatches(Chromium browser, Map<String, JsonNode> serverDays) throws Exception {
        WebElement box = browser.visible("#cal");
        JsonNode cal = get(content("/calendar?from=" + box.getAttribute("data-from") + "&to=" + box.getAttribute("data-to")));
        List<Map<String, Object>> cells = (List<Map<String, Object>>) browser.js("""
                return [...document.querySelectorAll('#cal .cal-day')].map(c => ({day: c.dataset.day, counted: c.dataset.counted,
                  fill: c.dataset.fill, cls: c.className, count: c.querySelector('.cal-count').textContent,
                  posts: c.querySelectorAll('.cal-post').length,
                  engaged: [...c.querySelectorAll('.cal-post .post-engagement')].map(e => e.textContent).join('|')}))""");
        if (cells.size() != cal.get("days").size()) {
            return false;
        }
        serverDays.clear();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode d = cal.get("days").get(i);
            Map<String, Object> c = cells.get(i);
            serverDays.put(d.get("day").asText(), d);
            if (!d.get("day").asText().equals(c.get("day")) || !d.get("counted").asText().equals(c.get("counted"))
                    || !d.get("fill").asText().equals(c.get("fill")) || !((String) c.get("cls")).contains("fill-" + d.get("fill").asText())
                    || !(d.get("counted").asText() + "/" + cal.get("quota").asText()).equals(c.get("count"))
                    || d.get("posts").size() != ((Number) c.get("posts")).intValue()) {
                return false;
            }
            // Each post with imported engagement shows its views on the calendar, in the server's order.
            List<String> views = new java.util.ArrayList<>();
            for (JsonNode post : d.get("posts")) {
                if (!post.get("views").isNull()) {
                    views.add(post.get("views").asText());
                }
            }
            String[] shown = ((String) c.get("engaged")).isEmpty() ? new String[0] : ((String) c.get("engaged")).split("\\|");
            if (shown.length != views.size()) {
                return false;
            }
            for (int k = 0; k < shown.length; k++) {
                if (!shown[k].replace(",", "").replaceAll("^\\D*(\\d+).*$", "$1").equals(views.get(k))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Drags the post's calendar entry onto another day's cell, as the browser's drag and drop would. */
    private static void drag(Chromium browser, long postId, String toDay) {
        browser.js("""
                const from = document.querySelector(`#cal .cal-post[data-post="${arguments[0]}"]`);
                const to = document.querySelector(`#cal .cal-day[data-day="${arguments[1]}"]`);
                const data = new DataTransfer();
                const fire = (node, type) => node.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
                fire(from, 'dragstart');
                fire(to, 'dragenter');
                fire(to, 'dragover');
                fire(to, 'drop');
                fire(from, 'dragend');""", postId, toDay);
    }

    @Test
    void theCalendarThePostPanelAndWhoMayDoWhat() throws Exception {
        String skip = Chromium.missing();
        Assumptions.assumeTrue(skip == null, skip);
        JsonNode week = get(content("/posts"));
        LocalDate today = LocalDate.now(ZoneId.of(week.get("timeZone").asText()));
        JsonNode failed = post(FAILED, DAY);
        assertNotNull(failed, "the demo's failed post");
        assertEquals("failed", failed.get("status").asText());
        JsonNode waiting = post(WAITING, DAY);
        assertNotNull(waiting, "the demo's post in review");
        Map<String, Boolean> configured = new HashMap<>();
        get("/api/shops/demo/channels").get("channels").forEach(c -> configured.put(c.get("id").asText(), c.get("configured").asBoolean()));
        assertEquals(Boolean.TRUE, configured.get("outbox"), "the outbox channel needs no settings: " + configured);

        try (Chromium browser = Chromium.start(server.url(), work)) {
            browser.recordConsoleErrors();
            browser.signIn("admin", Distribution.OWNER_PASSWORD);

            // The month of the demo's last day: every day's count and fill as the server has them. The
            // publisher may settle a due post meanwhile, so a mismatch is looked at again after a reload.
            Map<String, JsonNode> days = new HashMap<>();
            openPage(browser, PAGE);
            assertTrue(browser.visible("#shell-nav a[data-plugin='content']").getAttribute("aria-current") != null);
            assertEquals("month", browser.visible("#cal").getAttribute("data-view"));
            assertTrue(browser.visible("#cal").getAttribute("data-from").compareTo(DAY.substring(0, 7) + "-01") <= 0);
            boolean same = calendarMatches(browser, days);
            for (int i = 0; i < 3 && !same; i++) {
                openPage(browser, PAGE);
                same = calendarMatches(browser, days);
            }
            assertTrue(same, "the month shows the server's counts and fills day by day");
            String under = days.values().stream().filter(d -> d.get("fill").asText().equals("under")).map(d -> d.get("day").asText())
                    .findFirst().orElseThrow(() -> new AssertionError("the day after the demo's today has 2 of 3 posts: " + days.keySet()));
            String full = days.values().stream().filter(d -> d.get("fill").asText().equals("full")).map(d -> d.get("day").asText())
                    .findFirst().orElseThrow();
            String over = days.values().stream().filter(d -> d.get("fill").asText().equals("over")).map(d -> d.get("day").asText())
                    .findFirst().orElseThrow(() -> new AssertionError("the demo's last day has a post in review besides its three"));
            String empty = days.values().stream().filter(d -> d.get("fill").asText().equals("empty")).map(d -> d.get("day").asText())
                    .findFirst().orElseThrow();
            String underBg = background(browser, "#cal .cal-day[data-day='" + under + "']");
            assertEquals(underBg, background(browser, "#cal .cal-day[data-day='" + empty + "']"), "short days are marked alike");
            assertNotEquals(underBg, background(browser, "#cal .cal-day[data-day='" + full + "']"), "a day under the quota stands out");
            assertNotEquals(background(browser, "#cal .cal-day[data-day='" + full + "']"), background(browser, "#cal .cal-day[data-day='" + over + "']"));
            assertNotEquals(underBg, background(browser, "#cal .cal-day[data-day='" + over + "']"), "over-full days are marked another way");
            assertEquals(3, browser.all("#cal-legend li[data-fill]").size());
            assertTrue(browser.visible("#cal .cal-day[data-day='" + DAY + "']").getText().contains(WAITING));
            assertTrue(browser.all("#unplanned .post-link").stream().anyMatch(a -> a.getText().equals("新品上架文案（待定）")), "the draft without a time");

            // The engagement of the week before the shown one: by kind as the server has it, a chart, a CSV.
            String engFrom = browser.visible("#engagement-card").getAttribute("data-from");
            JsonNode engagement = get(content("/engagement?from=" + engFrom + "&to=" + LocalDate.parse(engFrom).plusDays(6)));
            assertFalse(engagement.get("kinds").isEmpty(), "the demo's published posts have engagement");
            assertEquals(engagement.get("kinds").size(), browser.all("#eng-kinds tbody tr").size());
            assertEquals(engagement.get("posts").size(), browser.all("#eng-posts tbody tr").size());
            browser.until(d -> !browser.all("#eng-chart canvas").isEmpty());
            Distribution.Answer csv = server.get(browser.visible("#eng-csv").getAttribute("href").substring(server.url().length()));
            assertEquals(200, csv.status(), csv.body());
            assertEquals(engagement.get("posts").size() + 1, csv.body().strip().lines().count(), "a header and a line per post");
            clean(browser);
            browser.screenshot("content");

            // The week of the shown day: seven days, each with the server's posts.
            browser.click("#view-week");
            browser.until(d -> "week".equals(browser.visible("#cal").getAttribute("data-view")) && browser.all("#cal-week .cal-day").size() == 7);
            String monday = LocalDate.parse(DAY).with(java.time.DayOfWeek.MONDAY).toString();
            assertEquals(monday, browser.visible("#cal").getAttribute("data-from"));
            assertTrue(browser.path().contains("view=week"), browser.path());
            assertTrue(calendarMatches(browser, days), "the week shows the server's posts day by day");
            assertTrue(browser.visible("#cal-week .cal-day[data-day='" + DAY + "']").getText().contains(FAILED), "a failed post is shown, not counted");
            clean(browser);
            browser.screenshot("content-week");

            // The failed post: its channel's error; a retry tries again and fails again, the webhook is not set up.
            long failedId = failed.get("id").asLong();
            openPage(browser, PAGE + "&post=" + failedId);
            assertEquals(String.valueOf(failedId), browser.visible("#panel").getAttribute("data-post"));
            String demoError = failed.get("channels").get(0).get("lastError").asText();
            assertEquals(demoError, browser.visible("#panel-deliveries .delivery-error").getText());
            assertEquals("5", browser.visible("#panel-deliveries tbody td.num").getText(), "the demo's five attempts");
            int historyBefore = browser.all("#panel-history tbody tr").size();
            browser.click("#move-retry");
            browser.until(d -> browser.all("#panel-history tbody tr").size() > historyBefore
                    && "1".equals(browser.visible("#panel-deliveries tbody td.num").getText()));
            JsonNode retried = get(content("/posts/" + failedId));
            JsonNode delivery = retried.get("channels").get(0);
            assertEquals(1, delivery.get("attempts").asInt(), retried.toString());
            assertTrue(delivery.get("lastError").asText().contains("url"), "the webhook has no url: " + delivery);
            assertEquals(delivery.get("lastError").asText(), browser.visible("#panel-deliveries .delivery-error").getText());
            assertEquals(retried.get("status").asText(), browser.visible("#panel").getAttribute("data-status"));
            clean(browser);
            browser.screenshot("content-retry");

            // The owner sees the approve and send-back controls on the post in review (the designer will not).
            openPage(browser, PAGE + "&post=" + waiting.get("id").asText());
            assertTrue(shown(browser, "#move-approve") && shown(browser, "#move-send-back"));

            // A new post, its body with markup: stored as typed and shown as text, nothing run.
            LocalDate postDay = today.plusDays(3);
            browser.click("#new-post");
            browser.visible("#f-title").sendKeys(NEW_TITLE);
            browser.js("document.getElementById('f-body').value = arguments[0]", NEW_BODY);
            new Select(browser.visible("#f-kind")).selectByValue("recommendation");
            browser.js("document.getElementById('f-scheduledAt').value = arguments[0]", postDay + "T11:00");
            if (configured.containsKey("webhook")) {
                assertEquals(!configured.get("webhook"), !browser.all("#f-channels .not-set-up[data-channel='webhook']").isEmpty(),
                        "a channel without its settings says so");
            }
            WebElement outbox = browser.visible("#f-channels input[value='outbox']");
            if (!outbox.isSelected()) {
                browser.click(outbox);
            }
            browser.click("#post-save");
            browser.until(d -> browser.visible("#panel").getAttribute("data-post").matches("\\d+"));
            long newId = Long.parseLong(browser.visible("#panel").getAttribute("data-post"));
            JsonNode created = get(content("/posts/" + newId));
            assertEquals(NEW_TITLE, created.get("title").asText());
            assertEquals(NEW_BODY, created.get("body").asText(), "the body as typed");
            assertEquals(postDay + "T11:00", created.get("localTime").asText());
            assertEquals("draft", created.get("status").asText());
            assertEquals(NEW_BODY, browser.visible("#post-body").getAttribute("textContent"));
            assertEquals(Boolean.TRUE, browser.js("return window.hacked === undefined"), "the script in the body did not run");
            assertEquals(0L, browser.js("return document.querySelectorAll('#panel b, #panel script').length"));
            assertTrue(browser.path().contains("post=" + newId), browser.path());

            // Sent for review and approved by the owner: with a time and a channel it is scheduled.
            browser.click("#move-submit");
            browser.until(d -> "review".equals(browser.visible("#panel").getAttribute("data-status")));
            browser.click("#move-approve");
            browser.until(d -> "scheduled".equals(browser.visible("#panel").getAttribute("data-status")));
            assertEquals("scheduled", get(content("/posts/" + newId)).get("status").asText());
            assertEquals("admin", get(content("/posts/" + newId)).get("approvedBy").asText());
            clean(browser);

            // Dragged to another day of the month: the same time on the new day, still scheduled.
            openPage(browser, "/ui/content/index.html?shop=demo&day=" + postDay + "&post=" + newId);
            String gridTo = browser.visible("#cal").getAttribute("data-to");
            String target = postDay.plusDays(1).toString().compareTo(gridTo) <= 0 ? postDay.plusDays(1).toString() : postDay.minusDays(1).toString();
            browser.visible("#cal .cal-day[data-day='" + postDay + "'] .cal-post[data-post='" + newId + "']");
            drag(browser, newId, target);
            browser.until(d -> {
                try {
                    return (target + "T11:00").equals(get(content("/posts/" + newId)).get("localTime").asText());
                } catch (Exception e) {
                    return false;
                }
            });
            JsonNode moved = get(content("/posts/" + newId));
            assertEquals("scheduled", moved.get("status").asText(), "the approval stays");
            browser.until(d -> !browser.all("#cal .cal-day[data-day='" + target + "'] .cal-post[data-post='" + newId + "']").isEmpty());
            assertTrue(browser.all("#cal .cal-day[data-day='" + postDay + "'] .cal-post[data-post='" + newId + "']").isEmpty());
            browser.until(d -> (target + "T11:00").equals(browser.visible("#post-local-time").getAttribute("data-local")));

            // An image: uploaded through the file field, its thumbnail loaded from the post's image URL.
            Path png = work.resolve("breakfast.png");
            BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 24; x++) {
                for (int y = 0; y < 16; y++) {
                    image.setRGB(x, y, x < 12 ? 0xE8590C : 0x1F3A5F);
                }
            }
            ImageIO.write(image, "png", png.toFile());
            browser.visible("#image-file");
            browser.driver.findElement(By.id("image-file")).sendKeys(png.toAbsolutePath().toString());
            browser.until(d -> !browser.all("#thumbs img").isEmpty());
            JsonNode withImage = get(content("/posts/" + newId));
            assertEquals(1, withImage.get("images").size(), withImage.toString());
            assertEquals("breakfast.png", withImage.get("images").get(0).get("name").asText());
            WebElement thumb = browser.visible("#thumbs img");
            assertTrue(thumb.getAttribute("src").endsWith(withImage.get("images").get(0).get("url").asText()), thumb.getAttribute("src"));
            browser.until(d -> ((Number) browser.js("return document.querySelector('#thumbs img').naturalWidth")).intValue() == 24);
            clean(browser);
            browser.screenshot("content-post");

            // The channel settings: the webhook's secret shown masked, kept when sent back unchanged.
            if (configured.containsKey("webhook")) {
                String secret = "signing-secret-7731";
                WebElement url = browser.visible("#ch-webhook-url");
                url.clear();
                url.sendKeys("http://127.0.0.1:9/hook");
                WebElement secretField = browser.visible("#ch-webhook-secret");
                assertEquals("password", secretField.getAttribute("type"));
                secretField.clear();
                secretField.sendKeys(secret);
                browser.click(".channel-form[data-channel='webhook'] button[type=submit]");
                browser.until(d -> {
                    try {
                        return get("/api/shops/demo/channels/webhook").get("configured").asBoolean();
                    } catch (Exception e) {
                        return false;
                    }
                });
                String masked = get("/api/shops/demo/channels/webhook").get("values").get("secret").asText();
                assertFalse(masked.contains(secret), masked);
                browser.until(d -> masked.equals(browser.visible("#ch-webhook-secret").getAttribute("value")));
                assertEquals("true", browser.visible(".channel-form[data-channel='webhook'] .badge").getAttribute("data-configured"));
                browser.js("document.getElementById('shell-notice')?.replaceChildren()");
                browser.click(".channel-form[data-channel='webhook'] button[type=submit]");
                browser.until(d -> !browser.all(".notice.ok").isEmpty());
                JsonNode kept = get("/api/shops/demo/channels/webhook");
                assertTrue(kept.get("configured").asBoolean(), "the masked secret sent back keeps the secret: " + kept);
                assertEquals(masked, kept.get("values").get("secret").asText());
                clean(browser);
            }

            // Chinese on a phone: the month as dots, the week stacked, the panel; all translated and within the screen.
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.js("localStorage.setItem('shopops.lang', 'zh-CN')");
            openPage(browser, PAGE + "&post=" + failedId);
            assertTrue(browser.visible("h1").getText().contains("内容日历"));
            assertTrue(browser.visible("#panel-deliveries thead").getText().contains("最近错误"));
            assertTrue(shown(browser, "#cal .cal-dots .dot"), "the month shows dots on a phone");
            assertTrue(scrollWidth(browser) <= 390, "nothing wider than the phone: " + scrollWidth(browser));
            clean(browser);
            browser.screenshot("content-phone-zh");
            browser.click("#view-week");
            browser.until(d -> browser.all("#cal-week .cal-day").size() == 7);
            assertTrue(browser.visible("#cal-week").getText().contains("已发布"));
            assertTrue(scrollWidth(browser) <= 390, "the week fits the phone: " + scrollWidth(browser));
            clean(browser);
            browser.screenshot("content-week-phone-zh");
            openPage(browser, "/ui/content/index.html?shop=demo&day=" + target + "&post=" + newId);
            assertTrue(scrollWidth(browser) <= 390, "the post's panel fits the phone: " + scrollWidth(browser));
            assertTrue(browser.visible("#move-send-back").getText().contains("退回"));
            clean(browser);
            browser.screenshot("content-post-phone-zh");

            // A designer writes and schedules, but approves nothing.
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
            browser.js("localStorage.setItem('shopops.lang', 'en')");
            browser.signIn(DESIGNER, DESIGNER_PASSWORD);
            openPage(browser, PAGE + "&post=" + waiting.get("id").asText());
            assertTrue(shown(browser, "#new-post"), "a designer may write posts");
            assertFalse(browser.all("#edit-box").isEmpty(), "and edit one in review");
            assertFalse(browser.all("#cal .cal-post.movable[draggable='true']").isEmpty(), "and move posts");
            assertTrue(browser.all("#move-approve").isEmpty() && browser.all("#move-send-back").isEmpty(), "no approving");
            assertTrue(shown(browser, "#panel .st-review"));
            assertFalse(shown(browser, "#channels-card"), "channels are the owner's and the operator's");
            clean(browser);
            browser.screenshot("content-designer");

            // Finance looks only: no writing, moving, uploading, settings or workflow buttons.
            browser.signIn(FINANCE, FINANCE_PASSWORD);
            openPage(browser, PAGE + "&post=" + waiting.get("id").asText());
            assertEquals(waiting.get("body").asText(), browser.visible("#post-body").getText());
            assertFalse(shown(browser, "#new-post"));
            assertTrue(browser.all("#post-form, #edit-box, #schedule-form, #image-file, #copy-form, #post-delete, [data-move], #send-back-note").isEmpty(),
                    "no editing controls");
            assertTrue(browser.all("#cal .cal-post[draggable='true']").isEmpty(), "nothing to drag");
            assertFalse(shown(browser, "#settings-card") || shown(browser, "#channels-card") || shown(browser, "#drag-note"));
            assertEquals(0L, browser.js("return document.querySelectorAll('main input, main textarea, main select').length"),
                    "not a single field to fill in");
            clean(browser);
            browser.screenshot("content-finance");
        }
    }
}
