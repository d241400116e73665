package com.shopops.plugins.listings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.testing.PluginMessages;
import com.shopops.plugins.listings.analysis.ListingCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plugin's page and findings read the same keys in English and in Chinese, every key they name is there,
 * and the Chinese texts are Chinese.
 */
class ListingsMessagesTest {

    private static final PluginMessages MESSAGES = PluginMessages.of("listings");

    @Test
    void bothLanguagesHaveTheSameKeysAndTheChineseAreChinese() {
        MESSAGES.assertSameKeysInBothLanguages();
        MESSAGES.assertChineseIsChinese("ui.col.sku");
    }

    @Test
    void everyKeyThePageAndTheFindingsNameIsInTheBundle() {
        List<String> named = MESSAGES.keysNamedBy("/ui/listings/listings.js", "/ui/listings/index.html");
        assertTrue(named.size() > 40, "the page's keys were found: " + named);
        // keys built from a code: checks, statuses, tones, and the findings' per-check texts
        for (ListingCheck.Kind k : ListingCheck.Kind.values()) {
            for (String key : List.of("check." + k.key(), "check." + k.key() + ".failed", "finding.check." + k.key() + ".detail",
                    "finding.check." + k.key() + ".suggestion")) {
                named.add(key);
            }
        }
        for (String s : List.of("open", "reported", "dismissed")) {
            named.add("ui.status." + s);
        }
        for (String s : List.of("negative", "neutral")) {
            named.add("ui.tone." + s);
            named.add("finding.review." + s + ".title");
        }
        named.add("menu.listings");
        MESSAGES.assertKnown(named);
    }
}
