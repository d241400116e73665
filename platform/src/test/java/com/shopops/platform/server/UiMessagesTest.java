package com.shopops.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text the host's pages show exists in English and in Chinese. */
class UiMessagesTest {

    private static final Path WEB = Path.of("src/main/resources/web");
    /** t('key'), t('key', …), data-i18n="key", and the keys inside data-i18n-attr="attr:key;…". */
    private static final Pattern KEY = Pattern.compile("\\bt\\('([\\w.-]+)'|data-i18n=\"([\\w.-]+)\"|:([a-z][\\w-]*\\.[\\w.-]+)");

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = UiMessagesTest.class.getResourceAsStream("/i18n/core/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(bundle("").stringPropertyNames()), new TreeSet<>(bundle("_zh_CN").stringPropertyNames()));
    }

    @Test
    void everyKeyThePagesUseIsThere() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList()) {
                // Comments explain the notation with example keys; only code counts.
                String code = Files.readString(f).replaceAll("(?m)^\\s*(//|/?\\*).*$", "");
                Matcher m = KEY.matcher(code);
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    if (m.group(3) == null || f.toString().endsWith(".html")) {
                        used.add(key);
                    }
                }
            }
        }
        assertTrue(used.size() > 100, "found the pages' keys: " + used.size());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(bundle("_zh_CN").stringPropertyNames());
        assertEquals(Set.of(), missing, "keys the pages use that messages_zh_CN.properties lacks");
    }

    @Test
    void chineseTextsAreChinese() throws IOException {
        Properties zh = bundle("_zh_CN");
        Properties en = bundle("");
        Set<String> same = new TreeSet<>();
        for (String key : zh.stringPropertyNames()) {
            String text = zh.getProperty(key);
            if (text.equals(en.getProperty(key)) && text.matches(".*[a-z]{4,}.*") && !text.startsWith("ShopOps")) {
                same.add(key);
            }
        }
        assertEquals(Set.of(), same, "left in English in messages_zh_CN.properties");
    }
}
