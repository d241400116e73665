package com.shopops.platform.plugins;

import com.shopops.api.MenuEntry;
import com.shopops.api.Permission;
import com.shopops.api.PublishingChannel;
import com.shopops.api.ShopOpsPlugin;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of one installation: loads the plugin files of the plugins folder, starts, stops,
 * enables, disables, installs and removes them, and keeps each fault inside its plugin. A plugin file
 * that is refused, or a plugin that fails to migrate or start, is reported with a one-line reason and
 * the host goes on with the others.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    /**
     * A plugin as the owner sees it.
     *
     * @param id          plugin id (the file name for a file that was refused before its id was known)
     * @param version     version, or null
     * @param provider    who made it, or null
     * @param description what it does, or null
     * @param requires    the API range it needs, or null
     * @param state       STARTED, DISABLED, FAILED, STOPPED, RESOLVED (loaded, not started) or REFUSED
     * @param error       why it failed or was refused, or null
     * @param file        its file in the plugins folder
     */
    public record PluginView(String id, String version, String provider, String description, String requires,
                             String state, String error, String file) {
    }

    /**
     * A started plugin, as the HTTP server dispatches to it.
     *
     * @param id          plugin id
     * @param entry       its entry extension
     * @param routes      its routes
     * @param loader      its class loader (for its UI files and messages)
     * @param permissions the permissions it declared
     * @param menu        its navigation entries
     */
    public record Active(String id, ShopOpsPlugin entry, RouteTable routes, ClassLoader loader,
                         List<Permission> permissions, List<MenuEntry> menu) {
    }

    private final Path folder;
    private final HostServices services;
    private final ShopOpsPluginManager manager;
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Map<String, PluginView> refused = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final List<String> startOrder = new ArrayList<>();
    private final HostChannels channels;
    private final PluginFaults faults = new PluginFaults();
    private final PluginThreads threads = new PluginThreads();
    /** Looks at the threads each started plugin runs, every few seconds (a running host only). */
    private final ScheduledExecutorService threadWatch;
    private volatile int threadLimit = DEFAULT_THREAD_LIMIT;

    /**
     * @param folder   the plugins folder (created when missing; must be writable: zips are expanded there)
     * @param services the running host's services, or null to manage the folder without starting plugins
     */
    public PluginHost(Path folder, HostServices services) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugins folder " + folder, e);
        }
        this.folder = folder.toAbsolutePath().normalize();
        this.services = services;
        this.manager = new ShopOpsPluginManager(this.folder);
        this.channels = services == null ? null : new HostChannels(services.database().jdbi(), services.clock(),
                services.files().resolve("channels"),
                () -> extensionsByPlugin(PublishingChannel.class).stream()
                        .flatMap(e -> e.extensions().stream().map(c -> new HostChannels.Offered(e.pluginId(), c))).toList());
        faults.onKeepsFailing(this::stopFailing);
        this.threadWatch = services == null ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "plugin-thread-watch");
            t.setDaemon(true);
            return t;
        });
        if (threadWatch != null) {
            threadWatch.scheduleWithFixedDelay(this::watchThreads, 2, 2, TimeUnit.SECONDS);
        }
        manager.addPluginStateListener(event -> log.info("plugin {} {}: {} (was {})", event.getPlugin().getPluginId(),
                event.getPlugin().getDescriptor().getVersion(), event.getPluginState(), event.getOldState()));
    }

    /** Default for the setting {@code plugins.thread-limit}: threads a plugin may start and keep running. */
    public static final int DEFAULT_THREAD_LIMIT = 100;

    /** The threads the plugins run on: their route pools and those they start themselves. */
    public PluginThreads threads() {
        return threads;
    }

    /** Sets the threads a plugin may start and keep running before it is stopped; 0: no limit. */
    public void threadLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("plugins.thread-limit: 0 (no limit) or more threads, not " + limit);
        }
        this.threadLimit = limit;
    }

    /** How many threads the started plugin {@code id} started itself and still runs; 0 when it is not started. */
    public int threadsRunning(String id) {
        Active a = active.get(id);
        return a == null ? 0 : threads.startedBy(id, a.loader()).size();
    }

    private void watchThreads() {
        int limit = threadLimit;
        if (limit == 0) {
            return;
        }
        for (Active a : active.values()) {
            int running = threads.startedBy(a.id(), a.loader()).size();
            if (running > limit) {
                faults.stopNow(a.id(), "stopped automatically: it started " + running + " threads that still run (at most "
                        + limit + ", the setting plugins.thread-limit)");
            }
        }
    }

    /** The publishing channels of the started plugins, with the shops' settings for them. */
    public HostChannels channels() {
        return channels;
    }

    /** Each plugin's failures since the host started, and the limit after which one is stopped. */
    public PluginFaults faults() {
        return faults;
    }

    /** The plugins folder. */
    public Path folder() {
        return folder;
    }

    /** Loads every plugin file (*.zip, *.jar) of the folder, refusing those that do not pass the checks. */
    public synchronized void loadAll() {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.{zip,jar}")) {
            for (Path file : dir) {
                if (!file.getFileName().toString().startsWith(".")) { // uploads and installs in progress
                    candidates.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugins folder " + folder, e);
        }
        candidates.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path file : candidates) {
            try {
                load(file);
            } catch (PluginRefused e) {
                refuse(file, e.getMessage());
            }
        }
    }

    private void refuse(Path file, String reason) {
        String name = file.getFileName().toString();
        log.warn("plugin file refused: {}", reason);
        refused.put(name, new PluginView(name, null, null, null, null, "REFUSED", reason, name));
    }

    private String load(Path file) throws PluginRefused {
        PluginArchive.Descriptor d = PluginArchive.inspect(file);
        PluginWrapper existing = manager.getPlugin(d.id());
        if (existing != null) {
            throw new PluginRefused(file.getFileName() + ": plugin id '" + d.id() + "' is already used by "
                    + files.get(d.id()).getFileName() + " (" + existing.getDescriptor().getVersion() + ")");
        }
        if (file.getFileName().toString().endsWith(".zip")) {
            // PF4J re-expands a zip only when it is newer than its folder; a folder left half-written by
            // a crash, or a zip copied in with an older date, would load stale or empty. Expand afresh.
            String name = file.getFileName().toString();
            deleteTree(file.resolveSibling(name.substring(0, name.length() - 4)));
        }
        try {
            String id = manager.loadPlugin(file);
            files.put(id, file);
            return id;
        } catch (Throwable e) {
            if (manager.getPlugin(d.id()) != null) {
                manager.unloadPlugin(d.id());
            }
            throw new PluginRefused(file.getFileName() + ": plugin '" + d.id() + "' cannot be loaded: " + describe(e));
        }
    }

    /** Starts every loaded plugin that is not disabled. */
    public synchronized void startAll() {
        for (PluginWrapper w : new ArrayList<>(manager.getResolvedPlugins())) {
            if (w.getPluginState() != PluginState.DISABLED) {
                start(w.getPluginId());
            }
        }
    }

    /** Starts one plugin: its migrations, its entry's start, its routes. Failures mark it FAILED. */
    public synchronized PluginView start(String id) {
        requireServices("start");
        PluginWrapper w = wrapper(id);
        if (active.containsKey(id)) {
            return view(w);
        }
        failures.remove(id);
        PluginState state = manager.startPlugin(id);
        if (state != PluginState.STARTED) {
            Throwable cause = w.getFailedException();
            return fail(w, cause == null ? "PF4J could not start it (state " + state + ")" : "start failed: " + describe(cause), cause);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(w.getPluginClassLoader());
        try {
            List<ShopOpsPlugin> entries = manager.getExtensions(ShopOpsPlugin.class, id);
            if (entries.size() != 1) {
                return fail(w, entries.isEmpty()
                        ? "no ShopOpsPlugin extension found (is META-INF/extensions.idx in the plugin, and shopops-api a provided dependency?)"
                        : entries.size() + " ShopOpsPlugin extensions found; a plugin has exactly one entry", null);
            }
            ShopOpsPlugin entry = entries.get(0);
            try {
                services.database().migrate(id, w.getPluginClassLoader());
            } catch (Throwable e) {
                return fail(w, "migration failed: " + describe(e), e);
            }
            try {
                entry.start(context(id, w.getPluginClassLoader()));
                RouteTable routes = new RouteTable(id);
                entry.routes(routes);
                checkDeclared(entry, routes);
                faults.started(id);
                active.put(id, new Active(id, entry, routes, w.getPluginClassLoader(),
                        List.copyOf(entry.permissions()), List.copyOf(entry.menu())));
                startOrder.remove(id);
                startOrder.add(id);
                return view(w);
            } catch (Throwable e) {
                safeStop(id, entry);
                return fail(w, "start failed: " + describe(e), e);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void checkDeclared(ShopOpsPlugin entry, RouteTable routes) {
        var declared = entry.permissions().stream().map(Permission::name).collect(java.util.stream.Collectors.toSet());
        for (RouteTable.Route r : routes.routes()) {
            if (!declared.contains(r.permission())) {
                throw new IllegalStateException("route " + r.method() + " " + r.path() + " needs permission '"
                        + r.permission() + "', which the plugin does not declare in permissions()");
            }
        }
    }

    private HostPluginContext context(String id, ClassLoader loader) {
        return new HostPluginContext(id, services.database().jdbi(), services.clock(),
                new PluginSettings(services.database().jdbi(), id, services.clock()),
                services.scheduler().forPlugin(id), services.events().forPlugin(id),
                new BundleMessages(id, loader), services.shops(), services.data(), channels,
                services.files().resolve("plugins").resolve(id));
    }

    private PluginView fail(PluginWrapper w, String reason, Throwable cause) {
        String id = w.getPluginId();
        if (w.getPluginState() == PluginState.STARTED) {
            manager.stopPlugin(id);
        }
        release(id);
        w.setPluginState(PluginState.FAILED);
        w.setFailedException(cause);
        failures.put(id, reason);
        if (cause != null) {
            log.error("plugin {} {}: FAILED, {}", id, w.getDescriptor().getVersion(), reason, cause);
        } else {
            log.error("plugin {} {}: FAILED, {}", id, w.getDescriptor().getVersion(), reason);
        }
        return view(w);
    }

    /**
     * Stops a started plugin that keeps failing and marks it FAILED with {@code reason}, which the
     * owner sees in /health and the plugin list. Starting or enabling it again gives it a fresh chance.
     */
    synchronized void stopFailing(String id, String reason) {
        PluginWrapper w = manager.getPlugin(id);
        Active a = active.get(id);
        if (w == null || a == null) {
            return; // stopped, disabled or removed meanwhile
        }
        safeStop(id, a.entry());
        fail(w, reason, null);
    }

    /** Stops a started plugin; its state becomes STOPPED. */
    public synchronized PluginView stop(String id) {
        PluginWrapper w = wrapper(id);
        Active a = active.get(id);
        if (a != null) {
            safeStop(id, a.entry());
        }
        if (w.getPluginState() == PluginState.STARTED) {
            manager.stopPlugin(id);
        }
        return view(w);
    }

    private void safeStop(String id, ShopOpsPlugin entry) {
        active.remove(id);
        startOrder.remove(id);
        try {
            entry.stop();
        } catch (Throwable e) {
            log.error("plugin {}: stop failed", id, e);
        }
        release(id);
    }

    private void release(String id) {
        active.remove(id);
        PluginWrapper w = manager.getPlugin(id);
        if (w != null && w.getPluginClassLoader() != null) {
            threads.stopped(id, w.getPluginClassLoader());
        }
        if (services != null) {
            services.scheduler().release(id);
            services.events().release(id);
        }
    }

    /** Enables a plugin (remembered in the folder's enabled/disabled lists) and, in a running host, starts it. */
    public synchronized PluginView enable(String id) {
        PluginWrapper w = wrapper(id);
        if (!manager.enablePlugin(id)) {
            throw new IllegalStateException("plugin '" + id + "' cannot be enabled: " + describe(w.getFailedException()));
        }
        return services == null ? view(w) : start(id);
    }

    /** Stops a plugin and disables it, across restarts. */
    public synchronized PluginView disable(String id) {
        PluginWrapper w = wrapper(id);
        stop(id);
        failures.remove(id);
        if (!manager.disablePlugin(id)) {
            throw new IllegalStateException("plugin '" + id + "' cannot be disabled: " + describe(w.getFailedException()));
        }
        return view(w);
    }

    /**
     * Installs a plugin file into the folder (as {@code <id>-<version>.zip|jar}) and, in a running host,
     * starts it. The file is checked first; a refused file leaves the folder as it was.
     */
    public synchronized PluginView install(Path upload) throws PluginRefused {
        PluginArchive.Descriptor d = PluginArchive.inspect(upload);
        PluginWrapper existing = manager.getPlugin(d.id());
        if (existing != null) {
            throw new PluginRefused("plugin '" + d.id() + "' " + existing.getDescriptor().getVersion()
                    + " is installed already; remove it before installing " + d.version());
        }
        String extension = upload.getFileName().toString().endsWith(".jar") ? ".jar" : ".zip";
        Path target = folder.resolve(d.id() + "-" + d.version() + extension);
        if (Files.exists(target) || Files.exists(folder.resolve(d.id() + "-" + d.version()))) {
            throw new PluginRefused("plugin '" + d.id() + "': " + target.getFileName() + " is in the plugins folder already");
        }
        try {
            Path staged = Files.createTempFile(folder, ".install-", extension + ".part");
            Files.copy(upload, staged, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PluginRefused("plugin '" + d.id() + "' cannot be copied into the plugins folder: " + e.getMessage());
        }
        refused.remove(target.getFileName().toString());
        try {
            load(target);
        } catch (PluginRefused e) {
            deleteQuietly(target);
            throw e;
        }
        log.info("plugin {} {} installed from {}", d.id(), d.version(), upload.getFileName());
        PluginWrapper w = wrapper(d.id());
        return services != null && w.getPluginState() != PluginState.DISABLED ? start(d.id()) : view(w);
    }

    /** Stops and unloads a plugin and deletes its file and expanded folder. Its tables stay. */
    public synchronized void remove(String id) {
        PluginWrapper w = wrapper(id);
        stop(id);
        if (w.getPluginState() == PluginState.DISABLED) {
            manager.enablePlugin(id); // drop it from the disabled list, so a later install starts enabled
        }
        Path expanded = w.getPluginPath();
        if (!manager.unloadPlugin(id)) {
            throw new IllegalStateException("plugin '" + id + "' could not be unloaded");
        }
        failures.remove(id);
        Path file = files.remove(id);
        deleteQuietly(file);
        if (expanded != null && !expanded.equals(file) && expanded.startsWith(folder)) {
            deleteTree(expanded);
        }
        log.info("plugin {} removed", id);
    }

    /** Every plugin file of the folder: loaded ones with their state, refused ones with the reason. */
    public List<PluginView> list() {
        List<PluginView> views = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            views.add(view(w));
        }
        views.addAll(refused.values());
        views.sort(Comparator.comparing(PluginView::id));
        return views;
    }

    /** One plugin's view, or empty when no plugin has that id. */
    public Optional<PluginView> find(String id) {
        PluginWrapper w = manager.getPlugin(id);
        return w == null ? Optional.empty() : Optional.of(view(w));
    }

    /** The started plugin with this id. */
    public Optional<Active> active(String id) {
        return Optional.ofNullable(active.get(id));
    }

    /**
     * The extensions of {@code type} (e.g. import formats) of every started plugin, in start order. A
     * plugin whose extensions cannot be made is left out and logged, as one faulty plugin must not
     * stop the others' work.
     */
    public <T> List<T> extensions(Class<T> type) {
        return extensionsByPlugin(type).stream().flatMap(e -> e.extensions().stream()).toList();
    }

    /**
     * One started plugin's extensions of a type.
     *
     * @param pluginId   the plugin
     * @param extensions its extensions, in the order of its extension index
     */
    public record PluginExtensions<T>(String pluginId, List<T> extensions) {
    }

    /**
     * The extensions of {@code type} per started plugin, in start order, leaving out plugins that have
     * none. When a plugin's entry class also implements {@code type}, the started entry itself is
     * given rather than a fresh instance PF4J would make, so it keeps the context it was started with.
     */
    public <T> List<PluginExtensions<T>> extensionsByPlugin(Class<T> type) {
        List<PluginExtensions<T>> found = new ArrayList<>();
        for (Active a : activePlugins()) {
            try {
                List<T> own = new ArrayList<>();
                for (T e : manager.getExtensions(type, a.id())) {
                    own.add(e.getClass() == a.entry().getClass() ? type.cast(a.entry()) : e);
                }
                if (!own.isEmpty()) {
                    found.add(new PluginExtensions<>(a.id(), List.copyOf(own)));
                }
            } catch (Throwable e) {
                log.warn("plugin {}: its {} extensions cannot be made: {}", a.id(), type.getSimpleName(), e.toString());
            }
        }
        return found;
    }

    /** Every started plugin, in start order. */
    public synchronized List<Active> activePlugins() {
        return startOrder.stream().map(active::get).filter(a -> a != null).toList();
    }

    private PluginView view(PluginWrapper w) {
        String state = w.getPluginState().toString();
        String error = failures.get(w.getPluginId());
        if (error == null && w.getPluginState() == PluginState.FAILED && w.getFailedException() != null) {
            error = describe(w.getFailedException());
        }
        var d = w.getDescriptor();
        Path file = files.get(w.getPluginId());
        return new PluginView(w.getPluginId(), d.getVersion(), d.getProvider(), d.getPluginDescription(),
                d.getRequires(), state, error, file == null ? null : file.getFileName().toString());
    }

    private PluginWrapper wrapper(String id) {
        PluginWrapper w = manager.getPlugin(id);
        if (w == null) {
            throw new NoSuchPluginException(id);
        }
        return w;
    }

    private void requireServices(String what) {
        if (services == null) {
            throw new IllegalStateException("cannot " + what + " plugins without a running host");
        }
    }

    /** Stops every started plugin, one at a time, the last started first. */
    @Override
    public synchronized void close() {
        faults.close();
        if (threadWatch != null) {
            threadWatch.shutdownNow();
        }
        List<String> order = new ArrayList<>(startOrder);
        java.util.Collections.reverse(order);
        for (String id : order) {
            try {
                stop(id);
            } catch (RuntimeException e) {
                log.error("plugin {}: stop failed", id, e);
            }
        }
        threads.close();
    }

    /** The one-line form of an exception: its type and message, and the root cause's. */
    static String describe(Throwable e) {
        if (e == null) {
            return "unknown reason";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (root != e) {
            text += " (caused by " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        }
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(PluginHost::deleteQuietly);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }

    /** No plugin has the id asked for. */
    public static final class NoSuchPluginException extends RuntimeException {
        public NoSuchPluginException(String id) {
            super("no plugin '" + id + "' is installed");
        }
    }
}
