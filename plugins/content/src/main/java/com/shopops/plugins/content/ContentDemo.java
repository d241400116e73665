package com.shopops.plugins.content;

import com.shopops.api.DemoContributor;
import com.shopops.api.domain.Product;
import com.shopops.plugins.content.ContentStore.Draft;
import com.shopops.plugins.content.ContentStore.EngagementRow;
import com.shopops.plugins.content.analysis.PostKind;
import com.shopops.plugins.content.analysis.PostStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * The demo shop's content calendar around its last day ("yesterday"; today is the day after): three
 * posts a day on the outbox channel for the two weeks up to yesterday, published, with engagement per
 * day (product recommendations and how-tos get more clicks than plain copy); today's three posts
 * scheduled; tomorrow only two (under the quota, for the briefing); one post in review whose time has
 * passed; a draft without a time; and one post that failed on the webhook channel, which the demo does
 * not set up. Same seed, same data.
 */
@Extension
public final class ContentDemo implements DemoContributor {

    static final String FAILED = "会员日预告（企业微信群）";
    static final String WAITING = "周末囤货清单";
    private static final String[][] IDEAS = {
            {"recommendation", "本周爆款：%s", "%s，厨房新手也能轻松上手。今天下单享会员价，库存有限。"},
            {"rules", "满减怎么用最划算？", "店铺满199减30可与优惠券叠加：先领券，再凑单，结算页自动计算。"},
            {"copy", "限时折扣今晚截止", "全场锅具8.5折，今晚24点截止，错过再等一个月。"},
            {"story", "一口好锅的早餐故事", "早上七点，一口不粘锅、一颗鸡蛋、三分钟，开启元气满满的一天。"},
    };

    @Override
    public void contribute(DemoContext context) {
        long shopId = context.shop().id();
        ZoneId zone = context.shop().timeZone();
        LocalDate last = context.to();
        LocalDate today = last.plusDays(1);
        SplittableRandom rnd = new SplittableRandom(context.seed() * 1_000_039L + 0xC07L);
        ContentStore store = new ContentStore(context.jdbi());
        List<Product> products = context.data().products(shopId).stream().filter(p -> p.status() == Product.Status.LISTED).toList();
        int[] slots = {10, 15, 20};
        List<EngagementRow> engagement = new ArrayList<>();
        for (LocalDate d = last.minusDays(13); !d.isAfter(today.plusDays(1)); d = d.plusDays(1)) {
            int posts = d.equals(today.plusDays(1)) ? 2 : 3;
            for (int i = 0; i < posts; i++) {
                String[] idea = IDEAS[rnd.nextInt(IDEAS.length)];
                Product p = products.isEmpty() ? null : products.get(rnd.nextInt(products.size()));
                String name = p == null ? "店铺好物" : p.title().split(" ")[0];
                Instant at = d.atTime(LocalTime.of(slots[i], 0)).atZone(zone).toInstant();
                Instant made = at.minusSeconds(2 * 86_400);
                long id = store.create(shopId, new Draft(idea[1].formatted(name), idea[2].formatted(name), PostKind.byId(idea[0]), at, null,
                        p == null || !idea[0].equals("recommendation") ? List.of() : List.of(p.sku()), List.of("outbox")), "demo", made);
                store.move(shopId, id, PostStatus.DRAFT, PostStatus.REVIEW, "demo", made.plusSeconds(600), null);
                store.move(shopId, id, PostStatus.REVIEW, PostStatus.SCHEDULED, "boss", made.plusSeconds(3600), null);
                if (d.isBefore(today)) {
                    published(context, id, at);
                    long views = 300 + rnd.nextInt(2_000);
                    double rate = switch (idea[0]) {
                        case "recommendation" -> 0.06;
                        case "rules" -> 0.05;
                        case "story" -> 0.03;
                        default -> 0.02;
                    };
                    for (int k = 0; k < 2 && !d.plusDays(k).isAfter(last); k++) {
                        long v = k == 0 ? views : views / 4;
                        engagement.add(new EngagementRow(id, "outbox", d.plusDays(k), v, v / 20, v / 100,
                                Math.round(v * rate * (0.8 + 0.4 * rnd.nextDouble()))));
                    }
                }
            }
        }
        context.jdbi().useTransaction(h -> ContentStore.writeEngagement(h, shopId, engagement));

        // In review though its time (yesterday evening) has passed; a draft with no time; a failed one.
        Instant evening = last.atTime(LocalTime.of(21, 0)).atZone(zone).toInstant();
        long waiting = store.create(shopId, new Draft(WAITING, "纸巾、保鲜袋、厨房清洁剂，一次买齐更省心。", PostKind.COPY, evening, null,
                List.of(), List.of("outbox")), "demo", evening.minusSeconds(86_400));
        store.move(shopId, waiting, PostStatus.DRAFT, PostStatus.REVIEW, "demo", evening.minusSeconds(80_000), null);
        store.create(shopId, new Draft("新品上架文案（待定）", "", PostKind.COPY, null, null, List.of(), List.of()), "demo",
                evening.minusSeconds(3_600));
        Instant noon = last.atTime(LocalTime.NOON).atZone(zone).toInstant();
        long failed = store.create(shopId, new Draft(FAILED, "本周六会员日全场9折，群内专享券今晚发放。", PostKind.COPY, noon, null,
                List.of(), List.of("webhook")), "demo", noon.minusSeconds(86_400));
        store.move(shopId, failed, PostStatus.DRAFT, PostStatus.REVIEW, "demo", noon.minusSeconds(80_000), null);
        store.move(shopId, failed, PostStatus.REVIEW, PostStatus.SCHEDULED, "boss", noon.minusSeconds(70_000), null);
        context.jdbi().useTransaction(h -> {
            h.createUpdate("""
                            UPDATE content_deliveries SET state = 'failed', attempts = 5, next_attempt_at = NULL,
                                   last_error = 'channel webhook is not set up: url is missing' WHERE post_id = :id""")
                    .bind("id", failed).execute();
            Publisher.settle(h, shopId, failed, noon.plusSeconds(3_600));
        });
    }

    /** Marks a post's deliveries published at {@code at}, as the publisher would have. */
    private static void published(DemoContext context, long id, Instant at) {
        context.jdbi().useTransaction(h -> {
            h.createUpdate("""
                            UPDATE content_deliveries SET state = 'published', attempts = 1, published_at = :at, next_attempt_at = NULL,
                                   external_id = 'outbox-' || CAST(post_id AS TEXT) WHERE post_id = :id""")
                    .bind("at", at.plusSeconds(20).toString()).bind("id", id).execute();
            Publisher.settle(h, context.shop().id(), id, at.plusSeconds(20));
        });
    }
}
