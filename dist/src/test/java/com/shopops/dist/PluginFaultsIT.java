package com.shopops.dist;

import static com.shopops.dist.Distribution.Server.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.fixture.FixturePlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad plugin files and misbehaving plugins: each is reported on its own and the host runs on. */
class PluginFaultsIT {

    @TempDir
    Path work;

    @Test
    void refusedPluginFilesAreReportedWithTheirReasonAndTheOthersRun() throws Exception {
        Path plugins = Distribution.pluginsCopy(work.resolve("plugins"));
        Path traffic = plugins.resolve("traffic-0.1.0.zip");
        FixtureZips.relabel(traffic, plugins.resolve("future.zip"), "future", ">=9.0.0");
        FixtureZips.relabel(traffic, plugins.resolve("zz-clash.zip"), "traffic", FixtureZips.FITS);
        FixtureZips.zipSlip(plugins.resolve("slip.zip"), "slippy");
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(plugins.resolve("corrupt.zip"), noise);
        Files.write(plugins.resolve(".stale-upload-left-by-a-crash.zip"), noise);

        try (Distribution.Server server = Distribution.Server.start(work, "--data", work.resolve("data").toString(),
                "--plugins", plugins.toString(), "--demo")) {
            assertEquals("STARTED", server.state("traffic"));
            assertRefused(server.health("future.zip"), "requires ShopOps API >=9.0.0, but this host provides API " + Distribution.API_VERSION);
            assertRefused(server.health("zz-clash.zip"), "plugin id 'traffic' is already used by traffic-0.1.0.zip");
            assertRefused(server.health("slip.zip"), "entry '../../escaped-slippy.txt' would be written outside the plugins folder");
            assertRefused(server.health("corrupt.zip"), "not a readable zip archive");
            assertEquals(200, server.get(plugin("demo", "traffic", "/channels")).status());
            long pluginFiles;
            try (var files = Files.list(plugins)) {
                pluginFiles = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".zip") && !n.startsWith(".")).count();
            }
            assertEquals(pluginFiles, server.get("/health").json().get("plugins").size(),
                    "an upload left half-written by a crash is no plugin file");

            var slipUpload = server.postFile("/api/plugins", FixtureZips.zipSlip(work.resolve("upload-slip.zip"), "upslip"));
            assertEquals(400, slipUpload.status());
            assertTrue(slipUpload.json().get("error").asText().contains("outside the plugins folder"), slipUpload.body());
            var futureUpload = server.postFile("/api/plugins", plugins.resolve("future.zip"));
            assertEquals(400, futureUpload.status());
            assertTrue(futureUpload.json().get("error").asText().contains(">=9.0.0"), futureUpload.body());
            var corruptUpload = server.postFile("/api/plugins", plugins.resolve("corrupt.zip"));
            assertEquals(400, corruptUpload.status());
        }
        assertNothingEscaped("escaped-slippy.txt");
        assertNothingEscaped("escaped-upslip.txt");
        try (Stream<Path> left = Files.list(plugins)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith(".upload-")), "no upload is left behind");
        }
    }

    private void assertNothingEscaped(String name) throws Exception {
        try (Stream<Path> all = Files.walk(work.getParent(), 3)) {
            assertFalse(all.anyMatch(p -> p.getFileName().toString().equals(name)), name + " was written somewhere");
        }
    }

    private static void assertRefused(JsonNode entry, String reason) {
        assertEquals("REFUSED", entry.get("state").asText(), entry.toString());
        assertTrue(entry.get("error").asText().contains(reason), entry + " should say: " + reason);
    }

    @Test
    void aPluginThatFailsToStartOrMigrateIsFailedAndARouteErrorStaysInItsRequestAndAPluginThatKeepsFailingIsStopped()
            throws Exception {
        Path plugins = Distribution.pluginsCopy(work.resolve("plugins"));
        FixtureZips.plugin(plugins, "boomer", FixtureZips.FITS, Map.of("start", "throw"), Map.of());
        FixtureZips.plugin(plugins, "steady", FixtureZips.FITS, Map.of(), Map.of());
        FixtureZips.plugin(plugins, "badmig", FixtureZips.FITS, Map.of(), Map.of("db/badmig/V1__half.sql", """
                CREATE TABLE badmig_notes (id ${pk}, body TEXT);
                INSERT INTO badmig_notes (body) VALUES ('kept only if the migration commits');
                INSERT INTO no_such_table VALUES (1);
                """));
        FixtureZips.plugin(plugins, "ticker", FixtureZips.FITS, Map.of("job", "throw"), Map.of());
        FixtureZips.plugin(plugins, "sleepy", FixtureZips.FITS, Map.of("briefing", "sleep"), Map.of());
        Files.createDirectories(work.resolve("data"));
        Files.writeString(work.resolve("data/shopops.properties"), "plugins.failure.limit=3\nplugins.route-seconds=2\n"
                + "plugins.thread-limit=3\n");

        try (Distribution.Server server = Distribution.Server.start(work, "--data", work.resolve("data").toString(),
                "--plugins", plugins.toString(), "--demo")) {
            JsonNode boomer = server.health("boomer");
            assertEquals("FAILED", boomer.get("state").asText());
            assertTrue(boomer.get("error").asText().contains("fixture boomer refuses to start"), boomer.toString());
            JsonNode badmig = server.health("badmig");
            assertEquals("FAILED", badmig.get("state").asText());
            assertTrue(badmig.get("error").asText().startsWith("migration failed"), badmig.toString());
            assertEquals("STARTED", server.state("steady"));
            assertEquals("STARTED", server.state("traffic"));

            var hello = server.get(plugin("demo", "steady", "/hello"));
            assertEquals(200, hello.status());
            assertEquals("steady", hello.json().get("plugin").asText());
            assertEquals(404, server.get(plugin("demo", "boomer", "/hello")).status());

            // A plugin's CSV answer is the host's: UTF-8 with a byte-order mark, formulas kept as text, numbers as numbers.
            var table = server.get(plugin("demo", "steady", "/table"));
            assertEquals(200, table.status());
            assertTrue(table.contentType().startsWith("text/csv"), table.contentType());
            assertEquals("\uFEFFname,change\r\n\"'=HYPERLINK(\"\"x\"\")\",-5\r\n天天特价,\r\n", table.body());

            // A setting the plugin changes in its own route is audited with its value before and after.
            assertEquals(204, server.send(java.net.http.HttpRequest.newBuilder(server.uri(plugin("demo", "steady", "/settings/floor")))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("0.7"))).status());
            assertEquals(204, server.send(java.net.http.HttpRequest.newBuilder(server.uri(plugin("demo", "steady", "/settings/floor")))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("0.8"))).status());
            JsonNode changed = server.get("/api/audit?action=steady").json();
            assertEquals(2, changed.size(), changed.toString());
            assertEquals("steady.floor", changed.get(0).get("target").asText());
            assertEquals("steady.floor=0.7", changed.get(0).get("before").asText());
            assertEquals("steady.floor=0.8", changed.get(0).get("after").asText());
            assertEquals("steady: PUT /settings/{key}", changed.get(0).get("action").asText());

            var boom = server.get(plugin("demo", "steady", "/boom"));
            assertEquals(500, boom.status());
            assertTrue(boom.contentType().startsWith("application/json"), boom.contentType());
            String errorId = boom.json().get("errorId").asText();
            assertEquals(8, errorId.length());
            assertFalse(boom.body().contains(FixturePlugin.SECRET), "the exception message stays in the log");
            assertFalse(boom.body().contains("at com.") || boom.body().contains("Exception"), "no stack trace in the answer");
            assertEquals(200, server.get(plugin("demo", "steady", "/hello")).status(), "the host serves on");
            String log = server.log();
            assertTrue(log.contains(errorId) && log.contains("FixturePlugin"), "the log has the error id and the trace");
            assertTrue(log.contains("GET /api/shops/demo/p/steady/boom 500"), "one log line per request");
            JsonNode steady = server.health("steady");
            assertEquals(1, steady.get("faults").get("routeErrors").asInt(), steady.toString());
            assertEquals("STARTED", steady.get("state").asText(), "one error is no reason to stop a plugin");

            // A route that hangs is answered by the host within plugins.route-seconds; the plugin serves on.
            long hangAsked = System.nanoTime();
            var hang = server.get(plugin("demo", "steady", "/hang"));
            long hangMillis = (System.nanoTime() - hangAsked) / 1_000_000;
            assertEquals(503, hang.status(), hang.body());
            assertEquals("plugin 'steady' did not answer within 2 s", hang.json().get("error").asText());
            assertTrue(hangMillis >= 1_900 && hangMillis < 10_000, "answered after " + hangMillis + " ms");
            assertEquals(200, server.get(plugin("demo", "steady", "/hello")).status(), "the plugin serves on");
            assertEquals(1, server.health("steady").get("faults").get("routeTimeouts").asInt());

            // A briefing contribution that hangs is an error finding within the limit; the others' findings arrive.
            assertEquals(200, server.put("/api/shops/demo/settings/core/briefing.plugin-seconds", "{\"value\":\"1.5\"}").status());
            long asked = System.nanoTime();
            var briefing = server.get("/api/shops/demo/briefing");
            assertEquals(200, briefing.status(), briefing.body());
            assertTrue(System.nanoTime() - asked < 10_000_000_000L, "the hanging contribution (60 s) was not waited for");
            JsonNode sleepyFinding = null;
            JsonNode steadyFinding = null;
            for (JsonNode f : briefing.json().get("findings")) {
                if (f.get("plugin").asText().equals("sleepy")) {
                    sleepyFinding = f;
                } else if (f.get("plugin").asText().equals("steady")) {
                    steadyFinding = f;
                }
            }
            assertTrue(sleepyFinding != null && sleepyFinding.get("metric").asText().equals("briefing.error")
                    && sleepyFinding.get("detail").asText().contains("1.5 s"), briefing.body());
            assertTrue(steadyFinding != null && steadyFinding.get("title").asText().startsWith("Fixture steady"), briefing.body());
            assertTrue(server.health("sleepy").get("faults").get("briefingTimeouts").asInt() >= 1, server.health("sleepy").toString());

            // A job that fails every second: after 3 failures in a row its plugin is stopped, with the reason.
            long deadline = System.nanoTime() + 30_000_000_000L;
            JsonNode ticker = server.health("ticker");
            while (!ticker.get("state").asText().equals("FAILED") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                ticker = server.health("ticker");
            }
            assertEquals("FAILED", ticker.get("state").asText(), ticker.toString());
            assertEquals("stopped automatically after 3 failures in a row; the last: job 'tick' threw IllegalStateException",
                    ticker.get("error").asText());
            assertTrue(ticker.get("faults").get("jobFailures").asInt() >= 3, ticker.toString());
            Thread.sleep(1_500); // the scheduler looks for due jobs every second
            assertEquals(ticker.get("faults").get("jobFailures"), server.health("ticker").get("faults").get("jobFailures"),
                    "a stopped plugin's job runs no more");
            var health = server.get("/health");
            assertFalse(health.body().contains(FixturePlugin.SECRET), "no exception message in /health");
            JsonNode listed = null;
            for (JsonNode p : server.get("/api/plugins").json()) {
                if (p.get("id").asText().equals("ticker")) {
                    listed = p;
                }
            }
            assertTrue(listed != null && listed.get("state").asText().equals("FAILED")
                    && listed.get("error").asText().startsWith("stopped automatically"), "the plugin list says it too: " + listed);
            assertEquals(404, server.get(plugin("demo", "ticker", "/hello")).status());
            assertEquals(200, server.get(plugin("demo", "steady", "/hello")).status(), "the host's other routes answer");
            assertEquals(200, server.get(plugin("demo", "traffic", "/channels")).status());
            assertEquals(200, server.get("/api/shops").status());
            // A plugin that leaves threads running: counted in /health, and stopped past plugins.thread-limit.
            for (int i = 0; i < 3; i++) {
                assertEquals(202, server.get(plugin("demo", "steady", "/spawn")).status());
            }
            assertEquals(3, server.health("steady").get("threads").asInt(), "three threads outlived their requests");
            assertEquals("STARTED", server.state("steady"), "within the limit");
            assertEquals(202, server.get(plugin("demo", "steady", "/spawn")).status());
            deadline = System.nanoTime() + 10_000_000_000L;
            JsonNode leaky = server.health("steady");
            while (!leaky.get("state").asText().equals("FAILED") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                leaky = server.health("steady");
            }
            assertEquals("stopped automatically: it started 4 threads that still run (at most 3, the setting"
                    + " plugins.thread-limit)", leaky.get("error").asText(), leaky.toString());
            assertTrue(server.log().contains("plugin steady: stopped with 4 of its own threads still running, interrupted"),
                    "stopping it interrupted its threads, and the log names them");

            var again = server.post("/api/plugins/ticker/enable", "");
            assertEquals(200, again.status(), again.body());
            assertEquals("STARTED", again.json().get("state").asText(), "enabling it again gives it a fresh start");

            // A backup while the server runs (and the demo shop is still being filled) is one consistent file.
            Distribution.Run backup = Distribution.cli(work, "backup", work.resolve("running.db").toString(),
                    "--data", work.resolve("data").toString(), "--plugins", plugins.toString());
            assertEquals(0, backup.exit(), backup.err());
            assertTrue(backup.out().startsWith("backed up "), backup.out());
            try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("running.db"));
                 ResultSet rs = copy.createStatement().executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("data/shopops.db"));
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE name = 'badmig_notes'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "a failed migration leaves the plugin's tables as they were");
        }
    }
}
