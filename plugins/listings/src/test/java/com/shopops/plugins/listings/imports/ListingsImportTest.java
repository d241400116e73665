package com.shopops.plugins.listings.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.ImportSummary;
import com.shopops.platform.imports.ImportSummary.RowError;
import com.shopops.platform.testing.HostileFiles;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.listings.ListingsStore;
import com.shopops.plugins.listings.ListingsStore.SheetProduct;
import com.shopops.plugins.listings.analysis.MarketplaceListing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two listings formats through the host's import engine into a real database (SQLite and PostgreSQL)
 * with the listings migrations: detected by their Chinese or English headers, bad rows rejected with line
 * and column, total lines skipped, the stored rows as the file says, and the same file imported again
 * changing nothing.
 */
class ListingsImportTest {

    static final String MARKETPLACE = HostileFiles.resource(ListingsImportTest.class, "/imports/marketplace-listings.csv", StandardCharsets.UTF_8);
    static final String SHEET = HostileFiles.resource(ListingsImportTest.class, "/imports/listing-sheet.csv", StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    static ImportRunner runner(Fresh f) {
        return new ImportRunner(f.database().jdbi(), new ImportFormats(List.of(new MarketplaceListings(), new ListingSheet()), List::of),
                new EventBus());
    }

    private ImportSummary run(Fresh f, Shop shop, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return runner(f).run(new ImportRunner.Request(shop, "listings", null, file, name, Map.of(), false), ImportRunner.Progress.NONE);
    }

    private static Shop shop(Fresh f) {
        return new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void marketplaceListingsWithChineseHeaders(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "listings")) {
            Shop shop = shop(f);
            ImportSummary s = run(f, shop, "market.csv", MARKETPLACE);
            assertEquals("marketplace-listings", s.format());
            // 8 rows: 4 kept (the first listing twice: imported, then updated by the later day), 3 rejected, 1 total skipped
            assertEquals(List.of(8L, 3L, 1L, 3L, 1L), List.of(s.read(), s.imported(), s.updated(), s.rejected(), s.skipped()), s.toString());
            assertEquals(List.of(6L, 7L, 8L), s.errors().stream().map(RowError::line).toList());
            assertEquals(List.of("店铺", "价格", "日期"), s.errors().stream().map(RowError::column).toList());
            List<MarketplaceListing> stored = new ListingsStore(f.database().jdbi()).marketplace(shop.id(), LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 12, 31));
            assertEquals(List.of("610000000001", "610000000002", "HK-001"), stored.stream().map(MarketplaceListing::listingId).toList());
            MarketplaceListing first = stored.get(0);
            // first seen 1 May, last seen 2 May at the later price 59.90
            assertEquals(List.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 2), 5_990L), List.of(first.firstSeen(), first.lastSeen(),
                    first.price()));
            assertEquals("c3a1f09e7b2d4e58", stored.get(1).imageHash(), "image hashes are kept in lower case");
            assertNull(stored.get(1).url());

            ImportSummary again = run(f, shop, "market.csv", MARKETPLACE);
            assertEquals(List.of(0L, 0L), List.of(again.imported(), again.updated()), again.toString());

            // English headers; an earlier sighting moves the first day back and keeps the later title
            ImportSummary english = run(f, shop, "en.csv", """
                    Date,Shop,Listing ID,Title,Price
                    2024-04-20,Copy Shop,610000000001,an older title,70.00
                    """);
            assertEquals(List.of(0L, 1L), List.of(english.imported(), english.updated()), english.toString());
            MarketplaceListing moved = new ListingsStore(f.database().jdbi()).marketplace(shop.id(), LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 12, 31)).get(0);
            assertEquals(LocalDate.of(2024, 4, 20), moved.firstSeen());
            assertEquals("硅胶厨具套装 耐高温不伤锅 12件套 家用", moved.title());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void listingSheetWithChineseHeaders(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "listings")) {
            Shop shop = shop(f);
            ImportSummary s = run(f, shop, "sheet.csv", SHEET);
            assertEquals("listing-sheet", s.format());
            assertEquals(List.of(9L, 5L, 4L), List.of(s.read(), s.imported(), s.rejected()), s.toString());
            assertEquals(List.of(7L, 8L, 9L, 10L), s.errors().stream().map(RowError::line).toList());
            assertEquals(List.of("商家编码", "价格", "已填属性", "属性总数"), s.errors().stream().map(RowError::column).toList());
            Map<String, SheetProduct> sheet = new ListingsStore(f.database().jdbi()).sheet(shop.id());
            assertEquals(List.of("HK-001", "HK-002", "HK-005"), List.copyOf(sheet.keySet()));
            SheetProduct hero = sheet.get("HK-001");
            assertEquals(new SheetProduct("HK-001", null, "硅胶厨具套装", 18, 20, "c3a1f09e7b2d4e58", Map.of("12件套", 8_900L, "8件套", 6_900L)),
                    hero);
            assertEquals("煎蛋小平底锅 最好用", sheet.get("HK-005").title());
            assertEquals(Map.of("", 5_900L), sheet.get("HK-005").variantPrices());

            ImportSummary again = run(f, shop, "sheet.csv", SHEET);
            assertEquals(List.of(0L, 0L), List.of(again.imported(), again.updated()), again.toString());

            // English headers; a row imported again with another price replaces it
            ImportSummary english = run(f, shop, "en.csv", """
                    SKU,Variant,Price,Core keyword,Attributes filled,Attributes total
                    HK-002,36cm,399.00,,,
                    """);
            assertEquals(List.of("listing-sheet", 0L, 1L), List.of(english.format(), english.imported(), english.updated()), english.toString());
            assertEquals(39_900L, new ListingsStore(f.database().jdbi()).sheet(shop.id()).get("HK-002").variantPrices().get("36cm"));
            assertTrue(s.errors().get(2).reason().contains("21 is more than 属性总数 20"), s.errors().toString());
        }
    }
}
