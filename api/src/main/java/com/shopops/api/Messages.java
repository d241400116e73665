package com.shopops.api;

import java.util.Locale;

/**
 * A plugin's translated messages, from {@code i18n/<plugin-id>/messages.properties} (English) and
 * {@code messages_zh_CN.properties} (Chinese), UTF-8. Placeholders follow
 * {@link java.text.MessageFormat}: {@code conversion fell {0} to {1}}.
 *
 * @since 1.0.0
 */
public interface Messages {

    /** The message for {@code key} in {@code locale}, falling back to English, then to the key. */
    String text(Locale locale, String key, Object... args);
}
