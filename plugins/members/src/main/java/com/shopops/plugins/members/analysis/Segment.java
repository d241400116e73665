package com.shopops.plugins.members.analysis;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A customer's RFM segment, read from the recency (R) and frequency (F) scores on a 5 × 5 grid; monetary
 * (M) is shown but does not decide the segment, so that a few large orders do not mask a customer slipping
 * away. The grid, rows R, columns F:
 * <pre>
 *      F1              F2               F3               F4           F5
 * R1   lost            hibernating      at-risk          at-risk      cant-lose
 * R2   hibernating     hibernating      at-risk          at-risk      cant-lose
 * R3   about-to-sleep  about-to-sleep   need-attention   loyal        loyal
 * R4   promising       potential-loyal  potential-loyal  loyal        loyal
 * R5   new             potential-loyal  potential-loyal  champions    champions
 * </pre>
 */
public enum Segment {
    CHAMPIONS("champions", Offer.MEMBER_PRICE),
    LOYAL("loyal", Offer.MEMBER_PRICE),
    POTENTIAL_LOYAL("potential-loyal", Offer.MEMBER_PRICE),
    NEW("new", Offer.FIRST_ORDER_COUPON),
    PROMISING("promising", Offer.FIRST_ORDER_COUPON),
    NEED_ATTENTION("need-attention", Offer.MEMBER_PRICE),
    ABOUT_TO_SLEEP("about-to-sleep", Offer.WIN_BACK_COUPON),
    AT_RISK("at-risk", Offer.WIN_BACK_COUPON),
    CANT_LOSE("cant-lose", Offer.WIN_BACK_COUPON),
    HIBERNATING("hibernating", Offer.WIN_BACK_COUPON),
    LOST("lost", Offer.WIN_BACK_COUPON);

    /** The grid above, [r − 1][f − 1]. */
    private static final Segment[][] GRID = {
            {LOST, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE},
            {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE},
            {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
            {PROMISING, POTENTIAL_LOYAL, POTENTIAL_LOYAL, LOYAL, LOYAL},
            {NEW, POTENTIAL_LOYAL, POTENTIAL_LOYAL, CHAMPIONS, CHAMPIONS},
    };

    private final String id;
    private final Offer offer;

    Segment(String id, Offer offer) {
        this.id = id;
        this.offer = offer;
    }

    /** The segment's id in URLs, JSON and stored audiences. */
    public String id() {
        return id;
    }

    /** The offer that usually suits the segment: win new buyers over, reward regulars, call back the slipping. */
    public Offer suggestedOffer() {
        return offer;
    }

    /** Whether the segment holds the shop's best customers, whose slipping away is worth a finding. */
    public boolean valuable() {
        return this == CHAMPIONS || this == LOYAL;
    }

    /** Whether the segment's customers have stopped buying or are about to. */
    public boolean slipping() {
        return this == AT_RISK || this == CANT_LOSE || this == HIBERNATING || this == LOST;
    }

    /**
     * The segment of recency score {@code r} and frequency score {@code f}.
     *
     * @throws IllegalArgumentException when a score is not 1 to 5
     */
    public static Segment of(int r, int f) {
        if (r < 1 || r > 5 || f < 1 || f > 5) {
            throw new IllegalArgumentException("R and F scores are 1 to 5, not R" + r + " F" + f);
        }
        return GRID[r - 1][f - 1];
    }

    /**
     * The segment whose {@link #id()} is {@code id}.
     *
     * @throws IllegalArgumentException naming the valid ids when there is none
     */
    public static Segment byId(String id) {
        for (Segment s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown segment '" + id + "'; the segments are "
                + Arrays.stream(values()).map(Segment::id).collect(Collectors.joining(", ")));
    }
}
