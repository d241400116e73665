package com.shopops.plugins.competitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Product;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The briefing's competitor findings on a small real shop in SQLite: our products and orders through the
 * host's writer (so the hero item is found through ShopData as in the product), three peers' snapshots, and
 * the plugin's real messages in English and Chinese. Expected figures are worked out by hand below.
 */
class CompetitorsFindingsTest {

    static final LocalDate D = LocalDate.of(2026, 5, 31);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    static OrderRow order(String id, LocalDate day, String sku, long qty, long price) {
        Instant at = day.atTime(10, 0).atZone(SHANGHAI).toInstant();
        return new OrderRow(id, "c-" + id, at, at, Order.Status.PAID, null, "search", sku, sku, qty, price, qty * price, 0, null);
    }

    static SnapshotRow s(String peer, LocalDate day, String id, String title, String category, long price, long sales, LocalDate listed) {
        return new SnapshotRow(peer, day, id, title, price, sales, 480, 100L, listed, category);
    }

    /** The shop: hero HK-001 (10 × 89.00 in the last 30 days = 890.00) over HK-002 (2 × 259.00 = 518.00; 10 more 40 days back). */
    private Shop shop(Fresh f) {
        Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY",
                "Asia/Shanghai"));
        List<OrderRow> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            orders.add(order("h" + i, D.minusDays(20 - i), "HK-001", 1, 8_900));
        }
        orders.add(order("p1", D.minusDays(3), "HK-002", 1, 25_900));
        orders.add(order("p2", D.minusDays(2), "HK-002", 1, 25_900));
        orders.add(order("old", D.minusDays(40), "HK-002", 10, 25_900));
        f.database().jdbi().useTransaction(h -> {
            CoreTableWriter w = new CoreTableWriter(h, shop);
            w.products(List.of(
                    new Product(0, 0, "HK-001", "硅胶厨具套装 耐高温 锅铲 12件套", "厨房用具/厨房小工具", 8_900L, null, 100, Product.Status.LISTED,
                            LocalDate.of(2025, 1, 1)),
                    new Product(0, 0, "HK-002", "麦饭石炒锅", "厨房用具/锅具", 25_900L, null, 100, Product.Status.LISTED,
                            LocalDate.of(2025, 1, 1))));
            w.orders(orders);
        });
        return shop;
    }

    private void peers(Fresh f, Shop shop) {
        PeerStore store = new PeerStore(f.database().jdbi());
        store.add(shop.id(), "甲", Peer.Tier.AHEAD, Instant.EPOCH);
        List<SnapshotRow> rows = new ArrayList<>();
        LocalDate old = LocalDate.of(2025, 6, 1);
        // 甲: R1 competes (category 厨房小工具 = our hero's), cut 99.00 → 79.00 on D; P1 a pot cut too (not competing);
        // B1 baking listed D−15 with 40 sold on D−10 (selling); N1 a new pot, 35 sold on D−10
        for (LocalDate day : List.of(D.minusDays(10), D.minusDays(1), D)) {
            boolean last = day.equals(D);
            rows.add(s("甲", day, "R1", "硅胶锅铲 厨具套装 10件套", "厨房小工具", last ? 7_900 : 9_900, last ? 110 : 100, old));
            rows.add(s("甲", day, "P1", "不锈钢汤锅", "锅具", last ? 14_900 : 19_900, 50, old));
            rows.add(s("甲", day, "B1", "饼干模具", "烘焙工具", 3_900, day.equals(D.minusDays(10)) ? 40 : last ? 70 : 60, D.minusDays(15)));
            rows.add(s("甲", day, "N1", "新款炒锅", "锅具", 19_900, day.equals(D.minusDays(10)) ? 35 : last ? 45 : 40, D.minusDays(14)));
        }
        // 乙: R2 like our hero's title but cut only 4% (50.00 → 48.00); B2 baking listed D−12, 35 sold on D−5; N2 a new pot
        for (LocalDate day : List.of(D.minusDays(5), D.minusDays(1), D)) {
            boolean last = day.equals(D);
            rows.add(s("乙", day, "R2", "硅胶厨具套装 锅铲 10件套", "餐具", last ? 4_800 : 5_000, 30, old));
            rows.add(s("乙", day, "B2", "裱花嘴", "厨房用具/烘焙工具", 2_900, last ? 40 : 35, D.minusDays(12)));
            rows.add(s("乙", day, "N2", "新款汤锅", "锅具", 15_900, last ? 33 : 31, D.minusDays(13)));
        }
        // 丙: a glass 100 → 200 sold in the week (with B3: 202, +102%); B3 baking listed D−3, not selling
        rows.add(s("丙", D.minusDays(7), "X", "玻璃杯", "杯壶茶具", 1_900, 100, old));
        rows.add(s("丙", D, "X", "玻璃杯", "杯壶茶具", 1_900, 200, old));
        rows.add(s("丙", D, "B3", "打蛋器", "烘焙工具", 1_900, 2, D.minusDays(3)));
        store.writeSnapshot(shop.id(), rows, Instant.EPOCH);
    }

    private static CompetitorsFindings findings(Fresh f) {
        return new CompetitorsFindings(new CompetitorFigures(new PeerStore(f.database().jdbi()), f.data(),
                new PluginSettings(f.database().jdbi(), "competitors", Clock.systemUTC())),
                new BundleMessages("competitors", CompetitorsFindingsTest.class.getClassLoader()));
    }

    @Test
    void aCutAgainstOurHeroANewRangeThatSellsAndAPeersSalesJump() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "competitors")) {
            Shop shop = shop(f);
            peers(f, shop);
            List<Finding> all = findings(f).findings(shop, D, Locale.ENGLISH);
            assertEquals(List.of("competitors.rival-price", "competitors.range-selling", "competitors.peer-sales"),
                    all.stream().map(Finding::metric).toList(), all.toString());

            Finding cut = all.get(0);
            assertEquals(Severity.WARNING, cut.severity());
            assertEquals(Role.OPERATOR, cut.role());
            assertEquals(7_900.0, cut.value());
            assertEquals(9_900.0, cut.expected());
            assertEquals(Finding.Unit.MONEY, cut.unit());
            // a week of the hero's 890.00 in 30 days at the cut of 20.00 / 99.00: 89,000 × 7 / 30 × 2,000 / 9,900 = 4,195.29 fen
            assertEquals(4_195, cut.impact());
            assertEquals(List.of(9_900.0, 9_900.0, 7_900.0), cut.trend(), "the price over the last two weeks' snapshots");
            assertTrue(cut.title().startsWith("甲 cut \"硅胶锅铲 厨具套装 10件套\" to ") && cut.title().contains("20% off")
                    && cut.title().contains("硅胶厨具套装 耐高温 锅铲 12件套"), cut.title());
            assertTrue(cut.detail().contains("same category as our hero item (厨房用具/厨房小工具)"), cut.detail());
            assertTrue(cut.link().contains("product=R1"), cut.link());

            Finding range = all.get(1);
            assertEquals(Severity.WARNING, range.severity());
            assertEquals("Peers' new range \"烘焙工具\" is selling: time to launch ours", range.title());
            assertEquals(2.0, range.value(), "甲 and 乙 sell; 丙 not yet");
            assertEquals(2.0, range.expected());
            assertTrue(range.detail().startsWith("2 of the 3 peers that launched it sell (≥ 30 monthly sales within 21 days of listing) since "
                    + D.minusDays(5)), range.detail());
            assertTrue(range.suggestion().contains("烘焙工具"));

            Finding jump = all.get(2);
            assertEquals(List.of(Severity.INFO, 202.0, 100.0), List.of(jump.severity(), jump.value(), jump.expected()));
            assertTrue(jump.title().startsWith("丙's monthly sales rose 102%"), jump.title());

            List<Finding> zh = findings(f).findings(shop, D, Locale.SIMPLIFIED_CHINESE);
            assertTrue(zh.get(0).title().contains("主打款") && zh.get(1).title().contains("该上我们的了"), zh.toString());
        }
    }

    @Test
    void theShopsSettingsChangeWhatIsFound() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "competitors")) {
            Shop shop = shop(f);
            peers(f, shop);
            PluginSettings settings = new PluginSettings(f.database().jdbi(), "competitors", Clock.systemUTC());
            settings.put(shop.id(), "price-cut.min-rate", "0.03");  // 乙's 4% cut counts now, R2 is 8/17 alike
            settings.put(shop.id(), "timing.min-peers", "3");       // 丙 does not sell yet
            settings.put(shop.id(), "sales-jump.rate", "2");        // +102% is under +200%
            List<Finding> all = findings(f).findings(shop, D, Locale.ENGLISH);
            assertEquals(List.of("competitors.rival-price", "competitors.rival-price"), all.stream().map(Finding::metric).toList(),
                    all.toString());
            assertTrue(all.get(1).detail().contains("titles 47% alike"), all.get(1).detail());
        }
    }

    @Test
    void aShopWithoutSalesOrPeersHasNoFindings() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "competitors")) {
            Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new ShopStore.NewShop("x", null, null, null, null));
            assertEquals(List.of(), findings(f).findings(shop, D, Locale.ENGLISH));
        }
    }
}
