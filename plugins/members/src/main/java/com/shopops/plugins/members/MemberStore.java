package com.shopops.plugins.members;

import com.shopops.plugins.members.analysis.Offer;
import com.shopops.plugins.members.analysis.RfmScore;
import com.shopops.plugins.members.analysis.RfmSummary;
import com.shopops.plugins.members.analysis.Segment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The members plugin's rows: contacts, tags, segment snapshots and actions. SQL that runs on SQLite and
 * PostgreSQL; every statement is filtered by shop.
 */
final class MemberStore {

    /** Rows per batch insert and per IN list: well under both databases' parameter limits. */
    private static final int CHUNK = 500;

    private final Jdbi jdbi;

    MemberStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---------------------------------------------------------------- contacts

    /**
     * Writes contact rows of an import: a customer's row is replaced; tags given are added to theirs.
     *
     * @return how many rows were new
     */
    static long writeContacts(Handle h, long shopId, List<ContactRow> rows, Instant at) {
        long added = 0;
        for (ContactRow row : rows) {
            boolean known = h.createQuery("SELECT COUNT(*) FROM members_contacts WHERE shop_id = :shop AND external_id = :id")
                    .bind("shop", shopId).bind("id", row.contact().externalId()).mapTo(Long.class).one() > 0;
            h.createUpdate("""
                            INSERT INTO members_contacts (shop_id, external_id, name, phone, email, updated_at)
                            VALUES (:shop, :id, :name, :phone, :email, :at)
                            ON CONFLICT (shop_id, external_id) DO UPDATE SET name = excluded.name, phone = excluded.phone,
                                email = excluded.email, updated_at = excluded.updated_at""")
                    .bind("shop", shopId).bind("id", row.contact().externalId()).bind("name", row.contact().name())
                    .bind("phone", row.contact().phone()).bind("email", row.contact().email()).bind("at", at.toString())
                    .execute();
            for (String tag : row.tags()) {
                h.createUpdate("""
                                INSERT INTO members_tags (shop_id, external_id, tag) VALUES (:shop, :id, :tag)
                                ON CONFLICT (shop_id, external_id, tag) DO NOTHING""")
                        .bind("shop", shopId).bind("id", row.contact().externalId()).bind("tag", tag).execute();
            }
            added += known ? 0 : 1;
        }
        return added;
    }

    /** A contact row of an import with the tags it adds. */
    record ContactRow(Contact contact, Set<String> tags) {
    }

    Optional<Contact> contact(long shopId, String externalId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT external_id, name, phone, email FROM members_contacts WHERE shop_id = :shop AND external_id = :id""")
                .bind("shop", shopId).bind("id", externalId)
                .map((rs, ctx) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .findOne());
    }

    /** The contacts of these customers (by their ids in the source system) that the shop has. */
    Map<String, Contact> contacts(long shopId, Collection<String> externalIds) {
        Map<String, Contact> found = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(externalIds));
        jdbi.useHandle(h -> {
            for (int i = 0; i < ids.size(); i += CHUNK) {
                h.createQuery("""
                                SELECT external_id, name, phone, email FROM members_contacts
                                WHERE shop_id = :shop AND external_id IN (<ids>)""")
                        .bind("shop", shopId).bindList("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                        .map((rs, ctx) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .forEach(c -> found.put(c.externalId(), c));
            }
        });
        return found;
    }

    // ---------------------------------------------------------------- tags

    /** Every tagged customer of the shop with their tags. */
    Map<String, Set<String>> tags(long shopId) {
        Map<String, Set<String>> tags = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT external_id, tag FROM members_tags WHERE shop_id = :shop ORDER BY tag")
                .bind("shop", shopId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue())));
        return tags;
    }

    Set<String> tags(long shopId, String externalId) {
        return jdbi.withHandle(h -> new TreeSet<>(h.createQuery("""
                        SELECT tag FROM members_tags WHERE shop_id = :shop AND external_id = :id""")
                .bind("shop", shopId).bind("id", externalId).mapTo(String.class).list()));
    }

    /** Replaces a customer's tags. */
    void setTags(long shopId, String externalId, Set<String> tags) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM members_tags WHERE shop_id = :shop AND external_id = :id")
                    .bind("shop", shopId).bind("id", externalId).execute();
            for (String tag : tags) {
                h.createUpdate("INSERT INTO members_tags (shop_id, external_id, tag) VALUES (:shop, :id, :tag)")
                        .bind("shop", shopId).bind("id", externalId).bind("tag", tag).execute();
            }
        });
    }

    /** The tags the shop uses, with how many customers carry each, most used first. */
    Map<String, Long> tagCounts(long shopId) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT tag, COUNT(*) AS n FROM members_tags WHERE shop_id = :shop GROUP BY tag ORDER BY n DESC, tag""")
                .bind("shop", shopId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    // ---------------------------------------------------------------- snapshots

    /** The latest snapshot day on or before {@code day}. */
    Optional<LocalDate> latestSnapshot(long shopId, LocalDate day) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(day) FROM members_snapshots WHERE shop_id = :shop AND day <= :day")
                .bind("shop", shopId).bind("day", day.toString())
                .mapTo(String.class).findOne().map(LocalDate::parse));
    }

    Map<Long, Segment> snapshot(long shopId, LocalDate day) {
        Map<Long, Segment> segments = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT customer_id, segment FROM members_snapshots WHERE shop_id = :shop AND day = :day")
                .bind("shop", shopId).bind("day", day.toString())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), Segment.byId(rs.getString(2))))
                .forEach(e -> segments.put(e.getKey(), e.getValue())));
        return segments;
    }

    /** Stores each scored customer's segment for {@code day}, replacing a snapshot of that day. */
    int saveSnapshot(long shopId, LocalDate day, List<RfmScore> scores) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM members_snapshots WHERE shop_id = :shop AND day = :day")
                    .bind("shop", shopId).bind("day", day.toString()).execute();
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO members_snapshots (shop_id, day, customer_id, segment, monetary)
                    VALUES (:shop, :day, :customer, :segment, :monetary)""");
            int n = 0;
            for (RfmScore s : scores) {
                batch.bind("shop", shopId).bind("day", day.toString()).bind("customer", s.customerId())
                        .bind("segment", s.segment().id()).bind("monetary", s.monetary()).add();
                if (++n % CHUNK == 0) {
                    batch.execute();
                }
            }
            if (n % CHUNK != 0) {
                batch.execute();
            }
        });
        return scores.size();
    }

    /**
     * The customers who were champions or loyal on {@code before} and at risk, can't-lose, hibernating or
     * lost on {@code after}, and what they had spent by then: {customers, spend}.
     */
    long[] slipped(long shopId, LocalDate before, LocalDate after) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*), COALESCE(SUM(n.monetary), 0) FROM members_snapshots n
                        JOIN members_snapshots o ON o.shop_id = n.shop_id AND o.customer_id = n.customer_id AND o.day = :before
                        WHERE n.shop_id = :shop AND n.day = :after AND o.segment IN ('champions', 'loyal')
                          AND n.segment IN ('at-risk', 'cant-lose', 'hibernating', 'lost')""")
                .bind("shop", shopId).bind("before", before.toString()).bind("after", after.toString())
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
    }

    /** A snapshot's segments with their customers and spend, as the summary of that day has them. */
    RfmSummary segments(long shopId, LocalDate day) {
        Map<Segment, long[]> found = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT segment, COUNT(*), COALESCE(SUM(monetary), 0) FROM members_snapshots
                        WHERE shop_id = :shop AND day = :day GROUP BY segment""")
                .bind("shop", shopId).bind("day", day.toString())
                .map((rs, ctx) -> Map.entry(Segment.byId(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3)}))
                .forEach(e -> found.put(e.getKey(), e.getValue())));
        List<RfmSummary.SegmentFigures> segments = new ArrayList<>();
        long customers = 0;
        for (Segment s : Segment.values()) {
            long[] v = found.getOrDefault(s, new long[2]);
            segments.add(new RfmSummary.SegmentFigures(s, v[0], v[1]));
            customers += v[0];
        }
        return new RfmSummary(day, customers, segments, List.of());
    }

    // ---------------------------------------------------------------- actions

    /** What a new action is made of. */
    record NewAction(String name, Offer offer, String offerText, double holdoutShare, String audience, int measureDays) {
    }

    StoredAction createAction(long shopId, NewAction a, List<ActionCustomer> customers, String by, Instant at) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO members_actions (shop_id, name, offer, offer_text, holdout_share, audience, created_by,
                                                         created_at, measure_days)
                            VALUES (:shop, :name, :offer, :text, :share, :audience, :by, :at, :days)""")
                    .bind("shop", shopId).bind("name", a.name()).bind("offer", a.offer().id()).bind("text", a.offerText())
                    .bind("share", a.holdoutShare()).bind("audience", a.audience()).bind("by", by).bind("at", at.toString())
                    .bind("days", a.measureDays())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO members_action_customers (action_id, shop_id, customer_id, external_id, holdout, segment, tier)
                    VALUES (:action, :shop, :customer, :external, :holdout, :segment, :tier)""");
            int n = 0;
            for (ActionCustomer c : customers) {
                batch.bind("action", id).bind("shop", shopId).bind("customer", c.customerId()).bind("external", c.externalId())
                        .bind("holdout", c.holdout() ? 1 : 0).bind("segment", c.segment().id()).bind("tier", c.tier()).add();
                if (++n % CHUNK == 0) {
                    batch.execute();
                }
            }
            if (n % CHUNK != 0) {
                batch.execute();
            }
            return action(h, shopId, id).orElseThrow();
        });
    }

    List<StoredAction> actions(long shopId) {
        return jdbi.withHandle(h -> h.createQuery(ACTIONS + " WHERE a.shop_id = :shop GROUP BY " + GROUP + " ORDER BY a.created_at DESC, a.id DESC")
                .bind("shop", shopId).map((rs, ctx) -> action(rs)).list());
    }

    Optional<StoredAction> action(long shopId, long id) {
        return jdbi.withHandle(h -> action(h, shopId, id));
    }

    private static Optional<StoredAction> action(Handle h, long shopId, long id) {
        return h.createQuery(ACTIONS + " WHERE a.shop_id = :shop AND a.id = :id GROUP BY " + GROUP)
                .bind("shop", shopId).bind("id", id).map((rs, ctx) -> action(rs)).findOne();
    }

    private static final String ACTIONS = """
            SELECT a.id, a.name, a.offer, a.offer_text, a.holdout_share, a.audience, a.created_by, a.created_at, a.sent_on,
                   a.measure_days, COALESCE(SUM(CASE WHEN c.holdout = 0 THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(c.holdout), 0)
            FROM members_actions a LEFT JOIN members_action_customers c ON c.action_id = a.id""";
    private static final String GROUP = """
            a.id, a.name, a.offer, a.offer_text, a.holdout_share, a.audience, a.created_by, a.created_at, a.sent_on, a.measure_days""";

    private static StoredAction action(java.sql.ResultSet rs) throws java.sql.SQLException {
        String sent = rs.getString(9);
        return new StoredAction(rs.getLong(1), rs.getString(2), Offer.byId(rs.getString(3)), rs.getString(4), rs.getDouble(5),
                rs.getString(6), rs.getString(7), Instant.parse(rs.getString(8)), sent == null ? null : LocalDate.parse(sent),
                rs.getInt(10), rs.getLong(11), rs.getLong(12));
    }

    /** Marks an action as sent on {@code day}; false when the shop has no such action. */
    boolean markSent(long shopId, long id, LocalDate day) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE members_actions SET sent_on = :day WHERE shop_id = :shop AND id = :id")
                .bind("day", day.toString()).bind("shop", shopId).bind("id", id).execute() > 0);
    }

    List<ActionCustomer> actionCustomers(long shopId, long actionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT customer_id, external_id, holdout, segment, tier FROM members_action_customers
                        WHERE shop_id = :shop AND action_id = :action ORDER BY external_id""")
                .bind("shop", shopId).bind("action", actionId)
                .map((rs, ctx) -> new ActionCustomer(rs.getLong(1), rs.getString(2), rs.getInt(3) == 1,
                        Segment.byId(rs.getString(4)), rs.getString(5)))
                .list());
    }

    /** The customer ids of one group of an action: the treated or the holdout. */
    static List<Long> ids(List<ActionCustomer> customers, boolean holdout) {
        List<Long> ids = new ArrayList<>();
        for (ActionCustomer c : customers) {
            if (c.holdout() == holdout) {
                ids.add(c.customerId());
            }
        }
        return ids;
    }
}
