package com.shopops.platform;

import com.shopops.platform.config.Config;
import com.shopops.platform.core.DurableScheduler;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.ShopDataStore;
import com.shopops.platform.db.Database;
import com.shopops.platform.plugins.HostServices;
import com.shopops.platform.plugins.PluginHost;
import com.shopops.platform.server.LocalOwnerAccess;
import com.shopops.platform.server.ShopOpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running ShopOps: database, plugins, scheduler and HTTP server, wired and started in that order. */
public final class Host implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Host.class);

    /** The ShopOps release, e.g. {@code 0.1.0}. */
    public static final String VERSION = readVersion();

    private final Database database;
    private final DurableScheduler scheduler;
    private final PluginHost plugins;
    private final ShopOpsServer server;

    private Host(Database database, DurableScheduler scheduler, PluginHost plugins, ShopOpsServer server) {
        this.database = database;
        this.scheduler = scheduler;
        this.plugins = plugins;
        this.server = server;
    }

    /**
     * Opens the database, migrates the core, loads and starts the plugins, and listens for HTTP.
     *
     * @param demo create the demo shop when the installation has no shop yet
     */
    public static Host start(Config config, boolean demo) {
        long started = System.nanoTime();
        Clock clock = Clock.systemUTC();
        Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        ShopStore shops = new ShopStore(database.jdbi(), clock);
        DurableScheduler scheduler = new DurableScheduler(database.jdbi(), clock);
        PluginHost plugins = new PluginHost(config.pluginsDir(),
                new HostServices(database, clock, shops, scheduler, new EventBus(),
                        new ShopDataStore(database.jdbi(), shops)));
        // The HTTP server starts on a second thread while the database migrates and the plugins start:
        // Jetty's start-up is most of a cold start. Until the host is ready it answers 503.
        ShopOpsServer server = new ShopOpsServer(plugins, shops, new LocalOwnerAccess(plugins), VERSION);
        CompletableFuture<Void> listening = CompletableFuture.runAsync(() -> server.start(config.host(), config.port()));
        try {
            database.migrate("core", Host.class.getClassLoader());
            if (demo && shops.all().isEmpty()) {
                shops.create(new ShopStore.NewShop("demo", "Demo shop", "tmall", "CNY", "Asia/Shanghai"));
                log.info("created the demo shop 'demo'");
            }
            long databaseReady = System.nanoTime();
            plugins.loadAll();
            plugins.startAll();
            long pluginsReady = System.nanoTime();
            listening.join();
            server.ready();
            scheduler.start(Duration.ofSeconds(1));
            long now = System.nanoTime();
            log.info("ShopOps {} on http://{}:{}/ ({} of {} plugins started, database {}) in {} ms "
                            + "(database {} ms, plugins {} ms, then waited {} ms for HTTP), {} ms after JVM start",
                    VERSION, config.host(), server.port(), plugins.activePlugins().size(), plugins.list().size(),
                    database.describe(), (now - started) / 1_000_000, (databaseReady - started) / 1_000_000,
                    (pluginsReady - databaseReady) / 1_000_000, (now - pluginsReady) / 1_000_000,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            return new Host(database, scheduler, plugins, server);
        } catch (RuntimeException | Error e) {
            listening.handle((ok, failed) -> null).join();
            server.close();
            scheduler.close();
            plugins.close();
            database.close();
            if (e instanceof CompletionException && e.getCause() instanceof RuntimeException cause) {
                throw cause; // the HTTP server's own failure, e.g. the port is taken
            }
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public PluginHost plugins() {
        return plugins;
    }

    @Override
    public void close() {
        server.close();
        scheduler.close();
        plugins.close();
        database.close();
        log.info("ShopOps stopped");
    }

    private static String readVersion() {
        try (InputStream in = Host.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("version.properties missing from the platform jar", e));
        }
    }
}
