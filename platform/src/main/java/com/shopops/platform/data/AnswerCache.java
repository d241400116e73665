package com.shopops.platform.data;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Answers of the aggregate reads that do not add up over days (distinct customers of a range, the products
 * that sold in it), kept per shop, question and range together with the shop's {@link DataVersion} read
 * before they were computed. An answer is served again only while the shop's version is the same, so an
 * import that changes the shop's orders, refunds or products (in this process or another) makes every kept
 * answer of the shop a miss: a repeated request is a lookup, never a stale one.
 *
 * <p>The version is read before the answer is computed: data committed after that read can only make the
 * kept answer newer than its version, never older.
 */
final class AnswerCache {

    /** Answers kept, least recently used first out: a few shops' KPI ranges, their previous and last year's. */
    static final int CAPACITY = 1_024;

    private record Key(long shopId, String question, LocalDate from, LocalDate to) {
    }

    private record Kept(long version, Object answer) {
    }

    private final Map<Key, Kept> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > CAPACITY;
        }
    };

    private long hits;
    private long misses;

    /**
     * The answer to {@code question} for the shop's range: the kept one when the shop's version is the one it
     * was computed at, else {@code compute}'s (kept for next time when the shop has a version).
     */
    @SuppressWarnings("unchecked")
    <T> T answer(Handle h, long shopId, String question, LocalDate from, LocalDate to, Supplier<T> compute) {
        OptionalLong version = DataVersion.of(h, shopId);
        Key key = new Key(shopId, question, from, to);
        if (version.isPresent()) {
            synchronized (this) {
                Kept k = kept.get(key);
                if (k != null && k.version() == version.getAsLong()) {
                    hits++;
                    return (T) k.answer();
                }
                misses++;
            }
        }
        // computed outside the lock: two first requests for one range both compute, neither waits on the other
        T answer = compute.get();
        if (version.isPresent()) {
            synchronized (this) {
                kept.put(key, new Kept(version.getAsLong(), answer));
            }
        }
        return answer;
    }

    /** Lookups answered from what was kept, and those that were computed: for tests and measurements. */
    synchronized long[] hitsAndMisses() {
        return new long[] {hits, misses};
    }
}
