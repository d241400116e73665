package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports through the distribution, as an operator runs them: {@code bin/shopops import} and
 * {@code summary}, and the HTTP import job. Expected figures come from plain SQL over the raw files
 * ({@link PlainSql}), never from ShopOps itself.
 */
class ImportIT {

    /** The real data slices (see their README for provenance). */
    static final Path DATA = Path.of("../platform/src/test/resources/data").toAbsolutePath().normalize();
    static final Path RETAIL = DATA.resolve("online-retail/online_retail_first_rows.csv");
    static final Path BEHAVIOUR = DATA.resolve("user-behavior/user_behavior_first_users.csv");

    /*
     * The online-retail rules in plain SQL. The published slice has four broken lines (the description
     * ran into the quantity: 7 fields, which sqlite3 fills up with NULL); such a line is rejected, and
     * with it every line of its invoice, so no order is half-imported.
     */
    static final String BROKEN_LINE = "Country IS NULL";
    static final String BROKEN_INVOICE = "InvoiceNo IN (SELECT InvoiceNo FROM raw WHERE " + BROKEN_LINE + ")";
    /** Lines that are no sale by rule: skipped. */
    static final String SKIP = "NOT (" + BROKEN_LINE + ") AND InvoiceNo NOT LIKE 'C%' AND (InvoiceNo LIKE 'A%' "
            + "OR CAST(Quantity AS INTEGER) <= 0 OR CAST(UnitPrice AS REAL) <= 0)";
    /** Lines that count as sales. */
    static final String SALE = "InvoiceNo NOT LIKE 'C%' AND NOT (" + SKIP + ") AND NOT " + BROKEN_INVOICE;

    @TempDir
    Path work;

    private String data() {
        return work.resolve("data").toString();
    }

    private Distribution.Run shopops(String... args) throws Exception {
        return Distribution.cli(work, args);
    }

    private JsonNode json(Distribution.Run run) throws Exception {
        return Distribution.JSON.readTree(run.out());
    }

    private static long n(Path db, String sql) throws Exception {
        return Long.parseLong(PlainSql.value(db, sql));
    }

    @Test
    void theRealOnlineRetailSliceImportsWithFiguresThatPlainSqlAgreesWith() throws Exception {
        Path raw = PlainSql.load(work, RETAIL, null);
        assertEquals(0, shopops("shops", "add", "retail", "--currency", "GBP", "--time-zone", "Europe/London",
                "--data", data()).exit());

        Distribution.Run dry = shopops("import", "orders", RETAIL.toString(), "--dry-run", "--json", "--data", data());
        assertEquals(1, dry.exit(), "the slice has broken lines: " + dry.err());
        assertEquals(0, json(shopops("summary", "--json", "--data", data())).get("orders").asLong(), "a dry run writes nothing");

        Distribution.Run run = shopops("import", "orders", RETAIL.toString(), "--json", "--data", data());
        assertEquals(1, run.exit(), "rejected rows give a non-zero exit code: " + run.err());
        JsonNode s = json(run);
        assertEquals("online-retail", s.get("format").asText(), "detected from the header");
        assertEquals(n(raw, "SELECT COUNT(*) FROM raw"), s.get("read").asLong());
        assertEquals(n(raw, "SELECT COUNT(*) FROM raw WHERE NOT (" + SKIP + ") AND NOT " + BROKEN_INVOICE),
                s.get("imported").asLong(), "sales and cancellation lines");
        assertEquals(n(raw, "SELECT COUNT(*) FROM raw WHERE " + SKIP), s.get("skipped").asLong());
        assertEquals(n(raw, "SELECT COUNT(*) FROM raw WHERE " + BROKEN_INVOICE + " AND NOT (" + SKIP + ")"),
                s.get("rejected").asLong());
        // The broken lines themselves come first in the errors, each with its line number (header = line 1).
        assertEquals(PlainSql.value(raw, "SELECT group_concat(rowid + 1, ',') FROM raw WHERE " + BROKEN_LINE),
                java.util.stream.StreamSupport.stream(s.get("errors").spliterator(), false)
                        .filter(e -> e.get("column").asText().equals("row")).map(e -> e.get("line").asText())
                        .reduce((a, b) -> a + "," + b).orElse(""));
        assertEquals(json(dry).get("imported").asLong(), s.get("imported").asLong(), "the dry run counted the same");

        JsonNode summary = json(shopops("summary", "--shop", "retail", "--json", "--data", data()));
        assertEquals(n(raw, "SELECT COUNT(DISTINCT InvoiceNo) FROM raw WHERE " + SALE), summary.get("orders").asLong());
        assertEquals(n(raw, "SELECT COUNT(DISTINCT InvoiceNo) FROM raw WHERE " + SALE + " AND CustomerID = ''"),
                summary.get("guestOrders").asLong());
        assertEquals(n(raw, "SELECT COUNT(DISTINCT CustomerID) FROM raw WHERE " + SALE + " AND CustomerID <> ''"),
                summary.get("customers").asLong());
        assertEquals(n(raw, "SELECT COUNT(*) FROM raw WHERE " + SALE), summary.get("orderLines").asLong());
        assertEquals(n(raw, "SELECT SUM(CAST(Quantity AS INTEGER) * CAST(ROUND(CAST(UnitPrice AS REAL) * 100) AS INTEGER)) "
                + "FROM raw WHERE " + SALE), summary.get("revenue").asLong());
        assertEquals("GBP", summary.get("currency").asText());
        assertEquals("2010-12-01", summary.get("firstOrder").asText());

        Distribution.Run again = shopops("import", "orders", RETAIL.toString(), "--json", "--data", data());
        assertEquals(1, again.exit());
        assertEquals(0, json(again).get("imported").asLong(), "importing the same file twice changes nothing");
        assertEquals(0, json(again).get("updated").asLong());
        assertEquals(summary, json(shopops("summary", "--shop", "retail", "--json", "--data", data())));

        Distribution.Run text = shopops("summary", "--shop", "retail", "--from", "2010-12-01", "--to", "2010-12-01", "--data", data());
        assertTrue(text.out().contains("revenue"), text.out());
        Distribution.Run backwards = shopops("summary", "--from", "2010-12-02", "--to", "2010-12-01", "--data", data());
        assertTrue(backwards.exit() != 0 && backwards.err().contains("after"), backwards.err());
    }

    @Test
    void theRealUserBehaviourSliceImportsAsEvents() throws Exception {
        Path raw = PlainSql.load(work, BEHAVIOUR, "user_id, item_id, category_id, behavior_type, ts");
        assertEquals(0, shopops("shops", "add", "tmall", "--data", data()).exit());

        Distribution.Run run = shopops("import", "events", BEHAVIOUR.toString(), "--json", "--data", data());

        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode s = json(run);
        assertEquals("user-behavior", s.get("format").asText());
        assertEquals(n(raw, "SELECT COUNT(*) FROM raw"), s.get("read").asLong());
        assertEquals(n(raw, "SELECT COUNT(*) FROM (SELECT DISTINCT user_id, item_id, behavior_type, ts FROM raw)"),
                s.get("imported").asLong());
        Path db = work.resolve("data/shopops.db");
        for (String[] type : new String[][] {{"pv", "VIEW"}, {"fav", "FAVOURITE"}, {"cart", "CART"}, {"buy", "BUY"}}) {
            assertEquals(n(raw, "SELECT COUNT(*) FROM raw WHERE behavior_type = '" + type[0] + "'"),
                    n(db, "SELECT COUNT(*) FROM behaviour_events WHERE type = '" + type[1] + "'"), type[0]);
        }
        // Days are China time: the slice's last day, by plain SQL on the Unix timestamps shifted by 8 hours.
        assertEquals(PlainSql.value(raw, "SELECT date(MAX(CAST(ts AS INTEGER)) + 8 * 3600, 'unixepoch') FROM raw"),
                PlainSql.value(db, "SELECT MAX(day) FROM behaviour_events"));

        Path truncated = work.resolve("truncated.csv");
        Files.writeString(truncated, Files.readAllLines(BEHAVIOUR).subList(0, 3).stream()
                .reduce("", (a, b) -> a + b + "\n") + "1000684,799918,30048\n", StandardCharsets.UTF_8);
        Distribution.Run cut = shopops("import", "events", truncated.toString(), "--json", "--data", data());
        assertEquals(1, cut.exit(), "a rejected row makes the exit code non-zero");
        JsonNode error = json(cut).get("errors").get(0);
        assertEquals(4, error.get("line").asLong());
        assertTrue(error.get("reason").asText().contains("found 3"), error.toString());
    }

    /** Hand-made exports; their figures were computed by the scripts in their README, not by ShopOps. */
    static final Path SAMPLES = Path.of("../platform/src/test/resources/imports").toAbsolutePath().normalize();

    @Test
    void shopifyTaobaoGbkSycmAndMappedGenericExportsImportEndToEnd() throws Exception {
        Path db = work.resolve("data/shopops.db");
        assertEquals(0, shopops("shops", "add", "us", "--currency", "USD", "--time-zone", "America/New_York", "--data", data()).exit());
        assertEquals(0, shopops("shops", "add", "tmall", "--platform", "tmall", "--data", data()).exit());

        Distribution.Run shopify = shopops("import", "orders", SAMPLES.resolve("shopify-orders.csv").toString(), "--shop", "us",
                "--json", "--data", data());
        assertEquals(0, shopify.exit(), shopify.out() + shopify.err());
        assertEquals("shopify", json(shopify).get("format").asText());
        assertEquals(16, json(shopify).get("imported").asLong());
        JsonNode us = json(shopops("summary", "--shop", "us", "--json", "--data", data()));
        assertEquals(9, us.get("orders").asLong(), "10 orders, one cancelled");
        assertEquals(1, us.get("guestOrders").asLong());
        assertEquals(40367 - n(db, "SELECT amount FROM orders WHERE external_id = '#1005'"), us.get("revenue").asLong());
        assertEquals(5388, us.get("refunds").asLong());
        assertEquals("REFUNDED", PlainSql.value(db, "SELECT status FROM orders WHERE external_id = '#1004'"));
        assertEquals(1, n(db, "SELECT COUNT(*) FROM customers WHERE external_id = 'bob.smith@example.com'"));

        Distribution.Run taobao = shopops("import", "orders", SAMPLES.resolve("taobao-orders-gbk.csv").toString(),
                "--shop", "tmall", "--json", "--data", data());
        assertEquals(0, taobao.exit(), taobao.out() + taobao.err());
        assertEquals("taobao", json(taobao).get("format").asText());
        assertTrue(json(taobao).get("source").asText().contains("GBK"), taobao.out());
        JsonNode tmall = json(shopops("summary", "--shop", "tmall", "--json", "--data", data()));
        assertEquals(9, tmall.get("orders").asLong(), "10 orders, one closed unpaid");
        assertEquals(128690 - n(db, "SELECT amount FROM orders WHERE external_id = '3712040588812345606'"),
                tmall.get("revenue").asLong());
        assertEquals(40700, tmall.get("refunds").asLong());
        assertEquals("夏季新款纯棉短袖T恤女宽松", PlainSql.value(db, "SELECT l.title FROM order_lines l JOIN orders o ON o.id = l.order_id "
                + "WHERE o.external_id = '3712040588812345601'"), "GBK decoded, the spreadsheet's =\"…\" around the id removed");

        Distribution.Run sycm = shopops("import", "traffic", SAMPLES.resolve("sycm-traffic.csv").toString(), "--shop", "tmall",
                "--json", "--data", data());
        assertEquals(0, sycm.exit(), sycm.out() + sycm.err());
        assertEquals(28, json(sycm).get("imported").asLong());
        assertEquals("21837|59038|631|7276913", PlainSql.value(db,
                "SELECT SUM(uv) || '|' || SUM(pv) || '|' || SUM(buyers) || '|' || SUM(paid_amount) FROM traffic_days"));
        assertEquals(12281, n(db, "SELECT SUM(uv) FROM traffic_days WHERE source = '手淘搜索'"));

        Path products = SAMPLES.resolve("generic-products.csv");
        assertEquals(3, shopops("import", "products", products.toString(), "--shop", "tmall", "--data", data()).exit(),
                "without its mapping the file is refused");
        Distribution.Run mapped = shopops("import", "products", products.toString(), "--shop", "tmall", "--format", "generic",
                "--mapping", SAMPLES.resolve("generic-products.properties").toString(), "--json", "--data", data());
        assertEquals(0, mapped.exit(), mapped.out() + mapped.err());
        assertEquals("8|585|14655|1", PlainSql.value(db, "SELECT COUNT(*) || '|' || SUM(stock) || '|' || SUM(price) || '|' "
                + "|| SUM(status = 'DELISTED') FROM products"));
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedWithWhatWasExpected() throws Exception {
        assertEquals(0, shopops("shops", "add", "s1", "--data", data()).exit());
        Path notes = work.resolve("notes.csv");
        Files.writeString(notes, "name,phone\nLi Lei,123\n");

        Distribution.Run refused = shopops("import", "orders", notes.toString(), "--data", data());
        assertEquals(3, refused.exit());
        assertTrue(refused.err().contains("notes.csv is not a layout of orders that ShopOps recognises"), refused.err());
        assertTrue(refused.err().contains("online-retail"), refused.err());

        Distribution.Run unknownShop = shopops("import", "orders", RETAIL.toString(), "--shop", "nope", "--data", data());
        assertEquals(1, unknownShop.exit());
        assertTrue(unknownShop.err().contains("there is no shop 'nope'; shops: s1"), unknownShop.err());
    }

    @Test
    void anImportOverHttpRunsAsAJobWithProgressAndTheSameFigures() throws Exception {
        try (Distribution.Server server = Distribution.Server.start(work, "--data", data())) {
            assertEquals(201, server.post("/api/shops", "{\"code\":\"retail\",\"currency\":\"GBP\",\"timeZone\":\"Europe/London\"}").status());

            Distribution.Answer started = server.postMultipart("/api/shops/retail/imports", Map.of("kind", "orders"), "file", RETAIL);
            assertEquals(202, started.status(), started.body());
            String id = started.json().get("id").asText();
            JsonNode job = waitFor(server, id);
            assertEquals("done-with-rejections", job.get("state").asText(), "the slice has broken lines: " + job);
            assertEquals(1.0, job.get("progress").asDouble());
            assertEquals("online-retail", job.get("format").asText());
            assertTrue(job.get("imported").asLong() > 0, job.toString());

            JsonNode summary = server.get("/api/shops/retail/summary").json();
            Path raw = PlainSql.load(work, RETAIL, null);
            assertEquals(n(raw, "SELECT COUNT(DISTINCT InvoiceNo) FROM raw WHERE " + SALE), summary.get("orders").asLong());

            Path bad = work.resolve("bad.csv");
            Files.writeString(bad, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                    + "900001,X1,MUG,2,12/9/10 10:00,1.50,12345,United Kingdom\n"
                    + "900002,X1,MUG,two,12/9/10 10:00,1.50,12345,United Kingdom\n");
            JsonNode rejected = waitFor(server, server.postMultipart("/api/shops/retail/imports",
                    Map.of("kind", "orders", "format", "online-retail"), "file", bad).json().get("id").asText());
            assertEquals("done-with-rejections", rejected.get("state").asText(), rejected.toString());
            assertEquals(1, rejected.get("rejected").asLong());
            assertEquals(3, rejected.get("errors").get(0).get("line").asLong());
            assertEquals("Quantity", rejected.get("errors").get(0).get("column").asText());

            Path png = work.resolve("logo.png");
            Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d});
            JsonNode refused = waitFor(server, server.postMultipart("/api/shops/retail/imports", Map.of("kind", "orders"), "file", png)
                    .json().get("id").asText());
            assertEquals("refused", refused.get("state").asText());
            assertTrue(refused.get("message").asText().contains("binary"), refused.toString());

            assertEquals(400, server.postMultipart("/api/shops/retail/imports", Map.of("kind", "spaceships"), "file", RETAIL).status());
            assertEquals(404, server.postMultipart("/api/shops/nope/imports", Map.of("kind", "orders"), "file", RETAIL).status());
            assertEquals(404, server.get("/api/imports/no-such-job").status());
            assertEquals(3, server.get("/api/shops/retail/imports").json().size());
            assertTrue(server.get("/api/import-formats").body().contains("user-behavior"));
            assertEquals(400, server.get("/api/shops/retail/summary?from=yesterday").status());
        }
    }

    private static JsonNode waitFor(Distribution.Server server, String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode job = server.get("/api/imports/" + id).json();
            String state = job.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish in 60 s");
    }
}
