package com.shopops.plugins.competitors;

import com.shopops.api.Settings;
import com.shopops.api.Shop;
import com.shopops.api.data.ProductSales;
import com.shopops.api.data.ShopData;
import com.shopops.api.domain.Product;
import com.shopops.plugins.competitors.analysis.HeroRivals;
import com.shopops.plugins.competitors.analysis.PeerListing;
import com.shopops.plugins.competitors.analysis.PeerSummary;
import com.shopops.plugins.competitors.analysis.RangeLaunches;
import com.shopops.plugins.competitors.analysis.SnapshotDiff;
import com.shopops.plugins.competitors.analysis.TimingSignal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plugin's figures for routes and findings: the store's snapshots, the shop's products and sales
 * from {@link ShopData}, and the shop's settings, put through the pure analysis.
 *
 * <p>A period {@code from}..{@code to} compares, per peer, its last snapshot before {@code from} (or, when
 * it has none, its first in the period) with its snapshots in the period; a day is a period of one day.
 */
final class CompetitorFigures {

    /** The days over which "our hero item" is our best seller by revenue. */
    static final int HERO_DAYS = 30;
    /** The days a sales jump is measured over. */
    static final int JUMP_DAYS = 7;

    private final PeerStore store;
    private final ShopData data;
    private final Settings settings;

    CompetitorFigures(PeerStore store, ShopData data, Settings settings) {
        this.store = store;
        this.data = data;
        this.settings = settings;
    }

    PeerStore store() {
        return store;
    }

    Settings settingsStore() {
        return settings;
    }

    CompetitorSettings settings(long shopId) {
        return CompetitorSettings.of(settings, shopId);
    }

    /** Each peer's snapshots from its baseline to {@code to}, by peer and day. */
    private Map<Long, TreeMap<LocalDate, List<PeerListing>>> snapshots(long shopId, LocalDate from, LocalDate to) {
        Map<Long, LocalDate> baselines = store.lastDayBefore(shopId, from);
        LocalDate start = baselines.values().stream().min(LocalDate::compareTo).orElse(from);
        Map<Long, TreeMap<LocalDate, List<PeerListing>>> out = new TreeMap<>();
        for (PeerListing l : store.listings(shopId, null, start, to)) {
            LocalDate baseline = baselines.get(l.peerId());
            if (l.day().isBefore(from) && !l.day().equals(baseline)) {
                continue;
            }
            out.computeIfAbsent(l.peerId(), p -> new TreeMap<>()).computeIfAbsent(l.day(), d -> new ArrayList<>()).add(l);
        }
        return out;
    }

    /** What changed per peer from its baseline to its last snapshot of the period; peers without two snapshots are left out. */
    List<SnapshotDiff> changes(long shopId, LocalDate from, LocalDate to) {
        List<SnapshotDiff> out = new ArrayList<>();
        for (var e : snapshots(shopId, from, to).entrySet()) {
            TreeMap<LocalDate, List<PeerListing>> days = e.getValue();
            if (days.size() >= 2 && !days.lastKey().isBefore(from)) {
                out.add(SnapshotDiff.between(e.getKey(), days.firstEntry().getValue(), days.lastEntry().getValue()));
            }
        }
        return out;
    }

    /** Each peer's summary over the period, peers with a snapshot in it or before it. */
    List<PeerSummary> summaries(long shopId, LocalDate from, LocalDate to) {
        List<PeerSummary> out = new ArrayList<>();
        for (var e : snapshots(shopId, from, to).entrySet()) {
            out.add(PeerSummary.of(e.getKey(), e.getValue().values().stream().flatMap(List::stream).toList()));
        }
        return out;
    }

    /** The season-timing signals on {@code day}. */
    List<TimingSignal> signals(Shop shop, LocalDate day) {
        CompetitorSettings s = settings(shop.id());
        List<PeerListing> listings = store.listings(shop.id(), null, day.minusDays(s.timing().lookbackDays()), day);
        List<Product> ours = data.products(shop.id()).stream().filter(p -> p.status() == Product.Status.LISTED).toList();
        return RangeLaunches.on(day, listings, s.timing(),
                new RangeLaunches.OurRange(ours.stream().map(Product::category).filter(c -> c != null).toList(),
                        ours.stream().map(Product::title).toList()));
    }

    /** Our hero item on {@code day}: our best seller by revenue over the {@link #HERO_DAYS} days up to it, with that revenue. */
    Optional<HeroSales> hero(Shop shop, LocalDate day) {
        List<ProductSales> top = data.productSales(shop.id(), day.minusDays(HERO_DAYS - 1L), day, null, 1);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        ProductSales best = top.get(0);
        Product p = data.products(shop.id()).stream().filter(x -> x.sku().equals(best.sku())).findFirst().orElse(null);
        return Optional.of(new HeroSales(new HeroRivals.Hero(best.sku(), p != null && p.title() != null ? p.title() : best.title(),
                p == null ? null : p.category()), best.sales()));
    }

    /** Our hero item and its revenue over {@link #HERO_DAYS} days, minor units. */
    record HeroSales(HeroRivals.Hero hero, long sales) {
    }

    /**
     * Peers' price cuts on {@code day} (their snapshot of that day against their one before) on products
     * that compete with our hero item.
     */
    List<HeroRivals.RivalCut> rivalCuts(Shop shop, LocalDate day, HeroRivals.Hero hero) {
        CompetitorSettings s = settings(shop.id());
        List<HeroRivals.RivalCut> out = new ArrayList<>();
        for (SnapshotDiff d : changes(shop.id(), day, day)) {
            if (day.equals(d.to())) {
                out.addAll(HeroRivals.cuts(hero, d.priceChanges(), s.rivalSimilarity(), s.minCut()));
            }
        }
        return out;
    }

    /** A peer whose monthly sales over all its products rose from {@code before} to {@code after} over a week. */
    record SalesJump(long peerId, LocalDate from, LocalDate to, long before, long after) {
        double rate() {
            return (double) (after - before) / before;
        }
    }

    /** Peers with a snapshot on {@code day} whose monthly sales rose at least the setting's rate since their snapshot a week before. */
    List<SalesJump> salesJumps(Shop shop, LocalDate day) {
        CompetitorSettings s = settings(shop.id());
        List<SalesJump> out = new ArrayList<>();
        Map<Long, TreeMap<LocalDate, Long>> totals = new TreeMap<>();
        for (PeerStore.PeerDay p : store.peerDays(shop.id(), day.minusDays(JUMP_DAYS + 7L), day)) {
            totals.computeIfAbsent(p.peerId(), k -> new TreeMap<>()).put(p.day(), p.monthlySales());
        }
        for (var e : totals.entrySet()) {
            TreeMap<LocalDate, Long> days = e.getValue();
            Long now = days.get(day);
            var then = days.floorEntry(day.minusDays(JUMP_DAYS));
            if (now != null && then != null && then.getValue() > 0 && now - then.getValue() >= s.timing().minSales()) {
                SalesJump j = new SalesJump(e.getKey(), then.getKey(), day, then.getValue(), now);
                if (j.rate() >= s.salesJump() - 1e-9) {
                    out.add(j);
                }
            }
        }
        return out;
    }
}
