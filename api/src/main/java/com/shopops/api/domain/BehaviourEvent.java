package com.shopops.api.domain;

import java.time.Instant;

/**
 * One shopper action on a product, for funnels.
 *
 * @param shopId     the shop
 * @param userId     the shopper's id in the source
 * @param itemId     the product's id in the source
 * @param categoryId the category's id in the source
 * @param type       what they did
 * @param at         when (UTC)
 * @since 1.0.0
 */
public record BehaviourEvent(long shopId, String userId, String itemId, String categoryId, Type type, Instant at) {

    /** A funnel step. */
    public enum Type { VIEW, FAVOURITE, CART, BUY }
}
