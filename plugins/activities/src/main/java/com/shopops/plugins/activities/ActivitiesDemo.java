package com.shopops.plugins.activities;

import com.shopops.api.DemoContributor;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.TrafficDay;
import com.shopops.plugins.activities.analysis.Campaign;
import com.shopops.plugins.activities.analysis.CampaignProduct;
import com.shopops.plugins.activities.analysis.CampaignStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * The demo shop's campaigns, dated from its last day of history ("yesterday"; today is the day after)
 * and made of its own products at 85% of their list price:
 * <ul>
 *   <li>{@value #LIVE}: a 淘抢购 campaign live since two days before yesterday until four days after today;</li>
 *   <li>{@value #ENDED}: a 天天特价 campaign that ended ten days ago and is not reviewed yet;</li>
 *   <li>{@value #DEADLINE}: a 聚划算 campaign still planned whose registration deadline is two days after today;</li>
 *   <li>{@value #REVIEWED}: a 淘金币 campaign of six weeks ago, reviewed, with its 复盘 notes;</li>
 *   <li>a 新品首发 (new arrival) campaign of the shop's own on the newest product's first three days
 *       (the core demo sells them at a launch discount), reviewed when over, live otherwise.</li>
 * </ul>
 * Each walks the status pipeline on its own dates, so its history reads like an operator's. The
 * platform campaigns have a results report per live day up to yesterday, drawn from the core demo's
 * {@value #CAMPAIGN_SOURCE} traffic source. Same seed, same data.
 */
@Extension
public final class ActivitiesDemo implements DemoContributor {

    static final String LIVE = "淘抢购·硅胶厨具限时抢";
    static final String ENDED = "天天特价·锅具专场";
    static final String DEADLINE = "聚划算·冬季囤货节";
    static final String REVIEWED = "淘金币·收纳整理周";
    /** Who the demo's changes are made by. */
    static final String OPERATOR = "demo";
    /** The core demo's traffic source of campaigns. */
    static final String CAMPAIGN_SOURCE = "campaign";

    @Override
    public void contribute(DemoContext context) {
        long shopId = context.shop().id();
        ZoneId zone = context.shop().timeZone();
        LocalDate last = context.to();
        LocalDate today = last.plusDays(1);
        SplittableRandom rnd = new SplittableRandom(context.seed() * 1_000_033L + 0xAC7L);
        Map<String, Product> products = new HashMap<>();
        context.data().products(shopId).forEach(p -> products.put(p.sku(), p));
        Map<LocalDate, Long> campaignUv = new HashMap<>();
        for (TrafficDay t : context.data().traffic(shopId, last.minusDays(60), last)) {
            if (t.source().equals(CAMPAIGN_SOURCE)) {
                campaignUv.put(t.day(), t.uv());
            }
        }
        CampaignStore store = new CampaignStore(context.jdbi());

        // live now
        LocalDate liveFrom = last.minusDays(2);
        Campaign live = platform(LIVE, "淘抢购", liveFrom.minusDays(10), liveFrom.minusDays(7), liveFrom, today.plusDays(4),
                lines(products, Map.of("HK-001", 600L, "HK-010", 300L)));
        StoredCampaign s = create(store, shopId, live, at(liveFrom.minusDays(20), 10, zone));
        move(store, shopId, s, at(liveFrom.minusDays(11), 15, zone), "已提交报名资料", CampaignStatus.REGISTERED);
        move(store, shopId, s, at(liveFrom.minusDays(7), 11, zone), "审核通过", CampaignStatus.APPROVED);
        move(store, shopId, s, at(liveFrom, 0, zone), null, CampaignStatus.LIVE);
        results(store, shopId, live, last, campaignUv, products, 0.45, rnd);

        // ended, not reviewed
        LocalDate endedFrom = last.minusDays(16);
        Campaign ended = platform(ENDED, "天天特价", endedFrom.minusDays(9), endedFrom.minusDays(5), endedFrom, endedFrom.plusDays(6),
                lines(products, Map.of("HK-002", 150L, "HK-005", 400L)));
        s = create(store, shopId, ended, at(endedFrom.minusDays(18), 9, zone));
        move(store, shopId, s, at(endedFrom.minusDays(10), 16, zone), null, CampaignStatus.REGISTERED);
        move(store, shopId, s, at(endedFrom.minusDays(5), 10, zone), null, CampaignStatus.APPROVED);
        move(store, shopId, s, at(endedFrom, 0, zone), null, CampaignStatus.LIVE);
        move(store, shopId, s, at(ended.liveTo().plusDays(1), 0, zone), null, CampaignStatus.ENDED);
        results(store, shopId, ended, last, campaignUv, products, 0.35, rnd);

        // registration closes in two days, still planned
        LocalDate winterFrom = today.plusDays(10);
        Campaign deadline = platform(DEADLINE, "聚划算", today.plusDays(2), today.plusDays(6), winterFrom, winterFrom.plusDays(2),
                lines(products, Map.of("HK-017", 800L, "HK-021", 500L)));
        create(store, shopId, deadline, at(last.minusDays(6), 14, zone));

        // reviewed
        LocalDate coinFrom = last.minusDays(45);
        Campaign coins = platform(REVIEWED, "淘金币", coinFrom.minusDays(8), coinFrom.minusDays(4), coinFrom, coinFrom.plusDays(6),
                lines(products, Map.of("HK-022", 300L, "HK-024", 200L, "HK-028", 300L)));
        s = create(store, shopId, coins, at(coinFrom.minusDays(15), 10, zone));
        move(store, shopId, s, at(coinFrom.minusDays(9), 17, zone), null, CampaignStatus.REGISTERED);
        move(store, shopId, s, at(coinFrom.minusDays(4), 10, zone), null, CampaignStatus.APPROVED);
        move(store, shopId, s, at(coinFrom, 0, zone), null, CampaignStatus.LIVE);
        move(store, shopId, s, at(coins.liveTo().plusDays(1), 0, zone), null, CampaignStatus.ENDED);
        move(store, shopId, s, at(coins.liveTo().plusDays(3), 16, zone), "复盘完成", CampaignStatus.REVIEWED);
        store.review(shopId, s.id(), "收纳类目活动流量稳定，调料盒售罄率最高；沥水架活动价偏高，转化低于预期，下次报名前先核对近30天最低价。",
                OPERATOR, at(coins.liveTo().plusDays(3), 16, zone));
        results(store, shopId, coins, last, campaignUv, products, 0.25, rnd);

        // the shop's own: the newest product's launch days
        newest(products, last).ifPresent(p -> {
            LocalDate from = p.listedOn();
            long price = discounted(p) == null ? 0 : discounted(p);
            Campaign own = new Campaign(0, "新品首发·" + shortTitle(p.title()), Campaign.Kind.OWN, "自营", null, null, from,
                    from.plusDays(2), 150 * price, 150L, CampaignStatus.PLANNED, null,
                    List.of(new CampaignProduct(p.sku(), 200, discounted(p))));
            StoredCampaign o = create(store, shopId, own, at(from.minusDays(7), 10, zone));
            move(store, shopId, o, at(from, 0, zone), "上新首发，前三天活动价", CampaignStatus.LIVE);
            if (own.liveTo().isBefore(today)) {
                move(store, shopId, o, at(own.liveTo().plusDays(1), 0, zone), "恢复原价", CampaignStatus.ENDED);
                move(store, shopId, o, at(own.liveTo().plusDays(2), 11, zone), null, CampaignStatus.REVIEWED);
                store.review(shopId, o.id(), "新品首发三天活动价带来首批销量和评价，恢复原价后转化回落属正常，继续观察自然搜索流量。",
                        OPERATOR, at(own.liveTo().plusDays(2), 11, zone));
            }
        });
    }

    private static Campaign platform(String name, String channel, LocalDate deadline, LocalDate review, LocalDate from, LocalDate to,
                                     List<CampaignProduct> products) {
        long units = products.stream().mapToLong(CampaignProduct::allocated).sum() * 8 / 10;
        long gmv = products.stream().mapToLong(p -> p.allocated() * 8 / 10 * (p.price() == null ? 0 : p.price())).sum();
        return new Campaign(0, name, Campaign.Kind.PLATFORM, channel, deadline, review, from, to, gmv, units,
                CampaignStatus.PLANNED, null, products);
    }

    /** The products of {@code allocation} the shop has, at the campaign price, by SKU. */
    private static List<CampaignProduct> lines(Map<String, Product> products, Map<String, Long> allocation) {
        List<CampaignProduct> lines = new ArrayList<>();
        allocation.keySet().stream().sorted().forEach(sku -> {
            Product p = products.get(sku);
            if (p != null) {
                lines.add(new CampaignProduct(sku, allocation.get(sku), discounted(p)));
            }
        });
        return lines;
    }

    /** 85% of the list price, in whole yuan. */
    private static Long discounted(Product p) {
        return p.price() == null ? null : Math.max(100, p.price() * 85 / 100 / 100 * 100);
    }

    private static Optional<Product> newest(Map<String, Product> products, LocalDate last) {
        return products.values().stream()
                .filter(p -> p.status() == Product.Status.LISTED && p.listedOn() != null && !p.listedOn().isAfter(last))
                .max(Comparator.comparing(Product::listedOn).thenComparing(Product::sku));
    }

    private static String shortTitle(String title) {
        String first = title.split(" ")[0];
        return first.length() > 12 ? first.substring(0, 12) : first;
    }

    private static StoredCampaign create(CampaignStore store, long shopId, Campaign c, Instant at) {
        return store.create(shopId, c, OPERATOR, at);
    }

    private static void move(CampaignStore store, long shopId, StoredCampaign c, Instant at, String note, CampaignStatus to) {
        CampaignStore.Move m = store.move(shopId, c.id(), to, note, OPERATOR, at);
        if (m.outcome() != CampaignStore.Outcome.MOVED) {
            throw new IllegalStateException("demo campaign " + c.campaign().name() + ": " + m.refusal());
        }
    }

    private static Instant at(LocalDate day, int hour, ZoneId zone) {
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }

    /**
     * A results report for each live day of {@code c} up to {@code last}: a share of that day's campaign
     * visitors, shown about 12 times per visitor, and orders at about 4% conversion worth the campaign
     * price of one of its products.
     */
    private static void results(CampaignStore store, long shopId, Campaign c, LocalDate last, Map<LocalDate, Long> campaignUv,
                                Map<String, Product> products, double share, SplittableRandom rnd) {
        List<CampaignResult> rows = new ArrayList<>();
        long typical = campaignUv.isEmpty() ? 400 : campaignUv.values().stream().sorted().toList().get(campaignUv.size() / 2);
        for (LocalDate day = c.liveFrom(); !day.isAfter(c.liveTo()) && !day.isAfter(last); day = day.plusDays(1)) {
            long uv = Math.max(1, Math.round(campaignUv.getOrDefault(day, typical) * share * (0.9 + 0.2 * rnd.nextDouble())));
            long clicks = Math.round(uv * (1.1 + 0.2 * rnd.nextDouble()));
            long impressions = Math.round(clicks / (0.06 + 0.03 * rnd.nextDouble()));
            long orders = 0;
            long gmv = 0;
            for (long i = 0; i < uv; i++) {
                if (rnd.nextDouble() < 0.04) {
                    orders++;
                    CampaignProduct p = c.products().get(rnd.nextInt(c.products().size()));
                    gmv += p.price() != null ? p.price() : Optional.ofNullable(products.get(p.sku())).map(Product::price).orElse(0L);
                }
            }
            rows.add(new CampaignResult(c.name(), day, uv, impressions, clicks, orders, gmv));
        }
        store.writeResults(shopId, rows);
    }
}
