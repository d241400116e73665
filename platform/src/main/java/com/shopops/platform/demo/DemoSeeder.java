package com.shopops.platform.demo;

import com.shopops.api.DemoContributor;
import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.api.Shop;
import com.shopops.platform.Installation;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.CoreTableWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the demo shop: generates its history with {@link DemoShop} and writes it through the same
 * {@link CoreTableWriter} imports use, in batches, then lets each started plugin add its part.
 */
public final class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    /** The demo shop's code unless another is asked for. */
    public static final String DEFAULT_CODE = "demo";
    /** The default seed. */
    public static final long DEFAULT_SEED = 42;
    /** Days of history by default: a year, so last year's figures exist for this month. */
    public static final int DEFAULT_DAYS = 365;

    private static final int BATCH = 5_000;

    /** Told what is being written. */
    @FunctionalInterface
    public interface Progress {
        /** No one is watching. */
        Progress NONE = (step, done, total) -> { };

        void update(String step, long done, long total);
    }

    /**
     * What was made.
     *
     * @param shop     the new shop
     * @param products products written
     * @param orders   order lines written
     * @param traffic  traffic rows written
     * @param events   behaviour events written
     * @param reviews  reviews written
     * @param refunds  refunds written
     * @param from     first day of history
     * @param to       last day of history
     */
    public record Result(Shop shop, long products, long orders, long traffic, long events, long reviews, long refunds,
                         LocalDate from, LocalDate to) {

        /** One line for logs and the CLI. */
        public String describe() {
            return String.format("%s to %s: %,d products, %,d order lines, %,d traffic rows, %,d events, %,d reviews, %,d refunds",
                    from, to, products, orders, traffic, events, reviews, refunds);
        }
    }

    private final Installation installation;

    public DemoSeeder(Installation installation) {
        this.installation = installation;
    }

    /**
     * Creates shop {@code code} with {@code days} days of history ending yesterday in the shop's time zone.
     */
    public Result create(String code, long seed, int days, Progress progress) {
        return create(code, seed, days, yesterday(), progress);
    }

    /** Creates shop {@code code} with {@code days} days of history ending on {@code lastDay}. */
    public Result create(String code, long seed, int days, LocalDate lastDay, Progress progress) {
        checkDays(days);
        Shop shop = createShop(code);
        try {
            return fill(shop, seed, days, lastDay, progress);
        } catch (RuntimeException | Error e) {
            installation.database().jdbi().useHandle(h -> h.execute("DELETE FROM shops WHERE id = ?", shop.id()));
            throw e;
        }
    }

    private static void checkDays(int days) {
        if (days < 1 || days > 3 * 366) {
            throw new IllegalArgumentException("--days must be between 1 and 1098, not " + days);
        }
    }

    /** The demo shop itself, without its history yet. */
    public Shop createShop(String code) {
        return installation.shops().create(new ShopStore.NewShop(code, "演示店铺 Demo shop", "tmall", "CNY", "Asia/Shanghai"));
    }

    /** Writes {@code days} days of history ending on {@code lastDay} into {@code shop}, then each plugin's part. */
    public Result fill(Shop shop, long seed, int days, LocalDate lastDay, Progress progress) {
        checkDays(days);
        DemoData data = DemoShop.generate(shop, seed, lastDay, days);
        long products = write("products", data.products(), shop, CoreTableWriter::products, progress);
        long orders = write("orders", data.orderRows(), shop, CoreTableWriter::orders, progress);
        write("refunds", data.refunds(), shop, CoreTableWriter::refunds, progress);
        // Full refunds come with their orders (status REFUNDED), partial ones as refund rows.
        long refunds = data.refunds().size() + data.orderRows().stream().filter(r -> r.refunded() > 0)
                .map(r -> r.orderId()).distinct().count();
        long traffic = write("traffic", data.traffic(), shop, CoreTableWriter::traffic, progress);
        long events = write("events", data.events(), shop, CoreTableWriter::events, progress);
        long reviews = write("reviews", data.reviews(), shop, CoreTableWriter::reviews, progress);
        write("targets", data.targets(), shop, CoreTableWriter::targets, progress);
        LocalDate from = lastDay.minusDays(days - 1L);
        for (DemoContributor c : installation.plugins().extensions(DemoContributor.class)) {
            progress.update("plugin " + c.getClass().getSimpleName(), 0, 1);
            try {
                c.contribute(new DemoContributor.DemoContext(shop, seed, from, lastDay, installation.database().jdbi(),
                        installation.data()));
            } catch (RuntimeException e) {
                // The core demo stands without one plugin's part; say which one failed.
                log.warn("demo: {} failed to add its data: {}", c.getClass().getName(), e.toString());
            }
        }
        return new Result(shop, products, orders, traffic, events, reviews, refunds, from, lastDay);
    }

    /** Yesterday in the demo shop's time zone. */
    public LocalDate yesterday() {
        return LocalDate.now(installation.clock().withZone(java.time.ZoneId.of("Asia/Shanghai"))).minusDays(1);
    }

    private <T> long write(String step, List<T> records, Shop shop, BiFunction<CoreTableWriter, List<T>, WriteResult> writer,
                           Progress progress) {
        long written = 0;
        for (int i = 0; i < records.size(); i += BATCH) {
            List<T> batch = records.subList(i, Math.min(records.size(), i + BATCH));
            WriteResult r = installation.database().jdbi().inTransaction(h -> writer.apply(new CoreTableWriter(h, shop), batch));
            written += r.imported() + r.updated();
            progress.update(step, Math.min(records.size(), i + BATCH), records.size());
        }
        return written;
    }
}
