package com.shopops.platform.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.data.ReviewRow;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoShopTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Shop SHOP = new Shop(1, "tmall-home", "居家旗舰店", "tmall", "CNY", SHANGHAI);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 22);
    private static final LocalDate FIRST_DAY = LAST_DAY.minusDays(DemoShop.DEFAULT_DAYS - 1);

    private static DemoData data;
    private static long generationMillis;
    private static Map<String, DemoOrderView> orders;

    /** An order put back together from its rows. */
    private record DemoOrderView(String id, String customer, Instant createdAt, LocalDate day, Instant paidAt,
                                 Order.Status status, String source, long amount, long refunded, String refundReason,
                                 List<OrderRow> rows) {
        boolean paid() {
            return status != Order.Status.CANCELLED;
        }
    }

    @BeforeAll
    static void generate() {
        DemoShop.generate(SHOP, 7, LAST_DAY, 60); // warm up
        long start = System.nanoTime();
        data = DemoShop.generate(SHOP, DemoShop.DEFAULT_SEED, LAST_DAY, DemoShop.DEFAULT_DAYS);
        generationMillis = (System.nanoTime() - start) / 1_000_000;
        orders = orders(data, SHANGHAI);
    }

    private static Map<String, DemoOrderView> orders(DemoData d, ZoneId zone) {
        Map<String, List<OrderRow>> rows = new LinkedHashMap<>();
        for (OrderRow r : d.orderRows()) {
            rows.computeIfAbsent(r.orderId(), k -> new ArrayList<>()).add(r);
        }
        Map<String, DemoOrderView> result = new LinkedHashMap<>();
        rows.forEach((id, lines) -> {
            OrderRow first = lines.get(0);
            long amount = lines.stream().mapToLong(OrderRow::lineAmount).sum();
            result.put(id, new DemoOrderView(id, first.customer(), first.createdAt(), first.createdAt().atZone(zone).toLocalDate(),
                    first.paidAt(), first.status(), first.source(), amount, first.refunded(), first.refundReason(), lines));
        });
        return result;
    }

    private static Map<LocalDate, Long> salesByDay() {
        Map<LocalDate, Long> sales = new TreeMap<>();
        for (DemoOrderView o : orders.values()) {
            if (o.paid()) {
                sales.merge(o.day(), o.amount(), Long::sum);
            }
        }
        return sales;
    }

    private static List<TrafficDay> allRows() {
        return data.traffic().stream().filter(t -> t.source().equals(DemoShop.ALL)).toList();
    }

    // ------------------------------------------------------------------ determinism and size

    @Test
    void theSameInputsGiveEqualData() {
        DemoData again = DemoShop.generate(SHOP, DemoShop.DEFAULT_SEED, LAST_DAY, DemoShop.DEFAULT_DAYS);
        assertEquals(data.products(), again.products());
        assertEquals(data.orderRows(), again.orderRows());
        assertEquals(data.refunds(), again.refunds());
        assertEquals(data.traffic(), again.traffic());
        assertEquals(data.events(), again.events());
        assertEquals(data.reviews(), again.reviews());
        assertEquals(data.targets(), again.targets());
        assertEquals(data, again);
    }

    @Test
    void anotherSeedGivesOtherData() {
        DemoData a = DemoShop.generate(SHOP, 1, LAST_DAY, 60);
        DemoData b = DemoShop.generate(SHOP, 2, LAST_DAY, 60);
        assertNotEquals(a.orderRows(), b.orderRows());
        assertNotEquals(a.traffic(), b.traffic());
        assertNotEquals(a.events(), b.events());
        assertNotEquals(a.reviews(), b.reviews());
        assertNotEquals(a.products(), b.products()); // costs, listing dates and stock are drawn
    }

    @Test
    void theDefaultYearHasASaneSizeAndIsQuick() {
        long paid = orders.values().stream().filter(DemoOrderView::paid).count();
        assertTrue(orders.size() >= 30_000 && orders.size() <= 60_000, "orders: " + orders.size());
        assertTrue(data.events().size() <= 100_000, "events: " + data.events().size());
        assertTrue(generationMillis < 5_000, "generation took " + generationMillis + " ms");
        long sales = orders.values().stream().filter(DemoOrderView::paid).mapToLong(DemoOrderView::amount).sum();
        double aovYuan = sales / (double) paid / 100;
        assertTrue(aovYuan >= 100 && aovYuan <= 150, "AOV " + aovYuan);
        assertEquals(DemoShop.DEFAULT_DAYS * (DemoShop.SOURCES.size() + 1), data.traffic().size());
    }

    @Test
    void shortPeriodsAndOtherCurrenciesWork() {
        Shop tokyo = new Shop(2, "jp", "JP", "other", "JPY", ZoneId.of("Asia/Tokyo"));
        DemoData yen = DemoShop.generate(tokyo, 5, LocalDate.of(2026, 3, 10), 10);
        Product hero = yen.products().stream().filter(p -> p.sku().equals(yen.heroSku())).findFirst().orElseThrow();
        assertEquals(89L, hero.price()); // no minor unit in yen
        for (DemoOrderView o : orders(yen, tokyo.timeZone()).values()) {
            assertEquals(o.id().substring(1, 9), o.day().toString().replace("-", ""), o.id());
        }
        DemoData oneDay = DemoShop.generate(SHOP, 5, LAST_DAY, 1);
        assertEquals(DemoShop.SOURCES.size() + 1, oneDay.traffic().size());
        assertFalse(oneDay.orderRows().isEmpty());
        assertEquals(4, oneDay.targets().size());
    }

    // ------------------------------------------------------------------ products

    @Test
    void theRangeLooksLikeAShop() {
        List<Product> products = data.products();
        assertTrue(products.size() >= 35 && products.size() <= 45, "products: " + products.size());
        assertEquals(products.size(), products.stream().map(Product::sku).distinct().count());
        for (Product p : products) {
            assertTrue(p.price() >= 1900 && p.price() <= 39900, p.sku() + " price " + p.price());
            assertTrue(p.cost() >= p.price() * 0.40 - 10 && p.cost() <= p.price() * 0.65 + 10, p.sku() + " cost " + p.cost());
            assertNotNull(p.stock());
            assertFalse(p.title().isBlank());
        }
        assertEquals(1, products.stream().filter(p -> p.stock() == 0).count());
        long low = products.stream().filter(p -> p.stock() > 0 && p.stock() < 50).count();
        assertTrue(low >= 2, "products low on stock: " + low);
        assertTrue(products.stream().filter(p -> p.status() == Product.Status.DELISTED).count() >= 2);
        assertTrue(products.stream().filter(p -> p.listedOn().isAfter(LAST_DAY.minusDays(30))).count() >= 3);
        assertTrue(products.stream().filter(p -> !p.listedOn().isBefore(FIRST_DAY) && p.listedOn().isBefore(LAST_DAY.minusDays(30)))
                .count() >= 3, "some products listed during the period");
        Map<String, LocalDate> listed = products.stream().collect(Collectors.toMap(Product::sku, Product::listedOn));
        for (DemoOrderView o : orders.values()) {
            for (OrderRow r : o.rows()) {
                assertFalse(o.day().isBefore(listed.get(r.sku())), r.sku() + " sold on " + o.day() + " before it was listed");
            }
        }
    }

    @Test
    void theHeroItemHasTheLargestSales() {
        Map<String, Long> bySku = new HashMap<>();
        long total = 0;
        for (DemoOrderView o : orders.values()) {
            if (o.paid()) {
                for (OrderRow r : o.rows()) {
                    bySku.merge(r.sku(), r.lineAmount(), Long::sum);
                    total += r.lineAmount();
                }
            }
        }
        String top = bySku.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(data.heroSku(), top);
        double share = bySku.get(data.heroSku()) / (double) total;
        assertTrue(share >= 0.20 && share <= 0.30, "hero share " + share);
    }

    // ------------------------------------------------------------------ seasonality and patterns

    @Test
    void doubleElevenSellsAtLeastThreeTimesAnOrdinaryNovemberWeekday() {
        Map<LocalDate, Long> sales = salesByDay();
        LocalDate d11 = LocalDate.of(2026, 11, 11);
        double ordinary = sales.entrySet().stream()
                .filter(e -> YearMonth.from(e.getKey()).equals(YearMonth.from(d11)) && DemoCalendar.ordinary(e.getKey()))
                .filter(e -> e.getKey().getDayOfWeek().getValue() <= 5)
                .mapToLong(Map.Entry::getValue).average().orElseThrow();
        assertTrue(sales.get(d11) >= 3 * ordinary, "Double 11 " + sales.get(d11) + " vs " + ordinary);
        // 618 and the days before it
        LocalDate d618 = LocalDate.of(2026, 6, 18);
        double june = sales.entrySet().stream()
                .filter(e -> e.getKey().getMonth() == Month.JUNE && DemoCalendar.ordinary(e.getKey()))
                .mapToLong(Map.Entry::getValue).average().orElseThrow();
        assertTrue(sales.get(d618) >= 2.5 * june, "618 " + sales.get(d618) + " vs " + june);
        double leadUp = sales.entrySet().stream()
                .filter(e -> DemoCalendar.kind(e.getKey()) == DemoCalendar.Kind.LEAD_UP && e.getKey().getMonth() == Month.JUNE)
                .mapToLong(Map.Entry::getValue).average().orElseThrow();
        assertTrue(leadUp > june * 1.1, "618 lead-up " + leadUp + " vs " + june);
    }

    @Test
    void theSpringFestivalDips() {
        Map<LocalDate, Long> sales = salesByDay();
        LocalDate festival = DemoCalendar.springFestival(2026);
        double around = 0;
        for (int k = -2; k <= 4; k++) {
            around += sales.getOrDefault(festival.plusDays(k), 0L);
        }
        around /= 7;
        double january = sales.entrySet().stream()
                .filter(e -> e.getKey().getMonth() == Month.JANUARY && DemoCalendar.ordinary(e.getKey()))
                .mapToLong(Map.Entry::getValue).average().orElseThrow();
        assertTrue(around < 0.6 * january, "Spring Festival " + around + " vs January " + january);
    }

    @Test
    void aWeekdayPatternIsVisible() {
        Map<DayOfWeek, double[]> byWeekday = new EnumMap<>(DayOfWeek.class);
        for (TrafficDay t : allRows()) {
            if (DemoCalendar.ordinary(t.day())) {
                double[] sum = byWeekday.computeIfAbsent(t.day().getDayOfWeek(), k -> new double[2]);
                sum[0] += t.uv();
                sum[1]++;
            }
        }
        Map<DayOfWeek, Double> mean = new EnumMap<>(DayOfWeek.class);
        byWeekday.forEach((d, s) -> mean.put(d, s[0] / s[1]));
        DayOfWeek best = mean.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        DayOfWeek worst = mean.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(DayOfWeek.SUNDAY, best, mean.toString());
        assertEquals(DayOfWeek.FRIDAY, worst, mean.toString());
        assertTrue(mean.get(best) / mean.get(worst) > 1.1, mean.toString());
    }

    @Test
    void ordersPeakLateMorningAfternoonAndEvening() {
        long[] byHour = new long[24];
        for (DemoOrderView o : orders.values()) {
            byHour[o.createdAt().atZone(SHANGHAI).getHour()]++;
        }
        int peak = 0;
        for (int h = 0; h < 24; h++) {
            if (byHour[h] > byHour[peak]) {
                peak = h;
            }
        }
        assertTrue(peak >= 20 && peak <= 22, "peak hour " + peak);
        assertTrue(byHour[10] > 3 * byHour[4] && byHour[15] > 3 * byHour[4] && byHour[11] > byHour[7]);
        assertTrue(byHour[15] > byHour[18], "afternoon above the early evening");
    }

    @Test
    void trafficLooksLikeATmallShop() {
        Map<String, double[]> bySource = new TreeMap<>(); // uv, pv, buyers
        for (TrafficDay t : data.traffic()) {
            assertTrue(t.bounceRate() >= 0.45 && t.bounceRate() <= 0.70, t.toString());
            assertTrue(t.avgStaySeconds() >= 30 && t.avgStaySeconds() <= 120, t.toString());
            assertTrue(t.buyers() <= t.uv() && t.pv() >= t.uv(), t.toString());
            double[] s = bySource.computeIfAbsent(t.source(), k -> new double[3]);
            s[0] += t.uv();
            s[1] += t.pv();
            s[2] += t.buyers();
            if (t.source().equals(DemoShop.ALL) && DemoCalendar.ordinary(t.day())) {
                assertTrue(t.uv() >= 2000 && t.uv() <= 5000, t.toString());
                double depth = t.pv() / (double) t.uv();
                assertTrue(depth >= 2 && depth <= 4, t.toString());
            }
        }
        Map<String, Double> conversion = new TreeMap<>();
        bySource.forEach((s, v) -> conversion.put(s, v[2] / v[0]));
        for (String s : List.of("search", "recommend", "campaign", "external")) {
            assertTrue(conversion.get("paid") > conversion.get(s), conversion.toString());
            assertTrue(conversion.get("direct") > conversion.get(s), conversion.toString());
            assertTrue(conversion.get("external") <= conversion.get(s), conversion.toString());
        }
        assertEquals(new HashSet<>(DemoShop.SOURCES), orders.values().stream().map(DemoOrderView::source).collect(Collectors.toSet()));
    }

    // ------------------------------------------------------------------ consistency

    @Test
    void theAllRowIsTheSumOverSourcesEachDay() {
        Map<LocalDate, List<TrafficDay>> byDay = data.traffic().stream()
                .collect(Collectors.groupingBy(TrafficDay::day, TreeMap::new, Collectors.toList()));
        assertEquals(DemoShop.DEFAULT_DAYS, byDay.size());
        assertEquals(FIRST_DAY, ((TreeMap<LocalDate, List<TrafficDay>>) byDay).firstKey());
        byDay.forEach((day, rows) -> {
            List<TrafficDay> sources = rows.stream().filter(t -> !t.source().equals(DemoShop.ALL)).toList();
            assertEquals(DemoShop.SOURCES, sources.stream().map(TrafficDay::source).toList(), day.toString());
            TrafficDay all = rows.stream().filter(t -> t.source().equals(DemoShop.ALL)).findFirst().orElseThrow();
            long uv = sources.stream().mapToLong(TrafficDay::uv).sum();
            assertEquals(uv, all.uv(), day.toString());
            assertEquals(sources.stream().mapToLong(TrafficDay::pv).sum(), all.pv(), day.toString());
            assertEquals(sources.stream().mapToLong(TrafficDay::buyers).sum(), all.buyers(), day.toString());
            assertEquals(sources.stream().mapToLong(TrafficDay::paidAmount).sum(), all.paidAmount(), day.toString());
            double bounce = sources.stream().mapToDouble(t -> t.uv() * t.bounceRate()).sum() / uv;
            double stay = sources.stream().mapToDouble(t -> t.uv() * t.avgStaySeconds()).sum() / uv;
            assertEquals(bounce, all.bounceRate(), 1e-9, day.toString());
            assertEquals(stay, all.avgStaySeconds(), 1e-9, day.toString());
        });
    }

    /**
     * Buyers of a day and source = that day's (by creation, shop-local) orders from the source that are
     * not cancelled; paid amount = the sum of their amounts, refunds not deducted.
     */
    @Test
    void trafficBuyersAndPaidAmountAgreeWithThatDaysOrders() {
        Map<String, long[]> fromOrders = new HashMap<>();
        Map<String, Set<String>> customers = new HashMap<>();
        for (DemoOrderView o : orders.values()) {
            if (o.paid()) {
                String key = o.day() + "|" + o.source();
                long[] sums = fromOrders.computeIfAbsent(key, k -> new long[2]);
                sums[0]++;
                sums[1] += o.amount();
                customers.computeIfAbsent(key, k -> new HashSet<>()).add(o.customer());
                assertEquals(o.day(), o.paidAt().atZone(SHANGHAI).toLocalDate(), "paid on the day it was placed: " + o.id());
                assertFalse(o.paidAt().isBefore(o.createdAt()), o.id());
            }
        }
        long rowsWithBuyers = 0;
        for (TrafficDay t : data.traffic()) {
            if (t.source().equals(DemoShop.ALL)) {
                continue;
            }
            String key = t.day() + "|" + t.source();
            long[] sums = fromOrders.getOrDefault(key, new long[2]);
            assertEquals(sums[0], t.buyers(), key);
            assertEquals(sums[1], t.paidAmount(), key);
            assertEquals(sums[0], customers.getOrDefault(key, Set.of()).size(), "one order per buyer: " + key);
            rowsWithBuyers += t.buyers() > 0 ? 1 : 0;
            fromOrders.remove(key);
        }
        assertTrue(fromOrders.isEmpty(), "orders outside the traffic: " + fromOrders.keySet());
        assertTrue(rowsWithBuyers > DemoShop.DEFAULT_DAYS * 5L, "most source rows have buyers");
    }

    @Test
    void orderIdsAreUniqueAndRowsOfAnOrderAgree() {
        assertEquals(orders.size(), data.orderRows().stream().map(OrderRow::orderId).distinct().count());
        Set<String> ids = new HashSet<>();
        for (DemoOrderView o : orders.values()) {
            assertTrue(o.id().matches("T\\d{8}-\\d{6}"), o.id());
            assertEquals(o.day().toString().replace("-", ""), o.id().substring(1, 9), o.id());
            assertTrue(ids.add(o.id()));
            assertTrue(o.rows().size() >= 1 && o.rows().size() <= 3, o.id());
            assertEquals(o.rows().size(), o.rows().stream().map(OrderRow::sku).distinct().count(), "distinct products " + o.id());
            assertTrue(o.customer().matches("tb_[0-9a-f]{6}"), o.customer());
            for (OrderRow r : o.rows()) {
                assertEquals(o.customer(), r.customer());
                assertEquals(o.createdAt(), r.createdAt());
                assertEquals(o.paidAt(), r.paidAt());
                assertEquals(o.status(), r.status());
                assertEquals(o.source(), r.source());
                assertEquals(o.refunded(), r.refunded());
                assertEquals(o.refundReason(), r.refundReason());
                assertNull(r.orderAmount());
            }
        }
        // rows are in creation order
        for (int i = 1; i < data.orderRows().size(); i++) {
            assertFalse(data.orderRows().get(i).createdAt().isBefore(data.orderRows().get(i - 1).createdAt()));
        }
    }

    @Test
    void moneyValuesArePositive() {
        for (OrderRow r : data.orderRows()) {
            assertTrue(r.quantity() > 0 && r.unitPrice() > 0, r.toString());
            assertEquals(r.quantity() * r.unitPrice(), r.lineAmount(), r.toString());
            assertTrue(r.refunded() >= 0);
        }
        for (RefundRow r : data.refunds()) {
            assertTrue(r.amount() > 0, r.toString());
        }
        for (TrafficDay t : data.traffic()) {
            assertTrue(t.uv() > 0 && t.paidAmount() >= 0, t.toString());
        }
        for (Target t : data.targets()) {
            assertTrue(t.value() > 0, t.toString());
        }
        for (Product p : data.products()) {
            assertTrue(p.price() > 0 && p.cost() > 0 && p.cost() < p.price(), p.toString());
        }
    }

    @Test
    void statusesFollowTheOrdersAge() {
        long cancelled = 0;
        for (DemoOrderView o : orders.values()) {
            long age = LAST_DAY.toEpochDay() - o.day().toEpochDay();
            if (o.status() == Order.Status.CANCELLED) {
                cancelled++;
                assertNull(o.paidAt(), o.id());
            } else if (age < 2) {
                assertTrue(o.status() == Order.Status.PAID || o.status() == Order.Status.SHIPPED, o.id() + " " + o.status());
            } else {
                assertTrue(o.status() == Order.Status.COMPLETED || o.status() == Order.Status.REFUNDED, o.id() + " " + o.status());
            }
            if (o.paid()) {
                assertNotNull(o.paidAt(), o.id());
            }
        }
        double share = cancelled / (double) orders.size();
        assertTrue(share >= 0.02 && share <= 0.04, "cancelled " + share);
    }

    @Test
    void refundsAreConsistentWithOrders() {
        Instant end = LAST_DAY.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        Set<String> partlyRefunded = new HashSet<>();
        for (RefundRow r : data.refunds()) {
            DemoOrderView o = orders.get(r.orderId());
            assertNotNull(o, "refund of an unknown order " + r.orderId());
            assertEquals(Order.Status.COMPLETED, o.status(), r.toString());
            assertEquals(0, o.refunded(), r.toString());
            assertTrue(r.amount() < o.amount(), "partial refund " + r);
            assertTrue(r.at().isAfter(o.paidAt()) && r.at().isBefore(end), r.toString());
            assertTrue(DemoTexts.REFUND_REASONS.contains(r.reason()), r.reason());
            assertTrue(partlyRefunded.add(r.orderId()), "one refund per order " + r.orderId());
        }
        long full = 0;
        for (DemoOrderView o : orders.values()) {
            if (o.status() == Order.Status.REFUNDED) {
                full++;
                assertEquals(o.amount(), o.refunded(), o.id());
                assertTrue(DemoTexts.REFUND_REASONS.contains(o.refundReason()), o.id());
                assertFalse(partlyRefunded.contains(o.id()), o.id());
            } else {
                assertEquals(0, o.refunded(), o.id());
                assertNull(o.refundReason(), o.id());
            }
        }
        long paid = orders.values().stream().filter(DemoOrderView::paid).count();
        double share = (full + partlyRefunded.size()) / (double) paid;
        assertTrue(share >= 0.03 && share <= 0.06, "refund share " + share);
        assertTrue(full > 0 && !partlyRefunded.isEmpty(), "both kinds of refund");
        Set<String> reasons = data.refunds().stream().map(RefundRow::reason).collect(Collectors.toSet());
        orders.values().stream().map(DemoOrderView::refundReason).filter(r -> r != null).forEach(reasons::add);
        assertEquals(Set.copyOf(DemoTexts.REFUND_REASONS), reasons);
    }

    @Test
    void returningCustomersPlaceAQuarterOfOrders() {
        List<DemoOrderView> byTime = new ArrayList<>(orders.values());
        byTime.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> count = new HashMap<>();
        long returning = 0;
        for (DemoOrderView o : byTime) {
            if (!seen.add(o.customer())) {
                returning++;
            }
            count.merge(o.customer(), 1, Integer::sum);
        }
        double share = returning / (double) byTime.size();
        assertTrue(share >= 0.20 && share <= 0.30, "returning share " + share);
        long oneOff = count.values().stream().filter(c -> c == 1).count();
        long loyal = count.values().stream().filter(c -> c >= 10).count();
        assertTrue(oneOff > count.size() * 0.7, "most customers buy once");
        assertTrue(loyal >= 10, "some loyal customers: " + loyal);
        // direct visits (carts, favourites, returning customers) come back most
        Map<String, long[]> bySource = new HashMap<>();
        seen.clear();
        for (DemoOrderView o : byTime) {
            long[] s = bySource.computeIfAbsent(o.source(), k -> new long[2]);
            s[0] += seen.add(o.customer()) ? 0 : 1;
            s[1]++;
        }
        double direct = bySource.get("direct")[0] / (double) bySource.get("direct")[1];
        double external = bySource.get("external")[0] / (double) bySource.get("external")[1];
        assertTrue(direct > 2 * external, "direct " + direct + " external " + external);
    }

    @Test
    void reviewsAreMostlyGoodAndFollowCompletedOrders() {
        Set<String> skus = data.products().stream().map(Product::sku).collect(Collectors.toSet());
        assertEquals(data.reviews().size(), data.reviews().stream().map(ReviewRow::reviewId).distinct().count());
        long bad = 0;
        for (ReviewRow r : data.reviews()) {
            assertTrue(skus.contains(r.sku()), r.toString());
            assertTrue(r.rating() >= 1 && r.rating() <= 5 && !r.text().isBlank(), r.toString());
            assertFalse(r.day().isAfter(LAST_DAY) || r.day().isBefore(FIRST_DAY), r.toString());
            String orderId = "T" + r.reviewId().substring(2, r.reviewId().lastIndexOf('-'));
            DemoOrderView o = orders.get(orderId);
            assertNotNull(o, r.toString());
            assertEquals(Order.Status.COMPLETED, o.status(), r.toString());
            assertTrue(o.rows().stream().anyMatch(l -> l.sku().equals(r.sku())), r.toString());
            assertTrue(r.day().isAfter(o.day()), r.toString());
            bad += r.rating() <= 3 ? 1 : 0;
        }
        double badShare = bad / (double) data.reviews().size();
        assertTrue(badShare >= 0.03 && badShare <= 0.08, "1–3 star share " + badShare);
        long completedLines = orders.values().stream().filter(o -> o.status() == Order.Status.COMPLETED)
                .filter(o -> o.day().isBefore(LAST_DAY.minusDays(20))).mapToLong(o -> o.rows().size()).sum();
        long reviewsOfThose = data.reviews().stream()
                .filter(r -> orders.get("T" + r.reviewId().substring(2, r.reviewId().lastIndexOf('-'))).day().isBefore(LAST_DAY.minusDays(20)))
                .count();
        double rate = reviewsOfThose / (double) completedLines;
        assertTrue(rate >= 0.2 && rate <= 0.3, "review rate " + rate);
    }

    @Test
    void eventsCoverOnlyTheLastTwoWeeksAndMatchTheOrders() {
        LocalDate from = LAST_DAY.minusDays(DemoShop.EVENT_DAYS - 1);
        Map<BehaviourEvent.Type, Long> counts = new EnumMap<>(BehaviourEvent.Type.class);
        List<String> buys = new ArrayList<>();
        for (BehaviourEvent e : data.events()) {
            LocalDate day = e.at().atZone(SHANGHAI).toLocalDate();
            assertFalse(day.isBefore(from) || day.isAfter(LAST_DAY), e.toString());
            counts.merge(e.type(), 1L, Long::sum);
            if (e.type() == BehaviourEvent.Type.BUY) {
                buys.add(e.userId() + "|" + e.itemId() + "|" + e.at());
            }
        }
        assertTrue(counts.get(BehaviourEvent.Type.VIEW) > counts.get(BehaviourEvent.Type.CART), counts.toString());
        assertTrue(counts.get(BehaviourEvent.Type.CART) > counts.get(BehaviourEvent.Type.BUY), counts.toString());
        assertTrue(counts.get(BehaviourEvent.Type.VIEW) > 10 * counts.get(BehaviourEvent.Type.BUY), counts.toString());
        assertTrue(counts.get(BehaviourEvent.Type.FAVOURITE) > 0);
        List<String> lines = new ArrayList<>();
        for (DemoOrderView o : orders.values()) {
            if (o.paid() && !o.day().isBefore(from)) {
                o.rows().forEach(r -> lines.add(o.customer() + "|" + r.sku() + "|" + o.createdAt()));
            }
        }
        buys.sort(null);
        lines.sort(null);
        assertEquals(lines, buys, "a BUY per line of a paid order");
        Map<String, String> categories = data.products().stream().collect(Collectors.toMap(Product::sku, Product::category));
        data.events().forEach(e -> assertEquals(categories.get(e.itemId()), e.categoryId(), e.toString()));
    }

    @Test
    void targetsCoverEveryMonthAndSitAboveWhatTheShopSells() {
        Map<YearMonth, Map<String, Double>> byMonth = new TreeMap<>();
        for (Target t : data.targets()) {
            YearMonth m = YearMonth.from(t.from());
            assertEquals(m.atDay(1), t.from());
            assertEquals(m.atEndOfMonth(), t.to());
            assertNull(byMonth.computeIfAbsent(m, k -> new TreeMap<>()).put(t.metric(), t.value()), "one per metric " + t);
        }
        for (YearMonth m = YearMonth.from(FIRST_DAY); !m.isAfter(YearMonth.from(LAST_DAY)); m = m.plusMonths(1)) {
            Map<String, Double> metrics = byMonth.remove(m);
            assertNotNull(metrics, "no targets for " + m);
            assertEquals(Set.of("sales", "uv", "conversionRate", "aov"), metrics.keySet());
            double product = metrics.get("uv") * metrics.get("conversionRate") * metrics.get("aov");
            assertEquals(1.0, product / metrics.get("sales"), 0.01, "sales = uv × CR × AOV in " + m);
            assertTrue(metrics.get("conversionRate") > 0 && metrics.get("conversionRate") < 0.1);
        }
        assertTrue(byMonth.isEmpty(), "targets outside the period: " + byMonth.keySet());
        // whole months inside the period: the sales target is about 10% above the sales
        Map<YearMonth, Long> sales = new TreeMap<>();
        salesByDay().forEach((d, s) -> sales.merge(YearMonth.from(d), s, Long::sum));
        for (Target t : data.targets()) {
            if (t.metric().equals("sales") && !t.from().isBefore(FIRST_DAY) && !t.to().isAfter(LAST_DAY)) {
                double ratio = t.value() / sales.get(YearMonth.from(t.from()));
                assertTrue(ratio > 1.0 && ratio < 1.25, YearMonth.from(t.from()) + " target / sales " + ratio);
            }
        }
    }

    // ------------------------------------------------------------------ storylines

    @Test
    void searchTrafficFallsOverTheLastThreeDays() {
        Map<LocalDate, Long> search = data.traffic().stream().filter(t -> t.source().equals("search"))
                .collect(Collectors.toMap(TrafficDay::day, TrafficDay::uv));
        double lastThree = 0;
        double weekBefore = 0;
        for (int k = 0; k < 3; k++) {
            lastThree += search.get(LAST_DAY.minusDays(k));
            weekBefore += search.get(LAST_DAY.minusDays(k + 7));
        }
        assertTrue(lastThree < 0.93 * weekBefore, "last three days " + lastThree + " vs a week before " + weekBefore);
        assertTrue(search.get(LAST_DAY) < 0.9 * search.get(LAST_DAY.minusDays(7)), "yesterday vs a week before");
    }

    @Test
    void paidConversionSlips() {
        double[] recent = new double[2];
        double[] before = new double[2];
        for (TrafficDay t : data.traffic()) {
            long fromEnd = LAST_DAY.toEpochDay() - t.day().toEpochDay();
            if (!t.source().equals("paid")) {
                continue;
            }
            double[] into = fromEnd < 3 ? recent : fromEnd >= 7 && fromEnd < 35 && DemoCalendar.ordinary(t.day()) ? before : null;
            if (into != null) {
                into[0] += t.buyers();
                into[1] += t.uv();
            }
        }
        double recentCr = recent[0] / recent[1];
        double beforeCr = before[0] / before[1];
        assertTrue(recentCr < 0.85 * beforeCr, "paid conversion " + recentCr + " vs " + beforeCr);
    }

    @Test
    void theHeroItemRunsLowAndGetsBadReviewsOnTheLastDay() {
        Product hero = data.products().stream().filter(p -> p.sku().equals(data.heroSku())).findFirst().orElseThrow();
        long units = 0;
        for (DemoOrderView o : orders.values()) {
            if (o.paid() && o.day().isAfter(LAST_DAY.minusDays(7))) {
                units += o.rows().stream().filter(r -> r.sku().equals(hero.sku())).mapToLong(OrderRow::quantity).sum();
            }
        }
        double daysLeft = hero.stock() / (units / 7.0);
        assertTrue(hero.stock() > 0 && daysLeft < 4, "hero stock " + hero.stock() + " lasts " + daysLeft + " days");
        List<ReviewRow> bad = data.reviews().stream()
                .filter(r -> r.sku().equals(hero.sku()) && r.day().equals(LAST_DAY) && r.rating() <= 3).toList();
        assertEquals(2, bad.size(), bad.toString());
        // the sold-out product stopped selling
        Product soldOut = data.products().stream().filter(p -> p.stock() == 0).findFirst().orElseThrow();
        assertTrue(orders.values().stream().filter(o -> o.day().isAfter(LAST_DAY.minusDays(3)))
                .flatMap(o -> o.rows().stream()).noneMatch(r -> r.sku().equals(soldOut.sku())), soldOut.sku());
    }

    @Test
    void nicknamesAreDistinctPerPerson() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            assertTrue(names.add(DemoTexts.nickname(42, i)), "clash at " + i);
        }
        names.clear();
        for (int i = DemoEvents.VISITOR_BASE; i < DemoEvents.VISITOR_BASE + 50_000; i++) {
            assertTrue(names.add(DemoTexts.nickname(42, i)));
        }
        for (int i = 0; i < 50_000; i++) {
            assertFalse(names.contains(DemoTexts.nickname(42, i)), "customer and visitor share a name at " + i);
        }
    }
}
