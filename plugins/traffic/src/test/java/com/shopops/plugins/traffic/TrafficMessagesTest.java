package com.shopops.plugins.traffic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.testing.PluginMessages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin's pages and menu read the same keys in English and in Chinese, and every key the pages name is there. */
class TrafficMessagesTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndThePagesNameOnlyKnownKeys() {
        PluginMessages messages = PluginMessages.of("traffic");
        messages.assertSameKeysInBothLanguages();
        List<String> named = messages.keysNamedBy("/ui/traffic/index.html", "/ui/traffic/traffic.js", "/ui/traffic/sources.html",
                "/ui/traffic/sources.js", "/ui/traffic/behaviour.js");
        assertTrue(named.size() > 30, "the pages' keys were found: " + named);
        messages.assertKnown(named);
    }
}
