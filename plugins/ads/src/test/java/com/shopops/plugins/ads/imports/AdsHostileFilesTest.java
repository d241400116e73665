package com.shopops.plugins.ads.imports;

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
 * Hostile and broken files for the five ads formats, spoiled from the samples {@link AdsImportTest} reads
 * (the spoilers and the checks are {@link HostileFiles}'), imported through the host's import engine into
 * an SQLite file with the ads migrations: refused with a reason or every row accounted for, never a
 * crash, a hang or a half-written batch, the stored report rows within the formats' own rules, and the
 * same file imported again changing nothing.
 */
class AdsHostileFilesTest {

    /** Text compared as text orders by day only in this shape; the stores ask for days as text ranges. */
    private static final String NOT_A_DAY = "day NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";

    @TempDir
    Path dir;

    private static Sample sample(String format, String resource) {
        return new Sample("ads", format, HostileFiles.resource(AdsHostileFilesTest.class, "/imports/" + resource,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void everyAdsFormatRefusesOrAccountsForEveryRowOfASpoiledFileAndNeverWritesHalf() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "ads")) {
            Jdbi jdbi = f.database().jdbi();
            Shop shop = new ShopStore(jdbi, Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            // Batches of 4 rows: a batch that cannot be written comes after batches that were.
            ImportRunner runner = new ImportRunner(jdbi, new ImportFormats(List.of(new TaobaoKeywords(), new TaobaoSearchTerms(),
                    new GoogleAdsKeywords(), new GoogleAdsSearchTerms(), new AdSpendDays()), List::of), new EventBus(), 4);
            HostileFiles.Tally tally = new HostileFiles(jdbi, runner, shop, dir)
                    .watching("ads_keyword_days", "ads_search_term_days", "ads_spend_days")
                    .keeping("no figure is negative", each("impressions < 0 OR clicks < 0 OR cost < 0 OR orders < 0 OR gmv < 0")
                            + " + (SELECT COUNT(*) FROM ads_keyword_days WHERE avg_rank < 0 OR bid < 0)")
                    .keeping("clicks within impressions", "SELECT (SELECT COUNT(*) FROM ads_keyword_days WHERE clicks > impressions)"
                            + " + (SELECT COUNT(*) FROM ads_search_term_days WHERE clicks > impressions)"
                            + " + (SELECT COUNT(*) FROM ads_spend_days WHERE impressions > 0 AND clicks > impressions)")
                    .keeping("a quality score is 1 to 10", "SELECT COUNT(*) FROM ads_keyword_days WHERE quality_score NOT BETWEEN 1 AND 10")
                    // SQLite keeps an infinite REAL, which no average or JSON answer survives
                    .keeping("a rank is a finite number", "SELECT COUNT(*) FROM ads_keyword_days WHERE avg_rank > 1e308")
                    .keeping("a day is YYYY-MM-DD", each(NOT_A_DAY))
                    .keeping("campaign and keyword are given", "SELECT (SELECT COUNT(*) FROM ads_keyword_days WHERE campaign = ''"
                            + " OR keyword = '') + (SELECT COUNT(*) FROM ads_search_term_days WHERE campaign = '' OR keyword = ''"
                            + " OR search_term = '') + (SELECT COUNT(*) FROM ads_spend_days WHERE name = '')")
                    .importingTwice()
                    .run(List.of(
                            sample("taobao-keywords", "taobao-keywords.csv").adding("ads_keyword_days"),
                            sample("taobao-search-terms", "taobao-search-terms.csv").adding("ads_search_term_days"),
                            sample("google-ads-keywords", "google-ads-keywords.csv").adding("ads_keyword_days"),
                            sample("google-ads-search-terms", "google-ads-search-terms.csv").adding("ads_search_term_days"),
                            sample("ad-spend", "ad-spend.csv").adding("ads_spend_days"),
                            sample("ad-spend", "ad-spend-en.csv").adding("ads_spend_days")));
            System.out.println("hostile ads files: " + tally);
        }
    }

    /** Counts the rows of the three report tables where {@code condition} holds. */
    private static String each(String condition) {
        return "SELECT (SELECT COUNT(*) FROM ads_keyword_days WHERE " + condition + ") + (SELECT COUNT(*) FROM ads_search_term_days WHERE "
                + condition + ") + (SELECT COUNT(*) FROM ads_spend_days WHERE " + condition + ")";
    }
}
