package com.shopops.plugins.listings.analysis;

import java.util.List;

/**
 * A shop's listing rules, each a plugin setting (the key beside it) over a default from DOMAIN.md or the
 * platforms' rules.
 *
 * @param topCount         {@code top-count}: products watched daily for reviews and copycats, default 5
 * @param topDays          {@code top-days}: days of views (or sales) that rank them, default 7
 * @param negativeMax      {@code negative-max}: a rating up to this is negative (差评), default 2
 * @param neutralMax       {@code neutral-max}: above negative and up to this is neutral (中评), default 3
 * @param similarity       {@code similarity}: title similarity (bigram Jaccard) from which a listing is a
 *                         suspected copycat, default 0.6
 * @param suspectDays      {@code suspect-days}: a suspect seen within this many days up to the briefing's day
 *                         is raised while open, default 7
 * @param ownShopNames     {@code own-shop-names}: the shop's own names on the marketplace, whose listings are
 *                         ours (separated by commas); listings whose id is one of our SKUs are ours too
 * @param bannedWords      {@code banned-words}: extreme and medical words a title must not use (separated by
 *                         commas; Latin words match whole words, ignoring case; others anywhere)
 * @param titleMax         {@code title-max}: a title's length limit, a Chinese character counting 2 and any
 *                         other 1 (Taobao: 60, i.e. 30 Chinese characters), default 60
 * @param attributesMin    {@code attributes-min}: share of a product's attributes that must be filled, default 0.8
 * @param priceLadderRatio {@code price-ladder-ratio}: the dearest variant of a product may cost at most this
 *                         many times the cheapest, default 3
 * @param stockWarning     {@code stock-warning}: a listed product with less stock than this is low, default 50
 */
public record ListingRules(int topCount, int topDays, int negativeMax, int neutralMax, double similarity, int suspectDays,
                           List<String> ownShopNames, List<String> bannedWords, int titleMax, double attributesMin,
                           double priceLadderRatio, int stockWarning) {

    /** The defaults: 极限用语 of China's advertising law and common medical claims, in Chinese and English. */
    public static final List<String> DEFAULT_BANNED = List.of("最", "第一", "国家级", "世界级", "顶级", "极品", "极致", "唯一",
            "首个", "万能", "绝对", "100%", "治疗", "治愈", "根治", "药用", "抗癌", "防癌", "消炎", "best", "no.1", "number one",
            "cure", "cures", "heal", "heals", "treats", "miracle");

    public static final ListingRules DEFAULT = new ListingRules(5, 7, 2, 3, 0.6, 7, List.of(), DEFAULT_BANNED, 60, 0.8, 3.0, 50);

    public ListingRules {
        ownShopNames = List.copyOf(ownShopNames);
        bannedWords = List.copyOf(bannedWords);
        require(topCount >= 1 && topCount <= 50, "topCount: 1 to 50 products");
        require(topDays >= 1 && topDays <= 90, "topDays: 1 to 90 days");
        require(negativeMax >= 1 && negativeMax <= 4, "negativeMax: a rating from 1 to 4");
        require(neutralMax >= negativeMax && neutralMax <= 4, "neutralMax: a rating from negativeMax to 4");
        require(similarity > 0 && similarity <= 1, "similarity: above 0, at most 1");
        require(suspectDays >= 1 && suspectDays <= 90, "suspectDays: 1 to 90 days");
        require(ownShopNames.size() <= 20 && ownShopNames.stream().allMatch(n -> !n.isBlank() && n.length() <= 100),
                "ownShopNames: at most 20 names of 1 to 100 characters");
        require(bannedWords.size() <= 500 && bannedWords.stream().allMatch(w -> !w.isBlank() && w.length() <= 50),
                "bannedWords: at most 500 words of 1 to 50 characters");
        require(titleMax >= 10 && titleMax <= 500, "titleMax: 10 to 500");
        require(attributesMin >= 0 && attributesMin <= 1, "attributesMin: a share from 0 to 1");
        require(priceLadderRatio >= 1 && priceLadderRatio <= 100, "priceLadderRatio: 1 to 100");
        require(stockWarning >= 0 && stockWarning <= 1_000_000, "stockWarning: 0 to 1,000,000 units");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
