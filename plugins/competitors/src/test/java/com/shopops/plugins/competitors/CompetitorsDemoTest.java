package com.shopops.plugins.competitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.DemoContributor.DemoContext;
import com.shopops.api.Finding;
import com.shopops.api.Shop;
import com.shopops.platform.Installation;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.testing.DemoShops;
import com.shopops.plugins.competitors.analysis.Categories;
import com.shopops.plugins.competitors.analysis.PeerListing;
import com.shopops.plugins.competitors.analysis.TimingSignal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The competitors part of the demo shop, written after the core demo into a real SQLite database: the same
 * seed gives the same peers and snapshots (the contribution made twice on one core demo); four peers, two ahead and two level, with 30 daily snapshots; and
 * the briefing of the demo's last day shows both storylines — a peer's cut on a product competing with the
 * demo's hero item (found as the findings find it) and a new range that sells in a category the shop lacks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompetitorsDemoTest {

    private static final LocalDate LAST = LocalDate.of(2026, 11, 22);
    private static final int DAYS = 35; // the hero item is read over 30 days, the snapshots cover 30

    @TempDir
    static Path dir;

    private Made first;
    /** The first contribution's snapshots with their peers' names, to compare with the second's. */
    private List<List<Object>> again;

    private record Made(Installation installation, Shop shop, PeerStore store) {
        CompetitorFigures figures() {
            return new CompetitorFigures(store, installation.data(),
                    new PluginSettings(installation.database().jdbi(), "competitors", Clock.systemUTC()));
        }
    }

    private Made make(String name, long seed) {
        DemoShops.Made made = DemoShops.make(dir.resolve(name), "competitors", CompetitorsDemoTest.class.getClassLoader(), new CompetitorsDemo(), seed, DAYS, LAST);
        return new Made(made.installation(), made.shop(), new PeerStore(made.installation().database().jdbi()));
    }

    /** The shop's snapshots with each peer's name and tier for its id, which a second contribution numbers anew. */
    private static List<List<Object>> named(Made m) {
        Map<Long, Peer> peers = new HashMap<>();
        m.store().peers(m.shop().id()).forEach(p -> peers.put(p.id(), p));
        return all(m).stream().map(l -> List.<Object>of(peers.get(l.peerId()).name(), peers.get(l.peerId()).tier(),
                new PeerListing(0, l.day(), l.productId(), l.title(), l.price(), l.monthlySales(), l.rating() == null ? -1.0 : l.rating(),
                        l.reviews() == null ? -1L : l.reviews(), l.listedOn(), l.category()).toString())).toList();
    }

    @BeforeAll
    void makeAndContributeTwice() throws Exception {
        // One core demo (the slow part); the contribution is made, kept, removed and made again with the same seed.
        first = make("a", 7);
        List<List<Object>> made = named(first);
        first.store().peers(first.shop().id()).forEach(p -> first.store().remove(first.shop().id(), p.id()));
        new CompetitorsDemo().contribute(new DemoContext(first.shop(), 7, LAST.minusDays(DAYS - 1), LAST,
                first.installation().database().jdbi(), first.installation().data()));
        again = made;
    }

    @AfterAll
    void close() throws Exception {
        if (first != null) {
            first.installation().close();
        }
    }

    private static List<PeerListing> all(Made m) {
        return m.store().listings(m.shop().id(), null, LAST.minusDays(100), LAST);
    }

    @Test
    void theSameSeedMakesTheSamePeersAndSnapshots() {
        assertEquals(again, named(first));
        assertTrue(again.size() > 1_000, "about 4 peers × 15 products × 30 days: " + again.size());
    }

    @Test
    void fourPeersTwoAheadTwoLevelWithThirtyDailySnapshots() {
        List<Peer> peers = first.store().peers(first.shop().id());
        assertEquals(4, peers.size());
        assertEquals(2, peers.stream().filter(p -> p.tier() == Peer.Tier.AHEAD).count());
        for (Peer p : peers) {
            List<LocalDate> days = first.store().peerDays(first.shop().id(), LAST.minusDays(100), LAST).stream()
                    .filter(d -> d.peerId() == p.id()).map(PeerStore.PeerDay::day).toList();
            assertEquals(LAST.minusDays(CompetitorsDemo.DAYS - 1).datesUntil(LAST.plusDays(1)).toList(), days, p.name());
        }
        for (PeerListing l : all(first)) {
            assertTrue(l.price() > 0 && l.monthlySales() >= 0 && (l.listedOn() == null || !l.listedOn().isAfter(l.day())), l.toString());
        }
    }

    @Test
    void theLastDaysBriefingShowsTheCutAgainstOurHeroAndTheRangeThatSells() {
        CompetitorFigures figures = first.figures();
        CompetitorFigures.HeroSales hero = figures.hero(first.shop(), LAST).orElseThrow();
        assertEquals("HK-001", hero.hero().sku(), "the demo's hero item is the best seller of its last 30 days");

        List<Finding> findings = new CompetitorsFindings(figures, new BundleMessages("competitors", getClass().getClassLoader()))
                .findings(first.shop(), LAST, Locale.ENGLISH);
        List<Finding> cuts = findings.stream().filter(f -> f.metric().equals("competitors.rival-price")).toList();
        assertEquals(1, cuts.size(), findings.toString());
        assertTrue(cuts.get(0).title().startsWith(CompetitorsDemo.RIVAL_PEER + " cut "), cuts.get(0).title());
        assertEquals(0.8, cuts.get(0).value() / cuts.get(0).expected(), 0.01, "cut by 20%");

        List<Finding> ranges = findings.stream().filter(f -> f.metric().equals("competitors.range-selling")).toList();
        assertEquals(1, ranges.size(), findings.toString());
        assertTrue(ranges.get(0).title().contains(CompetitorsDemo.RANGE), ranges.get(0).title());
        assertTrue(first.installation().data().products(first.shop().id()).stream()
                .noneMatch(p -> Categories.same(p.category(), CompetitorsDemo.RANGE)), "a category the demo shop does not sell");
        assertEquals(List.of(), findings.stream().filter(f -> f.metric().equals("competitors.peer-sales")).toList(), "no jump in the demo");

        // the other new listings are in ranges the shop sells; the late peer's launch is not selling yet
        TimingSignal baking = figures.signals(first.shop(), LAST).stream().filter(s -> s.range().equals(CompetitorsDemo.RANGE))
                .findFirst().orElseThrow();
        assertEquals(List.of(3, 2), List.of(baking.peers().size(), baking.sellingPeers().size()));
        assertTrue(figures.signals(first.shop(), LAST).stream().filter(s -> !s.range().equals(CompetitorsDemo.RANGE))
                .allMatch(s -> s.status() == TimingSignal.Status.COVERED), figures.signals(first.shop(), LAST).toString());

        // a week before, the second peer did not sell yet either: watch, not launch
        TimingSignal earlier = figures.signals(first.shop(), LAST.minusDays(12)).stream().filter(s -> s.range().equals(CompetitorsDemo.RANGE))
                .findFirst().orElseThrow();
        assertEquals(TimingSignal.Status.WATCH, earlier.status());
    }
}
