package com.shopops.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.plugins.PluginThreads;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A plugin route run within its limits, on a real server on loopback: one that hangs, one that allocates
 * without end and one that keeps writing after the host answered for it each cost their own request, and
 * the plugin's busy threads refuse more work instead of taking the server's.
 */
class RouteLimitsTest {

    private static final ClassLoader PLUGIN_LOADER = new ClassLoader(RouteLimitsTest.class.getClassLoader()) {
    };
    private static final ClassLoader STUCK_LOADER = new ClassLoader(RouteLimitsTest.class.getClassLoader()) {
    };

    private final PluginThreads threads = new PluginThreads();
    private final RouteLimits limits = new RouteLimits(threads, Duration.ofMillis(400), 16);
    private final List<Throwable> lateErrors = new CopyOnWriteArrayList<>();
    private final CountDownLatch lateWriteTried = new CountDownLatch(1);
    private volatile boolean release;
    private Javalin app;
    // One connection for every request, so a late write would land in the next answer if it got through.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        release = true;
        if (app != null) {
            app.stop();
        }
        threads.close();
    }

    private final java.util.Map<String, io.javalin.http.Handler> routes = new java.util.LinkedHashMap<>();

    /** {@code body} served at {@code path} as a route of {@code plugin}, within {@code limits}. */
    private void serve(String path, RouteLimits limits, String plugin, ClassLoader loader, RouteLimits.Body body) {
        routes.put(path, ctx -> {
            try {
                limits.run(ctx, plugin, loader, body);
            } catch (RouteLimits.Overrun e) {
                ctx.res().reset();
                ctx.status(503).result(e.getMessage());
            }
        });
    }

    private void serve(String path, RouteLimits.Body body) {
        serve(path, limits, "sleepy", PLUGIN_LOADER, body);
    }

    private void start() {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            routes.forEach((path, handler) -> cfg.routes.get(path, handler));
            cfg.routes.exception(IllegalStateException.class, (e, ctx) -> ctx.status(500).result(e.getMessage()));
        }).start("127.0.0.1", 0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRouteThatHangsIsAnsweredWithinTheLimitAndWhatItWritesLaterReachesNoAnswer() throws Exception {
        serve("/hang", ctx -> {
            ctx.header("X-Plugin", "half-set");
            while (!release) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    // The worst kind: notes its interruption, carries on, and then tries to answer anyway.
                    try {
                        ctx.result("LATE ANSWER");
                    } catch (Throwable late) {
                        lateErrors.add(late);
                    }
                    lateWriteTried.countDown();
                }
            }
        });
        serve("/hello", ctx -> ctx.status(201).result("hello")); // chained: the status call answers the plugin's view
        start();

        long asked = System.nanoTime();
        HttpResponse<String> hang = get("/hang");
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertEquals(503, hang.statusCode());
        assertEquals("plugin 'sleepy' did not answer within 0.4 s", hang.body());
        assertTrue(took >= 350 && took < 10_000, "answered after " + took + " ms");
        assertTrue(hang.headers().firstValue("X-Plugin").isEmpty(), "what the plugin had set is not the host's answer");

        assertTrue(lateWriteTried.await(5, TimeUnit.SECONDS), "the route was interrupted");
        assertEquals(1, lateErrors.size());
        assertTrue(lateErrors.get(0) instanceof IllegalStateException && lateErrors.get(0).getMessage().contains("answered by the host"),
                lateErrors.toString());
        HttpResponse<String> hello = get("/hello");
        assertEquals(201, hello.statusCode());
        assertEquals("hello", hello.body(), "the next answer on the connection is its own");
    }

    @Test
    void aRouteThatAllocatesWithoutEndIsCutOffAtItsBudget() throws Exception {
        List<byte[]> kept = new ArrayList<>();
        // A time limit it cannot reach: only the budget may cut it off, however slow the machine.
        serve("/hog", new RouteLimits(threads, Duration.ofSeconds(60), 16), "sleepy", PLUGIN_LOADER, ctx -> {
            try {
                while (!release) {
                    kept.add(new byte[2 * 1024 * 1024]);
                    Thread.sleep(1); // at most 2 GB a second: the budget is what stops it, not the heap
                }
            } finally {
                kept.clear();
            }
        });
        start();
        HttpResponse<String> hog = get("/hog");
        assertEquals(503, hog.statusCode());
        assertEquals("plugin 'sleepy' allocated more than 16 MB for one request", hog.body());
    }

    @Test
    void aPluginWhoseThreadsAreAllBusyIsRefusedWhileTheServerAnswersOtherRequests() throws Exception {
        threads.routeThreads(2);
        serve("/hello", ctx -> ctx.result("hello"));
        CountDownLatch busy = new CountDownLatch(2);
        serve("/stuck", new RouteLimits(threads, Duration.ofSeconds(30), 0), "stuck", STUCK_LOADER, view -> {
            busy.countDown();
            while (!release) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ignored) {
                    // never lets go
                }
            }
        });
        start();
        List<CompletableFuture<HttpResponse<String>>> stuck = new ArrayList<>();
        HttpClient others = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            stuck.add(others.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/stuck")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        assertTrue(busy.await(5, TimeUnit.SECONDS), "both stuck requests run");
        HttpResponse<String> third = get("/stuck");
        assertEquals(503, third.statusCode());
        assertEquals("plugin 'stuck' is busy with 2 requests already; try again in a moment", third.body());
        assertFalse(stuck.get(0).isDone(), "the two stuck requests still wait");
        assertEquals("hello", get("/hello").body(), "the server answers what is not the stuck plugin's");
    }

    @Test
    void whatTheRouteThrowsReachesTheCallerAndItsOwnThreadsAreCountedAndInterruptedWhenItStops() throws Exception {
        List<Thread> started = new CopyOnWriteArrayList<>();
        serve("/spawn", ctx -> {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // told to stop
                }
            }, "sleepy-leak");
            t.start();
            started.add(t);
            throw new IllegalStateException("broken on purpose");
        });
        start();
        HttpResponse<String> spawn = get("/spawn");
        assertEquals(500, spawn.statusCode());
        assertEquals("broken on purpose", spawn.body());
        get("/spawn");
        assertEquals(2, threads.startedBy("sleepy", PLUGIN_LOADER).size(), "threads it starts in a route are its own");
        assertEquals(2, threads.stopped("sleepy", PLUGIN_LOADER));
        for (Thread t : started) {
            t.join(2_000);
            assertFalse(t.isAlive(), t.getName() + " was interrupted");
        }
        assertEquals(0, threads.startedBy("sleepy", PLUGIN_LOADER).size());
    }
}
