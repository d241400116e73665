package com.shopops.api;

import java.time.Duration;
import java.time.Instant;

/**
 * Durable recurring jobs. The next due time of each job is kept in the database, so a restart
 * neither skips a run that fell due while the host was down nor repeats one, and when several hosts
 * share one database each run is claimed by exactly one of them.
 *
 * <pre>{@code
 * ctx.scheduler().every("refresh-daily", Duration.ofHours(1), due -> store.refresh(due));
 * }</pre>
 *
 * @since 1.0.0
 */
public interface Scheduler {

    /**
     * Runs {@code job} every {@code interval}; the first run is due {@code interval} after the job
     * is first registered. A failing run is logged and recorded, and the job stays scheduled.
     *
     * @param name unique among the plugin's jobs
     */
    void every(String name, Duration interval, Job job);

    /** A job's work for one run. */
    @FunctionalInterface
    interface Job {
        /** Does the work that fell due at {@code dueAt}. */
        void run(Instant dueAt) throws Exception;
    }
}
