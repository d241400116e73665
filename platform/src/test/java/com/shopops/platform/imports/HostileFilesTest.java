package com.shopops.platform.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.shopops.api.ImportRefused;
import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.formats.CoreFormats;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken files (issue #11) for every core import format, made from each format's real sample
 * file: random bytes, the file cut off anywhere, a huge cell, the wrong encoding, control characters,
 * formulas, dates and numbers out of range, a column missing, an unclosed quote, the header twice. Each
 * import must be refused up front with a reason or account for every row (imported, updated, unchanged,
 * skipped or rejected with its line and reason); never fail otherwise, never hang, and never leave a
 * partial write: after every import the orders hold the lines they say and the kept figures agree with
 * the rows, and a refused file changed nothing.
 *
 * <p>The files come from a seeded generator (the seed is in every failure message) rather than a
 * property-testing library: jqwik, the usual one, runs only on JUnit Platform 1 and this build is on 6.
 */
class HostileFilesTest {

    private static final long SEED = Long.getLong("shopops.fuzz.seed", System.nanoTime());
    private static final Charset GBK = Charset.forName("GBK");
    private static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3", "=HYPERLINK(\"http://x\")");
    private static final List<String> ODD_DATES = List.of("0001-01-01 00:00:00", "9999-12-31 23:59:59", "2024-13-45 25:61:00",
            "+99999-01-01", "31/02/2024", "1/1/1 0:0", "2024-05-01T10:00:00+25:00", "");
    private static final List<String> ODD_NUMBERS = List.of("1e309", "99999999999999999999999", "-0", "NaN", "１２３", "1,2,3",
            "0x1F", "-9223372036854775809", "12.345.678", "¥", "");

    /** A sample file of one format: resource, its encoding, the import's kind, format and options. */
    private record Sample(String resource, Charset charset, String kind, String format, Map<String, String> options) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("/data/online-retail/online_retail_first_rows.csv", StandardCharsets.UTF_8, "orders", "online-retail", Map.of()),
            new Sample("/imports/shopify-orders.csv", StandardCharsets.UTF_8, "orders", "shopify", Map.of()),
            new Sample("/imports/taobao-orders-gbk.csv", GBK, "orders", "taobao", Map.of()),
            new Sample("/imports/sycm-traffic.csv", StandardCharsets.UTF_8, "traffic", "sycm-traffic", Map.of()),
            new Sample("/data/user-behavior/user_behavior_first_users.csv", StandardCharsets.UTF_8, "events", "user-behavior", Map.of()),
            new Sample("/imports/generic-products.csv", StandardCharsets.UTF_8, "products", "generic", Map.of(
                    "column.sku", "Item Code", "column.title", "Product Name", "column.category", "Category",
                    "column.price", "Retail Price", "column.cost", "Cost Price", "column.stock", "On Hand",
                    "column.status", "State", "column.listed_on", "First Listed")));

    /** Ways to spoil a file: the sample's text and a random source in, the bytes to import out. */
    private static final Map<String, BiFunction<Sample, SplittableRandom, byte[]>> SPOILERS = Map.ofEntries(
            Map.entry("random bytes", (s, r) -> {
                byte[] b = new byte[1 + r.nextInt(4_000)];
                r.nextBytes(b);
                return b;
            }),
            Map.entry("cut off", (s, r) -> {
                byte[] b = bytes(s, text(s));
                return Arrays.copyOf(b, r.nextInt(b.length));
            }),
            Map.entry("a huge cell", (s, r) -> bytes(s, replaceCells(text(s), r, 1, () -> "长".repeat(300_000)))),
            Map.entry("the wrong encoding", (s, r) -> text(s).getBytes(r.nextBoolean() ? StandardCharsets.UTF_16LE
                    : s.charset().equals(GBK) ? StandardCharsets.UTF_8 : GBK)),
            Map.entry("control characters", (s, r) -> bytes(s, replaceCells(text(s), r, 5, () -> "a\u0000b\u001Bc\u007F"))),
            Map.entry("formulas", (s, r) -> bytes(s, replaceCells(text(s), r, 8, () -> FORMULAS.get(r.nextInt(FORMULAS.size()))))),
            Map.entry("dates out of range", (s, r) -> bytes(s, replaceCells(text(s), r, 8, () -> ODD_DATES.get(r.nextInt(ODD_DATES.size()))))),
            Map.entry("numbers out of range", (s, r) -> bytes(s, replaceCells(text(s), r, 8,
                    () -> ODD_NUMBERS.get(r.nextInt(ODD_NUMBERS.size()))))),
            Map.entry("a column missing", (s, r) -> {
                List<String> lines = lines(text(s));
                int column = r.nextInt(4);
                List<String> out = new ArrayList<>();
                for (String line : lines) {
                    List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
                    if (cells.size() > column) {
                        cells.remove(column);
                    }
                    out.add(String.join(",", cells));
                }
                return bytes(s, String.join("\n", out));
            }),
            Map.entry("an unclosed quote", (s, r) -> {
                List<String> lines = new ArrayList<>(lines(text(s)));
                int at = r.nextInt(lines.size());
                lines.set(at, "\"" + lines.get(at));
                return bytes(s, String.join("\n", lines));
            }),
            Map.entry("the header twice", (s, r) -> {
                List<String> lines = new ArrayList<>(lines(text(s)));
                lines.add(r.nextInt(lines.size()), lines.get(0));
                return bytes(s, String.join("\n", lines));
            }),
            Map.entry("empty", (s, r) -> new byte[0]));

    @TempDir
    Path dir;

    @Test
    void everyFormatRefusesOrAccountsForEveryRowOfASpoiledFileAndNeverWritesHalf() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        try (Fresh f = TestDatabases.sqlite(dir)) {
            f.database().migrate("core", getClass().getClassLoader());
            Jdbi jdbi = f.database().jdbi();
            ShopStore shops = new ShopStore(jdbi, Clock.systemUTC());
            Shop shop = shops.create(new ShopStore.NewShop("s", "S", "other", "CNY", "Asia/Shanghai"));
            ImportRunner runner = new ImportRunner(jdbi, new ImportFormats(CoreFormats.all(), List::of), new EventBus(), 50);
            int tried = 0;
            int refused = 0;
            long rejectedRows = 0;
            for (Sample sample : SAMPLES) {
                for (var spoiler : SPOILERS.entrySet()) {
                    for (int round = 0; round < 3; round++) {
                        String what = sample.format() + ", " + spoiler.getKey() + ", round " + round + ", seed " + SEED;
                        Path file = dir.resolve("spoiled-" + tried + ".csv");
                        Files.write(file, spoiler.getValue().apply(sample, random));
                        List<Long> before = counts(jdbi);
                        ImportRunner.Request request = new ImportRunner.Request(shop, sample.kind(), sample.format(), file,
                                file.getFileName().toString(), sample.options(), false);
                        ImportSummary summary = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                            try {
                                return runner.run(request, ImportRunner.Progress.NONE);
                            } catch (ImportRefused e) {
                                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal says why: " + what);
                                return null;
                            } catch (RuntimeException e) {
                                return fail("an import may refuse a file or reject rows, not fail: " + what, e);
                            }
                        }, what);
                        tried++;
                        if (summary == null) {
                            refused++;
                            assertEquals(before, counts(jdbi), "a refused file changed nothing: " + what);
                        } else {
                            assertEquals(summary.read(), summary.imported() + summary.updated() + summary.unchanged() + summary.skipped()
                                    + summary.rejected(), "every row is accounted for: " + what + " " + summary);
                            for (ImportSummary.RowError error : summary.errors()) {
                                assertTrue(error.line() >= 1 && !error.reason().isBlank(), "a rejected row says where and why: " + error);
                            }
                            rejectedRows += summary.rejected();
                        }
                        assertConsistent(jdbi, what);
                    }
                }
            }
            System.out.println("hostile files: " + tried + " imports, " + refused + " refused up front, " + rejectedRows
                    + " rows rejected, seed " + SEED);
            assertTrue(refused > 0 && rejectedRows > 0, "the spoiled files were spoiled: " + refused + " refused, " + rejectedRows + " rejected");
        }
    }

    /** Row counts of the tables an import writes. */
    private static List<Long> counts(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            List<Long> counts = new ArrayList<>();
            for (String table : List.of("orders", "order_lines", "customers", "refunds", "products", "traffic_days", "behaviour_events",
                    "order_days", "product_days")) {
                counts.add(h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            }
            return counts;
        });
    }

    /** No half-written order, and the kept figures agree with the rows they are kept from. */
    private static void assertConsistent(Jdbi jdbi, String what) {
        jdbi.useHandle(h -> {
            assertEquals(0L, h.createQuery("""
                    SELECT COUNT(*) FROM orders o WHERE line_count <> (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id)""")
                    .mapTo(Long.class).one(), "orders hold the lines they say: " + what);
            String days = "SELECT shop_id, day, COUNT(*), SUM(amount) FROM orders WHERE status <> 'CANCELLED' GROUP BY shop_id, day";
            String kept = "SELECT shop_id, day, orders, sales FROM order_days";
            assertEquals(0L, h.createQuery("SELECT (SELECT COUNT(*) FROM (" + days + " EXCEPT " + kept + ") a) + (SELECT COUNT(*) FROM ("
                    + kept + " EXCEPT " + days + ") b)").mapTo(Long.class).one(), "order roll-up: " + what);
            assertEquals(0L, h.createQuery("""
                    SELECT COUNT(*) FROM customers c
                    WHERE c.orders <> (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id AND o.status <> 'CANCELLED')""")
                    .mapTo(Long.class).one(), "customers' order counts: " + what);
        });
    }

    private static String text(Sample s) {
        try (InputStream in = HostileFilesTest.class.getResourceAsStream(s.resource())) {
            if (in == null) {
                throw new IllegalStateException("no sample " + s.resource());
            }
            return new String(in.readAllBytes(), s.charset());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Sample s, String text) {
        return text.getBytes(s.charset());
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\r?\n"));
    }

    /** {@code text} with {@code n} random cells of its data lines (not the first line) replaced by {@code cell}'s. */
    private static String replaceCells(String text, SplittableRandom r, int n, java.util.function.Supplier<String> cell) {
        List<String> lines = new ArrayList<>(lines(text));
        for (int i = 0; i < n && lines.size() > 1; i++) {
            int at = 1 + r.nextInt(lines.size() - 1);
            String[] cells = lines.get(at).split(",", -1);
            cells[r.nextInt(cells.length)] = cell.get();
            lines.set(at, String.join(",", cells));
        }
        return String.join("\n", lines);
    }
}
