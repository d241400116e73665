package com.shopops.plugins.listings.imports;

import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.testing.HostileFiles;
import com.shopops.platform.testing.HostileFiles.Sample;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken marketplace files and listing sheets, spoiled from {@link ListingsImportTest}'s samples by
 * {@link HostileFiles}, imported through the host's import engine into an SQLite file with the listings
 * migrations: refused with a reason or every row accounted for, never a crash, a hang or a half-written batch,
 * the stored rows keeping the formats' rules, and the same file imported again changing nothing.
 */
class ListingsHostileFilesTest {

    @TempDir
    Path dir;

    @Test
    void spoiledListingsFilesAreRefusedOrHaveEveryRowAccountedForAndNeverWriteHalf() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "listings")) {
            Jdbi jdbi = f.database().jdbi();
            Shop shop = new ShopStore(jdbi, Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            // Batches of 3 rows: a batch that cannot be written comes after batches that were.
            ImportRunner runner = new ImportRunner(jdbi, new ImportFormats(List.of(new MarketplaceListings(), new ListingSheet()), List::of),
                    new EventBus(), 3);
            HostileFiles.Tally tally = new HostileFiles(jdbi, runner, shop, dir)
                    .watching("listings_marketplace", "listings_sheet")
                    .keeping("a listing has a shop, an id and a title", """
                            SELECT COUNT(*) FROM listings_marketplace
                            WHERE TRIM(shop_name) IN ('', '-', '--', '—') OR TRIM(listing_id) = '' OR TRIM(title) = ''""")
                    .keeping("first seen on or before last seen", "SELECT COUNT(*) FROM listings_marketplace WHERE first_seen > last_seen")
                    // text compared as text orders by day only in this shape
                    .keeping("days are YYYY-MM-DD", """
                            SELECT COUNT(*) FROM listings_marketplace
                            WHERE first_seen NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                               OR last_seen NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'""")
                    .keeping("texts within their limits", """
                            SELECT COUNT(*) FROM listings_marketplace WHERE LENGTH(title) > 200 OR LENGTH(shop_name) > 100
                                OR LENGTH(listing_id) > 64 OR LENGTH(url) > 2000 OR LENGTH(image_hash) > 128""")
                    .keeping("a sheet row has a SKU", "SELECT COUNT(*) FROM listings_sheet WHERE TRIM(sku) = ''")
                    .keeping("attributes filled within their total", """
                            SELECT COUNT(*) FROM listings_sheet WHERE attributes_filled > attributes_total
                                OR (attributes_filled IS NULL) <> (attributes_total IS NULL)""")
                    .importingTwice()
                    .rounds(20) // about as many files as the other plugins' samples get
                    .run(List.of(
                            new Sample("listings", "marketplace-listings", ListingsImportTest.MARKETPLACE).addingAtMost("listings_marketplace"),
                            new Sample("listings", "listing-sheet", ListingsImportTest.SHEET).addingAtMost("listings_sheet")));
            System.out.println("hostile listings files: " + tally);
        }
    }
}
