package com.shopops.plugins.competitors;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.plugins.competitors.analysis.PeerListing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The competitors plugin's tables: peers per shop and their daily product snapshots. Every statement
 * runs on SQLite and PostgreSQL; every read is of one shop.
 */
public final class PeerStore {

    /** The tier a peer gets when an import names it first. */
    static final Peer.Tier FIRST_SEEN = Peer.Tier.LEVEL;

    private final Jdbi jdbi;

    public PeerStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---------------------------------------------------------------- peers

    /** The shop's peers in the order they were added (the same on both databases, whatever their collation). */
    public List<Peer> peers(long shopId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, tier FROM competitors_peers WHERE shop_id = :shop ORDER BY id")
                .bind("shop", shopId).map((rs, ctx) -> peer(rs)).list());
    }

    /** One peer of the shop. */
    public Optional<Peer> peer(long shopId, long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, tier FROM competitors_peers WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id).map((rs, ctx) -> peer(rs)).findOne());
    }

    /** A new peer, or empty when the shop has a peer of that name already, or once of that name. */
    public Optional<Peer> add(long shopId, String name, Peer.Tier tier, Instant now) {
        return jdbi.inTransaction(h -> {
            if (find(h, shopId, name).isPresent()) {
                return Optional.<Peer>empty();
            }
            return Optional.of(insert(h, shopId, name, tier, now));
        });
    }

    /** What a change of a peer came to. */
    public enum Outcome { DONE, NOT_FOUND, NAME_TAKEN }

    /**
     * Renames a peer and sets its tier. The old name is kept as a former name, so that snapshot files that
     * still use it go on reaching this peer; a name that is or was another peer's is taken.
     */
    public Outcome update(long shopId, long id, String name, Peer.Tier tier) {
        return jdbi.inTransaction(h -> {
            Optional<Peer> other = find(h, shopId, name);
            if (other.isPresent() && other.get().id() != id) {
                return Outcome.NAME_TAKEN;
            }
            Optional<String> old = h.createQuery("SELECT name FROM competitors_peers WHERE shop_id = :shop AND id = :id")
                    .bind("shop", shopId).bind("id", id).mapTo(String.class).findOne();
            if (old.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            h.createUpdate("UPDATE competitors_peers SET name = :name, tier = :tier WHERE shop_id = :shop AND id = :id")
                    .bind("name", name).bind("tier", tier.code()).bind("shop", shopId).bind("id", id).execute();
            if (!old.get().equals(name)) {
                h.createUpdate("DELETE FROM competitors_peer_names WHERE shop_id = :shop AND name = :name")
                        .bind("shop", shopId).bind("name", name).execute(); // its own former name, taken back
                h.createUpdate("INSERT INTO competitors_peer_names (shop_id, peer_id, name) VALUES (:shop, :id, :name)")
                        .bind("shop", shopId).bind("id", id).bind("name", old.get()).execute();
            }
            return Outcome.DONE;
        });
    }

    /** The names the shop's peers had before they were renamed, by peer id (peers never renamed are not there). */
    public Map<Long, List<String>> formerNames(long shopId) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT peer_id, name FROM competitors_peer_names WHERE shop_id = :shop ORDER BY peer_id, name")
                .bind("shop", shopId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        return out;
    }

    /** Removes a peer and its snapshots; false when the shop has no such peer. */
    public boolean remove(long shopId, long id) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM competitors_listings WHERE shop_id = :shop AND peer_id = :id").bind("shop", shopId).bind("id", id)
                    .execute();
            h.createUpdate("DELETE FROM competitors_peer_names WHERE shop_id = :shop AND peer_id = :id").bind("shop", shopId)
                    .bind("id", id).execute();
            return h.createUpdate("DELETE FROM competitors_peers WHERE shop_id = :shop AND id = :id").bind("shop", shopId)
                    .bind("id", id).execute() > 0;
        });
    }

    /** The peer named {@code name} now, or else the one that was named so before a rename. */
    private static Optional<Peer> find(Handle h, long shopId, String name) {
        Optional<Peer> now = h.createQuery("SELECT id, name, tier FROM competitors_peers WHERE shop_id = :shop AND name = :name")
                .bind("shop", shopId).bind("name", name).map((rs, ctx) -> peer(rs)).findOne();
        if (now.isPresent()) {
            return now;
        }
        return h.createQuery("""
                        SELECT p.id, p.name, p.tier FROM competitors_peer_names n JOIN competitors_peers p ON p.id = n.peer_id
                        WHERE n.shop_id = :shop AND n.name = :name""")
                .bind("shop", shopId).bind("name", name).map((rs, ctx) -> peer(rs)).findOne();
    }

    private static Peer insert(Handle h, long shopId, String name, Peer.Tier tier, Instant now) {
        long id = h.createQuery("""
                        INSERT INTO competitors_peers (shop_id, name, tier, created_at) VALUES (:shop, :name, :tier, :now) RETURNING id""")
                .bind("shop", shopId).bind("name", name).bind("tier", tier.code()).bind("now", now.toString()).mapTo(Long.class).one();
        return new Peer(id, name, tier);
    }

    private static Peer peer(ResultSet rs) throws SQLException {
        return new Peer(rs.getLong(1), rs.getString(2), Peer.Tier.of(rs.getString(3)));
    }

    // ---------------------------------------------------------------- snapshots

    /**
     * Writes snapshot rows in the caller's transaction: a peer named for the first time is created
     * ({@link #FIRST_SEEN}); a product already stored for its peer and day is updated when it differs and
     * left alone when it is the same, so the same file imported twice changes nothing. A later row of the
     * same peer, day and product in one batch wins.
     */
    public static WriteResult writeSnapshot(Handle h, long shopId, List<SnapshotRow> rows, Instant now) {
        Map<String, Long> peerIds = new HashMap<>();
        Map<List<Object>, Map<String, SnapshotRow>> groups = new LinkedHashMap<>();
        for (SnapshotRow r : rows) {
            long peer = peerIds.computeIfAbsent(r.peer(), n -> find(h, shopId, n).map(Peer::id)
                    .orElseGet(() -> insert(h, shopId, n, FIRST_SEEN, now).id()));
            groups.computeIfAbsent(List.of(peer, r.day()), k -> new LinkedHashMap<>()).put(r.productId(), r);
        }
        long imported = 0;
        long updated = 0;
        PreparedBatch inserts = h.prepareBatch("""
                INSERT INTO competitors_listings (shop_id, peer_id, day, product_id, title, price, monthly_sales, rating, reviews,
                                                  listed_on, category)
                VALUES (:shop, :peer, :day, :productId, :title, :price, :monthlySales, :rating, :reviews, :listedOn, :category)""");
        for (var g : groups.entrySet()) {
            long peer = (Long) g.getKey().get(0);
            LocalDate day = (LocalDate) g.getKey().get(1);
            Map<String, SnapshotRow> had = new HashMap<>();
            h.createQuery("""
                            SELECT product_id, title, price, monthly_sales, rating, reviews, listed_on, category FROM competitors_listings
                            WHERE shop_id = :shop AND peer_id = :peer AND day = :day""")
                    .bind("shop", shopId).bind("peer", peer).bind("day", day.toString())
                    .map((rs, ctx) -> new SnapshotRow(null, day, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            nullableInt(rs, 5), nullableLong(rs, 6), day(rs.getString(7)), rs.getString(8)))
                    .forEach(r -> had.put(r.productId(), r));
            for (SnapshotRow r : g.getValue().values()) {
                SnapshotRow old = had.get(r.productId());
                if (old == null) {
                    bind(inserts, shopId, peer, r).add();
                    imported++;
                } else if (!same(old, r)) {
                    h.createUpdate("""
                                    UPDATE competitors_listings SET title = :title, price = :price, monthly_sales = :monthlySales,
                                           rating = :rating, reviews = :reviews, listed_on = :listedOn, category = :category
                                    WHERE shop_id = :shop AND peer_id = :peer AND day = :day AND product_id = :productId""")
                            .bind("shop", shopId).bind("peer", peer).bind("day", r.day().toString()).bind("productId", r.productId())
                            .bind("title", r.title()).bind("price", r.price()).bind("monthlySales", r.monthlySales())
                            .bind("rating", r.rating()).bind("reviews", r.reviews()).bind("listedOn", text(r.listedOn()))
                            .bind("category", r.category()).execute();
                    updated++;
                }
            }
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
        return new WriteResult(imported, updated);
    }

    private static PreparedBatch bind(PreparedBatch b, long shopId, long peer, SnapshotRow r) {
        return b.bind("shop", shopId).bind("peer", peer).bind("day", r.day().toString()).bind("productId", r.productId())
                .bind("title", r.title()).bind("price", r.price()).bind("monthlySales", r.monthlySales())
                .bind("rating", r.rating()).bind("reviews", r.reviews()).bind("listedOn", text(r.listedOn()))
                .bind("category", r.category());
    }

    private static boolean same(SnapshotRow a, SnapshotRow b) {
        return a.title().equals(b.title()) && a.price() == b.price() && a.monthlySales() == b.monthlySales()
                && Objects.equals(a.rating(), b.rating()) && Objects.equals(a.reviews(), b.reviews())
                && Objects.equals(a.listedOn(), b.listedOn()) && Objects.equals(a.category(), b.category());
    }

    /** Writes snapshot rows in a transaction of their own (the demo's and the tests' way). */
    public WriteResult writeSnapshot(long shopId, List<SnapshotRow> rows, Instant now) {
        return jdbi.inTransaction(h -> writeSnapshot(h, shopId, rows, now));
    }

    /**
     * The listings of the shop's snapshots from {@code from} to {@code to}, of one peer or (null) all,
     * by peer, day and product.
     */
    public List<PeerListing> listings(long shopId, Long peerId, LocalDate from, LocalDate to) {
        String peer = peerId == null ? "" : " AND peer_id = :peer";
        return jdbi.withHandle(h -> {
            var q = h.createQuery("""
                            SELECT peer_id, day, product_id, title, price, monthly_sales, rating, reviews, listed_on, category
                            FROM competitors_listings WHERE shop_id = :shop AND day BETWEEN :from AND :to""" + peer
                            + " ORDER BY peer_id, day, product_id")
                    .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString());
            if (peerId != null) {
                q.bind("peer", peerId);
            }
            return q.map((rs, ctx) -> listing(rs)).list();
        });
    }

    /** One peer product's snapshots from {@code from} to {@code to}, by day: its price and sales history. */
    public List<PeerListing> history(long shopId, long peerId, String productId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT peer_id, day, product_id, title, price, monthly_sales, rating, reviews, listed_on, category
                        FROM competitors_listings
                        WHERE shop_id = :shop AND peer_id = :peer AND product_id = :product AND day BETWEEN :from AND :to ORDER BY day""")
                .bind("shop", shopId).bind("peer", peerId).bind("product", productId).bind("from", from.toString())
                .bind("to", to.toString()).map((rs, ctx) -> listing(rs)).list());
    }

    /** Each peer's last snapshot day before {@code day}, by peer id; peers without one are left out. */
    public Map<Long, LocalDate> lastDayBefore(long shopId, LocalDate day) {
        Map<Long, LocalDate> m = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT peer_id, MAX(day) FROM competitors_listings WHERE shop_id = :shop AND day < :day GROUP BY peer_id""")
                .bind("shop", shopId).bind("day", day.toString())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), LocalDate.parse(rs.getString(2)))).forEach(e -> m.put(e.getKey(), e.getValue())));
        return m;
    }

    /** The shop's last snapshot day, any peer, or empty when nothing is imported. */
    public Optional<LocalDate> lastDay(long shopId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(day) FROM competitors_listings WHERE shop_id = :shop")
                .bind("shop", shopId).mapTo(String.class).findOne().map(LocalDate::parse));
    }

    /** One point of a peer's sales curve: its products and their monthly sales on a snapshot day. */
    public record PeerDay(long peerId, LocalDate day, long products, long monthlySales) {
    }

    /** Each peer's products and monthly sales per snapshot day from {@code from} to {@code to}, by peer and day. */
    public List<PeerDay> peerDays(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT peer_id, day, COUNT(*), SUM(monthly_sales) FROM competitors_listings
                        WHERE shop_id = :shop AND day BETWEEN :from AND :to GROUP BY peer_id, day ORDER BY peer_id, day""")
                .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> new PeerDay(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getLong(3), rs.getLong(4))).list());
    }

    private static PeerListing listing(ResultSet rs) throws SQLException {
        Integer rating = nullableInt(rs, 7);
        return new PeerListing(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), rating == null ? null : rating / 100.0, nullableLong(rs, 8), day(rs.getString(9)), rs.getString(10));
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate day(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
