package com.shopops.plugins.activities.imports;

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
 * Hostile and broken files for the campaign list and campaign results, spoiled from the samples
 * {@link ActivitiesImportTest} reads (the spoilers and the checks are {@link HostileFiles}'), imported
 * through the host's import engine into an SQLite file with the activities migrations: refused with a
 * reason or every row accounted for, never a crash, a hang or a half-written batch, every stored campaign
 * as {@code CampaignCheck} would let it in, and the same file imported again changing nothing.
 */
class ActivitiesHostileFilesTest {

    /** Text compared as text orders by day only in this shape; the store asks for live days as text ranges. */
    private static String notADay(String column) {
        return column + " NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";
    }

    @TempDir
    Path dir;

    private static Sample sample(String format, String resource) {
        return new Sample("activities", format, HostileFiles.resource(ActivitiesHostileFilesTest.class, "/imports/" + resource,
                StandardCharsets.UTF_8));
    }

    @Test
    void bothFormatsRefuseOrAccountForEveryRowOfASpoiledFileAndNeverWriteHalf() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "activities")) {
            Jdbi jdbi = f.database().jdbi();
            Shop shop = new ShopStore(jdbi, Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            // Batches of 4 rows (a campaign's rows are never split): a batch that cannot be written comes after ones that were.
            ImportRunner runner = new ImportRunner(jdbi, new ImportFormats(List.of(new CampaignList(), new CampaignResults()), List::of),
                    new EventBus(), 4);
            HostileFiles.Tally tally = new HostileFiles(jdbi, runner, shop, dir)
                    .watching("activities_campaigns", "activities_campaign_products", "activities_status_history", "activities_results")
                    .keeping("live days in order", """
                            SELECT COUNT(*) FROM activities_campaigns WHERE live_to < live_from OR registration_deadline > live_from
                                OR review_on > live_from""")
                    .keeping("a day is YYYY-MM-DD", "SELECT (SELECT COUNT(*) FROM activities_campaigns WHERE " + notADay("live_from")
                            + " OR " + notADay("live_to") + " OR " + notADay("registration_deadline") + " OR " + notADay("review_on")
                            + ") + (SELECT COUNT(*) FROM activities_results WHERE " + notADay("day") + ")")
                    .keeping("name and channel given, at most 200 characters", """
                            SELECT COUNT(*) FROM activities_campaigns
                            WHERE TRIM(name) = '' OR TRIM(channel) = '' OR LENGTH(name) > 200 OR LENGTH(channel) > 200""")
                    .keeping("no goal, stock or price is negative", """
                            SELECT (SELECT COUNT(*) FROM activities_campaigns WHERE goal_gmv < 0 OR goal_units < 0)
                                 + (SELECT COUNT(*) FROM activities_campaign_products WHERE allocated < 0 OR price < 0 OR TRIM(sku) = '')""")
                    .keeping("a campaign's history starts when it was made", """
                            SELECT COUNT(*) FROM activities_campaigns c
                            WHERE NOT EXISTS (SELECT 1 FROM activities_status_history h WHERE h.campaign_id = c.id)""")
                    .keeping("results within their rules", """
                            SELECT COUNT(*) FROM activities_results
                            WHERE TRIM(campaign) = '' OR uv < 0 OR impressions < 0 OR clicks < 0 OR orders < 0 OR gmv < 0
                                OR (impressions > 0 AND clicks > impressions)""")
                    .importingTwice()
                    .rounds(10) // about as many files as the other plugins' samples get
                    .run(List.of(
                            // a row counted imported is a new product (or a new campaign without products)
                            sample("campaign-list", "campaign-list.csv").addingAtMost("activities_campaign_products"),
                            sample("campaign-results", "campaign-results.csv").adding("activities_results")));
            System.out.println("hostile activities files: " + tally);
        }
    }
}
