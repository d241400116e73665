/**
 * The ShopOps plugin API: everything a plugin may use of the host.
 *
 * <p>A plugin is a PF4J plugin zip whose {@code plugin.properties} names its id, version and the API
 * range it needs ({@code plugin.requires}, checked against {@link com.shopops.api.ShopOpsApi#VERSION}).
 * It contributes {@link org.pf4j.Extension extensions} of the extension points in this package:
 * <ul>
 *   <li>{@link com.shopops.api.ShopOpsPlugin} — the plugin's entry: start, stop, routes, permissions, menu;</li>
 *   <li>{@link com.shopops.api.BriefingContributor} — findings for the morning briefing;</li>
 *   <li>{@link com.shopops.api.ImportFormat} — a file layout the {@code import} command understands;</li>
 *   <li>{@link com.shopops.api.PublishingChannel} — somewhere content can be published to.</li>
 * </ul>
 * The host hands each plugin a {@link com.shopops.api.PluginContext} (database, settings, clock,
 * scheduler, events, messages, shops). A plugin owns the tables whose names start with its id and
 * migrates them itself with Flyway SQL files under {@code db/<plugin-id>/}; it serves its UI from
 * {@code ui/<plugin-id>/} and its messages from {@code i18n/<plugin-id>/messages*.properties}.
 * No plugin imports another plugin: what two plugins share belongs here.
 */
package com.shopops.api;
