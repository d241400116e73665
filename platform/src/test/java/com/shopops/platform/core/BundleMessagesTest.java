package com.shopops.platform.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Uses the test resources {@code i18n/msgtest/messages.properties} and {@code messages_zh_CN.properties}. */
class BundleMessagesTest {

    private final BundleMessages messages = new BundleMessages("msgtest", BundleMessagesTest.class.getClassLoader());

    @Test
    void chineseForChinaAndEnglishForEnglish() {
        assertEquals("你好", messages.text(Locale.SIMPLIFIED_CHINESE, "greeting"));
        assertEquals("你好", messages.text(Locale.forLanguageTag("zh-CN"), "greeting"));
        assertEquals("Hello", messages.text(Locale.ENGLISH, "greeting"));
        assertEquals("Hello", messages.text(Locale.US, "greeting"));
    }

    @Test
    void aKeyMissingInChineseFallsBackToEnglish() {
        assertEquals("Only in English", messages.text(Locale.SIMPLIFIED_CHINESE, "only.english"));
    }

    @Test
    void anUnknownKeyOrOwnerGivesTheKey() {
        assertEquals("no.such.key", messages.text(Locale.SIMPLIFIED_CHINESE, "no.such.key"));
        assertEquals("greeting", new BundleMessages("nobody", BundleMessagesTest.class.getClassLoader())
                .text(Locale.ENGLISH, "greeting"));
    }

    @Test
    void argumentsAreFormatted() {
        assertEquals("Conversion fell from 3.2% to 2.1%", messages.text(Locale.ENGLISH, "conversion.fell", "3.2%", "2.1%"));
        assertEquals("转化率从 3.2% 降到 2.1%", messages.text(Locale.SIMPLIFIED_CHINESE, "conversion.fell", "3.2%", "2.1%"));
        assertEquals("You have 1,234 orders", messages.text(Locale.ENGLISH, "orders", 1234));
    }

    @Test
    void theJvmDefaultLocaleDoesNotLeakIn() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        try {
            assertEquals("Hello", messages.text(Locale.ENGLISH, "greeting"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
