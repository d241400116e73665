package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.testkit.ShopOpsTestHost;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin in the real host (ShopOps' test kit): its zip, as mvn package built it, in a plugins folder; its
 * routes over HTTP with the host's permission checks; its finding in the morning briefing.
 */
class ${pluginClass}PluginIT {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 5);
    private static ShopOpsTestHost host;

    @BeforeAll
    static void start() {
        host = ShopOpsTestHost.start(ShopOpsTestHost.builtZip());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aNoteIsWrittenListedAndInTheNextBriefing() {
        ShopOpsTestHost.Answer added = host.post(host.pluginPath("${pluginId}", "/notes"),
                "{\"day\":\"" + DAY + "\",\"text\":\"hero item out of stock 14:00-16:00\"}");
        assertEquals(201, added.status(), added.body());

        JsonNode listed = host.get(host.pluginPath("${pluginId}", "/notes?from=" + DAY + "&to=" + DAY)).json();
        assertEquals("hero item out of stock 14:00-16:00", listed.get("notes").get(0).get("text").asText(), listed.toString());
        assertTrue(host.get(host.pluginPath("${pluginId}", "/notes?from=" + DAY + "&to=" + DAY + "&format=csv")).body()
                .contains("hero item out of stock"));

        List<JsonNode> findings = host.findings(DAY, "${pluginId}");
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(1.0, findings.get(0).get("value").asDouble());
    }

    @Test
    void aNoteWithoutTextIsRefusedWithTheReason() {
        ShopOpsTestHost.Answer refused = host.post(host.pluginPath("${pluginId}", "/notes"), "{\"day\":\"" + DAY + "\",\"text\":\" \"}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("text"), refused.body());
    }
}
