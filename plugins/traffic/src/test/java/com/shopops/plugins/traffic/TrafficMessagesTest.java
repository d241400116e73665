package com.shopops.plugins.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The plugin's page and menu read the same keys in English and in Chinese. */
class TrafficMessagesTest {

    private static TreeSet<String> keys(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TrafficMessagesTest.class.getResourceAsStream("/i18n/traffic/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(keys(""), keys("_zh_CN"));
    }
}
