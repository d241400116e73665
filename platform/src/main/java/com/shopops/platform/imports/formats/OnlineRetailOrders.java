package com.shopops.platform.imports.formats;

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

    @Override
    public String group(ImportRow row, ImportContext context) {
        String invoice = Cells.id(row.text("InvoiceNo", "Invoice"));
        return invoice.isEmpty() ? null : invoice;
    }

    @Override
    public ParsedRow<OrderRow> parse(ImportRow row, ImportContext context) {
        try {
            return read(row, context);
        } catch (BadCell bad) {
            return bad.rejection();
        }
    }

    private ParsedRow<OrderRow> read(ImportRow row, ImportContext context) {
        List<String> h = row.header();
        if (row.values().size() != h.size()) {
            throw new BadCell("row", "expected " + h.size() + " fields as in the header, found " + row.values().size()
                    + " (a separator too many or too few on this line?)");
        }
        String invoiceColumn = Read.column(h, "InvoiceNo", "Invoice");
        String invoice = Read.required(invoiceColumn, Cells.id(row.text("InvoiceNo", "Invoice")));
        char first = Character.toUpperCase(invoice.charAt(0));
        if (first == 'A') {
            return ParsedRow.skip("invoice " + invoice + " is an accounting adjustment (A…), not a sale");
        }
        boolean cancelled = first == 'C';
        String sku = Read.required("StockCode", row.text("StockCode"));
        long quantity = Read.count(Read.column(h, "Quantity"), row.text("Quantity"));
        Currency currency = Read.currency(context);
        String priceColumn = Read.column(h, "UnitPrice", "Price");
        long unitPrice = Read.money(priceColumn, row.text("UnitPrice", "Price"), currency);
        Instant createdAt = Read.instant(Read.column(h, "InvoiceDate"), row.text("InvoiceDate"), context.shop().timeZone());
        if (!cancelled && quantity <= 0) {
            return ParsedRow.skip("quantity " + quantity + " on invoice " + invoice
                    + ", which is not a cancellation (C…): no sale");
        }
        if (!cancelled && unitPrice <= 0) {
            return ParsedRow.skip("unit price " + row.text("UnitPrice", "Price") + " on invoice " + invoice + ": no sale");
        }
        long lineAmount = Read.times(Read.column(h, "Quantity"), quantity, unitPrice);
        String customer = Cells.id(row.text("CustomerID", "Customer ID"));
        return ParsedRow.accept(new OrderRow(invoice, customer.isEmpty() ? null : customer, createdAt,
                cancelled ? null : createdAt, cancelled ? Order.Status.CANCELLED : Order.Status.PAID, null, null,
                sku, row.text("Description"), quantity, unitPrice, lineAmount, 0, null));
    }

    @Override
    public WriteResult write(ImportBatch<OrderRow> batch) {
        return batch.core().orders(batch.records());
    }
}
