package com.shopops.plugins.content;

import com.shopops.api.Channels;
import com.shopops.api.PublishingChannel;
import com.shopops.plugins.content.analysis.PostStatus;
import com.shopops.plugins.content.analysis.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the deliveries that are due, from the database alone, so a restart loses nothing and what fell
 * due while the host was down goes out when it is back (unless it is later than the shop's max lateness).
 * Each delivery is claimed with one conditional UPDATE, so with several hosts on one database exactly one
 * of them publishes it; a claim not finished within {@link #CLAIM} (its host died) can be claimed again,
 * and the channel's idempotency key, the same on every attempt, lets the other side drop the repeat.
 * A failure is tried again after the shop's back-off and, after its last attempt, the delivery fails with
 * the channel's words.
 */
final class Publisher {

    /** How long a claim holds: longer than any channel's time limit. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    /** Deliveries claimed per run at most, so one run never holds the job for long. */
    static final int BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    private final ContentStore store;
    private final Channels channels;
    private final Clock clock;
    private final String host;
    private final LongFunction<RetryPolicy> policy;
    private final Path files;

    /**
     * @param host   this host's name in claims, unique among the hosts sharing the database
     * @param policy each shop's retry policy
     * @param files  the plugin's files folder, where the images are
     */
    Publisher(ContentStore store, Channels channels, Clock clock, String host, LongFunction<RetryPolicy> policy, Path files) {
        this.store = store;
        this.channels = channels;
        this.clock = clock;
        this.host = host;
        this.policy = policy;
        this.files = files;
    }

    /** A delivery found due. */
    private record Due(long postId, long shopId, String channel) {
    }

    /** Publishes every delivery due now, of every shop; returns how many this host claimed. */
    int runDue() {
        return run(null, null);
    }

    /** Publishes the due deliveries of one post now (publish now); returns how many this host claimed. */
    int runPost(long shopId, long postId) {
        return run(shopId, postId);
    }

    private int run(Long shopId, Long postId) {
        int claimed = 0;
        while (true) {
            Instant now = clock.instant();
            List<Due> due = due(now, shopId, postId);
            int before = claimed;
            for (Due d : due) {
                if (claim(d, now)) {
                    claimed++;
                    publish(d);
                }
            }
            if (due.size() < BATCH || claimed == before) {
                return claimed;
            }
        }
    }

    private static final String DUE = "((state = 'pending' AND next_attempt_at <= :now) OR (state = 'claimed' AND claimed_until < :now))";

    private List<Due> due(Instant now, Long shopId, Long postId) {
        return store.jdbi().withHandle(h -> {
            var q = h.createQuery("SELECT post_id, shop_id, channel FROM content_deliveries WHERE " + DUE
                    + (postId == null ? "" : " AND shop_id = :shop AND post_id = :post")
                    + " ORDER BY next_attempt_at, post_id, channel LIMIT " + BATCH)
                    .bind("now", now.toString());
            if (postId != null) {
                q.bind("shop", shopId).bind("post", postId);
            }
            return q.map((rs, ctx) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        });
    }

    /** Claims a delivery for this host: true when this host's UPDATE was the one that matched. */
    private boolean claim(Due d, Instant now) {
        return store.jdbi().withHandle(h -> h.createUpdate("""
                        UPDATE content_deliveries SET state = 'claimed', claimed_by = :host, claimed_until = :until,
                               attempts = attempts + 1
                        WHERE post_id = :post AND channel = :channel AND\s""" + DUE)
                .bind("host", host).bind("until", now.plus(CLAIM).toString()).bind("post", d.postId()).bind("channel", d.channel())
                .bind("now", now.toString()).execute() == 1);
    }

    private void publish(Due d) {
        Post post = store.post(d.shopId(), d.postId()).orElse(null);
        if (post == null) {
            return;
        }
        Post.Delivery delivery = post.deliveries().stream().filter(x -> x.channel().equals(d.channel())).findFirst().orElse(null);
        if (delivery == null) {
            return;
        }
        RetryPolicy rules = policy.apply(d.shopId());
        Instant now = clock.instant();
        // Lateness counts from the delivery's due time, which a manual retry moves to the moment of the retry.
        Instant dueAt = delivery.dueAt() != null ? delivery.dueAt() : post.scheduledAt();
        if (rules.missed(dueAt, now) && delivery.attempts() <= 1) {
            finish(d, false, null, "missed: due at " + dueAt + ", more than " + rules.maxLateness().toHours()
                    + " h late when the host was back", null);
            return;
        }
        List<Path> images = new ArrayList<>();
        for (Post.Image i : post.images()) {
            images.add(files.resolve(i.storedName()));
        }
        PublishingChannel.Result result;
        try {
            result = channels.publish(d.shopId(), d.channel(), new PublishingChannel.Post(d.shopId(), d.postId(), post.title(),
                    post.body(), images, dueAt == null ? now : dueAt, delivery.idempotencyKey()));
        } catch (RuntimeException e) {
            // The channel is gone (its plugin was disabled): worth another try later.
            result = new PublishingChannel.Result(false, null, e.getMessage());
        }
        if (result.published()) {
            finish(d, true, result.externalId(), null, null);
        } else {
            Instant next = rules.nextAttempt(delivery.attempts(), clock.instant());
            log.info("post {} of shop {} on {}: attempt {} failed{}", d.postId(), d.shopId(), d.channel(), delivery.attempts(),
                    next == null ? ", giving up" : ", next at " + next);
            finish(d, false, null, result.error() == null ? "the channel did not take the post" : result.error(), next);
        }
    }

    /** Records the outcome (only while this host still holds the claim) and settles the post's status. */
    private void finish(Due d, boolean published, String externalId, String error, Instant next) {
        Instant now = clock.instant();
        store.jdbi().useTransaction(h -> {
            int n = h.createUpdate("""
                            UPDATE content_deliveries SET state = :state, external_id = :external, last_error = :error,
                                   published_at = :published, next_attempt_at = :next, claimed_by = NULL, claimed_until = NULL
                            WHERE post_id = :post AND channel = :channel AND state = 'claimed' AND claimed_by = :host""")
                    .bind("state", published ? "published" : next == null ? "failed" : "pending")
                    .bind("external", externalId).bind("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                    .bind("published", published ? now.toString() : null).bind("next", next == null ? null : next.toString())
                    .bind("post", d.postId()).bind("channel", d.channel()).bind("host", host).execute();
            if (n == 1) {
                settle(h, d.shopId(), d.postId(), now);
            }
        });
    }

    /** A scheduled post is published once every channel took it, failed once none is left to try and one gave up. */
    static void settle(Handle h, long shopId, long postId, Instant now) {
        String status = h.createQuery("SELECT status FROM content_posts WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", postId).mapTo(String.class).findOne().orElse(null);
        if (!PostStatus.SCHEDULED.id().equals(status)) {
            return;
        }
        long open = h.createQuery("SELECT COUNT(*) FROM content_deliveries WHERE post_id = :id AND state IN ('waiting', 'pending', 'claimed')")
                .bind("id", postId).mapTo(Long.class).one();
        long failed = h.createQuery("SELECT COUNT(*) FROM content_deliveries WHERE post_id = :id AND state = 'failed'")
                .bind("id", postId).mapTo(Long.class).one();
        if (open > 0) {
            return;
        }
        PostStatus to = failed > 0 ? PostStatus.FAILED : PostStatus.PUBLISHED;
        h.createUpdate("UPDATE content_posts SET status = :to, updated_at = :now WHERE id = :id AND status = 'scheduled'")
                .bind("to", to.id()).bind("now", now.toString()).bind("id", postId).execute();
        h.createUpdate("""
                        INSERT INTO content_post_history (post_id, shop_id, from_status, to_status, by_user, at, note)
                        VALUES (:id, :shop, 'scheduled', :to, 'publisher', :now, :note)""")
                .bind("id", postId).bind("shop", shopId).bind("to", to.id()).bind("now", now.toString())
                .bind("note", failed > 0 ? failed + " channel(s) gave up" : null).execute();
    }
}
