package com.shopops.platform.imports.formats;

import com.shopops.api.CellRefused;
import com.shopops.api.Cells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * Orders in the layout of the UCI "Online Retail" data set, one row per invoice line:
 * {@code InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country}, or
 * "Online Retail II"'s {@code Invoice, StockCode, Description, Quantity, InvoiceDate, Price, Customer ID,
 * Country} (header compared ignoring case and surrounding spaces).
 *
 * <p>Rules, each checkable by plain SQL over the raw file:
 * <ul>
 * <li>an order is one invoice; its rows form one group;</li>
 * <li>an invoice starting with {@code C} is a cancellation: kept, status CANCELLED, its lines keep their
 *     (negative) quantities and have no paid time;</li>
 * <li>every line of an invoice starting with {@code A} (accounting adjustment) is skipped;</li>
 * <li>a line of any other invoice with quantity ≤ 0 or unit price ≤ 0 is skipped (no sale);</li>
 * <li>other invoices are PAID, paid when created; the order amount is the sum of the lines, each line
 *     quantity × unit price in minor units, exactly;</li>
 * <li>InvoiceDate ({@code 12/1/2010 8:26}, {@code 12/1/10 8:26}, {@code 2010-12-01 08:26:00}) is shop-local
 *     time; an empty customer id is a guest order; ids lose a spreadsheet's {@code .0};</li>
 * <li>rejected: a row with another number of fields than the header, an empty invoice or stock code, a
 *     quantity, price or date that cannot be read (a price with more decimals than the currency has, too).</li>
 * </ul>
 */
public final class OnlineRetailOrders implements ImportFormat<OrderRow> {

    @Override
    public String kind() {
        return "orders";
    }

    @Override
    public String name() {
        return "online-retail";
    }

    @Override
    public String describe() {
        return "UCI Online Retail orders: header InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, "
                + "CustomerID, Country (or Online Retail II's Invoice, …, Price, Customer ID, Country), one row per invoice line";
    }

    @Override
    public boolean recognises(List<String> header) {
        return Read.hasAny(header, "InvoiceNo", "Invoice") && Read.has(header, "StockCode")
                && Read.has(header, "Description") && Read.has(header, "Quantity") && Read.has(header, "InvoiceDate")
                && Read.hasAny(header, "UnitPrice", "Price") && Read.hasAny(header, "CustomerID", "Customer ID")
                && Read.has(header, "Country");
    }

    /**
     * Where the columns are in one file's header and what the header calls them: worked out once per
     * file instead of a header search for every cell of every row.
     */
    private record Columns(List<String> header, int invoice, int stockCode, int description, int quantity,
                           int invoiceDate, int unitPrice, int customer, String invoiceName, String quantityName,
                           String invoiceDateName, String unitPriceName) {

        static Columns of(List<String> h) {
            return new Columns(h, index(h, "InvoiceNo", "Invoice"), index(h, "StockCode"), index(h, "Description"),
                    index(h, "Quantity"), index(h, "InvoiceDate"), index(h, "UnitPrice", "Price"),
                    index(h, "CustomerID", "Customer ID"), Read.column(h, "InvoiceNo", "Invoice"), Read.column(h, "Quantity"),
                    Read.column(h, "InvoiceDate"), Read.column(h, "UnitPrice", "Price"));
        }

        /** The position of the first of {@code names} the header has, as {@link ImportRow#text} finds it, or -1. */
        private static int index(List<String> header, String... names) {
            for (String name : names) {
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).trim().equalsIgnoreCase(name)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        /** The trimmed cell at {@code index}, or "" when the header has no such column. */
        static String text(ImportRow row, int index) {
            return index < 0 ? "" : row.at(index);
        }
    }

    /** The columns of the file being read; one import after another reads the same header. */
    private volatile Columns columns;

    private Columns columns(List<String> header) {
        Columns c = columns;
        if (c == null || c.header() != header) {
            c = Columns.of(header);
            columns = c;
        }
        return c;
    }

    @Override
    public String group(ImportRow row, ImportContext context) {
        String invoice = Cells.id(Columns.text(row, columns(row.header()).invoice()));
        return invoice.isEmpty() ? null : invoice;
    }

    @Override
    public ParsedRow<OrderRow> parse(ImportRow row, ImportContext context) {
        try {
            return read(row, context);
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    private ParsedRow<OrderRow> read(ImportRow row, ImportContext context) {
        List<String> h = row.header();
        if (row.values().size() != h.size()) {
            throw new CellRefused("row", "expected " + h.size() + " fields as in the header, found " + row.values().size()
                    + " (a separator too many or too few on this line?)");
        }
        Columns c = columns(h);
        String invoice = Read.required(c.invoiceName(), Cells.id(Columns.text(row, c.invoice())));
        char first = Character.toUpperCase(invoice.charAt(0));
        if (first == 'A') {
            return ParsedRow.skip("invoice " + invoice + " is an accounting adjustment (A…), not a sale");
        }
        boolean cancelled = first == 'C';
        String sku = Read.required("StockCode", Columns.text(row, c.stockCode()));
        long quantity = Read.count(c.quantityName(), Columns.text(row, c.quantity()));
        Currency currency = Read.currency(context);
        String priceText = Columns.text(row, c.unitPrice());
        long unitPrice = Read.money(c.unitPriceName(), priceText, currency);
        Instant createdAt = Read.instant(c.invoiceDateName(), Columns.text(row, c.invoiceDate()), context.shop().timeZone());
        if (!cancelled && quantity <= 0) {
            return ParsedRow.skip("quantity " + quantity + " on invoice " + invoice
                    + ", which is not a cancellation (C…): no sale");
        }
        if (!cancelled && unitPrice <= 0) {
            return ParsedRow.skip("unit price " + priceText + " on invoice " + invoice + ": no sale");
        }
        long lineAmount = Read.times(c.quantityName(), quantity, unitPrice);
        String customer = Cells.id(Columns.text(row, c.customer()));
        return ParsedRow.accept(new OrderRow(invoice, customer.isEmpty() ? null : customer, createdAt,
                cancelled ? null : createdAt, cancelled ? Order.Status.CANCELLED : Order.Status.PAID, null, null,
                sku, Columns.text(row, c.description()), quantity, unitPrice, lineAmount, 0, null));
    }

    @Override
    public WriteResult write(ImportBatch<OrderRow> batch) {
        return batch.core().orders(batch.records());
    }
}
