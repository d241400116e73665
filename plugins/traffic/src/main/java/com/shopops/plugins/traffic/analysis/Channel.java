package com.shopops.plugins.traffic.analysis;

import java.util.Locale;

/**
 * The five kinds of traffic an operator reads sources by (DOMAIN.md, "Shop analysis"), plus OTHER for a
 * source nobody has placed yet. Every platform names its sources its own way (手淘搜索, 直通车, 聚划算,
 * 我的淘宝 …); the shop maps each onto one of these.
 */
public enum Channel {
    /** Free traffic: search and the platform's recommendation feeds. */
    FREE,
    /** Paid ads: pay-per-click, display, affiliate. */
    PAID,
    /** Platform and own campaigns. */
    CAMPAIGN,
    /** Direct and returning visitors: favourites, cart, order history. */
    DIRECT,
    /** Traffic from outside the platform: social, deal sites, links. */
    EXTERNAL,
    /** Not placed yet. */
    OTHER;

    /** The channel named {@code text} (any case), or an error listing the names. */
    public static Channel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("channel: one of free, paid, campaign, direct, external, other");
        }
    }
}
