package com.shopops.platform.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.BadRequestResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Counting plugin failures, and stopping a plugin after a run of them in one place. */
class PluginFaultsTest {

    private final PluginFaults faults = new PluginFaults();
    private final List<String> stopped = new CopyOnWriteArrayList<>();

    PluginFaultsTest() {
        faults.onKeepsFailing((plugin, reason) -> stopped.add(plugin + ": " + reason));
    }

    @AfterEach
    void close() {
        faults.close();
    }

    private List<String> stoppedAfterAWhile() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (stopped.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(50); // a second stop would have come by now
        return stopped;
    }

    @Test
    void aJobThatFailsTheLimitInARowStopsItsPluginOnceWithTheReason() throws Exception {
        faults.limit(3);
        faults.failed("ads", PluginFaults.Kind.JOB, "sync", "job 'sync' threw IOException");
        faults.failed("ads", PluginFaults.Kind.JOB, "sync", "job 'sync' threw IOException");
        faults.succeeded("ads", PluginFaults.Kind.JOB, "sync"); // a success starts the count again
        faults.failed("ads", PluginFaults.Kind.JOB, "sync", "job 'sync' threw IOException");
        faults.failed("ads", PluginFaults.Kind.JOB, "other", "job 'other' threw IOException"); // another place
        faults.failed("ads", PluginFaults.Kind.JOB, "sync", "job 'sync' threw IOException");
        Thread.sleep(100);
        assertEquals(List.of(), stopped, "2 in a row in one place so far");
        faults.failed("ads", PluginFaults.Kind.JOB, "sync", "job 'sync' threw TimeoutException");
        faults.failed("ads", PluginFaults.Kind.JOB, "sync", "job 'sync' threw TimeoutException");
        assertEquals(List.of("ads: stopped automatically after 3 failures in a row; the last: job 'sync' threw TimeoutException"),
                stoppedAfterAWhile());
        assertEquals(new PluginFaults.Counts(0, 0, 0, 7, 0, 0), faults.counts("ads"));
        assertEquals(new PluginFaults.Counts(0, 0, 0, 0, 0, 0), faults.counts("traffic"));
    }

    @Test
    void briefingTimeoutsAndFailuresCountSeparatelyButMakeOneRun() throws Exception {
        faults.limit(2);
        faults.failed("members", PluginFaults.Kind.BRIEFING_TIMEOUT, null, "its briefing contribution did not answer within 10 s");
        faults.failed("members", PluginFaults.Kind.BRIEFING, null, "its briefing contribution threw NullPointerException");
        assertEquals(1, stoppedAfterAWhile().size());
        assertEquals(new PluginFaults.Counts(0, 1, 1, 0, 0, 0), faults.counts("members"));
    }

    @Test
    void limitZeroNeverStopsAPlugin() throws Exception {
        faults.limit(0);
        for (int i = 0; i < 50; i++) {
            faults.failed("x", PluginFaults.Kind.ROUTE, null, "route GET /a threw IllegalStateException");
        }
        Thread.sleep(100);
        assertEquals(List.of(), stopped);
        assertEquals(50, faults.counts("x").routeErrors());
        assertThrows(IllegalArgumentException.class, () -> faults.limit(-1));
    }

    @Test
    void routeErrorsCountButNotTheClientsAndTimeoutsMakeOneRunWithThem() throws Exception {
        faults.limit(3);
        IllegalStateException broken = new IllegalStateException("secret message");
        faults.routeEnded("steady", "GET", "/boom", broken);
        faults.routeEnded("steady", "GET", "/hello", null);
        faults.routeEnded("steady", "GET", "/boom", broken);
        faults.routeEnded("steady", "POST", "/notes", new BadRequestResponse("a note needs a text"));
        faults.routeEnded("steady", "POST", "/notes", new RuntimeException(new com.fasterxml.jackson.core.JsonParseException(null, "bad")));
        Thread.sleep(100);
        assertEquals(List.of(), stopped, "a 4xx and bad JSON are the client's doing and break the run");
        assertEquals(new PluginFaults.Counts(2, 0, 0, 0, 0, 0), faults.counts("steady"));
        faults.routeEnded("steady", "GET", "/boom", broken);
        faults.failed("steady", PluginFaults.Kind.ROUTE_TIMEOUT, null, "route GET /slow ran over: did not answer within 2 s");
        faults.routeEnded("steady", "GET", "/boom", broken);
        List<String> reasons = stoppedAfterAWhile();
        assertEquals(List.of("steady: stopped automatically after 3 failures in a row; the last: route GET /boom threw IllegalStateException"),
                reasons);
        assertTrue(reasons.stream().noneMatch(r -> r.contains("secret")), "no exception message in the reason");
        assertEquals(new PluginFaults.Counts(4, 0, 0, 0, 0, 1), faults.counts("steady"));
    }
}
