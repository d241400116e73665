package com.shopops.plugins.ads;

import com.shopops.api.DemoContributor;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.TrafficDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * The demo shop's paid promotion: 6 campaigns, 20 ad groups (one product each) and about 140 keywords
 * of daily 直通车 keyword reports over the whole demo history, search-term reports for the last 30
 * days, and display (钻展) and affiliate (淘宝客) spend every day. It follows the core demo: each day's
 * ad clicks add up to about the visitors of the {@value #PAID_SOURCE} traffic source, ad orders come
 * from those clicks at each keyword's conversion rate and are worth the product's price, and no ad
 * runs before its product is listed.
 *
 * <p>The stories the decisions should find: {@value #BURNING} burns money without orders;
 * {@value #HIGH_ROI} has a high ROI on plenty of clicks; {@value #ONE_CLICK} has exactly one click and
 * one order, yesterday only; {@value #QUALITY_DROP}'s quality score fell from 9 to 5 yesterday;
 * {@value #LOW_CTR}'s CTR is a tenth of its ad group's; and the search terms in {@link #STORY_TERMS}
 * convert well without being keywords yet. Same seed, same data.
 */
@Extension
public final class AdsDemo implements DemoContributor {

    /** The core demo's traffic source of paid ads. */
    static final String PAID_SOURCE = "paid";
    static final String BURNING = "不粘锅 炒锅 家用";
    static final String HIGH_ROI = "硅胶锅铲套装";
    static final String ONE_CLICK = "珐琅锅 22cm 送礼";
    static final String QUALITY_DROP = "保温杯 大容量";
    static final String LOW_CTR = "砧板";
    /** Converting search terms that are not keywords, by the keyword whose ads they triggered. */
    static final Map<String, String> STORY_TERMS = Map.of(
            "硅胶锅铲", "硅胶锅铲 不伤锅 耐高温",
            "保鲜盒", "玻璃保鲜盒 微波炉 带盖",
            "保温杯", "保温杯 女 便携");
    /** Days at the end of the history that have search-term reports. */
    static final int SEARCH_TERM_DAYS = 30;
    private static final int BATCH = 5_000;
    private static final List<String> SUFFIXES = List.of("包邮", "家用", "推荐", "正品", "新款", "旗舰店");

    /** An ad group: the campaign it belongs to, the product it promotes and its keywords. */
    private record Group(String campaign, String sku, String name, List<String> keywords) {
    }

    private static Group group(String campaign, String sku, String name, String... keywords) {
        return new Group(campaign, sku, name, List.of(keywords));
    }

    private static final List<Group> GROUPS = List.of(
            group("爆款-硅胶厨具", "HK-001", "硅胶厨具套装", "硅胶厨具", "硅胶锅铲", "厨具套装", HIGH_ROI, "耐高温 锅铲", "不伤锅 锅铲",
                    "厨房用具 全套", "硅胶汤勺", "锅铲 套装 家用"),
            group("爆款-硅胶厨具", "HK-010", "削皮器三件套", "削皮器", "刨丝器", "削皮刀", "多功能 削皮器", "土豆 刨丝器", "擦丝器"),
            group("爆款-硅胶厨具", "HK-012", "厨房电子秤", "厨房秤", "电子秤 烘焙", "0.1g 电子秤", "烘焙称", "食物秤", "家用 小秤", "克称"),
            group("日常推广-锅具", "HK-002", "麦饭石炒锅", "不粘锅", "炒锅", "麦饭石锅", BURNING, "电磁炉 炒锅", "32cm 炒锅",
                    "燃气灶 炒锅", "无油烟锅"),
            group("日常推广-锅具", "HK-003", "不锈钢汤锅", "汤锅", "不锈钢汤锅", "304 汤锅", "加厚 汤锅", "双耳 汤锅", "煮锅", "复底 汤锅"),
            group("日常推广-锅具", "HK-004", "珐琅锅", "珐琅锅", "铸铁锅", "炖锅", "珐琅锅 22cm", "铸铁 炖锅", ONE_CLICK),
            group("日常推广-锅具", "HK-005", "煎蛋锅", "煎蛋锅", "小平底锅", "早餐锅", "不粘 煎锅 16cm", "迷你 煎锅", "平底锅"),
            group("刀具砧板", "HK-006", "德式菜刀", "菜刀", "切片刀", "德式 菜刀", "不锈钢 菜刀", "家用 菜刀 锋利", "厨师刀", "刀具套装"),
            group("刀具砧板", "HK-007", "整竹砧板", LOW_CTR, "竹砧板", "案板", "切菜板", "防霉 砧板", "加厚 菜板", "大号 案板"),
            group("刀具砧板", "HK-008", "抗菌砧板", "抗菌砧板", "TPU 砧板", "分类 菜板", "双面 砧板", "塑料 砧板", "宝宝辅食 砧板"),
            group("餐具杯壶", "HK-013", "日式陶瓷碗", "陶瓷碗", "饭碗", "日式 碗", "釉下彩 碗", "碗 家用 4只", "碗碟", "面碗"),
            group("餐具杯壶", "HK-014", "骨瓷餐具套装", "骨瓷餐具", "餐具套装", "碗碟套装", "乔迁 礼物", "骨瓷 碗盘", "结婚 餐具"),
            group("餐具杯壶", "HK-017", "保温杯", "保温杯", QUALITY_DROP, "304 保温杯", "保温水杯", "500ml 保温杯", "男士 保温杯",
                    "女士 保温杯", "保温杯 定制"),
            group("餐具杯壶", "HK-019", "玻璃冷水壶", "冷水壶", "凉水壶", "玻璃水壶", "大容量 冷水壶", "耐高温 水壶", "凉水杯"),
            group("收纳整理", "HK-021", "玻璃保鲜盒", "保鲜盒", "玻璃保鲜盒", "微波炉 饭盒", "便当盒", "玻璃饭盒", "保鲜盒 套装", "带饭 饭盒"),
            group("收纳整理", "HK-022", "调料盒", "调料盒", "调味罐", "调料罐 套装", "厨房 调料瓶", "盐罐", "调味盒"),
            group("收纳整理", "HK-024", "碗碟沥水架", "沥水架", "碗架", "碗碟架", "沥水篮", "厨房 置物架", "伸缩 沥水架", "台面 碗架"),
            group("收纳整理", "HK-028", "真空压缩袋", "压缩袋", "真空压缩袋", "棉被 收纳袋", "收纳袋", "抽气 压缩袋", "衣物 压缩袋"),
            group("清洁用品", "HK-031", "懒人抹布", "抹布", "懒人抹布", "一次性 抹布", "干湿两用 抹布", "厨房 纸巾", "洗碗布"),
            group("清洁用品", "HK-032", "旋转拖把", "拖把", "旋转拖把", "免手洗 拖把", "拖把 桶", "家用 拖把", "拖布", "懒人拖把"));

    /** A keyword's steady profile, drawn once. */
    private static final class Plan {
        final Group group;
        final String keyword;
        final long price;
        final LocalDate listedOn;
        final double weight;
        final double ctr;
        final double conversion;
        final long cpc;
        final long bid;
        final double rank;
        final int quality;
        final String variant;
        final double variantConversion;
        final double variantShare;

        Plan(Group group, String keyword, long price, LocalDate listedOn, int index, SplittableRandom rnd) {
            this.group = group;
            this.keyword = keyword;
            this.price = price;
            this.listedOn = listedOn;
            boolean core = group.keywords().get(0).equals(keyword);
            double w = Math.exp(0.8 * gauss(rnd)) * (core ? 2.5 : 1.0);
            double c = 0.015 + 0.04 * rnd.nextDouble();
            double cr = Math.min(0.09, Math.max(0.01, 0.045 * Math.exp(0.45 * gauss(rnd))));
            long perClick = 40 + rnd.nextInt(120);
            double r = 1.5 + 6 * rnd.nextDouble();
            int q = 6 + rnd.nextInt(5);
            switch (keyword) {
                case BURNING -> { w = 6.0; perClick = 260; cr = 0; q = 7; }
                case HIGH_ROI -> { w = 8.0; c = 0.065; cr = 0.11; perClick = 70; q = 10; r = 1.8; }
                case ONE_CLICK -> w = 0; // only yesterday's single click, below
                case QUALITY_DROP -> { q = 9; r = 2.5; }
                case LOW_CTR -> { w = 2.0; c = 0.0035; }
                default -> { }
            }
            // Enough clicks behind the story terms that their orders are evidence, not luck.
            this.weight = STORY_TERMS.containsKey(keyword) ? Math.max(w, 3.5) : w;
            this.ctr = c;
            this.conversion = cr;
            this.cpc = perClick;
            this.bid = Math.round(perClick * 1.3 / 5.0) * 5;
            this.rank = r;
            this.quality = q;
            String story = STORY_TERMS.get(keyword);
            this.variant = story != null ? story : keyword + " " + SUFFIXES.get(index % SUFFIXES.size());
            this.variantConversion = story != null ? 0.10 : cr * 0.7;
            this.variantShare = story != null ? 0.35 : 0.25;
        }
    }

    @Override
    public void contribute(DemoContext context) {
        long shopId = context.shop().id();
        SplittableRandom rnd = new SplittableRandom(context.seed() * 1_000_003L + 0xAD5L);
        Map<String, Product> products = new HashMap<>();
        context.data().products(shopId).forEach(p -> products.put(p.sku(), p));
        Map<LocalDate, Long> paidUv = new HashMap<>();
        for (TrafficDay t : context.data().traffic(shopId, context.from(), context.to())) {
            if (t.source().equals(PAID_SOURCE)) {
                paidUv.put(t.day(), t.uv());
            }
        }
        long typicalUv = paidUv.isEmpty() ? 500 : Math.max(1, paidUv.values().stream().sorted().toList().get(paidUv.size() / 2));

        List<Plan> plans = new ArrayList<>();
        for (Group g : GROUPS) {
            Product p = products.get(g.sku());
            long price = p != null && p.price() != null ? p.price() : 5_900;
            LocalDate listed = p != null && p.listedOn() != null ? p.listedOn() : context.from();
            for (String k : g.keywords()) {
                plans.add(new Plan(g, k, price, listed, plans.size(), rnd));
            }
        }

        List<KeywordDay> keywords = new ArrayList<>();
        List<SearchTermDay> terms = new ArrayList<>();
        List<SpendDay> spend = new ArrayList<>();
        LocalDate searchTermsFrom = context.to().minusDays(SEARCH_TERM_DAYS - 1L);
        for (LocalDate day = context.from(); !day.isAfter(context.to()); day = day.plusDays(1)) {
            long uv = paidUv.getOrDefault(day, typicalUv);
            boolean yesterday = day.equals(context.to());
            double weights = 0;
            for (Plan p : plans) {
                weights += day.isBefore(p.listedOn) ? 0 : p.weight;
            }
            for (Plan p : plans) {
                if (day.isBefore(p.listedOn)) {
                    continue;
                }
                if (p.keyword.equals(ONE_CLICK)) {
                    if (yesterday) {
                        keywords.add(new KeywordDay(day, p.group.campaign(), p.group.name(), p.group.sku(), p.keyword, 12, 1,
                                p.cpc, 1, p.price, round1(p.rank), p.quality, p.bid));
                    }
                    continue;
                }
                double expected = uv * p.weight / weights * Math.max(0.2, 1 + 0.18 * gauss(rnd));
                boolean dropped = yesterday && p.keyword.equals(QUALITY_DROP);
                // A quality score that falls costs impressions and position: the day's ads show less and lower.
                double shown = expected / p.ctr * (dropped ? 0.45 : 1) * Math.max(0.5, 1 + 0.08 * gauss(rnd));
                long impressions = Math.round(shown);
                if (impressions == 0) {
                    continue;
                }
                double rank = p.rank * Math.max(0.6, 1 + 0.1 * gauss(rnd)) * (dropped ? 2.2 : 1);
                int quality = dropped ? 5 : p.quality;
                long clicks = Math.min(impressions, Math.round(expected * (dropped ? 0.45 : 1)));
                if (!day.isBefore(searchTermsFrom) && clicks > 0) {
                    // The last weeks: the keyword's day is the sum of its search terms, as in the real reports.
                    long variantClicks = Math.round(clicks * p.variantShare);
                    long variantImpressions = Math.min(Math.round(impressions * p.variantShare), impressions);
                    variantClicks = Math.min(variantClicks, variantImpressions);
                    SearchTermDay exact = term(p, day, p.keyword, impressions - variantImpressions, clicks - variantClicks,
                            p.conversion, rnd);
                    SearchTermDay variant = term(p, day, p.variant, variantImpressions, variantClicks, p.variantConversion, rnd);
                    for (SearchTermDay t : List.of(exact, variant)) {
                        if (t.impressions() > 0) {
                            terms.add(t);
                        }
                    }
                    keywords.add(new KeywordDay(day, p.group.campaign(), p.group.name(), p.group.sku(), p.keyword, impressions,
                            clicks, exact.cost() + variant.cost(), exact.orders() + variant.orders(), exact.gmv() + variant.gmv(),
                            round1(rank), quality, p.bid));
                } else {
                    long orders = binomial(clicks, p.conversion, rnd);
                    keywords.add(new KeywordDay(day, p.group.campaign(), p.group.name(), p.group.sku(), p.keyword, impressions,
                            clicks, cost(clicks, p.cpc, rnd), orders, orders * p.price, round1(rank), quality, p.bid));
                }
            }
            double scale = (double) uv / typicalUv;
            long bannerImpressions = Math.round(30_000 * scale * Math.max(0.5, 1 + 0.1 * gauss(rnd)));
            long bannerClicks = Math.round(bannerImpressions * 0.008);
            long bannerOrders = binomial(bannerClicks, 0.015, rnd);
            spend.add(new SpendDay(day, SpendDay.Kind.DISPLAY, "钻展-首页焦点图", bannerImpressions, bannerClicks,
                    bannerImpressions * 2, bannerOrders, bannerOrders * 11_900));
            long feedImpressions = Math.round(12_000 * scale * Math.max(0.5, 1 + 0.15 * gauss(rnd)));
            long feedClicks = Math.round(feedImpressions * 0.012);
            long feedOrders = binomial(feedClicks, 0.02, rnd);
            spend.add(new SpendDay(day, SpendDay.Kind.DISPLAY, "引力魔方-猜你喜欢", feedImpressions, feedClicks,
                    feedClicks * 45, feedOrders, feedOrders * 8_900));
            long affiliateClicks = Math.round(60 * scale * Math.max(0.3, 1 + 0.2 * gauss(rnd)));
            long affiliateOrders = binomial(affiliateClicks, 0.05, rnd);
            long affiliateGmv = affiliateOrders * 9_900;
            // Pay-per-sale: the commission, 15% of what the affiliates sold, is the whole cost.
            spend.add(new SpendDay(day, SpendDay.Kind.AFFILIATE, "淘宝客-通用计划", 0, affiliateClicks, affiliateGmv * 15 / 100,
                    affiliateOrders, affiliateGmv));
        }
        write(context, keywords, ReportWriter::keywords);
        write(context, terms, ReportWriter::searchTerms);
        write(context, spend, ReportWriter::spend);
    }

    private static SearchTermDay term(Plan p, LocalDate day, String term, long impressions, long clicks, double conversion,
                                      SplittableRandom rnd) {
        long orders = binomial(clicks, conversion, rnd);
        return new SearchTermDay(day, p.group.campaign(), p.group.name(), p.group.sku(), p.keyword, term, impressions, clicks,
                cost(clicks, p.cpc, rnd), orders, orders * p.price);
    }

    private static <T> void write(DemoContext context, List<T> rows,
                                  java.util.function.BiFunction<ReportWriter, List<T>, ?> writer) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<T> batch = rows.subList(i, Math.min(rows.size(), i + BATCH));
            context.jdbi().useTransaction(h -> writer.apply(new ReportWriter(h, context.shop().id()), batch));
        }
    }

    private static long cost(long clicks, long cpc, SplittableRandom rnd) {
        return Math.max(0, Math.round(clicks * cpc * (1 + 0.06 * gauss(rnd))));
    }

    private static long binomial(long n, double p, SplittableRandom rnd) {
        long k = 0;
        for (long i = 0; i < n; i++) {
            if (rnd.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    private static double round1(double x) {
        return Math.max(1.0, Math.round(x * 10) / 10.0);
    }

    /** A standard normal draw (Box–Muller), from the one generator so the data depends on the seed alone. */
    private static double gauss(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
