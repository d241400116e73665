package com.shopops.platform.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Words for the demo shop: review texts by rating, refund reasons, shopper nicknames. */
final class DemoTexts {

    static final List<String> REFUND_REASONS = List.of("尺码不合适", "质量问题", "不想要了", "发错货", "物流太慢");
    /** Relative frequency of each reason in {@link #REFUND_REASONS}. */
    private static final double[] REFUND_REASON_WEIGHTS = {0.22, 0.25, 0.30, 0.09, 0.14};
    static final String SLOW_DELIVERY = "物流太慢";

    private static final List<List<String>> REVIEWS = List.of(
            List.of("质量太差，用了两次就坏了", "收到就是破的，联系客服半天才回", "有很重的异味，不敢用",
                    "发错货了，退换很麻烦", "做工粗糙，和图片差太多"),
            List.of("做工比较粗糙，有毛刺", "和描述不太一样，有点失望", "用了一周就有点变形", "包装破损，里面有划痕"),
            List.of("一般般，对得起价格", "有点小瑕疵，不影响使用", "东西还行，发货太慢了", "味道有点大，晾了几天才散",
                    "比想象中小，凑合用吧"),
            List.of("整体不错，就是物流慢了一点", "还可以，比预期小一点", "质量可以，包装有点简陋",
                    "挺好的，颜色和图片有点色差", "用着还行，再观察一下耐用度", "不错，性价比可以"),
            List.of("质量很好，做工精细，很满意", "物流很快，包装完好，好评", "用了几天再来评价，非常好用",
                    "性价比很高，会回购的", "和图片一样，颜色很正", "第二次购买了，一如既往的好",
                    "客服态度很好，耐心解答", "厚实耐用，家里人都说好", "很实用，厨房整洁多了", "送给妈妈的，她很喜欢",
                    "尺寸刚好，没有异味", "东西不错，值这个价", "发货速度快，隔天就到了", "做工扎实，细节处理得好",
                    "好用不贵，推荐购买", "颜值很高，放在家里很好看", "收纳效果很好，空间大了不少", "五星好评！"));

    /** The two bad reviews the hero item gets on the last day (rating, text). */
    static final List<String> HERO_COMPLAINTS = List.of(
            "锅铲用了三次手柄就断了，质量太差，要求退货",
            "硅胶有明显异味，洗了好几遍还有，和描述不符");

    private DemoTexts() {
    }

    static String refundReason(SplittableRandom rnd) {
        return REFUND_REASONS.get(pick(rnd, REFUND_REASON_WEIGHTS));
    }

    /** A rating: mostly 5 stars, about 5% at 1–3 stars. */
    static int rating(SplittableRandom rnd) {
        double r = rnd.nextDouble();
        return r < 0.015 ? 1 : r < 0.027 ? 2 : r < 0.050 ? 3 : r < 0.125 ? 4 : 5;
    }

    static String review(SplittableRandom rnd, int rating) {
        List<String> texts = REVIEWS.get(rating - 1);
        return texts.get(rnd.nextInt(texts.size()));
    }

    /** An index drawn with the given relative weights. */
    static int pick(SplittableRandom rnd, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * A Taobao-style nickname ({@code tb_8f3a21}) for a person index below 2^24, distinct for distinct
     * indexes: the index goes through a bijection of the 24-bit numbers keyed by the seed.
     */
    static String nickname(long seed, int index) {
        final long mask = (1L << 24) - 1;
        long a = (seed * 0x9E3779B97F4A7C15L >>> 40 | 1) & mask;
        long b = (seed * 0xC2B2AE3D27D4EB4FL >>> 40) & mask;
        long x = index & mask;
        x = (x * a + b) & mask;
        x ^= x >>> 11;
        x = (x * 0x2F5B3L) & mask;
        x ^= x >>> 13;
        x = (x * a + 0x51ED) & mask;
        String hex = Long.toHexString(x | 1L << 24); // a leading 1 keeps the zeros: "1" + six digits
        return "tb_" + hex.substring(1);
    }
}
