package com.shopops.platform.imports.formats;

import static com.shopops.platform.imports.formats.Rows.TMALL;
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

class TaobaoOrdersTest {

    static final List<String> HEADER = header("订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,"
            + "宝贝总数量,商家编码,退款金额,订单关闭原因,总金额");
    static final List<String> MINIMAL = header("订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,宝贝总数量");

    private final TaobaoOrders format = new TaobaoOrders();
    private final ImportContext tmall = context(TMALL, HEADER);

    private ParsedRow<OrderRow> parse(String line) {
        return format.parse(row(HEADER, line), tmall);
    }

    private static String line(String id, String status, String paidAt, String paid, String qty, String refund, String reason) {
        return String.join(",", id, "tb_老王", paid, status, "2024-05-01 10:20:30", paidAt, "夏季新款纯棉短袖T恤", qty,
                "TX-01", refund, reason, paid);
    }

    private Order.Status status(String text, String paidAt) {
        return accepted(parse(line("1", text, paidAt, "59.00", "1", "", ""))).status();
    }

    @Test
    void recognisesTheChineseHeader() {
        assertEquals("taobao", format.name());
        assertEquals("orders", format.kind());
        assertTrue(format.recognises(HEADER));
        assertTrue(format.recognises(MINIMAL));
        assertFalse(format.recognises(header("订单编号,买家会员名,订单状态,订单创建时间")));
        assertNull(format.group(row(HEADER, line("1", "交易成功", "", "1", "1", "", "")), tmall));
    }

    @Test
    void anOrderIsOneLine() {
        OrderRow r = accepted(parse(line("=\"3712040588812345601\"", "交易成功", "2024/5/1 10:21", "100.00", "3", "20.00", "")));
        assertEquals(new OrderRow("3712040588812345601", "tb_老王", Instant.parse("2024-05-01T02:20:30Z"),
                Instant.parse("2024-05-01T02:21:00Z"), Order.Status.COMPLETED, 10000L, null, "TX-01", "夏季新款纯棉短袖T恤",
                3, 3333, 10000, 2000, null), r);
    }

    @Test
    void unitPriceIsRoundedHalfUp() {
        assertEquals(3334, accepted(parse(line("1", "交易成功", "", "100.02", "3", "", ""))).unitPrice()); // 3334.0
        assertEquals(1667, accepted(parse(line("1", "交易成功", "", "50.01", "3", "", ""))).unitPrice()); // 1667.0
        assertEquals(17, accepted(parse(line("1", "交易成功", "", "0.33", "2", "", ""))).unitPrice()); // 16.5 → 17
        assertEquals(16, accepted(parse(line("1", "交易成功", "", "0.49", "3", "", ""))).unitPrice()); // 16.33 → 16
    }

    @Test
    void idsLoseTheirSpreadsheetMangling() {
        assertEquals("3712040588812345602", accepted(parse(line("'3712040588812345602", "交易成功", "", "1", "1", "", ""))).orderId());
        assertEquals("3712040588812345603", accepted(parse(line("\t3712040588812345603", "交易成功", "", "1", "1", "", ""))).orderId());
        assertEquals("3712040588812345604", accepted(parse(line("3712040588812345604\t", "交易成功", "", "1", "1", "", ""))).orderId());
        rejected(parse(line("3.71204E+18", "交易成功", "", "1", "1", "", "")), "订单编号", "was turned into a number by a spreadsheet");
        rejected(parse(line("", "交易成功", "", "1", "1", "", "")), "订单编号", "订单编号 is empty");
    }

    @Test
    void statusByWhatTheTextContains() {
        assertEquals(Order.Status.PLACED, status("等待买家付款", ""));
        assertEquals(Order.Status.PAID, status("买家已付款，等待卖家发货", "2024-05-01 10:21:00"));
        assertEquals(Order.Status.SHIPPED, status("卖家已发货，等待买家确认", "2024-05-01 10:21:00"));
        assertEquals(Order.Status.COMPLETED, status("交易成功", "2024-05-01 10:21:00"));
        assertEquals(Order.Status.CANCELLED, status("交易关闭", ""));
        assertEquals(Order.Status.REFUNDED, status("交易关闭", "2024-05-01 10:21:00"));
        assertEquals(Order.Status.REFUNDED, status("付款以后用户退款成功，交易自动关闭", "2024-05-01 10:21:00"));
        rejected(parse(line("1", "已评价", "", "1", "1", "", "")), "订单状态",
                "订单状态 '已评价' is not a known status (等待买家付款, 买家已付款, 卖家已发货, 交易成功, 交易关闭");
        rejected(parse(line("1", "", "", "1", "1", "", "")), "订单状态", "订单状态 is empty");
    }

    @Test
    void refundAndItsReason() {
        OrderRow r = accepted(parse(line("1", "交易关闭", "2024-05-01 10:21:00", "129.00", "1", "129.00", "买家申请退款")));
        assertEquals(Order.Status.REFUNDED, r.status());
        assertEquals(12900, r.refunded());
        assertEquals("买家申请退款", r.refundReason());
    }

    @Test
    void optionalColumnsMayBeAbsent() {
        OrderRow r = accepted(format.parse(row(MINIMAL, "1,买家A,59.00,交易成功,2024/5/1 10:20,2024/5/1 10:21,T恤,1"),
                context(TMALL, MINIMAL)));
        assertEquals("", r.sku());
        assertEquals(0, r.refunded());
        assertNull(r.refundReason());
        assertEquals(Instant.parse("2024-05-01T02:20:00Z"), r.createdAt());
    }

    @Test
    void badCellsAreRejectedWithTheirColumn() {
        rejected(parse(line("1", "交易成功", "", "abc", "1", "", "")), "买家实际支付金额", "买家实际支付金额 'abc' is not an amount of money");
        rejected(parse(line("1", "交易成功", "", "59.001", "1", "", "")), "买家实际支付金额", "more decimals than CNY has (2)");
        rejected(parse(line("1", "交易成功", "", "59.00", "两", "", "")), "宝贝总数量", "宝贝总数量 '两' is not a whole number");
        rejected(parse(line("1", "交易成功", "", "59.00", "0", "", "")), "宝贝总数量", "宝贝总数量 0 is not at least 1");
        rejected(parse(line("1", "交易成功", "昨天", "59.00", "1", "", "")), "订单付款时间", "订单付款时间 '昨天' is not a date and time");
        rejected(parse(line("1", "交易成功", "", "59.00", "1", "x", "")), "退款金额", "退款金额 'x' is not an amount of money");
        rejected(parse("1,买家,59.00,交易成功,,,T恤,1,,,,59.00"), "订单创建时间", "订单创建时间 is empty");
    }
}
