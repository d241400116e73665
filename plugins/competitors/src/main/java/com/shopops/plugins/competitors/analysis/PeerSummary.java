package com.shopops.plugins.competitors.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One peer's movement over a period, from its snapshots in order: the first snapshot is the baseline
 * (usually the last one before the period) and every later one is compared with the one before it, so a
 * product listed and delisted again within the period counts in both.
 *
 * @param peerId       the peer shop
 * @param baseline     the first snapshot's day, or null when there is none
 * @param last         the last snapshot's day, or null
 * @param snapshots    snapshots read, the baseline included
 * @param listings     products in the last snapshot
 * @param newListings  products that appeared, summed over consecutive snapshots
 * @param delisted     products that disappeared, summed the same way
 * @param priceCuts    price cuts, summed the same way
 * @param priceRises   price rises, summed the same way
 * @param salesBefore  monthly sales of all products in the baseline
 * @param salesAfter   monthly sales of all products in the last snapshot
 * @param newReviews   reviews written (review counts' growth on products in both snapshots), summed
 * @param rating       the last snapshot's average rating over the products that have one, or null
 */
public record PeerSummary(long peerId, LocalDate baseline, LocalDate last, int snapshots, int listings, int newListings,
                          int delisted, int priceCuts, int priceRises, long salesBefore, long salesAfter, long newReviews,
                          Double rating) {

    /** Monthly sales' change over the period as a fraction of the baseline's; null when the baseline sold nothing. */
    public Double salesChange() {
        return salesBefore == 0 ? null : (double) (salesAfter - salesBefore) / salesBefore;
    }

    /** The summary of one peer's {@code listings} (any days, any order). */
    public static PeerSummary of(long peerId, List<PeerListing> listings) {
        TreeMap<LocalDate, List<PeerListing>> days = new TreeMap<>();
        for (PeerListing l : listings) {
            days.computeIfAbsent(l.day(), d -> new ArrayList<>()).add(l);
        }
        if (days.isEmpty()) {
            return new PeerSummary(peerId, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
        }
        int added = 0;
        int gone = 0;
        int cuts = 0;
        int rises = 0;
        long reviews = 0;
        List<PeerListing> previous = null;
        for (Map.Entry<LocalDate, List<PeerListing>> e : days.entrySet()) {
            if (previous != null) {
                SnapshotDiff d = SnapshotDiff.between(peerId, previous, e.getValue());
                added += d.newListings().size();
                gone += d.delisted().size();
                cuts += (int) d.priceChanges().stream().filter(PriceChange::cut).count();
                rises += (int) d.priceChanges().stream().filter(p -> !p.cut()).count();
                reviews += d.reviewChanges().stream().mapToLong(r -> r.newReviews() == null ? 0 : Math.max(0, r.newReviews())).sum();
            }
            previous = e.getValue();
        }
        List<PeerListing> first = days.firstEntry().getValue();
        List<PeerListing> last = days.lastEntry().getValue();
        double ratingSum = 0;
        int rated = 0;
        for (PeerListing l : last) {
            if (l.rating() != null) {
                ratingSum += l.rating();
                rated++;
            }
        }
        Double rating = rated == 0 ? null : Math.round(ratingSum / rated * 100) / 100.0;
        return new PeerSummary(peerId, days.firstKey(), days.lastKey(), days.size(), last.size(), added, gone, cuts, rises,
                first.stream().mapToLong(PeerListing::monthlySales).sum(), last.stream().mapToLong(PeerListing::monthlySales).sum(),
                reviews, rating);
    }
}
