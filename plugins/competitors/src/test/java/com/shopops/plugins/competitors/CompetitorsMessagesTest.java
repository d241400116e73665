package com.shopops.plugins.competitors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.testing.PluginMessages;
import com.shopops.plugins.competitors.analysis.TimingSignal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The page and the findings read the same keys in English and in Chinese, every key the page names is
 * there, and the findings' patterns read as MessageFormat patterns (a lone apostrophe would swallow the
 * placeholders after it).
 */
class CompetitorsMessagesTest {

    private static final PluginMessages MESSAGES = PluginMessages.of("competitors");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        MESSAGES.assertSameKeysInBothLanguages();
    }

    @Test
    void everyKeyThePageNamesIsInTheBundle() {
        List<String> named = MESSAGES.keysNamedBy("/ui/competitors/competitors.js", "/ui/competitors/index.html");
        assertTrue(named.stream().filter(k -> k.startsWith("ui.")).count() > 40, "the page's keys were found: " + named);
        for (TimingSignal.Status s : TimingSignal.Status.values()) {
            named.add("status." + s.name());
        }
        for (TimingSignal.Basis b : TimingSignal.Basis.values()) {
            named.add("basis." + b.name());
        }
        for (Peer.Tier t : Peer.Tier.values()) {
            named.add("tier." + t.code());
        }
        MESSAGES.assertKnown(named);
    }

    @Test
    void theFindingsPatternsFormatInBothLanguages() {
        for (Properties p : List.of(MESSAGES.english(), MESSAGES.chinese())) {
            for (String kind : List.of("rival-cut", "range", "jump")) {
                for (String part : List.of("title", "detail", "suggestion")) {
                    String key = "finding." + kind + "." + part;
                    assertTrue(p.containsKey(key), key);
                    Object[] args = {0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25}; // numbers format in plain and number placeholders alike
                    String text = new MessageFormat(p.getProperty(key), Locale.ENGLISH).format(args);
                    assertFalse(text.contains("{"), key + ": " + text);
                }
            }
        }
        assertTrue(new MessageFormat(MESSAGES.english().getProperty("finding.range.title"), Locale.ENGLISH).format(new Object[] {"x"})
                .startsWith("Peers' new range"));
    }
}
