package com.shopops.plugins.members.analysis;

/**
 * A member tier (会员等级): a customer whose spend reaches {@code minSpend} holds it, and gets its discount.
 * Checked as part of a {@link TierLadder}, which names the tier in its messages.
 *
 * @param name            the tier's name as shown to customers, e.g. Gold
 * @param minSpend        the spend that reaches the tier, minor units
 * @param discountPercent the tier's member discount, whole percent
 */
public record Tier(String name, long minSpend, int discountPercent) {
}
