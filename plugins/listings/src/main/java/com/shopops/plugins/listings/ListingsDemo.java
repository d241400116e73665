package com.shopops.plugins.listings;

import com.shopops.api.DemoContributor;
import com.shopops.api.domain.Product;
import com.shopops.plugins.listings.ListingsStore.SheetRow;
import com.shopops.plugins.listings.ListingsStore.Sighting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * The demo shop's listings data, dated from its last day of history ("yesterday"):
 * <ul>
 * <li>marketplace listings the operator found searching for the top products: two copycats of the hero item
 *     {@value #HERO} — one whose title is nearly ours ({@value #COPY_TITLE_SHOP}, first seen three days before
 *     yesterday), one with another title that uses our main image ({@value #COPY_IMAGE_SHOP}) — the shop's own
 *     listing of the hero (its id is our SKU, so it is ours), and peers' listings of other products that are no
 *     copies;</li>
 * <li>a listing sheet of a few products: the hero passing every check; {@value #LADDER} with a 36 cm variant
 *     priced far above the 28 cm one; {@value #KEYWORD} whose title does not start with its core keyword and
 *     whose attributes are 60% filled; {@value #BANNED} listed with 最 and 第一 in its title; {@value #ATTRIBUTES}
 *     with attributes 10 of 18.</li>
 * </ul>
 * The core demo already gives the hero two 1–2 star reviews on the last day, which the briefing shows as bad
 * reviews of the top product. Same seed, same data.
 */
@Extension
public final class ListingsDemo implements DemoContributor {

    static final String HERO = "HK-001";
    static final String LADDER = "HK-002";
    static final String KEYWORD = "HK-005";
    static final String BANNED = "HK-017";
    static final String ATTRIBUTES = "HK-013";
    static final String HERO_IMAGE = "c3a1f09e7b2d4e58";
    static final String COPY_TITLE_SHOP = "厨房好物批发店";
    static final String COPY_IMAGE_SHOP = "义乌百货直营";

    @Override
    public void contribute(DemoContext context) {
        long shopId = context.shop().id();
        LocalDate last = context.to();
        SplittableRandom rnd = new SplittableRandom(context.seed() * 1_000_003L + 0x115L);
        Map<String, Product> products = new HashMap<>();
        context.data().products(shopId).forEach(p -> products.put(p.sku(), p));
        Product hero = products.get(HERO);
        if (hero == null) {
            return; // not the core demo's range: nothing to copy
        }
        long heroPrice = hero.price() == null ? 8_900 : hero.price();
        ListingsStore store = new ListingsStore(context.jdbi());

        List<Sighting> seen = new ArrayList<>();
        String copyId = listingId(rnd);
        for (int d = 3; d >= 1; d--) {
            seen.add(new Sighting(copyId, COPY_TITLE_SHOP, "硅胶厨具套装 耐高温不伤锅 锅铲汤勺漏勺 12件套 家用", heroPrice * 7 / 10, url(copyId), null,
                    last.minusDays(d - 1L)));
        }
        String imageId = listingId(rnd);
        seen.add(new Sighting(imageId, COPY_IMAGE_SHOP, "食品级硅胶铲勺十二件 厨房烹饪工具组合 送收纳桶", heroPrice * 6 / 10, url(imageId), HERO_IMAGE,
                last));
        seen.add(new Sighting(HERO, context.shop().name() == null ? "demo" : context.shop().name(), hero.title(), heroPrice, null, HERO_IMAGE,
                last));
        String[][] peers = {
                {"锅具旗舰店", "不锈钢硅胶厨具 木柄锅铲套装 6件", "6900"},
                {"美厨生活馆", "麦饭石炒锅 不粘锅 家用 燃气灶适用 30cm", "19900"},
                {"收纳达人", "厨房调料盒 玻璃调味瓶 组合套装", "3500"},
                {"清洁小铺", "懒人抹布 一次性 干湿两用 厨房用纸", "1590"}};
        for (String[] p : peers) {
            String id = listingId(rnd);
            seen.add(new Sighting(id, p[0], p[1], Long.parseLong(p[2]), url(id), null, last.minusDays(rnd.nextInt(3))));
        }
        store.writeSightings(shopId, seen);

        List<SheetRow> sheet = new ArrayList<>();
        sheet.add(new SheetRow(HERO, "12件套", null, heroPrice, "硅胶厨具套装", 18, 20, HERO_IMAGE));
        sheet.add(new SheetRow(HERO, "8件套", null, heroPrice * 3 / 4, null, null, null, null));
        if (products.containsKey(LADDER)) {
            sheet.add(new SheetRow(LADDER, "28cm", null, 19_900L, "麦饭石不粘炒锅", 14, 16, null));
            sheet.add(new SheetRow(LADDER, "32cm", null, 25_900L, null, null, null, null));
            sheet.add(new SheetRow(LADDER, "36cm", null, 89_900L, null, null, null, null));
        }
        if (products.containsKey(KEYWORD)) {
            sheet.add(new SheetRow(KEYWORD, "", null, products.get(KEYWORD).price(), "平底锅", 9, 15, null));
        }
        if (products.containsKey(BANNED)) {
            sheet.add(new SheetRow(BANNED, "500ml", "304不锈钢保温杯 最保温 大容量 500ml 第一品牌", products.get(BANNED).price(), "304不锈钢保温杯",
                    17, 19, null));
        }
        if (products.containsKey(ATTRIBUTES)) {
            sheet.add(new SheetRow(ATTRIBUTES, "4只装", null, products.get(ATTRIBUTES).price(), "日式陶瓷碗", 10, 18, null));
        }
        store.writeSheet(shopId, sheet);
    }

    /** A marketplace listing id: twelve digits, as Taobao's are. */
    private static String listingId(SplittableRandom rnd) {
        return Long.toString(600_000_000_000L + rnd.nextLong(99_999_999_999L));
    }

    private static String url(String id) {
        return "https://item.taobao.com/item.htm?id=" + id;
    }
}
