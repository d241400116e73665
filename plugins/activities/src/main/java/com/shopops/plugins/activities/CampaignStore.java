package com.shopops.plugins.activities;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.plugins.activities.analysis.Campaign;
import com.shopops.plugins.activities.analysis.CampaignProduct;
import com.shopops.plugins.activities.analysis.CampaignStatus;
import com.shopops.plugins.activities.analysis.StatusPipeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The activities plugin's tables through Jdbi: campaigns with their products, their status history and
 * review notes, and the results platforms report per day. Every query is filtered by shop and runs alike
 * on SQLite and PostgreSQL; lists are sorted here (by first live day, name, id), not by the database's
 * collation. A campaign is created {@code planned}; its status changes only through {@link #move}, which
 * checks {@link StatusPipeline} and writes the history in the same transaction.
 */
public final class CampaignStore {

    /** Who the import writes as. */
    public static final String IMPORT = "import";

    private final Jdbi jdbi;

    public CampaignStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Which campaigns to list; null fields do not filter.
     *
     * @param status  only campaigns in this status
     * @param from    with {@code to}: only campaigns with a key day in {@code from}..{@code to} — live on one
     *                of those days, or their registration deadline or review day falls on one
     * @param to      the range's last day
     * @param channel only campaigns of this channel
     */
    public record Filter(CampaignStatus status, LocalDate from, LocalDate to, String channel) {

        /** Every campaign. */
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /** What {@link #move} did. */
    public enum Outcome {
        /** The status changed and the history has the change. */
        MOVED,
        /** The pipeline does not allow the move; nothing changed. */
        REFUSED,
        /** The shop has no such campaign. */
        NOT_FOUND
    }

    /**
     * The answer of {@link #move}.
     *
     * @param outcome  what happened
     * @param campaign the campaign afterwards (null when not found)
     * @param refusal  why the move was refused, or null
     */
    public record Move(Outcome outcome, StoredCampaign campaign, String refusal) {
    }

    // ---------------------------------------------------------------- campaigns

    /**
     * Stores a new campaign with its products, {@code planned} whatever {@code c.status()} says, and the
     * creation as the first line of its history; all in one transaction.
     *
     * @throws IllegalArgumentException when {@link CampaignCheck} finds a problem
     */
    public StoredCampaign create(long shopId, Campaign c, String by, Instant now) {
        check(c);
        return jdbi.inTransaction(h -> {
            long id = insert(h, shopId, c, by, now);
            return get(h, shopId, id).orElseThrow();
        });
    }

    private static long insert(Handle h, long shopId, Campaign c, String by, Instant now) {
        long id = h.createQuery("""
                        INSERT INTO activities_campaigns (shop_id, name, kind, channel, registration_deadline, review_on,
                                                          live_from, live_to, goal_gmv, goal_units, status, source_tag,
                                                          created_by, created_at, updated_by, updated_at)
                        VALUES (:shop, :name, :kind, :channel, :deadline, :review, :liveFrom, :liveTo, :goalGmv, :goalUnits,
                                'planned', :sourceTag, :by, :now, :by, :now) RETURNING id""")
                .bind("shop", shopId).bindMap(fields(c)).bind("by", by).bind("now", now.toString())
                .mapTo(Long.class).one();
        for (CampaignProduct p : c.products()) {
            insertProduct(h, shopId, id, p);
        }
        h.createUpdate("""
                        INSERT INTO activities_status_history (shop_id, campaign_id, from_status, to_status, changed_by, changed_at, note)
                        VALUES (:shop, :id, NULL, 'planned', :by, :now, NULL)""")
                .bind("shop", shopId).bind("id", id).bind("by", by).bind("now", now.toString()).execute();
        return id;
    }

    /**
     * Changes a campaign's fields and replaces its products (not its status, not its notes), in one
     * transaction.
     *
     * @return the campaign afterwards, or empty when the shop has no such campaign
     * @throws IllegalArgumentException when {@link CampaignCheck} finds a problem
     */
    public Optional<StoredCampaign> update(long shopId, long id, Campaign c, String by, Instant now) {
        check(c);
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("""
                            UPDATE activities_campaigns SET name = :name, kind = :kind, channel = :channel,
                                   registration_deadline = :deadline, review_on = :review, live_from = :liveFrom,
                                   live_to = :liveTo, goal_gmv = :goalGmv, goal_units = :goalUnits, source_tag = :sourceTag,
                                   updated_by = :by, updated_at = :now
                            WHERE shop_id = :shop AND id = :id""")
                    .bindMap(fields(c)).bind("by", by).bind("now", now.toString()).bind("shop", shopId).bind("id", id).execute();
            if (changed == 0) {
                return Optional.<StoredCampaign>empty();
            }
            h.createUpdate("DELETE FROM activities_campaign_products WHERE shop_id = :shop AND campaign_id = :id")
                    .bind("shop", shopId).bind("id", id).execute();
            for (CampaignProduct p : c.products()) {
                insertProduct(h, shopId, id, p);
            }
            return get(h, shopId, id);
        });
    }

    private static void check(Campaign c) {
        CampaignCheck.problem(c).ifPresent(p -> {
            throw new IllegalArgumentException(p.reason());
        });
    }

    private static Map<String, Object> fields(Campaign c) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", c.name().strip());
        m.put("kind", code(c.kind()));
        m.put("channel", c.channel().strip());
        m.put("deadline", text(c.registrationDeadline()));
        m.put("review", text(c.reviewOn()));
        m.put("liveFrom", c.liveFrom().toString());
        m.put("liveTo", c.liveTo().toString());
        m.put("goalGmv", c.goalGmv());
        m.put("goalUnits", c.goalUnits());
        m.put("sourceTag", c.sourceTag() == null || c.sourceTag().isBlank() ? null : c.sourceTag().strip());
        return m;
    }

    private static void insertProduct(Handle h, long shopId, long id, CampaignProduct p) {
        h.createUpdate("""
                        INSERT INTO activities_campaign_products (shop_id, campaign_id, sku, allocated, price)
                        VALUES (:shop, :id, :sku, :allocated, :price)""")
                .bind("shop", shopId).bind("id", id).bind("sku", p.sku().strip()).bind("allocated", p.allocated())
                .bind("price", p.price()).execute();
    }

    /** The id of the shop's campaign named {@code name} that goes live on {@code liveFrom}, if any: the key of imports. */
    public Optional<Long> find(long shopId, String name, LocalDate liveFrom) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id FROM activities_campaigns WHERE shop_id = :shop AND name = :name AND live_from = :liveFrom""")
                .bind("shop", shopId).bind("name", name.strip()).bind("liveFrom", liveFrom.toString()).mapTo(Long.class).findOne());
    }

    /** Campaign {@code id} of the shop with its products, if it has it. */
    public Optional<StoredCampaign> get(long shopId, long id) {
        return jdbi.withHandle(h -> get(h, shopId, id));
    }

    private static final String COLUMNS = """
            id, name, kind, channel, registration_deadline, review_on, live_from, live_to, goal_gmv, goal_units, status,
            source_tag, notes, created_by, created_at, updated_by, updated_at""";

    private static Optional<StoredCampaign> get(Handle h, long shopId, long id) {
        List<StoredCampaign> one = read(h, shopId, "SELECT " + COLUMNS + " FROM activities_campaigns WHERE shop_id = :shop AND id = :id",
                Map.of("id", id));
        return one.stream().findFirst();
    }

    /** The shop's campaigns that pass {@code filter}, by first live day, name and id. */
    public List<StoredCampaign> list(long shopId, Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM activities_campaigns WHERE shop_id = :shop");
        Map<String, Object> binds = new HashMap<>();
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            binds.put("status", code(filter.status()));
        }
        if (filter.channel() != null) {
            sql.append(" AND channel = :channel");
            binds.put("channel", filter.channel());
        }
        if (filter.from() != null && filter.to() != null) {
            sql.append(" AND ((live_from <= :to AND live_to >= :from)"
                    + " OR registration_deadline BETWEEN :from AND :to OR review_on BETWEEN :from AND :to)");
            binds.put("from", filter.from().toString());
            binds.put("to", filter.to().toString());
        }
        return jdbi.withHandle(h -> read(h, shopId, sql.toString(), binds));
    }

    private static List<StoredCampaign> read(Handle h, long shopId, String sql, Map<String, Object> binds) {
        List<Row> rows = h.createQuery(sql).bind("shop", shopId).bindMap(binds).map((rs, ctx) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CampaignProduct>> products = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::id).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            h.createQuery("""
                            SELECT campaign_id, sku, allocated, price FROM activities_campaign_products
                            WHERE shop_id = :shop AND campaign_id IN (<ids>)""")
                    .bind("shop", shopId).bindList("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), new CampaignProduct(rs.getString(2), rs.getLong(3), nullableLong(rs, 4))))
                    .forEach(e -> products.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return rows.stream().map(r -> r.with(products.getOrDefault(r.id(), List.of()).stream()
                        .sorted(Comparator.comparing(CampaignProduct::sku)).toList()))
                .sorted(Comparator.comparing((StoredCampaign s) -> s.campaign().liveFrom())
                        .thenComparing(s -> s.campaign().name()).thenComparingLong(StoredCampaign::id))
                .toList();
    }

    /** A campaign row before its products are read. */
    private record Row(long id, String name, Campaign.Kind kind, String channel, LocalDate deadline, LocalDate review,
                       LocalDate liveFrom, LocalDate liveTo, Long goalGmv, Long goalUnits, CampaignStatus status, String sourceTag,
                       String notes, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

        StoredCampaign with(List<CampaignProduct> products) {
            return new StoredCampaign(new Campaign(id, name, kind, channel, deadline, review, liveFrom, liveTo, goalGmv, goalUnits,
                    status, sourceTag, products), notes, createdBy, createdAt, updatedBy, updatedAt);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), kind(rs.getString(3)), rs.getString(4), day(rs.getString(5)),
                day(rs.getString(6)), day(rs.getString(7)), day(rs.getString(8)), nullableLong(rs, 9), nullableLong(rs, 10),
                status(rs.getString(11)), rs.getString(12), rs.getString(13), rs.getString(14), Instant.parse(rs.getString(15)),
                rs.getString(16), Instant.parse(rs.getString(17)));
    }

    // ---------------------------------------------------------------- status and notes

    /**
     * Moves campaign {@code id} to {@code to} when {@link StatusPipeline} allows it from where it is, and
     * writes who, when and why into its history — both in one transaction, and only if nobody moved it
     * in between (a move made on a stale status is refused with the status it is in now).
     */
    public Move move(long shopId, long id, CampaignStatus to, String note, String by, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<StoredCampaign> before = get(h, shopId, id);
            if (before.isEmpty()) {
                return new Move(Outcome.NOT_FOUND, null, null);
            }
            Campaign c = before.get().campaign();
            Optional<String> refusal = StatusPipeline.refusal(c.kind(), c.status(), to);
            if (refusal.isPresent()) {
                return new Move(Outcome.REFUSED, before.get(), refusal.get());
            }
            int changed = h.createUpdate("""
                            UPDATE activities_campaigns SET status = :to, updated_by = :by, updated_at = :now
                            WHERE shop_id = :shop AND id = :id AND status = :from""")
                    .bind("to", code(to)).bind("by", by).bind("now", now.toString()).bind("shop", shopId).bind("id", id)
                    .bind("from", code(c.status())).execute();
            if (changed == 0) {
                StoredCampaign now2 = get(h, shopId, id).orElseThrow();
                return new Move(Outcome.REFUSED, now2, "the campaign was moved to " + code(now2.campaign().status())
                        + " meanwhile; look again and retry");
            }
            h.createUpdate("""
                            INSERT INTO activities_status_history (shop_id, campaign_id, from_status, to_status, changed_by,
                                                                   changed_at, note)
                            VALUES (:shop, :id, :from, :to, :by, :now, :note)""")
                    .bind("shop", shopId).bind("id", id).bind("from", code(c.status())).bind("to", code(to)).bind("by", by)
                    .bind("now", now.toString()).bind("note", note == null || note.isBlank() ? null : note.strip()).execute();
            return new Move(Outcome.MOVED, get(h, shopId, id).orElseThrow(), null);
        });
    }

    /** Campaign {@code id}'s status history, oldest first; empty when the shop has no such campaign. */
    public List<StatusChange> history(long shopId, long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, campaign_id, from_status, to_status, changed_by, changed_at, note
                        FROM activities_status_history WHERE shop_id = :shop AND campaign_id = :id ORDER BY id""")
                .bind("shop", shopId).bind("id", id)
                .map((rs, ctx) -> new StatusChange(rs.getLong(1), rs.getLong(2),
                        rs.getString(3) == null ? null : status(rs.getString(3)), status(rs.getString(4)), rs.getString(5),
                        Instant.parse(rs.getString(6)), rs.getString(7)))
                .list());
    }

    /**
     * Stores the review (复盘) notes of campaign {@code id}, replacing earlier ones (null or blank clears them).
     *
     * @return the campaign afterwards, or empty when the shop has no such campaign
     */
    public Optional<StoredCampaign> review(long shopId, long id, String notes, String by, Instant now) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("""
                            UPDATE activities_campaigns SET notes = :notes, updated_by = :by, updated_at = :now
                            WHERE shop_id = :shop AND id = :id""")
                    .bind("notes", notes == null || notes.isBlank() ? null : notes).bind("by", by).bind("now", now.toString())
                    .bind("shop", shopId).bind("id", id).execute();
            return changed == 0 ? Optional.<StoredCampaign>empty() : get(h, shopId, id);
        });
    }

    // ---------------------------------------------------------------- import of campaign lists

    /**
     * One row of a campaign list: the campaign's fields (its products ignored) and one of its products, or
     * null for a campaign listed without products.
     *
     * @param campaign the campaign's fields
     * @param product  the product the row lists, or null
     */
    public record ListedProduct(Campaign campaign, CampaignProduct product) {
    }

    /**
     * Writes campaign-list rows in the transaction of {@code h}: a campaign is found by its name and first
     * live day; a new one is created {@code planned} (with its history line, by {@value #IMPORT}), a
     * stored one keeps its status and notes and takes the listed fields; each listed product is added or
     * changed, and products the rows do not list are kept. Within one call, the last row of a campaign
     * sets its fields. Counts per row: imported when its product (or, without one, its campaign) is new,
     * updated when it or its campaign's fields changed.
     */
    public static WriteResult writeListed(Handle h, long shopId, List<ListedProduct> rows, Instant now) {
        Map<List<Object>, List<ListedProduct>> byCampaign = new LinkedHashMap<>();
        for (ListedProduct r : rows) {
            byCampaign.computeIfAbsent(List.of(r.campaign().name().strip(), r.campaign().liveFrom()), k -> new ArrayList<>()).add(r);
        }
        long imported = 0;
        long updated = 0;
        for (List<ListedProduct> group : byCampaign.values()) {
            Campaign fields = group.get(group.size() - 1).campaign();
            Optional<Long> found = h.createQuery("""
                            SELECT id FROM activities_campaigns WHERE shop_id = :shop AND name = :name AND live_from = :liveFrom""")
                    .bind("shop", shopId).bind("name", fields.name().strip()).bind("liveFrom", fields.liveFrom().toString())
                    .mapTo(Long.class).findOne();
            boolean fieldsChanged = false;
            Map<String, CampaignProduct> stored = new HashMap<>();
            long id;
            boolean fresh = found.isEmpty();
            if (fresh) {
                id = insert(h, shopId, new Campaign(0, fields.name(), fields.kind(), fields.channel(), fields.registrationDeadline(),
                        fields.reviewOn(), fields.liveFrom(), fields.liveTo(), fields.goalGmv(), fields.goalUnits(),
                        CampaignStatus.PLANNED, fields.sourceTag(), List.of()), IMPORT, now);
            } else {
                id = found.get();
                Campaign before = get(h, shopId, id).orElseThrow().campaign();
                before.products().forEach(p -> stored.put(p.sku(), p));
                if (!sameFields(before, fields)) {
                    fieldsChanged = true;
                    h.createUpdate("""
                                    UPDATE activities_campaigns SET kind = :kind, channel = :channel,
                                           registration_deadline = :deadline, review_on = :review, live_to = :liveTo,
                                           goal_gmv = :goalGmv, goal_units = :goalUnits, source_tag = COALESCE(:sourceTag, source_tag),
                                           updated_by = :by, updated_at = :now
                                    WHERE shop_id = :shop AND id = :id""")
                            .bindMap(fields(fields)).bind("by", IMPORT).bind("now", now.toString()).bind("shop", shopId)
                            .bind("id", id).execute();
                }
            }
            Map<String, CampaignProduct> last = new LinkedHashMap<>();
            group.stream().filter(r -> r.product() != null).forEach(r -> last.put(r.product().sku().strip(), r.product()));
            boolean first = true;
            for (ListedProduct r : group) {
                boolean rowNew;
                boolean rowChanged = first && fieldsChanged;
                if (r.product() == null) {
                    rowNew = fresh && first;
                } else {
                    String sku = r.product().sku().strip();
                    CampaignProduct want = last.get(sku);
                    CampaignProduct had = stored.get(sku);
                    rowNew = had == null;
                    if (had == null) {
                        insertProduct(h, shopId, id, want);
                        stored.put(sku, new CampaignProduct(sku, want.allocated(), want.price()));
                    } else if (had.allocated() != want.allocated() || !Objects.equals(had.price(), want.price())) {
                        h.createUpdate("""
                                        UPDATE activities_campaign_products SET allocated = :allocated, price = :price
                                        WHERE shop_id = :shop AND campaign_id = :id AND sku = :sku""")
                                .bind("allocated", want.allocated()).bind("price", want.price()).bind("shop", shopId)
                                .bind("id", id).bind("sku", sku).execute();
                        stored.put(sku, new CampaignProduct(sku, want.allocated(), want.price()));
                        rowChanged = true;
                    }
                }
                if (rowNew) {
                    imported++;
                } else if (rowChanged) {
                    updated++;
                }
                first = false;
            }
        }
        return new WriteResult(imported, updated);
    }

    private static boolean sameFields(Campaign a, Campaign b) {
        return a.kind() == b.kind() && a.channel().equals(b.channel().strip())
                && Objects.equals(a.registrationDeadline(), b.registrationDeadline()) && Objects.equals(a.reviewOn(), b.reviewOn())
                && a.liveTo().equals(b.liveTo()) && Objects.equals(a.goalGmv(), b.goalGmv())
                && Objects.equals(a.goalUnits(), b.goalUnits())
                && (b.sourceTag() == null || b.sourceTag().isBlank() || b.sourceTag().strip().equals(a.sourceTag()));
    }

    // ---------------------------------------------------------------- results

    /**
     * Writes reported results in the transaction of {@code h}: a (campaign, day) stored already is replaced
     * when it differs and left alone when not; within one call the last row of a key wins.
     */
    public static WriteResult writeResults(Handle h, long shopId, List<CampaignResult> rows) {
        Map<List<Object>, CampaignResult> last = new LinkedHashMap<>();
        rows.forEach(r -> last.put(List.of(r.campaign(), r.day()), r));
        long imported = 0;
        long updated = 0;
        for (CampaignResult r : last.values()) {
            Optional<CampaignResult> had = h.createQuery("""
                            SELECT campaign, day, uv, impressions, clicks, orders, gmv FROM activities_results
                            WHERE shop_id = :shop AND campaign = :campaign AND day = :day""")
                    .bind("shop", shopId).bind("campaign", r.campaign()).bind("day", r.day().toString())
                    .map((rs, ctx) -> result(rs)).findOne();
            if (had.isEmpty()) {
                h.createUpdate("""
                                INSERT INTO activities_results (shop_id, campaign, day, uv, impressions, clicks, orders, gmv)
                                VALUES (:shop, :campaign, :day, :uv, :impressions, :clicks, :orders, :gmv)""")
                        .bind("shop", shopId).bindMethods(r).bind("day", r.day().toString()).execute();
                imported++;
            } else if (!had.get().equals(r)) {
                h.createUpdate("""
                                UPDATE activities_results SET uv = :uv, impressions = :impressions, clicks = :clicks,
                                       orders = :orders, gmv = :gmv
                                WHERE shop_id = :shop AND campaign = :campaign AND day = :day""")
                        .bind("shop", shopId).bindMethods(r).bind("day", r.day().toString()).execute();
                updated++;
            }
        }
        return new WriteResult(imported, updated);
    }

    /** Writes results in a transaction of their own (the demo's way). */
    public WriteResult writeResults(long shopId, List<CampaignResult> rows) {
        return jdbi.inTransaction(h -> writeResults(h, shopId, rows));
    }

    /** The results reported for the campaign named {@code campaign}, by day; all days when {@code from}/{@code to} are null. */
    public List<CampaignResult> results(long shopId, String campaign, LocalDate from, LocalDate to) {
        String range = from == null || to == null ? "" : " AND day BETWEEN :from AND :to";
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT campaign, day, uv, impressions, clicks, orders, gmv FROM activities_results"
                    + " WHERE shop_id = :shop AND campaign = :campaign" + range + " ORDER BY day")
                    .bind("shop", shopId).bind("campaign", campaign);
            if (!range.isEmpty()) {
                q.bind("from", from.toString()).bind("to", to.toString());
            }
            return q.map((rs, ctx) -> result(rs)).list();
        });
    }

    private static CampaignResult result(ResultSet rs) throws SQLException {
        return new CampaignResult(rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7));
    }

    // ---------------------------------------------------------------- codes

    /** A status as stored and sent: {@code planned}, {@code live}, … */
    public static String code(CampaignStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** A kind as stored and sent: {@code platform} or {@code own}. */
    public static String code(Campaign.Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    /** The status of a stored or sent code. */
    public static CampaignStatus status(String code) {
        return CampaignStatus.valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** The kind of a stored or sent code. */
    public static Campaign.Kind kind(String code) {
        return Campaign.Kind.valueOf(code.trim().toUpperCase(Locale.ROOT));
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
}
