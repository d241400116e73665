package com.shopops.platform.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.ShopSummary;
import com.shopops.api.domain.Order;
import com.shopops.platform.Installation;
import com.shopops.platform.config.Config;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo shop as written to a real database: what was generated is what is stored, the same for the same seed. */
class DemoSeederTest {

    private static final LocalDate LAST = LocalDate.of(2026, 11, 22);

    @TempDir
    Path dir;

    private Installation installation(Fresh f, String name) {
        Map<String, String> flags = new HashMap<>();
        flags.put("data", dir.resolve(name).toString());
        flags.put("db", f.url());
        flags.put("plugins", dir.resolve(name + "-plugins").toString());
        Installation installation = Installation.wire(Config.load(null, Map.of(), flags), Clock.systemUTC());
        installation.migrateCore();
        return installation;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theStoredShopIsTheGeneratedOne(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.fresh(kind, dir); Installation installation = installation(f, "a")) {
            DemoSeeder.Result made = new DemoSeeder(installation).create("demo", 7, 60, LAST, DemoSeeder.Progress.NONE);
            Shop shop = made.shop();
            DemoData expected = DemoShop.generate(shop, 7, LAST, 60);

            ShopSummary s = installation.data().summary(shop.id(), null, null);
            Map<String, Long> amounts = expected.orderRows().stream()
                    .filter(r -> r.status() != Order.Status.CANCELLED)
                    .collect(Collectors.groupingBy(OrderRow::orderId, Collectors.summingLong(OrderRow::lineAmount)));
            assertEquals(amounts.size(), s.orders());
            assertEquals(amounts.values().stream().mapToLong(Long::longValue).sum(), s.revenue());
            assertEquals(expected.orderRows().stream().filter(r -> r.status() != Order.Status.CANCELLED).count(), s.orderLines());
            assertEquals(LAST.minusDays(59), made.from());
            assertTrue(s.lastOrder().isAfter(LAST.minusDays(2)));
            assertEquals(expected.traffic().size(), installation.data().traffic(shop.id(), null, null).size());
            assertEquals(expected.products().size(), installation.data().products(shop.id()).size());
            assertEquals(expected.reviews().size(), installation.data().reviews(shop.id(), null, null).size());
            assertEquals(expected.targets().size(), installation.data().targets(shop.id()).size());
            long[] events = {0};
            installation.data().events(shop.id(), null, null, e -> events[0]++);
            assertEquals(expected.events().size(), events[0]);
            long customersWithOrders = installation.data().customers(shop.id()).stream().filter(c -> c.orders() > 0).count();
            assertEquals(s.customers(), customersWithOrders, "customer counts kept current by the writer");

            assertThrows(IllegalStateException.class,
                    () -> new DemoSeeder(installation).create("demo", 7, 60, LAST, DemoSeeder.Progress.NONE),
                    "the demo shop is there already");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSameSeedGivesTheSameShopInAnotherDatabase(Kind kind) throws Exception {
        try (Fresh one = TestDatabases.fresh(kind, dir); Installation a = installation(one, "a");
             Fresh two = TestDatabases.fresh(kind, dir); Installation b = installation(two, "b")) {
            Shop shopA = new DemoSeeder(a).create("demo", 11, 30, LAST, DemoSeeder.Progress.NONE).shop();
            Shop shopB = new DemoSeeder(b).create("demo", 11, 30, LAST, DemoSeeder.Progress.NONE).shop();

            assertEquals(a.data().summary(shopA.id(), null, null), b.data().summary(shopB.id(), null, null));
            assertEquals(strip(a.data().orders(shopA.id(), null, null)), strip(b.data().orders(shopB.id(), null, null)));
        }
    }

    /** Orders without their database ids, which depend on what else the database holds. */
    private static java.util.List<String> strip(java.util.List<Order> orders) {
        return orders.stream().map(o -> o.externalId() + "|" + o.createdAt() + "|" + o.status() + "|" + o.amount()
                + "|" + o.source()).toList();
    }
}
