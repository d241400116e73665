package com.shopops.platform.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.core.DurableScheduler;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin that hangs costs its own time limit, is counted and stopped; the others carry on. */
class PluginHangsTest {

    private static final Duration LIMIT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private final PluginFaults faults = new PluginFaults();
    private final List<String> stopped = new CopyOnWriteArrayList<>();
    /** Lets the abandoned runs end when the test is over. */
    private volatile boolean hanging = true;

    @AfterEach
    void close() {
        hanging = false;
        faults.close();
    }

    @Test
    void aJobThatNeverEndsIsTimedOutCountedAndItsPluginStoppedWhileAnotherPluginsJobKeepsRunning() throws Exception {
        faults.limit(3);
        TestClock clock = new TestClock(Instant.parse("2024-03-05T00:00:00Z"));
        try (Fresh f = TestDatabases.migrated(TestDatabases.Kind.SQLITE, dir);
             DurableScheduler scheduler = new DurableScheduler(f.database().jdbi(), clock, LIMIT)) {
            // As the installation wires them: outcomes go to the faults, a stopped plugin's jobs are released.
            scheduler.report(new DurableScheduler.Outcomes() {
                @Override
                public void succeeded(String plugin, String job) {
                    faults.succeeded(plugin, PluginFaults.Kind.JOB, job);
                }

                @Override
                public void failed(String plugin, String job, Throwable error) {
                    faults.failed(plugin, PluginFaults.Kind.JOB, job, "job '" + job + "' threw " + error.getClass().getSimpleName());
                }

                @Override
                public void timedOut(String plugin, String job, Duration limit) {
                    faults.failed(plugin, PluginFaults.Kind.JOB_TIMEOUT, job, "job '" + job + "' did not finish within 0.3 s");
                }
            });
            AtomicInteger stuckRuns = new AtomicInteger();
            AtomicInteger stuckRunsAtStop = new AtomicInteger(-1);
            faults.onKeepsFailing((plugin, reason) -> {
                scheduler.release(plugin);
                stuckRunsAtStop.set(stuckRuns.get());
                stopped.add(plugin + ": " + reason);
            });
            AtomicInteger interrupted = new AtomicInteger();
            AtomicInteger steadyRuns = new AtomicInteger();
            AtomicInteger steadyRunsBeforeStop = new AtomicInteger(-1);
            scheduler.forPlugin("sleepy").every("stuck", Duration.ofMinutes(1), due -> {
                stuckRuns.incrementAndGet();
                // The worst kind: notes its interruption and carries on sleeping.
                while (hanging) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                    }
                }
            });
            scheduler.forPlugin("steady").every("count", Duration.ofMinutes(1), due -> steadyRuns.incrementAndGet());
            scheduler.start(Duration.ofMillis(10));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline
                    && (steadyRunsBeforeStop.get() < 0 || steadyRuns.get() < steadyRunsBeforeStop.get() + 3)) {
                if (!stopped.isEmpty() && steadyRunsBeforeStop.get() < 0) {
                    steadyRunsBeforeStop.set(steadyRuns.get());
                }
                clock.advance(Duration.ofMinutes(1));
                Thread.sleep(50);
            }

            assertEquals(List.of("sleepy: stopped automatically after 3 failures in a row; the last: job 'stuck' did not finish within 0.3 s"),
                    stopped);
            // The stop comes off the failing thread, so one more run may have started before it.
            assertTrue(stuckRunsAtStop.get() == 3 || stuckRunsAtStop.get() == 4, "runs before the stop: " + stuckRunsAtStop);
            assertEquals(stuckRunsAtStop.get(), stuckRuns.get(), "a stopped plugin's job runs no more");
            assertTrue(interrupted.get() >= 3, "each run over the limit was interrupted: " + interrupted);
            assertEquals(new PluginFaults.Counts(0, 0, 0, 0, 3, 0), faults.counts("sleepy"));
            assertTrue(steadyRunsBeforeStop.get() >= 3, "the other plugin's job ran " + steadyRunsBeforeStop.get()
                    + " times while the stuck one held three threads");
            assertTrue(steadyRuns.get() >= steadyRunsBeforeStop.get() + 3, "and it goes on: " + steadyRuns.get());
            assertEquals(new PluginFaults.Counts(0, 0, 0, 0, 0, 0), faults.counts("steady"));
            String lastError = f.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT last_error FROM jobs WHERE plugin_id = 'sleepy'").mapTo(String.class).one());
            assertEquals("timed out after 0.3 s", lastError);
        }
    }
}
