package com.example.shop.deliveries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.testkit.ShopOpsTestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin in the real host, through ShopOps' test kit: its zip as mvn package built it, a courier's report
 * imported through its format (Chinese headers, two bad rows rejected with their columns), the couriers'
 * figures from its route, and its warning in the morning briefing. The shop is in Asia/Shanghai.
 */
class DeliveriesPluginIT {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 5);
    private static ShopOpsTestHost host;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        host = ShopOpsTestHost.start(ShopOpsTestHost.builtZip());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aReportImportsAndBecomesFiguresAndAWarning() throws Exception {
        JsonNode job = host.importFile("deliveries", Path.of("src/test/resources/courier-report.csv"), null);
        assertEquals("done-with-rejections", job.get("state").asText(), job.toString());
        assertEquals("courier-report", job.get("format").asText(), "recognised by its header");
        assertEquals(5, job.get("imported").asInt(), job.toString());
        assertEquals(2, job.get("rejected").asInt(), job.toString());
        assertEquals("签收时间", job.get("errors").get(0).get("column").asText(), job.toString());   // line 7: signed before shipped
        assertEquals("快递公司", job.get("errors").get(1).get("column").asText(), job.toString());   // line 8: no courier

        // Judged at the end of 5 March (Shanghai): 顺丰 24 h and 48 h, on time; 中通 96 h, late; 中通 on its way
        // 105 h, late; 中通 on its way 38 h, not judged yet. All: 3 of 5 delivered in (24 + 48 + 96) / 3 = 56 h,
        // 2 late of 4 judged = 50%.
        JsonNode figures = host.get(host.pluginPath("deliveries", "/couriers?from=2024-02-28&to=" + DAY)).json();
        JsonNode all = figures.get("couriers").get(2);
        assertEquals("all", all.get("courier").asText(), figures.toString());
        assertEquals(5, all.get("parcels").asInt());
        assertEquals(56.0, all.get("averageHours").asDouble(), 1e-9);
        assertEquals(0.5, all.get("lateShare").asDouble(), 1e-9);
        assertEquals("中通", figures.get("couriers").get(0).get("courier").asText(), "couriers by name, then all");
        assertEquals(1.0, figures.get("couriers").get(0).get("lateShare").asDouble(), 1e-9);
        assertTrue(host.get(host.pluginPath("deliveries", "/couriers?from=2024-02-28&to=" + DAY + "&format=csv")).body()
                .contains("中通"), "CSV export");

        List<JsonNode> findings = host.findings(DAY, "deliveries");
        assertEquals(1, findings.size(), findings.toString());
        JsonNode late = findings.get(0);
        assertEquals("warning", late.get("severity").asText().toLowerCase());
        assertEquals("50% of parcels late over the last 7 shipping days", late.get("title").asText());
        assertTrue(late.get("suggestion").asText().contains("中通"), late.toString());

        // the same report again changes nothing; a later one with the signature of ZT2002 updates that parcel
        assertEquals(0, host.importFile("deliveries", Path.of("src/test/resources/courier-report.csv"), null).get("imported").asInt());
        Path later = dir.resolve("later.csv");
        Files.writeString(later, """
                Tracking No,Order ID,Courier,Shipped At,Delivered At
                ZT2002,O-4,中通,2024-03-01 15:00,2024-03-03 15:00
                """);
        JsonNode update = host.importFile("deliveries", later, "courier-report");
        assertEquals(1, update.get("updated").asInt(), update.toString());
        JsonNode after = host.get(host.pluginPath("deliveries", "/couriers?from=2024-02-28&to=" + DAY)).json().get("couriers").get(2);
        assertEquals(0.25, after.get("lateShare").asDouble(), 1e-9, "1 late of 4 judged: " + after);
    }

    @Test
    void aRangeBackwardsIsRefusedWithTheReason() {
        ShopOpsTestHost.Answer refused = host.get(host.pluginPath("deliveries", "/couriers?from=2024-03-05&to=2024-03-01"));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("from"), refused.body());
    }
}
