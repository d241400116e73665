package com.shopops.dist;

import static com.shopops.dist.Distribution.Server.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traffic plugin through the whole path on SQLite: its migration, its JSON routes and page, then
 * disable, restart, enable, remove and install again over the HTTP API.
 */
class PluginLifecycleIT {

    @TempDir
    Path work;

    @Test
    void aPluginIsServedDisabledEnabledRemovedAndInstalledWhileTheHostRuns() throws Exception {
        Path plugins = Distribution.pluginsCopy(work.resolve("plugins"));
        String[] args = {"--data", work.resolve("data").toString(), "--plugins", plugins.toString(), "--demo"};
        String channels = plugin("demo", "traffic", "/channels");

        try (Distribution.Server server = Distribution.Server.start(work, args)) {
            assertEquals("STARTED", server.state("traffic"));
            assertTrue(Files.isRegularFile(work.resolve("data/shopops.db")), "SQLite file in the data folder");
            assertEquals(200, server.put(plugin("demo", "traffic", "/channels/直通车"), "{\"channel\":\"paid\"}").status());
            var list = server.get(channels);
            assertEquals(200, list.status());
            assertEquals("直通车", list.json().get("channels").get(0).get("source").asText());
            assertEquals("paid", list.json().get("channels").get(0).get("channel").asText());
            assertEquals("free", server.get(plugin("demo", "traffic", "/channels/guess?source=%E6%89%8B%E6%B7%98%E6%90%9C%E7%B4%A2"))
                    .json().get("channel").asText());

            var page = server.get("/ui/traffic/");
            assertEquals(200, page.status());
            assertTrue(page.contentType().startsWith("text/html") && page.body().contains("traffic.js"));
            assertTrue(server.get("/ui/traffic/traffic.js").contentType().startsWith("text/javascript"));
            assertEquals(404, server.get("/ui/traffic/db/traffic/V1__source_channels.sql").status(),
                    "only the plugin's ui/ folder is served");
            assertNotEquals(200, server.get("/ui/traffic/%2e%2e/%2e%2e/conf/shopops.properties").status());
            assertEquals("Traffic", server.get("/api/menu").json().get(0).get("label").asText());
            assertEquals("流量", server.get("/api/menu?lang=zh").json().get(0).get("label").asText());

            var bad = server.put(plugin("demo", "traffic", "/channels/x"), "{\"channel\":\"tv\"}");
            assertEquals(400, bad.status());
            assertTrue(bad.json().get("error").asText().contains("free, paid"), bad.body());
            assertEquals(400, server.put(plugin("demo", "traffic", "/channels/x"), "{not json").status());
            assertEquals(404, server.get(plugin("nowhere", "traffic", "/channels")).status());
            assertEquals(404, server.get(plugin("demo", "traffic", "/nothing-here")).status());
            assertEquals(405, server.post(plugin("demo", "traffic", "/channels"), "{}").status());

            var disabled = server.post("/api/plugins/traffic/disable", "");
            assertEquals("DISABLED", disabled.json().get("state").asText());
            var gone = server.get(channels);
            assertEquals(404, gone.status());
            assertTrue(gone.json().get("error").asText().contains("disabled"), gone.body());
            assertEquals(404, server.get("/ui/traffic/").status());
        }

        try (Distribution.Server server = Distribution.Server.start(work, args)) {
            assertEquals("DISABLED", server.state("traffic"), "disabling survives a restart");
            assertEquals("STARTED", server.post("/api/plugins/traffic/enable", "").json().get("state").asText());
            assertEquals("直通车", server.get(channels).json().get("channels").get(0).get("source").asText(),
                    "the data survives restart, disable and enable");

            assertEquals(204, server.delete("/api/plugins/traffic").status());
            assertNull(server.state("traffic"));
            assertFalse(Files.exists(plugins.resolve("traffic-0.1.0.zip")));
            assertFalse(Files.exists(plugins.resolve("traffic-0.1.0")), "the expanded folder is removed too");
            assertEquals(404, server.get(channels).status());

            var installed = server.postFile("/api/plugins", Distribution.HOME.resolve("plugins/traffic-0.1.0.zip"));
            assertEquals(201, installed.status(), installed.body());
            assertEquals("STARTED", installed.json().get("state").asText());
            assertTrue(Files.exists(plugins.resolve("traffic-0.1.0.zip")));
            assertEquals(200, server.get(channels).status());
            assertEquals("直通车", server.get(channels).json().get("channels").get(0).get("source").asText(),
                    "removing a plugin keeps its tables");

            var again = server.postFile("/api/plugins", Distribution.HOME.resolve("plugins/traffic-0.1.0.zip"));
            assertEquals(400, again.status());
            assertTrue(again.json().get("error").asText().contains("installed already"), again.body());
        }
    }

    @Test
    void shopsAreCreatedWithClearErrorsForBadInput() throws Exception {
        try (Distribution.Server server = Distribution.Server.start(work, "--data", work.resolve("data").toString(),
                "--plugins", Distribution.pluginsCopy(work.resolve("plugins")).toString())) {
            var created = server.post("/api/shops", "{\"code\":\"jd-main\",\"name\":\"京东旗舰店\",\"platform\":\"jd\"}");
            assertEquals(201, created.status(), created.body());
            assertEquals("CNY", created.json().get("currency").asText());
            assertEquals("Asia/Shanghai", created.json().get("timeZone").asText());
            var badCurrency = server.post("/api/shops", "{\"code\":\"x\",\"currency\":\"RMBX\"}");
            assertEquals(400, badCurrency.status());
            assertTrue(badCurrency.json().get("error").asText().startsWith("currency"), badCurrency.body());
            assertEquals(409, server.post("/api/shops", "{\"code\":\"jd-main\"}").status());
            assertEquals(400, server.post("/api/shops", "[1,2").status());
            assertEquals(1, server.get("/api/shops").json().size());
        }
    }
}
