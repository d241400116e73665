package com.shopops.platform.plugins;

import com.shopops.api.Channels;
import com.shopops.api.Events;
import com.shopops.api.Messages;
import com.shopops.api.PluginContext;
import com.shopops.api.Scheduler;
import com.shopops.api.Settings;
import com.shopops.api.Shops;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The context one plugin gets: the host's services, scoped to the plugin. */
record HostPluginContext(String pluginId, Jdbi jdbi, Clock clock, Settings settings, Scheduler scheduler,
                         Events events, Messages messages, Shops shops,
                         com.shopops.api.data.ShopData data, Channels channels, Path folder) implements PluginContext {

    @Override
    public Path files() {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin's files folder " + folder, e);
        }
    }
}
