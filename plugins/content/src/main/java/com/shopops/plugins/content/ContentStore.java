package com.shopops.plugins.content;

import com.shopops.plugins.content.analysis.PostKind;
import com.shopops.plugins.content.analysis.PostStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The content plugin's rows: posts, their products, images, history, deliveries and engagement. SQL that
 * runs on SQLite and PostgreSQL; every statement is filtered by shop.
 */
public final class ContentStore {

    private final Jdbi jdbi;

    ContentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** A post's fields as written by a person. */
    record Draft(String title, String body, PostKind kind, Instant scheduledAt, String campaign, List<String> products,
                 List<String> channels) {
    }

    /** The idempotency key of a post on a channel: the same over every attempt, unique across shops. */
    static String key(long shopId, long postId, String channel) {
        return "shopops-" + shopId + "-post-" + postId + "-" + channel;
    }

    long create(long shopId, Draft d, String by, Instant at) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO content_posts (shop_id, title, body, kind, status, scheduled_at, campaign, created_by,
                                                       created_at, updated_by, updated_at)
                            VALUES (:shop, :title, :body, :kind, 'draft', :at_time, :campaign, :by, :now, :by, :now)""")
                    .bind("shop", shopId).bind("title", d.title()).bind("body", d.body()).bind("kind", d.kind().id())
                    .bind("at_time", text(d.scheduledAt())).bind("campaign", d.campaign()).bind("by", by).bind("now", at.toString())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            writeParts(h, shopId, id, d);
            history(h, shopId, id, null, PostStatus.DRAFT, by, at, null);
            return id;
        });
    }

    /** Replaces a post's fields, products and channels (deliveries of dropped channels go; new ones wait). */
    void update(long shopId, long id, Draft d, PostStatus status, String by, Instant at) {
        jdbi.useTransaction(h -> {
            PostStatus before = status(h, shopId, id);
            h.createUpdate("""
                            UPDATE content_posts SET title = :title, body = :body, kind = :kind, scheduled_at = :at_time,
                                   campaign = :campaign, status = :status, updated_by = :by, updated_at = :now,
                                   approved_by = CASE WHEN :status IN ('approved', 'scheduled') THEN approved_by END,
                                   approved_at = CASE WHEN :status IN ('approved', 'scheduled') THEN approved_at END
                            WHERE shop_id = :shop AND id = :id""")
                    .bind("title", d.title()).bind("body", d.body()).bind("kind", d.kind().id()).bind("at_time", text(d.scheduledAt()))
                    .bind("campaign", d.campaign()).bind("status", status.id()).bind("by", by).bind("now", at.toString())
                    .bind("shop", shopId).bind("id", id).execute();
            h.createUpdate("DELETE FROM content_post_products WHERE shop_id = :shop AND post_id = :id").bind("shop", shopId)
                    .bind("id", id).execute();
            h.createUpdate("""
                            DELETE FROM content_deliveries WHERE shop_id = :shop AND post_id = :id AND state <> 'published'""")
                    .bind("shop", shopId).bind("id", id).execute();
            writeParts(h, shopId, id, d);
            if (before != status) {
                history(h, shopId, id, before, status, by, at, "edited");
            }
        });
    }

    private static void writeParts(Handle h, long shopId, long id, Draft d) {
        for (String sku : d.products()) {
            h.createUpdate("INSERT INTO content_post_products (post_id, shop_id, sku) VALUES (:id, :shop, :sku)")
                    .bind("id", id).bind("shop", shopId).bind("sku", sku).execute();
        }
        for (String channel : d.channels()) {
            h.createUpdate("""
                            INSERT INTO content_deliveries (post_id, shop_id, channel, state, idempotency_key, due_at)
                            VALUES (:id, :shop, :channel, 'waiting', :key, :due)
                            ON CONFLICT (post_id, channel) DO NOTHING""")
                    .bind("id", id).bind("shop", shopId).bind("channel", channel).bind("key", key(shopId, id, channel))
                    .bind("due", text(d.scheduledAt())).execute();
        }
    }

    private static PostStatus status(Handle h, long shopId, long id) {
        return PostStatus.byId(h.createQuery("SELECT status FROM content_posts WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id).mapTo(String.class).one());
    }

    private static void history(Handle h, long shopId, long id, PostStatus from, PostStatus to, String by, Instant at, String note) {
        h.createUpdate("""
                        INSERT INTO content_post_history (post_id, shop_id, from_status, to_status, by_user, at, note)
                        VALUES (:id, :shop, :from, :to, :by, :at, :note)""")
                .bind("id", id).bind("shop", shopId).bind("from", from == null ? null : from.id()).bind("to", to.id())
                .bind("by", by).bind("at", at.toString()).bind("note", note).execute();
    }

    /**
     * Moves a post to {@code to} if it is still {@code from} (a concurrent move makes this a no-op and
     * returns false). Approving records who; scheduling makes the waiting deliveries pending at the post's
     * time; going back to draft or review makes them wait again.
     */
    boolean move(long shopId, long id, PostStatus from, PostStatus to, String by, Instant at, String note) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                            UPDATE content_posts SET status = :to, updated_by = :by, updated_at = :now,
                                   approved_by = CASE WHEN :to IN ('approved', 'scheduled') AND :from = 'review' THEN :by
                                                      WHEN :to IN ('draft', 'review') THEN NULL ELSE approved_by END,
                                   approved_at = CASE WHEN :to IN ('approved', 'scheduled') AND :from = 'review' THEN :now
                                                      WHEN :to IN ('draft', 'review') THEN NULL ELSE approved_at END
                            WHERE shop_id = :shop AND id = :id AND status = :from""")
                    .bind("to", to.id()).bind("from", from.id()).bind("by", by).bind("now", at.toString())
                    .bind("shop", shopId).bind("id", id).execute();
            if (n == 0) {
                return false;
            }
            if (to == PostStatus.SCHEDULED) {
                h.createUpdate("""
                                UPDATE content_deliveries SET state = 'pending', due_at = (SELECT scheduled_at FROM content_posts
                                    WHERE id = :id), next_attempt_at = (SELECT scheduled_at FROM content_posts WHERE id = :id)
                                WHERE shop_id = :shop AND post_id = :id AND state = 'waiting'""")
                        .bind("shop", shopId).bind("id", id).execute();
            } else if (to == PostStatus.DRAFT || to == PostStatus.REVIEW || to == PostStatus.APPROVED) {
                h.createUpdate("""
                                UPDATE content_deliveries SET state = 'waiting', next_attempt_at = NULL, claimed_by = NULL,
                                       claimed_until = NULL
                                WHERE shop_id = :shop AND post_id = :id AND state IN ('pending', 'failed')""")
                        .bind("shop", shopId).bind("id", id).execute();
            }
            history(h, shopId, id, from, to, by, at, note);
            return true;
        });
    }

    /** Moves a post's time; its pending deliveries follow. */
    void reschedule(long shopId, long id, Instant when, String by, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE content_posts SET scheduled_at = :when, updated_by = :by, updated_at = :now WHERE shop_id = :shop AND id = :id")
                    .bind("when", when.toString()).bind("by", by).bind("now", at.toString()).bind("shop", shopId).bind("id", id)
                    .execute();
            h.createUpdate("""
                            UPDATE content_deliveries SET due_at = :when,
                                   next_attempt_at = CASE WHEN state = 'pending' THEN :when ELSE next_attempt_at END
                            WHERE shop_id = :shop AND post_id = :id AND state IN ('waiting', 'pending')""")
                    .bind("when", when.toString()).bind("shop", shopId).bind("id", id).execute();
        });
    }

    /** Makes a post's pending deliveries due now (publish now). */
    void dueNow(long shopId, long id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE content_deliveries SET next_attempt_at = :now WHERE shop_id = :shop AND post_id = :id AND state = 'pending'""")
                .bind("now", now.toString()).bind("shop", shopId).bind("id", id).execute());
    }

    /** Puts a failed post's failed deliveries back in line, due now, with their attempts counted afresh. */
    void retry(long shopId, long id, String by, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            UPDATE content_deliveries SET state = 'pending', attempts = 0, next_attempt_at = :now, due_at = :now,
                                   last_error = NULL
                            WHERE shop_id = :shop AND post_id = :id AND state = 'failed'""")
                    .bind("now", now.toString()).bind("shop", shopId).bind("id", id).execute();
            h.createUpdate("UPDATE content_posts SET status = 'scheduled', updated_by = :by, updated_at = :now WHERE shop_id = :shop AND id = :id")
                    .bind("by", by).bind("now", now.toString()).bind("shop", shopId).bind("id", id).execute();
            history(h, shopId, id, PostStatus.FAILED, PostStatus.SCHEDULED, by, now, "retry");
        });
    }

    boolean delete(long shopId, long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM content_posts WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id).execute() > 0);
    }

    // ---------------------------------------------------------------- reading

    Optional<Post> post(long shopId, long id) {
        List<Post> found = posts(shopId, "p.id = :id", Map.of("id", id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Posts planned from {@code from} to before {@code to} (UTC instants), and with {@code unplanned}, those without a time. */
    List<Post> between(long shopId, Instant from, Instant to, boolean unplanned) {
        String where = "(p.scheduled_at >= :from AND p.scheduled_at < :to)" + (unplanned ? " OR p.scheduled_at IS NULL" : "");
        return posts(shopId, where, Map.of("from", from.toString(), "to", to.toString()));
    }

    private List<Post> posts(long shopId, String where, Map<String, Object> binds) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery("""
                    SELECT p.id, p.shop_id, p.title, p.body, p.kind, p.status, p.scheduled_at, p.campaign, p.created_by, p.created_at,
                           p.updated_by, p.updated_at, p.approved_by, p.approved_at
                    FROM content_posts p WHERE p.shop_id = :shop AND (""" + where + ") ORDER BY p.scheduled_at, p.id")
                    .bind("shop", shopId);
            binds.forEach(q::bind);
            List<Object[]> rows = q.map((rs, ctx) -> row(rs)).list();
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<Long, List<String>> products = new HashMap<>();
            // Only the parts of the posts asked for: the same filter as a subquery.
            java.util.function.BiFunction<String, String, org.jdbi.v3.core.statement.Query> parts = (select, order) -> {
                var part = h.createQuery(select + " WHERE shop_id = :shop AND post_id IN (SELECT p.id FROM content_posts p"
                        + " WHERE p.shop_id = :shop AND (" + where + ")) ORDER BY " + order).bind("shop", shopId);
                binds.forEach(part::bind);
                return part;
            };
            parts.apply("SELECT post_id, sku FROM content_post_products", "sku")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> products.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<Long, List<Post.Image>> images = new HashMap<>();
            parts.apply("SELECT post_id, id, stored_name, original_name, content_type, size, sha256 FROM content_images", "id")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), new Post.Image(rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7))))
                    .forEach(e -> images.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<Long, List<Post.Delivery>> deliveries = new HashMap<>();
            parts.apply("""
                            SELECT post_id, channel, state, attempts, due_at, next_attempt_at, external_id, last_error, published_at,
                                   idempotency_key
                            FROM content_deliveries""", "channel")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), new Post.Delivery(rs.getString(2), rs.getString(3), rs.getInt(4),
                            instant(rs.getString(5)), instant(rs.getString(6)), rs.getString(7), rs.getString(8),
                            instant(rs.getString(9)), rs.getString(10))))
                    .forEach(e -> deliveries.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            List<Post> out = new ArrayList<>();
            for (Object[] r : rows) {
                long id = (Long) r[0];
                out.add(new Post(id, (Long) r[1], (String) r[2], (String) r[3], PostKind.byId((String) r[4]),
                        PostStatus.byId((String) r[5]), instant((String) r[6]), (String) r[7], products.getOrDefault(id, List.of()),
                        images.getOrDefault(id, List.of()), deliveries.getOrDefault(id, List.of()), (String) r[8],
                        instant((String) r[9]), (String) r[10], instant((String) r[11]), (String) r[12], instant((String) r[13])));
            }
            return out;
        });
    }

    private static Object[] row(ResultSet rs) throws SQLException {
        return new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14)};
    }

    /** A post's history, oldest first: {from, to, by, at, note}. */
    List<Map<String, Object>> history(long shopId, long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT from_status, to_status, by_user, at, note FROM content_post_history
                        WHERE shop_id = :shop AND post_id = :id ORDER BY id""")
                .bind("shop", shopId).bind("id", id)
                .map((rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("from", rs.getString(1));
                    m.put("to", rs.getString(2));
                    m.put("by", rs.getString(3));
                    m.put("at", rs.getString(4));
                    m.put("note", rs.getString(5));
                    return m;
                }).list());
    }

    // ---------------------------------------------------------------- images

    long addImage(long shopId, long postId, Post.Image image, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO content_images (post_id, shop_id, stored_name, original_name, content_type, size, sha256, created_at)
                        VALUES (:post, :shop, :stored, :original, :type, :size, :sha, :at)""")
                .bind("post", postId).bind("shop", shopId).bind("stored", image.storedName()).bind("original", image.originalName())
                .bind("type", image.contentType()).bind("size", image.size()).bind("sha", image.sha256()).bind("at", at.toString())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    Optional<Post.Image> removeImage(long shopId, long postId, long imageId) {
        return jdbi.inTransaction(h -> {
            Optional<Post.Image> found = h.createQuery("""
                            SELECT id, stored_name, original_name, content_type, size, sha256 FROM content_images
                            WHERE shop_id = :shop AND post_id = :post AND id = :id""")
                    .bind("shop", shopId).bind("post", postId).bind("id", imageId)
                    .map((rs, ctx) -> new Post.Image(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6))).findOne();
            found.ifPresent(i -> h.createUpdate("DELETE FROM content_images WHERE id = :id").bind("id", imageId).execute());
            return found;
        });
    }

    // ---------------------------------------------------------------- engagement

    /** One row of an engagement import. */
    public record EngagementRow(long postId, String channel, LocalDate day, long views, long likes, long comments, long clicks) {
    }

    /** Writes engagement rows; a post, channel and day imported again replaces its figures. A row of a post that is not this shop's is refused, and the host rejects just that row. */
    public static long writeEngagement(Handle h, long shopId, List<EngagementRow> rows) {
        long written = 0;
        for (EngagementRow r : rows) {
            boolean ours = h.createQuery("SELECT COUNT(*) FROM content_posts WHERE shop_id = :shop AND id = :id")
                    .bind("shop", shopId).bind("id", r.postId()).mapTo(Long.class).one() > 0;
            if (!ours) {
                throw new IllegalArgumentException("post " + r.postId() + " is not a post of this shop");
            }
            h.createUpdate("""
                            INSERT INTO content_engagement (shop_id, post_id, channel, day, views, likes, comments, clicks)
                            VALUES (:shop, :post, :channel, :day, :views, :likes, :comments, :clicks)
                            ON CONFLICT (post_id, channel, day) DO UPDATE SET views = excluded.views, likes = excluded.likes,
                                comments = excluded.comments, clicks = excluded.clicks""")
                    .bind("shop", shopId).bind("post", r.postId()).bind("channel", r.channel()).bind("day", r.day().toString())
                    .bind("views", r.views()).bind("likes", r.likes()).bind("comments", r.comments()).bind("clicks", r.clicks())
                    .execute();
            written++;
        }
        return written;
    }

    /** Engagement of the posts planned in a range, summed per post: {postId, kind, views, likes, comments, clicks}. */
    List<long[]> engagement(long shopId, Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT e.post_id, COALESCE(SUM(e.views), 0), COALESCE(SUM(e.likes), 0), COALESCE(SUM(e.comments), 0),
                               COALESCE(SUM(e.clicks), 0)
                        FROM content_engagement e JOIN content_posts p ON p.id = e.post_id
                        WHERE e.shop_id = :shop AND p.scheduled_at >= :from AND p.scheduled_at < :to
                        GROUP BY e.post_id ORDER BY e.post_id""")
                .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .list());
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
