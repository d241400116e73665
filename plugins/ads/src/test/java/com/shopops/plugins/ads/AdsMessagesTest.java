package com.shopops.plugins.ads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.ads.analysis.AdSettings;
import com.shopops.plugins.ads.analysis.BudgetPace;
import com.shopops.plugins.ads.analysis.KeywordDecision;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plugin's page reads the same keys in English and in Chinese, and every key it names is there. */
class AdsMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AdsMessagesTest.class.getResourceAsStream("/i18n/ads/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = AdsMessagesTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(bundle("").stringPropertyNames()), new TreeSet<>(bundle("_zh_CN").stringPropertyNames()));
    }

    @Test
    void everyKeyThePageNamesIsInTheBundle() throws IOException {
        Properties en = bundle("");
        List<String> named = new ArrayList<>();
        Matcher js = Pattern.compile("t\\('(ui\\.[A-Za-z0-9.-]+)'").matcher(resource("/ui/ads/ads.js"));
        while (js.find()) {
            named.add(js.group(1));
        }
        Matcher html = Pattern.compile("(?:data-i18n=\"|:)(ui\\.[A-Za-z0-9.-]+)").matcher(resource("/ui/ads/index.html"));
        while (html.find()) {
            named.add(html.group(1));
        }
        assertTrue(named.size() > 50, "the page's keys were found: " + named);
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
        List<String> missing = named.stream().filter(k -> !en.containsKey(k)).distinct().toList();
        assertEquals(List.of(), missing);
    }
}
