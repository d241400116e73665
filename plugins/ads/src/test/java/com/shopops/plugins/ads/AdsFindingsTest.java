package com.shopops.plugins.ads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.ShopDataStore;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.ads.analysis.AdSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ads plugin's briefing findings on a hand-made week of keyword reports whose figures are worked
 * out here: one keyword burning money, yesterday's ROI under the target, a quality score falling by
 * three, a month heading over its budget, and one search term worth buying.
 */
class AdsFindingsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWeekOfReportsGivesItsFindings(Kind kind) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T01:00:00Z"));
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            Jdbi jdbi = f.database().jdbi();
            ShopStore shops = new ShopStore(jdbi, clock);
            Shop shop = shops.byId(f.newShop("a")).orElseThrow();
            Shop quiet = shops.byId(f.newShop("b")).orElseThrow();
            List<KeywordDay> days = new ArrayList<>();
            for (LocalDate d = DAY.minusDays(6); !d.isAfter(DAY); d = d.plusDays(1)) {
                boolean last = d.equals(DAY);
                // 100 clicks at ¥1 a day, 5 orders of ¥100 (2 on the last day); quality 8, then 5 on the last day
                days.add(new KeywordDay(d, "夏季", "亚麻连衣裙", "P1", "亚麻连衣裙", 2000, 100, 10_000, last ? 2 : 5,
                        last ? 20_000 : 50_000, 3.0, last ? 5 : 8, 100L));
                // 10 clicks at ¥3 a day and never an order
                days.add(new KeywordDay(d, "夏季", "亚麻连衣裙", "P1", "连衣裙 批发", 500, 10, 3_000, 0, 0, 6.0, 6, 300L));
            }
            AdsStore store = new AdsStore(jdbi);
            jdbi.useTransaction(h -> {
                ReportWriter w = new ReportWriter(h, shop.id());
                w.keywords(days);
                w.searchTerms(List.of(new SearchTermDay(DAY, "夏季", "亚麻连衣裙", "P1", "亚麻连衣裙", "亚麻连衣裙 宽松 夏",
                        300, 30, 3_000, 3, 30_000)));
            });
            PluginSettings settings = new PluginSettings(jdbi, "ads", clock);
            settings.put(shop.id(), AdSettings.MONTHLY_BUDGET, "100000");
            AdsFindings findings = new AdsFindings(new KeywordReview(store, settings, new ShopDataStore(jdbi, shops), clock), store,
                    new BundleMessages("ads", AdsFindingsTest.class.getClassLoader()));

            List<Finding> found = findings.findings(shop, DAY, Locale.ENGLISH);
            Map<String, Finding> byMetric = new java.util.HashMap<>();
            found.forEach(x -> byMetric.put(x.metric(), x));
            assertEquals(5, found.size(), found.toString());
            assertTrue(found.stream().allMatch(x -> x.plugin().equals("ads") && x.role() == Role.PROMOTION
                    && x.link().startsWith("/ui/ads/index.html?from=2026-11-16&to=2026-11-22")), found.toString());

            Finding burning = byMetric.get("ads.burning");
            assertEquals(Severity.WARNING, burning.severity());
            assertEquals(21_000.0, burning.value(), "7 days × ¥30");
            assertTrue(burning.title().contains("1 keywords") && burning.title().contains("¥210.00"), burning.title());
            assertTrue(burning.detail().contains("连衣裙 批发"), burning.detail());

            Finding roi = byMetric.get("ads.roi");
            assertEquals(Severity.WARNING, roi.severity());
            assertEquals(20_000.0 / 13_000, roi.value(), 1e-12, "the last day: ¥200 from ¥130");
            assertEquals(3.0, roi.expected());
            assertEquals(7, roi.trend().size());
            assertEquals(50_000.0 / 13_000, roi.trend().get(0), 1e-12);
            assertEquals(roi.value(), roi.trend().get(6));
            assertEquals(13_000 * 3 - 20_000, roi.impact(), "what ¥130 should have brought at ROI 3, less what it did");

            Finding quality = byMetric.get("ads.qualityDrop");
            assertEquals(3.0, quality.value());
            assertTrue(quality.detail().contains("“亚麻连衣裙” 8 → 5"), quality.detail());

            // ¥910 spent in 22 days of 30 heads for ¥1,240.91 against ¥1,000
            Finding pace = byMetric.get("ads.pace");
            assertEquals(Severity.WARNING, pace.severity());
            assertEquals(124_091.0, pace.value());
            assertEquals(100_000.0, pace.expected());

            Finding add = byMetric.get("ads.add");
            assertEquals(Severity.INFO, add.severity());
            assertTrue(add.detail().contains("亚麻连衣裙 宽松 夏") && add.detail().contains("¥300.00"), add.detail());
            assertTrue(add.link().endsWith("&action=add"));

            for (Finding zh : findings.findings(shop, DAY, Locale.SIMPLIFIED_CHINESE)) {
                assertFalse(zh.title().contains("{") || zh.detail().contains("{"), zh.toString());
                assertTrue(zh.title().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        zh.title());
            }
            assertEquals(List.of(), findings.findings(quiet, DAY, Locale.ENGLISH), "no keyword reports, nothing to say");

            // met: the same week with the target ROI at 1.5 is good news, and the pace within a larger budget says nothing
            settings.put(shop.id(), AdSettings.TARGET_ROI, "1.5");
            settings.put(shop.id(), AdSettings.MONTHLY_BUDGET, "124000");
            List<Finding> better = findings.findings(shop, DAY, Locale.ENGLISH);
            Finding met = better.stream().filter(x -> x.metric().equals("ads.roi")).findFirst().orElseThrow();
            assertEquals(Severity.GOOD, met.severity());
            assertEquals(0, met.impact());
            assertNotNull(met.suggestion());
            assertTrue(better.stream().noneMatch(x -> x.metric().equals("ads.pace")), better.toString());
        }
    }
}
