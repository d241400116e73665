package com.shopops.platform.demo;

import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.BehaviourEvent.Type;
import com.shopops.platform.demo.DemoCatalogue.Item;
import com.shopops.platform.demo.DemoShop.DemoOrder;
import com.shopops.platform.demo.DemoShop.Line;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Behaviour events (view, favourite, cart, buy) for the last days, consistent with the orders: every
 * line of a paid order has a BUY at the order's creation time, preceded by views of that item and
 * usually a CART; cancelled orders have views and carts but no BUY. The rest of the day's product
 * views ({@value #VIEW_SHARE} of the shop's page views) come from browsing sessions of visitors who did
 * not buy, some of which favourite or add to cart.
 */
final class DemoEvents {

    /** Share of the shop's page views that are product views. */
    static final double VIEW_SHARE = 0.4;
    /** First person index of browsing visitors (customers have smaller ones), so their ids never clash. */
    static final int VISITOR_BASE = 1 << 23;
    private static final int VISITOR_POOL = 40_000;

    private DemoEvents() {
    }

    /**
     * Events on {@code days} (each with its orders and the shop's page views). {@code customers} are the
     * customers' nicknames by index; some browsing sessions are theirs.
     */
    static List<BehaviourEvent> generate(SplittableRandom rnd, long seed, ZoneId zone, List<LocalDate> days,
                                         List<List<DemoOrder>> ordersByDay, long[] pageViews, List<Item> items,
                                         List<String> customers) {
        List<BehaviourEvent> events = new ArrayList<>();
        for (int d = 0; d < days.size(); d++) {
            LocalDate day = days.get(d);
            Instant start = day.atStartOfDay(zone).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            double[] weights = new double[items.size()];
            for (Item item : items) {
                weights[item.index] = StrictMath.pow(item.weightOn(day), 0.7); // views are spread wider than sales
            }
            long views = 0;
            for (DemoOrder order : ordersByDay.get(d)) {
                String user = order.customer.nickname;
                Instant at = order.createdAt;
                for (Line line : order.lines) {
                    int n = 1 + rnd.nextInt(3);
                    for (int v = 0; v < n; v++) {
                        events.add(event(user, line.item(), Type.VIEW, at.minusSeconds(25 * 60 + rnd.nextInt(95 * 60))));
                        views++;
                    }
                    if (rnd.nextDouble() < 0.15) {
                        events.add(event(user, line.item(), Type.FAVOURITE, at.minusSeconds(21 * 60 + rnd.nextInt(4 * 60))));
                    }
                    if (rnd.nextDouble() < 0.8) {
                        events.add(event(user, line.item(), Type.CART, at.minusSeconds(60 + rnd.nextInt(19 * 60))));
                    }
                    if (!order.cancelled) {
                        events.add(event(user, line.item(), Type.BUY, at));
                    }
                }
                int browse = rnd.nextInt(3);
                for (int v = 0; v < browse; v++) {
                    Item item = items.get(DemoShop.pickIndex(rnd, weights));
                    events.add(event(user, item, Type.VIEW, at.minusSeconds(30 * 60 + rnd.nextInt(60 * 60))));
                    views++;
                }
            }
            long budget = Math.round(pageViews[d] * VIEW_SHARE) - views;
            double[] hours = DemoCalendar.hourWeights(day);
            while (budget > 0) {
                String user = rnd.nextDouble() < 0.2 && !customers.isEmpty()
                        ? customers.get(rnd.nextInt(customers.size()))
                        : DemoTexts.nickname(seed, VISITOR_BASE + rnd.nextInt(VISITOR_POOL));
                int hour = DemoShop.pickIndex(rnd, hours);
                Instant at = start.plusSeconds(hour * 3600L + rnd.nextInt(3600));
                int n = (int) Math.min(budget, 1 + geometric(rnd, 0.4));
                for (int v = 0; v < n && at.isBefore(end); v++) {
                    Item item = items.get(DemoShop.pickIndex(rnd, weights));
                    events.add(event(user, item, Type.VIEW, at));
                    budget--;
                    if (rnd.nextDouble() < 0.04) {
                        events.add(event(user, item, Type.FAVOURITE, at.plusSeconds(5 + rnd.nextInt(40))));
                    }
                    if (rnd.nextDouble() < 0.07) {
                        events.add(event(user, item, Type.CART, at.plusSeconds(10 + rnd.nextInt(60))));
                    }
                    at = at.plusSeconds(15 + rnd.nextInt(135));
                }
                if (n == 0) {
                    break;
                }
            }
        }
        // views and carts just before an order placed after midnight may fall before the first day: dropped
        Instant from = days.get(0).atStartOfDay(zone).toInstant();
        Instant to = days.get(days.size() - 1).plusDays(1).atStartOfDay(zone).toInstant();
        events.removeIf(e -> e.at().isBefore(from) || !e.at().isBefore(to));
        events.sort(Comparator.comparing(BehaviourEvent::at).thenComparing(BehaviourEvent::userId)
                .thenComparing(BehaviourEvent::itemId).thenComparing(BehaviourEvent::type));
        // an identical event (same shopper, item, type and second) is one event
        Set<String> seen = new HashSet<>();
        List<BehaviourEvent> unique = new ArrayList<>(events.size());
        for (BehaviourEvent e : events) {
            if (seen.add(e.userId() + '|' + e.itemId() + '|' + e.type() + '|' + e.at().getEpochSecond())) {
                unique.add(e);
            }
        }
        return unique;
    }

    private static BehaviourEvent event(String user, Item item, Type type, Instant at) {
        return new BehaviourEvent(0, user, item.spec.sku(), item.spec.category(), type, at);
    }

    private static int geometric(SplittableRandom rnd, double p) {
        int n = 0;
        while (rnd.nextDouble() > p && n < 30) {
            n++;
        }
        return n;
    }
}
