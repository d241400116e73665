package com.shopops.platform.imports.formats;

import static com.shopops.platform.imports.formats.Rows.UK;
import static com.shopops.platform.imports.formats.Rows.accepted;
import static com.shopops.platform.imports.formats.Rows.context;
import static com.shopops.platform.imports.formats.Rows.header;
import static com.shopops.platform.imports.formats.Rows.rejected;
import static com.shopops.platform.imports.formats.Rows.row;
import static com.shopops.platform.imports.formats.Rows.skipped;
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

class OnlineRetailOrdersTest {

    static final List<String> V1 = header("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country");
    static final List<String> V2 = header("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country");

    private final OnlineRetailOrders format = new OnlineRetailOrders();
    private final ImportContext v1 = context(UK, V1);

    private ParsedRow<OrderRow> parse(String line) {
        return format.parse(row(V1, line), v1);
    }

    @Test
    void nameKindAndDescription() {
        assertEquals("online-retail", format.name());
        assertEquals("orders", format.kind());
        assertTrue(format.hasHeader());
        assertTrue(format.describe().contains("InvoiceNo"));
    }

    @Test
    void recognisesBothVersionsIgnoringCaseAndSpaces() {
        assertTrue(format.recognises(V1));
        assertTrue(format.recognises(V2));
        assertTrue(format.recognises(List.of(" invoiceno ", "STOCKCODE", "description", "quantity", "invoicedate",
                "unitprice", "customerid", "country")));
        assertFalse(format.recognises(header("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID")));
        assertFalse(format.recognises(header("order_id,sku,title,quantity,created_at,unit_price,customer")));
        assertFalse(format.recognises(List.of()));
    }

    @Test
    void aSaleLineIsAPaidOrderLineInShopLocalTime() {
        OrderRow r = accepted(parse("536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/10 8:26,2.55,17850.0,United Kingdom"));
        Instant at = Instant.parse("2010-12-01T08:26:00Z"); // London is on UTC in December
        assertEquals(new OrderRow("536365", "17850", at, at, Order.Status.PAID, null, null, "85123A",
                "WHITE HANGING HEART T-LIGHT HOLDER", 6, 255, 1530, 0, null), r);
    }

    @Test
    void readsEveryDateLayoutAsShopLocalTime() {
        Instant summer = Instant.parse("2011-06-01T07:26:00Z"); // 08:26 BST
        for (String date : List.of("6/1/2011 8:26", "6/1/11 8:26", "2011-06-01 08:26:00")) {
            assertEquals(summer, accepted(parse("540001,22423,REGENCY CAKESTAND 3 TIER,1," + date + ",12.75,13047,United Kingdom"))
                    .createdAt(), date);
        }
    }

    @Test
    void onlineRetailTwoHeaderWorksTheSame() {
        ImportContext ctx = context(UK, V2);
        OrderRow r = accepted(format.parse(row(V2, "489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom"), ctx));
        assertEquals("489434", r.orderId());
        assertEquals("13085", r.customer());
        assertEquals(8340, r.lineAmount());
        rejected(format.parse(row(V2, "489434,85048,X,12,2009-12-01 07:45:00,abc,13085.0,United Kingdom"), ctx), "Price",
                "Price 'abc' is not an amount of money");
        rejected(format.parse(row(V2, ",85048,X,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom"), ctx), "Invoice",
                "Invoice is empty");
        assertEquals("489434", format.group(row(V2, "489434,85048,X,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom"), ctx));
    }

    @Test
    void aCancellationIsKeptWithItsNegativeQuantities() {
        OrderRow r = accepted(parse("C536379,D,Discount,-1,12/1/10 9:41,27.50,14527,United Kingdom"));
        assertEquals(Order.Status.CANCELLED, r.status());
        assertEquals(-1, r.quantity());
        assertEquals(-2750, r.lineAmount());
        assertNull(r.paidAt());
        assertEquals(Instant.parse("2010-12-01T09:41:00Z"), r.createdAt());
    }

    @Test
    void noSaleLinesAreSkippedWithTheirReason() {
        skipped(parse("536414,22139,,-56,12/1/10 11:52,0,,United Kingdom"), "quantity -56 on invoice 536414");
        skipped(parse("536414,22139,,0,12/1/10 11:52,1.00,,United Kingdom"), "quantity 0");
        skipped(parse("536981,72817,,2,12/3/10 14:36,0.00,,United Kingdom"), "unit price 0.00 on invoice 536981");
        skipped(parse("536982,72817,,2,12/3/10 14:36,-1.00,,United Kingdom"), "unit price -1.00");
    }

    @Test
    void accountingAdjustmentsAreSkipped() {
        skipped(parse("A563185,B,Adjust bad debt,1,8/12/11 14:50,11062.06,,United Kingdom"),
                "invoice A563185 is an accounting adjustment");
        skipped(parse("A563187,B,Adjust bad debt,1,8/12/11 14:52,-11062.06,,United Kingdom"), "accounting adjustment");
    }

    @Test
    void anEmptyCustomerIsAGuestAndAnEmptyDescriptionIsKept() {
        OrderRow r = accepted(parse("536544,21773,,1,12/1/10 14:32,2.51,,United Kingdom"));
        assertNull(r.customer());
        assertEquals("", r.title());
    }

    @Test
    void badCellsAreRejectedWithTheirColumn() {
        rejected(parse(",85123A,X,6,12/1/10 8:26,2.55,17850,United Kingdom"), "InvoiceNo", "InvoiceNo is empty");
        rejected(parse("536365,,X,6,12/1/10 8:26,2.55,17850,United Kingdom"), "StockCode", "StockCode is empty");
        rejected(parse("536365,85123A,X,abc,12/1/10 8:26,2.55,17850,United Kingdom"), "Quantity",
                "Quantity 'abc' is not a whole number");
        rejected(parse("536365,85123A,X,6.5,12/1/10 8:26,2.55,17850,United Kingdom"), "Quantity", "not a whole number");
        rejected(parse("536365,85123A,X,6,12/1/10 8:26,two,17850,United Kingdom"), "UnitPrice",
                "UnitPrice 'two' is not an amount of money");
        rejected(parse("536365,85123A,X,6,12/1/10 8:26,2.555,17850,United Kingdom"), "UnitPrice",
                "has more decimals than GBP has (2)");
        rejected(parse("536365,85123A,X,6,31/12/2010 8:26,2.55,17850,United Kingdom"), "InvoiceDate",
                "InvoiceDate '31/12/2010 8:26' is not a date and time");
        rejected(parse("536365,85123A,X,6,,2.55,17850,United Kingdom"), "InvoiceDate", "InvoiceDate is empty");
    }

    @Test
    void aRowWithAnotherNumberOfFieldsIsRejectedAsAWhole() {
        // a line of the real file: the description ran into the quantity, so every later cell shifted
        rejected(parse("536381,21175,GIN + TONIC DIET METAL   2,12/1/10 9:41,2.1,15311,United Kingdom"), "row",
                "expected 8 fields as in the header, found 7");
        rejected(parse("536381,21175,A,2,12/1/10 9:41,2.1,15311,United Kingdom,extra"), "row", "found 9");
    }

    @Test
    void revenueIsExactAndOverflowIsRejected() {
        assertEquals(80_995 * 208, accepted(parse("581483,23843,PAPER CRAFT LITTLE BIRDIE,80995,12/9/11 9:15,2.08,16446,United Kingdom")).lineAmount());
        rejected(parse("581483,23843,X,9223372036854775807,12/9/11 9:15,2.08,16446,United Kingdom"), "Quantity", "too large");
    }
}
