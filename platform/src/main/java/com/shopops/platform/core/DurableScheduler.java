package com.shopops.platform.core;

import com.shopops.api.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recurring jobs whose next due time lives in the core {@code jobs} table. A run is claimed with a
 * conditional update on that due time, so with several hosts on one database exactly one runs it, and
 * a host that was down runs a missed job once when it comes back (missed runs are coalesced). Each run
 * has a time limit: a run that goes over is interrupted and reported as timed out, and a job whose run
 * is still going in this host is not started again, so one hung job holds at most one worker.
 */
public final class DurableScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DurableScheduler.class);

    /** Told how each run of a plugin's job went, e.g. to stop a plugin whose job keeps failing. */
    public interface Outcomes {
        void succeeded(String plugin, String job);

        /** {@code error} is the job's exception; what is shown to people should not carry its message. */
        void failed(String plugin, String job, Throwable error);

        /** The run went over {@code limit} and was interrupted; by default told as a failure. */
        default void timedOut(String plugin, String job, Duration limit) {
            failed(plugin, job, new TimeoutException("job " + plugin + "/" + job + " ran over " + limit));
        }

        Outcomes NONE = new Outcomes() {
            @Override
            public void succeeded(String plugin, String job) {
            }

            @Override
            public void failed(String plugin, String job, Throwable error) {
            }
        };
    }

    private record Registered(String plugin, String name, Duration interval, Scheduler.Job job) {
    }

    /** How long a run may take unless told otherwise. */
    public static final Duration DEFAULT_RUN_LIMIT = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration runLimit;
    private final Map<String, Registered> jobs = new ConcurrentHashMap<>();
    /** Jobs whose run is going in this host ("plugin/name"). */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, daemon("shopops-job"));
    /*
     * A worker only watches the clock; the job itself runs here. Java cannot kill a thread: a run that
     * ignores its interruption keeps its thread, which is then abandoned (daemon, so it never holds up
     * the exit) and the pool makes a fresh one for the next run, so the workers stay free for the others.
     */
    private final ExecutorService runs = Executors.newCachedThreadPool(daemon("shopops-job-run"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("shopops-scheduler"));
    private volatile Outcomes outcomes = Outcomes.NONE;

    public DurableScheduler(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, DEFAULT_RUN_LIMIT);
    }

    /** A scheduler whose runs are interrupted after {@code runLimit}. */
    public DurableScheduler(Jdbi jdbi, Clock clock, Duration runLimit) {
        if (runLimit.isNegative() || runLimit.isZero()) {
            throw new IllegalArgumentException("a job's time limit must be positive, not " + runLimit);
        }
        this.jdbi = jdbi;
        this.clock = clock;
        this.runLimit = runLimit;
    }

    /** Who is told how each run went. */
    public void report(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** Starts checking for due jobs every {@code tick}. */
    public void start(Duration tick) {
        ticker.scheduleWithFixedDelay(() -> runDue(workers), tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The scheduler as plugin {@code plugin} sees it. */
    public Scheduler forPlugin(String plugin) {
        return (name, interval, job) -> register(plugin, name, interval, job);
    }

    void register(String plugin, String name, Duration interval, Scheduler.Job job) {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("job " + plugin + "/" + name + ": interval must be at least 1 s");
        }
        Instant firstDue = clock.instant().plus(interval);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO jobs (plugin_id, name, interval_seconds, next_due_at) VALUES (:plugin, :name, :secs, :due)
                        ON CONFLICT (plugin_id, name) DO UPDATE SET interval_seconds = excluded.interval_seconds""")
                .bind("plugin", plugin).bind("name", name).bind("secs", interval.toSeconds()).bind("due", firstDue).execute());
        jobs.put(plugin + "/" + name, new Registered(plugin, name, interval, job));
    }

    /** Forgets the jobs of {@code plugin} in this host (their rows stay, so their schedule survives). */
    public void release(String plugin) {
        jobs.values().removeIf(r -> r.plugin().equals(plugin));
    }

    /** Claims every due job and runs it on {@code executor}; returns how many were claimed. */
    public int runDue(Executor executor) {
        int claimed = 0;
        for (Registered r : new ArrayList<>(jobs.values())) {
            String key = r.plugin() + "/" + r.name();
            // Still running here: its missed due times are coalesced into one run once it is done.
            if (!running.add(key)) {
                continue;
            }
            boolean handedOn = false;
            try {
                Optional<Instant> due = claim(r);
                if (due.isPresent()) {
                    claimed++;
                    executor.execute(() -> {
                        try {
                            run(r, due.get());
                        } finally {
                            running.remove(key);
                        }
                    });
                    handedOn = true;
                }
            } catch (RuntimeException e) {
                log.error("cannot check job {}/{}", r.plugin(), r.name(), e);
            } finally {
                if (!handedOn) {
                    running.remove(key);
                }
            }
        }
        return claimed;
    }

    private Optional<Instant> claim(Registered r) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Optional<Instant> stored = h.createQuery("SELECT next_due_at FROM jobs WHERE plugin_id = :plugin AND name = :name")
                    .bind("plugin", r.plugin()).bind("name", r.name()).mapTo(Instant.class).findOne();
            if (stored.isEmpty() || stored.get().isAfter(now)) {
                return Optional.<Instant>empty();
            }
            Instant due = stored.get();
            long missed = Duration.between(due, now).toMillis() / r.interval().toMillis();
            Instant next = due.plus(r.interval().multipliedBy(missed + 1));
            int won = h.createUpdate("""
                            UPDATE jobs SET next_due_at = :next, last_run_at = :now
                            WHERE plugin_id = :plugin AND name = :name AND next_due_at = :due""")
                    .bind("next", next).bind("now", now).bind("plugin", r.plugin()).bind("name", r.name())
                    .bind("due", due).execute();
            return won == 1 ? Optional.of(due) : Optional.<Instant>empty();
        });
    }

    private void run(Registered r, Instant due) {
        String error = null;
        Throwable failure = null;
        boolean timedOut = false;
        Future<?> run = null;
        try {
            run = runs.submit(() -> {
                r.job().run(due);
                return null;
            });
            run.get(runLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Whatever the run does later is dropped: its outcome is this time-out.
            run.cancel(true);
            timedOut = true;
            error = "timed out after " + seconds(runLimit) + " s";
            log.error("job {}/{} did not finish within {} ms and was interrupted", r.plugin(), r.name(), runLimit.toMillis());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            error = cause.toString();
            failure = cause;
            log.error("job {}/{} failed", r.plugin(), r.name(), cause);
        } catch (InterruptedException e) {
            // The host is closing: the run is abandoned, its next due time stands.
            run.cancel(true);
            Thread.currentThread().interrupt();
            return;
        } catch (RejectedExecutionException e) {
            return; // closed
        }
        String lastError = error;
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET last_error = :error WHERE plugin_id = :plugin AND name = :name")
                .bind("error", lastError).bind("plugin", r.plugin()).bind("name", r.name()).execute());
        try {
            if (timedOut) {
                outcomes.timedOut(r.plugin(), r.name(), runLimit);
            } else if (failure == null) {
                outcomes.succeeded(r.plugin(), r.name());
            } else {
                outcomes.failed(r.plugin(), r.name(), failure);
            }
        } catch (RuntimeException e) {
            log.error("job {}/{}: its outcome could not be reported", r.plugin(), r.name(), e);
        }
    }

    /** {@code limit} in seconds as people read it: 600, 0.25. */
    static String seconds(Duration limit) {
        return java.math.BigDecimal.valueOf(limit.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runs.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
