package com.shopops.plugins.ads.analysis;

import java.util.Collection;

/**
 * The counted figures of paid promotion — for one keyword or any roll-up of keywords (ad group,
 * campaign, product, day) — and the rates the promotion team reads from them (DOMAIN.md, Morning 4).
 * Counts and money (minor units) add up exactly; every rate is derived from the sums, never averaged,
 * so an ad group's CTR is its clicks ÷ its impressions. A rate whose denominator is 0 is null: a
 * keyword with no clicks has no CPC, not a CPC of 0 or infinity.
 *
 * @param impressions times the ads were shown
 * @param clicks      clicks on them
 * @param cost        what the clicks cost, minor units
 * @param orders      orders attributed to the ads
 * @param gmv         what those orders were worth, minor units
 */
public record AdFigures(long impressions, long clicks, long cost, long orders, long gmv) {

    /** Nothing shown, nothing spent. */
    public static final AdFigures ZERO = new AdFigures(0, 0, 0, 0, 0);

    /** One keyword's counted figures. */
    public static AdFigures of(KeywordStats s) {
        return new AdFigures(s.impressions(), s.clicks(), s.cost(), s.orders(), s.gmv());
    }

    /** The figures of all {@code rows} added up. */
    public static AdFigures sum(Collection<KeywordStats> rows) {
        AdFigures total = ZERO;
        for (KeywordStats s : rows) {
            total = total.plus(of(s));
        }
        return total;
    }

    /** These figures and {@code other} added up (overflow is an error, not a wrap-around). */
    public AdFigures plus(AdFigures other) {
        return new AdFigures(Math.addExact(impressions, other.impressions), Math.addExact(clicks, other.clicks),
                Math.addExact(cost, other.cost), Math.addExact(orders, other.orders), Math.addExact(gmv, other.gmv));
    }

    /** These figures less {@code part}, e.g. an ad group without one of its keywords. */
    public AdFigures minus(AdFigures part) {
        return new AdFigures(Math.subtractExact(impressions, part.impressions), Math.subtractExact(clicks, part.clicks),
                Math.subtractExact(cost, part.cost), Math.subtractExact(orders, part.orders), Math.subtractExact(gmv, part.gmv));
    }

    /** Click-through rate (点击率): clicks ÷ impressions. */
    public Double ctr() {
        return ratio(clicks, impressions);
    }

    /** Average cost per click (平均点击花费), minor units: cost ÷ clicks. */
    public Double cpc() {
        return ratio(cost, clicks);
    }

    /**
     * Conversion rate (转化率): orders ÷ clicks. Can exceed 1 when the report's attribution window
     * credits several orders to one click.
     */
    public Double conversionRate() {
        return ratio(orders, clicks);
    }

    /** Cost per order (CPA), minor units: cost ÷ orders. */
    public Double cpa() {
        return ratio(cost, orders);
    }

    /** Return on ad spend (投入产出比, ROI as the shop calls it): ad GMV ÷ cost. */
    public Double roi() {
        return ratio(gmv, cost);
    }

    /** Advertising cost of sales (ACoS), the inverse of {@link #roi()}: cost ÷ ad GMV. */
    public Double acos() {
        return ratio(cost, gmv);
    }

    /** GMV per order, minor units: gmv ÷ orders. */
    public Double orderValue() {
        return ratio(gmv, orders);
    }

    /**
     * Cost per visitor from ads (UV获取成本), minor units, counting each click as one visitor — the
     * keyword report knows no better. Equal to {@link #cpc()}; use {@link #costPerUv(long)} when the
     * ads' visitors are known (a visitor who clicks twice makes this figure too low).
     */
    public Double costPerUv() {
        return ratio(cost, clicks);
    }

    /** Cost per visitor from ads, minor units, given the ads' visitors (e.g. from the shop's traffic by source). */
    public Double costPerUv(long adUv) {
        return ratio(cost, adUv);
    }

    /** Share of the shop's sales that came from these ads: ad GMV ÷ {@code shopSales} (minor units). */
    public Double shareOfShopSales(long shopSales) {
        return ratio(gmv, shopSales);
    }

    /**
     * Share of the shop's visitors that came from these ads, counting each click as a visitor:
     * clicks ÷ {@code shopUv}. Not capped at 1: a share above 1 says the clicks overcount visitors, and
     * {@link #shareOfShopUv(long, long)} with the ads' own UV is the better figure.
     */
    public Double shareOfShopUv(long shopUv) {
        return ratio(clicks, shopUv);
    }

    /** Share of the shop's visitors that came from ads: {@code adUv} ÷ {@code shopUv}. */
    public Double shareOfShopUv(long adUv, long shopUv) {
        return ratio(adUv, shopUv);
    }

    /** {@code part ÷ whole}, or null when {@code whole} is 0 (or below: a negative count is no base). */
    static Double ratio(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }
}
