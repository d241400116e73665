package com.shopops.platform.imports.formats;

import static com.shopops.platform.imports.formats.Rows.TMALL;
import static com.shopops.platform.imports.formats.Rows.UK;
import static com.shopops.platform.imports.formats.Rows.accepted;
import static com.shopops.platform.imports.formats.Rows.context;
import static com.shopops.platform.imports.formats.Rows.header;
import static com.shopops.platform.imports.formats.Rows.rejected;
import static com.shopops.platform.imports.formats.Rows.row;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ImportContext;
import com.shopops.api.ImportRefused;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.data.ReviewRow;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericFormatTest {

    static final List<String> ORDERS = header("order_id,customer,created_at,paid_at,status,order_amount,source,sku,title,"
            + "quantity,unit_price,line_amount,refunded,refund_reason");

    private final GenericFormat<OrderRow> orders = GenericFormat.orders();

    @Test
    void oneInstancePerKindAllNamedGeneric() {
        assertEquals(List.of("orders", "products", "traffic", "events", "reviews", "refunds", "targets"),
                GenericFormat.all().stream().map(GenericFormat::kind).toList());
        GenericFormat.all().forEach(f -> assertEquals("generic", f.name()));
        assertEquals("any CSV with a header, columns mapped with column.<field>=<header text> (default: the field's name); "
                + "products fields (* required): sku*, title*, category, price, cost, stock, status, listed_on",
                GenericFormat.products().describe());
    }

    @Test
    void ordersWithEveryField() {
        OrderRow r = accepted(orders.parse(row(ORDERS, "SO-1,17850.0,2024-05-01 10:20:30,2024-05-01 10:25:00,shipped,"
                + "25.00,search,MUG-WHT,Ceramic Mug,2,12.00,24.00,5.00,broken handle"), context(UK, ORDERS)));
        assertEquals(new OrderRow("SO-1", "17850", Instant.parse("2024-05-01T09:20:30Z"), Instant.parse("2024-05-01T09:25:00Z"),
                Order.Status.SHIPPED, 2500L, "search", "MUG-WHT", "Ceramic Mug", 2, 1200, 2400, 500, "broken handle"), r);
        assertEquals("SO-1", orders.group(row(ORDERS, "SO-1,,,,,,,,,,,,,"), context(UK, ORDERS)));
    }

    @Test
    void ordersWithOnlyTheRequiredFieldsTakeTheDefaults() {
        List<String> h = header("order_id,created_at,quantity,unit_price");
        OrderRow r = accepted(orders.parse(row(h, "SO-2,2024-05-01 10:20,3,1.50"), context(UK, h)));
        assertEquals(new OrderRow("SO-2", null, Instant.parse("2024-05-01T09:20:00Z"), null, Order.Status.PAID, null, null,
                "", "", 3, 150, 450, 0, null), r);
    }

    @Test
    void orderStatusesAndTheirRejection() {
        ImportContext ctx = context(UK, ORDERS);
        for (Order.Status s : Order.Status.values()) {
            assertEquals(s, accepted(orders.parse(row(ORDERS, "SO-1,,2024-05-01 10:20,," + s.name().toLowerCase()
                    + ",,,,,1,1.00,,,"), ctx)).status());
        }
        rejected(orders.parse(row(ORDERS, "SO-1,,2024-05-01 10:20,,sent,,,,,1,1.00,,,"), ctx), "status",
                "status 'sent' is not one of PLACED, PAID, SHIPPED, COMPLETED, CANCELLED, REFUNDED");
        rejected(orders.parse(row(ORDERS, ",,2024-05-01 10:20,,,,,,,1,1.00,,,"), ctx), "order_id", "order_id is empty");
        rejected(orders.parse(row(ORDERS, "SO-1,,,,,,,,,1,1.00,,,"), ctx), "created_at", "created_at is empty");
        rejected(orders.parse(row(ORDERS, "SO-1,,2024-05-01 10:20,,,,,,,,1.00,,,"), ctx), "quantity", "quantity is empty");
        rejected(orders.parse(row(ORDERS, "SO-1,,2024-05-01 10:20,,,,,,,1,,,,"), ctx), "unit_price", "unit_price is empty");
        rejected(orders.parse(row(ORDERS, "SO-1,,2024-05-01 10:20,,,,,,,1,1.00,x,,"), ctx), "line_amount", "line_amount 'x'");
    }

    @Test
    void aMappingReadsOtherHeaderNamesAndRejectionsNameTheFilesColumn() {
        List<String> h = header("Bestellnummer,Datum,Menge,Preis,Kunde");
        Map<String, String> mapping = Map.of("column.order_id", "Bestellnummer", "column.created_at", "Datum",
                "column.quantity", "Menge", "column.unit_price", "Preis", "column.customer", "Kunde", "encoding", "UTF-8");
        ImportContext ctx = context(UK, h, mapping);
        assertDoesNotThrow(() -> orders.check(ctx));
        OrderRow r = accepted(orders.parse(row(h, "B-7,2024-05-01 10:20,2,3.00,K1"), ctx));
        assertEquals("B-7", r.orderId());
        assertEquals("K1", r.customer());
        assertEquals(600, r.lineAmount());
        rejected(orders.parse(row(h, "B-7,2024-05-01 10:20,zwei,3.00,K1"), ctx), "Menge", "Menge 'zwei' is not a whole number");
        assertEquals("B-7", orders.group(row(h, "B-7,2024-05-01 10:20,2,3.00,K1"), ctx));
    }

    @Test
    void checkRefusesMissingColumnsSayingWhatToMap() {
        List<String> h = header("Bestellnummer,Datum,Menge,Preis");
        ImportRefused refused = assertThrows(ImportRefused.class, () -> orders.check(context(UK, h)));
        assertEquals("test.csv cannot be read as generic orders: no column for the required order_id, created_at, quantity, "
                + "unit_price; set column.order_id=<header text>, column.created_at=<header text>, "
                + "column.quantity=<header text>, column.unit_price=<header text>. "
                + "The header found is: Bestellnummer, Datum, Menge, Preis", refused.getMessage());
        ImportRefused partly = assertThrows(ImportRefused.class, () -> orders.check(context(UK, h,
                Map.of("column.order_id", "Bestellnummer", "column.created_at", "Datum", "column.quantity", "Menge"))));
        assertTrue(partly.getMessage().contains("no column for the required unit_price; set column.unit_price=<header text>"),
                partly.getMessage());
    }

    @Test
    void checkRefusesUnknownMappingKeysAndMappedColumnsTheFileLacks() {
        ImportRefused typo = assertThrows(ImportRefused.class, () -> orders.check(context(UK, ORDERS,
                Map.of("column.unitprice", "Preis"))));
        assertTrue(typo.getMessage().contains("unknown mapping column.unitprice (generic orders has the fields order_id, "
                + "customer, created_at"), typo.getMessage());
        ImportRefused absent = assertThrows(ImportRefused.class, () -> orders.check(context(UK, ORDERS,
                Map.of("column.customer", "Kunde"))));
        assertTrue(absent.getMessage().contains("the mapping names columns the file does not have: column.customer=Kunde"),
                absent.getMessage());
        assertDoesNotThrow(() -> orders.check(context(UK, ORDERS)));
        assertDoesNotThrow(() -> orders.check(context(UK, List.of(" Order_ID ", "CREATED_AT", "quantity", "unit_price"))));
    }

    @Test
    void recognisesItsOwnFieldNamesAndDefersToTheMoreSpecificKind() {
        assertTrue(orders.recognises(ORDERS));
        assertFalse(GenericFormat.products().recognises(ORDERS), "an orders file has sku and title but is orders");
        assertTrue(GenericFormat.products().recognises(header("sku,title,price")));
        assertFalse(orders.recognises(header("order_id,created_at,quantity")));
    }

    @Test
    void products() {
        GenericFormat<Product> f = GenericFormat.products();
        List<String> h = header("sku,title,category,price,cost,stock,status,listed_on");
        ImportContext ctx = context(UK, h);
        assertEquals(new Product(0, 0, "MUG-WHT", "Ceramic Mug", "Kitchen/Mugs", 1200L, 410L, 140, Product.Status.LISTED,
                LocalDate.of(2022, 9, 1)), accepted(f.parse(row(h, "MUG-WHT,Ceramic Mug,Kitchen/Mugs,12.00,4.10,140,listed,2022-09-01"), ctx)));
        assertEquals(new Product(0, 0, "TPT", "Teapot", null, null, null, null, Product.Status.DELISTED, null),
                accepted(f.parse(row(h, "TPT,Teapot,,,,,DELISTED,"), ctx)));
        assertEquals(Product.Status.LISTED, accepted(f.parse(row(h, "TPT,Teapot,,,,,,"), ctx)).status());
        rejected(f.parse(row(h, "TPT,Teapot,,,,,sold out,"), ctx), "status", "status 'sold out' is not listed or delisted");
        rejected(f.parse(row(h, ",Teapot,,,,,,"), ctx), "sku", "sku is empty");
        rejected(f.parse(row(h, "TPT,,,,,,,"), ctx), "title", "title is empty");
        rejected(f.parse(row(h, "TPT,Teapot,,,,1.5,,"), ctx), "stock", "not a whole number");
        rejected(f.parse(row(h, "TPT,Teapot,,,,99999999999,,"), ctx), "stock", "too large");
        rejected(f.parse(row(h, "TPT,Teapot,,,,,,someday"), ctx), "listed_on", "listed_on 'someday' is not a date");
        assertEquals(2, f.write(new com.shopops.api.ImportFormat.ImportBatch<>(null, UK, List.of(), new FakeWriter())).imported());
    }

    @Test
    void traffic() {
        GenericFormat<TrafficDay> f = GenericFormat.traffic();
        List<String> h = header("day,source,uv,pv,bounce_rate,avg_stay_seconds,buyers,paid_amount");
        ImportContext ctx = context(TMALL, h);
        assertEquals(new TrafficDay(0, LocalDate.of(2024, 5, 1), "search", 100, 250, 0.45, 65.0, 3, 29700),
                accepted(f.parse(row(h, "2024-05-01,search,100,250,45%,00:01:05,3,297.00"), ctx)));
        assertEquals(new TrafficDay(0, LocalDate.of(2024, 5, 1), "all", 100, 250, null, null, 0, 0),
                accepted(f.parse(row(h, "20240501,,100,250,,,,"), ctx)));
        rejected(f.parse(row(h, "2024-05-01,,-1,250,,,,"), ctx), "uv", "uv -1 is negative");
        rejected(f.parse(row(h, "2024-05-01,,1,,,,,"), ctx), "pv", "pv is empty");
        rejected(f.parse(row(h, "2024-05-01,,1,2,1.5,,,"), ctx), "bounce_rate", "is not between 0 and 1");
        rejected(f.parse(row(h, ",,1,2,,,,"), ctx), "day", "day is empty");
    }

    @Test
    void events() {
        GenericFormat<BehaviourEvent> f = GenericFormat.events();
        List<String> h = header("user_id,item_id,category_id,type,at");
        ImportContext ctx = context(TMALL, h);
        assertEquals(new BehaviourEvent(0, "u1", "i1", "c1", BehaviourEvent.Type.VIEW, Instant.ofEpochSecond(1511544070)),
                accepted(f.parse(row(h, "u1,i1,c1,pv,1511544070"), ctx)));
        assertEquals(new BehaviourEvent(0, "u1", "i1", "", BehaviourEvent.Type.FAVOURITE, Instant.parse("2024-05-01T02:20:30Z")),
                accepted(f.parse(row(h, "u1,i1,,Favourite,2024-05-01 10:20:30"), ctx)));
        assertEquals(BehaviourEvent.Type.VIEW, accepted(f.parse(row(h, "u1,i1,,view,1511544070"), ctx)).type());
        assertEquals(BehaviourEvent.Type.FAVOURITE, accepted(f.parse(row(h, "u1,i1,,fav,1511544070"), ctx)).type());
        assertEquals(BehaviourEvent.Type.CART, accepted(f.parse(row(h, "u1,i1,,cart,1511544070"), ctx)).type());
        assertEquals(BehaviourEvent.Type.BUY, accepted(f.parse(row(h, "u1,i1,,BUY,1511544070"), ctx)).type());
        rejected(f.parse(row(h, "u1,i1,,click,1511544070"), ctx), "type", "type 'click' is not one of view (pv), favourite (fav), cart, buy");
        rejected(f.parse(row(h, "u1,i1,,pv,123"), ctx), "at", "at 123 is not Unix seconds between 2000 and 2100");
        rejected(f.parse(row(h, "u1,i1,,pv,tomorrow"), ctx), "at", "at 'tomorrow' is not a date and time");
        rejected(f.parse(row(h, ",i1,,pv,1511544070"), ctx), "user_id", "user_id is empty");
    }

    @Test
    void reviews() {
        GenericFormat<ReviewRow> f = GenericFormat.reviews();
        List<String> h = header("review_id,sku,rating,text,day");
        ImportContext ctx = context(TMALL, h);
        assertEquals(new ReviewRow("R1", "MUG-WHT", 5, "很好", LocalDate.of(2024, 5, 1)),
                accepted(f.parse(row(h, "R1,MUG-WHT,5,很好,2024-05-01"), ctx)));
        assertEquals(new ReviewRow(null, "MUG-WHT", 1, "", LocalDate.of(2024, 5, 1)),
                accepted(f.parse(row(h, ",MUG-WHT,1,,2024/5/1"), ctx)));
        rejected(f.parse(row(h, "R1,MUG-WHT,6,,2024-05-01"), ctx), "rating", "rating 6 is not between 1 and 5");
        rejected(f.parse(row(h, "R1,MUG-WHT,0,,2024-05-01"), ctx), "rating", "not between 1 and 5");
        rejected(f.parse(row(h, "R1,,5,,2024-05-01"), ctx), "sku", "sku is empty");
    }

    @Test
    void refunds() {
        GenericFormat<RefundRow> f = GenericFormat.refunds();
        List<String> h = header("refund_id,order_id,at,amount,reason");
        ImportContext ctx = context(TMALL, h);
        assertEquals(new RefundRow("RF1", "3712040588812345601", Instant.parse("2024-05-03T13:11:00Z"), 12900, "尺码不合适"),
                accepted(f.parse(row(h, "RF1,=\"3712040588812345601\",2024-05-03 21:11,129.00,尺码不合适"), ctx)));
        assertEquals(new RefundRow(null, "O1", Instant.parse("2024-05-03T13:11:00Z"), 100, null),
                accepted(f.parse(row(h, ",O1,2024-05-03 21:11,1,"), ctx)));
        rejected(f.parse(row(h, ",O1,2024-05-03 21:11,,"), ctx), "amount", "amount is empty");
    }

    @Test
    void targets() {
        GenericFormat<Target> f = GenericFormat.targets();
        List<String> h = header("from,to,metric,value");
        ImportContext ctx = context(TMALL, h);
        assertEquals(new Target(0, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), "sales", 50_000_000),
                accepted(f.parse(row(h, "2024-05-01,2024-05-31,sales,500000"), ctx)));
        assertEquals(12_850, accepted(f.parse(row(h, "2024-05-01,2024-05-31,aov,128.50"), ctx)).value());
        assertEquals(0.035, accepted(f.parse(row(h, "2024-05-01,2024-05-31,conversionRate,3.5%"), ctx)).value(), 1e-12);
        assertEquals(0.6, accepted(f.parse(row(h, "2024-05-01,2024-05-31,bounceRate,0.6"), ctx)).value(), 1e-12);
        assertEquals(120_000, accepted(f.parse(row(h, "2024-05-01,2024-05-31,uv,120000"), ctx)).value());
        assertEquals(3_000, accepted(f.parse(row(h, "2024-05-01,2024-05-31,orders,3000"), ctx)).value());
        rejected(f.parse(row(h, "2024-05-01,2024-05-31,uv,1.5"), ctx), "value", "not a whole number");
        rejected(f.parse(row(h, "2024-05-01,2024-05-31,sales,12.345"), ctx), "value", "more decimals than CNY has");
        rejected(f.parse(row(h, "2024-05-01,2024-05-31,happiness,1"), ctx), "metric", "metric 'happiness' is not a known metric");
        rejected(f.parse(row(h, "2024-05-31,2024-05-01,sales,1"), ctx), "to", "to 2024-05-01 is before from 2024-05-31");
    }
}
