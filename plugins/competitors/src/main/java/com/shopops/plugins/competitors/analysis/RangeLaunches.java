package com.shopops.plugins.competitors.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The season-timing signal: peers' new listings grouped into ranges, and for each range whether peers'
 * launches have started to sell.
 * <ul>
 * <li>A listing is new when its launch day — its listed date, or, when the snapshot gives none, the day
 *     it first appeared (not in the peer's first snapshot read, which is no evidence of newness) — falls
 *     within the rules' lookback days up to the day asked about.</li>
 * <li>Its range is its category when it has one, else the first word of its title (titles put the core
 *     keyword first). A range needs at least {@link #MIN_LISTINGS} new listings.</li>
 * <li>A new listing sells when a snapshot no later than {@code withinDays} after its launch (and no later
 *     than the day asked about) shows at least {@code minSales} monthly sales; a peer's launch sells when
 *     one of its new listings in the range does.</li>
 * <li>LAUNCH when {@code minPeers} peers' launches sell, unless the shop already sells the range (a listed
 *     product of the same category, or for a keyword range, a title holding the keyword): COVERED.</li>
 * </ul>
 */
public final class RangeLaunches {

    /** New listings a range needs: one product is no range. */
    public static final int MIN_LISTINGS = 2;

    private RangeLaunches() {
    }

    /** What the shop sells already: its listed products' categories and titles. */
    public record OurRange(Collection<String> categories, Collection<String> titles) {

        boolean sells(String range, TimingSignal.Basis basis) {
            if (basis == TimingSignal.Basis.CATEGORY) {
                return categories.stream().anyMatch(c -> Categories.same(c, range));
            }
            String k = range.toLowerCase(Locale.ROOT);
            return titles.stream().anyMatch(t -> t != null && t.toLowerCase(Locale.ROOT).contains(k));
        }
    }

    /**
     * The signals on {@code day} from {@code listings} (all peers' snapshots up to that day, back at least
     * the lookback days and one more), LAUNCH first, then WATCH, then COVERED; by selling peers, then range.
     */
    public static List<TimingSignal> on(LocalDate day, List<PeerListing> listings, TimingRules rules, OurRange ours) {
        LocalDate since = day.minusDays(rules.lookbackDays() - 1L);
        // per peer and product: its snapshots in day order
        Map<Long, TreeMap<String, List<PeerListing>>> byPeer = new TreeMap<>();
        Map<Long, LocalDate> firstSnapshot = new HashMap<>();
        for (PeerListing l : listings) {
            if (l.day().isAfter(day)) {
                continue;
            }
            byPeer.computeIfAbsent(l.peerId(), p -> new TreeMap<>()).computeIfAbsent(l.productId(), p -> new ArrayList<>()).add(l);
            firstSnapshot.merge(l.peerId(), l.day(), (a, b) -> a.isBefore(b) ? a : b);
        }
        record Launch(long peer, LocalDate launched, LocalDate selling, PeerListing latest) {
        }
        Map<String, List<Launch>> ranges = new TreeMap<>();
        Map<String, TimingSignal.Basis> bases = new HashMap<>();
        for (var peer : byPeer.entrySet()) {
            for (List<PeerListing> history : peer.getValue().values()) {
                history.sort(Comparator.comparing(PeerListing::day));
                PeerListing first = history.get(0);
                PeerListing latest = history.get(history.size() - 1);
                LocalDate launched = latest.listedOn() != null ? latest.listedOn()
                        : first.day().equals(firstSnapshot.get(peer.getKey())) ? null : first.day();
                if (launched == null || launched.isBefore(since) || launched.isAfter(day)) {
                    continue;
                }
                String category = latest.category() == null ? "" : latest.category().strip();
                String range = !category.isEmpty() ? category : keyword(latest.title());
                if (range.isEmpty()) {
                    continue;
                }
                TimingSignal.Basis basis = category.isEmpty() ? TimingSignal.Basis.KEYWORD : TimingSignal.Basis.CATEGORY;
                String key = basis + ":" + (basis == TimingSignal.Basis.CATEGORY ? Categories.leaf(range) : range.toLowerCase(Locale.ROOT));
                LocalDate selling = null;
                for (PeerListing s : history) {
                    if (!s.day().isAfter(launched.plusDays(rules.withinDays())) && s.monthlySales() >= rules.minSales()) {
                        selling = s.day();
                        break;
                    }
                }
                ranges.computeIfAbsent(key, k -> new ArrayList<>()).add(new Launch(peer.getKey(), launched, selling, latest));
                bases.putIfAbsent(key, basis);
            }
        }
        List<TimingSignal> out = new ArrayList<>();
        for (var e : ranges.entrySet()) {
            List<Launch> launches = e.getValue();
            if (launches.size() < MIN_LISTINGS) {
                continue;
            }
            TimingSignal.Basis basis = bases.get(e.getKey());
            // the range's name as the earliest listing writes it
            Launch earliest = launches.stream().min(Comparator.comparing(Launch::launched).thenComparing(l -> l.latest().productId()))
                    .orElseThrow();
            String name = basis == TimingSignal.Basis.CATEGORY ? earliest.latest().category().strip() : keyword(earliest.latest().title());
            TreeSet<Long> peers = new TreeSet<>();
            Map<Long, LocalDate> sellingSince = new TreeMap<>();
            for (Launch l : launches) {
                peers.add(l.peer());
                if (l.selling() != null) {
                    sellingSince.merge(l.peer(), l.selling(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            List<LocalDate> sellingDays = sellingSince.values().stream().sorted().toList();
            LocalDate since2 = sellingDays.size() >= rules.minPeers() ? sellingDays.get(rules.minPeers() - 1) : null;
            TimingSignal.Status status = ours.sells(name, basis) ? TimingSignal.Status.COVERED
                    : since2 != null ? TimingSignal.Status.LAUNCH : TimingSignal.Status.WATCH;
            PeerListing best = launches.stream().map(Launch::latest)
                    .max(Comparator.comparingLong(PeerListing::monthlySales).thenComparing(PeerListing::productId, Comparator.reverseOrder()))
                    .orElseThrow();
            out.add(new TimingSignal(name, basis, status, List.copyOf(peers), List.copyOf(sellingSince.keySet()), launches.size(),
                    earliest.launched(), since2, best));
        }
        out.sort(Comparator.comparing(TimingSignal::status).thenComparing(s -> -s.sellingPeers().size())
                .thenComparing(TimingSignal::range));
        return out;
    }

    /** A title's first word (up to the first space or punctuation), "" for none. */
    public static String keyword(String title) {
        if (title == null) {
            return "";
        }
        String t = title.strip();
        int end = 0;
        while (end < t.length() && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '-')) {
            end++;
        }
        String k = t.substring(0, end);
        return k.codePointCount(0, k.length()) >= 2 ? k : "";
    }

    /** The signals by range name, for lookups. */
    public static Map<String, TimingSignal> byRange(List<TimingSignal> signals) {
        Map<String, TimingSignal> m = new LinkedHashMap<>();
        signals.forEach(s -> m.put(s.range(), s));
        return m;
    }
}
