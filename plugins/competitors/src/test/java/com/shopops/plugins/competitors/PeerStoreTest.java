package com.shopops.plugins.competitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.competitors.analysis.PeerListing;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The peer store on a real SQLite file and a real PostgreSQL schema: peers per shop (added, renamed, their
 * tier changed, removed with their snapshots, a name only once per shop), snapshots written idempotently
 * with peers added on first sight, and the reads the figures use.
 */
class PeerStoreTest {

    static final LocalDate D1 = LocalDate.of(2026, 5, 1);
    static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");

    @TempDir
    Path dir;

    static SnapshotRow row(String peer, LocalDate day, String id, long price, long sales) {
        return new SnapshotRow(peer, day, id, "标题 " + id, price, sales, 480, 10L, null, "锅具");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void peersPerShopAreAddedRenamedAndRemovedWithTheirSnapshots(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "competitors")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            PeerStore store = new PeerStore(f.database().jdbi());
            Peer ahead = store.add(a, "乙店", Peer.Tier.AHEAD, T0).orElseThrow();
            Peer level = store.add(a, "甲店", Peer.Tier.LEVEL, T0).orElseThrow();
            assertEquals(Optional.empty(), store.add(a, "乙店", Peer.Tier.LEVEL, T0), "a name once per shop");
            Peer elsewhere = store.add(b, "乙店", Peer.Tier.LEVEL, T0).orElseThrow();
            assertEquals(List.of(ahead, level), store.peers(a), "in the order they were added");
            assertEquals(Optional.empty(), store.peer(a, elsewhere.id()), "another shop's peer is not there");

            assertEquals(PeerStore.Outcome.NAME_TAKEN, store.update(a, level.id(), "乙店", Peer.Tier.LEVEL));
            assertEquals(PeerStore.Outcome.NOT_FOUND, store.update(a, elsewhere.id(), "丙店", Peer.Tier.LEVEL));
            assertEquals(PeerStore.Outcome.DONE, store.update(a, level.id(), "丙店", Peer.Tier.AHEAD));
            assertEquals(Optional.of(new Peer(level.id(), "丙店", Peer.Tier.AHEAD)), store.peer(a, level.id()));
            assertEquals(PeerStore.Outcome.DONE, store.update(a, level.id(), "丙店", Peer.Tier.AHEAD), "its own name again");

            store.writeSnapshot(a, List.of(row("乙店", D1, "1", 100, 1)), T0);
            assertEquals(false, store.remove(a, elsewhere.id()));
            assertTrue(store.remove(a, ahead.id()));
            assertEquals(List.of(), store.listings(a, null, D1, D1), "its snapshots went with it");
            assertEquals(List.of(new Peer(level.id(), "丙店", Peer.Tier.AHEAD)), store.peers(a));
            assertEquals(1, store.peers(b).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRenamedPeerKeepsTheSnapshotsThatStillUseItsFormerName(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "competitors")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            PeerStore store = new PeerStore(f.database().jdbi());
            Peer peer = store.add(a, "厨趣生活旗舰店", Peer.Tier.AHEAD, T0).orElseThrow();
            Peer other = store.add(a, "好物家居", Peer.Tier.LEVEL, T0).orElseThrow();
            assertEquals(PeerStore.Outcome.DONE, store.update(a, peer.id(), "厨趣", Peer.Tier.AHEAD), "a short name on the page");

            // The back office's file still names the shop in full: its rows are the renamed peer's, no new peer.
            assertEquals(new WriteResult(1, 0), store.writeSnapshot(a, List.of(row("厨趣生活旗舰店", D1, "1", 100, 1)), T0));
            assertEquals(List.of(new Peer(peer.id(), "厨趣", Peer.Tier.AHEAD), other), store.peers(a));
            assertEquals(peer.id(), store.listings(a, null, D1, D1).get(0).peerId());
            assertEquals(Map.of(peer.id(), List.of("厨趣生活旗舰店")), store.formerNames(a));
            assertEquals(Optional.empty(), store.add(a, "厨趣生活旗舰店", Peer.Tier.LEVEL, T0), "a former name is taken");
            assertEquals(PeerStore.Outcome.NAME_TAKEN, store.update(a, other.id(), "厨趣生活旗舰店", Peer.Tier.LEVEL));
            assertEquals(Map.of(), store.formerNames(b), "another shop's names are its own");
            assertTrue(store.add(b, "厨趣生活旗舰店", Peer.Tier.LEVEL, T0).isPresent());

            // Named back: the former name is its name again, and the short one becomes the former.
            assertEquals(PeerStore.Outcome.DONE, store.update(a, peer.id(), "厨趣生活旗舰店", Peer.Tier.AHEAD));
            assertEquals(Map.of(peer.id(), List.of("厨趣")), store.formerNames(a));

            // Removed: its former names go with it and are free again.
            assertTrue(store.remove(a, peer.id()));
            assertEquals(Map.of(), store.formerNames(a));
            assertTrue(store.add(a, "厨趣", Peer.Tier.LEVEL, T0).isPresent());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void snapshotsAreWrittenOnceAndReadByPeerDayAndProduct(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "competitors")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            PeerStore store = new PeerStore(f.database().jdbi());
            Peer known = store.add(a, "甲店", Peer.Tier.AHEAD, T0).orElseThrow();
            List<SnapshotRow> day1 = List.of(row("甲店", D1, "2", 200, 20), row("甲店", D1, "1", 100, 10), row("新店", D1, "9", 900, 90),
                    row("甲店", D1, "1", 100, 11)); // the later row of a product wins
            assertEquals(new WriteResult(3, 0), store.writeSnapshot(a, day1, T0));
            assertEquals(new WriteResult(0, 0), store.writeSnapshot(a, day1, T0), "the same rows again change nothing");
            store.writeSnapshot(b, List.of(row("甲店", D1, "1", 1, 1)), T0);

            List<Peer> peers = store.peers(a);
            assertEquals(List.of("甲店", "新店"), peers.stream().map(Peer::name).toList());
            Peer added = peers.get(1);
            assertEquals(Peer.Tier.LEVEL, added.tier(), "first seen in a file: level");

            LocalDate d2 = D1.plusDays(1);
            assertEquals(new WriteResult(1, 1), store.writeSnapshot(a, List.of(row("甲店", D1, "2", 190, 20), row("甲店", d2, "1", 90, 12)), T0));
            List<PeerListing> all = store.listings(a, null, D1, d2);
            assertEquals(4, all.size());
            assertEquals(new PeerListing(known.id(), D1, "1", "标题 1", 100, 11, 4.8, 10L, null, "锅具"), all.get(0));
            assertEquals(190, all.get(1).price());
            assertEquals(List.of(100L, 90L), store.history(a, known.id(), "1", D1, d2).stream().map(PeerListing::price).toList());
            assertEquals(List.of(d2), store.listings(a, known.id(), d2, d2).stream().map(PeerListing::day).toList());

            assertEquals(Map.of(known.id(), D1, added.id(), D1), store.lastDayBefore(a, d2));
            assertEquals(Map.of(), store.lastDayBefore(a, D1));
            assertEquals(Optional.of(d2), store.lastDay(a));
            assertEquals(Optional.empty(), store.lastDay(f.newShop("c")));
            assertEquals(List.of(new PeerStore.PeerDay(known.id(), D1, 2, 31), new PeerStore.PeerDay(known.id(), d2, 1, 12),
                    new PeerStore.PeerDay(added.id(), D1, 1, 90)).stream().sorted((x, y) -> Long.compare(x.peerId(), y.peerId())).toList(),
                    store.peerDays(a, D1, d2));
        }
    }
}
