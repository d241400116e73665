package com.shopops.platform.imports.formats;

import static com.shopops.platform.imports.formats.Rows.US;
import static com.shopops.platform.imports.formats.Rows.UK;
import static com.shopops.platform.imports.formats.Rows.accepted;
import static com.shopops.platform.imports.formats.Rows.context;
import static com.shopops.platform.imports.formats.Rows.header;
import static com.shopops.platform.imports.formats.Rows.rejected;
import static com.shopops.platform.imports.formats.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ImportContext;
import com.shopops.api.ParsedRow;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopifyOrdersTest {

    static final List<String> HEADER = header("Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,"
            + "Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,"
            + "Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,"
            + "Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Cancelled at,Refunded Amount,Source");

    private final ShopifyOrders format = new ShopifyOrders();
    private final ImportContext us = context(US, HEADER);

    /** A first row of an order with the given changing fields. */
    private static String first(String name, String email, String financial, String paidAt, String fulfillment,
                                String currency, String total, String cancelledAt, String refunded) {
        return String.join(",", name, email, financial, paidAt, fulfillment, "", "no", currency, "32.50", "5.00", "2.16",
                total, "", "0.00", "Standard", "2023-01-15 10:23:45 -0500", "2", "Ceramic Mug - White", "12.00", "",
                "MUG-WHT", "true", "true", "fulfilled", cancelledAt, refunded, "web");
    }

    private ParsedRow<OrderRow> parse(String line) {
        return format.parse(row(HEADER, line), us);
    }

    private Order.Status status(String financial, String fulfillment, String cancelledAt) {
        return accepted(parse(first("#1001", "a@b.c", financial, "", fulfillment, "USD", "39.66", cancelledAt, "0.00")))
                .status();
    }

    @Test
    void recognisesTheExportHeader() {
        assertEquals("shopify", format.name());
        assertEquals("orders", format.kind());
        assertTrue(format.recognises(HEADER));
        assertTrue(format.recognises(header("name,financial status,created at,lineitem quantity,lineitem price")));
        assertFalse(format.recognises(header("Name,Email,Created at,Lineitem quantity")));
    }

    @Test
    void theFirstRowCarriesTheOrder() {
        OrderRow r = accepted(parse(first("#1001", "Alice@Example.COM", "paid", "2023-01-15 10:24:10 -0500", "fulfilled",
                "USD", "39.66", "", "0.00")));
        assertEquals(new OrderRow("#1001", "alice@example.com", Instant.parse("2023-01-15T15:23:45Z"),
                Instant.parse("2023-01-15T15:24:10Z"), Order.Status.SHIPPED, 3966L, "web", "MUG-WHT",
                "Ceramic Mug - White", 2, 1200, 2400, 0, null), r);
        assertEquals("#1001", format.group(row(HEADER, first("#1001", "", "paid", "", "", "USD", "1", "", "")), us));
    }

    @Test
    void continuationRowsAreLinesOnly() {
        String line = "#1001,alice@example.com,,,,,,,,,,,,,,,1,Coaster Set,8.50,,CST-4,true,true,fulfilled,,,";
        OrderRow r = accepted(parse(line));
        assertEquals(new OrderRow("#1001", null, null, null, null, null, null, "CST-4", "Coaster Set", 1, 850, 850, 0,
                null), r);
        OrderRow noSku = accepted(parse("#1001,,,,,,,,,,,,,,,,3,Gift wrap,0.50,,,true,true,,,,"));
        assertEquals("", noSku.sku());
        assertEquals(150, noSku.lineAmount());
    }

    @Test
    void statusFromCancelledAtFinancialAndFulfillmentStatus() {
        assertEquals(Order.Status.CANCELLED, status("paid", "fulfilled", "2023-01-16 09:00:00 -0500"));
        assertEquals(Order.Status.REFUNDED, status("refunded", "", ""));
        assertEquals(Order.Status.CANCELLED, status("voided", "", ""));
        assertEquals(Order.Status.PLACED, status("pending", "", ""));
        assertEquals(Order.Status.PLACED, status("authorized", "unfulfilled", ""));
        assertEquals(Order.Status.PAID, status("paid", "unfulfilled", ""));
        assertEquals(Order.Status.PAID, status("paid", "partial", ""));
        assertEquals(Order.Status.SHIPPED, status("paid", "fulfilled", ""));
        assertEquals(Order.Status.PAID, status("partially_refunded", "", ""));
        assertEquals(Order.Status.SHIPPED, status("Partially Refunded", "Fulfilled", ""));
        rejected(parse(first("#1001", "", "partially_paid", "", "", "USD", "1.00", "", "")), "Financial Status",
                "Financial Status 'partially_paid' is not one of paid, partially_refunded, refunded, voided, pending, authorized");
        rejected(parse(first("#1001", "", "", "", "", "USD", "1.00", "", "")), "Financial Status", "Financial Status is empty");
    }

    @Test
    void guestRefundAndEmptyRefund() {
        OrderRow guest = accepted(parse(first("#1003", "", "refunded", "2023-01-17 11:15:00 -0500", "", "USD", "43.88", "", "43.88")));
        assertNull(guest.customer());
        assertEquals(4388, guest.refunded());
        assertEquals(Order.Status.REFUNDED, guest.status());
        OrderRow none = accepted(parse(first("#1004", "x@y.z", "pending", "", "", "USD", "", "", "")));
        assertEquals(0, none.refunded());
        assertNull(none.orderAmount());
        assertNull(none.paidAt());
    }

    @Test
    void anotherCurrencyIsRejected() {
        rejected(parse(first("#1001", "", "paid", "", "", "EUR", "39.66", "", "")), "Currency",
                "Currency EUR is not the shop's currency (USD)");
        rejected(format.parse(row(HEADER, first("#1001", "", "paid", "", "", "USD", "39.66", "", "")), context(UK, HEADER)),
                "Currency", "(GBP)");
        accepted(parse(first("#1001", "", "paid", "", "", "usd", "39.66", "", "")));
    }

    @Test
    void badCellsAreRejectedWithTheirColumn() {
        rejected(parse(first("", "", "paid", "", "", "USD", "39.66", "", "")), "Name", "Name is empty");
        rejected(parse("#1001,,,,,,,,,,,,,,,,two,Coaster Set,8.50,,CST-4,true,true,,,,"), "Lineitem quantity",
                "Lineitem quantity 'two' is not a whole number");
        rejected(parse("#1001,,,,,,,,,,,,,,,,1,Coaster Set,8.505,,CST-4,true,true,,,,"), "Lineitem price",
                "more decimals than USD has (2)");
        rejected(parse(first("#1001", "", "paid", "yesterday", "", "USD", "39.66", "", "")), "Paid at",
                "Paid at 'yesterday' is not a date and time");
        rejected(parse(first("#1001", "", "paid", "", "", "USD", "n/a", "", "")), "Total", "Total 'n/a' is not an amount of money");
        rejected(parse(first("#1001", "", "paid", "", "", "USD", "39.66", "", "ten")), "Refunded Amount",
                "Refunded Amount 'ten' is not an amount of money");
    }
}
