package com.shopops.platform.plugins;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads each plugin uses. Its routes run on a pool of its own, at most {@link #routeThreads()}
 * at a time, so a plugin whose routes hang holds those threads and no more: the web server's own
 * threads stay free for everything else. The threads a plugin starts itself are told by their context
 * class loader (the host sets it to the plugin's while the plugin starts and while its routes run, and a
 * new thread inherits it); they are counted, and interrupted when the plugin stops. Java cannot kill a
 * thread: one that ignores the interruption runs on, but is still counted and logged.
 */
public final class PluginThreads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginThreads.class);

    /** Default for the setting {@code plugins.route-threads}: requests one plugin may serve at a time. */
    public static final int DEFAULT_ROUTE_THREADS = 16;

    private final Map<ClassLoader, ThreadPoolExecutor> routePools = new ConcurrentHashMap<>();
    private final com.sun.management.ThreadMXBean threadBean = allocationBean();
    private volatile int routeThreads = DEFAULT_ROUTE_THREADS;

    /** Requests one plugin may serve at a time; more are refused until one ends. */
    public int routeThreads() {
        return routeThreads;
    }

    /** Sets {@link #routeThreads()}; from the setting {@code plugins.route-threads}. */
    public void routeThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("plugins.route-threads: 1 or more requests at a time, not " + threads);
        }
        this.routeThreads = threads;
    }

    /**
     * The pool the routes of the plugin loaded by {@code loader} run on. It refuses a request
     * ({@link java.util.concurrent.RejectedExecutionException}) while all its threads are busy, rather
     * than queueing it behind routes that may never end.
     */
    public ExecutorService routes(String pluginId, ClassLoader loader) {
        return routePools.computeIfAbsent(loader, l -> {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(0, routeThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    task -> {
                        Thread t = new Thread(task, routeThreadPrefix(pluginId) + n.incrementAndGet());
                        t.setDaemon(true);
                        t.setContextClassLoader(l);
                        return t;
                    });
            return pool;
        });
    }

    /**
     * The threads the plugin loaded by {@code loader} started itself and that still run. The calling
     * thread is never one: the host lends its own threads the plugin's loader while it starts the plugin.
     */
    public List<Thread> startedBy(String pluginId, ClassLoader loader) {
        List<Thread> found = new ArrayList<>();
        String ours = routeThreadPrefix(pluginId);
        Thread caller = Thread.currentThread();
        for (Thread t : allThreads()) {
            if (t != caller && t.isAlive() && t.getContextClassLoader() == loader && !t.getName().startsWith(ours)) {
                found.add(t);
            }
        }
        return found;
    }

    /** Bytes {@code thread} has allocated since it started, or -1 where the JVM cannot tell. */
    public long allocated(Thread thread) {
        if (threadBean == null) {
            return -1;
        }
        return threadBean.getThreadAllocatedBytes(thread.getId());
    }

    /**
     * The plugin loaded by {@code loader} stopped: its route pool is shut down (running routes are
     * interrupted) and the threads it started are interrupted.
     *
     * @return how many of its own threads were still running
     */
    public int stopped(String pluginId, ClassLoader loader) {
        ThreadPoolExecutor pool = routePools.remove(loader);
        if (pool != null) {
            pool.shutdownNow();
        }
        List<Thread> left = startedBy(pluginId, loader);
        for (Thread t : left) {
            t.interrupt();
        }
        if (!left.isEmpty()) {
            log.warn("plugin {}: stopped with {} of its own threads still running, interrupted: {}", pluginId, left.size(),
                    left.stream().map(Thread::getName).limit(10).toList());
        }
        return left.size();
    }

    private static String routeThreadPrefix(String pluginId) {
        return "shopops-route-" + pluginId + "-";
    }

    private static Thread[] allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return java.util.Arrays.copyOf(threads, n);
    }

    private static com.sun.management.ThreadMXBean allocationBean() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        return null;
    }

    @Override
    public void close() {
        routePools.values().forEach(ThreadPoolExecutor::shutdownNow);
        routePools.clear();
    }
}
