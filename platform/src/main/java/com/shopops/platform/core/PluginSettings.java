package com.shopops.platform.core;

import com.shopops.api.Settings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** One plugin's settings per shop, in the core {@code settings} table. */
public final class PluginSettings implements Settings {

    private final Jdbi jdbi;
    private final String pluginId;
    private final Clock clock;

    public PluginSettings(Jdbi jdbi, String pluginId, Clock clock) {
        this.jdbi = jdbi;
        this.pluginId = pluginId;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(long shopId, String key) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT value FROM settings WHERE shop_id = :shop AND plugin_id = :plugin AND name = :name")
                .bind("shop", shopId).bind("plugin", pluginId).bind("name", key).mapTo(String.class).findOne());
    }

    @Override
    public Map<String, String> all(long shopId) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT name, value FROM settings WHERE shop_id = :shop AND plugin_id = :plugin ORDER BY name")
                .bind("shop", shopId).bind("plugin", pluginId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> values.put(e.getKey(), e.getValue())));
        return values;
    }

    @Override
    public void put(long shopId, String key, String value) {
        String before = SettingsTrail.isOpen() ? get(shopId, key).orElse(null) : null;
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO settings (shop_id, plugin_id, name, value, updated_at)
                        VALUES (:shop, :plugin, :name, :value, :now)
                        ON CONFLICT (shop_id, plugin_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""")
                .bind("shop", shopId).bind("plugin", pluginId).bind("name", key).bind("value", value)
                .bind("now", clock.instant()).execute());
        SettingsTrail.record(new SettingsTrail.Change(pluginId + "." + key, before, value));
    }

    @Override
    public void remove(long shopId, String key) {
        String before = SettingsTrail.isOpen() ? get(shopId, key).orElse(null) : null;
        jdbi.useHandle(h -> h.createUpdate(
                        "DELETE FROM settings WHERE shop_id = :shop AND plugin_id = :plugin AND name = :name")
                .bind("shop", shopId).bind("plugin", pluginId).bind("name", key).execute());
        SettingsTrail.record(new SettingsTrail.Change(pluginId + "." + key, before, null));
    }
}
