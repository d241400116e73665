package com.shopops.platform.imports.formats;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Shopify's orders export ({@code orders_export.csv}): one row per line item, the order's fields on the
 * first row of each order only. Columns read: {@code Name, Email, Financial Status, Paid at, Fulfillment
 * Status, Currency, Total, Created at, Lineitem quantity, Lineitem name, Lineitem price, Lineitem sku,
 * Cancelled at, Refunded Amount, Source}; times such as {@code 2023-01-15 10:23:45 -0500}.
 *
 * <p>Rules: an order is a {@code Name} (its rows form one group). The row with {@code Created at} carries
 * the order: customer = Email lower-cased (none: a guest), order amount = Total, refunded = Refunded
 * Amount, source = Source, and the status: Cancelled at set → CANCELLED; else by Financial Status:
 * refunded → REFUNDED, voided → CANCELLED, pending or authorized → PLACED, paid or partially_refunded →
 * PAID, or SHIPPED when Fulfillment Status is fulfilled; any other status is rejected. Other rows are
 * lines only (order fields null, refunded 0). Every line is quantity × Lineitem price. A Currency other
 * than the shop's is rejected.
 */
public final class ShopifyOrders implements ImportFormat<OrderRow> {

    @Override
    public String kind() {
        return "orders";
    }

    @Override
    public String name() {
        return "shopify";
    }

    @Override
    public String describe() {
        return "Shopify orders export: header with Name, Email, Financial Status, Paid at, Fulfillment Status, Currency, "
                + "Total, Created at, Lineitem quantity, Lineitem name, Lineitem price, Lineitem sku, Cancelled at, "
                + "Refunded Amount, Source, one row per line item";
    }

    @Override
    public boolean recognises(List<String> header) {
        return Read.has(header, "Name") && Read.has(header, "Financial Status") && Read.has(header, "Created at")
                && Read.has(header, "Lineitem quantity") && Read.has(header, "Lineitem price");
    }

    @Override
    public String group(ImportRow row, ImportContext context) {
        String name = row.text("Name");
        return name.isEmpty() ? null : name;
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
        Currency currency = Read.currency(context);
        String rowCurrency = row.text("Currency");
        if (!rowCurrency.isEmpty() && !rowCurrency.equalsIgnoreCase(currency.getCurrencyCode())) {
            throw new CellRefused(Read.column(h, "Currency"), "Currency " + rowCurrency + " is not the shop's currency ("
                    + currency.getCurrencyCode() + "); import this file into a shop that sells in " + rowCurrency);
        }
        String name = Read.required(Read.column(h, "Name"), row.text("Name"));
        long quantity = Read.count(Read.column(h, "Lineitem quantity"), row.text("Lineitem quantity"));
        String priceColumn = Read.column(h, "Lineitem price");
        long unitPrice = Read.money(priceColumn, row.text("Lineitem price"), currency);
        long lineAmount = Read.times(Read.column(h, "Lineitem quantity"), quantity, unitPrice);
        String sku = row.text("Lineitem sku");
        String title = row.text("Lineitem name");
        String created = row.text("Created at");
        if (created.isEmpty()) {
            return ParsedRow.accept(new OrderRow(name, null, null, null, null, null, null, sku, title, quantity, unitPrice,
                    lineAmount, 0, null));
        }
        Instant createdAt = Read.instant(Read.column(h, "Created at"), created, context.shop().timeZone());
        Instant paidAt = Read.instantOrNull(Read.column(h, "Paid at"), row.text("Paid at"), context.shop().timeZone());
        Order.Status status = status(row, h);
        Long total = Read.money(Read.column(h, "Total"), row.text("Total"), currency, null);
        long refunded = Read.money(Read.column(h, "Refunded Amount"), row.text("Refunded Amount"), currency, 0L);
        String email = row.text("Email");
        return ParsedRow.accept(new OrderRow(name, email.isEmpty() ? null : email.toLowerCase(Locale.ROOT), createdAt,
                paidAt, status, total, Read.orNull(row.text("Source")), sku, title, quantity, unitPrice, lineAmount,
                refunded, null));
    }

    private static Order.Status status(ImportRow row, List<String> h) {
        if (!row.text("Cancelled at").isEmpty()) {
            return Order.Status.CANCELLED;
        }
        String column = Read.column(h, "Financial Status");
        String financial = Read.lower(row.text("Financial Status")).replace(' ', '_');
        switch (financial) {
            case "refunded":
                return Order.Status.REFUNDED;
            case "voided":
                return Order.Status.CANCELLED;
            case "pending":
            case "authorized":
                return Order.Status.PLACED;
            case "paid":
            case "partially_refunded":
                return Read.lower(row.text("Fulfillment Status")).equals("fulfilled") ? Order.Status.SHIPPED
                        : Order.Status.PAID;
            default:
                throw new CellRefused(column, financial.isEmpty() ? column + " is empty"
                        : column + " '" + row.text("Financial Status") + "' is not one of paid, partially_refunded, "
                        + "refunded, voided, pending, authorized");
        }
    }

    @Override
    public WriteResult write(ImportBatch<OrderRow> batch) {
        return batch.core().orders(batch.records());
    }
}
