package com.shopops.plugins.ads;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Ad spend on one shop-local day that is not pay-per-click keywords: a display campaign or an
 * affiliate channel. Money in minor units.
 *
 * @param day         the shop-local day
 * @param kind        display or affiliate
 * @param name        the campaign's or channel's name
 * @param impressions times shown (0 when the channel does not report it, as affiliates often do not)
 * @param clicks      clicks
 * @param cost        what it cost: the CPM/CPC bill, or the affiliate commission
 * @param orders      orders attributed
 * @param gmv         what those orders were worth
 */
public record SpendDay(LocalDate day, Kind kind, String name, long impressions, long clicks, long cost, long orders,
                       long gmv) {

    /** The kinds of spend besides keywords. */
    public enum Kind {
        /** Display ads, paid per thousand impressions or per click (钻展, 引力魔方). */
        DISPLAY,
        /** Pay-per-sale: a commission on the orders an affiliate brings (淘宝客). */
        AFFILIATE;

        /** The kind as stored: {@code display}, {@code affiliate}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind stored as {@code code}. */
        public static Kind of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
