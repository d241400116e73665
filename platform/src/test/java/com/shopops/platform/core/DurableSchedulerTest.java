package com.shopops.platform.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Scheduler;
import com.shopops.platform.db.Database;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import com.shopops.platform.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DurableSchedulerTest {

    private static final Instant T0 = Instant.parse("2024-03-05T00:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(T0);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aJobFallsDueOneIntervalAfterItIsRegistered(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir); DurableScheduler scheduler = new DurableScheduler(f.database().jdbi(), clock)) {
            List<Instant> runs = new CopyOnWriteArrayList<>();
            scheduler.forPlugin("traffic").every("refresh", MINUTE, runs::add);

            clock.set(T0.plusSeconds(59));
            assertEquals(0, scheduler.runDue(Runnable::run));
            assertEquals(List.of(), runs);

            clock.set(T0.plusSeconds(60));
            assertEquals(1, scheduler.runDue(Runnable::run));
            assertEquals(List.of(T0.plusSeconds(60)), runs);

            assertEquals(0, scheduler.runDue(Runnable::run), "a run is claimed once");
            assertEquals(T0.plusSeconds(120), job(f, "traffic", "refresh").nextDueAt());
            assertEquals(T0.plusSeconds(60), job(f, "traffic", "refresh").lastRunAt());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void afterARestartMissedRunsAreCoalescedIntoOne(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            List<Instant> runs = new CopyOnWriteArrayList<>();
            try (DurableScheduler before = new DurableScheduler(f.database().jdbi(), clock)) {
                before.forPlugin("traffic").every("refresh", MINUTE, runs::add);
                clock.set(T0.plusSeconds(60));
                assertEquals(1, before.runDue(Runnable::run));
            }

            // Down for five intervals and a bit; the host comes back and its plugin registers the job again.
            clock.set(T0.plusSeconds(60 + 5 * 60 + 15));
            try (DurableScheduler after = new DurableScheduler(f.database().jdbi(), clock)) {
                after.forPlugin("traffic").every("refresh", MINUTE, runs::add);
                assertEquals(T0.plusSeconds(120), job(f, "traffic", "refresh").nextDueAt(),
                        "registering again keeps the stored schedule");

                assertEquals(1, after.runDue(Runnable::run));
                assertEquals(0, after.runDue(Runnable::run));
            }

            assertEquals(List.of(T0.plusSeconds(60), T0.plusSeconds(120)), runs);
            Instant next = job(f, "traffic", "refresh").nextDueAt();
            assertTrue(next.isAfter(clock.instant()), "next run " + next + " must be in the future");
            assertEquals(0, Duration.between(T0, next).toSeconds() % 60, "next run " + next + " must stay on the grid");
            assertEquals(T0.plusSeconds(420), next);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoHostsOnOneDatabaseRunADueJobOnce(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir);
             Database otherPool = Database.open(f.url(), null, null);
             DurableScheduler hostA = new DurableScheduler(f.database().jdbi(), clock);
             DurableScheduler hostB = new DurableScheduler(otherPool.jdbi(), clock)) {
            AtomicInteger runs = new AtomicInteger();
            hostA.forPlugin("traffic").every("refresh", MINUTE, due -> runs.incrementAndGet());
            hostB.forPlugin("traffic").every("refresh", MINUTE, due -> runs.incrementAndGet());

            clock.set(T0.plusSeconds(60));
            int claimed = hostA.runDue(Runnable::run) + hostB.runDue(Runnable::run);

            assertEquals(1, claimed);
            assertEquals(1, runs.get());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoHostsClaimingAtTheSameMomentRunEachDueTimeOnce(Kind kind) throws Exception {
        int rounds = 15;
        ExecutorService hosts = Executors.newFixedThreadPool(2);
        try (Fresh f = TestDatabases.migrated(kind, dir);
             Database otherPool = Database.open(f.url(), null, null);
             DurableScheduler hostA = new DurableScheduler(f.database().jdbi(), clock);
             DurableScheduler hostB = new DurableScheduler(otherPool.jdbi(), clock)) {
            Map<Instant, AtomicInteger> runsByDue = new ConcurrentHashMap<>();
            Scheduler.Job job = due -> runsByDue.computeIfAbsent(due, d -> new AtomicInteger()).incrementAndGet();
            hostA.forPlugin("traffic").every("refresh", MINUTE, job);
            hostB.forPlugin("traffic").every("refresh", MINUTE, job);
            CyclicBarrier together = new CyclicBarrier(2);

            int claimed = 0;
            for (int round = 1; round <= rounds; round++) {
                clock.set(T0.plus(MINUTE.multipliedBy(round)));
                Future<Integer> a = hosts.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return hostA.runDue(Runnable::run);
                });
                Future<Integer> b = hosts.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return hostB.runDue(Runnable::run);
                });
                claimed += a.get(30, TimeUnit.SECONDS) + b.get(30, TimeUnit.SECONDS);
            }

            assertEquals(rounds, claimed);
            assertEquals(rounds, runsByDue.size());
            runsByDue.forEach((due, count) -> assertEquals(1, count.get(), "runs due at " + due));
        } finally {
            hosts.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailingRunIsRecordedAndTheJobStaysScheduled(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir); DurableScheduler scheduler = new DurableScheduler(f.database().jdbi(), clock)) {
            AtomicInteger runs = new AtomicInteger();
            List<String> told = new java.util.ArrayList<>();
            scheduler.report(new DurableScheduler.Outcomes() {
                @Override
                public void succeeded(String plugin, String job) {
                    told.add(plugin + "/" + job + " ok");
                }

                @Override
                public void failed(String plugin, String job, Throwable error) {
                    told.add(plugin + "/" + job + " " + error.getClass().getSimpleName());
                }
            });
            scheduler.forPlugin("traffic").every("refresh", MINUTE, due -> {
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("the shop's feed is down");
                }
            });

            clock.set(T0.plusSeconds(60));
            assertEquals(1, scheduler.runDue(Runnable::run));

            JobRow failed = job(f, "traffic", "refresh");
            assertTrue(failed.lastError() != null && failed.lastError().contains("the shop's feed is down"),
                    "last_error was " + failed.lastError());
            assertEquals(T0.plusSeconds(120), failed.nextDueAt());

            clock.set(T0.plusSeconds(120));
            assertEquals(1, scheduler.runDue(Runnable::run));
            assertEquals(2, runs.get());
            assertNull(job(f, "traffic", "refresh").lastError(), "a successful run clears the error");
            assertEquals(List.of("traffic/refresh IllegalStateException", "traffic/refresh ok"), told, "each run's outcome is told");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void releasedJobsNoLongerRunInThisHost(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir); DurableScheduler scheduler = new DurableScheduler(f.database().jdbi(), clock)) {
            AtomicInteger runs = new AtomicInteger();
            scheduler.forPlugin("traffic").every("refresh", MINUTE, due -> runs.incrementAndGet());
            scheduler.forPlugin("reviews").every("refresh", MINUTE, due -> runs.incrementAndGet());

            scheduler.release("traffic");
            clock.set(T0.plusSeconds(60));

            assertEquals(1, scheduler.runDue(Runnable::run));
            assertEquals(1, runs.get());
            assertEquals(T0.plusSeconds(60), job(f, "traffic", "refresh").nextDueAt(), "its schedule stays stored");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anIntervalUnderOneSecondIsRefused(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir); DurableScheduler scheduler = new DurableScheduler(f.database().jdbi(), clock)) {
            Scheduler jobs = scheduler.forPlugin("traffic");

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> jobs.every("too-often", Duration.ofMillis(999), due -> { }));
            assertThrows(IllegalArgumentException.class, () -> jobs.every("never", Duration.ZERO, due -> { }));

            assertTrue(e.getMessage().contains("traffic/too-often"), e.getMessage());
            assertEquals(0, f.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs")
                    .mapTo(Integer.class).one()).intValue());
        }
    }

    private record JobRow(Instant nextDueAt, Instant lastRunAt, String lastError) {
    }

    private static JobRow job(Fresh f, String plugin, String name) {
        return f.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT next_due_at, last_run_at, last_error FROM jobs WHERE plugin_id = :plugin AND name = :name")
                .bind("plugin", plugin).bind("name", name)
                .map((rs, ctx) -> new JobRow(Instant.parse(rs.getString(1)),
                        rs.getString(2) == null ? null : Instant.parse(rs.getString(2)), rs.getString(3)))
                .one());
    }
}
