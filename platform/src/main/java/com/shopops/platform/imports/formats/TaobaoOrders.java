package com.shopops.platform.imports.formats;

import com.shopops.api.CellRefused;
import com.shopops.api.Cells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Taobao / Tmall seller-centre order export (订单报表), one row per order, Chinese headers: 订单编号,
 * 买家会员名, 买家实际支付金额, 订单状态, 订单创建时间, 订单付款时间, 宝贝标题, 宝贝总数量, and where the
 * export has them 商家编码, 退款金额, 订单关闭原因 (others, e.g. 总金额, are not read).
 *
 * <p>Rules: the order id loses a spreadsheet's mangling ({@code ="…"}, apostrophe, tab); an id a
 * spreadsheet turned into a number ({@code 1.23457E+18}) is rejected. Status by what 订单状态 contains:
 * 等待买家付款 → PLACED, 买家已付款 → PAID, 卖家已发货 → SHIPPED, 交易成功 → COMPLETED, 交易关闭 or Tmall's
 * 付款以后用户退款成功，交易自动关闭 → REFUNDED when paid (付款时间 set), else CANCELLED; other text is
 * rejected. The order is one line: sku = 商家编码 or "", title = 宝贝标题, quantity = 宝贝总数量 (at least
 * 1), line amount = order amount = 买家实际支付金额, unit price = line amount ÷ quantity rounded half up;
 * refunded = 退款金额 (0 when absent), refund reason = 订单关闭原因. Times {@code 2024-05-01 10:20:30} or
 * {@code 2024/5/1 10:20}, shop-local.
 */
public final class TaobaoOrders implements ImportFormat<OrderRow> {

    static final String ID = "订单编号";
    static final String BUYER = "买家会员名";
    static final String PAID = "买家实际支付金额";
    static final String STATUS = "订单状态";
    static final String CREATED = "订单创建时间";
    static final String PAID_AT = "订单付款时间";
    static final String TITLE = "宝贝标题";
    static final String QUANTITY = "宝贝总数量";
    static final String SKU = "商家编码";
    static final String REFUNDED = "退款金额";
    static final String CLOSE_REASON = "订单关闭原因";

    private static final Pattern NUMBER_MANGLED = Pattern.compile("\\d(\\.\\d+)?[eE]\\+?\\d+");

    @Override
    public String kind() {
        return "orders";
    }

    @Override
    public String name() {
        return "taobao";
    }

    @Override
    public String describe() {
        return "Taobao/Tmall order export: header with 订单编号, 买家会员名, 买家实际支付金额, 订单状态, 订单创建时间, "
                + "订单付款时间, 宝贝标题, 宝贝总数量 (optional 商家编码, 退款金额, 订单关闭原因), one row per order";
    }

    @Override
    public boolean recognises(List<String> header) {
        return Read.has(header, ID) && Read.has(header, BUYER) && Read.has(header, PAID) && Read.has(header, STATUS)
                && Read.has(header, CREATED) && Read.has(header, TITLE) && Read.has(header, QUANTITY);
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
        String id = Read.required(ID, Cells.id(row.text(ID)));
        if (NUMBER_MANGLED.matcher(id).matches()) {
            throw new CellRefused(ID, ID + " '" + id + "' was turned into a number by a spreadsheet and lost its digits; "
                    + "export again or format the column as text");
        }
        ZoneId zone = context.shop().timeZone();
        Currency currency = Read.currency(context);
        Instant createdAt = Read.instant(CREATED, row.text(CREATED), zone);
        Instant paidAt = Read.instantOrNull(PAID_AT, row.text(PAID_AT), zone);
        Order.Status status = status(row.text(STATUS), paidAt != null);
        long quantity = Read.count(QUANTITY, row.text(QUANTITY));
        if (quantity < 1) {
            throw new CellRefused(QUANTITY, QUANTITY + " " + quantity + " is not at least 1");
        }
        long amount = Read.money(PAID, row.text(PAID), currency);
        long unitPrice = BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(quantity), 0, RoundingMode.HALF_UP)
                .longValueExact();
        long refunded = Read.money(REFUNDED, row.text(REFUNDED), currency, 0L);
        String buyer = row.text(BUYER);
        return ParsedRow.accept(new OrderRow(id, buyer.isEmpty() ? null : buyer, createdAt, paidAt, status, amount, null,
                row.text(SKU), row.text(TITLE), quantity, unitPrice, amount, refunded, Read.orNull(row.text(CLOSE_REASON))));
    }

    static Order.Status status(String text, boolean paid) {
        if (text.contains("交易成功")) {
            return Order.Status.COMPLETED;
        }
        if (text.contains("卖家已发货")) {
            return Order.Status.SHIPPED;
        }
        if (text.contains("买家已付款")) {
            return Order.Status.PAID;
        }
        if (text.contains("等待买家付款")) {
            return Order.Status.PLACED;
        }
        if (text.contains("交易关闭") || text.contains("交易自动关闭")) {
            return paid ? Order.Status.REFUNDED : Order.Status.CANCELLED;
        }
        throw new CellRefused(STATUS, text.isEmpty() ? STATUS + " is empty"
                : STATUS + " '" + text + "' is not a known status (等待买家付款, 买家已付款, 卖家已发货, 交易成功, 交易关闭, "
                + "付款以后用户退款成功，交易自动关闭)");
    }

    @Override
    public WriteResult write(ImportBatch<OrderRow> batch) {
        return batch.core().orders(batch.records());
    }
}
