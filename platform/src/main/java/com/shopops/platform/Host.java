package com.shopops.platform;

import com.shopops.platform.config.Config;
import com.shopops.platform.demo.DemoSeeder;
import com.shopops.platform.plugins.PluginHost;
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

    private final Installation installation;
    private final ShopOpsServer server;

    private Host(Installation installation, ShopOpsServer server) {
        this.installation = installation;
        this.server = server;
    }

    /**
     * Opens the database, migrates the core, loads and starts the plugins, and listens for HTTP.
     *
     * @param demo create the demo shop when the installation has no shop yet
     */
    public static Host start(Config config, boolean demo) {
        long started = System.nanoTime();
        Installation installation = Installation.wire(config, Clock.systemUTC());
        // The HTTP server starts on a second thread while the database migrates and the plugins start:
        // Jetty's start-up is most of a cold start. Until the host is ready it answers 503.
        ShopOpsServer server = new ShopOpsServer(installation, installation.people(), VERSION);
        CompletableFuture<Void> listening = CompletableFuture.runAsync(() -> server.start(config.host(), config.port()));
        try {
            installation.migrateCore();
            long databaseReady = System.nanoTime();
            installation.startPlugins();
            Runnable fillDemo = null;
            if (demo && installation.shops().all().isEmpty()) {
                // The shop exists at once; its year of history is written in the background, so the
                // server answers while it fills (seconds on SQLite, longer on PostgreSQL).
                DemoSeeder seeder = new DemoSeeder(installation);
                var shop = seeder.createShop(DemoSeeder.DEFAULT_CODE);
                fillDemo = () -> {
                    try {
                        DemoSeeder.Result made = seeder.fill(shop, DemoSeeder.DEFAULT_SEED, DemoSeeder.DEFAULT_DAYS,
                                seeder.yesterday(), DemoSeeder.Progress.NONE);
                        log.info("demo shop '{}' filled: {}", shop.code(), made.describe());
                    } catch (RuntimeException e) {
                        log.warn("the demo shop's history could not be written: {}", e.toString());
                    }
                };
            }
            long pluginsReady = System.nanoTime();
            listening.join();
            server.ready();
            installation.scheduler().forPlugin("core").every("briefing.yesterday", Duration.ofMinutes(15),
                    due -> installation.briefing().makeYesterdays(installation.shops().all()));
            installation.scheduler().start(Duration.ofSeconds(1));
            if (fillDemo != null) {
                Thread filling = new Thread(fillDemo, "shopops-demo");
                filling.setDaemon(true);
                filling.start();
            }
            long now = System.nanoTime();
            log.info("ShopOps {} on http://{}:{}/ ({} of {} plugins started, database {}) in {} ms "
                            + "(database {} ms, plugins {} ms, then waited {} ms for HTTP), {} ms after JVM start",
                    VERSION, config.host(), server.port(), installation.plugins().activePlugins().size(),
                    installation.plugins().list().size(), installation.database().describe(), (now - started) / 1_000_000,
                    (databaseReady - started) / 1_000_000, (pluginsReady - databaseReady) / 1_000_000,
                    (now - pluginsReady) / 1_000_000, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
            return new Host(installation, server);
        } catch (RuntimeException | Error e) {
            listening.handle((ok, failed) -> null).join();
            server.close();
            installation.close();
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
        return installation.plugins();
    }

    @Override
    public void close() {
        server.close();
        installation.close();
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
