package com.shopops.plugins.competitors.imports;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken peer snapshots, spoiled from the sample {@link CompetitorsImportTest} reads (the
 * spoilers and the checks are {@link HostileFiles}'), imported through the host's import engine into an
 * SQLite file with the competitors migrations: refused with a reason or every row accounted for, never a
 * crash, a hang or a half-written batch, every stored row within the format's rules, and the same file
 * imported again changing nothing.
 */
class CompetitorsHostileFilesTest {

    @TempDir
    Path dir;

    /** Text compared as text orders by day only in this shape; the store asks for snapshot days as text ranges. */
    private static String notADay(String column) {
        return column + " NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";
    }

    @Test
    void aSpoiledSnapshotIsRefusedOrHasEveryRowAccountedForAndNeverWritesHalf() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "competitors")) {
            Jdbi jdbi = f.database().jdbi();
            Shop shop = new ShopStore(jdbi, Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            // Batches of 4 rows: a batch that cannot be written comes after batches that were.
            ImportRunner runner = new ImportRunner(jdbi, new ImportFormats(List.of(new PeerSnapshot()), List::of), new EventBus(), 4);
            HostileFiles.Tally tally = new HostileFiles(jdbi, runner, shop, dir)
                    .watching("competitors_peers", "competitors_listings")
                    .keeping("a day is YYYY-MM-DD", "SELECT COUNT(*) FROM competitors_listings WHERE " + notADay("day")
                            + " OR (listed_on IS NOT NULL AND " + notADay("listed_on") + ")")
                    .keeping("listed no later than the snapshot", "SELECT COUNT(*) FROM competitors_listings WHERE listed_on > day")
                    .keeping("figures within their rules", """
                            SELECT COUNT(*) FROM competitors_listings
                            WHERE price < 0 OR monthly_sales < 0 OR reviews < 0 OR rating < 0 OR rating > 500""")
                    .keeping("names, ids and titles given, at most 200 characters", """
                            SELECT (SELECT COUNT(*) FROM competitors_listings
                                    WHERE TRIM(product_id) = '' OR TRIM(title) = '' OR LENGTH(title) > 200 OR LENGTH(product_id) > 200
                                       OR LENGTH(category) > 200)
                                 + (SELECT COUNT(*) FROM competitors_peers WHERE TRIM(name) = '' OR LENGTH(name) > 200)""")
                    .keeping("a listing's peer is of its shop", """
                            SELECT COUNT(*) FROM competitors_listings l JOIN competitors_peers p ON p.id = l.peer_id
                            WHERE p.shop_id <> l.shop_id""")
                    .importingTwice()
                    .rounds(15) // about as many files as the other plugins' samples get
                    .run(List.of(new Sample("competitors", "peer-snapshot", HostileFiles.resource(CompetitorsHostileFilesTest.class,
                            "/imports/peer-snapshot.csv", StandardCharsets.UTF_8)).adding("competitors_listings")));
            System.out.println("hostile peer snapshots: " + tally);
        }
    }
}
