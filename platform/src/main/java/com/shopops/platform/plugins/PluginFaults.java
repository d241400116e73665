package com.shopops.platform.plugins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What went wrong in each plugin since the host started: route errors (answers of 500) and routes that
 * ran over their limits (answered 503 by the host), briefing
 * contributions that threw or ran over their time limit, and scheduled jobs that failed or ran over
 * theirs. The counts are
 * shown in {@code /health}. A plugin that fails {@link #limit()} times in a row in one place (its routes,
 * its briefing contribution or one of its jobs) is stopped and marked FAILED with the reason, so a broken
 * plugin stops costing threads, log lines and the owner's patience; any success there starts the count
 * again. Reasons name the exception's type only: /health is public and messages may hold secrets.
 */
public final class PluginFaults implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginFaults.class);

    /** Default for the setting {@code plugins.failure.limit}. */
    public static final int DEFAULT_LIMIT = 5;

    /** Where a plugin failed. */
    public enum Kind {
        /** A route threw (the request was answered 500). */
        ROUTE,
        /** A route ran over its time or memory limit and was answered 503 by the host. */
        ROUTE_TIMEOUT,
        /** Its briefing contribution threw or answered nonsense. */
        BRIEFING,
        /** Its briefing contribution did not answer within the time limit. */
        BRIEFING_TIMEOUT,
        /** A scheduled job threw. */
        JOB,
        /** A scheduled job ran over its time limit and was interrupted. */
        JOB_TIMEOUT
    }

    /**
     * One plugin's failures since the host started.
     *
     * @param routeErrors      route requests that ended in a 500
     * @param briefingFailures briefing contributions that threw or answered nonsense
     * @param briefingTimeouts briefing contributions that ran over the time limit
     * @param jobFailures      scheduled job runs that threw
     * @param jobTimeouts      scheduled job runs that ran over the time limit
     * @param routeTimeouts    route requests that ran over their time or memory limit
     */
    public record Counts(long routeErrors, long briefingFailures, long briefingTimeouts, long jobFailures, long jobTimeouts,
                         long routeTimeouts) {
    }

    private static final class Tally {
        final Map<Kind, AtomicLong> totals = new ConcurrentHashMap<>();
        /** Failures in a row, by place: "route", "briefing" or "job:<name>". */
        final Map<String, Integer> streaks = new ConcurrentHashMap<>();
    }

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final ExecutorService stopper = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "plugin-stopper");
        t.setDaemon(true);
        return t;
    });
    private volatile int limit = DEFAULT_LIMIT;
    private volatile BiConsumer<String, String> stop = (plugin, reason) -> {
    };

    /** Failures in a row after which a plugin is stopped; 0 never stops one. */
    public int limit() {
        return limit;
    }

    /** Sets {@link #limit()}; from the setting {@code plugins.failure.limit}. */
    public void limit(int failuresInARow) {
        if (failuresInARow < 0) {
            throw new IllegalArgumentException("plugins.failure.limit: 0 (never stop a plugin) or more, not " + failuresInARow);
        }
        this.limit = failuresInARow;
    }

    /** What stops a plugin that keeps failing, given its id and the reason (the plugin host). */
    void onKeepsFailing(BiConsumer<String, String> stop) {
        this.stop = stop;
    }

    /** A run in {@code place} of {@code plugin} went well: its failures in a row there start again. */
    public void succeeded(String plugin, Kind kind, String name) {
        Tally t = tallies.get(plugin);
        if (t != null) {
            t.streaks.remove(place(kind, name));
        }
    }

    /**
     * A run of {@code plugin} failed; {@code what} says where and how without any exception message
     * (e.g. "job 'refresh' threw IllegalStateException").
     */
    public void failed(String plugin, Kind kind, String name, String what) {
        Tally t = tallies.computeIfAbsent(plugin, p -> new Tally());
        t.totals.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        int inARow = t.streaks.merge(place(kind, name), 1, Integer::sum);
        int most = limit;
        if (most > 0 && inARow == most) {
            // Not on the failing thread: it may be a request's or a job's, and a plugin's stop() may be slow.
            stopNow(plugin, "stopped automatically after " + inARow + " failures in a row; the last: " + what);
        }
    }

    /** The plugin was (re)started: it gets a clean slate of failures in a row; its totals stay. */
    void started(String plugin) {
        Tally t = tallies.get(plugin);
        if (t != null) {
            t.streaks.clear();
        }
    }

    /** {@code plugin}'s failures since the host started. */
    public Counts counts(String plugin) {
        Tally t = tallies.get(plugin);
        if (t == null) {
            return new Counts(0, 0, 0, 0, 0, 0);
        }
        return new Counts(total(t, Kind.ROUTE), total(t, Kind.BRIEFING), total(t, Kind.BRIEFING_TIMEOUT), total(t, Kind.JOB),
                total(t, Kind.JOB_TIMEOUT), total(t, Kind.ROUTE_TIMEOUT));
    }

    private static long total(Tally t, Kind kind) {
        AtomicLong n = t.totals.get(kind);
        return n == null ? 0 : n.get();
    }

    private static String place(Kind kind, String name) {
        return switch (kind) {
            // A route that hangs and one that throws make one run of failures.
            case ROUTE, ROUTE_TIMEOUT -> "route";
            case BRIEFING, BRIEFING_TIMEOUT -> "briefing";
            // A time-out and a failure of the same job make one run of failures.
            case JOB, JOB_TIMEOUT -> "job:" + name;
        };
    }

    /**
     * A request to a route of {@code plugin} ended, with {@code error} or (null) without. An answer is a
     * success, an error (a 500) a failure. A deliberate 4xx ({@code HttpResponseException} below 500)
     * and a client's malformed JSON are the client's doing, not the plugin's: they count as answers.
     */
    public void routeEnded(String plugin, String method, String path, Throwable error) {
        if (error == null || isClientError(error)) {
            succeeded(plugin, Kind.ROUTE, null);
        } else {
            failed(plugin, Kind.ROUTE, null, "route " + method + " " + path + " threw " + error.getClass().getSimpleName());
        }
    }

    /**
     * {@code plugin} broke a limit that allows no second try (it started more threads than it may): it is
     * stopped now and marked FAILED with {@code reason}.
     */
    public void stopNow(String plugin, String reason) {
        log.error("plugin {}: {}", plugin, reason);
        stopper.execute(() -> {
            try {
                stop.accept(plugin, reason);
            } catch (RuntimeException e) {
                log.error("plugin {}: could not be stopped", plugin, e);
            }
        });
    }

    private static boolean isClientError(Throwable e) {
        if (e instanceof io.javalin.http.HttpResponseException r) {
            return r.getStatus() < 500;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JacksonException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        stopper.shutdownNow();
    }
}
