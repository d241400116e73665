package com.shopops.plugins.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.PublishingChannel;
import com.shopops.platform.plugins.HostChannels;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.content.ContentStore.Draft;
import com.shopops.plugins.content.analysis.PostKind;
import com.shopops.plugins.content.analysis.PostStatus;
import com.shopops.plugins.content.analysis.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The publisher with a test clock over a real database, publishing through the host's channels: a post
 * goes out at its time and not before, one that fell due while the host was down goes out if it is not
 * too late and is marked missed if it is, failures are tried again after 1 and 5 minutes and give up
 * with the channel's words, a claim whose host died is taken over with the same idempotency key, and two
 * publishers on one database publish each post exactly once.
 */
class PublisherTest {

    private static final Instant T = Instant.parse("2024-05-01T02:00:00Z"); // 10:00 in Shanghai

    @TempDir
    Path dir;

    /** A channel that counts every post it gets by idempotency key, and fails as told. */
    static final class Counting implements PublishingChannel {
        final Map<String, AtomicInteger> keys = new ConcurrentHashMap<>();
        final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public List<Setting> settings() {
            return List.of();
        }

        @Override
        public Result publish(Post post, Map<String, String> settings) {
            if (failuresLeft.getAndDecrement() > 0) {
                return new Result(false, null, "HTTP 503: try later");
            }
            keys.computeIfAbsent(post.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            return new Result(true, "ext-" + post.postId(), null);
        }
    }

    record World(Fresh db, long shop, ContentStore store, Counting channel, HostChannels channels, TestClock clock) {

        Publisher publisher(String host, RetryPolicy policy) {
            return new Publisher(store, channels, clock, host, shop -> policy, Path.of("unused"));
        }

        /** An approved post scheduled at {@code at} on the counting channel. */
        long scheduled(String title, Instant at) {
            return scheduled(title, at, "counting");
        }

        /** An approved post scheduled at {@code at} on {@code channel}. */
        long scheduled(String title, Instant at, String channel) {
            long id = store.create(shop, new Draft(title, "body of " + title, PostKind.COPY, at, null, List.of(), List.of(channel)),
                    "li", T.minusSeconds(3600));
            store.move(shop, id, PostStatus.DRAFT, PostStatus.REVIEW, "li", T.minusSeconds(3500), null);
            store.move(shop, id, PostStatus.REVIEW, PostStatus.SCHEDULED, "boss", T.minusSeconds(3400), null);
            return id;
        }

        Post post(long id) {
            return store.post(shop, id).orElseThrow();
        }
    }

    private World world(Fresh f) {
        long shop = f.newShop("flagship");
        Counting channel = new Counting();
        HostChannels channels = new HostChannels(f.database().jdbi(), Clock.systemUTC(), dir.resolve("channels"),
                () -> List.of(new HostChannels.Offered("content", channel)));
        return new World(f, shop, new ContentStore(f.database().jdbi()), channel, channels, new TestClock(T.minusSeconds(60)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dueLateMissedAndRetried(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "content")) {
            World w = world(f);
            Publisher p = w.publisher("host-a", RetryPolicy.DEFAULT);
            long onTime = w.scheduled("on time", T);
            long late = w.scheduled("late", T.minus(Duration.ofHours(2)));
            long missed = w.scheduled("missed", T.minus(Duration.ofHours(25)));

            // A minute before T: the two overdue ones are handled (the host was down), the one at T waits.
            assertEquals(2, p.runDue());
            assertEquals(PostStatus.PUBLISHED, w.post(late).status(), "2 hours late is within the 24 h max lateness");
            Post gone = w.post(missed);
            assertEquals(PostStatus.FAILED, gone.status());
            assertTrue(gone.deliveries().get(0).lastError().startsWith("missed: due at"), gone.deliveries().get(0).lastError());
            assertEquals(PostStatus.SCHEDULED, w.post(onTime).status());

            w.clock().set(T.plusSeconds(1));
            assertEquals(1, p.runDue());
            Post out = w.post(onTime);
            assertEquals(PostStatus.PUBLISHED, out.status());
            assertEquals("ext-" + onTime, out.deliveries().get(0).externalId());
            assertEquals(0, p.runDue(), "nothing is published twice");
            assertEquals(2, w.channel().keys.size());
            assertTrue(w.channel().keys.values().stream().allMatch(n -> n.get() == 1));

            // Retry of the missed one: due now, so it goes out.
            w.store().retry(w.shop(), missed, "li", w.clock().instant());
            assertEquals(PostStatus.SCHEDULED, w.post(missed).status());
            assertEquals(1, p.runDue());
            assertEquals(PostStatus.PUBLISHED, w.post(missed).status());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failuresBackOffAndGiveUpWithTheChannelsWords(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "content")) {
            World w = world(f);
            w.clock().set(T);
            Publisher p = w.publisher("host-a", new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofHours(24)));
            long id = w.scheduled("flaky", T);
            w.channel().failuresLeft.set(2);

            assertEquals(1, p.runDue());
            Post.Delivery d = w.post(id).deliveries().get(0);
            assertEquals(List.of("pending", 1, "HTTP 503: try later"), List.of(d.state(), d.attempts(), d.lastError()));
            assertEquals(T.plus(Duration.ofMinutes(1)), d.nextAttemptAt(), "1 minute after the first failure");
            assertEquals(0, p.runDue(), "not before its time");

            w.clock().set(T.plus(Duration.ofMinutes(1)));
            assertEquals(1, p.runDue());
            assertEquals(T.plus(Duration.ofMinutes(6)), w.post(id).deliveries().get(0).nextAttemptAt(), "then 5 minutes");

            w.clock().set(T.plus(Duration.ofMinutes(6)));
            assertEquals(1, p.runDue());
            Post done = w.post(id);
            assertEquals(PostStatus.PUBLISHED, done.status());
            assertEquals(3, done.deliveries().get(0).attempts());
            assertNull(done.deliveries().get(0).lastError());

            // A channel that keeps failing: after 3 attempts the post fails with the channel's words.
            long hopeless = w.scheduled("hopeless", T.plus(Duration.ofMinutes(6)));
            w.channel().failuresLeft.set(100);
            for (int minute : new int[] {6, 7, 12}) {
                w.clock().set(T.plus(Duration.ofMinutes(minute)));
                assertEquals(1, p.runDue(), "attempt at minute " + minute);
            }
            Post failed = w.post(hopeless);
            assertEquals(PostStatus.FAILED, failed.status());
            assertEquals("failed", failed.deliveries().get(0).state());
            assertEquals("HTTP 503: try later", failed.deliveries().get(0).lastError());
            w.clock().set(T.plus(Duration.ofHours(1)));
            assertEquals(0, p.runDue(), "a failed delivery waits for a person");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aClaimWhoseHostDiedIsTakenOverWithTheSameKey(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "content")) {
            World w = world(f);
            w.clock().set(T);
            long id = w.scheduled("orphan", T);
            // host-b claimed it and died before recording anything.
            f.database().jdbi().useHandle(h -> h.createUpdate("""
                            UPDATE content_deliveries SET state = 'claimed', claimed_by = 'host-b', claimed_until = :until,
                                   attempts = 1 WHERE post_id = :id""")
                    .bind("until", T.plus(Publisher.CLAIM).toString()).bind("id", id).execute());
            Publisher a = w.publisher("host-a", RetryPolicy.DEFAULT);
            assertEquals(0, a.runDue(), "the claim still holds");
            w.clock().set(T.plus(Publisher.CLAIM).plusSeconds(1));
            assertEquals(1, a.runDue());
            Post out = w.post(id);
            assertEquals(PostStatus.PUBLISHED, out.status());
            assertEquals(2, out.deliveries().get(0).attempts());
            assertEquals(Map.of(ContentStore.key(w.shop(), id, "counting"), 1),
                    Map.of(w.channel().keys.keySet().iterator().next(), w.channel().keys.values().iterator().next().get()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoPublishersOnOneDatabasePublishEachPostOnce(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "content")) {
            World w = world(f);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ids.add(w.scheduled("post " + i, T.minusSeconds(i)));
            }
            w.clock().set(T.plusSeconds(1));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (String host : List.of("host-a", "host-b", "host-a2", "host-b2")) {
                Publisher p = w.publisher(host, RetryPolicy.DEFAULT);
                runs.add(pool.submit(() -> {
                    start.await();
                    return p.runDue();
                }));
            }
            start.countDown();
            int claimed = 0;
            for (Future<Integer> r : runs) {
                claimed += r.get();
            }
            pool.shutdown();
            assertEquals(30, claimed, "each delivery claimed by exactly one publisher");
            assertEquals(30, w.channel().keys.size());
            assertEquals(List.of(1), List.copyOf(new java.util.HashSet<>(w.channel().keys.values().stream().map(AtomicInteger::get).toList())));
            for (long id : ids) {
                assertEquals(PostStatus.PUBLISHED, w.post(id).status());
            }
            List<String> states = Collections.synchronizedList(new ArrayList<>());
            ids.forEach(id -> states.add(w.post(id).deliveries().get(0).state()));
            assertTrue(states.stream().allMatch("published"::equals));
        }
    }

    /**
     * The same race through the real webhook channel to a real HTTP server on loopback, which counts the
     * idempotency keys it is given: each post arrives exactly once.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoPublishersThroughARealWebhookDeliverEachPostOnce(Kind kind) throws Exception {
        Map<String, AtomicInteger> keys = new ConcurrentHashMap<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            keys.computeIfAbsent(exchange.getRequestHeaders().getFirst("Idempotency-Key"), k -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (Fresh f = TestDatabases.migrated(kind, dir, "content")) {
            long shop = f.newShop("flagship");
            HostChannels channels = new HostChannels(f.database().jdbi(), Clock.systemUTC(), dir.resolve("channels"),
                    () -> List.of(new HostChannels.Offered("content", new com.shopops.plugins.content.channels.WebhookChannel())));
            channels.change(shop, "webhook", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "secret", "a-signing-secret-of-some-length"));
            World w = new World(f, shop, new ContentStore(f.database().jdbi()), null, channels, new TestClock(T.plusSeconds(1)));
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(w.scheduled("post " + i, T.minusSeconds(i), "webhook"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (String host : List.of("host-a", "host-b")) {
                Publisher p = w.publisher(host, RetryPolicy.DEFAULT);
                runs.add(pool.submit(() -> {
                    start.await();
                    return p.runDue();
                }));
            }
            start.countDown();
            int claimed = runs.get(0).get() + runs.get(1).get();
            pool.shutdown();
            assertEquals(20, claimed);
            assertEquals(20, keys.size(), keys.toString());
            assertTrue(keys.values().stream().allMatch(n -> n.get() == 1), keys.toString());
            for (long id : ids) {
                assertEquals(PostStatus.PUBLISHED, w.post(id).status());
                assertEquals(ContentStore.key(shop, id, "webhook"), w.post(id).deliveries().get(0).idempotencyKey());
            }
        } finally {
            receiver.stop(0);
        }
    }
}
