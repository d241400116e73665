package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shopops plugins …} on a plugins folder, and a server that then starts from that folder. */
class PluginsCliIT {

    @TempDir
    Path work;

    @Test
    void listInstallDisableEnableAndRemoveFromTheCommandLine() throws Exception {
        Path plugins = Distribution.pluginsCopy(work.resolve("plugins"));
        String folder = plugins.toString();
        long shipped;
        try (var files = Files.list(plugins)) {
            shipped = files.filter(f -> f.getFileName().toString().endsWith(".zip")).count();
        }
        Path fixture = FixtureZips.plugin(Files.createDirectories(work.resolve("incoming")), "steady", FixtureZips.FITS,
                Map.of(), Map.of());
        Path future = FixtureZips.relabel(fixture, work.resolve("future.zip"), "future", ">=9.0.0");

        Distribution.Run list = Distribution.cli(work, "plugins", "list", "--plugins", folder);
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().matches("(?s).*traffic\\s+0\\.1\\.0\\s+ENABLED.*"), list.out());

        assertEquals(0, Distribution.cli(work, "plugins", "disable", "traffic", "--plugins", folder).exit());
        assertTrue(Distribution.cli(work, "plugins", "list", "--plugins", folder).out()
                .matches("(?s).*traffic\\s+0\\.1\\.0\\s+DISABLED.*"));

        Distribution.Run installed = Distribution.cli(work, "plugins", "install", fixture.toString(), "--plugins", folder);
        assertEquals(0, installed.exit(), installed.err());
        assertTrue(installed.out().contains("installed steady 1.0.0"), installed.out());
        assertTrue(Files.exists(plugins.resolve("steady-1.0.0.zip")));

        Distribution.Run refused = Distribution.cli(work, "plugins", "install", future.toString(), "--plugins", folder);
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("requires ShopOps API >=9.0.0, but this host provides API " + Distribution.API_VERSION), refused.err());
        assertFalse(Files.exists(plugins.resolve("future-9.9.9.zip")));

        Distribution.Run json = Distribution.cli(work, "plugins", "list", "--json", "--plugins", folder);
        var states = Distribution.JSON.readTree(json.out());
        assertEquals(shipped + 1, states.size(), "the shipped plugins and steady: " + json.out());

        try (Distribution.Server server = Distribution.Server.start(work, "--data", work.resolve("data").toString(),
                "--plugins", folder, "--demo")) {
            assertEquals("DISABLED", server.state("traffic"), "the server honours what the CLI disabled");
            assertEquals("STARTED", server.state("steady"), "and starts what the CLI installed");
        }

        assertEquals(0, Distribution.cli(work, "plugins", "enable", "traffic", "--plugins", folder).exit());
        Distribution.Run removed = Distribution.cli(work, "plugins", "remove", "steady", "--plugins", folder);
        assertEquals(0, removed.exit(), removed.err());
        assertFalse(Files.exists(plugins.resolve("steady-1.0.0.zip")));
        assertFalse(Files.exists(plugins.resolve("steady-1.0.0")));
        Distribution.Run after = Distribution.cli(work, "plugins", "list", "--plugins", folder);
        assertTrue(after.out().matches("(?s).*traffic\\s+0\\.1\\.0\\s+ENABLED.*") && !after.out().contains("steady"), after.out());

        Distribution.Run unknown = Distribution.cli(work, "plugins", "disable", "nosuch", "--plugins", folder);
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no plugin 'nosuch' is installed"), unknown.err());
    }
}
