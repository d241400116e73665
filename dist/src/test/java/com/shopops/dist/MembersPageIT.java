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
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The members plugin's page against the built distribution and the demo shop, in Chromium: the R×F grid
 * with the server's counts, a cell's customers, the cohort heat map, the audience builder's live count
 * and a new action with a holdout, the demo action's results, a customer's tags kept over a reload,
 * Chinese on a phone, and a finance user who may look but not change and sees contacts masked.
 */
class MembersPageIT {

    static final String FINANCE = "qiankuaiji";
    static final String FINANCE_PASSWORD = "a finance clerk's long password";
    static final String DAY = Distribution.DEMO_LAST_DAY;
    static final String PAGE = "/ui/members/index.html?shop=demo&date=" + DAY;
    static final String DEMO_ACTION = "双11老客召回";
    static final String NEW_ACTION = "回购提醒·测试";

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

    private static String members(String rest) {
        return Distribution.Server.plugin("demo", "members", rest);
    }

    private static JsonNode get(String rest) throws Exception {
        Distribution.Answer a = server.get(members(rest));
        assertEquals(200, a.status(), rest + ": " + a.body());
        return a.json();
    }

    private static JsonNode action(String name) throws Exception {
        for (JsonNode a : get("/actions").get("actions")) {
            if (a.get("name").asText().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Opens the page and waits until the grid, the segments, the cohorts and the actions are drawn. */
    private static void openPage(Chromium browser, String path) {
        browser.open(path);
        browser.mounted();
        browser.until(d -> browser.all("#rf-grid .rf-cell").size() == 25 && !browser.all("#rfm-segments tbody tr").isEmpty()
                && !browser.all("#cohort-table tbody tr").isEmpty() && !browser.all("#actions tbody tr").isEmpty()
                && !browser.all("#tile-customers").isEmpty() && !browser.all("#movement p").isEmpty());
        if (path.contains("customer=")) {
            browser.until(d -> !browser.all("#customer-history tbody tr").isEmpty());
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

    /** A GET of the members API with the browser's own session, i.e. as the user signed in there. */
    private static JsonNode fetchInBrowser(Chromium browser, String rest) throws Exception {
        String body = (String) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {headers: {Accept: 'application/json'}}).then(r => r.text()).then(done, e => done(String(e)));",
                members(rest));
        return Distribution.JSON.readTree(body);
    }

    @Test
    void thePageShowsSegmentsCohortsAudiencesActionsAndACustomer() throws Exception {
        String skip = Chromium.missing();
        Assumptions.assumeTrue(skip == null, skip);
        JsonNode rfm = get("/rfm?date=" + DAY);
        assertEquals(25, rfm.get("grid").size(), "all 25 cells");
        long gridSum = 0;
        JsonNode busiest = null;
        for (JsonNode cell : rfm.get("grid")) {
            gridSum += cell.get("customers").asLong();
            if (busiest == null || cell.get("customers").asLong() > busiest.get("customers").asLong()) {
                busiest = cell;
            }
        }
        assertEquals(rfm.get("customers").asLong(), gridSum, "the cells add up to the customers");
        assertTrue(gridSum > 0, "the demo shop has customers");
        JsonNode demoAction = action(DEMO_ACTION);
        assertNotNull(demoAction, "the demo's action");

        try (Chromium browser = Chromium.start(server.url(), work)) {
            browser.recordConsoleErrors();
            browser.signIn("admin", Distribution.OWNER_PASSWORD);

            // The figures of the 30 days to the chosen day, with the guest orders left out and said so.
            openPage(browser, PAGE);
            assertTrue(browser.visible("#shell-nav a[data-plugin='members']").getAttribute("aria-current") != null);
            String from = LocalDate.parse(DAY).minusDays(29).toString();
            JsonNode summary = get("/summary?from=" + from + "&to=" + DAY);
            assertEquals(summary.get("customers").asText(), browser.visible("#tile-customers").getAttribute("data-value"));
            WebElement guests = browser.visible("#guest-note");
            assertEquals(summary.get("guestOrders").asText(), guests.getAttribute("data-guest-orders"));
            assertTrue(guests.getText().contains("left out"), guests.getText());
            assertTrue(browser.visible("#summary-range").getText().contains(from));

            // The grid shows the server's counts, cell by cell.
            long shownSum = 0;
            for (JsonNode cell : rfm.get("grid")) {
                WebElement button = browser.visible("#rf-grid .rf-cell[data-r='" + cell.get("r").asInt() + "'][data-f='" + cell.get("f").asInt() + "']");
                assertEquals(cell.get("customers").asText(), button.getAttribute("data-customers"), "cell " + cell);
                assertEquals(cell.get("customers").asLong(), Long.parseLong(button.findElement(org.openqa.selenium.By.cssSelector(".rf-count"))
                        .getText().replace(",", "")), "the count written in the cell " + cell);
                shownSum += Long.parseLong(button.getAttribute("data-customers"));
            }
            assertEquals(rfm.get("customers").asLong(), shownSum);
            assertEquals(rfm.get("segments").size(), browser.all("#rfm-segments tbody tr").size());
            assertTrue(browser.visible("#rfm-segments thead").getText().contains("Suggested action"));
            assertTrue(browser.visible("#cohort-chart canvas").getSize().getWidth() > 0, "the cohort heat map has a canvas");
            browser.until(d -> browser.js("""
                    const c = document.querySelector('#cohort-chart canvas');
                    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return true;
                    return false;"""));
            assertEquals(get("/cohorts?to=" + DAY).get("cohorts").size(), browser.all("#cohort-table tbody tr").size());
            JsonNode movement = get("/rfm/movement?date=" + DAY);
            assertFalse(movement.get("since").isNull(), "the demo's snapshot a week before");
            assertEquals(movement.get("since").asText(), browser.visible("#movement").getAttribute("data-since"));
            clean(browser);
            browser.screenshot("members");

            // Clicking the busiest cell lists its customers, the same as the server's list of that cell.
            int r = busiest.get("r").asInt();
            int f = busiest.get("f").asInt();
            JsonNode cellList = get("/rfm/customers?date=" + DAY + "&r=" + r + "&f=" + f + "&limit=200");
            assertEquals(busiest.get("customers").asLong(), cellList.get("total").asLong());
            browser.click("#rf-grid .rf-cell[data-r='" + r + "'][data-f='" + f + "']");
            browser.until(d -> browser.all("#rfm-list tbody tr").size() == cellList.get("customers").size());
            Set<String> expected = new TreeSet<>();
            cellList.get("customers").forEach(c -> expected.add(c.get("externalId").asText()));
            Set<String> listed = new TreeSet<>();
            browser.all("#rfm-list tbody .customer-link").forEach(b -> listed.add(b.getAttribute("data-customer")));
            assertEquals(expected, listed);
            assertEquals(busiest.get("customers").asText(), browser.visible("#rfm-list-box").getAttribute("data-total"));
            String csvHref = browser.visible("#rfm-list-csv").getAttribute("href");
            Distribution.Answer csv = server.get(csvHref.substring(server.url().length()));
            assertEquals(200, csv.status(), csv.body());
            assertEquals(busiest.get("customers").asLong() + 1, csv.body().strip().lines().count(), "a header and a line per customer");
            clean(browser);

            // The audience builder: one segment ticked, the count is the server's preview of that filter.
            String segment = null;
            String segmentOffer = null;
            long segmentCustomers = -1;
            for (JsonNode s : rfm.get("segments")) {
                long n = s.get("customers").asLong();
                if (n > 0 && n < rfm.get("customers").asLong() && n > segmentCustomers) {
                    segment = s.get("name").asText();
                    segmentOffer = s.get("offer").asText();
                    segmentCustomers = n;
                }
            }
            assertNotNull(segment, "a segment with some but not all customers");
            JsonNode preview = server.post(members("/audiences/preview"), "{\"segments\":[\"" + segment + "\"],\"tiers\":[],\"tags\":[],"
                    + "\"lastOrderFrom\":null,\"lastOrderTo\":null,\"categories\":[],\"date\":\"" + DAY + "\"}").json();
            long audience = preview.get("customers").asLong();
            assertEquals(segmentCustomers, audience, "a segment's audience is the segment");
            browser.until(d -> !browser.all("#audience-count").isEmpty());
            browser.click("#builder-segments input[value='" + segment + "']");
            browser.until(d -> String.valueOf(audience).equals(browser.visible("#audience-count").getAttribute("data-customers")));
            assertEquals(preview.get("revenue").asText(), browser.visible("#audience-revenue").getAttribute("data-revenue"));
            assertEquals(segmentOffer, browser.visible("#b-offer").getAttribute("value"), "the segment's suggested offer is preselected");

            // Creating the action: it is listed by the server with a holdout, and on the page as a draft.
            browser.visible("#b-name").sendKeys(NEW_ACTION);
            browser.visible("#b-offerText").sendKeys("满99减20，7天有效");
            browser.click("#create-action");
            browser.until(d -> {
                try {
                    return action(NEW_ACTION) != null;
                } catch (Exception e) {
                    return false;
                }
            });
            JsonNode created = action(NEW_ACTION);
            assertTrue(created.get("holdout").asLong() > 0, "some customers held out: " + created);
            assertEquals(audience, created.get("treated").asLong() + created.get("holdout").asLong(), created.toString());
            assertEquals(segmentOffer, created.get("offer").asText());
            assertEquals("draft", created.get("status").asText());
            String createdId = created.get("id").asText();
            browser.until(d -> !browser.all("#actions .action-name[data-action='" + createdId + "']").isEmpty());
            browser.click(".mark-sent[data-action='" + createdId + "']");
            browser.until(d -> {
                try {
                    return "sent".equals(action(NEW_ACTION).get("status").asText());
                } catch (Exception e) {
                    return false;
                }
            });
            browser.until(d -> !browser.all(".show-results[data-action='" + createdId + "']").isEmpty());
            String exportHref = browser.all("#actions .export[href*='/actions/" + createdId + "/']").get(0).getAttribute("href");
            Distribution.Answer export = server.get(exportHref.substring(server.url().length()));
            assertEquals(200, export.status(), export.body());
            assertEquals(created.get("treated").asLong() + 1, export.body().strip().lines().count(), "a header and a line per treated customer");
            clean(browser);

            // The demo action's results: the groups, the uplift chart and the verdict in words.
            String demoId = demoAction.get("id").asText();
            JsonNode results = get("/actions/" + demoId + "/results");
            browser.click(".show-results[data-action='" + demoId + "']");
            browser.until(d -> demoId.equals(browser.visible("#results-box").getAttribute("data-action")));
            String verdict = !results.get("enoughData").asBoolean() ? "not-enough"
                    : results.get("conversionUplift").get("significant").asBoolean() ? "significant" : "not-significant";
            WebElement shownVerdict = browser.visible("#results-verdict");
            assertEquals(verdict, shownVerdict.getAttribute("data-verdict"));
            assertTrue(List.of("Not enough data yet", "Significant", "Not significant").contains(shownVerdict.getText()), shownVerdict.getText());
            List<WebElement> groups = browser.all("#results tbody tr");
            assertEquals(2, groups.size());
            assertTrue(groups.get(0).getText().contains(String.format(Locale.US, "%,d", results.get("treated").get("customers").asLong())), groups.get(0).getText());
            assertTrue(groups.get(1).getText().contains(String.format(Locale.US, "%,d", results.get("holdout").get("customers").asLong())), groups.get(1).getText());
            browser.until(d -> !browser.all("#uplift-conversion canvas").isEmpty() && !browser.all("#uplift-revenue canvas").isEmpty());
            assertEquals(2, browser.all("#results .uplift-line").size());
            clean(browser);
            browser.screenshot("members-results");

            // Sent through the outbox channel (set up by default): the notice names the channel and the customers.
            browser.until(d -> !browser.all(".send-offer[data-action='" + demoId + "']").isEmpty());
            new org.openqa.selenium.support.ui.Select(browser.all(".action-buttons[data-action='" + demoId + "'] .send-channel").get(0))
                    .selectByValue("outbox");
            browser.click(".send-offer[data-action='" + demoId + "']");
            String treatedText = String.format(Locale.US, "%,d", demoAction.get("treated").asLong());
            browser.until(d -> browser.all(".notice, [role='status']").stream()
                    .anyMatch(n -> n.getText().contains("outbox") && n.getText().contains(treatedText)));
            clean(browser);

            // A customer with contact data from the cell's list: the panel, the tags edited and kept over a reload.
            String customer = null;
            JsonNode owners = null;
            for (JsonNode c : cellList.get("customers")) {
                JsonNode one = get("/customers/" + URLEncoder.encode(c.get("externalId").asText(), StandardCharsets.UTF_8));
                if (one.hasNonNull("contact") && one.get("contact").hasNonNull("phone")) {
                    customer = c.get("externalId").asText();
                    owners = one;
                    break;
                }
            }
            assertNotNull(customer, "a customer with a phone number in the cell");
            String id = customer;
            browser.click("#rfm-list .customer-link[data-customer='" + id + "']");
            browser.until(d -> id.equals(browser.visible("#customer").getAttribute("data-customer")));
            assertTrue(browser.path().contains("customer="), browser.path());
            String ownersPhone = owners.get("contact").get("phone").asText();
            assertEquals(ownersPhone, browser.visible("#contact-phone").getText(), "the owner sees the phone as stored");
            assertTrue(browser.all("#contact-masked").isEmpty(), "no masking note for the owner");
            assertEquals(owners.get("history").size(), browser.all("#customer-history tbody tr").size());
            List<String> tags = new ArrayList<>();
            owners.get("tags").forEach(tag -> tags.add(tag.asText()));
            tags.add("回头客");
            tags.add("<b>爱买锅</b>");
            WebElement input = browser.visible("#tags-input");
            input.clear();
            input.sendKeys(String.join("，", tags));
            browser.click("#tags-save");
            browser.until(d -> {
                try {
                    List<String> saved = new ArrayList<>();
                    get("/customers/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).get("tags").forEach(tag -> saved.add(tag.asText()));
                    return saved.containsAll(tags);
                } catch (Exception e) {
                    return false;
                }
            });
            openPage(browser, browser.path());
            browser.until(d -> id.equals(browser.visible("#customer").getAttribute("data-customer")));
            Set<String> chips = new TreeSet<>();
            browser.all("#tag-list .tag").forEach(tag -> chips.add(tag.getAttribute("data-tag")));
            assertEquals(new TreeSet<>(tags), chips);
            assertTrue(browser.visible("#tag-list").getText().contains("<b>爱买锅</b>"), "a tag is text, never markup");
            clean(browser);
            browser.screenshot("members-customer");

            // Chinese on a phone: every label translated, nothing wider than the screen, the panel included.
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.js("localStorage.setItem('shopops.lang', 'zh-CN')");
            openPage(browser, PAGE);
            assertTrue(browser.visible("#summary-title").getText().contains("期间客户"));
            assertTrue(browser.visible("#rfm-segments thead").getText().contains("建议动作"));
            assertTrue(browser.visible("#guest-note").getText().contains("游客订单"));
            assertTrue(browser.visible("#cohort-chart canvas").getSize().getWidth() <= 390);
            assertTrue(scrollWidth(browser) <= 390, "nothing wider than the phone: " + scrollWidth(browser));
            clean(browser);
            browser.screenshot("members-phone-zh");
            openPage(browser, PAGE + "&customer=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            browser.click(".show-results[data-action='" + demoId + "']");
            browser.until(d -> !browser.all("#uplift-conversion canvas").isEmpty());
            assertTrue(List.of("数据还不够", "显著", "不显著").contains(browser.visible("#results-verdict").getText()));
            assertTrue(scrollWidth(browser) <= 390, "the customer and the results fit the phone: " + scrollWidth(browser));
            clean(browser);
            browser.screenshot("members-customer-phone-zh");

            // Finance may look: no builder, no tag editing, no snapshot or send buttons, contacts masked.
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
            browser.js("localStorage.setItem('shopops.lang', 'en')");
            browser.signIn(FINANCE, FINANCE_PASSWORD);
            openPage(browser, PAGE + "&customer=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            assertTrue(browser.all("#builder-card").stream().noneMatch(WebElement::isDisplayed), "no audience builder");
            assertTrue(browser.all("#tags-input").isEmpty() && browser.all("#tags-save").isEmpty(), "no tag editing");
            assertFalse(browser.all("#tag-list .tag").isEmpty(), "the tags are shown");
            assertTrue(browser.all("#snapshot").stream().noneMatch(WebElement::isDisplayed), "no snapshot button");
            assertTrue(browser.all(".mark-sent").isEmpty(), "no send buttons");
            assertTrue(browser.all(".send-offer").isEmpty() && browser.all(".send-channel").isEmpty(), "no sending through a channel");
            assertTrue(browser.all("#actions .export").isEmpty(), "no export of the customers to send to");
            assertFalse(browser.all(".show-results").isEmpty(), "results may be looked at");
            JsonNode financeView = fetchInBrowser(browser, "/customers/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            String maskedPhone = financeView.get("contact").get("phone").asText();
            assertNotEquals(ownersPhone, maskedPhone, "the server masks the phone for finance");
            assertEquals(maskedPhone, browser.visible("#contact-phone").getText());
            assertTrue(browser.visible("#contact-masked").isDisplayed(), "the page says why");
            clean(browser);
            browser.screenshot("members-finance");
        }
    }
}
