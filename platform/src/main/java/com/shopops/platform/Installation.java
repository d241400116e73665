package com.shopops.platform;

import com.shopops.api.BriefingContributor;
import com.shopops.api.CoreEvents;
import com.shopops.api.ImportFormat;
import com.shopops.api.Shop;
import com.shopops.platform.briefing.Briefings;
import com.shopops.platform.briefing.ChangeAlerts;
import com.shopops.platform.briefing.FindingGathering;
import com.shopops.platform.briefing.MorningBriefing;
import com.shopops.platform.briefing.OverdueTasks;
import com.shopops.platform.briefing.SalesTargetCheck;
import com.shopops.platform.config.Config;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.core.DurableScheduler;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.ShopDataStore;
import com.shopops.platform.db.Database;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportJobs;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.formats.CoreFormats;
import com.shopops.platform.people.People;
import com.shopops.platform.people.PermissionGrants;
import com.shopops.platform.plugins.HostServices;
import com.shopops.platform.plugins.PluginFaults;
import com.shopops.platform.plugins.PluginHost;
import com.shopops.platform.plugins.PluginThreads;
import com.shopops.platform.targets.TargetStore;
import com.shopops.platform.tasks.TaskStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One ShopOps installation's parts, wired: database, shops, shop data, scheduler, events, plugins and
 * imports. The server ({@link Host}) and the one-shot commands ({@code import}, {@code summary},
 * {@code demo}) work on the same parts, so a command sees exactly what the server would.
 */
public final class Installation implements AutoCloseable {

    private final Config config;
    private final Clock clock;
    private final Database database;
    private final ShopStore shops;
    private final EventBus events;
    private final DurableScheduler scheduler;
    private final ShopDataStore data;
    private final PluginHost plugins;
    private final ImportFormats formats;
    private final ImportJobs importJobs;
    private final People people;
    private final BundleMessages coreMessages = new BundleMessages("core", Installation.class.getClassLoader());
    private final FindingGathering gathering;
    private final MorningBriefing briefing;
    private final TaskStore tasks;
    private final TargetStore targets;
    private final Duration routeTime;
    private final int routeMegabytes;

    /** Default for {@code plugins.route-seconds}. */
    public static final Duration DEFAULT_ROUTE_TIME = Duration.ofSeconds(30);
    /** Default for {@code plugins.route-megabytes}. */
    public static final int DEFAULT_ROUTE_MEGABYTES = 1024;

    private Installation(Config config, Clock clock, Database database) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.shops = new ShopStore(database.jdbi(), clock);
        this.events = new EventBus();
        this.scheduler = new DurableScheduler(database.jdbi(), clock,
                seconds(config, "plugins.job-seconds", DurableScheduler.DEFAULT_RUN_LIMIT));
        this.data = new ShopDataStore(database.jdbi(), shops);
        this.plugins = new PluginHost(config.pluginsDir(), new HostServices(database, clock, shops, scheduler, events, data,
                config.dataDir().resolve("files")));
        this.gathering = new FindingGathering(watchFaults(config, plugins.faults(), scheduler));
        plugins.threads().routeThreads(wholeNumber(config, "plugins.route-threads", PluginThreads.DEFAULT_ROUTE_THREADS,
                "requests one plugin may serve at a time"));
        plugins.threadLimit(wholeNumber(config, "plugins.thread-limit", PluginHost.DEFAULT_THREAD_LIMIT,
                "threads a plugin may start and keep running (0: no limit)"));
        this.routeTime = seconds(config, "plugins.route-seconds", DEFAULT_ROUTE_TIME);
        this.routeMegabytes = wholeNumber(config, "plugins.route-megabytes", DEFAULT_ROUTE_MEGABYTES,
                "megabytes one request to a plugin route may allocate (0: no limit)");
        // PF4J hands extensions out by raw class: each one is taken as the format of some record type.
        this.formats = new ImportFormats(CoreFormats.all(), () -> {
            List<ImportFormat<?>> found = new ArrayList<>();
            for (ImportFormat<?> f : plugins.extensions(ImportFormat.class)) {
                found.add(f);
            }
            return found;
        });
        this.people = new People(database.jdbi(), clock, People.Policy.DEFAULTS, this::declaredPermissions);
        this.importJobs = new ImportJobs(database.jdbi(), imports(), config.dataDir().resolve("uploads").resolve("imports"),
                clock);
        this.tasks = new TaskStore(database.jdbi(), clock);
        this.targets = new TargetStore(database.jdbi());
        Briefings briefings = new Briefings(database.jdbi());
        this.briefing = new MorningBriefing(briefings, gathering, this::briefingSources,
                new PluginSettings(database.jdbi(), "core", clock), coreMessages, tasks::forFindings, clock);
        // New data makes the stored briefings stale: the next reading gathers their findings again.
        events.forPlugin("core").subscribe(CoreEvents.DataImported.class, e -> briefings.outdate(e.shopId()));
    }

    /**
     * Counts the plugins' job and briefing failures in {@code faults} (the plugin host counts their route
     * errors itself), with the limit of failures in a row from the setting {@code plugins.failure.limit}.
     *
     * @return what the briefing's gathering tells of each source's answer
     */
    private static FindingGathering.Outcomes watchFaults(Config config, PluginFaults faults, DurableScheduler scheduler) {
        faults.limit(wholeNumber(config, "plugins.failure.limit", PluginFaults.DEFAULT_LIMIT,
                "failures in a row that stop a plugin (0: never stop one)"));
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
                faults.failed(plugin, PluginFaults.Kind.JOB_TIMEOUT, job, "job '" + job + "' did not finish within "
                        + BigDecimal.valueOf(limit.toMillis(), 3).stripTrailingZeros().toPlainString() + " s");
            }
        });
        return new FindingGathering.Outcomes() {
            @Override
            public void answered(String source) {
                if (!source.equals("core")) {
                    faults.succeeded(source, PluginFaults.Kind.BRIEFING, null);
                }
            }

            @Override
            public void failed(String source, FindingGathering.Problem problem, String detail) {
                if (source.equals("core")) {
                    return;
                }
                if (problem == FindingGathering.Problem.TIMED_OUT) {
                    faults.failed(source, PluginFaults.Kind.BRIEFING_TIMEOUT, null,
                            "its briefing contribution did not answer within " + detail);
                } else {
                    faults.failed(source, PluginFaults.Kind.BRIEFING, null, "its briefing contribution "
                            + (problem == FindingGathering.Problem.INVALID ? "gave an invalid finding" : "threw " + detail));
                }
            }
        };
    }

    /** The setting {@code key}, a whole number ({@code what} says of what), or {@code otherwise} when it is not set. */
    private static int wholeNumber(Config config, String key, int otherwise, String what) {
        String text = config.get(key);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": a whole number, the " + what + ", not '" + text + "'");
        }
    }

    /** How long a request to a plugin route may take before the host answers it (503); {@code plugins.route-seconds}. */
    public Duration routeTime() {
        return routeTime;
    }

    /** What one request to a plugin route may allocate, in MB, 0 for no limit; {@code plugins.route-megabytes}. */
    public int routeMegabytes() {
        return routeMegabytes;
    }

    static Duration seconds(Config config, String key, Duration otherwise) {
        String text = config.get(key);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            if (seconds.signum() > 0) {
                return Duration.ofMillis(Math.max(1, seconds.movePointRight(3).longValue()));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // answered below
        }
        throw new IllegalArgumentException(key + ": a positive number of seconds such as 600, not '" + text + "'");
    }

    /** Who is asked for findings: the core's own checks first, then every started plugin's contributors. */
    private List<FindingGathering.Source> briefingSources() {
        List<FindingGathering.Source> sources = new ArrayList<>();
        sources.add(new FindingGathering.Source("core", List.of(
                new SalesTargetCheck(data, targets::salesTarget, coreMessages),
                new ChangeAlerts(people.audit(), coreMessages),
                new OverdueTasks(tasks, coreMessages))));
        for (PluginHost.PluginExtensions<BriefingContributor> p : plugins.extensionsByPlugin(BriefingContributor.class)) {
            sources.add(new FindingGathering.Source(p.pluginId(), p.extensions()));
        }
        return sources;
    }

    /** The parts, connected to the database but not yet migrated or started. */
    public static Installation wire(Config config, Clock clock) {
        Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        try {
            return new Installation(config, clock, database);
        } catch (RuntimeException | Error e) { // a bad setting: the pool's connections go with it
            database.close();
            throw e;
        }
    }

    /** The parts, migrated and with the plugins started: what a one-shot command needs. */
    public static Installation open(Config config) {
        Installation installation = wire(config, Clock.systemUTC());
        try {
            installation.migrateCore();
            installation.startPlugins();
            return installation;
        } catch (RuntimeException | Error e) {
            installation.close();
            throw e;
        }
    }

    /**
     * The parts with the core tables migrated, the plugins neither loaded nor started: for one-shot
     * commands that touch only the core (shops, users, tokens, targets, the summary), which this makes
     * about a second quicker.
     */
    public static Installation openCore(Config config) {
        Installation installation = wire(config, Clock.systemUTC());
        try {
            installation.migrateCore();
            return installation;
        } catch (RuntimeException | Error e) {
            installation.close();
            throw e;
        }
    }

    /** Brings the core tables to the current version. */
    public void migrateCore() {
        database.migrate("core", Installation.class.getClassLoader());
    }

    /** Loads the plugins folder and starts every enabled plugin (each migrates its own tables). */
    public void startPlugins() {
        plugins.loadAll();
        plugins.startAll();
    }

    /**
     * The shop {@code code}, or, when no code is given, the installation's only shop. Errors say
     * which shops there are.
     */
    public Shop shop(String code) {
        List<Shop> all = shops.all();
        if (code != null) {
            return shops.byCode(code).orElseThrow(() -> new IllegalArgumentException("there is no shop '" + code + "'"
                    + (all.isEmpty() ? "; create one with: shopops shops add CODE" : "; shops: " + codes(all))));
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        throw new IllegalArgumentException(all.isEmpty()
                ? "this installation has no shop yet; create one with: shopops shops add CODE (or shopops demo)"
                : "name the shop with --shop: " + codes(all));
    }

    private static String codes(List<Shop> shops) {
        return shops.stream().map(Shop::code).collect(Collectors.joining(", "));
    }

    /** A runner for imports into this installation. */
    public ImportRunner imports() {
        return new ImportRunner(database.jdbi(), formats, events);
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public ShopStore shops() {
        return shops;
    }

    public ShopDataStore data() {
        return data;
    }

    public EventBus events() {
        return events;
    }

    public DurableScheduler scheduler() {
        return scheduler;
    }

    public PluginHost plugins() {
        return plugins;
    }

    /** Imports started over HTTP, run in the background. */
    public ImportJobs importJobs() {
        return importJobs;
    }

    public ImportFormats formats() {
        return formats;
    }

    /** The morning briefing: findings gathered from the core and the plugins, stored per day. */
    public MorningBriefing briefing() {
        return briefing;
    }

    /** The task board: tasks made from findings, by hand, and the recurring checks. */
    public TaskStore tasks() {
        return tasks;
    }

    /** The core's messages (English and Chinese), for words the server writes. */
    public BundleMessages coreMessages() {
        return coreMessages;
    }

    /** Users, permissions, sessions, tokens and the audit log. */
    public People people() {
        return people;
    }

    /** The permissions of the core and of every started plugin, with who declared each. */
    private List<PermissionGrants.Declared> declaredPermissions() {
        List<PermissionGrants.Declared> all = new ArrayList<>();
        CorePermissions.all().forEach(p -> all.add(new PermissionGrants.Declared("core", p)));
        for (PluginHost.Active a : plugins.activePlugins()) {
            a.permissions().forEach(p -> all.add(new PermissionGrants.Declared(a.id(), p)));
        }
        return all;
    }

    @Override
    public void close() {
        importJobs.close();
        gathering.close();
        scheduler.close();
        plugins.close();
        database.close();
    }
}
