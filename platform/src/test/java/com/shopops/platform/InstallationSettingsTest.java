package com.shopops.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.config.Config;
import com.shopops.platform.plugins.PluginFaults;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plugin limits in shopops.properties: a value that is not a whole number stops the start with a message naming it. */
class InstallationSettingsTest {

    @TempDir
    Path dir;

    private Installation wire(String key, String value) {
        return Installation.wire(Config.load(null, Map.of(), Map.of("data", dir.resolve("data").toString(), key, value)),
                Clock.systemUTC());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plugins.failure.limit", "plugins.route-threads", "plugins.thread-limit", "plugins.route-megabytes"})
    void aLimitThatIsNotAWholeNumberIsRefusedByName(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wire(key, "many").close());
        assertTrue(e.getMessage().startsWith(key + ": a whole number, the "), e.getMessage());
        assertTrue(e.getMessage().endsWith("not 'many'"), e.getMessage());
    }

    @Test
    void aWholeNumberIsTakenAndNoneLeavesTheDefault() {
        try (Installation installation = wire("plugins.failure.limit", " 3 ")) {
            assertEquals(3, installation.plugins().faults().limit());
        }
        try (Installation installation = wire("plugins.route-threads", "8")) {
            assertEquals(PluginFaults.DEFAULT_LIMIT, installation.plugins().faults().limit());
        }
    }
}
