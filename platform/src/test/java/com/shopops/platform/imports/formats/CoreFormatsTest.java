package com.shopops.platform.imports.formats;

import static com.shopops.platform.imports.formats.Rows.UK;
import static com.shopops.platform.imports.formats.Rows.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ImportFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreFormatsTest {

    /** A sample first row per format, keyed by kind/name. */
    static final Map<String, List<String>> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("orders/online-retail", OnlineRetailOrdersTest.V1);
        SAMPLES.put("orders/shopify", ShopifyOrdersTest.HEADER);
        SAMPLES.put("orders/taobao", TaobaoOrdersTest.HEADER);
        SAMPLES.put("traffic/sycm-traffic", SycmTrafficTest.BY_SOURCE);
        SAMPLES.put("events/user-behavior", List.of("1", "2268318", "2520377", "pv", "1511544070"));
        SAMPLES.put("orders/generic", GenericFormatTest.ORDERS);
        SAMPLES.put("products/generic", header("sku,title,category,price,cost,stock,status,listed_on"));
        SAMPLES.put("traffic/generic", header("day,source,uv,pv,bounce_rate,avg_stay_seconds,buyers,paid_amount"));
        SAMPLES.put("events/generic", header("user_id,item_id,category_id,type,at"));
        SAMPLES.put("reviews/generic", header("review_id,sku,rating,text,day"));
        SAMPLES.put("refunds/generic", header("refund_id,order_id,at,amount,reason"));
        SAMPLES.put("targets/generic", header("from,to,metric,value"));
    }

    private static String key(ImportFormat<?> f) {
        return f.kind() + "/" + f.name();
    }

    @Test
    void everyCoreFormatOnceWithADescription() {
        List<ImportFormat<?>> all = CoreFormats.all();
        assertEquals(List.copyOf(SAMPLES.keySet()), all.stream().map(CoreFormatsTest::key).toList());
        all.forEach(f -> assertFalse(f.describe().isBlank(), key(f)));
    }

    @Test
    void eachFormatRecognisesItsOwnFirstRowAndNoOtherFormats() {
        for (ImportFormat<?> format : CoreFormats.all()) {
            for (Map.Entry<String, List<String>> sample : SAMPLES.entrySet()) {
                boolean own = sample.getKey().equals(key(format));
                assertEquals(own, format.recognises(sample.getValue()),
                        () -> key(format) + (own ? " should" : " should not") + " recognise the " + sample.getKey() + " sample");
            }
        }
    }

    @Test
    void theOnlineRetailTwoAndMinimalSamplesAreNotTakenByAnotherFormat() {
        List<List<String>> more = List.of(OnlineRetailOrdersTest.V2, TaobaoOrdersTest.MINIMAL, SycmTrafficTest.SHOP,
                SycmTrafficTest.BY_SOURCE_NAME, header("order_id,created_at,quantity,unit_price"), header("sku,title"));
        for (List<String> sample : more) {
            assertEquals(1, CoreFormats.all().stream().filter(f -> f.recognises(sample)).count(), sample::toString);
        }
    }

    @Test
    void everyFormatWritesThroughTheCoreWriterOfItsKind() {
        Map<String, Long> byKind = Map.of("orders", 1L, "products", 2L, "traffic", 3L, "events", 4L, "reviews", 5L,
                "refunds", 6L, "targets", 7L);
        for (ImportFormat<?> format : CoreFormats.all()) {
            assertEquals(byKind.get(format.kind()), write(format), key(format));
        }
    }

    private static <R> long write(ImportFormat<R> format) {
        return format.write(new ImportFormat.ImportBatch<>(null, UK, List.of(), new FakeWriter())).imported();
    }

    @Test
    void theDefaultCheckRefusesAForeignHeaderSayingWhatItExpects() throws Exception {
        OnlineRetailOrders f = new OnlineRetailOrders();
        f.check(Rows.context(UK, OnlineRetailOrdersTest.V1));
        var refused = org.junit.jupiter.api.Assertions.assertThrows(com.shopops.api.ImportRefused.class,
                () -> f.check(Rows.context(UK, ShopifyOrdersTest.HEADER)));
        assertTrue(refused.getMessage().startsWith("test.csv is not a online-retail file: UCI Online Retail orders"));
    }
}
