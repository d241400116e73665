package com.shopops.platform.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Cells;
import com.shopops.api.CoreEvents;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRefused;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.ShopDataStore;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The import engine: file reading (encodings, separators, XLSX), header search, groups, batches,
 * dry runs, idempotency and refusals. It uses a small format of its own, so that what is tested here
 * is the engine, not a real layout (those have their own tests).
 */
class ImportRunnerTest {

    /** order,sku,qty,price,at — one order line per row; the lines of an order are a group. */
    static class LinesFormat implements ImportFormat<OrderRow> {
        @Override
        public String kind() {
            return "orders";
        }

        @Override
        public String name() {
            return "lines";
        }

        @Override
        public String describe() {
            return "a header order, sku, qty, price, at";
        }

        @Override
        public boolean recognises(List<String> firstRow) {
            return firstRow.equals(List.of("order", "sku", "qty", "price", "at"));
        }

        @Override
        public String group(ImportRow row, ImportContext context) {
            return row.text("order");
        }

        @Override
        public ParsedRow<OrderRow> parse(ImportRow row, ImportContext context) {
            if (row.text("order").isEmpty()) {
                return ParsedRow.reject("order", "the order number is empty");
            }
            long qty;
            try {
                qty = Cells.count(row.text("qty"));
            } catch (IllegalArgumentException e) {
                return ParsedRow.reject("qty", e.getMessage());
            }
            if (qty == 0) {
                return ParsedRow.skip("quantity 0");
            }
            long price = Cells.money(row.text("price"), Currency.getInstance(context.shop().currency()));
            var at = Cells.instant(row.text("at"), context.shop().timeZone());
            return ParsedRow.accept(new OrderRow(row.text("order"), "c-" + row.text("order"), at, at, Order.Status.PAID,
                    null, null, row.text("sku"), row.text("sku"), qty, price, qty * price, 0, null));
        }

        @Override
        public WriteResult write(ImportBatch<OrderRow> batch) {
            return batch.core().orders(batch.records());
        }
    }

    @TempDir
    Path dir;

    private final List<Object> published = new ArrayList<>();

    private ImportRunner runner(Fresh f, int batchRows) {
        EventBus events = new EventBus();
        events.forPlugin("test").subscribe(CoreEvents.DataImported.class, published::add);
        return new ImportRunner(f.database().jdbi(), new ImportFormats(List.of(new LinesFormat()), List::of), events, batchRows);
    }

    private static Shop shop(Fresh f) {
        return new ShopStore(f.database().jdbi(), Clock.systemUTC())
                .create(new ShopStore.NewShop("s", "S", "other", "CNY", "Asia/Shanghai"));
    }

    private Path file(String name, String text, Charset charset, boolean bom) throws Exception {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(text.getBytes(charset));
        }
        return p;
    }

    private static ImportRunner.Request request(Shop shop, Path file, boolean dryRun) {
        return new ImportRunner.Request(shop, "orders", null, file, file.getFileName().toString(), Map.of(), dryRun);
    }

    private static final String GOOD = """
            order,sku,qty,price,at
            A1,杯子,2,10.50,2024-05-01 10:00:00
            A1,碗,1,3.00,2024-05-01 10:00:00
            A2,杯子,1,10.50,2024-05-02 09:00:00
            """;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void importsCountsAndIsIdempotent(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            Path csv = file("good.csv", GOOD, StandardCharsets.UTF_8, false);

            ImportSummary first = runner(f, 2).run(request(shop, csv, false), ImportRunner.Progress.NONE);
            assertEquals(3, first.read());
            assertEquals(3, first.imported());
            assertTrue(first.clean());
            assertEquals(List.of(new CoreEvents.DataImported(shop.id(), "orders", 3, 0)), published);

            ImportSummary again = runner(f, 2).run(request(shop, csv, false), ImportRunner.Progress.NONE);
            assertEquals(0, again.imported());
            assertEquals(0, again.updated());
            assertEquals(3, again.unchanged());
            assertEquals(1, published.size(), "nothing changed, nothing announced");
            assertEquals(2_400 + 1_050, summary(f, shop).revenue());
        }
    }

    private static com.shopops.api.data.ShopSummary summary(Fresh f, Shop shop) {
        return new ShopDataStore(f.database().jdbi(), new ShopStore(f.database().jdbi(), Clock.systemUTC()))
                .summary(shop.id(), null, null);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDryRunCountsButWritesNothing(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            Path csv = file("good.csv", GOOD, StandardCharsets.UTF_8, false);

            ImportSummary dry = runner(f, 2).run(request(shop, csv, true), ImportRunner.Progress.NONE);

            assertTrue(dry.dryRun());
            assertEquals(3, dry.imported(), "what an import would do");
            assertEquals(0, summary(f, shop).orders());
            assertEquals(0, (long) f.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM customers")
                    .mapTo(Long.class).one()));
            assertTrue(published.isEmpty());
        }
    }

    /** The lines format, every order bought by the customer its first column after the order names. */
    static final class RegularsFormat extends LinesFormat {
        @Override
        public ParsedRow<OrderRow> parse(ImportRow row, ImportContext context) {
            ParsedRow<OrderRow> parsed = super.parse(row, context);
            if (parsed instanceof ParsedRow.Accepted<OrderRow> a) {
                OrderRow r = a.record();
                return ParsedRow.accept(new OrderRow(r.orderId(), "regular-" + r.sku(), r.createdAt(), r.paidAt(), r.status(),
                        r.orderAmount(), r.source(), r.sku(), r.title(), r.quantity(), r.unitPrice(), r.lineAmount(),
                        r.refunded(), r.refundReason()));
            }
            return parsed;
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void customersWhoComeBackInLaterBatchesAreOneCustomerEachAlsoAfterADryRun(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            Path csv = file("regulars.csv", """
                    order,sku,qty,price,at
                    R1,a,1,10.00,2024-05-01 10:00:00
                    R2,b,1,20.00,2024-05-02 10:00:00
                    R3,a,2,10.00,2024-05-03 10:00:00
                    R4,b,1,20.00,2024-05-04 10:00:00
                    R5,a,1,10.00,2024-05-05 10:00:00
                    """, StandardCharsets.UTF_8, false);
            ImportRunner regulars = new ImportRunner(f.database().jdbi(), new ImportFormats(List.of(new RegularsFormat()),
                    List::of), new EventBus(), 1); // a batch per order: each customer is met again in a later batch

            // A dry run creates each customer in a batch it rolls back; a later batch must not take that id.
            ImportSummary dry = regulars.run(request(shop, csv, true), ImportRunner.Progress.NONE);
            assertEquals(0, dry.rejected(), dry.errors().toString());
            assertEquals(5, dry.imported());

            ImportSummary real = regulars.run(request(shop, csv, false), ImportRunner.Progress.NONE);
            assertEquals(0, real.rejected(), real.errors().toString());
            List<String> customers = f.database().jdbi().withHandle(h -> h.createQuery("""
                    SELECT c.external_id || ' ' || c.orders || ' ' || c.spent || ' ' || c.first_order || ' ' || c.last_order
                    FROM customers c ORDER BY c.external_id""").mapTo(String.class).list());
            assertEquals(List.of("regular-a 3 4000 2024-05-01 2024-05-05", "regular-b 2 4000 2024-05-02 2024-05-04"),
                    customers);
            assertEquals(List.of(3L, 2L), f.database().jdbi().withHandle(h -> h.createQuery("""
                    SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id
                    GROUP BY c.external_id ORDER BY c.external_id""").mapTo(Long.class).list()),
                    "every order points at its one customer");
        }
    }

    @Test
    void aBadRowRejectsItsWholeOrderAndOnlyThat() throws Exception {
        try (Fresh f = TestDatabases.sqlite(dir)) {
            f.database().migrate("core", getClass().getClassLoader());
            Shop shop = shop(f);
            Path csv = file("bad.csv", """
                    order,sku,qty,price,at
                    B1,x,1,1.00,2024-05-01 10:00
                    B1,y,lots,1.00,2024-05-01 10:00
                    B1,z,1,1.00,2024-05-01 10:00
                    B2,x,0,1.00,2024-05-01 10:00
                    B3,x,1,1.00,2024-05-01 11:00
                    ,x,1,1.00,2024-05-01 11:00
                    """, StandardCharsets.UTF_8, false);

            ImportSummary s = runner(f, 1).run(request(shop, csv, false), ImportRunner.Progress.NONE);

            assertEquals(6, s.read());
            assertEquals(1, s.imported(), "only B3");
            assertEquals(1, s.skipped());
            assertEquals(Map.of("quantity 0", 1L), s.skippedReasons());
            assertEquals(4, s.rejected());
            assertEquals(new ImportSummary.RowError(3, "qty", "'lots' is not a whole number"), s.errors().get(0));
            assertEquals(2, s.errors().get(1).line());
            assertTrue(s.errors().get(1).reason().contains("line 3 of the same order B1"), s.errors().get(1).reason());
            assertEquals(4, s.errors().get(2).line());
            assertEquals(new ImportSummary.RowError(7, "order", "the order number is empty"), s.errors().get(3));
            assertFalse(s.clean());
            assertEquals(1, summary(f, shop).orders());
        }
    }

    @Test
    void gbkBomUtf16SemicolonsTabsAndPreambleAreRead() throws Exception {
        try (Fresh f = TestDatabases.sqlite(dir)) {
            f.database().migrate("core", getClass().getClassLoader());
            Shop shop = shop(f);
            String preamble = "店铺订单导出\n统计时间：2024-05-01~2024-05-02\n\n";
            List<Path> files = List.of(
                    file("gbk.csv", preamble + GOOD, Charset.forName("GBK"), false),
                    file("bom.csv", GOOD, StandardCharsets.UTF_8, true),
                    file("utf16.csv", "\uFEFF" + GOOD.replace(',', '\t'), StandardCharsets.UTF_16LE, false),
                    file("semicolons.csv", GOOD.replace(',', ';'), StandardCharsets.UTF_8, false));
            for (Path p : files) {
                ImportSummary s = runner(f, 100).run(request(shop, p, true), ImportRunner.Progress.NONE);
                assertEquals(3, s.read(), p.getFileName().toString());
                assertEquals(3, s.imported(), p.getFileName() + ": " + s.errors());
            }
            ImportSummary gbk = runner(f, 100).run(request(shop, files.get(0), false), ImportRunner.Progress.NONE);
            assertTrue(gbk.source().contains("GBK"), gbk.source());
            var titles = f.database().jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT title FROM order_lines ORDER BY title")
                    .mapTo(String.class).list());
            assertEquals(List.of("杯子", "碗"), titles, "Chinese text survives GBK decoding");
        }
    }

    @Test
    void xlsxCellsComeBackAsTheTextPeopleTyped() throws Exception {
        try (Fresh f = TestDatabases.sqlite(dir)) {
            f.database().migrate("core", getClass().getClassLoader());
            Shop shop = shop(f);
            Path xlsx = dir.resolve("orders.xlsx");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                Workbook wb = new Workbook(out, "ShopOps test", "1.0");
                Worksheet ws = wb.newWorksheet("订单");
                String[] header = {"order", "sku", "qty", "price", "at"};
                for (int c = 0; c < header.length; c++) {
                    ws.value(0, c, header[c]);
                }
                ws.value(1, 0, "X1");
                ws.value(1, 1, "杯子");
                ws.value(1, 2, 3);
                ws.value(1, 3, 2.55); // stored by Excel as 2.5499999999999998
                ws.value(1, 4, LocalDateTime.of(2010, 12, 1, 8, 26));
                ws.style(1, 4).format("yyyy-mm-dd hh:mm").set();
                wb.finish();
            }

            ImportSummary s = runner(f, 100).run(request(shop, xlsx, false), ImportRunner.Progress.NONE);

            assertEquals(1, s.imported(), String.valueOf(s.errors()));
            assertTrue(s.source().startsWith("XLSX, sheet '订单'"), s.source());
            assertEquals(765, summary(f, shop).revenue(), "3 × 2.55 exactly");
            String created = f.database().jdbi().withHandle(h -> h.createQuery("SELECT created_at FROM orders")
                    .mapTo(String.class).one());
            assertEquals("2010-12-01T00:26:00.000000Z", created, "08:26 in Shanghai");
        }
    }

    @Test
    void filesThatAreNotExportsAreRefusedUpFront() throws Exception {
        try (Fresh f = TestDatabases.sqlite(dir)) {
            f.database().migrate("core", getClass().getClassLoader());
            Shop shop = shop(f);
            ImportRunner runner = runner(f, 100);

            ImportRefused empty = assertThrows(ImportRefused.class,
                    () -> runner.run(request(shop, file("empty.csv", "", StandardCharsets.UTF_8, false), false), ImportRunner.Progress.NONE));
            assertTrue(empty.getMessage().contains("empty"), empty.getMessage());

            Path binary = dir.resolve("photo.jpg");
            Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0x10, 'J', 'F', 'I', 'F', 0});
            ImportRefused notText = assertThrows(ImportRefused.class,
                    () -> runner.run(request(shop, binary, false), ImportRunner.Progress.NONE));
            assertTrue(notText.getMessage().contains("binary"), notText.getMessage());

            Path xls = dir.resolve("old.xls");
            Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
            ImportRefused old = assertThrows(ImportRefused.class, () -> runner.run(request(shop, xls, false), ImportRunner.Progress.NONE));
            assertTrue(old.getMessage().contains(".xls"), old.getMessage());

            Path wrong = file("wrong.csv", "name,price\nmug,3.00\n", StandardCharsets.UTF_8, false);
            ImportRefused header = assertThrows(ImportRefused.class, () -> runner.run(request(shop, wrong, false), ImportRunner.Progress.NONE));
            assertTrue(header.getMessage().contains("It starts with: name, price"), header.getMessage());
            assertTrue(header.getMessage().contains("lines: a header order, sku, qty, price, at"), header.getMessage());

            ImportRefused named = assertThrows(ImportRefused.class, () -> runner.run(
                    new ImportRunner.Request(shop, "orders", "lines", wrong, "wrong.csv", Map.of(), false), ImportRunner.Progress.NONE));
            assertTrue(named.getMessage().startsWith("wrong.csv is not a lines file"), named.getMessage());

            ImportRefused kind = assertThrows(ImportRefused.class, () -> runner.run(
                    new ImportRunner.Request(shop, "spaceships", null, wrong, "wrong.csv", Map.of(), false), ImportRunner.Progress.NONE));
            assertTrue(kind.getMessage().contains("it imports orders"), kind.getMessage());
            assertEquals(0, summary(f, shop).orders());
        }
    }

    /** 200 one-line orders O000..O199 at lines 2..201, O050 without its order's own fields. */
    private Path ordersWithOneHeadless(String name) throws Exception {
        StringBuilder text = new StringBuilder("order,sku,qty,price,at\n");
        for (int i = 0; i < 200; i++) {
            text.append(String.format("O%03d,x,1,1.00,2024-05-01 10:00%n", i));
        }
        return file(name, text.toString(), StandardCharsets.UTF_8, false);
    }

    /** The lines format, with O050 parsed as a line of an order whose own row (time, status) is not in the file. */
    private static class HeadlessO050 extends LinesFormat {
        @Override
        public ParsedRow<OrderRow> parse(ImportRow row, ImportContext context) {
            ParsedRow<OrderRow> p = super.parse(row, context);
            if (row.text("order").equals("O050") && p instanceof ParsedRow.Accepted<OrderRow> a) {
                OrderRow r = a.record();
                return ParsedRow.accept(new OrderRow(r.orderId(), null, null, null, null, null, null, r.sku(),
                        r.title(), r.quantity(), r.unitPrice(), r.lineAmount(), 0, null));
            }
            return p;
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anOrderTheWriterRefusesIsRejectedAloneAndTheRestOfItsBatchAndTheFileIsWritten(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            Path csv = ordersWithOneHeadless("headless.csv");
            // The writer refuses O050 (a new order with no row of its own); it is in the batch of lines 52-61.
            ImportRunner runner = new ImportRunner(f.database().jdbi(), new ImportFormats(List.of(new HeadlessO050()), List::of),
                    new EventBus(), 10);

            ImportSummary s = runner.run(request(shop, csv, false), ImportRunner.Progress.NONE);

            assertNull(s.stopped(), s.toString());
            assertEquals(200, s.read());
            assertEquals(199, s.imported(), s.toString());
            assertEquals(1, s.rejected(), s.toString());
            assertEquals(199, summary(f, shop).orders(), "every order but O050");
            long o050 = f.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM orders WHERE external_id = 'O050'").mapTo(Long.class).one());
            assertEquals(0, o050);
            assertEquals(1, s.errors().size(), s.toString());
            assertEquals(52, s.errors().get(0).line());
            assertTrue(s.errors().get(0).reason().startsWith("not written: order O050 has no row with the order's own fields"),
                    s.errors().get(0).reason());
            assertFalse(s.clean(), "a rejected row makes the exit code non-zero");

            // Imported again, nothing changes, and O050 is refused the same way.
            ImportSummary again = runner.run(request(shop, csv, false), ImportRunner.Progress.NONE);
            assertEquals(List.of(0L, 0L, 199L, 1L), List.of(again.imported(), again.updated(), again.unchanged(), again.rejected()),
                    again.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWriteFailingMidImportStopsItWithTheBatchesBeforeKeptAndNothingAfter(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = shop(f);
            Path csv = ordersWithOneHeadless("many.csv");
            // Not a refusal of O050 but a failure of the whole write of the batch it is in (lines 52-61).
            ImportRunner runner = new ImportRunner(f.database().jdbi(), new ImportFormats(List.of(new LinesFormat() {
                @Override
                public WriteResult write(ImportBatch<OrderRow> batch) {
                    if (batch.records().stream().anyMatch(r -> r.orderId().equals("O050"))) {
                        throw new IllegalStateException("the disk is full while writing O050");
                    }
                    return super.write(batch);
                }
            }), List::of), new EventBus(), 10);

            ImportSummary s = runner.run(request(shop, csv, false), ImportRunner.Progress.NONE);

            assertEquals(50, s.imported(), "the five batches before");
            assertEquals(50, summary(f, shop).orders(), "nothing of the failing batch, nothing after it");
            assertNotNull(s.stopped());
            assertTrue(s.stopped().startsWith("writing stopped at line 52: the disk is full"), s.stopped());
            assertEquals(52, s.errors().get(0).line());
            assertTrue(s.errors().get(0).reason().startsWith("the 10 rows from this line on could not be written"),
                    s.errors().get(0).reason());
            assertTrue(s.read() < 200, "reading stops soon after: " + s.read());
            assertEquals(s.read(), s.imported() + s.updated() + s.unchanged() + s.skipped() + s.rejected(),
                    "every row read is counted once");
            assertFalse(s.clean());
        }
    }

    @Test
    void aProgressListenerThatWritesToTheDatabaseDoesNotWaitForTheImport() throws Exception {
        try (Fresh f = TestDatabases.sqlite(dir)) {
            f.database().migrate("core", getClass().getClassLoader());
            Shop shop = shop(f);
            StringBuilder big = new StringBuilder("order,sku,qty,price,at\n");
            for (int i = 0; i < 20_000; i++) {
                big.append("P").append(i).append(",x,1,1.00,2024-05-01 10:00\n");
            }
            Path csv = file("big.csv", big.toString(), StandardCharsets.UTF_8, false);
            List<Long> seen = new ArrayList<>();

            // As an import job does: each report is a write of its own, outside the import's transactions.
            ImportSummary s = runner(f, 500).run(request(shop, csv, false), (read, total, rows) -> {
                f.database().jdbi().useHandle(h -> h.createUpdate("UPDATE shops SET name = name WHERE id = :id")
                        .bind("id", shop.id()).execute());
                seen.add(rows);
            });

            assertEquals(20_000, s.imported());
            assertTrue(seen.size() >= 2, String.valueOf(seen));
            assertEquals(20_000, seen.get(seen.size() - 1));
        }
    }

    @Test
    void aProgressListenerThatFailsFailsTheImport() throws Exception {
        try (Fresh f = TestDatabases.sqlite(dir)) {
            f.database().migrate("core", getClass().getClassLoader());
            Shop shop = shop(f);
            StringBuilder big = new StringBuilder("order,sku,qty,price,at\n");
            for (int i = 0; i < 5_000; i++) {
                big.append("P").append(i).append(",x,1,1.00,2024-05-01 10:00\n");
            }
            Path csv = file("big.csv", big.toString(), StandardCharsets.UTF_8, false);

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner(f, 1_000)
                    .run(request(shop, csv, false), (read, total, rows) -> {
                        throw new IllegalStateException("the job table is gone");
                    }));
            assertEquals("the job table is gone", e.getMessage());
        }
    }

    @Test
    void progressIsReportedToTheEnd() throws Exception {
        try (Fresh f = TestDatabases.sqlite(dir)) {
            f.database().migrate("core", getClass().getClassLoader());
            Shop shop = shop(f);
            StringBuilder big = new StringBuilder("order,sku,qty,price,at\n");
            for (int i = 0; i < 5_000; i++) {
                big.append("P").append(i).append(",x,1,1.00,2024-05-01 10:00\n");
            }
            Path csv = file("big.csv", big.toString(), StandardCharsets.UTF_8, false);
            List<long[]> seen = new ArrayList<>();

            runner(f, 1_000).run(request(shop, csv, false), (read, total, rows) -> seen.add(new long[] {read, total, rows}));

            assertTrue(seen.size() >= 3, "now and then, not only at the end");
            long[] last = seen.get(seen.size() - 1);
            assertEquals(Files.size(csv), last[0]);
            assertEquals(Files.size(csv), last[1]);
            assertEquals(5_000, last[2]);
        }
    }
}
