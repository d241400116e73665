package com.shopops.plugins.content;

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
import com.shopops.plugins.content.ContentStore.Draft;
import com.shopops.plugins.content.analysis.PostKind;
import com.shopops.plugins.content.imports.PostEngagement;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken engagement files, spoiled from {@link PostEngagementTest}'s sample (the spoilers and
 * the checks are {@link HostileFiles}'), imported through the host's import engine into an SQLite file
 * with the content migrations: refused with a reason or every row accounted for, never a crash, a hang or
 * a half-written batch, no figures on another shop's post, and the same file imported again changing
 * nothing.
 */
class ContentHostileFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSpoiledEngagementFileIsRefusedOrHasEveryRowAccountedForAndNeverWritesHalf() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "content")) {
            Jdbi jdbi = f.database().jdbi();
            ShopStore shops = new ShopStore(jdbi, Clock.systemUTC());
            Shop shop = shops.create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            Shop other = shops.create(new ShopStore.NewShop("jd", "JD", "jd", "CNY", "Asia/Shanghai"));
            ContentStore store = new ContentStore(jdbi);
            Instant at = Instant.parse("2024-05-01T02:00:00Z");
            // Another shop's posts around this shop's one, so that a spoiled id can name one of them.
            store.create(other.id(), new Draft("t", "b", PostKind.STORY, at, null, List.of(), List.of()), "li", at);
            long post = store.create(shop.id(), new Draft("t", "b", PostKind.STORY, at, null, List.of(), List.of()), "li", at);
            store.create(other.id(), new Draft("t", "b", PostKind.STORY, at, null, List.of(), List.of()), "li", at);
            // Batches of 4 rows: a batch that cannot be written comes after batches that were.
            ImportRunner runner = new ImportRunner(jdbi, new ImportFormats(List.of(new PostEngagement()), List::of), new EventBus(), 4);
            HostileFiles.Tally tally = new HostileFiles(jdbi, runner, shop, dir)
                    .watching("content_engagement", "content_posts")
                    .keeping("figures only on the shop's own posts", """
                            SELECT COUNT(*) FROM content_engagement e JOIN content_posts p ON p.id = e.post_id WHERE p.shop_id <> e.shop_id""")
                    .keeping("no figure is negative", """
                            SELECT COUNT(*) FROM content_engagement WHERE views < 0 OR likes < 0 OR comments < 0 OR clicks < 0""")
                    .keeping("a channel is given", "SELECT COUNT(*) FROM content_engagement WHERE TRIM(channel) IN ('', '-', '--', '—')")
                    // text compared as text orders by day only in this shape
                    .keeping("a day is YYYY-MM-DD", """
                            SELECT COUNT(*) FROM content_engagement WHERE day NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'""")
                    // documented: a post of another shop (or none) rejects its batch, naming the post
                    .allowingWriteRefusal("is not a post of this shop")
                    .importingTwice()
                    .rounds(20) // about as many files as the other plugins' samples get
                    // imported counts every row written, replaced ones too
                    .run(List.of(new Sample("content", "post-engagement", PostEngagementTest.engagement(post))
                            .addingAtMost("content_engagement")));
            System.out.println("hostile engagement files: " + tally);
        }
    }
}
