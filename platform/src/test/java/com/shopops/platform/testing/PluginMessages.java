package com.shopops.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin's message bundle ({@code i18n/<id>/messages.properties} and {@code messages_zh_CN.properties}) and the
 * keys its pages name, for the plugin's messages test: the same keys in both languages, and every key a page or
 * the findings use present.
 *
 * <pre>{@code
 * PluginMessages messages = PluginMessages.of("ads");
 * messages.assertSameKeysInBothLanguages();
 * List<String> named = messages.keysNamedBy("/ui/ads/ads.js", "/ui/ads/index.html");
 * named.add("ui.status.proposed");               // keys a page builds from a code
 * messages.assertKnown(named);
 * }</pre>
 */
public final class PluginMessages {

    /**
     * How pages name keys: {@code t('key'}, {@code tOr('key'} in scripts, {@code data-i18n="key"} and
     * {@code data-i18n-attr="placeholder:key"} in markup. A key is a dotted name such as {@code ui.title}.
     */
    private static final Pattern NAMED = Pattern.compile(
            "(?:\\bt(?:Or)?\\('|data-i18n=\"|data-i18n-attr=\"[a-z-]+:)([a-zA-Z][A-Za-z0-9-]*\\.[A-Za-z0-9.-]*[A-Za-z0-9])");

    private final String pluginId;
    private final Properties english;
    private final Properties chinese;
    /** The host's own bundle, whose keys a plugin's page may use as well (the shell's table, buttons…). */
    private final Properties core;

    private PluginMessages(String pluginId) {
        this.pluginId = pluginId;
        this.english = load("/i18n/" + pluginId + "/messages.properties");
        this.chinese = load("/i18n/" + pluginId + "/messages_zh_CN.properties");
        this.core = load("/i18n/core/messages.properties");
    }

    /** The bundle of the plugin {@code pluginId}, read from the test's class path. */
    public static PluginMessages of(String pluginId) {
        return new PluginMessages(pluginId);
    }

    public Properties english() {
        return english;
    }

    public Properties chinese() {
        return chinese;
    }

    /** Both languages have exactly the same keys. */
    public void assertSameKeysInBothLanguages() {
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(chinese.stringPropertyNames()),
                pluginId + ": the English and the Chinese bundle have other keys");
    }

    /** The keys the resources (a page's script and markup, by class path) name, in order, repeats kept. */
    public List<String> keysNamedBy(String... resources) {
        List<String> named = new ArrayList<>();
        for (String resource : resources) {
            Matcher m = NAMED.matcher(text(resource));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        return named;
    }

    /**
     * Every key in {@code keys} is in the plugin's English bundle (and so, with the same keys, in the Chinese)
     * or in the host's own, which the shell serves on every page.
     */
    public void assertKnown(Collection<String> keys) {
        List<String> missing = keys.stream().filter(k -> !english.containsKey(k) && !core.containsKey(k)).distinct().toList();
        assertEquals(List.of(), missing, pluginId + ": keys named but in neither the plugin's bundle nor the host's");
    }

    /** Every Chinese text has a Chinese character, except those of {@code keys} (codes such as "SKU"). */
    public void assertChineseIsChinese(String... except) {
        List<String> exempt = List.of(except);
        List<String> notChinese = chinese.stringPropertyNames().stream().sorted()
                .filter(k -> !exempt.contains(k) && !chinese.getProperty(k).matches("(?s).*\\p{IsHan}.*")).toList();
        assertEquals(List.of(), notChinese, pluginId + ": Chinese texts without a Chinese character");
    }

    /** A resource's text, by class path. */
    public static String text(String resource) {
        try (InputStream in = PluginMessages.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "no resource " + resource + " on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = PluginMessages.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "no bundle " + resource + " on the class path");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
