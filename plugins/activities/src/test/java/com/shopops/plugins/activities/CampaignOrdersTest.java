package com.shopops.plugins.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.PluginRoutes.Answer;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.activities.ActivitiesRoutesTest.Harness;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A campaign's orders are orders, not products' orders added up: an order holding two of the campaign's products
 * is one campaign order, in the total, the days, the order share (活动订单比例) and the conversion, under both
 * attributions. On SQLite and PostgreSQL, over real HTTP, as of 2024-04-09.
 *
 * <p>Orders (10:00 Shanghai): T1 04-06 search HK-001 ×1 + HK-002 ×2; T2 04-07 search HK-003 ×1; L1 04-07 live-room
 * HK-001 ×1 + HK-002 ×1; L2 04-08 live-room HK-001 ×3; L3 04-08 live-room HK-003 ×1; X1 04-08 live-room HK-001 +
 * HK-002 cancelled. Shop orders 04-05..04-09: T1 T2 L1 L2 L3 = 5. Both campaigns sell HK-001 and HK-002.
 */
class CampaignOrdersTest {

    private static final String BY_DATES = """
            {"name":"套装日","kind":"own","channel":"own","liveFrom":"2024-04-05","liveTo":"2024-04-14",
             "products":[{"sku":"HK-001","allocated":40},{"sku":"HK-002","allocated":8}]}""";
    private static final String BY_TAG = """
            {"name":"直播间","kind":"own","channel":"own","liveFrom":"2024-04-05","liveTo":"2024-04-14","sourceTag":"live-room",
             "products":[{"sku":"HK-001","allocated":40},{"sku":"HK-002","allocated":8}]}""";

    @TempDir
    Path dir;

    private static OrderRow line(String id, String day, String source, Order.Status status, String sku, long qty, long price) {
        Instant at = Instant.parse(day + "T02:00:00Z");
        return new OrderRow(id, "c-" + id, at, at, status, null, source, sku, sku, qty, price, qty * price, 0, null);
    }

    private static long[] shop(Harness h) throws Exception {
        Order.Status ok = Order.Status.COMPLETED;
        h.db.database().jdbi().useTransaction(t -> new CoreTableWriter(t, h.shop).orders(List.of(
                line("T1", "2024-04-06", "search", ok, "HK-001", 1, 7_900),
                line("T1", "2024-04-06", "search", ok, "HK-002", 2, 19_900),
                line("T2", "2024-04-07", "search", ok, "HK-003", 1, 19_900),
                line("L1", "2024-04-07", "live-room", ok, "HK-001", 1, 7_900),
                line("L1", "2024-04-07", "live-room", ok, "HK-002", 1, 19_900),
                line("L2", "2024-04-08", "live-room", ok, "HK-001", 3, 7_900),
                line("L3", "2024-04-08", "live-room", ok, "HK-003", 1, 19_900),
                line("X1", "2024-04-08", "live-room", Order.Status.CANCELLED, "HK-001", 1, 7_900),
                line("X1", "2024-04-08", "live-room", Order.Status.CANCELLED, "HK-002", 1, 19_900))));
        long[] ids = {created(h, BY_DATES), created(h, BY_TAG)};
        new CampaignStore(h.db.database().jdbi()).writeResults(h.shop.id(), List.of(
                new CampaignResult("套装日", LocalDate.of(2024, 4, 6), 100, 1000, 30, 0, 0),
                new CampaignResult("直播间", LocalDate.of(2024, 4, 7), 100, 1000, 30, 0, 0)));
        return ids;
    }

    private static long created(Harness h, String body) throws Exception {
        Answer r = h.http.post("/campaigns", body);
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asLong();
    }

    private static JsonNode progress(Harness h, long id) throws Exception {
        Answer r = h.http.get("/campaigns/" + id + "/progress?asOf=2024-04-09");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<String> days(JsonNode p) {
        List<String> out = new ArrayList<>();
        p.get("days").forEach(d -> out.add(d.get("day").asText() + " " + d.get("units").asLong() + " " + d.get("orders").asLong()));
        return out;
    }

    private static List<Long> productOrders(JsonNode p) {
        List<Long> out = new ArrayList<>();
        p.get("products").forEach(x -> out.add(x.get("orders").asLong()));
        return out;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anOrderWithTwoCampaignProductsIsOneCampaignOrder(Kind kind) throws Exception {
        try (Harness h = new Harness(kind, dir)) {
            long[] ids = shop(h);

            // By dates: T1, L1 and L2 are the campaign's orders, 3 (adding up the products' orders gave HK-001's
            // T1 L1 L2 + HK-002's T1 L1 = 5, every shop order of the range but the two HK-003 ones: a share of 5/5).
            JsonNode dates = progress(h, ids[0]);
            assertEquals("dates", dates.get("attribution").asText());
            assertEquals(3, dates.get("orders").asLong());
            assertEquals(3.0 / 5, dates.get("orderShare").asDouble(), 1e-12, "3 of the shop's 5 orders, not 5 of 5");
            assertEquals(3.0 / 100, dates.get("conversionRate").asDouble(), 1e-12, "orders ÷ UV 100");
            assertEquals(List.of(3L, 2L), productOrders(dates), "a product's orders stay those holding it");
            assertEquals(List.of("2024-04-05 0 0", "2024-04-06 3 1", "2024-04-07 2 1", "2024-04-08 3 1", "2024-04-09 0 0"),
                    days(dates));

            // By tag live-room: L1 and L2, 2 (adding up gave L1 twice: 3); X1 cancelled, L3 without a campaign product.
            JsonNode tagged = progress(h, ids[1]);
            assertEquals("sourceTag", tagged.get("attribution").asText());
            assertEquals(2, tagged.get("orders").asLong());
            assertEquals(2.0 / 5, tagged.get("orderShare").asDouble(), 1e-12, "2 of the shop's 5 orders, not 3");
            assertEquals(2.0 / 100, tagged.get("conversionRate").asDouble(), 1e-12);
            assertEquals(List.of(2L, 1L), productOrders(tagged));
            assertEquals(List.of("2024-04-05 0 0", "2024-04-06 0 0", "2024-04-07 2 1", "2024-04-08 3 1", "2024-04-09 0 0"),
                    days(tagged));

            // As of 04-06 only T1 counts: one campaign order, not two.
            JsonNode early = h.http.get("/campaigns/" + ids[0] + "/progress?asOf=2024-04-06").json();
            assertEquals(1, early.get("orders").asLong());
            assertEquals(1.0, early.get("orderShare").asDouble(), 1e-12, "T1 is the shop's only order of 04-05..04-06");
        }
    }
}
