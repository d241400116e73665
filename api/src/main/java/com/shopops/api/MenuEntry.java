package com.shopops.api;

/**
 * An entry in the web UI's navigation.
 *
 * @param labelKey   message key of the label in the plugin's {@code i18n} bundle
 * @param page       page path under {@code /ui/<plugin-id>/}, e.g. {@code index.html}
 * @param permission the permission a user needs to see the entry
 * @param order      position in the navigation, lower first
 * @since 1.0.0
 */
public record MenuEntry(String labelKey, String page, String permission, int order) {
}
