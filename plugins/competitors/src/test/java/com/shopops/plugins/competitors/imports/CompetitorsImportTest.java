package com.shopops.plugins.competitors.imports;

import static com.shopops.platform.testing.ImportChecks.counts;
import static com.shopops.platform.testing.ImportChecks.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.ImportSummary;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.competitors.Peer;
import com.shopops.plugins.competitors.PeerStore;
import com.shopops.plugins.competitors.analysis.PeerListing;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The peer-snapshot format on small hand-made files (src/test/resources/imports, a GBK copy and an XLSX
 * written here), imported through the host's import engine into a real database with the competitors
 * migrations: the format each file is detected as, rows rejected with their line, column and reason, what is
 * stored (read back through {@link PeerStore}), peers added on first sight, and that importing again changes
 * nothing.
 */
class CompetitorsImportTest {

    static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

    @TempDir
    Path dir;

    private static ImportRunner runner(Fresh f) {
        return new ImportRunner(f.database().jdbi(), new ImportFormats(List.of(new PeerSnapshot()), List::of), new EventBus());
    }

    private static Shop shop(Fresh f) {
        return new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
    }

    private static ImportSummary run(Fresh f, Shop shop, Path file) throws Exception {
        return runner(f).run(new ImportRunner.Request(shop, "competitors", null, file, file.getFileName().toString(), Map.of(), false),
                ImportRunner.Progress.NONE);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(CompetitorsImportTest.class.getResource("/imports/" + name).toURI());
    }

    private static void sampleStored(Fresh f, Shop shop) {
        PeerStore store = new PeerStore(f.database().jdbi());
        List<Peer> peers = store.peers(shop.id());
        assertEquals(List.of("厨趣生活旗舰店", "好锅匠家居"), peers.stream().map(Peer::name).toList());
        assertEquals(List.of(Peer.Tier.LEVEL, Peer.Tier.LEVEL), peers.stream().map(Peer::tier).toList(), "added on first sight as level");
        long a = peers.get(0).id();
        long b = peers.get(1).id();
        assertEquals(List.of(
                new PeerListing(a, MAY_1, "A-1", "硅胶锅铲套装 耐高温 10件套", 9_900, 1_200, 4.8, 5_200L, LocalDate.of(2025, 3, 1),
                        "厨房用具/厨房小工具"),
                new PeerListing(a, MAY_1, "A-2", "麦饭石不粘锅 32cm", 23_900, 300, 4.7, null, null, "厨房用具/锅具"),
                new PeerListing(b, MAY_1, "B-1", "圣诞饼干模具 12件套", 3_900, 100, null, 0L, LocalDate.of(2026, 4, 20), "烘焙工具"),
                new PeerListing(b, MAY_1, "B-2", "珐琅锅 22cm", 129_900, 12_000, 4.9, 320L, null, null)),
                store.listings(shop.id(), null, MAY_1, MAY_1));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSnapshotWithChineseHeadersBadRowsAndAnImportAgainThatChangesNothing(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "competitors")) {
            Shop shop = shop(f);
            ImportSummary s = run(f, shop, resource("peer-snapshot.csv"));
            assertEquals("peer-snapshot", s.format());
            errors(s, 6, "评分", "5.5 is not a rating from 0 to 5",
                    7, "价格", "-1.00 is negative",
                    8, "店铺", "店铺 is empty",
                    9, "上架日期", "after the snapshot's day",
                    10, "日期", "not a date",
                    11, "月销量", "很多",
                    12, "商品ID", "商品ID is empty");
            counts(s, 11, 4, 0, 0, 0, 7);
            sampleStored(f, shop);
            counts(run(f, shop, resource("peer-snapshot.csv")), 11, 0, 0, 4, 0, 7);

            // a later export of the same day with a new price replaces the row; an English header reads the same
            Path english = dir.resolve("english.csv");
            Files.writeString(english, """
                    Date,Shop,Product ID,Title,Price,Monthly sales,Rating,Reviews,Listed,Category
                    2026-05-01,厨趣生活旗舰店,A-1,硅胶锅铲套装 耐高温 10件套,89.00,1200,4.8,5200,2025-03-01,厨房用具/厨房小工具
                    2026-05-02,新来的店,N-1,新品,10,0,,,,
                    """);
            ImportSummary e = run(f, shop, english);
            counts(e, 2, 1, 1, 0, 0, 0);
            PeerStore store = new PeerStore(f.database().jdbi());
            assertEquals(8_900, store.listings(shop.id(), null, MAY_1, MAY_1).get(0).price());
            assertEquals(3, store.peers(shop.id()).size(), "a third peer on first sight");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aGbkFileAndAnXlsxReadTheSame(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "competitors")) {
            Shop shop = shop(f);
            Path gbk = dir.resolve("gbk.csv");
            Files.write(gbk, Files.readString(resource("peer-snapshot.csv")).getBytes(Charset.forName("GBK")));
            ImportSummary s = run(f, shop, gbk);
            assertTrue(s.source().contains("GBK"), s.source());
            counts(s, 11, 4, 0, 0, 0, 7);
            sampleStored(f, shop);

            Path xlsx = dir.resolve("peers.xlsx");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                Workbook wb = new Workbook(out, "ShopOps test", "1.0");
                Worksheet ws = wb.newWorksheet("同行");
                Object[][] rows = {
                        {"日期", "店铺", "商品ID", "标题", "价格", "月销量", "评分", "评价数", "上架日期", "类目"},
                        {"2026-05-01", "厨趣生活旗舰店", "A-1", "硅胶锅铲套装 耐高温 10件套", 99, 1200, 4.8, 5200, "2025-03-01", "厨房用具/厨房小工具"},
                        {"2026-05-02", "厨趣生活旗舰店", "A-1", "硅胶锅铲套装 耐高温 10件套", 79.9, 1300, 4.8, 5260, "2025-03-01", "厨房用具/厨房小工具"},
                };
                for (int r = 0; r < rows.length; r++) {
                    for (int c = 0; c < rows[r].length; c++) {
                        Object v = rows[r][c];
                        if (v instanceof Number n) {
                            ws.value(r, c, n);
                        } else {
                            ws.value(r, c, (String) v);
                        }
                    }
                }
                wb.finish();
            }
            ImportSummary x = run(f, shop, xlsx);
            counts(x, 2, 1, 0, 1, 0, 0);
            List<PeerListing> a1 = new PeerStore(f.database().jdbi()).history(shop.id(),
                    new PeerStore(f.database().jdbi()).peers(shop.id()).get(0).id(), "A-1", MAY_1, MAY_1.plusDays(1));
            assertEquals(List.of(9_900L, 7_990L), a1.stream().map(PeerListing::price).toList());
            counts(run(f, shop, xlsx), 2, 0, 0, 2, 0, 0);
        }
    }

    /** Days are stored as text: a day outside 2000 to 2100 would sort wrongly, so it is rejected with its column. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void daysOutsideTheYearsShopOpsShowsAreRejected(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "competitors")) {
            Shop shop = shop(f);
            Path file = dir.resolve("years.csv");
            Files.writeString(file, """
                    日期,店铺,商品ID,标题,价格,月销量,上架日期
                    1999-12-31,甲,1,t,1,1,
                    2026-05-01,甲,2,t,1,1,0001-01-01
                    """);
            ImportSummary s = run(f, shop, file);
            errors(s, 2, "日期", "1999-12-31 is not a day from 2000 to 2100", 3, "上架日期", "0001-01-01 is not a day from 2000 to 2100");
            counts(s, 2, 0, 0, 0, 0, 2);
            assertEquals(List.of(), new PeerStore(f.database().jdbi()).peers(shop.id()), "no peer from rejected rows");
        }
    }
}
