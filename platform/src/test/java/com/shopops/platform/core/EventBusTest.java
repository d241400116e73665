package com.shopops.platform.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shopops.api.Events;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBusTest {

    private interface ShopEvent {
        long shopId();
    }

    private record OrdersImported(long shopId, int count) implements ShopEvent {
    }

    private record ReviewPosted(long shopId, int stars) implements ShopEvent {
    }

    private final EventBus bus = new EventBus();

    @Test
    void listenersGetEventsOfTheirTypeAndItsSubtypes() {
        List<Object> orders = new ArrayList<>();
        List<Object> shopEvents = new ArrayList<>();
        List<Object> everything = new ArrayList<>();
        Events traffic = bus.forPlugin("traffic");
        traffic.subscribe(OrdersImported.class, orders::add);
        traffic.subscribe(ShopEvent.class, shopEvents::add);
        traffic.subscribe(Object.class, everything::add);

        OrdersImported imported = new OrdersImported(1, 20);
        ReviewPosted review = new ReviewPosted(1, 5);
        bus.publish(imported);
        bus.publish(review);
        bus.publish("not a shop event");

        assertEquals(List.of(imported), orders);
        assertEquals(List.of(imported, review), shopEvents);
        assertEquals(List.of(imported, review, "not a shop event"), everything);
    }

    @Test
    void aPluginPublishesToEveryPlugin() {
        List<OrdersImported> received = new ArrayList<>();
        bus.forPlugin("reviews").subscribe(OrdersImported.class, received::add);

        bus.forPlugin("traffic").publish(new OrdersImported(7, 3));

        assertEquals(List.of(new OrdersImported(7, 3)), received);
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthers() {
        List<String> calls = new ArrayList<>();
        bus.forPlugin("broken").subscribe(OrdersImported.class, e -> {
            calls.add("broken");
            throw new IllegalStateException("boom");
        });
        bus.forPlugin("traffic").subscribe(OrdersImported.class, e -> calls.add("traffic"));

        bus.publish(new OrdersImported(1, 1));
        bus.publish(new OrdersImported(1, 2));

        assertEquals(List.of("broken", "traffic", "broken", "traffic"), calls);
    }

    @Test
    void releaseDropsOnlyThatOwnersSubscriptions() {
        List<String> calls = new ArrayList<>();
        bus.forPlugin("traffic").subscribe(OrdersImported.class, e -> calls.add("traffic"));
        bus.forPlugin("traffic").subscribe(ShopEvent.class, e -> calls.add("traffic-shop"));
        bus.forPlugin("reviews").subscribe(OrdersImported.class, e -> calls.add("reviews"));

        bus.release("traffic");
        bus.publish(new OrdersImported(1, 1));

        assertEquals(List.of("reviews"), calls);
    }
}
