package com.shopops.platform.testing;

import com.shopops.api.DemoContributor;
import com.shopops.api.DemoContributor.DemoContext;
import com.shopops.api.Shop;
import com.shopops.platform.Installation;
import com.shopops.platform.config.Config;
import com.shopops.platform.demo.DemoSeeder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo shop with one plugin's share of it, in a real SQLite file, for a plugin's demo test: the core demo
 * of a seed, a length and a last day, then the plugin's tables and its {@link DemoContributor} on it.
 *
 * <p>The core demo is most of the time such a test takes and the same for every shop of the same seed, length
 * and last day (its own sameness is DemoSeederTest's): it is made once per test run and copied.
 *
 * <pre>{@code
 * try (DemoShops.Made made = DemoShops.make(dir.resolve("a"), "ads", AdsDemoTest.class.getClassLoader(), new AdsDemo(),
 *         7, 60, LocalDate.of(2026, 11, 22))) {
 *     AdsStore store = new AdsStore(made.installation().database().jdbi());
 * }
 * }</pre>
 */
public final class DemoShops {

    private record CoreDemo(long seed, int days, LocalDate last) {
    }

    /** The core demos made in this run, each a SQLite file copied for every shop that needs it. */
    private static final Map<CoreDemo, Path> CORE_DEMOS = new ConcurrentHashMap<>();

    private DemoShops() {
    }

    /**
     * A demo shop and the installation around its database; closing it closes the installation.
     *
     * @param installation the parts, wired to the shop's own SQLite file, core and plugin migrated
     * @param shop         the shop {@code demo}
     * @param context      what the plugin's contributor was given, to contribute again with it
     */
    public record Made(Installation installation, Shop shop, DemoContext context) implements AutoCloseable {
        @Override
        public void close() {
            installation.close();
        }
    }

    /**
     * A demo shop in {@code folder} (created): the core demo of {@code seed}, {@code days} and {@code last},
     * the tables of {@code pluginId} migrated from {@code loader}, and {@code contributor}'s share written.
     */
    public static Made make(Path folder, String pluginId, ClassLoader loader, DemoContributor contributor, long seed, int days,
                            LocalDate last) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve("shopops.db");
            Files.copy(coreDemo(new CoreDemo(seed, days, last)), file);
            Installation installation = wire(folder, file);
            try {
                installation.migrateCore();
                installation.database().migrate(pluginId, loader);
                Shop shop = installation.shops().byCode(DemoSeeder.DEFAULT_CODE).orElseThrow();
                DemoContext context = new DemoContext(shop, seed, last.minusDays(days - 1), last, installation.database().jdbi(),
                        installation.data());
                contributor.contribute(context);
                return new Made(installation, shop, context);
            } catch (RuntimeException | Error e) {
                installation.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path coreDemo(CoreDemo demo) {
        return CORE_DEMOS.computeIfAbsent(demo, d -> {
            try {
                Path folder = Files.createTempDirectory("shopops-core-demo");
                Path made = folder.resolve("made.db");
                Path copy = folder.resolve("core-demo.db");
                try (Installation installation = wire(folder, made)) {
                    installation.migrateCore();
                    new DemoSeeder(installation).create(DemoSeeder.DEFAULT_CODE, d.seed(), d.days(), d.last(), DemoSeeder.Progress.NONE);
                    // a file of its own, whole: the write-ahead log of the one made is folded in
                    installation.database().jdbi().useHandle(h -> h.execute("VACUUM INTO ?", copy.toString()));
                }
                return copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Installation wire(Path folder, Path file) {
        Map<String, String> flags = new HashMap<>();
        flags.put("data", folder.resolve("data").toString());
        flags.put("db", "jdbc:sqlite:" + file);
        flags.put("plugins", folder.resolve("plugins").toString());
        return Installation.wire(Config.load(null, Map.of(), flags), Clock.systemUTC());
    }
}
