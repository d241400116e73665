package com.shopops.plugins.content.analysis;

import java.time.Duration;
import java.time.Instant;

/**
 * When a delivery that failed is tried again: after {@code firstWait}, then five times as long each
 * time (1 min, 5 min, 25 min, about 2 h by default), at most {@link #MAX_WAIT}; after {@code maxAttempts}
 * attempts it gives up. A post that fell due while the host was down is still published when it is at
 * most {@code maxLateness} late, and marked missed when it is later (old news is worse than none).
 *
 * @param maxAttempts attempts in all, at least 1
 * @param firstWait   the wait after the first failure
 * @param maxLateness how late a post may still go out
 */
public record RetryPolicy(int maxAttempts, Duration firstWait, Duration maxLateness) {

    /** The longest wait between two attempts. */
    public static final Duration MAX_WAIT = Duration.ofHours(6);

    /** 5 attempts, 1 minute first, 24 hours' lateness. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofHours(24));

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts: 1 to 20, not " + maxAttempts);
        }
        if (firstWait.isNegative() || firstWait.isZero() || firstWait.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("firstWait: above 0, at most " + MAX_WAIT.toHours() + " hours");
        }
        if (maxLateness.isNegative() || maxLateness.isZero()) {
            throw new IllegalArgumentException("maxLateness: above 0");
        }
    }

    /** When to try again after the {@code attempts}-th attempt failed at {@code now}, or null to give up. */
    public Instant nextAttempt(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return null;
        }
        Duration wait = firstWait;
        for (int i = 1; i < attempts && wait.compareTo(MAX_WAIT) < 0; i++) {
            wait = wait.multipliedBy(5);
        }
        return now.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
    }

    /** Whether a post due at {@code dueAt} is too late to go out at {@code now}. */
    public boolean missed(Instant dueAt, Instant now) {
        return dueAt != null && Duration.between(dueAt, now).compareTo(maxLateness) > 0;
    }
}
