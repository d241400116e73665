package com.shopops.platform.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shopops.platform.core.ShopStore.NewShop;
import com.shopops.platform.db.Database;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PluginSettingsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T01:02:03Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void valuesArePutReadListedAndRemoved(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("flagship");
            PluginSettings settings = new PluginSettings(f.database().jdbi(), "traffic", CLOCK);

            settings.put(shop, "target.uv", "12000");
            settings.put(shop, "alert.email", "ops@example.com");

            assertEquals(Optional.of("12000"), settings.get(shop, "target.uv"));
            assertEquals(Optional.empty(), settings.get(shop, "missing"));
            assertEquals(Map.of("alert.email", "ops@example.com", "target.uv", "12000"), settings.all(shop));
            assertEquals("[alert.email, target.uv]", settings.all(shop).keySet().toString(), "listed by name");

            settings.remove(shop, "target.uv");

            assertEquals(Optional.empty(), settings.get(shop, "target.uv"));
            assertEquals(Map.of("alert.email", "ops@example.com"), settings.all(shop));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void puttingAgainReplacesTheValue(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("flagship");
            new PluginSettings(f.database().jdbi(), "traffic", CLOCK).put(shop, "target.uv", "12000");
            Clock later = Clock.offset(CLOCK, Duration.ofHours(1));
            PluginSettings settings = new PluginSettings(f.database().jdbi(), "traffic", later);

            settings.put(shop, "target.uv", "15000");

            assertEquals(Map.of("target.uv", "15000"), settings.all(shop));
            assertEquals("2024-03-05T02:02:03.000000Z", f.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT updated_at FROM settings WHERE name = 'target.uv'").mapTo(String.class).one()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pluginsAndShopsDoNotSeeEachOthersValues(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long flagship = f.newShop("flagship");
            long outlet = f.newShop("outlet");
            PluginSettings traffic = new PluginSettings(f.database().jdbi(), "traffic", CLOCK);
            PluginSettings reviews = new PluginSettings(f.database().jdbi(), "reviews", CLOCK);

            traffic.put(flagship, "target", "traffic-flagship");
            traffic.put(outlet, "target", "traffic-outlet");
            reviews.put(flagship, "target", "reviews-flagship");

            assertEquals(Optional.of("traffic-flagship"), traffic.get(flagship, "target"));
            assertEquals(Optional.of("traffic-outlet"), traffic.get(outlet, "target"));
            assertEquals(Optional.of("reviews-flagship"), reviews.get(flagship, "target"));
            assertEquals(Optional.empty(), reviews.get(outlet, "target"));
            assertEquals(Map.of(), reviews.all(outlet));

            traffic.remove(flagship, "target");

            assertEquals(Optional.of("reviews-flagship"), reviews.get(flagship, "target"));
            assertEquals(Optional.of("traffic-outlet"), traffic.get(outlet, "target"));
        }
    }
}
