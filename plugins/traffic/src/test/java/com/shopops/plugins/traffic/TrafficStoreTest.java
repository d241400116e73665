package com.shopops.plugins.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.core.ShopStore;
import com.shopops.platform.core.ShopStore.NewShop;
import com.shopops.platform.db.Database;
import com.shopops.platform.db.Dialect;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.traffic.analysis.Channel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrafficStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T01:02:03Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theTrafficMigrationCreatesTheMappingTable(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.fresh(kind, dir)) {
            Database db = f.database();
            db.migrate("core", Database.class.getClassLoader());

            assertEquals("1", db.migrate("traffic", TrafficStoreTest.class.getClassLoader()));

            assertTrue(tableExists(db, "traffic_source_channels"));
            assertTrue(tableExists(db, "traffic_schema_history"));
            assertEquals("1", db.migrate("traffic", TrafficStoreTest.class.getClassLoader()), "migrating again is a no-op");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void mappingsArePutListedReplacedAndDeleted(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            long shop = f.newShop("flagship");
            TrafficStore store = new TrafficStore(f.database().jdbi(), CLOCK);

            store.put(shop, "直通车", Channel.PAID);
            store.put(shop, "淘宝直播", Channel.OTHER);
            store.put(shop, "淘宝直播", Channel.CAMPAIGN);

            assertEquals(Map.of("直通车", Channel.PAID, "淘宝直播", Channel.CAMPAIGN), store.channels(shop));

            assertTrue(store.delete(shop, "淘宝直播"));
            assertFalse(store.delete(shop, "淘宝直播"), "nothing left to delete");
            assertEquals(Map.of("直通车", Channel.PAID), store.channels(shop));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shopsDoNotSeeEachOthersMappings(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            long flagship = f.newShop("flagship");
            long outlet = f.newShop("outlet");
            TrafficStore store = new TrafficStore(f.database().jdbi(), CLOCK);

            store.put(flagship, "超级推荐", Channel.PAID);
            store.put(outlet, "超级推荐", Channel.FREE);

            assertEquals(Map.of("超级推荐", Channel.PAID), store.channels(flagship));
            assertEquals(Map.of("超级推荐", Channel.FREE), store.channels(outlet));

            assertTrue(store.delete(outlet, "超级推荐"));
            assertEquals(Map.of("超级推荐", Channel.PAID), store.channels(flagship));
            assertEquals(Map.of(), store.channels(outlet));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void deletingAShopDeletesItsMappings(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            long gone = f.newShop("gone");
            long kept = f.newShop("kept");
            TrafficStore store = new TrafficStore(f.database().jdbi(), CLOCK);
            store.put(gone, "直通车", Channel.PAID);
            store.put(kept, "直通车", Channel.PAID);

            f.database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM shops WHERE id = :id").bind("id", gone).execute());

            assertEquals(Map.of(), store.channels(gone));
            assertEquals(Map.of("直通车", Channel.PAID), store.channels(kept));
            assertEquals(1, f.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM traffic_source_channels").mapTo(Integer.class).one()).intValue());
        }
    }

    private static boolean tableExists(Database db, String table) {
        String sql = db.dialect() == Dialect.SQLITE
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :t"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = :t";
        return db.jdbi().withHandle(h -> h.createQuery(sql).bind("t", table).mapTo(Integer.class).one()) > 0;
    }
}
