package com.shopops.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.api.Shop;
import com.shopops.api.data.OrderFigures;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.data.SellThrough;
import com.shopops.api.data.ShopData;
import com.shopops.api.domain.Order.Status;
import com.shopops.api.domain.Product;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The roll-up {@code order_days} and the kept answers of {@link ShopFigures} after imports that insert orders,
 * change their status, amount, customer or day, cancel them, refund them (in the order export and as refunds
 * of their own) and take a refund back. After every import the roll-up must equal the figures computed from
 * the orders themselves, and {@link ShopData#orderFigures} (asked before the import too, so kept answers are
 * in play) must equal the figures the orders give directly; the expected figures of the main range are also
 * worked out by hand in the comments. The same imports go to a second shop, so a roll-up row or kept answer
 * that forgot its shop would show.
 */
class OrderDaysTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FEB = LocalDate.of(2024, 2, 20);
    private static final LocalDate D1 = LocalDate.of(2024, 3, 4);
    private static final LocalDate D2 = LocalDate.of(2024, 3, 5);
    private static final LocalDate D3 = LocalDate.of(2024, 3, 6);
    private static final List<LocalDate[]> RANGES = List.of(new LocalDate[] {D1, D2}, new LocalDate[] {D1, D1},
            new LocalDate[] {D2, D2}, new LocalDate[] {D3, D3}, new LocalDate[] {D1, D3}, new LocalDate[] {FEB, D3},
            new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)});

    @TempDir
    Path dir;

    private static Instant at(LocalDate day, String time) {
        return LocalDateTime.of(day, LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
    }

    /** One line of an order; the order's amount is the lines' unless {@code stated}. */
    private static OrderRow line(String order, String customer, LocalDate day, Status status, String sku, long qty, long price,
                                 Long stated, long refunded) {
        Instant t = at(day, "10:00");
        return new OrderRow(order, customer, t, status == Status.CANCELLED ? null : t, status, stated, null, sku, "line " + sku,
                qty, price, qty * price, refunded, refunded > 0 ? "size" : null);
    }

    private static OrderRow line(String order, String customer, LocalDate day, Status status, String sku, long qty, long price) {
        return line(order, customer, day, status, sku, qty, price, null, 0);
    }

    /** A further line of a stored order: no order fields, as an export that lists an order's lines over several rows. */
    private static OrderRow moreLines(String order, String sku, long qty, long price) {
        return new OrderRow(order, null, null, null, null, null, null, sku, "line " + sku, qty, price, qty * price, 0, null);
    }

    private static Product product(String sku) {
        return new Product(0, 0, sku, "product " + sku, "clothes", 5_000L, null, 10, Product.Status.LISTED, null);
    }

    /** Runs {@code write} through the core's writer for both shops, each in its own transaction as an import batch. */
    private static void importBoth(Jdbi jdbi, List<Shop> shops, Consumer<CoreTableWriter> write) {
        for (Shop shop : shops) {
            jdbi.useTransaction(h -> write.accept(new CoreTableWriter(h, shop)));
        }
    }

    /** The roll-up's rows of a shop, as text, by day. */
    private static List<String> rollUp(Jdbi jdbi, long shop) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT day, orders, sales, buyers, refunded, guest_orders FROM order_days WHERE shop_id = :shop ORDER BY day""")
                .bind("shop", shop)
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " "
                        + rs.getLong(5) + " " + rs.getLong(6))
                .list());
    }

    /** The same per day, computed from the orders and refunds themselves. */
    private static List<String> fromOrders(Jdbi jdbi, long shop) {
        return jdbi.withHandle(h -> h.createQuery("SELECT o.day, " + OrderDays.FIGURES + """

                        FROM orders o WHERE o.shop_id = :shop AND o.status <> 'CANCELLED' GROUP BY o.day ORDER BY o.day""")
                .bind("shop", shop)
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " "
                        + rs.getLong(5) + " " + rs.getLong(6))
                .list());
    }

    /** The product roll-up's rows of a shop, as text, by day and SKU. */
    private static List<String> productRollUp(Jdbi jdbi, long shop) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT day, sku, units, sales, orders, title FROM product_days WHERE shop_id = :shop ORDER BY day, sku")
                .bind("shop", shop)
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " "
                        + rs.getLong(5) + " " + rs.getString(6))
                .list());
    }

    /** The same per day and SKU, computed from the order lines of the orders that count. */
    private static List<String> productsFromLines(Jdbi jdbi, long shop) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT o.day, l.sku, SUM(l.quantity), SUM(l.amount), COUNT(DISTINCT o.id), MAX(l.title)
                        FROM orders o JOIN order_lines l ON l.order_id = o.id
                        WHERE o.shop_id = :shop AND o.status <> 'CANCELLED' GROUP BY o.day, l.sku ORDER BY o.day, l.sku""")
                .bind("shop", shop)
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " "
                        + rs.getLong(5) + " " + rs.getString(6))
                .list());
    }

    /** A range's order figures computed from the orders alone, as ShopFigures did before the roll-up. */
    private static OrderFigures directly(Jdbi jdbi, long shop, LocalDate from, LocalDate to) {
        String counted = "o.shop_id = :shop AND o.day BETWEEN :from AND :to AND o.status <> 'CANCELLED'";
        return jdbi.withHandle(h -> {
            long[] days = h.createQuery("""
                            SELECT COALESCE(SUM(n), 0), COALESCE(SUM(s), 0), COALESCE(SUM(b), 0), COALESCE(SUM(rf), 0) FROM (
                              SELECT COUNT(*) AS n, SUM(o.amount) AS s,
                                     COUNT(DISTINCT o.customer_id) + COUNT(*) - COUNT(o.customer_id) AS b,
                                     SUM(CASE WHEN EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id) THEN 1 ELSE 0 END) AS rf
                              FROM orders o WHERE\s""" + counted + " GROUP BY o.day) d")
                    .bind("shop", shop).bind("from", from.toString()).bind("to", to.toString())
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).one();
            // returning: customers of the range with an order that counts before it
            long[] people = h.createQuery("""
                            SELECT COUNT(DISTINCT o.customer_id), COUNT(*) - COUNT(o.customer_id),
                                   COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = o.customer_id
                                       AND p.status <> 'CANCELLED' AND p.day < :from) THEN o.customer_id END)
                            FROM orders o WHERE\s""" + counted)
                    .bind("shop", shop).bind("from", from.toString()).bind("to", to.toString())
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one();
            return new OrderFigures(days[0], days[1], people[0] + people[1], days[2], days[3], people[0], people[2]);
        });
    }

    /** The roll-up equals the orders' figures per day, and every range's figures equal those computed directly. */
    private static void agree(Jdbi jdbi, ShopData data, List<Shop> shops, String after) {
        for (Shop shop : shops) {
            assertEquals(fromOrders(jdbi, shop.id()), rollUp(jdbi, shop.id()), "roll-up after " + after);
            assertEquals(productsFromLines(jdbi, shop.id()), productRollUp(jdbi, shop.id()), "product roll-up after " + after);
            for (LocalDate[] r : RANGES) {
                assertEquals(directly(jdbi, shop.id(), r[0], r[1]), data.orderFigures(shop.id(), r[0], r[1]),
                        "figures of " + r[0] + ".." + r[1] + " after " + after);
            }
        }
    }

    private static List<Shop> twoShops(Fresh f) {
        ShopStore store = new ShopStore(f.database().jdbi(), Clock.systemUTC());
        return List.of(store.create(new ShopStore.NewShop("flagship", null, null, null, "Asia/Shanghai")),
                store.create(new ShopStore.NewShop("outlet", null, null, null, "Asia/Shanghai")));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theRollUpFollowsEveryImport(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Jdbi jdbi = f.database().jdbi();
            List<Shop> shops = twoShops(f);
            long shop = shops.get(0).id();
            ShopData data = f.data();

            importBoth(jdbi, shops, w -> w.orders(List.of(
                    line("A0", "ann", FEB, Status.COMPLETED, "P1", 1, 5_000),
                    line("O1", "ann", D1, Status.PAID, "P1", 2, 5_000),
                    line("O2", "ben", D1, Status.PAID, "P2", 1, 8_000),
                    line("O3", null, D1, Status.PAID, "P1", 1, 5_000),
                    line("O4", "ann", D2, Status.PAID, "P2", 1, 8_000),
                    line("O4", "ann", D2, Status.PAID, "X9", 1, 1_000),
                    line("O5", "cat", D2, Status.CANCELLED, "P5", 1, 7_000))));
            // O1 10,000, O2 8,000, O3 5,000, O4 9,000 (O5 cancelled); buyers ann, ben, the guest; per day 3 + 1 (ann);
            // customers ann and ben, ann returning (her February order).
            assertEquals(new OrderFigures(4, 32_000, 3, 4, 0, 2, 1), data.orderFigures(shop, D1, D2));
            assertEquals(List.of("2024-02-20 1 5000 1 0 0", "2024-03-04 3 23000 3 0 1", "2024-03-05 1 9000 1 0 0"),
                    rollUp(jdbi, shop));
            // per day and SKU: Monday P1 of O1 and O3, P2 of O2; Tuesday O4's two lines (O5 cancelled)
            assertEquals(List.of("2024-02-20 P1 1 5000 1 line P1", "2024-03-04 P1 3 15000 2 line P1", "2024-03-04 P2 1 8000 1 line P2",
                    "2024-03-05 P2 1 8000 1 line P2", "2024-03-05 X9 1 1000 1 line X9"), productRollUp(jdbi, shop));
            agree(jdbi, data, shops, "the first import");

            // Imported again with changes: O5 no longer cancelled, with a stated amount; O2's stated amount lower.
            importBoth(jdbi, shops, w -> w.orders(List.of(
                    line("O2", "ben", D1, Status.PAID, "P2", 1, 8_000, 7_000L, 0),
                    line("O5", "cat", D2, Status.PAID, "P5", 1, 7_000, 6_500L, 0))));
            // 10,000 + 7,000 + 5,000 + 9,000 + 6,500; cat buys on Tuesday: buyers 4, per day 3 + 2.
            assertEquals(new OrderFigures(5, 37_500, 4, 5, 0, 3, 1), data.orderFigures(shop, D1, D2));
            agree(jdbi, data, shops, "status and amount changes");

            // O1 cancelled: ann's Monday order no longer counts (her Tuesday one does); Monday is O2 7,000 and O3 5,000.
            importBoth(jdbi, shops, w -> w.orders(List.of(line("O1", "ann", D1, Status.CANCELLED, "P1", 2, 5_000))));
            assertEquals(new OrderFigures(4, 27_500, 4, 4, 0, 3, 1), data.orderFigures(shop, D1, D2));
            assertEquals(new OrderFigures(2, 12_000, 2, 2, 0, 1, 0), data.orderFigures(shop, D1, D1));
            agree(jdbi, data, shops, "a cancellation");

            // The order export states O2's refund: refunded on Monday.
            importBoth(jdbi, shops, w -> w.orders(List.of(line("O2", "ben", D1, Status.REFUNDED, "P2", 1, 8_000, 7_000L, 7_000))));
            assertEquals(new OrderFigures(4, 27_500, 4, 4, 1, 3, 1), data.orderFigures(shop, D1, D2));
            agree(jdbi, data, shops, "a refund in the order export");

            // A refund of its own for O4, made on Wednesday: it counts on O4's Tuesday.
            importBoth(jdbi, shops, w -> w.refunds(List.of(new RefundRow("R1", "O4", at(D3, "09:00"), 1_000, "size"))));
            assertEquals(new OrderFigures(4, 27_500, 4, 4, 2, 3, 1), data.orderFigures(shop, D1, D2));
            assertEquals(new OrderFigures(0, 0, 0, 0, 0, 0, 0), data.orderFigures(shop, D3, D3));
            agree(jdbi, data, shops, "a refund");

            // The export no longer states O2's refund: it is taken back.
            importBoth(jdbi, shops, w -> w.orders(List.of(line("O2", "ben", D1, Status.PAID, "P2", 1, 8_000, 7_000L, 0))));
            assertEquals(new OrderFigures(4, 27_500, 4, 4, 1, 3, 1), data.orderFigures(shop, D1, D2));
            agree(jdbi, data, shops, "a refund taken back");

            // The guest order O3 moves to Wednesday (its time was corrected): Monday loses it.
            importBoth(jdbi, shops, w -> w.orders(List.of(line("O3", null, D3, Status.PAID, "P1", 1, 5_000))));
            assertEquals(new OrderFigures(3, 22_500, 3, 3, 1, 3, 1), data.orderFigures(shop, D1, D2));
            assertEquals(new OrderFigures(1, 5_000, 1, 1, 0, 0, 0), data.orderFigures(shop, D3, D3));
            agree(jdbi, data, shops, "an order moved to another day");

            // O4 gets one more line in a file that lists only lines: its amount (from the lines) grows by 500.
            importBoth(jdbi, shops, w -> w.orders(List.of(moreLines("O4", "P9", 1, 500))));
            assertEquals(new OrderFigures(3, 23_000, 3, 3, 1, 3, 1), data.orderFigures(shop, D1, D2));
            agree(jdbi, data, shops, "a line added to a stored order");

            // A new order that states its refund: Wednesday has the guest's O3 and dan's refunded O6.
            List<OrderRow> file = List.of(line("O6", "dan", D3, Status.REFUNDED, "P1", 1, 5_000, null, 5_000),
                    line("O3", null, D3, Status.PAID, "P1", 1, 5_000), line("O4", "ann", D2, Status.PAID, "P2", 1, 8_000),
                    line("O4", "ann", D2, Status.PAID, "X9", 1, 1_000), line("O4", "ann", D2, Status.PAID, "P9", 1, 500));
            importBoth(jdbi, shops, w -> w.orders(file));
            assertEquals(new OrderFigures(2, 10_000, 2, 2, 1, 1, 0), data.orderFigures(shop, D3, D3));
            assertEquals(new OrderFigures(3, 23_000, 3, 3, 1, 3, 1), data.orderFigures(shop, D1, D2));
            agree(jdbi, data, shops, "a new refunded order");

            // The same file again changes nothing (O6 keeps its refund, O4 keeps its own one), and leaves the shop's
            // data version alone.
            Long before = version(jdbi, shop);
            importBoth(jdbi, shops, w -> assertEquals(new WriteResult(0, 0), w.orders(file)));
            assertEquals(before, version(jdbi, shop));
            agree(jdbi, data, shops, "an import that changed nothing");

            // An import that fails rolls the roll-up and the version back with its orders.
            assertThrows(IllegalStateException.class, () -> jdbi.useTransaction(h -> {
                new CoreTableWriter(h, shops.get(0)).orders(List.of(line("O9", "dan", D1, Status.PAID, "P1", 9, 5_000)));
                throw new IllegalStateException("the file broke off");
            }));
            assertEquals(before, version(jdbi, shop));
            assertEquals(new OrderFigures(3, 23_000, 3, 3, 1, 3, 1), data.orderFigures(shop, D1, D2));
            agree(jdbi, data, shops, "a failed import");
        }
    }

    /**
     * New orders add their sums to the product roll-up instead of recomputing their day: on a day and SKU that
     * has a row already, in the same batch as a change that makes a day be recomputed, and with an order that
     * holds one SKU on two lines (it counts once).
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void newOrdersAddToTheProductRollUp(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Jdbi jdbi = f.database().jdbi();
            List<Shop> shops = twoShops(f);
            long shop = shops.get(0).id();
            importBoth(jdbi, shops, w -> w.orders(List.of(
                    line("O1", "ann", D1, Status.PAID, "P1", 2, 5_000),
                    line("O2", "ben", D2, Status.PAID, "P2", 1, 8_000))));
            importBoth(jdbi, shops, w -> w.orders(List.of(
                    line("O3", "cat", D1, Status.PAID, "P1", 1, 5_000),      // adds to Monday's P1
                    line("O3", "cat", D1, Status.PAID, "P1", 3, 4_000),      // the same SKU again: O3 counts once
                    line("O4", "dan", D1, Status.CANCELLED, "P1", 9, 5_000), // cancelled: adds nothing
                    line("O5", "eve", D3, Status.PAID, "P3", 1, 1_000),      // a new day
                    line("O2", "ben", D2, Status.CANCELLED, "P2", 1, 8_000)))); // Tuesday recomputed: P2 gone
            // Monday P1: O1 2 × 5,000 + O3 5,000 + 12,000 = 27,000 over 6 units and 2 orders
            assertEquals(List.of("2024-03-04 P1 6 27000 2 line P1", "2024-03-06 P3 1 1000 1 line P3"), productRollUp(jdbi, shop));
            for (Shop s : shops) {
                assertEquals(productsFromLines(jdbi, s.id()), productRollUp(jdbi, s.id()), "shop " + s.code());
            }
            // imported again unchanged: nothing is added twice
            importBoth(jdbi, shops, w -> w.orders(List.of(line("O3", "cat", D1, Status.PAID, "P1", 1, 5_000),
                    line("O3", "cat", D1, Status.PAID, "P1", 3, 4_000), line("O5", "eve", D3, Status.PAID, "P3", 1, 1_000))));
            assertEquals(List.of("2024-03-04 P1 6 27000 2 line P1", "2024-03-06 P3 1 1000 1 line P3"), productRollUp(jdbi, shop));
            assertEquals(List.of("P1 2024-03-04", "P3 2024-03-06"), f.data().firstSales(shop, List.of("P1", "P2", "P3")).entrySet()
                    .stream().map(e -> e.getKey() + " " + e.getValue()).toList(), "P2's only order was cancelled");
        }
    }

    /** A line of a new order with its own title, as exports carry a product's title as it was that day. */
    private static OrderRow titled(String order, String sku, String title) {
        Instant t = at(D1, "10:00");
        return new OrderRow(order, "ann", t, t, Status.PAID, null, null, sku, title, 1, 1_000, 1_000, 0, null);
    }

    /**
     * The title the product roll-up keeps for a day and SKU is the greatest the day's lines carry, compared as
     * both databases compare text (by code point): a title with a character beyond the Basic Multilingual Plane
     * (U+1D7D8, stored in Java as the surrogates D835 DFD8) sorts after one with U+FF21, though Java's
     * {@code compareTo} puts the surrogates first. Titles meet in one order, across orders of one batch, and
     * with a stored row in a later batch.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void theProductRollUpKeepsTheGreatestTitleAsTheDatabaseComparesIt(Kind kind) throws Exception {
        String wide = "\uFF21 linen shirt";
        String astral = "\uD835\uDFD8 linen shirt";
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Jdbi jdbi = f.database().jdbi();
            List<Shop> shops = twoShops(f);
            long shop = shops.get(0).id();
            importBoth(jdbi, shops, w -> w.orders(List.of(titled("T1", "P1", wide), titled("T1", "P1", "linen shirt"),
                    titled("T2", "P1", astral), titled("T3", "P2", wide))));
            assertEquals(List.of("2024-03-04 P1 3 3000 2 " + astral, "2024-03-04 P2 1 1000 1 " + wide), productRollUp(jdbi, shop));
            importBoth(jdbi, shops, w -> w.orders(List.of(titled("T4", "P1", "Linen shirt"), titled("T5", "P2", astral))));
            assertEquals(List.of("2024-03-04 P1 4 4000 3 " + astral, "2024-03-04 P2 2 2000 2 " + astral), productRollUp(jdbi, shop));
            for (Shop s : shops) {
                assertEquals(productsFromLines(jdbi, s.id()), productRollUp(jdbi, s.id()), "shop " + s.code());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keptAnswersFollowImportsAndListingsFollowEdits(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Jdbi jdbi = f.database().jdbi();
            List<Shop> shops = twoShops(f);
            long shop = shops.get(0).id();
            ShopData data = f.data();
            assertEquals(new SellThrough(0, 0), data.sellThrough(shop, D1, D2));

            // Orders before the product list: their lines have no product yet, so nothing listed sold.
            importBoth(jdbi, shops, w -> w.orders(List.of(
                    line("O1", "ann", D1, Status.PAID, "P1", 1, 5_000),
                    line("O2", "ben", D2, Status.PAID, "P2", 1, 8_000),
                    line("O3", "ben", D2, Status.PAID, "P3", 0, 8_000))));
            assertEquals(new SellThrough(0, 0), data.sellThrough(shop, D1, D2));
            // the same answer asked again is a kept one
            AnswerCache answers = new AnswerCache();
            long[] counted = {0};
            jdbi.useHandle(h -> {
                answers.answer(h, shop, "q", D1, D2, () -> ++counted[0]);
                answers.answer(h, shop, "q", D1, D2, () -> ++counted[0]);
            });
            assertEquals(1, counted[0]);

            // The product list links the lines: P1 and P2 sold (P3's line has no units), P4 did not.
            importBoth(jdbi, shops, w -> w.products(List.of(product("P1"), product("P2"), product("P3"), product("P4"))));
            assertEquals(new SellThrough(4, 2), data.sellThrough(shop, D1, D2));
            jdbi.useHandle(h -> answers.answer(h, shop, "q", D1, D2, () -> ++counted[0]));
            assertEquals(2, counted[0], "an import gives the shop a new version: the kept answer is not served");

            // P2's only order cancelled.
            importBoth(jdbi, shops, w -> w.orders(List.of(line("O2", "ben", D2, Status.CANCELLED, "P2", 1, 8_000))));
            assertEquals(new SellThrough(4, 1), data.sellThrough(shop, D1, D2));
            assertEquals(new OrderFigures(1, 5_000, 1, 1, 0, 1, 0), data.orderFigures(shop, D1, D1));

            // Delisting by hand is no import and changes no version; the listing is read every time.
            Long version = version(jdbi, shop);
            new ProductEdits(jdbi).change(shop, "P1", new ProductEdits.Change(null, null, null, Product.Status.DELISTED));
            assertEquals(version, version(jdbi, shop));
            assertEquals(new SellThrough(3, 0), data.sellThrough(shop, D1, D2));
            assertEquals(new SellThrough(4, 1), data.sellThrough(shops.get(1).id(), D1, D2));

            // Another reader (another process, say) changes nothing: a write through the core's writer does.
            ShopData other = f.data();
            assertEquals(data.orderFigures(shop, D1, D2), other.orderFigures(shop, D1, D2));
            jdbi.useTransaction(h -> new CoreTableWriter(h, shops.get(0)).refunds(List.of(
                    new RefundRow("R1", "O1", at(D2, "09:00"), 5_000, null))));
            assertNotEquals(version, version(jdbi, shop));
            assertEquals(new OrderFigures(1, 5_000, 1, 1, 1, 1, 0), data.orderFigures(shop, D1, D1));
        }
    }

    private static Long version(Jdbi jdbi, long shop) {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM shop_data_versions WHERE shop_id = :shop")
                .bind("shop", shop).mapTo(Long.class).findOne().orElse(null));
    }
}
