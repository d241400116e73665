package com.shopops.plugins.listings;

import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.ReviewRow;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Product;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.plugins.listings.ListingsStore.SheetRow;
import com.shopops.plugins.listings.ListingsStore.Sighting;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A small real shop for the findings and routes tests, written through the core's writer and the plugin's
 * store: seven products, a day of views, reviews, marketplace listings, a listing sheet and one decision.
 * <ul>
 * <li>views on {@link #DAY}: P-1 5, P-2 3, P-3 1 — with the rule {@code top-count} 2 the top products are P-1, P-2;</li>
 * <li>orders: P-1 sold 3 for 177.00 on {@link #DAY} and 1 for 59.00 a week before it (outside the 7 days up to it);</li>
 * <li>reviews on {@link #DAY}: P-1 1★ (negative), P-2 3★ (neutral), P-3 1★ (not a top product), P-1 5★; and P-1 2★ the day
 *     before (not new);</li>
 * <li>listings: L1 P-1's title + 家用 (12 of 14 bigrams: 0.857, a suspect), L2 麦饭石炒锅 (3 of 11 of P-2's: 0.27, no),
 *     L3 硅胶厨具套装12件套 (8 of 13: 0.615, a suspect, dismissed), L4 P-1's title seen 10 days before (outside the
 *     7 suspect days);</li>
 * <li>checks: P-2's stock 30 is low, P-3's title has 最 and 第一, P-4's sheet has 5 of 10 attributes.</li>
 * </ul>
 */
final class SmallShop {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final String P1 = "硅胶厨具套装 耐高温 12件套";
    static final String P2 = "麦饭石不粘炒锅 32cm";

    final Shop shop;
    final ListingsStore store;
    final PluginSettings settings;
    final ListingsFigures figures;
    final BundleMessages messages;

    SmallShop(Fresh f, String code) {
        var jdbi = f.database().jdbi();
        shop = new ShopStore(jdbi, Clock.systemUTC()).create(new ShopStore.NewShop(code, code, "taobao", "CNY", "Asia/Shanghai"));
        ZoneId zone = shop.timeZone();
        jdbi.useTransaction(h -> {
            CoreTableWriter core = new CoreTableWriter(h, shop);
            core.products(List.of(
                    product("P-1", P1, 500), product("P-2", P2, 30), product("P-3", "最好用的煎锅 销量第一", 100),
                    product("P-4", "玻璃水杯 450ml", 200), product("P-5", "竹砧板", 80), product("P-6", "厨房剪刀", 60),
                    new Product(0, 0, "P-7", "最下架的商品", "x", 100L, null, 1, Product.Status.DELISTED, DAY.minusDays(300))));
            List<BehaviourEvent> events = new ArrayList<>();
            int[] views = {5, 3, 1};
            for (int p = 0; p < views.length; p++) {
                for (int v = 0; v < views[p]; v++) {
                    events.add(new BehaviourEvent(0, "u" + v, "P-" + (p + 1), "c", BehaviourEvent.Type.VIEW,
                            DAY.atTime(10, v).atZone(zone).toInstant()));
                }
            }
            core.events(events);
            // P-1 sold twice on DAY (2 × 59.00 and 1 × 59.00) and once the day before the ranking's 7 days
            Instant noon = DAY.atTime(12, 0).atZone(zone).toInstant();
            Instant before = DAY.minusDays(7).atTime(12, 0).atZone(zone).toInstant();
            core.orders(List.of(
                    new OrderRow("O-1", "c1", noon, noon, Order.Status.PAID, null, null, "P-1", P1, 2, 5_900, 11_800, 0, null),
                    new OrderRow("O-2", "c2", noon, noon, Order.Status.PAID, null, null, "P-1", P1, 1, 5_900, 5_900, 0, null),
                    new OrderRow("O-3", "c3", before, before, Order.Status.PAID, null, null, "P-1", P1, 1, 5_900, 5_900, 0, null)));
            core.reviews(List.of(
                    new ReviewRow("r1", "P-1", 1, "把手断了", DAY),
                    new ReviewRow("r2", "P-2", 3, "一般般", DAY),
                    new ReviewRow("r3", "P-3", 1, "不好", DAY),
                    new ReviewRow("r4", "P-1", 5, "很好", DAY),
                    new ReviewRow("r5", "P-1", 2, "昨天的", DAY.minusDays(1))));
        });
        store = new ListingsStore(jdbi);
        store.writeSightings(shop.id(), List.of(
                new Sighting("L1", "Copy Shop", P1 + " 家用", 5_900, "https://item.taobao.com/item.htm?id=1", null, DAY),
                new Sighting("L2", "Peer", "麦饭石炒锅", 19_900, null, null, DAY),
                new Sighting("L3", "Near Copy", "硅胶厨具套装12件套", 6_900, null, null, DAY.minusDays(1)),
                new Sighting("L4", "Old Copy", P1, 6_900, null, null, DAY.minusDays(10))));
        store.writeSheet(shop.id(), List.of(new SheetRow("P-4", "", null, 3_500L, null, 5, 10, null)));
        store.decide(shop.id(), "L3", "dismissed", "a different set", "li", Instant.parse("2026-11-22T03:00:00Z"));
        settings = new PluginSettings(jdbi, "listings", Clock.systemUTC());
        settings.put(shop.id(), "top-count", "2");
        figures = new ListingsFigures(store, f.data(), settings);
        messages = new BundleMessages("listings", SmallShop.class.getClassLoader());
    }

    /** A shop without views: one order of P-2 on {@link #DAY}, so the top products are ranked by sales. */
    static Shop withoutViews(Fresh f, String code) {
        var jdbi = f.database().jdbi();
        Shop shop = new ShopStore(jdbi, Clock.systemUTC()).create(new ShopStore.NewShop(code, code, "taobao", "CNY", "Asia/Shanghai"));
        Instant at = DAY.atTime(12, 0).atZone(shop.timeZone()).toInstant();
        jdbi.useTransaction(h -> {
            CoreTableWriter core = new CoreTableWriter(h, shop);
            core.products(List.of(product("P-1", P1, 500), product("P-2", P2, 500)));
            core.orders(List.of(new OrderRow("O-1", "c1", at, at, Order.Status.COMPLETED, null, null, "P-2", P2, 1, 25_900, 25_900, 0, null)));
            core.reviews(List.of(new ReviewRow("r1", "P-2", 2, "锅底不平", DAY), new ReviewRow("r2", "P-1", 1, "not sold: not top", DAY)));
        });
        return shop;
    }

    private static Product product(String sku, String title, int stock) {
        return new Product(0, 0, sku, title, "厨具", 8_900L, null, stock, Product.Status.LISTED, DAY.minusDays(300));
    }
}
