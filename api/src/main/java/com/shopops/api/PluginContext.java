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

    /**
     * The publishing channels of every started plugin, with the shop's settings kept by the host.
     * The host implements this; the default, for other implementations, refuses.
     *
     * @since 1.3.0
     */
    default Channels channels() {
        throw new UnsupportedOperationException("this host offers no publishing channels");
    }

    /**
     * A folder of the data folder that is the plugin's own, created when first asked for: where it keeps
     * files people upload (a post's images) or it makes. It is backed up with the data folder.
     * The host implements this; the default, for other implementations, refuses.
     *
     * @since 1.3.0
     */
    default java.nio.file.Path files() {
        throw new UnsupportedOperationException("this host keeps no files for plugins");
    }
}
