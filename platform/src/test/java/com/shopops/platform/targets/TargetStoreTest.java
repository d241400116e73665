package com.shopops.platform.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.DayTarget;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.data.ShopDataStore;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.ImportSummary;
import com.shopops.platform.imports.formats.CoreFormats;
import com.shopops.platform.targets.TargetPlan.Baselines;
import com.shopops.platform.targets.TargetPlan.Basis;
import com.shopops.platform.targets.TargetPlan.MonthTarget;
import com.shopops.platform.targets.TargetPlan.YearTargets;
import com.shopops.platform.targets.TargetStore.HistoryBaselines;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Target breakdowns stored in and read from the core {@code targets} table, on a real SQLite file and PostgreSQL. */
class TargetStoreTest {

    private static final long T = 1_000_000_007L;

    @TempDir
    Path dir;

    private static Shop shop(Fresh f, String code, String currency, String zone) {
        return new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new ShopStore.NewShop(code, null, "tmall", currency, zone));
    }

    private static void write(Fresh f, Shop shop, Consumer<CoreTableWriter> writing) {
        f.database().jdbi().useTransaction(h -> writing.accept(new CoreTableWriter(h, shop)));
    }

    private static OrderRow order(String id, String at, Order.Status status, long amount) {
        Instant when = Instant.parse(at);
        return new OrderRow(id, "c-" + id, when, when, status, null, "search", "SKU", "a cup", 1, amount, amount, 0, null);
    }

    /** Orders on 5 March (10,000 + 20,000) and 1 June 2024 (30,000, and a cancelled 99,999); traffic on 30–31 May. */
    private static void history(Fresh f, Shop shop) {
        write(f, shop, w -> {
            w.orders(List.of(order("A1", "2024-03-05T02:00:00Z", Order.Status.PAID, 10_000),
                    order("A2", "2024-03-05T03:00:00Z", Order.Status.PAID, 20_000),
                    order("A3", "2024-06-01T04:00:00Z", Order.Status.PAID, 30_000),
                    order("A4", "2024-06-01T05:00:00Z", Order.Status.CANCELLED, 99_999)));
            w.traffic(List.of(new TrafficDay(0, LocalDate.of(2024, 5, 30), "all", 1_000, 3_000, null, null, 20, 0),
                    new TrafficDay(0, LocalDate.of(2024, 5, 31), "all", 1_000, 3_000, null, null, 40, 0),
                    new TrafficDay(0, LocalDate.of(2024, 5, 31), "search", 900, 2_000, null, null, 39, 0)));
        });
    }

    private static long rows(Fresh f, long shopId) {
        return f.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM targets WHERE shop_id = :s")
                .bind("s", shopId).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aYearIsStoredReadBackExactlyAndReplacedInOneGo(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f, "flagship", "CNY", "Asia/Shanghai");
            Shop other = shop(f, "other", "CNY", "Asia/Shanghai");
            history(f, shop);
            write(f, shop, w -> w.targets(List.of(new Target(0, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30), "sales", 5),
                    new Target(0, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "sales", 777))));
            write(f, other, w -> w.targets(List.of(new Target(0, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), "sales", 9))));
            TargetStore store = new TargetStore(f.database().jdbi());

            // Baselines: AOV (10,000 + 20,000 + 30,000) / 3 orders (the cancelled one left out); conversion 60 / 2,000
            // visitors of source "all".
            HistoryBaselines fromHistory = store.baselines(shop.id());
            assertEquals(20_000L, fromHistory.aov());
            assertEquals(0.03, fromHistory.conversionRate());
            assertEquals(LocalDate.of(2024, 6, 1), fromHistory.ordersTo());
            assertEquals(LocalDate.of(2024, 3, 4), fromHistory.ordersFrom());
            // Last year's curve: known from the first to the last order.
            var lastYear = store.lastYear(shop.id(), 2025);
            assertEquals(LocalDate.of(2024, 3, 5), lastYear.from());
            assertEquals(LocalDate.of(2024, 6, 1), lastYear.to());
            assertEquals(Map.of(LocalDate.of(2024, 3, 5), 30_000L, LocalDate.of(2024, 6, 1), 30_000L), lastYear.daily());

            YearTargets stored = store.setYear(shop.id(), 2025, T, null);
            YearTargets expected = TargetPlan.year(2025, T, lastYear, new Baselines(0.03, 20_000L));
            assertEquals(expected, stored, "read back as planned, to the fen");
            assertEquals(T, stored.sales());
            assertEquals(Basis.LAST_YEAR, stored.basis());
            // 4 year rows (sales, two baselines, basis), 12 months × 5, 365 days × 5; the April target it replaced is gone.
            assertEquals(4 + 12 * 5 + 365 * 5 + 1, rows(f, shop.id()));
            assertEquals(OptionalLong.of(T), store.salesTarget(shop.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
            assertEquals(OptionalLong.of(stored.months().get(2).sales()),
                    store.salesTarget(shop.id(), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)));
            DayTarget march5 = store.day(shop.id(), LocalDate.of(2025, 3, 5)).orElseThrow();
            assertEquals(expected.days().get(63), march5);
            assertTrue(march5.sales() > store.day(shop.id(), LocalDate.of(2025, 3, 6)).orElseThrow().sales(),
                    "5 March sold last year, 6 March did not");

            // Replaced: new target and a conversion rate given; the AOV still from history. The other shop and the
            // month outside the year are untouched.
            YearTargets again = store.setYear(shop.id(), 2025, 12_345L, new Baselines(0.05, null));
            assertEquals(12_345L, again.sales());
            assertEquals(new Baselines(0.05, 20_000L), again.baselines());
            assertEquals(4 + 12 * 5 + 365 * 5 + 1, rows(f, shop.id()));
            assertEquals(1, rows(f, other.id()));
            assertEquals(OptionalLong.of(777), store.salesTarget(shop.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
            assertEquals(store.days(shop.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 31)),
                    new ShopDataStore(f.database().jdbi(), new ShopStore(f.database().jdbi(), Clock.systemUTC()))
                            .dayTargets(shop.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 31)),
                    "plugins read the same days through ShopData");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void monthlyTargetsWithoutDaysCountAsTheMonthSpreadEvenly(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f, "demo", "CNY", "Asia/Shanghai");
            // As the demo writes them: monthly sales, uv, conversionRate and aov.
            LocalDate from = LocalDate.of(2026, 3, 1);
            LocalDate to = LocalDate.of(2026, 3, 31);
            write(f, shop, w -> w.targets(List.of(new Target(0, from, to, "sales", T), new Target(0, from, to, "uv", 31_000),
                    new Target(0, from, to, "conversionRate", 0.05), new Target(0, from, to, "aov", 20_000))));
            TargetStore store = new TargetStore(f.database().jdbi());

            // 1,000,000,007 = 31 × 32,258,064 + 23: the first 23 days get one fen more.
            assertEquals(OptionalLong.of(T), store.salesTarget(shop.id(), from, to));
            assertEquals(new DayTarget(LocalDate.of(2026, 3, 1), 32_258_065L, 1_000L, 0.05, 20_000L, 1_613L),
                    store.day(shop.id(), LocalDate.of(2026, 3, 1)).orElseThrow());
            assertEquals(32_258_064L, store.day(shop.id(), LocalDate.of(2026, 3, 24)).orElseThrow().sales());
            assertEquals(OptionalLong.of(32_258_065L * 2 + 32_258_064L),
                    store.salesTarget(shop.id(), LocalDate.of(2026, 3, 22), LocalDate.of(2026, 3, 24)));
            // A range reaching into a day without any target has no target.
            assertEquals(OptionalLong.empty(), store.salesTarget(shop.id(), LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 1)));
            assertTrue(store.day(shop.id(), LocalDate.of(2026, 4, 1)).isEmpty());
            assertEquals(31, store.days(shop.id(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30)).size());

            YearTargets year = store.year(shop.id(), 2026);
            assertNull(year.sales(), "eleven months have no target");
            assertEquals(T, year.months().get(2).sales());
            assertNull(year.months().get(3).sales());
            assertNull(year.basis());
            assertNull(year.baselines());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void settingOneMonthRederivesItsDaysAndTheYearBecomesTheSumOfMonths(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f, "flagship", "CNY", "Asia/Shanghai");
            history(f, shop);
            TargetStore store = new TargetStore(f.database().jdbi());
            YearTargets before = store.setYear(shop.id(), 2025, T, new Baselines(0.02, 10_000L));
            long oldMarch = before.months().get(2).sales();

            YearTargets after = store.setMonth(shop.id(), YearMonth.of(2025, 3), 5_000_003L);
            MonthTarget march = after.months().get(2);
            assertEquals(5_000_003L, march.sales());
            assertTrue(march.edited());
            assertFalse(after.months().get(3).edited());
            assertEquals(T - oldMarch + 5_000_003L, after.sales());
            assertEquals(OptionalLong.of(after.sales()), store.salesTarget(shop.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
            assertEquals(5_000_003L, store.days(shop.id(), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)).stream()
                    .mapToLong(DayTarget::sales).sum());
            for (int m = 0; m < 12; m++) {
                if (m != 2) {
                    assertEquals(before.months().get(m), after.months().get(m));
                }
            }
            assertEquals(new Baselines(0.02, 10_000L), after.baselines(), "the month used the year's baselines");
            assertEquals(10_000L, store.day(shop.id(), LocalDate.of(2025, 3, 9)).orElseThrow().aov());
            // The year's row follows: stored, not only summed on reading.
            double yearRow = f.database().jdbi().withHandle(h -> h.createQuery("""
                            SELECT value FROM targets WHERE shop_id = :s AND period_from = '2025-01-01' AND period_to = '2025-12-31'
                            AND metric = 'sales'""").bind("s", shop.id()).mapTo(Double.class).one());
            assertEquals((double) after.sales(), yearRow);

            // A month in a year without a breakdown: the year has no total until every month has one.
            YearTargets lone = store.setMonth(shop.id(), YearMonth.of(2027, 1), 100L);
            assertNull(lone.sales());
            assertEquals(100L, lone.months().get(0).sales());
            assertEquals(new Baselines(0.03, 20_000L), lone.baselines(), "from the history, and kept for the next month");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void realOnlineRetailOrdersAreLastYearsHistory(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f, "uk", "GBP", "Europe/London");
            Path file = dir.resolve("online_retail_first_rows.csv");
            try (InputStream in = getClass().getResourceAsStream("/data/online-retail/online_retail_first_rows.csv")) {
                Files.copy(in, file);
            }
            ImportSummary imported = new ImportRunner(f.database().jdbi(), new ImportFormats(CoreFormats.all(), List::of), new EventBus())
                    .run(new ImportRunner.Request(shop, "orders", "online-retail", file, "online_retail_first_rows.csv", Map.of(), false),
                            ImportRunner.Progress.NONE);
            assertTrue(imported.imported() > 0, imported.toString());
            TargetStore store = new TargetStore(f.database().jdbi());

            // After the importer's group rule (invoices with a broken line rejected whole), computed over the raw file:
            // awk -F, 'NR==FNR {if (FNR>1 && NF!=8) bad[$1]=1; next} FNR>1 && !($1 in bad) && $1!~/^[CA]/ && $4>0 && $6>0
            //   {s+=sprintf("%.0f",$4*$6*100); n++; inv[$1]=1} END{print s, n, length(inv)}' f f  → 475716 135 19
            var history = store.lastYear(shop.id(), 2011);
            assertEquals(Map.of(LocalDate.of(2010, 12, 1), 475_716L), history.daily());
            assertEquals(LocalDate.of(2010, 12, 1), history.from());
            HistoryBaselines baselines = store.baselines(shop.id());
            assertEquals(Math.round(475_716 / 19.0), baselines.aov(), "AOV over the 19 invoices");
            assertNull(baselines.conversionRate(), "no traffic imported: no conversion rate, and no UV target");

            // One known day weighs as much as the average of the known days, which is itself: an even year.
            YearTargets plan = store.setYear(shop.id(), 2011, 36_500_001L, null);
            assertEquals(Basis.LAST_YEAR, plan.basis());
            assertTrue(plan.days().stream().allMatch(d -> d.sales() == 100_000L || d.sales() == 100_001L));
            assertNull(plan.days().get(0).uv());
            assertEquals(25_038L, plan.days().get(0).aov());
            assertEquals(OptionalLong.of(36_500_001L), store.salesTarget(shop.id(), LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31)));
        }
    }
}
