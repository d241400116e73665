package com.shopops.platform.server;

import com.shopops.platform.core.SettingsTrail;
import com.shopops.platform.plugins.PluginThreads;
import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs a plugin's route on the plugin's own threads ({@link PluginThreads}), within a time limit and a
 * budget of memory allocated. The request's thread waits for it. A route that runs over is answered by
 * the host (503) and interrupted; from then on the request it was given is closed to it, so whatever it
 * does later cannot touch the answer, or the next request the web server serves with the same objects.
 * Java cannot kill a thread: a route that ignores the interruption keeps its thread until it ends, which
 * is why each plugin has only so many ({@code plugins.route-threads}).
 */
final class RouteLimits {

    /** How often the waiting request looks at the route's allocation. */
    private static final long LOOK_MILLIS = 100;

    /** What the plugin's handler does with its (closable) view of the request. */
    @FunctionalInterface
    interface Body {
        void run(Context ctx) throws Exception;
    }

    /** The route was refused or cut off; the message says why, for the 503 answer. */
    static final class Overrun extends Exception {
        private final boolean started;
        private final String what;

        /** {@code what} the plugin did, e.g. "did not answer within 2 s"; the message names the plugin before it. */
        Overrun(String pluginId, String what, boolean started) {
            super("plugin '" + pluginId + "' " + what, null, false, false);
            this.what = what;
            this.started = started;
        }

        /** What the plugin did, without its name: for the fault count's reason. */
        String what() {
            return what;
        }

        /** False when the route never started (all the plugin's threads were busy). */
        boolean started() {
            return started;
        }
    }

    private final PluginThreads threads;
    private final Duration time;
    private final long bytes;

    RouteLimits(PluginThreads threads, Duration time, long megabytes) {
        this.threads = threads;
        this.time = time;
        this.bytes = megabytes <= 0 ? 0 : megabytes * 1024 * 1024;
    }

    /**
     * Runs {@code body} for {@code ctx} on the plugin's threads and waits for it.
     *
     * @return the settings the route changed ({@link SettingsTrail})
     * @throws Overrun when it ran over its time or memory, or could not start; {@code ctx} is untouched by
     *                 it from then on
     * @throws Exception what the route threw
     */
    List<SettingsTrail.Change> run(Context ctx, String pluginId, ClassLoader loader, Body body) throws Exception {
        Gate gate = new Gate(ctx);
        CompletableFuture<List<SettingsTrail.Change>> done = new CompletableFuture<>();
        Worker worker = new Worker();
        Future<?> task;
        try {
            task = threads.routes(pluginId, loader).submit(() -> {
                worker.started(Thread.currentThread());
                SettingsTrail.open();
                try {
                    body.run(gate.context());
                    done.complete(SettingsTrail.close());
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                } finally {
                    SettingsTrail.close();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new Overrun(pluginId, "is busy with " + threads.routeThreads() + " requests already; try again in a moment",
                    false);
        }
        long deadline = System.nanoTime() + time.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                return done.get(Math.max(1, Math.min(TimeUnit.MILLISECONDS.toNanos(LOOK_MILLIS), left)), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) cause;
            } catch (InterruptedException e) {
                gate.close();
                task.cancel(true);
                throw e;
            } catch (TimeoutException e) {
                String over = null;
                if (System.nanoTime() - deadline >= 0) {
                    over = "did not answer within " + seconds(time);
                } else if (bytes > 0) {
                    if (worker.allocatedSinceStart() > bytes) {
                        over = "allocated more than " + bytes / (1024 * 1024) + " MB for one request";
                    }
                }
                if (over != null) {
                    gate.close();
                    task.cancel(true);
                    throw new Overrun(pluginId, over, true);
                }
            }
        }
    }

    /** The thread a request runs on, once it has started, and what that thread had allocated by then. */
    private final class Worker {
        private Thread thread;
        private long before = -1;

        synchronized void started(Thread t) {
            thread = t;
            before = threads.allocated(t);
        }

        /** Bytes allocated by the request so far, or -1 before it started (or where the JVM cannot tell). */
        synchronized long allocatedSinceStart() {
            return thread == null || before < 0 ? -1 : threads.allocated(thread) - before;
        }
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }

    /**
     * The plugin's view of the request: the request itself until {@link #close()}, after which every use
     * fails. Calls hold a read lock, so closing waits for a call in flight (briefly: not for a write to a
     * slow client, after which the answer is the plugin's anyway).
     */
    private static final class Gate implements InvocationHandler {
        private final Context real;
        private final Context view;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private volatile boolean closed;

        Gate(Context real) {
            this.real = real;
            this.view = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class}, this);
        }

        Context context() {
            return view;
        }

        void close() {
            boolean locked = false;
            try {
                locked = lock.writeLock().tryLock(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closed = true;
            if (locked) {
                lock.writeLock().unlock();
            }
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "plugin view of " + real;
                };
            }
            if (method.getName().equals("async") || method.getName().equals("future")) {
                throw new UnsupportedOperationException("a plugin route answers in its own thread; the host runs it"
                        + " asynchronously already");
            }
            lock.readLock().lock();
            try {
                open();
                Object answer = method.invoke(real, args);
                if (answer == real) {
                    return view; // chained calls (ctx.status(201).json(…)) stay behind the gate
                }
                if (answer instanceof ServletOutputStream out) {
                    return new GatedOutput(out, this);
                }
                return answer;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                lock.readLock().unlock();
            }
        }

        void open() {
            if (closed) {
                throw new IllegalStateException("this request was answered by the host: the route ran over its limit");
            }
        }
    }

    /** The response's body stream, behind the same gate. */
    private static final class GatedOutput extends ServletOutputStream {
        private final ServletOutputStream out;
        private final Gate gate;

        GatedOutput(ServletOutputStream out, Gate gate) {
            this.out = out;
            this.gate = gate;
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            guarded(() -> out.write(b, off, len));
        }

        @Override
        public void flush() throws IOException {
            guarded(out::flush);
        }

        @Override
        public void close() throws IOException {
            guarded(out::close);
        }

        private void guarded(Io io) throws IOException {
            gate.lock.readLock().lock();
            try {
                gate.open();
                io.run();
            } finally {
                gate.lock.readLock().unlock();
            }
        }
    }

    /** One write to the response, which may fail. */
    @FunctionalInterface
    private interface Io {
        void run() throws IOException;
    }
}
