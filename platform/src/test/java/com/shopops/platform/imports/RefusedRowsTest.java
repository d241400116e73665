package com.shopops.platform.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.ShopDataStore;
import com.shopops.platform.imports.formats.CoreFormats;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rows that parse but that the shop's stored data refuses (an order the file lists only by its later
 * lines, a refund of an order never imported) are rejected alone, with their line: the rest of the file
 * is written and the import goes on. They used to fail their whole batch and stop the import there.
 */
class RefusedRowsTest {

    @TempDir
    Path dir;

    private ImportSummary run(Fresh f, Shop shop, String kind, String format, Path file) throws Exception {
        // Batches of 4 rows, so that the refused rows share their batch with rows that are written.
        return new ImportRunner(f.database().jdbi(), new ImportFormats(CoreFormats.all(), List::of), new EventBus(), 4)
                .run(new ImportRunner.Request(shop, kind, format, file, file.getFileName().toString(), Map.of(), false),
                        ImportRunner.Progress.NONE);
    }

    private static Shop shop(Fresh f) {
        return new ShopStore(f.database().jdbi(), Clock.systemUTC())
                .create(new ShopStore.NewShop("us", "Teahouse Goods", "shopify", "USD", "America/New_York"));
    }

    private static ShopDataStore data(Fresh f) {
        return new ShopDataStore(f.database().jdbi(), new ShopStore(f.database().jdbi(), Clock.systemUTC()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aShopifyOrderWithoutItsFirstRowIsRejectedAndTheOtherOrdersAreImported(Kind kind) throws Exception {
        List<String> sample;
        try (InputStream in = getClass().getResourceAsStream("/imports/shopify-orders.csv")) {
            sample = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")));
        }
        // The sample's first order, #1001, has two rows: the one with the order's fields, then a line only.
        assertTrue(sample.get(1).startsWith("#1001,") && sample.get(2).startsWith("#1001,") && !sample.get(3).startsWith("#1001,"),
                "the sample as expected");
        Path whole = Files.write(dir.resolve("whole.csv"), sample, StandardCharsets.UTF_8);
        sample.remove(1);
        Path file = Files.write(dir.resolve("without-1001-first-row.csv"), sample, StandardCharsets.UTF_8);

        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            ImportSummary s = run(f, shop, "orders", "shopify", file);

            assertNull(s.stopped(), s.toString());
            assertEquals(sample.size() - 1, s.read());
            assertEquals(1, s.rejected(), s.toString());
            assertEquals(s.read() - 1, s.imported(), s.toString());
            assertEquals(2, s.errors().get(0).line(), "the #1001 line, now the file's second line");
            assertTrue(s.errors().get(0).reason().contains("order #1001 has no row with the order's own fields"), s.toString());
            Shop intact = new ShopStore(f.database().jdbi(), Clock.systemUTC())
                    .create(new ShopStore.NewShop("whole", "Teahouse Goods", "shopify", "USD", "America/New_York"));
            assertEquals(0, run(f, intact, "orders", "shopify", whole).rejected());
            assertEquals(data(f).summary(intact.id(), null, null).orders() - 1, data(f).summary(shop.id(), null, null).orders(),
                    "every order but #1001");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRefundOfAnOrderNeverImportedIsRejectedAndTheOtherRefundsAreImported(Kind kind) throws Exception {
        Path orders = Files.writeString(dir.resolve("orders.csv"), """
                order_id,customer,created_at,status,sku,title,quantity,unit_price
                A1,c1,2024-05-01 10:00,paid,S1,Mug,1,10.00
                A2,c2,2024-05-01 11:00,paid,S1,Mug,2,10.00
                """);
        Path refunds = Files.writeString(dir.resolve("refunds.csv"), """
                refund_id,order_id,at,amount,reason
                R1,A1,2024-05-02 10:00,4.00,late
                R2,NOPE,2024-05-02 10:00,5.00,never sold
                R3,A2,2024-05-02 11:00,6.00,broken
                R4,A1,2024-05-03 10:00,1.00,late
                R5,A2,2024-05-03 11:00,2.00,broken
                """);
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            assertEquals(2, run(f, shop, "orders", "generic", orders).imported());

            ImportSummary s = run(f, shop, "refunds", "generic", refunds);

            assertNull(s.stopped(), s.toString());
            assertEquals(List.of(5L, 4L, 1L), List.of(s.read(), s.imported(), s.rejected()), s.toString());
            assertEquals(3, s.errors().get(0).line());
            assertTrue(s.errors().get(0).reason().contains("order NOPE"), s.toString());
            assertEquals(400 + 600 + 100 + 200, data(f).summary(shop.id(), null, null).refunds(), "R1, R3, R4 and R5");
        }
    }
}
