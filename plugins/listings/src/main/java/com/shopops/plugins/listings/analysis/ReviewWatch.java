package com.shopops.plugins.listings.analysis;

import com.shopops.api.domain.Review;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The new negative and neutral reviews (中差评) of the top products: a rating up to {@code negativeMax} is
 * negative, above it up to {@code neutralMax} neutral, the rest is left out, as are reviews of other
 * products (other products can wait, DOMAIN.md Morning 6).
 */
public final class ReviewWatch {

    /** Negative or neutral. */
    public enum Tone { NEGATIVE, NEUTRAL }

    /**
     * A bad review of a top product.
     *
     * @param review  the review
     * @param product the top product it is about
     * @param tone    negative or neutral
     */
    public record BadReview(Review review, TopProduct product, Tone tone) {
    }

    private ReviewWatch() {
    }

    /**
     * @param reviews   the reviews to look through (of the day, usually)
     * @param topById   the top products by their database id
     * @return the bad ones, negative first, then lowest rating, then by product rank and review id
     */
    public static List<BadReview> bad(List<Review> reviews, Map<Long, TopProduct> topById, ListingRules rules) {
        return reviews.stream()
                .filter(r -> r.productId() != null && topById.containsKey(r.productId()) && r.rating() <= rules.neutralMax())
                .map(r -> new BadReview(r, topById.get(r.productId()), r.rating() <= rules.negativeMax() ? Tone.NEGATIVE : Tone.NEUTRAL))
                .sorted(Comparator.comparing(BadReview::tone).thenComparingInt(b -> b.review().rating())
                        .thenComparingInt(b -> b.product().rank()).thenComparingLong(b -> b.review().id()))
                .toList();
    }
}
