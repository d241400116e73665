package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The three "watch" pages against the built distribution and the demo shop, in Chromium, as the shop's
 * team uses them: competitors (the season-timing signal for the peers' baking range, the four peers and a
 * new one, the 20% cut of the last day and its product's price chart), listings (the hero item first among
 * the top products with its sales, a copycat marked reported, the listing checks' chart and HK-017's banned
 * words) and customer service (six agents ranked with 小林 last below the team, a week's figures against the
 * 30 days', the conversion chart). Each page in English, then in Chinese on a phone.
 * One server and one browser for the class: starting them is most of a browser test's time, and the three
 * pages change nothing the others read.
 */
class WatchPagesIT {

    static final String DAY = Distribution.DEMO_LAST_DAY;
    static final String COMPETITORS = "/ui/competitors/index.html?shop=demo";
    static final String LISTINGS = "/ui/listings/index.html?shop=demo";
    static final String SERVICE = "/ui/service/index.html?shop=demo";
    /** The range three peers launch in the demo (README: 厨房用具/烘焙工具, which the shop does not sell). */
    static final String BAKING = "烘焙工具";
    static final String NEW_PEER = "焙乐烘焙用品店";
    static final String HERO = "HK-001";
    static final String BANNED = "HK-017";
    static final String WEAK_AGENT = "小林";

    @TempDir
    static Path work;
    static Distribution.Server server;
    static Chromium browser;
    /** Why the tests are skipped (no Chromium here), or null. */
    static String skip;

    @BeforeAll
    static void start() throws Exception {
        skip = Chromium.missing();
        if (skip != null) {
            return;
        }
        server = Distribution.Server.demo(work);
        browser = Chromium.start(server.url(), work);
        browser.recordConsoleErrors();
        browser.signIn("admin", Distribution.OWNER_PASSWORD);
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

    /** Each page starts on a desktop in English, whatever the one before left. */
    @BeforeEach
    void desktopInEnglish() {
        Assumptions.assumeTrue(skip == null, skip);
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
        browser.js("localStorage.setItem('shopops.lang', 'en')");
    }

    private static String plugin(String id, String rest) {
        return Distribution.Server.plugin("demo", id, rest);
    }

    private static JsonNode get(String path) throws Exception {
        Distribution.Answer a = server.get(path);
        assertEquals(200, a.status(), path + ": " + a.body());
        return a.json();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void clean() {
        assertEquals("", browser.errors());
        assertEquals(List.of(), browser.untranslated());
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static void chinesePhone() {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.js("localStorage.setItem('shopops.lang', 'zh-CN')");
    }

    private static void fitsThePhone() {
        long width = (Long) browser.js("return document.documentElement.scrollWidth");
        assertTrue(width <= 390, "nothing wider than the phone: " + width);
    }

    /** The text of each cell of each body row of the table in {@code css}: what a reader sees, scrolled or not. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(String css) {
        return (List<List<String>>) browser.js("return [...document.querySelectorAll(arguments[0] + ' tbody tr')]"
                + ".map(r => [...r.cells].map(c => c.textContent.trim()))", css);
    }

    /** The cells of the body rows of the table in {@code css} that a link is about (marked aria-current). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> linkedRows(String css) {
        return (List<List<String>>) browser.js("return [...document.querySelectorAll(arguments[0] + ' tbody tr[aria-current=\"true\"]')]"
                + ".map(r => [...r.cells].map(c => c.textContent.trim()))", css);
    }

    /** The body row of the table in {@code css} that has a cell reading exactly {@code text}, or null. */
    private static WebElement row(String css, String text) {
        return (WebElement) browser.js("return [...document.querySelectorAll(arguments[0] + ' tbody tr')]"
                + ".find(r => [...r.cells].some(c => c.textContent.trim() === arguments[1])) || null", css, text);
    }

    /**
     * What the chart in {@code css} was drawn with, as ECharts holds it (each x axis' categories and each
     * series' data), or null when no chart was drawn there: the page's own ECharts module, imported again,
     * is the same module and knows the page's charts.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart(String css) {
        Object drawn = browser.driver.executeAsyncScript("""
                const [css, done] = arguments;
                import('/vendor/echarts/echarts.esm.min.js').then((echarts) => {
                  const chart = echarts.getInstanceByDom(document.querySelector(css));
                  if (!chart) return done(null);
                  const option = chart.getOption();
                  done(JSON.parse(JSON.stringify({xAxis: option.xAxis.map((a) => a.data ?? null),
                    series: option.series.map((s) => (s.data ?? []).map((d) => (d && d.value !== undefined ? d.value : d)))})));
                }, (e) => done('failed: ' + e));""", css);
        assertFalse(drawn instanceof String, String.valueOf(drawn));
        return (Map<String, Object>) drawn;
    }

    /** Waits until the chart in {@code css} has a canvas of some size, the sign that ECharts drew it. */
    private static void drawn(String css) {
        browser.until(d -> (Boolean) browser.js("const c = document.querySelector(arguments[0] + ' canvas');"
                + "return !!c && c.width > 0 && c.height > 0", css));
    }

    /** Sets a field's value as a date picker would and tells the page. */
    private static void setValue(String css, String value) {
        browser.js("const n = document.querySelector(arguments[0]); n.value = arguments[1];"
                + "n.dispatchEvent(new Event('input', {bubbles: true})); n.dispatchEvent(new Event('change', {bubbles: true}));", css, value);
    }

    private static long digits(String text) {
        return Long.parseLong(text.replaceAll("\\D", ""));
    }

    // ---------------------------------------------------------------- competitors

    private static void openCompetitors(String path) {
        browser.open(path);
        browser.mounted();
        browser.until(d -> !browser.all("#signals tbody tr").isEmpty() && !browser.all("#peers tbody tr").isEmpty()
                && !browser.all("#changes-prices tbody tr").isEmpty() && !browser.all("#summary tbody tr").isEmpty());
        drawn("#sales-chart");
    }

    @Test
    void competitorsShowTheBakingRangeThePeersAndTheCut() throws Exception {
        JsonNode signals = get(plugin("competitors", "/signals"));
        assertEquals(DAY, signals.get("day").asText(), "the signals of the demo's last day");
        JsonNode peers = get(plugin("competitors", "/peers")).get("rows");
        assertEquals(4, peers.size(), "the demo's four peers: " + peers);
        JsonNode changes = get(plugin("competitors", "/changes"));
        JsonNode cut = null;
        for (JsonNode c : changes.get("prices")) {
            if (c.get("change").asDouble() <= -0.19 && (cut == null || c.get("change").asDouble() < cut.get("change").asDouble())) {
                cut = c;
            }
        }
        assertNotNull(cut, "the demo's 20% cut on the last day: " + changes.get("prices"));
        assertEquals(DAY, cut.get("day").asText());

        openCompetitors(COMPETITORS);
        assertNotNull(browser.visible("#shell-nav a[data-plugin='competitors']").getAttribute("aria-current"));
        assertEquals(DAY, browser.visible("#to").getAttribute("value"), "the period ends on the last snapshot");

        // Season timing: the peers' baking range is time to launch ours.
        WebElement baking = browser.until(d -> (WebElement) browser.js("return [...document.querySelectorAll('#signals tbody tr')]"
                + ".find(r => r.cells[1].textContent.includes(arguments[0])) || null", BAKING));
        WebElement signal = baking.findElement(By.cssSelector(".badge"));
        assertEquals("LAUNCH", signal.getAttribute("data-status"));
        assertEquals("time to launch", signal.getText());
        assertEquals("category", baking.findElements(By.tagName("td")).get(2).getText());
        assertTrue(Integer.parseInt(baking.findElements(By.tagName("td")).get(3).getText()) >= 3, "three peers launched it");

        // The peers: the demo's four, two selling better and two about the same.
        List<List<String>> shownPeers = rows("#peers");
        assertEquals(4, shownPeers.size(), shownPeers.toString());
        for (JsonNode p : peers) {
            assertTrue(shownPeers.stream().anyMatch(r -> r.get(0).equals(p.get("name").asText())), p + " in " + shownPeers);
        }
        assertEquals(2, shownPeers.stream().filter(r -> r.get(1).equals("sells better")).count(), shownPeers.toString());
        assertEquals(2, shownPeers.stream().filter(r -> r.get(1).equals("about the same")).count(), shownPeers.toString());

        // The price changes, biggest cut first: the rival's 20% on the last day.
        List<List<String>> prices = rows("#changes-prices");
        assertEquals(changes.get("prices").size(), prices.size());
        List<String> first = prices.get(0);
        assertEquals(cut.get("peer").asText(), first.get(0));
        assertEquals(cut.get("productId").asText(), first.get(1));
        assertTrue(first.get(6).matches("-20(\\.\\d)?%"), "the cut as a percentage: " + first);
        assertEquals(String.format(java.util.Locale.ROOT, "-%.1f%%", -cut.get("change").asDouble() * 100), first.get(6));
        assertFalse(browser.all("#changes-prices tbody tr:first-child .down").isEmpty(), "a cut is marked as going down");

        // Picking the cut product draws its price history: its price before, and after the cut on the last day.
        assertTrue(browser.all("#product-chart").stream().noneMatch(WebElement::isDisplayed), "no product picked yet");
        browser.click(browser.visible("#changes-prices tbody tr:first-child button"));
        browser.until(d -> browser.visible("#product-chart").getAttribute("data-points") != null);
        drawn("#product-chart");
        JsonNode history = get(plugin("competitors", "/history?peer=" + cut.get("peerId").asText() + "&product="
                + encoded(cut.get("productId").asText()) + "&from=" + changes.get("from").asText() + "&to=" + DAY));
        assertEquals(history.get("rows").size(), Integer.parseInt(browser.visible("#product-chart").getAttribute("data-points")));
        assertTrue(browser.visible("#product-title").getText().contains(cut.get("title").asText()), browser.visible("#product-title").getText());
        assertTrue(browser.path().contains("product=" + encoded(cut.get("productId").asText())), browser.path());
        @SuppressWarnings("unchecked")
        List<List<Object>> pricePoints = (List<List<Object>>) ((List<Object>) chart("#product-chart").get("series")).get(0);
        assertEquals(history.get("rows").size(), pricePoints.size());
        List<Object> lastPoint = pricePoints.get(pricePoints.size() - 1);
        assertEquals(DAY, lastPoint.get(0));
        assertEquals(cut.get("newPrice").asLong(), ((Number) lastPoint.get(1)).longValue(), "the chart ends at the cut price");
        assertEquals(cut.get("oldPrice").asLong(), ((Number) pricePoints.get(pricePoints.size() - 2).get(1)).longValue());
        clean();
        browser.screenshot("watch-competitors");

        // A new peer through the form: in the table at once, and kept by the server with its tier.
        browser.visible("#peer-name").sendKeys(NEW_PEER);
        new Select(browser.visible("#peer-tier")).selectByValue("ahead");
        browser.click("#add-peer button[type=submit]");
        browser.until(d -> rows("#peers").size() == 5);
        List<String> added = rows("#peers").stream().filter(r -> r.get(0).equals(NEW_PEER)).findFirst().orElseThrow(AssertionError::new);
        assertEquals("sells better", added.get(1));
        assertEquals("—", added.get(2), "no snapshot yet, no products");
        assertEquals("", browser.visible("#peer-name").getAttribute("value"), "the form is ready for the next one");
        assertEquals("", browser.js("return document.getElementById('peer-error').textContent"), "no refusal");
        JsonNode after = get(plugin("competitors", "/peers")).get("rows");
        assertEquals(5, after.size(), after.toString());
        JsonNode stored = null;
        for (JsonNode p : after) {
            if (p.get("name").asText().equals(NEW_PEER)) {
                stored = p;
            }
        }
        assertNotNull(stored, after.toString());
        assertEquals("ahead", stored.get("tier").asText());
        clean();

        // Chinese on a phone, the product still picked from the link: translated and within the screen.
        chinesePhone();
        openCompetitors(browser.path());
        drawn("#product-chart");
        assertEquals("关注同行", browser.visible("h1").getText());
        WebElement launch = browser.visible("#signals .badge[data-status='LAUNCH']");
        assertEquals("该上新了", launch.getAttribute("textContent"));
        assertEquals(3, rows("#peers").stream().filter(r -> r.get(1).equals("卖得更好")).count(), "two of the demo's and the new one");
        fitsThePhone();
        clean();
        browser.screenshot("watch-competitors-phone-zh");
    }

    // ---------------------------------------------------------------- listings

    /** Opens the page on the demo's last day (picked in its day field) and waits for its tables and chart. */
    private static void openListings() {
        openListings("");
    }

    /** {@link #openListings()} with more of the query, e.g. what a briefing finding's link is about. */
    private static void openListings(String more) {
        browser.open(LISTINGS + more);
        browser.mounted();
        browser.until(d -> !browser.all("#top tbody tr").isEmpty() && !browser.all("#check-products tbody tr").isEmpty());
        setValue("#day", DAY);
        browser.until(d -> browser.visible("#top-basis").getText().contains(DAY) && !browser.all("#suspects tbody tr").isEmpty()
                && !browser.all("#top tbody tr").isEmpty());
        drawn("#checks-chart");
    }

    @Test
    void listingsShowTheHeroACopycatReportedAndTheChecks() throws Exception {
        JsonNode top = get(plugin("listings", "/top?day=" + DAY));
        JsonNode open = get(plugin("listings", "/suspects?day=" + DAY + "&status=open")).get("suspects");
        assertEquals(2, open.size(), "the demo's two copycats of the hero: " + open);
        JsonNode checks = get(plugin("listings", "/checks"));

        openListings();
        assertNotNull(browser.visible("#shell-nav a[data-plugin='listings']").getAttribute("aria-current"));

        // The hero item heads the top products, its sales beside its views.
        List<List<String>> products = rows("#top");
        assertEquals(top.get("products").size(), products.size());
        List<String> hero = products.get(0);
        assertEquals("1", hero.get(0));
        assertEquals(HERO, hero.get(1));
        assertNotEquals("—", hero.get(4), "the hero sold in these days: " + hero);
        assertEquals(top.get("products").get(0).get("sales").asLong(), digits(hero.get(4)), "its sales in fen, as money: " + hero);
        assertEquals(String.valueOf(open.size()), hero.get(7), "both copycats are the hero's");
        // The core demo's two bad reviews of the hero on its last day, counted and listed.
        assertEquals("2", hero.get(5), hero.toString());
        assertEquals(2, rows("#reviews").stream().filter(r -> r.get(0).equals(HERO) && r.get(3).equals("negative")).count(),
                rows("#reviews").toString());

        // One open copycat marked reported: its badge and buttons change, the server keeps it, the top table counts one less.
        String listing = open.get(0).get("listingId").asText();
        WebElement suspect = row("#suspects", listing);
        assertNotNull(suspect, "the copycat " + listing + " is listed");
        assertEquals("open", suspect.findElement(By.cssSelector(".badge")).getAttribute("data-status"));
        browser.click(suspect.findElement(By.cssSelector("button[data-status='reported']")));
        // A refusal shows as the page's error notice: stop waiting then, and say what it was.
        browser.until(d -> {
            WebElement r = row("#suspects", listing);
            return r != null && !r.findElements(By.cssSelector(".badge[data-status='reported']")).isEmpty() || !browser.errors().isEmpty();
        });
        assertEquals("", browser.errors(), "marking the copycat reported was refused");
        WebElement reported = row("#suspects", listing);
        assertEquals("reported", reported.findElement(By.cssSelector(".badge")).getText());
        assertTrue(reported.findElements(By.cssSelector("button[data-status='reported']")).isEmpty(), "reported once");
        assertFalse(reported.findElements(By.cssSelector("button[data-status='open']")).isEmpty(), "and may be opened again");
        JsonNode nowReported = get(plugin("listings", "/suspects?day=" + DAY + "&status=reported")).get("suspects");
        assertEquals(1, nowReported.size(), nowReported.toString());
        assertEquals(listing, nowReported.get(0).get("listingId").asText());
        assertEquals("admin", nowReported.get(0).get("changedBy").asText());
        browser.until(d -> String.valueOf(open.size() - 1).equals(rows("#top").get(0).get(7)));

        // The checks: a chart of the products failing each check, HK-017 failing on 最 and 第一.
        Map<String, Object> chart = chart("#checks-chart");
        List<Object> counts = new ArrayList<>();
        checks.get("counts").forEach(c -> counts.add(c.get("products").asInt()));
        assertEquals(List.of(counts), ((List<?>) chart.get("series")).stream()
                .map(s -> ((List<?>) s).stream().map(v -> ((Number) v).intValue()).toList()).toList());
        assertTrue(((List<?>) ((List<?>) chart.get("xAxis")).get(0)).contains("banned words"), chart.toString());
        WebElement banned = row("#check-products", BANNED);
        assertNotNull(banned, "HK-017 among the checked products");
        String failure = banned.findElement(By.cssSelector("li[data-check='banned-word']")).getAttribute("textContent");
        assertTrue(failure.startsWith("Banned words") && failure.contains("最") && failure.contains("第一"), failure);
        clean();
        browser.screenshot("watch-listings");

        // A briefing finding's link opens the page with the rows it is about marked: the copycat it names, or the
        // products failing its check (and no other row).
        String linked = open.get(1).get("listingId").asText();
        openListings("&listing=" + linked);
        assertEquals(List.of(linked), linkedRows("#suspects").stream().map(r -> r.get(2)).toList());
        assertEquals(List.of(), linkedRows("#top"));
        openListings("&check=banned-word");
        List<String> failing = linkedRows("#check-products").stream().map(r -> r.get(0)).toList();
        assertTrue(failing.contains(BANNED), failing.toString());
        for (List<String> r : linkedRows("#check-products")) {
            assertTrue(r.get(3).contains("Banned words"), "only products failing the check are marked: " + r);
        }
        openListings("&sku=" + HERO);
        assertEquals(List.of(HERO), linkedRows("#top").stream().map(r -> r.get(1)).toList());
        clean();

        // Chinese on a phone: the reported copycat, the checks' words from the server in Chinese too.
        chinesePhone();
        openListings();
        assertEquals("商品发布：差评、同款与检查", browser.visible("h1").getText());
        assertEquals("已投诉", row("#suspects", listing).findElement(By.cssSelector(".badge")).getAttribute("textContent"));
        String zhFailure = row("#check-products", BANNED).findElement(By.cssSelector("li[data-check='banned-word']")).getAttribute("textContent");
        assertTrue(zhFailure.startsWith("违禁词") && zhFailure.contains("最"), zhFailure);
        fitsThePhone();
        clean();
        browser.screenshot("watch-listings-phone-zh");
    }

    // ---------------------------------------------------------------- service

    private static void openService(String path) {
        browser.open(path);
        browser.mounted();
        browser.until(d -> browser.all("#team .kpi").size() >= 9 && !browser.all("#ranking tbody tr").isEmpty()
                && !browser.visible("#best").getText().isBlank());
        drawn("#conversion-chart");
    }

    /** The team's chats as the first tile shows them. */
    private static long chatsShown() {
        return digits(browser.visible("#team .kpi:first-child .kpi-value").getText());
    }

    @Test
    void serviceRanksSixAgentsAndFollowsThePeriod() throws Exception {
        JsonNode month = get(plugin("service", "/ranking"));
        assertEquals(DAY, month.get("to").asText(), "the default period ends on the last day with chats");
        String weekFrom = LocalDate.parse(DAY).minusDays(6).toString();
        JsonNode week = get(plugin("service", "/team?from=" + weekFrom + "&to=" + DAY));
        long monthChats = month.get("team").get("chats").asLong();
        long weekChats = week.get("team").get("chats").asLong();
        assertTrue(weekChats > 0 && weekChats < monthChats, weekChats + " chats in a week, " + monthChats + " in 30 days");

        openService(SERVICE);
        assertNotNull(browser.visible("#shell-nav a[data-plugin='service']").getAttribute("aria-current"));
        assertEquals(month.get("from").asText(), browser.visible("#from").getAttribute("value"));
        assertEquals(DAY, browser.visible("#to").getAttribute("value"));
        assertEquals(monthChats, chatsShown());

        // The ranking: six agents, 小林 last and marked below the team.
        List<List<String>> ranking = rows("#ranking");
        assertEquals(6, ranking.size(), ranking.toString());
        for (int i = 0; i < ranking.size(); i++) {
            assertEquals(month.get("places").get(i).get("agent").asText(), ranking.get(i).get(1), "place " + (i + 1));
        }
        List<String> last = ranking.get(5);
        assertEquals(WEAK_AGENT, last.get(1));
        assertEquals("6", last.get(0));
        assertEquals("below", last.get(2));
        assertTrue(last.get(3).startsWith("-"), "points under the team: " + last);
        WebElement weakRow = row("#ranking", WEAK_AGENT);
        assertFalse(weakRow.findElements(By.cssSelector(".pos-below")).isEmpty());
        assertTrue(browser.visible("#best").getText().contains(month.get("summary").asText().strip()));

        // The conversion chart: a bar per ranked agent, 小林's the lowest.
        Map<String, Object> chart = chart("#conversion-chart");
        List<?> agents = (List<?>) ((List<?>) chart.get("xAxis")).get(0);
        assertEquals(ranking.stream().map(r -> r.get(1)).toList(), agents);
        List<?> bars = (List<?>) ((List<?>) chart.get("series")).get(0);
        assertEquals(6, bars.size());
        double weakest = ((Number) bars.get(5)).doubleValue();
        assertTrue(bars.stream().allMatch(b -> ((Number) b).doubleValue() >= weakest), bars.toString());
        clean();
        browser.screenshot("watch-service");

        // The last week instead: the figures are read again for it.
        setValue("#from", weekFrom);
        setValue("#to", DAY);
        browser.click("#period button[type=submit]");
        browser.until(d -> chatsShown() == weekChats);
        assertEquals(weekFrom, browser.visible("#from").getAttribute("value"));
        assertEquals(week.get("team").get("inquiries").asLong(), digits(browser.visible("#team .kpi:nth-child(2) .kpi-value").getText()));
        JsonNode weekRanking = get(plugin("service", "/ranking?from=" + weekFrom + "&to=" + DAY));
        List<List<String>> weekRows = rows("#ranking");
        assertEquals(weekRanking.get("places").size(), weekRows.size());
        assertEquals(weekRanking.get("places").get(0).get("agent").asText(), weekRows.get(0).get(1));
        long agentChats = weekRows.stream().mapToLong(r -> digits(r.get(4))).sum();
        assertEquals(weekChats, agentChats, "the agents' chats of the week add up to the team's");
        clean();

        // Chinese on a phone.
        chinesePhone();
        openService(SERVICE);
        assertEquals("客服", browser.visible("h1").getText());
        WebElement zhWeak = row("#ranking", WEAK_AGENT);
        assertEquals("低于平均", zhWeak.findElement(By.cssSelector(".pos-below")).getAttribute("textContent"));
        assertEquals("会话数", browser.visible("#team .kpi:first-child .kpi-label").getText());
        fitsThePhone();
        clean();
        browser.screenshot("watch-service-phone-zh");
    }
}
