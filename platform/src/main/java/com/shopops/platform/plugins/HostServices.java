package com.shopops.platform.plugins;

import com.shopops.platform.core.DurableScheduler;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.db.Database;
import java.time.Clock;

/**
 * What a running host offers its plugins. A host that only manages the plugins folder (the
 * {@code plugins} CLI commands) has none and starts no plugin.
 *
 * @param database  the database
 * @param clock     the clock
 * @param shops     the shops
 * @param scheduler durable jobs
 * @param events    the event bus
 * @param data      typed reads over the shops' core data
 * @param files     the data folder's {@code files} folder, where each plugin and each channel gets one of its own
 */
public record HostServices(Database database, Clock clock, ShopStore shops, DurableScheduler scheduler, EventBus events,
                           com.shopops.api.data.ShopData data, java.nio.file.Path files) {
}
