package com.shopops.plugins.members.analysis;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an action offers an audience: a coupon for a first or next order, a member price, or a win-back coupon. */
public enum Offer {
    FIRST_ORDER_COUPON("first-order-coupon"),
    MEMBER_PRICE("member-price"),
    WIN_BACK_COUPON("win-back-coupon");

    private final String id;

    Offer(String id) {
        this.id = id;
    }

    /** The offer's id in URLs, JSON and settings. */
    public String id() {
        return id;
    }

    /**
     * The offer whose {@link #id()} is {@code id}.
     *
     * @throws IllegalArgumentException naming the valid ids when there is none
     */
    public static Offer byId(String id) {
        for (Offer o : values()) {
            if (o.id.equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown offer '" + id + "'; the offers are "
                + Arrays.stream(values()).map(Offer::id).collect(Collectors.joining(", ")));
    }
}
