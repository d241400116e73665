package com.shopops.plugins.competitors.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed in one peer's product list between two of its snapshots: products that appeared (new
 * listings), products that disappeared (delisted), prices, monthly sales, ratings and review counts of
 * the products in both. Each list is in product-id order.
 *
 * @param peerId         the peer shop
 * @param from           the earlier snapshot's day, or null when there is none (then nothing is new)
 * @param to             the later snapshot's day
 * @param newListings    products in the later snapshot only
 * @param delisted       products in the earlier snapshot only (as the earlier one showed them)
 * @param priceChanges   products in both whose price differs
 * @param salesMoves     products in both whose monthly sales differ
 * @param reviewChanges  products in both whose rating or review count differs
 */
public record SnapshotDiff(long peerId, LocalDate from, LocalDate to, List<PeerListing> newListings, List<PeerListing> delisted,
                           List<PriceChange> priceChanges, List<SalesMove> salesMoves, List<ReviewChange> reviewChanges) {

    /**
     * The changes from snapshot {@code before} to snapshot {@code after} of the peer {@code peerId}; each
     * list holds the listings of one peer and one day. An empty {@code before} is no earlier snapshot:
     * the later one is the baseline and nothing counts as new.
     */
    public static SnapshotDiff between(long peerId, List<PeerListing> before, List<PeerListing> after) {
        Map<String, PeerListing> was = byProduct(before);
        Map<String, PeerListing> is = byProduct(after);
        LocalDate from = before.isEmpty() ? null : before.get(0).day();
        LocalDate to = after.isEmpty() ? from : after.get(0).day();
        List<PeerListing> added = new ArrayList<>();
        List<PriceChange> prices = new ArrayList<>();
        List<SalesMove> sales = new ArrayList<>();
        List<ReviewChange> reviews = new ArrayList<>();
        for (PeerListing now : is.values()) {
            PeerListing then = was.get(now.productId());
            if (then == null) {
                if (!was.isEmpty()) {
                    added.add(now);
                }
                continue;
            }
            if (then.price() != now.price()) {
                prices.add(new PriceChange(peerId, now.productId(), now.title(), now.category(), now.day(), then.price(), now.price()));
            }
            if (then.monthlySales() != now.monthlySales()) {
                sales.add(new SalesMove(peerId, now.productId(), now.title(), then.monthlySales(), now.monthlySales()));
            }
            if (!Objects.equals(then.rating(), now.rating()) || !Objects.equals(then.reviews(), now.reviews())) {
                reviews.add(new ReviewChange(peerId, now.productId(), now.title(), then.rating(), now.rating(), then.reviews(),
                        now.reviews()));
            }
        }
        List<PeerListing> gone = was.values().stream().filter(p -> !is.containsKey(p.productId())).toList();
        return new SnapshotDiff(peerId, from, to, List.copyOf(added), gone, List.copyOf(prices), List.copyOf(sales),
                List.copyOf(reviews));
    }

    private static Map<String, PeerListing> byProduct(List<PeerListing> listings) {
        Map<String, PeerListing> m = new LinkedHashMap<>();
        listings.stream().sorted(Comparator.comparing(PeerListing::productId)).forEach(p -> m.put(p.productId(), p));
        return m;
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return newListings.isEmpty() && delisted.isEmpty() && priceChanges.isEmpty() && salesMoves.isEmpty()
                && reviewChanges.isEmpty();
    }
}
