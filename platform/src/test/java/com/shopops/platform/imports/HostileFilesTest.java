package com.shopops.platform.imports;

import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.formats.CoreFormats;
import com.shopops.platform.testing.HostileFiles;
import com.shopops.platform.testing.HostileFiles.Sample;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken files (issue #11) for every core import format, made from each format's real sample
 * file (the spoilers and the checks are {@link HostileFiles}'): each import is refused up front with a
 * reason or accounts for every row, never fails otherwise, never hangs, and never leaves a partial
 * write: after every import the orders hold the lines they say and the kept figures agree with the rows,
 * and a refused file changed nothing.
 */
class HostileFilesTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private static Sample sample(String resource, Charset charset, String kind, String format, Map<String, String> options) {
        return new Sample(kind, format, HostileFiles.resource(HostileFilesTest.class, resource, charset), charset, options);
    }

    @Test
    void everyFormatRefusesOrAccountsForEveryRowOfASpoiledFileAndNeverWritesHalf() throws Exception {
        try (Fresh f = TestDatabases.sqlite(dir)) {
            f.database().migrate("core", getClass().getClassLoader());
            Jdbi jdbi = f.database().jdbi();
            Shop shop = new ShopStore(jdbi, Clock.systemUTC()).create(new ShopStore.NewShop("s", "S", "other", "CNY", "Asia/Shanghai"));
            ImportRunner runner = new ImportRunner(jdbi, new ImportFormats(CoreFormats.all(), List::of), new EventBus(), 50);
            HostileFiles.Tally tally = new HostileFiles(jdbi, runner, shop, dir)
                    .watching("orders", "order_lines", "customers", "refunds", "products", "traffic_days", "behaviour_events",
                            "order_days", "product_days")
                    .keeping("orders hold the lines they say", """
                            SELECT COUNT(*) FROM orders o WHERE line_count <> (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id)""")
                    .keeping("the order roll-up agrees with the orders", rollUp(
                            "SELECT shop_id, day, COUNT(*), SUM(amount) FROM orders WHERE status <> 'CANCELLED' GROUP BY shop_id, day",
                            "SELECT shop_id, day, orders, sales FROM order_days"))
                    .keeping("customers' order counts", """
                            SELECT COUNT(*) FROM customers c
                            WHERE c.orders <> (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id AND o.status <> 'CANCELLED')""")
                    // CoreTableWriter refuses a new order whose rows lack the one with its own fields (a shuffled or
                    // repeated line can leave it so): documented, and only that order's rows are rejected.
                    .allowingWriteRefusal("has no row with the order's own fields")
                    .importingTwice()
                    .run(List.of(
                            sample("/data/online-retail/online_retail_first_rows.csv", StandardCharsets.UTF_8, "orders", "online-retail",
                                    Map.of()),
                            sample("/imports/shopify-orders.csv", StandardCharsets.UTF_8, "orders", "shopify", Map.of()),
                            sample("/imports/taobao-orders-gbk.csv", GBK, "orders", "taobao", Map.of()),
                            sample("/imports/sycm-traffic.csv", StandardCharsets.UTF_8, "traffic", "sycm-traffic", Map.of()),
                            sample("/data/user-behavior/user_behavior_first_users.csv", StandardCharsets.UTF_8, "events", "user-behavior",
                                    Map.of()),
                            sample("/imports/generic-products.csv", StandardCharsets.UTF_8, "products", "generic", Map.of(
                                    "column.sku", "Item Code", "column.title", "Product Name", "column.category", "Category",
                                    "column.price", "Retail Price", "column.cost", "Cost Price", "column.stock", "On Hand",
                                    "column.status", "State", "column.listed_on", "First Listed"))));
            System.out.println("hostile core files: " + tally);
        }
    }

    /** Counts the rows in one of the two queries' answers and not the other. */
    private static String rollUp(String fromRows, String kept) {
        return "SELECT (SELECT COUNT(*) FROM (" + fromRows + " EXCEPT " + kept + ") a) + (SELECT COUNT(*) FROM (" + kept + " EXCEPT "
                + fromRows + ") b)";
    }
}
