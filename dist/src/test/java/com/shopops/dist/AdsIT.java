package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ads plugin end to end on the demo shop: the week's review with a decision per keyword (the
 * figures checked against plain SQL on the database file), the demo's stories decided as they should
 * be, accepting and dismissing with the bid sheet and the audit log to show for it, the rules as
 * settings, and the plugin's findings in the morning briefing.
 */
class AdsIT {

    private static final String FROM = "2026-11-16";
    private static final String TO = Distribution.DEMO_LAST_DAY;

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

    private static String ads(String rest) {
        return Distribution.Server.plugin("demo", "ads", rest);
    }

    private static JsonNode keyword(JsonNode review, String keyword) {
        for (JsonNode k : review.get("keywords")) {
            if (k.get("keyword").asText().equals(keyword)) {
                return k;
            }
        }
        throw new AssertionError("no keyword " + keyword + " in the review");
    }

    @Test
    void theWeeksReviewDecidesEveryKeywordOnFiguresThatAddUp() throws Exception {
        JsonNode r = server.get(ads("/review?lang=en")).json();
        assertEquals(FROM, r.get("from").asText(), "the default range: the week up to the last reported day");
        assertEquals(TO, r.get("to").asText());
        long cost = 0;
        Set<String> actions = new HashSet<>();
        for (JsonNode k : r.get("keywords")) {
            cost += k.get("cost").asLong();
            actions.add(k.get("action").asText());
            String reason = k.get("reason").asText();
            assertFalse(reason.isBlank() || reason.contains("{") || reason.startsWith("ads.reason"), reason);
        }
        Path db = work.resolve("data/shopops.db");
        assertEquals(PlainSql.value(db, "SELECT SUM(cost) FROM ads_keyword_days WHERE day BETWEEN '" + FROM + "' AND '" + TO + "'"),
                String.valueOf(cost), "the keywords' cost is the report's");
        assertEquals(cost, r.get("totals").get("cost").asLong());
        assertEquals(PlainSql.value(db, "SELECT COUNT(DISTINCT campaign || '/' || ad_group || '/' || keyword) FROM ads_keyword_days"
                + " WHERE day BETWEEN '" + FROM + "' AND '" + TO + "'"), String.valueOf(r.get("keywords").size()));
        assertTrue(actions.containsAll(Set.of("pause", "watch", "keep")) && actions.size() >= 4, actions.toString());

        // the demo's stories
        assertEquals("pause", keyword(r, "不粘锅 炒锅 家用").get("action").asText(), "money burnt without an order");
        JsonNode oneClick = keyword(r, "珐琅锅 22cm 送礼");
        assertEquals("watch", oneClick.get("action").asText(), "one click and one order are no evidence: " + oneClick);
        assertEquals("raise-bid", keyword(r, "硅胶锅铲套装").get("action").asText());
        assertEquals("change-creative", keyword(r, "砧板").get("action").asText());
        assertTrue(r.get("adds").size() > 0, "converting search terms that are not keywords");
        for (JsonNode add : r.get("adds")) {
            assertEquals("add", add.get("action").asText());
        }
        assertEquals(PlainSql.value(db, "SELECT SUM(cost) FROM ads_spend_days WHERE kind = 'display' AND day BETWEEN '" + FROM
                + "' AND '" + TO + "'"), r.get("otherSpend").get("display").get("cost").asText());
        JsonNode share = r.get("totals").get("shareOfShopSales");
        assertTrue(share.asDouble() > 0 && share.asDouble() < 1, share.toString());

        JsonNode zh = server.get(ads("/review?lang=zh")).json();
        assertTrue(keyword(zh, "不粘锅 炒锅 家用").get("reason").asText().contains("无一成交"));

        var csv = server.get(ads("/review?format=csv"));
        assertTrue(csv.contentType().startsWith("text/csv"));
        assertTrue(csv.body().startsWith("\uFEFFcampaign,adGroup,product,keyword,impressions"), csv.body().substring(0, 80));

        long byCampaign = 0;
        for (JsonNode c : server.get(ads("/rollup?by=campaign")).json().get("rows")) {
            byCampaign += c.get("cost").asLong();
        }
        assertEquals(cost, byCampaign);
        JsonNode trend = server.get(ads("/trend")).json();
        assertEquals(7, trend.get("days").size());
        assertEquals(7, trend.get("campaigns").get(0).get("roi").size());

        assertEquals(400, server.get(ads("/review?from=2026-11-22&to=2026-11-01")).status());
        assertEquals(400, server.get(ads("/review?to=someday")).status());
        assertEquals(400, server.get(ads("/rollup?by=colour")).status());
        assertEquals(400, server.get(ads("/review?format=xml")).status());
    }

    @Test
    void acceptedDecisionsMakeTheBidSheetAndTheLog() throws Exception {
        String burning = "{\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\",\"campaign\":\"%s\",\"adGroup\":\"%s\",\"product\":\"%s\","
                + "\"keyword\":\"%s\",\"status\":\"%s\"}";
        JsonNode r = server.get(ads("/review")).json();
        JsonNode pause = keyword(r, "不粘锅 炒锅 家用");
        JsonNode raise = keyword(r, "硅胶锅铲套装");
        var accepted = server.post(ads("/decisions"), burning.formatted(pause.get("campaign").asText(), pause.get("adGroup").asText(),
                pause.get("product").asText(), pause.get("keyword").asText(), "accepted"));
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("accepted", accepted.json().get("status").asText());
        assertEquals("pause", accepted.json().get("action").asText(), "the decision is made again on the server");
        assertEquals("admin", accepted.json().get("decidedBy").asText());
        var dismissed = server.post(ads("/decisions"), burning.formatted(raise.get("campaign").asText(), raise.get("adGroup").asText(),
                raise.get("product").asText(), raise.get("keyword").asText(), "dismissed"));
        assertEquals(200, dismissed.status(), dismissed.body());

        JsonNode again = server.get(ads("/review")).json();
        assertEquals("accepted", keyword(again, "不粘锅 炒锅 家用").get("status").asText());
        assertNotNull(keyword(again, "不粘锅 炒锅 家用").get("decisionId").asText());
        assertEquals("dismissed", keyword(again, "硅胶锅铲套装").get("status").asText());
        assertEquals("proposed", keyword(again, "砧板").get("status").asText());
        assertEquals(2, server.get(ads("/decisions")).json().get("decisions").size());

        var sheet = server.get(ads("/bid-sheet"));
        assertEquals(200, sheet.status());
        String[] lines = sheet.body().split("\r\n");
        assertEquals(2, lines.length, sheet.body());
        assertTrue(lines[0].startsWith("\uFEFFcampaign,ad group,product,keyword,action,current bid,new bid"), lines[0]);
        assertTrue(lines[1].contains("不粘锅 炒锅 家用") && lines[1].contains(",pause,") && lines[1].contains("admin"), lines[1]);
        assertFalse(sheet.body().contains("硅胶锅铲套装"), "a dismissed decision is not applied");

        JsonNode log = server.get("/api/audit?action=ads").json();
        assertTrue(log.size() >= 2, log.toString());

        assertEquals(404, server.post(ads("/decisions"), burning.formatted("no such", "group", "", "word", "accepted")).status());
        assertEquals(400, server.post(ads("/decisions"), burning.formatted(pause.get("campaign").asText(),
                pause.get("adGroup").asText(), "", pause.get("keyword").asText(), "maybe")).status());
        assertEquals(400, server.post(ads("/decisions"), "{\"from\":\"yesterday\"}").status());
    }

    @Test
    void theRulesAreTheShopsSettings() throws Exception {
        JsonNode before = server.get(ads("/settings")).json();
        assertEquals("3", before.get("target-roi").asText());
        var bad = server.put(ads("/settings"), "{\"target-roi\":\"-1\",\"min-clicks\":\"50\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("target-roi"), bad.body());
        assertEquals(before, server.get(ads("/settings")).json(), "a bad value changes nothing");
        assertEquals(400, server.put(ads("/settings"), "{\"colour\":\"red\"}").status());

        JsonNode wasReview = server.get(ads("/review")).json();
        assertEquals(200, server.put(ads("/settings"), "{\"target-roi\":\"1000\",\"monthly-budget\":\"100\"}").status());
        JsonNode strict = server.get(ads("/review")).json();
        for (JsonNode k : strict.get("keywords")) {
            assertFalse(k.get("action").asText().equals("raise-bid"), "nothing beats a target ROI of 1000: " + k);
        }
        assertEquals("overspend", strict.get("pace").get("state").asText(), "¥1 a month is spent already");
        assertEquals(wasReview.get("totals"), strict.get("totals"), "the rules change the decisions, not the figures");
        assertEquals(200, server.put(ads("/settings"), "{\"target-roi\":\"3\",\"monthly-budget\":\"\"}").status());
    }

    @Test
    void theBriefingHasTheAdsFindings() throws Exception {
        JsonNode briefing = server.get("/api/shops/demo/briefing?date=" + TO + "&lang=en").json();
        Set<String> metrics = new HashSet<>();
        for (JsonNode f : briefing.get("findings")) {
            if (f.get("plugin").asText().equals("ads")) {
                metrics.add(f.get("metric").asText());
                assertEquals("promotion", f.get("role").asText().toLowerCase());
            }
        }
        assertTrue(metrics.containsAll(Set.of("ads.burning", "ads.roi", "ads.qualityDrop", "ads.add")), metrics.toString());
    }
}
