package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * The traffic plugin's shop analysis against the built distribution and the demo shop: its routes over
 * HTTP (the identities the page relies on, the 400s) and the page in Chromium, in English and Chinese,
 * on a desktop and a phone.
 */
class TrafficPageIT {

    @TempDir
    static Path work;
    static Distribution.Server server;

    @BeforeAll
    static void start() throws Exception {
        server = Distribution.Server.demo(work);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String traffic(String rest) {
        return Distribution.Server.plugin("demo", "traffic", rest);
    }

    @Test
    void theRoutesAnswerOverHttpWithTheirIdentitiesAndRefuseBadInput() throws Exception {
        JsonNode k = server.get(traffic("/kpis?from=2026-11-16&to=2026-11-22")).json();
        assertEquals("2026-11-09", k.get("periods").get("previous").get("from").asText());
        JsonNode summary = server.get("/api/shops/demo/summary?from=2026-11-16&to=2026-11-22").json();
        assertEquals(summary.get("revenue").asLong(), k.get("sales").get("value").asLong(), "the plugin's sales are the core's");

        JsonNode w = server.get(traffic("/decomposition?from=2026-11-16&to=2026-11-22")).json();
        assertEquals(w.get("salesChange").asLong(),
                w.get("uvEffect").asLong() + w.get("conversionEffect").asLong() + w.get("aovEffect").asLong());
        long bySource = w.get("unattributed").get("effect").asLong();
        for (JsonNode s : w.get("bySource")) {
            bySource += s.get("effect").asLong();
        }
        assertEquals(w.get("uvEffect").asLong(), bySource);

        assertEquals(400, server.get(traffic("/kpis?from=2026-11-22&to=2026-11-01")).status());
        assertEquals(400, server.get(traffic("/kpis?from=someday")).status());
        assertEquals(400, server.get(traffic("/decomposition?baseFrom=2026-11-01")).status());
        assertEquals(400, server.get(traffic("/target-check?day=2026-13-01")).status());
    }

    @Test
    void thePageShowsTargetFiguresAndWhySalesMoved() throws Exception {
        String skip = Chromium.missing();
        Assumptions.assumeTrue(skip == null, skip);
        try (Chromium browser = Chromium.start(server.url(), work)) {
            browser.signIn("admin", Distribution.OWNER_PASSWORD);

            browser.open("/ui/traffic/?shop=demo&from=2026-11-16&to=2026-11-22");
            browser.mounted();
            browser.until(d -> browser.all("#kpi-tiles .kpi").size() == 15);
            browser.until(d -> browser.js("return !!document.querySelector('#waterfall canvas')"));
            browser.visible("#target-tiles .kpi");
            browser.visible("#why-table table");
            browser.visible("#sources-table table");
            browser.until(d -> browser.js("return !!document.querySelector('#funnel canvas') && !!document.querySelector('#heatmap canvas')"));
            browser.visible("#health table");
            browser.visible("#products table");
            assertEquals("", browser.errors());
            assertEquals(List.of(), browser.untranslated());
            assertTrue(browser.visible("#kpi-tiles").getText().contains("Conversion rate"));
            browser.screenshot("traffic");

            // The owner changes a page-health threshold on the page; the plugin keeps it for the shop.
            browser.click("#health details summary");
            var field = browser.visible("#health-thresholds input[name='page-health.pages-per-visit.pass']");
            field.clear();
            field.sendKeys("1.5");
            browser.click("#health-thresholds button[type=submit]");
            browser.until(d -> {
                try {
                    return server.get(traffic("/page-health/thresholds")).json().get("thresholds")
                            .get("page-health.pages-per-visit.pass").asDouble() == 1.5;
                } catch (Exception e) {
                    return false;
                }
            });
            assertEquals("", browser.errors());

            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.js("localStorage.setItem('shopops.lang', 'zh-CN')");
            browser.open("/ui/traffic/?shop=demo&from=2026-11-16&to=2026-11-22");
            browser.mounted();
            browser.until(d -> browser.all("#kpi-tiles .kpi").size() == 15);
            assertEquals(List.of(), browser.untranslated());
            assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390, "nothing wider than the phone");
            browser.screenshot("traffic-phone-zh");
        }
    }
}
