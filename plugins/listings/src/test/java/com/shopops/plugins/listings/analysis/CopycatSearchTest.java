package com.shopops.plugins.listings.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shopops.api.data.ProductSales;
import com.shopops.api.data.ProductViews;
import com.shopops.api.domain.Review;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Copycats among hand-made marketplace listings, the top products' ranking, and which reviews are bad. */
class CopycatSearchTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final List<TopProduct> TOP = List.of(
            new TopProduct(1, "HK-001", "硅胶厨具套装", 900, 0),
            new TopProduct(2, "HK-002", "Red Cup", 500, 0));

    private static MarketplaceListing listing(String id, String shop, String title, String image) {
        return new MarketplaceListing(id, shop, title, 5_000, null, image, DAY, DAY);
    }

    @Test
    void similarTitlesAndStolenImagesAreSuspectsOurOwnListingsAreNot() {
        ListingRules rules = new ListingRules(5, 7, 2, 3, 0.6, 7, List.of("Our Shop"), ListingRules.DEFAULT_BANNED, 60, 0.8, 3, 50);
        List<MarketplaceListing> listings = List.of(
                listing("1", "Copy Shop", "厨具套装硅胶", null),          // 2/3 ≥ 0.6: suspect of HK-001
                listing("2", "Peer", "硅胶锅铲", null),                  // {硅胶, 胶锅, 锅铲} vs HK-001's 5: 1 of 7 → no
                listing("3", "Thief", "完全不同的标题", "ABC123"),        // our image: certain, whatever the title
                listing("4", "our shop", "硅胶厨具套装", null),           // our own shop (case and spaces ignored)
                listing("HK-001", "Mirror", "硅胶厨具套装", null),        // its id is our SKU: ours
                listing("5", "Cups Inc", "red cups", null));             // 5/6 of HK-002
        List<CopycatSuspect> found = CopycatSearch.search(listings, TOP, Map.of("HK-001", "abc123"), Set.of("HK-001", "HK-002"), rules);
        assertEquals(List.of("3", "5", "1"), found.stream().map(s -> s.listing().listingId()).toList(), "certain first, then by similarity");
        assertEquals(List.of("HK-001", "HK-002", "HK-001"), found.stream().map(CopycatSuspect::sku).toList());
        assertEquals(true, found.get(0).certain());
        assertEquals(5.0 / 6, found.get(1).similarity(), 1e-9);
        assertEquals(2.0 / 3, found.get(2).similarity(), 1e-9);

        // at a threshold of 0.7 the reordered title (0.667) is no longer a suspect
        ListingRules strict = new ListingRules(5, 7, 2, 3, 0.7, 7, List.of("Our Shop"), ListingRules.DEFAULT_BANNED, 60, 0.8, 3, 50);
        assertEquals(List.of("3", "5"), CopycatSearch.search(listings, TOP, Map.of("HK-001", "abc123"), Set.of("HK-001"), strict)
                .stream().map(s -> s.listing().listingId()).toList());
    }

    @Test
    void topProductsByViewsOrElseBySales() {
        // ranked by views, each with its sales (B sold nothing; Z's sales are no viewed product's)
        var byViews = TopProducts.rank(List.of(new ProductViews("A", "a", 90, 40), new ProductViews("B", "b", 80, 30),
                new ProductViews("C", "c", 70, 20)), List.of(new ProductSales("Z", "z", 1, 1, 1), new ProductSales("A", "a", 5_900, 1, 1)), 2);
        assertEquals(TopProducts.Basis.VIEWS, byViews.basis());
        assertEquals(List.of(new TopProduct(1, "A", "a", 90, 5_900), new TopProduct(2, "B", "b", 80, 0)), byViews.products());
        var bySales = TopProducts.rank(List.of(), List.of(new ProductSales("Z", "z", 12_300, 3, 2)), 5);
        assertEquals(TopProducts.Basis.SALES, bySales.basis());
        assertEquals(List.of(new TopProduct(1, "Z", "z", 0, 12_300)), bySales.products());
    }

    @Test
    void negativeAndNeutralReviewsOfTopProductsOnly() {
        Map<Long, TopProduct> top = Map.of(10L, TOP.get(0), 20L, TOP.get(1));
        List<Review> reviews = List.of(
                new Review(1, 1, 10L, 5, "好", DAY),
                new Review(2, 1, 10L, 3, "一般", DAY),
                new Review(3, 1, 20L, 1, "漏水", DAY),
                new Review(4, 1, 30L, 1, "not a top product", DAY),
                new Review(5, 1, null, 1, "no product", DAY),
                new Review(6, 1, 10L, 2, "有异味", DAY),
                new Review(7, 1, 20L, 4, "ok", DAY));
        var bad = ReviewWatch.bad(reviews, top, ListingRules.DEFAULT);
        // negative first (rating 1 then 2), then neutral
        assertEquals(List.of(3L, 6L, 2L), bad.stream().map(b -> b.review().id()).toList());
        assertEquals(List.of(ReviewWatch.Tone.NEGATIVE, ReviewWatch.Tone.NEGATIVE, ReviewWatch.Tone.NEUTRAL),
                bad.stream().map(ReviewWatch.BadReview::tone).toList());
        // with negative up to 1 and neutral up to 2, the 3-star review is left out and the 2-star one is neutral
        ListingRules strict = new ListingRules(5, 7, 1, 2, 0.6, 7, List.of(), List.of(), 60, 0.8, 3, 50);
        assertEquals(List.of(3L, 6L), ReviewWatch.bad(reviews, top, strict).stream().map(b -> b.review().id()).toList());
    }
}
