package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.TimeoutException;

/**
 * Stored XSS (#11): markup is written into every text a user can write and a page shows, through the
 * HTTP API and imports as a person or a script would, and every page showing it is opened in Chromium,
 * in English and in Chinese. Each text must be drawn as the text it is: no element made from it (not
 * even for a moment, as a chart's tooltip is), no handler run, nothing the Content-Security-Policy had
 * to block, and the text itself on the page, so that the check cannot pass because nothing was drawn.
 * One server and one browser for all of it: CI's time is short.
 */
class StoredXssIT {

    static final String DAY = Distribution.DEMO_LAST_DAY;
    static final String WEEK = "from=2026-11-16&to=" + DAY;
    /** The imported product that carries markup, also put into a campaign. */
    static final String SKU = "XSS-1";

    /**
     * Watches every page from its first byte for an element carrying the payloads' marks, kept even when
     * the page takes it out again (a tooltip's content is replaced at the next hover).
     */
    static final String WATCH = """
            window.__xssMade = [];
            const marked = '[data-xss],[onerror],[onfocus]';
            const note = (n) => window.__xssMade.push(n.outerHTML.slice(0, 200));
            new MutationObserver((records) => {
              for (const r of records) {
                if (r.type === 'attributes') {
                  if (r.target.hasAttribute(r.attributeName)) note(r.target);
                  continue;
                }
                for (const n of r.addedNodes) {
                  if (n.nodeType !== Node.ELEMENT_NODE) continue;
                  if (n.matches(marked)) note(n);
                  n.querySelectorAll(marked).forEach(note);
                }
              }
            }).observe(document, { childList: true, subtree: true, attributes: true,
              attributeFilter: ['data-xss', 'onerror', 'onfocus'] });""";

    /** Texts that are not on the page as text: in what is rendered, or typed into a field that is shown. */
    static final String NOT_SHOWN = """
            const shown = [document.body.innerText, ...[...document.querySelectorAll('input, textarea')]
              .filter((n) => n.getClientRects().length > 0).map((n) => n.value)].join('\\n');
            return arguments[0].filter((text) => !shown.includes(text));""";

    /**
     * Shows every chart's tooltip for each of its points, as hovering would: a tooltip formatter that
     * returns a string has it parsed as HTML. Answers how many tooltips were shown.
     */
    static final String EVERY_TOOLTIP = """
            const done = arguments[arguments.length - 1];
            import('/vendor/echarts/echarts.esm.min.js').then((echarts) => {
              let shown = 0;
              for (const host of document.querySelectorAll('[_echarts_instance_]')) {
                const chart = echarts.getInstanceByDom(host);
                if (!chart || chart.isDisposed()) continue;
                (chart.getOption().series || []).forEach((series, seriesIndex) => {
                  // 400 a series: every keyword of the ads scatter, in a fraction of a second
                  const points = Math.min((series.data || []).length, 400);
                  for (let dataIndex = 0; dataIndex < points; dataIndex++) {
                    chart.dispatchAction({ type: 'showTip', seriesIndex, dataIndex });
                    shown++;
                  }
                });
                chart.dispatchAction({ type: 'hideTip' });
              }
              done(shown);
            }, (e) => done('no charts module: ' + e));""";

    @TempDir
    static Path work;

    /** What was written into each field, by the field's name (which is also its payloads' mark). */
    private final Map<String, String> planted = new LinkedHashMap<>();

    /** A page, what it must have drawn before it is looked at (a script's condition), and the fields it shows. */
    record Page(String path, String drawn, List<String> shows) {
    }

    // ---------------------------------------------------------------- the payloads

    /**
     * What runs if the markup is ever parsed and its handler allowed: it leaves the field's name in
     * window.__xss. {@code ||=} rather than concat keeps markup, script and attribute payloads together
     * within a 200-character title.
     */
    private static String handler(String field) {
        return "(self.__xss||=[]).push('" + field + "')";
    }

    /** Markup where text is expected. */
    private static String markup(String field) {
        return "<img src=x data-xss=\"" + field + "\" onerror=\"" + handler(field) + "\">";
    }

    /** Text that ends a script element and starts another, for text put into a script. */
    private static String scriptEnd(String field) {
        return "</script><script data-xss=\"" + field + "\">" + handler(field) + "</script>";
    }

    /** Text that ends a quoted attribute and adds a handler, for text put into an attribute. */
    private static String attributeEnd(String field) {
        return "\" autofocus onfocus=\"" + handler(field) + "\" data-xss=\"" + field;
    }

    /** The least that still shows markup being parsed, in an attribute or as text, for fields of a few words. */
    private static String tiny(String field) {
        return "\"><b data-xss=\"" + field + "\">";
    }

    /**
     * The payload for {@code field}: as much of markup, script end and attribute end as its {@code max}
     * length allows; kept to be looked for on the pages.
     */
    private String plant(String field, int max) {
        String text = List.of(markup(field) + scriptEnd(field) + attributeEnd(field), markup(field) + attributeEnd(field),
                        markup(field), tiny(field)).stream().filter(s -> s.length() <= max).findFirst()
                .orElseThrow(() -> new AssertionError(field + ": no payload fits in " + max + " characters"));
        planted.put(field, text);
        return text;
    }

    private String plant(String field) {
        return plant(field, Integer.MAX_VALUE);
    }

    /** Keeps a payload made by hand (a field that holds two kinds of it in two rows). */
    private String plantAs(String field, String text) {
        planted.put(field, text);
        return text;
    }

    private static String csv(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String json(Object value) throws Exception {
        return Distribution.JSON.writeValueAsString(value);
    }

    private static String path(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode created(Distribution.Answer answer) throws Exception {
        if (answer.status() != 200 && answer.status() != 201) {
            throw new AssertionError(answer.status() + " " + answer.body());
        }
        return answer.json();
    }

    private static void imported(Distribution.Server server, String kind, String format, String name, String content) throws Exception {
        Path file = Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
        JsonNode job = server.importFile("demo", Map.of("kind", kind, "format", format), file);
        assertEquals("done", job.get("state").asText(), job.toString());
        assertEquals(0, job.get("rejected").asInt(), job.toString());
    }

    // ---------------------------------------------------------------- the test

    @Test
    void everyTextIsShownAsTextOnEveryPageInBothLanguages() throws Exception {
        String skip = Chromium.missing();
        Assumptions.assumeTrue(skip == null, skip);
        try (Distribution.Server server = Distribution.Server.demo(work)) {
            long started = System.nanoTime();
            // Planting is HTTP only: it runs while Chromium starts and signs in, which takes as long.
            CompletableFuture<List<Page>> planting = CompletableFuture.supplyAsync(() -> {
                try {
                    return plantEverywhere(server);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            List<String> problems = new ArrayList<>();
            int looked = 0;
            try (Chromium browser = Chromium.start(server.url(), work)) {
                browser.recordConsoleErrors();
                browser.onEveryPage(WATCH);
                browser.signIn("admin", Distribution.OWNER_PASSWORD);
                List<Page> pages = planting.join();
                for (String lang : List.of("en", "zh-CN")) {
                    browser.js("localStorage.setItem('shopops.lang', arguments[0])", lang);
                    for (Page page : pages) {
                        problems.addAll(look(browser, page, lang));
                        looked++;
                    }
                }
            } finally {
                planting.cancel(false);
            }
            System.out.printf("stored XSS: %d fields on %d page views, %.1f s after the server started%n",
                    planted.size(), looked, (System.nanoTime() - started) / 1e9);
            assertEquals(List.of(), problems);
        }
    }

    /** Opens {@code page} in {@code lang}, waits until it has drawn its data, and says what is wrong with it. */
    @SuppressWarnings("unchecked")
    private List<String> look(Chromium browser, Page page, String lang) throws Exception {
        String where = page.path() + " (" + lang + ")";
        List<String> texts = page.shows().stream().map(planted::get).toList();
        // null until the page is in the language and has drawn its data, then the texts it does not show
        String notShown = "if (document.documentElement.lang !== arguments[1] || document.body.classList.contains('loading')"
                + " || !document.querySelector('#shell-nav li') || !(" + page.drawn() + ")) return null;\n" + NOT_SHOWN;
        browser.open(page.path());
        List<String> problems = new ArrayList<>();
        try {
            browser.until(d -> browser.js(notShown, texts, lang) instanceof List<?> missing && missing.isEmpty());
        } catch (TimeoutException e) {
            List<String> missing = (List<String>) browser.js(notShown, texts, lang);
            problems.add(where + (missing == null ? ": not drawn: " + page.drawn() : ": not shown as text: " + missing.stream()
                    .map(text -> planted.entrySet().stream().filter(p -> p.getValue().equals(text)).findFirst().orElseThrow().getKey())
                    .toList()) + " " + browser.errors());
            browser.screenshot("xss" + page.path().replaceAll("[^A-Za-z0-9]+", "-") + lang);
        }
        // A page may still be drawing a chart again (a newer answer replaces the first): ask until its points are there.
        Object tooltips = browser.driver.executeAsyncScript(EVERY_TOOLTIP);
        for (long deadline = System.nanoTime() + 5_000_000_000L; tooltips instanceof Long n && n == 0
                && !browser.all("canvas").isEmpty() && System.nanoTime() < deadline; ) {
            Thread.sleep(200);
            tooltips = browser.driver.executeAsyncScript(EVERY_TOOLTIP);
        }
        if (!(tooltips instanceof Long) || (Long) tooltips == 0 && !browser.all("canvas").isEmpty()) {
            problems.add(where + ": charts drawn, but no tooltip shown: " + tooltips);
        }
        List<String> made = (List<String>) browser.js("return [...new Set([...window.__xssMade,"
                + " ...[...document.querySelectorAll('[data-xss],[onerror],[onfocus]')].map((n) => n.outerHTML.slice(0, 200))])]");
        if (!made.isEmpty()) {
            problems.add(where + ": elements made from the text: " + made);
        }
        Object ran = browser.js("return window.__xss");
        if (ran != null) {
            problems.add(where + ": handlers ran for " + ran);
        }
        if (!browser.cspViolations().isEmpty()) {
            problems.add(where + ": the Content-Security-Policy blocked " + browser.cspViolations());
        }
        if (!browser.consoleErrors().isEmpty()) {
            problems.add(where + ": console " + browser.consoleErrors());
        }
        return problems;
    }

    // ---------------------------------------------------------------- planting

    /** Writes a payload into every field, through the routes and imports a user or a script uses; answers the pages to look at. */
    private List<Page> plantEverywhere(Distribution.Server server) throws Exception {
        // The core: a shop's name, a product's title and category, a task with its detail and a comment, API tokens.
        created(server.post("/api/shops", json(Map.of("code", "xss", "name", plant("shop-name")))));
        imported(server, "products", "generic", "products.csv", "sku,title,category,price,cost,stock,status\n"
                + SKU + "," + csv(plant("product")) + "," + csv(plant("category")) + ",9.90,3.00,5,listed\n");
        // Due before the briefing's day and still open: the briefing lists it as overdue, by its title.
        JsonNode task = created(server.post("/api/shops/demo/tasks", json(Map.of("title", plant("task-title", 200),
                "detail", plant("task-detail", 4000), "due", "2026-11-20", "role", "operator"))));
        String taskId = task.get("id").asText();
        created(server.post("/api/shops/demo/tasks/" + taskId + "/comments", json(Map.of("text", plant("task-comment", 4000)))));
        // A token's name has 100 characters: the markup and the attribute end go into one token each.
        created(server.post("/api/tokens", json(Map.of("name", plantAs("token", markup("token"))))));
        created(server.post("/api/tokens", json(Map.of("name", plantAs("token-attr", attributeEnd("token-attr"))))));

        // Traffic: sources mapped to a channel by hand (a name of 100 characters, in the URL path, so no '/'), and one
        // imported with figures.
        for (String mapped : List.of(plantAs("source-map", markup("source-map")), plantAs("source-attr", attributeEnd("source-attr")))) {
            created(server.put(Distribution.Server.plugin("demo", "traffic", "/channels/" + path(mapped)), json(Map.of("channel", "paid"))));
        }
        String source = csv(plant("source"));
        imported(server, "traffic", "generic", "traffic.csv", "day,source,uv,pv,buyers,paid_amount\n"
                + "2026-11-13," + source + ",300,600,3,100.00\n2026-11-20," + source + ",500,900,5,300.00\n");

        // Ads: a keyword of a campaign and ad group, and a search term that sold (search terms are kept in lower case).
        String campaign = csv(plant("ad-campaign"));
        String adGroup = csv(plant("ad-group"));
        String keyword = csv(plant("keyword"));
        String term = csv(plant("search-term"));
        StringBuilder keywords = new StringBuilder("Day,Campaign,Ad group,Keyword,Impr.,Clicks,Cost,Conversions,Conv. value\n");
        StringBuilder terms = new StringBuilder("Search term,Day,Campaign,Ad group,Keyword,Impr.,Clicks,Cost,Conversions,Conv. value\n");
        for (String day : List.of("2026-11-18", "2026-11-19", "2026-11-20")) {
            keywords.append(day).append(',').append(campaign).append(',').append(adGroup).append(',').append(keyword)
                    .append(",1000,40,20.00,3,300.00\n");
            terms.append(term).append(',').append(day).append(',').append(campaign).append(',').append(adGroup).append(',')
                    .append(keyword).append(",500,20,10.00,2,200.00\n");
        }
        imported(server, "ads", "google-ads-keywords", "keywords.csv", keywords.toString());
        imported(server, "ads", "google-ads-search-terms", "terms.csv", terms.toString());

        // Activities: a campaign (name, channel, the product above), its review notes and a move with a note.
        String activities = Distribution.Server.plugin("demo", "activities", "");
        JsonNode made = created(server.post(activities + "/campaigns", json(Map.of("name", plant("campaign", 200),
                "kind", "platform", "channel", plant("channel", 50), "liveFrom", "2026-11-18", "liveTo", "2026-11-24",
                "registrationDeadline", "2026-11-10", "products", List.of(Map.of("sku", SKU, "allocated", 5, "price", 700))))));
        String campaignId = made.get("id").asText();
        created(server.put(activities + "/campaigns/" + campaignId + "/review", json(Map.of("notes", plant("review-notes", 20_000)))));
        created(server.post(activities + "/campaigns/" + campaignId + "/status",
                json(Map.of("to", "registered", "note", plant("move-note", 2000)))));

        // Members: a customer's contact name and a tag (imported), a tier's name, an action with its offer.
        String members = Distribution.Server.plugin("demo", "members", "");
        String customer = server.get(members + "/rfm/customers?segment=champions&limit=1&date=" + DAY).json()
                .get("customers").get(0).get("externalId").asText();
        imported(server, "members", "member-contacts", "contacts.csv", "Customer ID,Name,Phone,Email,Tags\n"
                + customer + "," + csv(plant("contact")) + ",13800000000,xss@example.com," + csv(plant("tag", 30)) + "\n");
        ObjectNode settings = (ObjectNode) server.get(members + "/settings").json();
        ((ObjectNode) settings.get("tiers").get(1)).put("name", plant("tier", 40));
        created(server.put(members + "/settings", json(Map.of("tiers", settings.get("tiers")))));
        created(server.post(members + "/actions", json(Map.of("name", plant("action", 100), "offer", "member-price",
                "offerText", plant("offer", 500), "audience", Map.of("segments", List.of("champions"))))));

        // Content: a post (title, body, campaign) sent back with a note, and the webhook channel's address.
        String content = Distribution.Server.plugin("demo", "content", "");
        JsonNode post = created(server.post(content + "/posts", json(Map.of("title", plant("post-title", 200),
                "body", plant("post-body", 20_000), "kind", "copy", "scheduledAt", "2026-11-20T10:00",
                "campaign", plant("post-campaign", 100), "products", List.of(SKU), "channels", List.of("outbox")))));
        String postId = post.get("id").asText();
        created(server.post(content + "/posts/" + postId + "/submit", "{}"));
        created(server.post(content + "/posts/" + postId + "/send-back", json(Map.of("note", plant("send-back", 1000)))));
        // No secret: the channel is not set up, so nothing is ever sent to the address.
        created(server.put("/api/shops/demo/channels/webhook", json(Map.of("url", plant("webhook-url"), "secret", ""))));

        // Competitors: a peer shop's name and a product title from two days' snapshots, its price cut on the second.
        String peer = csv(plant("peer", 100));
        String peerTitle = csv(plant("peer-title", 200));
        imported(server, "competitors", "peer-snapshot", "peers.csv", "Date,Shop,Product ID,Title,Price,Monthly sales\n"
                + "2026-11-21," + peer + ",XSS-P1," + peerTitle + ",99.00,10\n" + DAY + "," + peer + ",XSS-P1," + peerTitle + ",79.00,15\n");

        // Customer service: an agent's name, as the back office's chat report gives it.
        imported(server, "service", "service-chats", "chats.csv", "Date,Agent,Customer,Start time,First response,Messages\n"
                + DAY + "," + csv(plant("agent", 100)) + ",xss-buyer,10:00,30,6\n");

        // Listings: a marketplace listing with the hero's main image (the demo listing sheet's fingerprint of HK-001),
        // a certain copycat whatever its title: its shop and title.
        imported(server, "listings", "marketplace-listings", "listings.csv", "Date,Shop,Listing ID,Title,Price,Image hash\n"
                + DAY + "," + csv(plant("listing-shop", 100)) + ",XSS-L1," + csv(plant("listing-title", 200)) + ",79.00,c3a1f09e7b2d4e58\n");

        // This morning's briefing again, now that the task is overdue, the post late and the search term sold.
        created(server.post("/api/shops/demo/briefing?lang=en", ""));

        String plugins = "/ui/%s?shop=demo&";
        return List.of(
                // The home page's chart (figures by day) and the xss shop's home (its name in the heading, as on
                // the targets page) hold nothing else to look at.
                new Page("/?shop=demo", "!!document.querySelector('#products table') && !!document.querySelector('#briefing .finding')",
                        List.of("product", "category", "task-title", "post-title", "search-term")),
                new Page("/tasks.html?shop=demo&task=" + taskId, "!!document.querySelector('#board .task-card')"
                        + " && !!document.querySelector('#comments li')", List.of("task-title", "task-detail", "task-comment")),
                new Page("/tasks.html?shop=demo#week", "!!document.querySelector('#week-roles .role-week')", List.of("task-title")),
                new Page("/targets.html?shop=xss", "!!document.querySelector('#figures .figure')", List.of("shop-name")),
                new Page("/settings/users.html", "!!document.querySelector('#users table')", List.of("shop-name")),
                new Page("/settings/tokens.html", "!!document.querySelector('#tokens table')", List.of("token", "token-attr")),
                // A comment is in the log cut to 200 characters, so its payload is not whole there.
                new Page("/settings/audit.html", "!!document.querySelector('#entries table')",
                        List.of("shop-name", "task-title", "token", "token-attr", "source-map", "source-attr")),
                new Page(plugins.formatted("traffic/") + WEEK, "!!document.querySelector('#sources-chart canvas')"
                        + " && !!document.querySelector('#why-table table')", List.of("source")),
                new Page(plugins.formatted("traffic/sources.html"), "!!document.querySelector('#channels table')",
                        List.of("source-map", "source-attr")),
                new Page(plugins.formatted("ads/index.html") + WEEK, "!!document.querySelector('#keywords tbody tr')"
                        + " && !!document.querySelector('#scatter canvas') && !!document.querySelector('#trend canvas')",
                        List.of("keyword", "ad-group", "ad-campaign", "search-term")),
                new Page(plugins.formatted("activities/index.html") + "month=2026-11&campaign=" + campaignId,
                        "!!document.querySelector('#cal-grid table') && !!document.querySelector('#panel-history tbody tr')"
                                + " && !!document.querySelector('#review-notes')",
                        List.of("campaign", "channel", "review-notes", "move-note", "product")),
                new Page(plugins.formatted("members/index.html") + "date=" + DAY + "&customer=" + path(customer),
                        "!!document.querySelector('#customer-history tbody tr') && !!document.querySelector('#actions tbody tr')"
                                + " && document.querySelectorAll('#rf-grid .rf-cell').length === 25",
                        List.of("contact", "tag", "tier", "action", "offer")),
                new Page(plugins.formatted("content/index.html") + "day=" + DAY + "&post=" + postId,
                        "!!document.querySelector('#cal .cal-day') && !!document.querySelector('#panel-history .data-table')"
                                + " && !!document.querySelector('#channels form')",
                        List.of("post-title", "post-body", "post-campaign", "send-back", "webhook-url")),
                new Page(plugins.formatted("competitors/index.html") + WEEK,
                        "!!document.querySelector('#peers tbody tr') && !!document.querySelector('#sales-chart canvas')"
                                + " && !!document.querySelector('#changes-prices tbody tr')",
                        List.of("peer", "peer-title")),
                new Page(plugins.formatted("service/index.html") + WEEK,
                        "!!document.querySelector('#ranking tbody tr') && !!document.querySelector('#conversion-chart canvas')",
                        List.of("agent")),
                new Page(plugins.formatted("listings/index.html"),
                        "!!document.querySelector('#suspects tbody tr') && !!document.querySelector('#checks-chart canvas')",
                        List.of("listing-shop", "listing-title")));
    }
}
