package com.shopops.plugins.ads.imports;

import static com.shopops.platform.testing.ImportChecks.counts;
import static com.shopops.platform.testing.ImportChecks.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ImportRefused;
import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.ImportSummary;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.ads.AdsStore;
import com.shopops.plugins.ads.AdsStore.DaySpend;
import com.shopops.plugins.ads.AdsStore.OtherSpend;
import com.shopops.plugins.ads.analysis.SearchTermStats;
import com.shopops.plugins.ads.SpendDay;
import com.shopops.plugins.ads.analysis.KeywordStats;
import java.nio.charset.Charset;
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
 * The ads formats on small hand-made files (src/test/resources/imports), imported through the host's
 * import engine into a real database with the ads migrations applied: the format each file is
 * detected as, the rows rejected with their line, column and reason, the figures stored (checked by
 * hand, through {@link AdsStore}), and that importing again changes nothing.
 */
class AdsImportTest {

    private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
    private static final LocalDate MAY_2 = LocalDate.of(2024, 5, 2);

    @TempDir
    Path dir;

    private static ImportRunner runner(Fresh f) {
        return new ImportRunner(f.database().jdbi(), new ImportFormats(List.of(new TaobaoKeywords(), new TaobaoSearchTerms(),
                new GoogleAdsKeywords(), new GoogleAdsSearchTerms(), new AdSpendDays()), List::of), new EventBus());
    }

    private static Shop shop(Fresh f) {
        return new ShopStore(f.database().jdbi(), Clock.systemUTC())
                .create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
    }

    private static Path resource(String name) throws Exception {
        return Path.of(AdsImportTest.class.getResource("/imports/" + name).toURI());
    }

    private static ImportSummary run(Fresh f, Shop shop, Path file, String format) throws Exception {
        return runner(f).run(new ImportRunner.Request(shop, "ads", format, file, file.getFileName().toString(), Map.of(), false),
                ImportRunner.Progress.NONE);
    }

    private static ImportSummary run(Fresh f, Shop shop, String resource) throws Exception {
        return run(f, shop, resource(resource), null);
    }

    private static KeywordStats kw(String campaign, String adGroup, String product, String keyword, long impressions,
                                   long clicks, long cost, long orders, long gmv, Double rank, Integer quality, Long bid) {
        return new KeywordStats(campaign, adGroup, product, keyword, MAY_1, MAY_2, impressions, clicks, cost, orders, gmv, rank,
                quality, bid);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void taobaoKeywordReport(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            Shop shop = shop(f);
            ImportSummary s = run(f, shop, "taobao-keywords.csv");

            assertEquals("taobao-keywords", s.format());
            counts(s, 13, 5, 0, 0, 1, 7);
            errors(s, 8, "日期", "not a date",
                    9, "点击量", "200 is more than 展现量 100",
                    10, "展现量", "-5 is negative",
                    11, "花费", "more decimals",
                    12, "花费", "not an amount",
                    13, "质量分", "11 is not a quality score",
                    14, "关键词", "关键词 is empty");

            List<KeywordStats> stats = new AdsStore(f.database().jdbi()).keywords(shop.id(), MAY_1, MAY_2);
            assertEquals(rounded(List.of(
                    kw("日常推广", "不粘炒锅", "HK-002", "不粘锅", 500, 10, 3000, 0, 0, null, null, null),
                    // rank (6.2 × 800 + 5.8 × 600) / 1400; quality score and bid of 2 May, the latest day
                    kw("日常推广", "硅胶厨具套装", "HK-001", "厨具套装", 1400, 14, 2134, 1, 8900, 8440.0 / 1400, 8, 120L),
                    // 总成交笔数/金额 (4, 3 and 356.00, 267.00), not the direct ones
                    kw("日常推广", "硅胶厨具套装", "HK-001", "硅胶锅铲", 2200, 66, 5280, 7, 62300, 8300.0 / 2200, 9, 85L))),
                    rounded(stats));

            ImportSummary again = run(f, shop, "taobao-keywords.csv");
            counts(again, 13, 0, 0, 5, 1, 7);
            assertEquals(5L, rows(f, "ads_keyword_days"));
        }
    }

    /** Average ranks compared to 9 decimals: SUM(x·w)/SUM(w) need not be bit-equal to the Java division. */
    private static List<KeywordStats> rounded(List<KeywordStats> stats) {
        return stats.stream().map(k -> new KeywordStats(k.campaign(), k.adGroup(), k.product(), k.keyword(), k.from(), k.to(),
                k.impressions(), k.clicks(), k.cost(), k.orders(), k.gmv(),
                k.avgRank() == null ? null : Math.round(k.avgRank() * 1e9) / 1e9, k.qualityScore(), k.bid())).toList();
    }

    private static long rows(Fresh f, String table) {
        return f.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChangedRowIsUpdatedAndTheRestLeftAlone(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            Shop shop = shop(f);
            String header = "日期,推广计划名称,推广单元名称,关键词,展现量,点击量,花费,总成交笔数,总成交金额,质量分\n";
            Path first = dir.resolve("first.csv");
            Files.writeString(first, header + "2024-05-01,计划,单元,锅,100,5,4.00,1,89.00,7\n2024-05-01,计划,单元,铲,50,2,1.00,0,0,6\n");
            counts(run(f, shop, first, null), 2, 2, 0, 0, 0, 0);

            Path second = dir.resolve("second.csv");
            Files.writeString(second, header + "2024-05-01,计划,单元,锅,100,5,4.00,1,89.00,5\n2024-05-01,计划,单元,铲,50,2,1.00,0,0,6\n");
            counts(run(f, shop, second, null), 2, 0, 1, 1, 0, 0);

            KeywordStats pot = new AdsStore(f.database().jdbi()).keywords(shop.id(), MAY_1, MAY_1).stream()
                    .filter(k -> k.keyword().equals("锅")).findFirst().orElseThrow();
            assertEquals(5, pot.qualityScore());
            assertEquals("", pot.product(), "no product column: stored as ''");
            assertEquals(2L, rows(f, "ads_keyword_days"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void taobaoReportInGbkWithTabsAndDirectAndIndirectOrders(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            Shop shop = shop(f);
            Path file = dir.resolve("直通车关键词报表.csv");
            Files.writeString(file, """
                    日期\t推广计划名称\t宝贝名称\t宝贝ID\t关键词\t展现量\t点击量\t花费\t直接成交笔数\t间接成交笔数\t直接成交金额\t间接成交金额\t平均排名\t质量得分\t关键词出价
                    20240501\t新品\t珐琅锅 22cm\t6123456789\t珐琅锅\t2,000\t40\t1,234.50\t2\t1\t798.00\t399.00\t2\t10\t3.50
                    """, Charset.forName("GBK"));
            ImportSummary s = run(f, shop, file, null);
            counts(s, 1, 1, 0, 0, 0, 0);
            assertTrue(s.source().contains("GBK"), s.source());
            assertEquals(List.of(new KeywordStats("新品", "珐琅锅 22cm", "6123456789", "珐琅锅", MAY_1, MAY_1, 2000, 40, 123450, 3,
                            119700, 2.0, 10, 350L)),
                    new AdsStore(f.database().jdbi()).keywords(shop.id(), MAY_1, MAY_1));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void googleAdsKeywordReportAfterItsTitleLines(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            Shop shop = shop(f);
            ImportSummary s = run(f, shop, "google-ads-keywords.csv");

            assertEquals("google-ads-keywords", s.format());
            counts(s, 7, 3, 0, 0, 1, 3);
            errors(s, 7, "Currency code", "USD is not the shop's currency CNY",
                    8, "Clicks", "20 is more than Impr. 10",
                    9, "Cost", "-3.00 is negative");
            List<KeywordStats> stats = new AdsStore(f.database().jdbi()).keywords(shop.id(), MAY_1, MAY_2);
            assertEquals(rounded(List.of(
                    // [exact] and broad are two keywords, as Google writes them
                    kw("Kitchen - Search", "Knives", "", "[chef knife]", 1900, 95, 7600, 3, 38700, 3780.0 / 1900, 6, 100L),
                    // 1.5 conversions round half up to 2 orders
                    kw("Kitchen - Search", "Knives", "", "chef knife", 2000, 40, 6000, 2, 19350, null, null, 120L))),
                    rounded(stats));

            counts(run(f, shop, "google-ads-keywords.csv"), 7, 0, 0, 3, 1, 3);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void searchTermReportsOfBothLayouts(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            Shop shop = shop(f);
            run(f, shop, "taobao-keywords.csv");
            run(f, shop, "google-ads-keywords.csv");

            ImportSummary taobao = run(f, shop, "taobao-search-terms.csv");
            assertEquals("taobao-search-terms", taobao.format());
            counts(taobao, 5, 3, 0, 0, 0, 2);
            errors(taobao, 5, "搜索词", "搜索词 is empty", 6, "点击量", "-1 is negative");

            ImportSummary google = run(f, shop, "google-ads-search-terms.csv");
            assertEquals("google-ads-search-terms", google.format());
            counts(google, 5, 3, 0, 0, 1, 1);
            errors(google, 7, "Day", "'yesterday' is not a date");

            List<SearchTermStats> terms = new AdsStore(f.database().jdbi()).searchTerms(shop.id(), MAY_1, MAY_2);
            assertEquals(List.of(
                    new SearchTermStats("日常推广", "硅胶厨具套装", "", "硅胶锅铲", "硅胶锅铲 耐高温", 500, 22, 1760, 3, 26700),
                    new SearchTermStats("日常推广", "硅胶厨具套装", "", "硅胶锅铲", "硅胶锅铲", 900, 24, 1920, 2, 17800),
                    new SearchTermStats("Kitchen - Search", "Knives", "", "[chef knife]", "chef knife", 500, 30, 2400, 1, 12900),
                    new SearchTermStats("Kitchen - Search", "Knives", "", "chef knife", "chef knife set", 120, 6, 480, 1, 12900),
                    // a search term that starts with "total" is data, not a total line
                    new SearchTermStats("Kitchen - Search", "Knives", "", "chef knife", "total chef knife", 10, 0, 0, 0, 0)),
                    terms);

            counts(run(f, shop, "taobao-search-terms.csv"), 5, 0, 0, 3, 0, 2);
            counts(run(f, shop, "google-ads-search-terms.csv"), 5, 0, 0, 3, 1, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void displayAndAffiliateSpendWithChineseAndEnglishHeaders(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            Shop shop = shop(f);
            ImportSummary zh = run(f, shop, "ad-spend.csv");
            assertEquals("ad-spend", zh.format());
            counts(zh, 6, 3, 0, 0, 0, 3);
            errors(zh, 5, "类型", "'电视广告' is neither display",
                    6, "点击量", "200 is more than 展现量 100",
                    7, "花费", "-5.00 is negative");
            ImportSummary en = run(f, shop, "ad-spend-en.csv");
            assertEquals("ad-spend", en.format());
            counts(en, 2, 2, 0, 0, 0, 0);
            run(f, shop, "taobao-keywords.csv");

            AdsStore store = new AdsStore(f.database().jdbi());
            assertEquals(List.of(
                    new OtherSpend(MAY_1, SpendDay.Kind.AFFILIATE, 0, 80, 21360, 4, 106800),
                    new OtherSpend(MAY_1, SpendDay.Kind.DISPLAY, 40000, 480, 100000, 12, 106800),
                    new OtherSpend(MAY_2, SpendDay.Kind.AFFILIATE, 0, 50, 12050, 2, 60250),
                    // 首页焦点图 and the English file's CPM banner
                    new OtherSpend(MAY_2, SpendDay.Kind.DISPLAY, 40000, 390, 100000, 7, 62300)),
                    store.otherSpend(shop.id(), MAY_1, MAY_2));
            // keywords: 28.80 + 12.34 + 30.00 on 1 May, 24.00 + 9.00 on 2 May
            assertEquals(List.of(new DaySpend(MAY_1, 7114, 100000, 21360), new DaySpend(MAY_2, 3300, 100000, 12050)),
                    store.spendPerDay(shop.id(), MAY_1, MAY_2));
            assertEquals(7114 + 100000 + 21360, store.spendPerDay(shop.id(), MAY_1, MAY_1).get(0).total());

            counts(run(f, shop, "ad-spend.csv"), 6, 0, 0, 3, 0, 3);
        }
    }

    /** What the hostile files found (AdsHostileFilesTest): each was stored, or made the format throw. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void figuresAndDaysOutOfRangeAreRejectedWithTheirColumn(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            Shop shop = shop(f);
            Path taobao = dir.resolve("taobao.csv");
            Files.writeString(taobao, """
                    日期,推广计划名称,推广单元名称,关键词,展现量,点击量,花费,直接成交笔数,间接成交笔数,直接成交金额,间接成交金额,平均排名
                    +99999-01-01,计划,单元,锅,100,5,4.00,1,0,1.00,0,2
                    1999-12-31,计划,单元,锅,100,5,4.00,1,0,1.00,0,2
                    2024-05-01,计划,单元,铲,100,5,4.00,1,0,1.00,0,1e309
                    2024-05-01,计划,单元,勺,100,5,4.00,1,0,92233720368547758.07,0.01,2
                    2024-05-01,计划,单元,碗,100,5,4.00,9223372036854775807,1,1.00,0,2
                    2024-05-01,计划,单元,盆,100,5,4.00,1,1,1.00,1.00,2
                    """);
            ImportSummary s = run(f, shop, taobao, null);
            counts(s, 6, 1, 0, 0, 0, 5);
            errors(s, 2, "日期", "+99999-01-01 is not a day from 2000 to 2100",
                    3, "日期", "1999-12-31 is not a day from 2000 to 2100",
                    4, "平均排名", "1e309 is too large a number",
                    5, "直接成交金额", "add up to more than",
                    6, "直接成交笔数", "add up to more than");

            Path google = dir.resolve("google.csv");
            Files.writeString(google, """
                    Day,Campaign,Ad group,Keyword,Impr.,Clicks,Cost,Conversions,Conv. value
                    2024-05-01,C,G,a,10,1,1.00,99999999999999999999999,1.00
                    2024-05-01,C,G,b,10,1,1.00,1e309,1.00
                    2024-05-01,C,G,c,10,1,1.00,1.5,1.00
                    """);
            ImportSummary g = run(f, shop, google, null);
            counts(g, 3, 1, 0, 0, 0, 2);
            errors(g, 2, "Conversions", "is too large a count", 3, "Conversions", "1e309 is too large a number");
            assertEquals(2L, rows(f, "ads_keyword_days"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFileOfAnotherLayoutIsRefusedWhenTheFormatIsNamed(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            Shop shop = shop(f);
            ImportRefused refused = assertThrows(ImportRefused.class,
                    () -> run(f, shop, resource("taobao-keywords.csv"), "google-ads-keywords"));
            assertTrue(refused.getMessage().contains("Google Ads keyword report"), refused.getMessage());
            assertEquals(0L, rows(f, "ads_keyword_days"));
        }
    }
}
