package com.shopops.plugins.ads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.shopops.platform.core.BundleMessages;
import com.shopops.plugins.ads.analysis.KeywordDecision.Reason;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReasonWordsTest {

    private final ReasonWords words = new ReasonWords(new BundleMessages("ads", ReasonWordsTest.class.getClassLoader()));

    @Test
    void everyReasonIsWordedInBothLanguagesWithAllItsNumbers() throws Exception {
        for (String file : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties p = new Properties();
            try (var in = ReasonWordsTest.class.getClassLoader().getResourceAsStream("i18n/ads/" + file)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Reason r : Reason.values()) {
                List<ReasonWords.Kind> kinds = ReasonWords.KINDS.get(r);
                assertNotNull(kinds, r.name());
                String text = p.getProperty(r.key());
                assertNotNull(text, file + " " + r.key());
                Set<Integer> used = new TreeSet<>();
                Matcher m = Pattern.compile("\\{(\\d+)}").matcher(text);
                while (m.find()) {
                    used.add(Integer.parseInt(m.group(1)));
                }
                Set<Integer> wanted = new TreeSet<>();
                for (int i = 0; i < kinds.size(); i++) {
                    wanted.add(i);
                }
                assertEquals(wanted, used, file + " " + r.key() + ": " + text);
            }
        }
    }

    @Test
    void numbersAreShownAsWhatTheyAre() {
        assertEquals("Spent CN¥2,100.00 on 70 clicks without an order: 6.3 times the target cost per order (CN¥333.33).",
                words.text(Locale.ENGLISH, "CNY", Reason.PAUSE_NO_ORDERS.key(), List.of(210_000L, 33_333L, 6.3, 70L)));
        assertEquals("ROI 4.57 (between 3.6 and 5.81 at 95% confidence) is above the target 3 for sure: buy more of it.",
                words.text(Locale.ENGLISH, "CNY", Reason.ROI_ABOVE_TARGET.key(), List.of(4.5714, 3.6, 5.809, 3.0, 0.95)));
        assertEquals("投产比 4.57（95% 置信区间 3.6–5.81）确定高于目标 3：加价多买。",
                words.text(Locale.SIMPLIFIED_CHINESE, "CNY", Reason.ROI_ABOVE_TARGET.key(), List.of(4.5714, 3.6, 5.809, 3.0, 0.95)));
        assertEquals("0.35%", ReasonWords.percent(0.0035, Locale.ENGLISH), "small rates keep two decimals");
        assertEquals("12.5%", ReasonWords.percent(0.125, Locale.ENGLISH));
        assertEquals("¥333.33", ReasonWords.money(33_333, "CNY", Locale.SIMPLIFIED_CHINESE));
    }
}
