package com.shopops.plugins.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.testing.PluginMessages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin's page, menu and findings read the same keys in English and in Chinese, and every key the page names is there. */
class ServiceMessagesTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndThePageUsesOnlyThose() {
        PluginMessages messages = PluginMessages.of("service");
        messages.assertSameKeysInBothLanguages();
        List<String> named = messages.keysNamedBy("/ui/service/index.html", "/ui/service/service.js");
        assertTrue(named.size() > 20, named.size() + " keys found");
        for (String key : new String[] {"chats", "inquiries", "converted", "conversion", "averageResponseSeconds", "refundRate", "onlineHours",
                "chatsPerHour", "score", "satisfaction", "followUpRate", "messagesPerChat", "rank", "agent", "position", "vsTeam", "day"}) {
            named.add("col." + key);
        }
        for (String key : ServiceSettings.DEFAULT.asJson().keySet()) {
            named.add("set." + key);
        }
        messages.assertKnown(named);
    }
}
