package com.shopops.platform.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.platform.core.ShopStore.NewShop;
import com.shopops.platform.db.Database;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShopStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T01:02:03Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aShopGetsDefaultsForWhatIsLeftOut(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            ShopStore shops = new ShopStore(f.database().jdbi(), CLOCK);

            Shop shop = shops.create(new NewShop("flagship", null, " ", null, ""));

            assertEquals("flagship", shop.code());
            assertEquals("flagship", shop.name());
            assertEquals("other", shop.platform());
            assertEquals("CNY", shop.currency());
            assertEquals(ZoneId.of("Asia/Shanghai"), shop.timeZone());
            assertEquals("2024-03-05T01:02:03.000000Z", f.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT created_at FROM shops WHERE id = :id").bind("id", shop.id()).mapTo(String.class).one()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void givenValuesAreKeptAndNormalised(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            ShopStore shops = new ShopStore(f.database().jdbi(), CLOCK);

            Shop shop = shops.create(new NewShop("us-store", "US Store", "Shopify", "usd", "America/New_York"));

            assertEquals(new Shop(shop.id(), "us-store", "US Store", "shopify", "USD", ZoneId.of("America/New_York")), shop);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shopsAreFoundByCodeAndIdAndListedByCode(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            ShopStore shops = new ShopStore(f.database().jdbi(), CLOCK);
            Shop tmall = shops.create(new NewShop("tmall-flagship", "天猫旗舰店", "tmall", null, null));
            Shop jd = shops.create(new NewShop("jd-main", "京东店", "jd", null, null));

            assertEquals(Optional.of(tmall), shops.byCode("tmall-flagship"));
            assertEquals(Optional.of(jd), shops.byId(jd.id()));
            assertEquals("天猫旗舰店", shops.byId(tmall.id()).orElseThrow().name());
            assertEquals(Optional.empty(), shops.byCode("nope"));
            assertEquals(Optional.empty(), shops.byId(jd.id() + tmall.id() + 1000));
            assertEquals(List.of(jd, tmall), shops.all());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTakenCodeIsRefused(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            ShopStore shops = new ShopStore(f.database().jdbi(), CLOCK);
            shops.create(new NewShop("flagship", "First", null, null, null));

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> shops.create(new NewShop("flagship", "Second", null, null, null)));

            assertTrue(e.getMessage().contains("flagship"), e.getMessage());
            assertEquals(List.of("First"), shops.all().stream().map(Shop::name).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void invalidFieldsAreRefusedByName(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            ShopStore shops = new ShopStore(f.database().jdbi(), CLOCK);

            assertRefused(shops, "code", new NewShop("Flagship", null, null, null, null));
            assertRefused(shops, "code", new NewShop("-flagship", null, null, null, null));
            assertRefused(shops, "code", new NewShop("flag ship", null, null, null, null));
            assertRefused(shops, "code", new NewShop("x".repeat(41), null, null, null, null));
            assertRefused(shops, "code", new NewShop(null, null, null, null, null));
            assertRefused(shops, "currency", new NewShop("flagship", null, null, "RMB", null));
            assertRefused(shops, "timeZone", new NewShop("flagship", null, null, null, "Mars/Olympus"));
            assertRefused(shops, "platform", new NewShop("flagship", null, "amazon", null, null));

            assertEquals(List.of(), shops.all());
        }
    }

    private static void assertRefused(ShopStore shops, String field, NewShop request) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shops.create(request));
        assertTrue(e.getMessage().startsWith(field + ":"), "expected a message about " + field + ", got: " + e.getMessage());
    }
}
