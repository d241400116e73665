package com.shopops.plugins.competitors.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What changed between two hand-made snapshots of one peer, and a period's summary over three. */
class SnapshotDiffTest {

    static final LocalDate D1 = LocalDate.of(2026, 5, 1);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);

    static PeerListing l(LocalDate day, String id, long price, long sales, Double rating, Long reviews) {
        return new PeerListing(1, day, id, "title " + id, price, sales, rating, reviews, null, "锅具");
    }

    @Test
    void newDelistedPricesSalesAndReviewsBetweenTwoSnapshots() {
        List<PeerListing> before = List.of(
                l(D1, "A", 10_000, 100, 4.8, 50L),
                l(D1, "B", 5_000, 20, null, null),
                l(D1, "C", 2_000, 0, null, null));
        List<PeerListing> after = List.of(
                l(D2, "D", 3_000, 5, null, null),
                l(D2, "A", 8_000, 130, 4.7, 58L),
                l(D2, "B", 5_000, 20, null, null));
        SnapshotDiff d = SnapshotDiff.between(1, before, after);
        assertEquals(D1, d.from());
        assertEquals(D2, d.to());
        assertEquals(List.of("D"), d.newListings().stream().map(PeerListing::productId).toList());
        assertEquals(List.of("C"), d.delisted().stream().map(PeerListing::productId).toList());
        // A: 100.00 → 80.00 is −20%
        assertEquals(List.of(new PriceChange(1, "A", "title A", "锅具", D2, 10_000, 8_000)), d.priceChanges());
        assertEquals(-0.2, d.priceChanges().get(0).rate(), 1e-12);
        assertTrue(d.priceChanges().get(0).cut());
        // A: 100 → 130 monthly sales; B unchanged is no move
        assertEquals(List.of(new SalesMove(1, "A", "title A", 100, 130)), d.salesMoves());
        assertEquals(30, d.salesMoves().get(0).delta());
        // A: 4.8 → 4.7 (−0.1), 50 → 58 reviews (8 new)
        ReviewChange r = d.reviewChanges().get(0);
        assertEquals(1, d.reviewChanges().size());
        assertEquals(-0.1, r.ratingDelta(), 1e-12);
        assertEquals(8L, r.newReviews());
    }

    @Test
    void withoutAnEarlierSnapshotNothingIsNewAndTheSameSnapshotChangesNothing() {
        List<PeerListing> after = List.of(l(D2, "A", 8_000, 130, 4.7, 58L));
        SnapshotDiff first = SnapshotDiff.between(1, List.of(), after);
        assertTrue(first.isEmpty(), first.toString());
        assertTrue(SnapshotDiff.between(1, after, after).isEmpty());
        ReviewChange onlyCount = new ReviewChange(1, "A", "t", null, 4.5, 10L, 12L);
        assertEquals(null, onlyCount.ratingDelta(), "no rating before: no delta");
        assertEquals(2L, onlyCount.newReviews());
    }

    @Test
    void aPeriodsSummaryAddsUpEachDayAgainstTheDayBefore() {
        List<PeerListing> all = List.of(
                // day 1: A 1.00 (10 sold, 10 reviews, 4.8), B 2.00 (20 sold)
                l(D1, "A", 100, 10, 4.8, 10L), l(D1, "B", 200, 20, null, null),
                // day 2: A cut to 0.90 (12 reviews), C new
                l(D2, "A", 90, 12, 4.8, 12L), l(D2, "B", 200, 20, null, null), l(D2, "C", 50, 5, 4.6, null),
                // day 3: A up to 0.95 (15 reviews), B gone
                l(D3, "A", 95, 15, 4.8, 15L), l(D3, "C", 50, 7, 4.6, null));
        PeerSummary s = PeerSummary.of(1, all);
        assertEquals(new PeerSummary(1, D1, D3, 3, 2, 1, 1, 1, 1,
                30, // 10 + 20 on day 1
                22, // 15 + 7 on day 3
                5,  // A's reviews 10 → 12 → 15
                4.7), // (4.8 + 4.6) / 2
                s);
        assertEquals(-8 / 30.0, s.salesChange(), 1e-12);
        assertEquals(new PeerSummary(9, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null), PeerSummary.of(9, List.of()));
    }
}
