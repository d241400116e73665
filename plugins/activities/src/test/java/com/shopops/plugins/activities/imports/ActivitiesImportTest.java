package com.shopops.plugins.activities.imports;

import static com.shopops.platform.testing.ImportChecks.counts;
import static com.shopops.platform.testing.ImportChecks.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.ImportSummary;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.activities.CampaignResult;
import com.shopops.plugins.activities.CampaignStore;
import com.shopops.plugins.activities.StoredCampaign;
import com.shopops.plugins.activities.analysis.Campaign;
import com.shopops.plugins.activities.analysis.CampaignProduct;
import com.shopops.plugins.activities.analysis.CampaignStatus;
import java.io.OutputStream;
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
 * The activities formats on small hand-made files (src/test/resources/imports, and an XLSX written
 * here), imported through the host's import engine into a real database with the activities migrations:
 * the format each file is detected as, rows rejected with their line, column and reason (a campaign's
 * other rows with them), what is stored (read back through {@link CampaignStore}), and that importing
 * again changes nothing.
 */
class ActivitiesImportTest {

    private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

    @TempDir
    Path dir;

    private static ImportRunner runner(Fresh f) {
        return new ImportRunner(f.database().jdbi(), new ImportFormats(List.of(new CampaignList(), new CampaignResults()), List::of),
                new EventBus());
    }

    private static Shop shop(Fresh f) {
        return new ShopStore(f.database().jdbi(), Clock.systemUTC())
                .create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
    }

    private static ImportSummary run(Fresh f, Shop shop, Path file) throws Exception {
        return runner(f).run(new ImportRunner.Request(shop, "activities", null, file, file.getFileName().toString(), Map.of(), false),
                ImportRunner.Progress.NONE);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ActivitiesImportTest.class.getResource("/imports/" + name).toURI());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCampaignListWithChineseHeaders(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "activities")) {
            Shop shop = shop(f);
            ImportSummary s = run(f, shop, resource("campaign-list.csv"));
            assertEquals("campaign-list", s.format());
            errors(s, 5, "报名截止", "registrationDeadline 2024-05-20 is after liveFrom 2024-05-15",
                    6, "类型", "'合作' is neither",
                    8, "分配库存", "分配库存 is empty",
                    7, "", "line 8 of the same",
                    9, "结束", "not a date",
                    10, "活动价", "-5.00 is negative");
            counts(s, 10, 3, 0, 0, 1, 6);

            CampaignStore store = new CampaignStore(f.database().jdbi());
            List<StoredCampaign> all = store.list(shop.id(), CampaignStore.Filter.ALL);
            assertEquals(2, all.size(), all.toString());
            Campaign j = all.get(0).campaign();
            assertEquals(new Campaign(j.id(), "聚划算 五一", Campaign.Kind.PLATFORM, "聚划算", LocalDate.of(2024, 4, 20),
                    LocalDate.of(2024, 4, 25), MAY_1, LocalDate.of(2024, 5, 3), 1_000_000L, 300L, CampaignStatus.PLANNED, null,
                    List.of(new CampaignProduct("HK-001", 200, 7_500L), new CampaignProduct("HK-002", 100, 19_900L))), j);
            Campaign own = all.get(1).campaign();
            assertEquals(List.of(Campaign.Kind.OWN, LocalDate.of(2024, 5, 10), 50L), List.of(own.kind(), own.liveFrom(), own.goalUnits()));
            assertNull(own.goalGmv(), "'-' is no goal");
            assertEquals(List.of(new CampaignProduct("HK-003", 30, 16_900L)), own.products());
            assertEquals(CampaignStore.IMPORT, all.get(0).createdBy());
            assertEquals(1, store.history(shop.id(), j.id()).size(), "created planned, by the import");

            // moved along meanwhile: importing again keeps the status and changes nothing
            store.move(shop.id(), j.id(), CampaignStatus.REGISTERED, null, "li", java.time.Instant.now());
            counts(run(f, shop, resource("campaign-list.csv")), 10, 0, 0, 3, 1, 6);
            assertEquals(CampaignStatus.REGISTERED, store.get(shop.id(), j.id()).orElseThrow().campaign().status());

            Path changed = dir.resolve("changed.csv");
            Files.writeString(changed, """
                    活动名称,类型,渠道,报名截止,审核日,开始,结束,目标金额,目标件数,商品编码,分配库存,活动价
                    聚划算 五一,平台,聚划算,2024-04-20,2024-04-25,2024-05-01,2024-05-04,"10,000.00",300,HK-001,200,75.00
                    聚划算 五一,平台,聚划算,2024-04-20,2024-04-25,2024-05-01,2024-05-04,"10,000.00",300,HK-002,120,199.00
                    聚划算 五一,平台,聚划算,2024-04-20,2024-04-25,2024-05-01,2024-05-04,"10,000.00",300,HK-004,50,
                    """);
            counts(run(f, shop, changed), 3, 1, 2, 0, 0, 0);
            Campaign after = store.get(shop.id(), j.id()).orElseThrow().campaign();
            assertEquals(LocalDate.of(2024, 5, 4), after.liveTo());
            assertEquals(List.of(new CampaignProduct("HK-001", 200, 7_500L), new CampaignProduct("HK-002", 120, 19_900L),
                    new CampaignProduct("HK-004", 50, null)), after.products());
            assertEquals(CampaignStatus.REGISTERED, after.status());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCampaignListInXlsxWithEnglishHeaders(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "activities")) {
            Shop shop = shop(f);
            Path xlsx = dir.resolve("campaigns.xlsx");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                Workbook wb = new Workbook(out, "ShopOps test", "1.0");
                Worksheet ws = wb.newWorksheet("Campaigns");
                Object[][] rows = {
                        {"Name", "Kind", "Channel", "Registration deadline", "Review", "Live from", "Live to", "Goal GMV", "Goal units",
                                "SKU", "Allocated", "Price"},
                        {"Deal site June", "platform", "什么值得买", "2024-05-25", null, "2024-06-01", "2024-06-07", 5000.5, 100, "HK-001",
                                80, 79.9},
                        {"Deal site June", "platform", "什么值得买", "2024-05-25", null, "2024-06-01", "2024-06-07", 5000.5, 100, "HK-002",
                                20, null},
                };
                for (int r = 0; r < rows.length; r++) {
                    for (int c = 0; c < rows[r].length; c++) {
                        Object v = rows[r][c];
                        if (v instanceof Number n) {
                            ws.value(r, c, n);
                        } else if (v != null) {
                            ws.value(r, c, (String) v);
                        }
                    }
                }
                wb.finish();
            }
            ImportSummary s = run(f, shop, xlsx);
            assertEquals("campaign-list", s.format());
            counts(s, 2, 2, 0, 0, 0, 0);
            Campaign c = new CampaignStore(f.database().jdbi()).list(shop.id(), CampaignStore.Filter.ALL).get(0).campaign();
            assertEquals(List.of("Deal site June", Campaign.Kind.PLATFORM, "什么值得买", 500_050L, 100L), List.of(c.name(), c.kind(),
                    c.channel(), c.goalGmv(), c.goalUnits()));
            assertEquals(List.of(new CampaignProduct("HK-001", 80, 7_990L), new CampaignProduct("HK-002", 20, null)), c.products());
            counts(run(f, shop, xlsx), 2, 0, 0, 2, 0, 0);
        }
    }

    /** What the hostile files found (ActivitiesHostileFilesTest): such days were stored, as text that sorts before 2024. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void daysOutsideTheYearsShopOpsShowsAreRejectedWithTheirColumn(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "activities")) {
            Shop shop = shop(f);
            Path results = dir.resolve("results.csv");
            Files.writeString(results, """
                    日期,活动名称,访客数,曝光量,点击量,成交笔数,成交金额
                    +99999-01-01,聚划算 五一,100,1000,50,2,160.50
                    1999-12-31,聚划算 五一,100,1000,50,2,160.50
                    2024-05-01,聚划算 五一,100,1000,50,2,160.50
                    """);
            ImportSummary r = run(f, shop, results);
            errors(r, 2, "日期", "+99999-01-01 is not a day from 2000 to 2100", 3, "日期", "1999-12-31 is not a day from 2000 to 2100");
            counts(r, 3, 1, 0, 0, 0, 2);

            Path list = dir.resolve("list.csv");
            Files.writeString(list, """
                    活动名称,类型,渠道,报名截止,审核日,开始,结束,目标金额,目标件数,商品编码,分配库存,活动价
                    早,平台,聚划算,0001-01-01,,2024-05-01,2024-05-03,,,HK-001,10,1.00
                    晚,平台,聚划算,,,2101-01-01,2101-01-03,,,HK-001,10,1.00
                    """);
            ImportSummary l = run(f, shop, list);
            errors(l, 2, "报名截止", "0001-01-01 is not a day from 2000 to 2100", 3, "开始", "2101-01-01 is not a day from 2000 to 2100");
            counts(l, 2, 0, 0, 0, 0, 2);
            assertEquals(List.of(), new CampaignStore(f.database().jdbi()).list(shop.id(), CampaignStore.Filter.ALL));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void campaignResultsPerDay(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "activities")) {
            Shop shop = shop(f);
            ImportSummary s = run(f, shop, resource("campaign-results.csv"));
            assertEquals("campaign-results", s.format());
            errors(s, 4, "点击量", "200 is more than 曝光量 100",
                    5, "访客数", "-5 is negative",
                    7, "日期", "not a date",
                    8, "活动名称", "活动名称 is empty",
                    9, "成交金额", "more decimals");
            counts(s, 9, 3, 0, 0, 1, 5);
            CampaignStore store = new CampaignStore(f.database().jdbi());
            assertEquals(List.of(
                    new CampaignResult("聚划算 五一", MAY_1, 1_200, 30_000, 1_500, 48, 384_000),
                    new CampaignResult("聚划算 五一", LocalDate.of(2024, 5, 2), 900, 0, 0, 30, 240_000),
                    new CampaignResult("聚划算 五一", LocalDate.of(2024, 5, 3), 100, 1_000, 50, 2, 16_050)),
                    store.results(shop.id(), "聚划算 五一", null, null));
            counts(run(f, shop, resource("campaign-results.csv")), 9, 0, 0, 3, 1, 5);

            Path again = dir.resolve("again.csv");
            Files.writeString(again, "Date,Campaign,UV,Impressions,Clicks,Orders,GMV\n2024-05-01,聚划算 五一,1300,30000,1500,50,4000\n");
            ImportSummary english = run(f, shop, again);
            counts(english, 1, 0, 1, 0, 0, 0);
            assertEquals(new CampaignResult("聚划算 五一", MAY_1, 1_300, 30_000, 1_500, 50, 400_000),
                    store.results(shop.id(), "聚划算 五一", MAY_1, MAY_1).get(0));
        }
    }
}
