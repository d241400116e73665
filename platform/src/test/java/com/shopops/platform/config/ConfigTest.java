package com.shopops.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsFollowTheDataAndHomeFolders() {
        Path home = tmp.resolve("home");
        Path data = tmp.resolve("data");

        Config config = Config.load(home, Map.of(), Map.of("data", data.toString()));

        assertEquals(data, config.dataDir());
        assertEquals("jdbc:sqlite:" + data.resolve("shopops.db"), config.dbUrl());
        assertEquals(home.resolve("plugins"), config.pluginsDir());
        assertEquals("127.0.0.1", config.host());
        assertEquals(7070, config.port());
        assertNull(config.dbUser());
        assertNull(config.dbPassword());
        assertEquals(home, config.home());
    }

    @Test
    void withoutAHomePluginsLiveInTheDataFolder() {
        Path data = tmp.resolve("data");

        Config config = Config.load(null, Map.of("SHOPOPS_DATA", data.toString()), Map.of());

        assertEquals(data, config.dataDir());
        assertEquals(data.resolve("plugins"), config.pluginsDir());
        assertNull(config.home());
    }

    @Test
    void laterSourcesWin() throws IOException {
        Path home = tmp.resolve("home");
        Path data = tmp.resolve("data");
        write(home.resolve("conf/shopops.properties"), """
                data = %s
                host = home-host
                port = 1001
                db.user = home-user
                db.password = home-password
                plugins = /opt/home-plugins
                """.formatted(data.toString().replace("\\", "\\\\")));
        write(data.resolve("shopops.properties"), """
                port = 1002
                db.user = data-user
                db.password = data-password
                """);
        Map<String, String> env = Map.of(
                "SHOPOPS_DB_USER", "env-user",
                "SHOPOPS_PORT", "1003",
                "PATH", "/usr/bin");
        Map<String, String> flags = Map.of("port", "1004");

        Config config = Config.load(home, env, flags);

        assertEquals(data, config.dataDir(), "the data folder named in the home conf");
        assertEquals("home-host", config.host());
        assertEquals("/opt/home-plugins", config.pluginsDir().toString());
        assertEquals("data-password", config.dbPassword());
        assertEquals("env-user", config.dbUser());
        assertEquals(1004, config.port());
        assertEquals("jdbc:sqlite:" + data.resolve("shopops.db"), config.dbUrl());
        assertNull(config.get("path"), "only SHOPOPS_* variables are settings");
    }

    @Test
    void eachLayerOverridesTheOneBefore() throws IOException {
        Path home = tmp.resolve("home");
        Path data = tmp.resolve("data");
        write(home.resolve("conf/shopops.properties"), "host = from-home\n");
        Map<String, String> env = Map.of("SHOPOPS_DATA", data.toString());

        assertEquals("from-home", Config.load(home, env, Map.of()).host());

        write(data.resolve("shopops.properties"), "host = from-data\n");
        assertEquals("from-data", Config.load(home, env, Map.of()).host());

        Map<String, String> envWithHost = new HashMap<>(env);
        envWithHost.put("SHOPOPS_HOST", "from-env");
        assertEquals("from-env", Config.load(home, envWithHost, Map.of()).host());

        assertEquals("from-flag", Config.load(home, envWithHost, Map.of("host", "from-flag")).host());

        Map<String, String> nullFlag = new HashMap<>();
        nullFlag.put("host", null);
        assertEquals("from-env", Config.load(home, envWithHost, nullFlag).host(), "a flag left out is null");
    }

    @Test
    void theDataFolderComesFromFlagsThenEnvThenHomeConf() throws IOException {
        Path home = tmp.resolve("home");
        write(home.resolve("conf/shopops.properties"), "data = " + tmp.resolve("from-home").toString().replace("\\", "\\\\") + "\n");
        Map<String, String> env = Map.of("SHOPOPS_DATA", tmp.resolve("from-env").toString());

        assertEquals(tmp.resolve("from-home"), Config.load(home, Map.of(), Map.of()).dataDir());
        assertEquals(tmp.resolve("from-env"), Config.load(home, env, Map.of()).dataDir());
        assertEquals(tmp.resolve("from-flag"),
                Config.load(home, env, Map.of("data", tmp.resolve("from-flag").toString())).dataDir());
    }

    @Test
    void aDataConfCannotMoveTheDataFolder() throws IOException {
        Path data = tmp.resolve("data");
        write(data.resolve("shopops.properties"), "data = " + tmp.resolve("elsewhere").toString().replace("\\", "\\\\") + "\n");

        assertEquals(data, Config.load(null, Map.of(), Map.of("data", data.toString())).dataDir());
    }

    @Test
    void homeAndJavaOptsVariablesAreNotSettings() {
        Map<String, String> env = Map.of(
                "SHOPOPS_HOME", "/opt/shopops",
                "SHOPOPS_JAVA_OPTS", "-Xmx1g",
                "SHOPOPS_DATA", tmp.toString());

        Config config = Config.load(null, env, Map.of());

        assertNull(config.get("home"));
        assertNull(config.get("java.opts"));
    }

    @Test
    void aPortThatIsNotANumberIsRefused() {
        Config config = Config.load(null, Map.of(), Map.of("data", tmp.toString(), "port", "seventy"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config::port);
        assertTrue(e.getMessage().startsWith("port:"), e.getMessage());
        assertTrue(e.getMessage().contains("seventy"), e.getMessage());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-1", "65536", "70000"})
    void aPortOutsideTheRangeIsRefused(String port) {
        Config config = Config.load(null, Map.of(), Map.of("data", tmp.toString(), "port", port));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config::port);
        assertTrue(e.getMessage().contains("0 to 65535"), e.getMessage());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
