package com.shopops.plugins.traffic.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Places a platform's traffic source name into a {@link Channel}: the shop's own mapping wins, else a
 * guess from words the common back offices use, else {@link Channel#OTHER}.
 */
public final class SourceChannels {

    // Checked in this order: "超级推荐" is a paid product although it contains "推荐" (recommendation).
    private static final List<Map.Entry<Channel, List<String>>> WORDS = List.of(
            Map.entry(Channel.PAID, List.of("直通车", "钻展", "钻石展位", "引力魔方", "万相台", "超级推荐", "淘宝客", "淘宝联盟",
                    "品销宝", "京东快车", "巨量千川", "paid", "cpc", "ppc", "cpm", "ad", "ads", "advert", "advertising", "sponsored", "affiliate", "affiliates")),
            Map.entry(Channel.CAMPAIGN, List.of("聚划算", "淘抢购", "天天特价", "淘金币", "试用", "百亿补贴", "活动",
                    "campaign", "campaigns", "promotion", "promotions", "deal", "deals")),
            Map.entry(Channel.DIRECT, List.of("我的淘宝", "购物车", "收藏", "已买到", "直接访问", "直接", "老客", "会员",
                    "direct", "returning", "bookmark", "bookmarks", "cart")),
            Map.entry(Channel.EXTERNAL, List.of("淘外", "站外", "外部", "微博", "微信", "小红书", "抖音", "外链",
                    "external", "referral", "referrals", "social", "email", "newsletter")),
            Map.entry(Channel.FREE, List.of("搜索", "推荐", "猜你喜欢", "首页", "类目", "search", "organic", "seo",
                    "recommend", "recommended", "recommendation", "recommendations", "browse")));

    private SourceChannels() {
    }

    /** The channel of {@code source}: {@code explicit} (the shop's own mapping) first, then the guess. */
    public static Channel channelOf(String source, Map<String, Channel> explicit) {
        Channel own = explicit.get(source);
        return own != null ? own : guess(source);
    }

    /**
     * The channel the words in {@code source} suggest, or OTHER. Chinese words match anywhere in the
     * name (Chinese has no spaces); Latin words match whole words only, so "Threads" is not "ads".
     */
    public static Channel guess(String source) {
        String s = source == null ? "" : source.toLowerCase(Locale.ROOT);
        // copyOf, not of: a name may repeat a word ("Ads ads"), which Set.of refuses
        Set<String> latinWords = Set.copyOf(Arrays.asList(s.split("[^a-z0-9]+")));
        for (Map.Entry<Channel, List<String>> e : WORDS) {
            for (String word : e.getValue()) {
                boolean latin = word.chars().allMatch(c -> c < 128);
                if (latin ? latinWords.contains(word) : s.contains(word)) {
                    return e.getKey();
                }
            }
        }
        return Channel.OTHER;
    }
}
