package com.shopops.api;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * What the host hands a plugin when it starts. Everything here is scoped to the plugin: settings,
 * scheduled jobs, event subscriptions and messages are the plugin's own and are released by the host
 * when the plugin stops.
 *
 * @since 1.0.0
 */
public interface PluginContext {

    /** The plugin's id from its descriptor, e.g. {@code traffic}. */
    String pluginId();

    /**
     * The shared database (SQLite or PostgreSQL). SQL must run on both; a plugin's tables are named
     * with its id as prefix. {@code Instant} and {@code LocalDate} bind and map as ISO-8601 text.
     */
    Jdbi jdbi();

    /** The clock to read "now" from; tests replace it. */
    Clock clock();

    /** The plugin's settings per shop. */
    Settings settings();

    /** Durable recurring jobs. */
    Scheduler scheduler();

    /** The host's event bus for core events such as {@link CoreEvents.DataImported}. */
    Events events();

    /** The plugin's translated messages. */
    Messages messages();

    /** Read access to the shops of this installation. */
    Shops shops();

    /** Typed reads over the shops' core data: products, orders, customers, traffic, events, … */
    com.shopops.api.data.ShopData data();
}
