package com.shopops.platform.core;

import com.shopops.api.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recurring jobs whose next due time lives in the core {@code jobs} table. A run is claimed with a
 * conditional update on that due time, so with several hosts on one database exactly one runs it, and
 * a host that was down runs a missed job once when it comes back (missed runs are coalesced).
 */
public final class DurableScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DurableScheduler.class);

    /** Told how each run of a plugin's job went, e.g. to stop a plugin whose job keeps failing. */
    public interface Outcomes {
        void succeeded(String plugin, String job);

        /** {@code error} is the job's exception; what is shown to people should not carry its message. */
        void failed(String plugin, String job, Throwable error);

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

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<String, Registered> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, daemon("shopops-job"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("shopops-scheduler"));
    private volatile Outcomes outcomes = Outcomes.NONE;

    public DurableScheduler(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
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
            try {
                Optional<Instant> due = claim(r);
                if (due.isPresent()) {
                    claimed++;
                    executor.execute(() -> run(r, due.get()));
                }
            } catch (RuntimeException e) {
                log.error("cannot check job {}/{}", r.plugin(), r.name(), e);
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
        try {
            r.job().run(due);
        } catch (Exception | LinkageError e) {
            error = e.toString();
            failure = e;
            log.error("job {}/{} failed", r.plugin(), r.name(), e);
        }
        String lastError = error;
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET last_error = :error WHERE plugin_id = :plugin AND name = :name")
                .bind("error", lastError).bind("plugin", r.plugin()).bind("name", r.name()).execute());
        try {
            if (failure == null) {
                outcomes.succeeded(r.plugin(), r.name());
            } else {
                outcomes.failed(r.plugin(), r.name(), failure);
            }
        } catch (RuntimeException e) {
            log.error("job {}/{}: its outcome could not be reported", r.plugin(), r.name(), e);
        }
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
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
