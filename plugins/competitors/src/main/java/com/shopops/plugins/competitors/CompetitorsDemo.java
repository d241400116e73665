package com.shopops.plugins.competitors;

import com.shopops.api.DemoContributor;
import com.shopops.api.data.ProductSales;
import com.shopops.api.domain.Product;
import com.shopops.plugins.competitors.analysis.Categories;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * The demo shop's peers: four home-and-kitchen shops (two that sell better, two about the same) with a
 * daily snapshot of their product lists for the 30 days up to the demo's last day. Monthly sales drift,
 * reviews grow, a few prices move and a few products come and go. Two storylines feed the briefing of the
 * last day:
 * <ul>
 * <li>{@link #RIVAL_PEER} sells a product of our hero item's category (the hero: our best seller by revenue
 *     over the last 30 days) and cuts its price by {@link #RIVAL_CUT_PERCENT}% on the last day;</li>
 * <li>three peers launch a Christmas baking range ({@link #RANGE}), a category the demo shop does not sell:
 *     the two ahead of us list theirs three and two weeks before the last day and they sell within days, the
 *     third lists its five days before and has not started selling — so it is time to launch ours.</li>
 * </ul>
 * Same seed, same data.
 */
@Extension
public final class CompetitorsDemo implements DemoContributor {

    static final String RIVAL_PEER = "厨趣生活旗舰店";
    static final String RANGE = "厨房用具/烘焙工具";
    static final int RIVAL_CUT_PERCENT = 20;
    static final int DAYS = 30;

    private static final String[][] PEERS = {
            {RIVAL_PEER, "ahead", "path"}, {"好锅匠家居旗舰店", "ahead", "path"}, {"拾光厨房小铺", "level", "leaf"},
            {"小窝良品家居", "level", "leaf"}};

    /** A product peers of this style sell: title, category, price in yuan, monthly sales at a shop like ours. */
    private record Template(String title, String category, int price, int sales) {
    }

    private static final List<Template> RANGE_OF_PEERS = List.of(
            new Template("麦饭石不粘锅 炒锅 家用 燃气电磁炉通用", "厨房用具/锅具", 239, 260),
            new Template("不锈钢汤锅 加厚 双耳 复底 26cm", "厨房用具/锅具", 179, 140),
            new Template("铸铁珐琅炖锅 24cm 家用", "厨房用具/锅具", 429, 60),
            new Template("德式菜刀 家用 锋利 不锈钢切片刀", "厨房用具/刀具砧板", 119, 180),
            new Template("竹砧板 整竹 加厚 案板", "厨房用具/刀具砧板", 59, 220),
            new Template("日式釉下彩陶瓷碗 家用 4只装", "餐具/碗盘筷", 69, 300),
            new Template("骨瓷餐具套装 碗碟 家用 乔迁", "餐具/碗盘筷", 329, 70),
            new Template("不锈钢保温杯 大容量 500ml", "餐具/杯壶茶具", 89, 350),
            new Template("玻璃保鲜盒 微波炉 饭盒 4件套", "收纳整理/厨房收纳", 79, 280),
            new Template("调料盒 厨房 调味罐 套装", "收纳整理/厨房收纳", 35, 420),
            new Template("真空压缩袋 棉被收纳 10件套", "收纳整理/衣物收纳", 55, 260),
            new Template("懒人抹布 干湿两用 一次性 4卷", "清洁用品", 22, 650),
            new Template("旋转拖把 家用 免手洗", "清洁用品", 119, 150),
            new Template("纯棉围裙 防水防油 厨房", "家居布艺", 32, 190),
            new Template("硅胶隔热手套 加厚 烤箱 微波炉", "家居布艺", 25, 170),
            new Template("厨房剪刀 多功能 不锈钢 可拆", "厨房用具/厨房小工具", 26, 240));

    private static final List<Template> CHRISTMAS = List.of(
            new Template("圣诞饼干模具 不锈钢 12件套", RANGE, 39, 0),
            new Template("烘焙硅胶垫 不粘 揉面垫 加厚", RANGE, 49, 0),
            new Template("圣诞姜饼屋模具 烤箱用 家用", RANGE, 59, 0),
            new Template("裱花袋裱花嘴套装 蛋糕 圣诞", RANGE, 29, 0));

    /** A peer product over the demo's days. */
    private static final class Item {
        final String id;
        final String title;
        final String category;
        long price;
        final double sales;
        final LocalDate listedOn;
        final LocalDate delistedOn;
        final double perDay; // a new range's monthly sales gained per day since listing; 0 for a steady seller
        double rating;
        long reviews;

        Item(String id, String title, String category, long price, double sales, LocalDate listedOn, LocalDate delistedOn,
             double perDay, double rating, long reviews) {
            this.id = id;
            this.title = title;
            this.category = category;
            this.price = price;
            this.sales = sales;
            this.listedOn = listedOn;
            this.delistedOn = delistedOn;
            this.perDay = perDay;
            this.rating = rating;
            this.reviews = reviews;
        }

        boolean on(LocalDate day) {
            return !day.isBefore(listedOn) && (delistedOn == null || day.isBefore(delistedOn));
        }
    }

    @Override
    public void contribute(DemoContext context) {
        long shopId = context.shop().id();
        LocalDate last = context.to();
        LocalDate first = last.minusDays(DAYS - 1L).isBefore(context.from()) ? context.from() : last.minusDays(DAYS - 1L);
        SplittableRandom rnd = new SplittableRandom(context.seed() * 1_000_003L + 0xC0E7L);
        List<ProductSales> top = context.data().productSales(shopId, last.minusDays(CompetitorFigures.HERO_DAYS - 1L), last, null, 1);
        Product hero = top.isEmpty() ? null : context.data().products(shopId).stream()
                .filter(p -> p.sku().equals(top.get(0).sku())).findFirst().orElse(null);
        PeerStore store = new PeerStore(context.jdbi());
        Instant made = first.atStartOfDay(context.shop().timeZone()).toInstant();
        List<SnapshotRow> rows = new ArrayList<>();
        LocalDate old = first.minusDays(400);
        for (int p = 0; p < PEERS.length; p++) {
            String name = PEERS[p][0];
            Peer.Tier tier = Peer.Tier.of(PEERS[p][1]);
            boolean leafOnly = PEERS[p][2].equals("leaf");
            store.add(shopId, name, tier, made);
            double scale = tier == Peer.Tier.AHEAD ? 1.6 + 0.6 * rnd.nextDouble() : 0.8 + 0.4 * rnd.nextDouble();
            String prefix = "P" + (p + 1) + "-";
            List<Item> items = new ArrayList<>();
            int n = 0;
            for (Template t : RANGE_OF_PEERS) {
                if (rnd.nextDouble() < 0.25) {
                    continue; // no peer sells everything
                }
                long price = Math.round(t.price() * (0.85 + 0.3 * rnd.nextDouble())) * 100;
                LocalDate listed = old.plusDays(rnd.nextInt(300));
                LocalDate delisted = null;
                double r = rnd.nextDouble();
                if (r < 0.06) {
                    listed = first.plusDays(5 + rnd.nextInt(Math.max(1, DAYS - 10))); // a new product in a range we sell
                } else if (r < 0.12) {
                    delisted = first.plusDays(3 + rnd.nextInt(Math.max(1, DAYS - 6)));
                }
                items.add(new Item(prefix + (1001 + n++), t.title(), category(t.category(), leafOnly), price, t.sales() * scale, listed,
                        delisted, 0, 4.5 + 0.45 * rnd.nextDouble(), Math.round(t.sales() * scale * (3 + 6 * rnd.nextDouble()))));
            }
            if (hero != null && p == 0) {
                // the storyline's rival: our hero's category, a title like it, cut on the last day
                long price = hero.price() == null ? 8_900 : Math.round(hero.price() * 1.1 / 100.0) * 100;
                items.add(new Item(prefix + "8888", rivalTitle(hero.title()), category(hero.category(), leafOnly), price, 900, old, null,
                        0, 4.8, 5_200));
            }
            // the Christmas baking range: ahead peers three and two weeks before the last day, selling; one level peer late
            int launchDaysBefore = p == 0 ? 20 : p == 1 ? 16 : p == 3 ? 5 : -1;
            if (launchDaysBefore >= 0) {
                LocalDate launched = last.minusDays(launchDaysBefore);
                int count = p == 0 ? 3 : 2;
                double perDay = p == 3 ? 0.8 : 4 + 2 * rnd.nextDouble();
                for (int k = 0; k < count; k++) {
                    Template t = CHRISTMAS.get((p + k) % CHRISTMAS.size());
                    items.add(new Item(prefix + (7001 + k), t.title(), category(t.category(), leafOnly), t.price() * 100L, 0, launched, null,
                            perDay * (1 - 0.2 * k), 5.0, 0));
                }
            }
            // a couple of price moves a peer makes in a month, never in our hero's category (the storyline's cut is the one there)
            int moves = 2 + rnd.nextInt(2);
            List<long[]> priceMoves = new ArrayList<>(); // item index, day offset, new price
            for (int m = 0; m < moves; m++) {
                int i = rnd.nextInt(items.size());
                Item it = items.get(i);
                if (it.perDay > 0 || hero != null && Categories.same(it.category, hero.category())) {
                    continue;
                }
                double change = rnd.nextDouble() < 0.5 ? -0.1 : 0.08;
                priceMoves.add(new long[] {i, 3 + rnd.nextInt(Math.max(1, DAYS - 5)), Math.round(it.price * (1 + change) / 100.0) * 100});
            }
            int offset = 0;
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1), offset++) {
                for (long[] move : priceMoves) {
                    if (move[1] == offset) {
                        items.get((int) move[0]).price = move[2];
                    }
                }
                for (Item it : items) {
                    if (!it.on(d)) {
                        continue;
                    }
                    long price = it.price;
                    if (it.id.endsWith("-8888") && d.equals(last)) {
                        price = Math.round(it.price * (100 - RIVAL_CUT_PERCENT) / 100.0 / 100.0) * 100;
                    }
                    long age = d.toEpochDay() - it.listedOn.toEpochDay() + 1;
                    long sales = it.perDay > 0 ? Math.round(it.perDay * age)
                            : Math.round(it.sales * Math.min(1, age / 20.0) * (0.93 + 0.14 * rnd.nextDouble()));
                    it.reviews += Math.round(sales / 30.0 * 0.3 * rnd.nextDouble() * 2);
                    if (rnd.nextDouble() < 0.05) {
                        it.rating = Math.max(3.5, Math.min(5.0, it.rating + (rnd.nextBoolean() ? 0.01 : -0.01)));
                    }
                    Integer rating = it.reviews == 0 ? null : (int) Math.round(it.rating * 100);
                    rows.add(new SnapshotRow(name, d, it.id, it.title, price, sales, rating, it.reviews, it.listedOn, it.category));
                }
            }
        }
        store.writeSnapshot(shopId, rows, made);
    }

    /** The leaf of a path for the peers whose exports write only that. */
    private static String category(String path, boolean leafOnly) {
        if (path == null || !leafOnly) {
            return path;
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** A title a peer would give a product like our hero: its core keyword first, then their own words. */
    static String rivalTitle(String heroTitle) {
        String core = heroTitle == null || heroTitle.isBlank() ? "厨具套装" : heroTitle.strip().split("\\s+")[0];
        return core + " 耐高温 家用 锅铲汤勺 10件套";
    }
}
