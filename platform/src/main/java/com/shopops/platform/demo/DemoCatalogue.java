package com.shopops.platform.demo;

import com.shopops.api.domain.Product;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo shop's range: forty home and kitchen products on Tmall, one of them the hero item (主打款).
 * Prices are in the shop currency's major unit (yuan for CNY). Each product has a role that decides its
 * listing history and stock: most are long-standing, some were listed during the period, a few in the
 * last 30 days, two were delisted, one sold out, a few are low on stock.
 */
final class DemoCatalogue {

    /** A product's part in the demo's story. */
    enum Role { HERO, CORE, MID, NEW, DELISTED, SOLD_OUT, LOW }

    /** A product as the catalogue writes it: price in major units, popularity as a relative weight. */
    record Spec(String sku, String title, String category, int price, double popularity, Role role) {
    }

    static final String HERO_SKU = "HK-001";

    private static final String POTS = "厨房用具/锅具";
    private static final String KNIVES = "厨房用具/刀具砧板";
    private static final String TOOLS = "厨房用具/厨房小工具";
    private static final String TABLEWARE = "餐具/碗盘筷";
    private static final String DRINK = "餐具/杯壶茶具";
    private static final String KITCHEN_STORAGE = "收纳整理/厨房收纳";
    private static final String HOME_STORAGE = "收纳整理/衣物收纳";
    private static final String CLEANING = "清洁用品";
    private static final String TEXTILES = "家居布艺";

    static final List<Spec> SPECS = List.of(
            new Spec("HK-001", "硅胶厨具套装 耐高温不伤锅 锅铲汤勺漏勺 12件套", TOOLS, 89, 0, Role.HERO),
            new Spec("HK-002", "麦饭石不粘炒锅 家用电磁炉燃气灶通用 32cm", POTS, 259, 3.0, Role.CORE),
            new Spec("HK-003", "304不锈钢汤锅 加厚复底 双耳 24cm", POTS, 199, 2.0, Role.CORE),
            new Spec("HK-004", "铸铁珐琅锅 炖锅 22cm 多色可选", POTS, 399, 1.2, Role.NEW),
            new Spec("HK-005", "煎蛋小平底锅 不粘 16cm 早餐锅", POTS, 59, 4.0, Role.CORE),
            new Spec("HK-006", "德式不锈钢菜刀 切片刀 家用锋利", KNIVES, 129, 2.5, Role.CORE),
            new Spec("HK-007", "整竹砧板 加厚 防霉案板 大号", KNIVES, 69, 3.0, Role.CORE),
            new Spec("HK-008", "抗菌TPU砧板 双面可用 分类切菜板", KNIVES, 49, 3.5, Role.CORE),
            new Spec("HK-009", "厨房剪刀 多功能 可拆洗 不锈钢", TOOLS, 29, 4.0, Role.LOW),
            new Spec("HK-010", "多功能削皮器刨丝器 三件套", TOOLS, 25, 5.0, Role.CORE),
            new Spec("HK-011", "硅胶油刷 耐高温 烘焙刷 2支装", TOOLS, 19, 3.0, Role.DELISTED),
            new Spec("HK-012", "厨房电子秤 0.1g精准 烘焙称", TOOLS, 45, 3.0, Role.CORE),
            new Spec("HK-013", "日式陶瓷碗 釉下彩 家用饭碗 4只装", TABLEWARE, 79, 4.0, Role.CORE),
            new Spec("HK-014", "骨瓷餐具套装 碗碟 22件 乔迁送礼", TABLEWARE, 369, 1.5, Role.CORE),
            new Spec("HK-015", "北欧风陶瓷盘 西餐盘 2只装", TABLEWARE, 59, 3.0, Role.MID),
            new Spec("HK-016", "鸡翅木筷子 无漆无蜡 10双装", TABLEWARE, 39, 5.0, Role.LOW),
            new Spec("HK-017", "304不锈钢保温杯 大容量 500ml", DRINK, 99, 4.0, Role.CORE),
            new Spec("HK-018", "耐热玻璃水杯 带盖 吸管杯 450ml", DRINK, 35, 3.5, Role.MID),
            new Spec("HK-019", "玻璃冷水壶 大容量 耐高温 1.8L", DRINK, 49, 3.0, Role.CORE),
            new Spec("HK-020", "陶瓷功夫茶具套装 家用茶杯茶壶", DRINK, 189, 1.5, Role.NEW),
            new Spec("HK-021", "玻璃保鲜盒 微波炉可用 饭盒 3件套", KITCHEN_STORAGE, 69, 5.0, Role.CORE),
            new Spec("HK-022", "调料盒 调味罐 厨房 带勺 6件套", KITCHEN_STORAGE, 39, 4.5, Role.CORE),
            new Spec("HK-023", "厨房置物架 落地多层 微波炉架", KITCHEN_STORAGE, 159, 2.0, Role.CORE),
            new Spec("HK-024", "碗碟沥水架 台面 可伸缩", KITCHEN_STORAGE, 89, 3.0, Role.CORE),
            new Spec("HK-025", "米桶 防虫防潮 密封 10kg", KITCHEN_STORAGE, 79, 2.5, Role.SOLD_OUT),
            new Spec("HK-026", "冰箱收纳盒 食品级 抽屉式 4个装", KITCHEN_STORAGE, 59, 4.0, Role.MID),
            new Spec("HK-027", "布艺收纳箱 可折叠 大号 3个装", HOME_STORAGE, 69, 3.0, Role.CORE),
            new Spec("HK-028", "真空压缩袋 棉被收纳 送电泵 8件套", HOME_STORAGE, 49, 3.5, Role.CORE),
            new Spec("HK-029", "内衣收纳盒 分格 抽屉式 3件套", HOME_STORAGE, 39, 2.5, Role.DELISTED),
            new Spec("HK-030", "透明鞋盒 加厚 可叠加 6个装", HOME_STORAGE, 59, 3.0, Role.MID),
            new Spec("HK-031", "懒人抹布 干湿两用 加厚 3卷", CLEANING, 19, 6.0, Role.CORE),
            new Spec("HK-032", "旋转拖把 免手洗 家用 带桶", CLEANING, 129, 2.5, Role.CORE),
            new Spec("HK-033", "硅藻泥吸水地垫 卫生间 防滑", CLEANING, 45, 3.0, Role.MID),
            new Spec("HK-034", "厨房去油污清洁剂 500ml×2瓶", CLEANING, 29, 4.5, Role.CORE),
            new Spec("HK-035", "百洁布 洗碗布 不沾油 20片装", CLEANING, 19, 5.0, Role.LOW),
            new Spec("HK-036", "棉麻桌布 北欧 长方形 茶几布", TEXTILES, 69, 2.0, Role.NEW),
            new Spec("HK-037", "纯棉围裙 防水防油 家用厨房", TEXTILES, 35, 3.0, Role.CORE),
            new Spec("HK-038", "硅胶隔热手套 微波炉烤箱 加厚 一对", TEXTILES, 29, 3.0, Role.MID),
            new Spec("HK-039", "防滑隔热餐垫 4片装", TEXTILES, 39, 3.0, Role.CORE),
            new Spec("HK-040", "珊瑚绒擦手巾 挂式 吸水 5条装", TEXTILES, 29, 2.5, Role.NEW));

    /** Share of the shop's sales the hero item is set up to bring. */
    static final double HERO_SHARE = 0.25;

    /** Days before the last day that the sold-out product last sold. */
    static final int SOLD_OUT_DAYS = 5;

    private DemoCatalogue() {
    }

    /** A product during generation: its dates, money in minor units, weight and (at the end) stock. */
    static final class Item {
        final Spec spec;
        final int index;
        final long price;
        final long cost;
        final double weight;
        final LocalDate listedOn;
        final LocalDate delistedOn;
        final LocalDate soldOutOn;
        Integer stock;

        Item(Spec spec, int index, long price, long cost, double weight, LocalDate listedOn, LocalDate delistedOn,
             LocalDate soldOutOn) {
            this.spec = spec;
            this.index = index;
            this.price = price;
            this.cost = cost;
            this.weight = weight;
            this.listedOn = listedOn;
            this.delistedOn = delistedOn;
            this.soldOutOn = soldOutOn;
        }

        boolean hero() {
            return spec.role() == Role.HERO;
        }

        /** Whether it can be bought on the day. */
        boolean onSale(LocalDate day) {
            return !day.isBefore(listedOn) && (delistedOn == null || day.isBefore(delistedOn))
                    && (soldOutOn == null || day.isBefore(soldOutOn));
        }

        /** Relative chance of being picked for an order line on the day (0 when not on sale). */
        double weightOn(LocalDate day) {
            if (!onSale(day)) {
                return 0;
            }
            long age = day.toEpochDay() - listedOn.toEpochDay();
            return age < 14 ? weight * 1.4 : weight; // the new-product window
        }

        Product product() {
            Product.Status status = delistedOn == null ? Product.Status.LISTED : Product.Status.DELISTED;
            return new Product(0, 0, spec.sku(), spec.title(), spec.category(), price, cost, stock, status, listedOn);
        }
    }

    /**
     * The range for a period, listing dates and costs drawn from {@code rnd}. {@code unit} is the
     * number of minor units in a major one (100 for CNY).
     */
    static List<Item> build(SplittableRandom rnd, LocalDate first, LocalDate last, long unit) {
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        double expectedQuantity = 0;
        double othersRevenue = 0;
        Spec hero = null;
        for (Spec s : SPECS) {
            if (s.role() == Role.HERO) {
                hero = s;
            } else {
                othersRevenue += s.popularity() * s.price() * quantityMean(s.price());
            }
        }
        // the hero's weight gives it HERO_SHARE of the expected revenue (slightly more, since some
        // products are not on sale all the period)
        double heroWeight = (HERO_SHARE - 0.03) / (1 - HERO_SHARE + 0.03) * othersRevenue
                / (hero.price() * quantityMean(hero.price()));
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < SPECS.size(); i++) {
            Spec s = SPECS.get(i);
            long price = s.price() * unit;
            long cost = roundTo(price * (0.40 + 0.25 * rnd.nextDouble()), Math.max(1, unit / 10));
            LocalDate listedOn = switch (s.role()) {
                case HERO, CORE, DELISTED, SOLD_OUT, LOW -> first.minusDays(60 + rnd.nextInt(700));
                case MID -> first.plusDays(between(rnd, Math.min(20, days - 1), Math.max(0, days - 45)));
                case NEW -> last.minusDays(between(rnd, 5, 28));
            };
            LocalDate delistedOn = s.role() == Role.DELISTED
                    ? first.plusDays(between(rnd, Math.min(90, days - 1), Math.max(0, days - 30))) : null;
            LocalDate soldOutOn = s.role() == Role.SOLD_OUT ? last.minusDays(SOLD_OUT_DAYS - 1) : null;
            double weight = s.role() == Role.HERO ? heroWeight : s.popularity();
            items.add(new Item(s, i, price, cost, weight, listedOn, delistedOn, soldOutOn));
        }
        return items;
    }

    /** Mean units per order line by list price: cheap things are bought two or three at a time. */
    static double quantityMean(int price) {
        return price < 40 ? 1.5 : price < 100 ? 1.15 : 1.0;
    }

    /** Units on an order line for a product at a list price (major units). */
    static int quantity(SplittableRandom rnd, int price) {
        double r = rnd.nextDouble();
        if (price < 40) {
            return r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
        }
        if (price < 100) {
            return r < 0.85 ? 1 : 2;
        }
        return 1;
    }

    /** Stock at the end of the period for products other than the hero. */
    static int stock(SplittableRandom rnd, Role role) {
        return switch (role) {
            case SOLD_OUT -> 0;
            case LOW -> 8 + rnd.nextInt(38);
            case DELISTED -> rnd.nextInt(30);
            default -> 80 + rnd.nextInt(1120);
        };
    }

    static long roundTo(double value, long step) {
        return Math.max(step, Math.round(value / step) * step);
    }

    private static long between(SplittableRandom rnd, long from, long to) {
        return to <= from ? from : from + rnd.nextLong(to - from + 1);
    }
}
