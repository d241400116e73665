package com.shopops.plugins.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.ImportSummary;
import com.shopops.platform.imports.ImportSummary.RowError;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.content.imports.PostEngagement;
import com.shopops.plugins.content.ContentStore.Draft;
import com.shopops.plugins.content.analysis.PostKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engagement format through the host's import engine into a real database with the content
 * migrations: detected by its header, bad cells rejected with line and column, a post of another shop
 * refused, figures stored and replaced by a second import of the same day.
 */
class PostEngagementTest {

    @TempDir
    Path dir;

    /** Two days of {@code post}'s figures and a bad cell of each kind (also the sample ContentHostileFilesTest spoils). */
    static String engagement(long post) {
        return """
                日期,内容ID,渠道,阅读,点赞,评论,点击
                2024-05-01,%1$d,weibo,1200,30,4,60
                2024-05-02,%1$d,weibo,300,5,0,9
                2024-05-03,abc,weibo,1,1,1,1
                2024-05-03,%1$d,,1,1,1,1
                2024-05-03,%1$d,weibo,-5,1,1,1
                """.formatted(post);
    }

    private static ImportSummary run(Fresh f, Shop shop, Path file) throws Exception {
        ImportRunner runner = new ImportRunner(f.database().jdbi(), new ImportFormats(List.of(new PostEngagement()), List::of),
                new EventBus());
        return runner.run(new ImportRunner.Request(shop, "content", null, file, file.getFileName().toString(), Map.of(), false),
                ImportRunner.Progress.NONE);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void engagementPerPostChannelAndDay(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "content")) {
            ShopStore shops = new ShopStore(f.database().jdbi(), Clock.systemUTC());
            Shop shop = shops.create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            ContentStore store = new ContentStore(f.database().jdbi());
            Instant at = Instant.parse("2024-05-01T02:00:00Z");
            long post = store.create(shop.id(), new Draft("t", "b", PostKind.STORY, at, null, List.of(), List.of()), "li", at);
            Path file = dir.resolve("engagement.csv");
            Files.writeString(file, engagement(post), StandardCharsets.UTF_8);
            ImportSummary s = run(f, shop, file);
            assertEquals("post-engagement", s.format());
            assertEquals(List.of(5L, 2L, 3L), List.of(s.read(), s.imported(), s.rejected()), s.toString());
            assertEquals(List.of(4L, 5L, 6L), s.errors().stream().map(RowError::line).toList());
            assertEquals(List.of("内容ID", "渠道", "阅读"), s.errors().stream().map(RowError::column).toList());
            // views 1,200 + 300, likes 35, comments 4, clicks 69, for the post planned on 1 May
            assertEquals(List.of(post, 1_500L, 35L, 4L, 69L), boxed(store.engagement(shop.id(), at.minusSeconds(3600), at.plusSeconds(3600)).get(0)));

            // The same day again replaces its figures.
            Files.writeString(file, "日期,内容ID,渠道,阅读,点赞,评论,点击\n2024-05-02,%d,weibo,400,5,0,10\n".formatted(post), StandardCharsets.UTF_8);
            run(f, shop, file);
            assertEquals(1_600L, store.engagement(shop.id(), at.minusSeconds(3600), at.plusSeconds(3600)).get(0)[1]);

            // Days that would sort before 2024 as text, or that no request can ask for (ContentHostileFilesTest found them stored).
            Path odd = dir.resolve("odd-days.csv");
            Files.writeString(odd, "日期,内容ID,渠道,阅读,点赞,评论,点击\n+99999-01-01,%1$d,weibo,1,1,1,1\n1999-12-31,%1$d,weibo,1,1,1,1\n"
                    .formatted(post), StandardCharsets.UTF_8);
            ImportSummary days = run(f, shop, odd);
            assertEquals(List.of(2L, 0L, 2L), List.of(days.read(), days.imported(), days.rejected()), days.toString());
            assertTrue(days.errors().get(0).reason().contains("+99999-01-01 is not a day from 2000 to 2100"), days.toString());

            // Another shop cannot write figures onto this shop's post.
            Shop other = shops.create(new ShopStore.NewShop("jd", "JD", "jd", "CNY", "Asia/Shanghai"));
            ImportSummary refused = run(f, other, file);
            assertEquals(0, refused.imported(), refused.toString());
            assertTrue(refused.toString().contains("not a post of this shop"), refused.toString());
        }
    }

    private static List<Long> boxed(long[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
