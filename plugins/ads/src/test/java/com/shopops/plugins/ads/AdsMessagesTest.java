package com.shopops.plugins.ads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.testing.PluginMessages;
import com.shopops.plugins.ads.analysis.AdSettings;
import com.shopops.plugins.ads.analysis.BudgetPace;
import com.shopops.plugins.ads.analysis.KeywordDecision;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;



/** The plugin's page reads the same keys in English and in Chinese, and every key it names is there. */
class AdsMessagesTest {

    private static final PluginMessages MESSAGES = PluginMessages.of("ads");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        MESSAGES.assertSameKeysInBothLanguages();
    }

    @Test
    void everyKeyThePageNamesIsInTheBundle() {
        List<String> named = MESSAGES.keysNamedBy("/ui/ads/ads.js", "/ui/ads/index.html");
        assertTrue(named.stream().filter(k -> k.startsWith("ui.")).count() > 50, "the page's keys were found: " + named);
        // keys the page builds from a code: the actions, statuses, pace states and rules the server sends
        for (KeywordDecision.Action a : KeywordDecision.Action.values()) {
            named.add("ui.action." + AdsRoutes.code(a));
        }
        for (String s : List.of("proposed", "accepted", "dismissed")) {
            named.add("ui.status." + s);
        }
        for (BudgetPace.State s : BudgetPace.State.values()) {
            String code = s.name().toLowerCase(Locale.ROOT).replace('_', '-');
            named.add("ui.pace.state." + code);
            named.add("ui.pace.says." + code);
        }
        for (String key : AdSettings.KEYS) {
            named.add("ui.rule." + key);
            named.add("ui.rule." + key + ".help");
        }
        MESSAGES.assertKnown(named);
    }
}
