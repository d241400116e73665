package com.shopops.platform.imports.formats;

import static com.shopops.platform.imports.formats.Rows.TMALL;
import static com.shopops.platform.imports.formats.Rows.UK;
import static com.shopops.platform.imports.formats.Rows.US;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ImportContext;
import com.shopops.api.ParsedRow;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.imports.formats.Rows.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sample files of {@code src/test/resources/imports/} give the figures their README states (computed
 * there with a script over the raw file), so the engine's end-to-end tests can rely on them.
 */
class SampleFilesTest {

    private static final Charset GBK = Charset.forName("GBK");

    private static Map<Order.Status, Long> statuses(List<OrderRow> lines) {
        return lines.stream().filter(r -> r.status() != null)
                .collect(Collectors.groupingBy(OrderRow::status, Collectors.counting()));
    }

    @Test
    void shopifyOrders() {
        List<Outcome<OrderRow>> rows = Rows.parse(new ShopifyOrders(), US, "/imports/shopify-orders.csv",
                StandardCharsets.UTF_8, 0, Map.of());
        assertEquals(16, rows.size());
        List<OrderRow> lines = Rows.records(rows);
        assertEquals(16, lines.size());
        assertEquals(10, lines.stream().map(OrderRow::orderId).distinct().count());
        List<OrderRow> firsts = lines.stream().filter(r -> r.createdAt() != null).toList();
        assertEquals(10, firsts.size());
        assertEquals(40_367, firsts.stream().mapToLong(OrderRow::orderAmount).sum());
        assertEquals(35_345, lines.stream().mapToLong(OrderRow::lineAmount).sum());
        assertEquals(5_388, firsts.stream().mapToLong(OrderRow::refunded).sum());
        assertEquals(Map.of(Order.Status.SHIPPED, 4L, Order.Status.PAID, 2L, Order.Status.PLACED, 2L,
                Order.Status.REFUNDED, 1L, Order.Status.CANCELLED, 1L), statuses(lines));
        assertEquals(1, firsts.stream().filter(r -> r.customer() == null).count());
        assertEquals(8, firsts.stream().map(OrderRow::customer).filter(Objects::nonNull).distinct().count());
        assertTrue(firsts.stream().anyMatch(r -> "bob.smith@example.com".equals(r.customer())));
        assertEquals(List.of("#1001", "#1001"), rows.subList(0, 2).stream().map(Outcome::group).toList());
    }

    @Test
    void taobaoOrdersInGbk() {
        List<Outcome<OrderRow>> rows = Rows.parse(new TaobaoOrders(), TMALL, "/imports/taobao-orders-gbk.csv", GBK, 0, Map.of());
        List<OrderRow> orders = Rows.records(rows);
        assertEquals(10, orders.size());
        assertEquals(128_690, orders.stream().mapToLong(OrderRow::orderAmount).sum());
        assertEquals(40_700, orders.stream().mapToLong(OrderRow::refunded).sum());
        assertEquals(19, orders.stream().mapToLong(OrderRow::quantity).sum());
        assertEquals(7, orders.stream().map(OrderRow::customer).distinct().count());
        assertEquals(Map.of(Order.Status.PLACED, 1L, Order.Status.PAID, 1L, Order.Status.SHIPPED, 1L,
                Order.Status.COMPLETED, 4L, Order.Status.CANCELLED, 1L, Order.Status.REFUNDED, 2L), statuses(orders));
        assertEquals("3712040588812345601", orders.get(0).orderId());
        assertEquals("3712040588812345610", orders.get(9).orderId());
        assertEquals(3333, orders.get(4).unitPrice()); // 100.00 / 3
        assertEquals("买家申请退款", orders.get(7).refundReason());
        assertEquals("", orders.get(5).sku());
    }

    @Test
    void sycmTrafficWithItsPreamble() {
        List<Outcome<TrafficDay>> rows = Rows.parse(new SycmTraffic(), TMALL, "/imports/sycm-traffic.csv",
                StandardCharsets.UTF_8, 2, Map.of());
        assertTrue(new SycmTraffic().recognises(Rows.csv("/imports/sycm-traffic.csv", StandardCharsets.UTF_8).get(2)
                .getFields()));
        List<TrafficDay> days = Rows.records(rows);
        assertEquals(28, days.size());
        assertEquals(21_837, days.stream().mapToLong(TrafficDay::uv).sum());
        assertEquals(59_038, days.stream().mapToLong(TrafficDay::pv).sum());
        assertEquals(631, days.stream().mapToLong(TrafficDay::buyers).sum());
        assertEquals(7_276_913, days.stream().mapToLong(TrafficDay::paidAmount).sum());
        Map<String, Long> uvBySource = days.stream()
                .collect(Collectors.groupingBy(TrafficDay::source, LinkedHashMap::new, Collectors.summingLong(TrafficDay::uv)));
        assertEquals(Map.of("手淘搜索", 12_281L, "直通车", 3_999L, "聚划算", 3_692L, "直接访问", 1_865L), uvBySource);
        assertEquals(7, days.stream().map(TrafficDay::day).distinct().count());
        assertTrue(days.stream().allMatch(d -> d.bounceRate() > 0 && d.bounceRate() < 1));
    }

    @Test
    void genericProductsWithItsMapping() throws IOException {
        Properties mapping = new Properties();
        try (InputStream in = SampleFilesTest.class.getResourceAsStream("/imports/generic-products.properties")) {
            mapping.load(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8));
        }
        Map<String, String> options = new HashMap<>();
        mapping.stringPropertyNames().forEach(k -> options.put(k, mapping.getProperty(k)));
        GenericFormat<Product> format = GenericFormat.products();
        List<String> header = Rows.csv("/imports/generic-products.csv", StandardCharsets.UTF_8).get(0).getFields();
        assertFalse(format.recognises(header)); // other names: only the mapping makes it readable
        assertDoesNotThrow(() -> format.check(new ImportContext(UK, "generic-products.csv", header, options)));
        List<Product> products = Rows.records(Rows.parse(format, UK, "/imports/generic-products.csv", StandardCharsets.UTF_8,
                0, options));
        assertEquals(8, products.size());
        assertEquals(7, products.stream().filter(p -> p.status() == Product.Status.LISTED).count());
        assertEquals(585, products.stream().filter(p -> p.stock() != null).mapToLong(Product::stock).sum());
        assertEquals(14_655, products.stream().mapToLong(Product::price).sum());
        assertEquals(2, products.stream().filter(p -> p.cost() == null).count());
        assertEquals("Coaster Set, 4 pieces", products.get(2).title());
        assertNull(products.get(7).category());
    }

    @Test
    void badOrders() {
        List<Outcome<OrderRow>> rows = Rows.parse(new OnlineRetailOrders(), UK, "/imports/bad-orders.csv",
                StandardCharsets.UTF_8, 0, Map.of());
        assertEquals(13, rows.size());
        Map<Long, String> rejectedColumns = new LinkedHashMap<>();
        rows.forEach(o -> {
            if (o.parsed() instanceof ParsedRow.Rejected<OrderRow> r) {
                rejectedColumns.put(o.line(), r.column());
            }
        });
        assertEquals(Map.of(7L, "UnitPrice", 9L, "InvoiceDate", 10L, "Quantity", 11L, "InvoiceNo"), rejectedColumns);
        assertInstanceOf(ParsedRow.Skipped.class, rows.get(3).parsed()); // line 5: quantity -2 on 600002
        List<Outcome<OrderRow>> grouped = Rows.applyGroups(rows);
        assertEquals(6, Rows.count(grouped, ParsedRow.Rejected.class)); // and lines 6 and 8 with their invoice 600003
        assertEquals(1, Rows.count(grouped, ParsedRow.Skipped.class));
        List<OrderRow> imported = Rows.records(grouped);
        assertEquals(6, imported.size());
        assertEquals(List.of("600001", "600002", "600006"), imported.stream().map(OrderRow::orderId).distinct().toList());
        assertEquals(10_119, imported.stream().mapToLong(OrderRow::lineAmount).sum());
        assertNull(imported.get(5).customer());
    }
}
