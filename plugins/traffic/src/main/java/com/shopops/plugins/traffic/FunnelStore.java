package com.shopops.plugins.traffic;

import com.shopops.api.data.FunnelCounts;
import com.shopops.api.data.OrderFigures;
import com.shopops.api.data.ProductSales;
import com.shopops.api.data.ProductViews;
import com.shopops.api.data.ShopData;
import com.shopops.api.data.TrafficFigures;
import com.shopops.api.data.WeeklyUnits;
import com.shopops.api.domain.Product;
import com.shopops.plugins.traffic.analysis.Funnel;
import com.shopops.plugins.traffic.analysis.HourlyHeatMap.HourFigures;
import com.shopops.plugins.traffic.analysis.PageHealth.WeekFigures;
import com.shopops.plugins.traffic.analysis.ProductLifecycle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the funnel, the hour-of-day heat map, the top products with their lifecycle and the weekly page
 * check are made from, read through the core's aggregate reads ({@link ShopData#funnelCounts},
 * {@link ShopData#hourFigures}, {@link ShopData#productSales}, …), which add up in the database, so a shop
 * with millions of events sends back a few hundred rows, never the events.
 *
 * <p>Days are the shop-local days the core stores with every event and order. Orders count in sales
 * unless cancelled (as in the shop summary). A product is matched across events and order lines by its
 * code: the event's item id is the order line's SKU.
 */
final class FunnelStore {

    private final ShopData data;

    FunnelStore(ShopData data) {
        this.data = data;
    }

    /** A product's funnel. */
    record ProductFunnel(String product, String title, Funnel funnel) {
    }

    /** The shop's funnel on the days from {@code from} to {@code to}; of one product when {@code product} is not null. */
    Funnel funnel(long shopId, LocalDate from, LocalDate to, String product) {
        return funnel(data.funnelCounts(shopId, from, to, product, FunnelCounts.Grouping.RANGE, 1).get(0));
    }

    /** The funnel of each day from {@code from} to {@code to}, every day present (empty days as {@link Funnel#EMPTY}). */
    Map<LocalDate, Funnel> funnelByDay(long shopId, LocalDate from, LocalDate to, String product) {
        Map<LocalDate, Funnel> days = new TreeMap<>();
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, Funnel.EMPTY);
            count++;
        }
        for (FunnelCounts c : data.funnelCounts(shopId, from, to, product, FunnelCounts.Grouping.DAY, count)) {
            days.put(c.day(), funnel(c));
        }
        return days;
    }

    /** The funnels of the {@code limit} products with the most views, most views first (then by code). */
    List<ProductFunnel> funnelByProduct(long shopId, LocalDate from, LocalDate to, int limit) {
        return data.funnelCounts(shopId, from, to, null, FunnelCounts.Grouping.PRODUCT, limit).stream()
                .map(c -> new ProductFunnel(c.sku(), c.title(), funnel(c)))
                .toList();
    }

    /**
     * Each shop-local clock hour's sales, orders and distinct visitors on the days from {@code from} to
     * {@code to}, in the shop's time zone (the core works the hour out of the stored UTC time, DST included).
     */
    List<HourFigures> hours(long shopId, LocalDate from, LocalDate to) {
        return data.hourFigures(shopId, from, to).stream()
                .map(h -> new HourFigures(h.day(), h.hour(), h.sales(), h.orders(), h.visitors()))
                .toList();
    }

    /** How top products are ranked. */
    enum Ranking { TRAFFIC, SALES }

    /**
     * A product's traffic and sales in a period, with what its lifecycle is judged from.
     *
     * @param product     its code (SKU, the events' item id)
     * @param title       its title from the product list or an order line, or null
     * @param views       VIEW events
     * @param viewers     distinct shoppers who viewed it
     * @param sales       line sales in orders not cancelled, minor units
     * @param units       units in those lines
     * @param orders      orders holding it
     * @param listedOn    its listing day, or null
     * @param firstSale   its first sale ever (not cancelled), or null
     * @param weeklyUnits units of the {@value ProductLifecycle#WEEKS} weeks ending on the period's last day, oldest first
     */
    record ProductFigures(String product, String title, long views, long viewers, long sales, long units, long orders,
                          LocalDate listedOn, LocalDate firstSale, long[] weeklyUnits) {
    }

    /** The {@code limit} products with the most views (or sales) in the period, best first, ties by code. */
    List<ProductFigures> topProducts(long shopId, LocalDate from, LocalDate to, Ranking by, int limit) {
        Map<String, ProductViews> views = new HashMap<>();
        Map<String, ProductSales> sales = new HashMap<>();
        List<String> products;
        if (by == Ranking.TRAFFIC) {
            List<ProductViews> top = data.productViews(shopId, from, to, null, limit);
            top.forEach(v -> views.put(v.sku(), v));
            products = top.stream().map(ProductViews::sku).toList();
            data.productSales(shopId, from, to, products, limit).forEach(s -> sales.put(s.sku(), s));
        } else {
            List<ProductSales> top = data.productSales(shopId, from, to, null, limit);
            top.forEach(s -> sales.put(s.sku(), s));
            products = top.stream().map(ProductSales::sku).toList();
            data.productViews(shopId, from, to, products, limit).forEach(v -> views.put(v.sku(), v));
        }
        if (products.isEmpty()) {
            return List.of();
        }
        Map<String, LocalDate> listed = new HashMap<>();
        for (Product p : data.products(shopId)) {
            if (p.listedOn() != null) {
                listed.put(p.sku(), p.listedOn());
            }
        }
        Map<String, LocalDate> firstSales = data.firstSales(shopId, products);
        Map<String, long[]> weekly = new HashMap<>();
        for (WeeklyUnits w : data.weeklyUnits(shopId, to, ProductLifecycle.WEEKS, products)) {
            weekly.put(w.sku(), w.units().stream().mapToLong(Long::longValue).toArray());
        }
        List<ProductFigures> out = new ArrayList<>();
        for (String p : products) {
            ProductViews v = views.get(p);
            ProductSales s = sales.get(p);
            // the product list's title, else its order lines' (ProductSales has both), else none
            String title = s != null ? s.title() : v.title();
            out.add(new ProductFigures(p, title, v == null ? 0 : v.views(), v == null ? 0 : v.viewers(),
                    s == null ? 0 : s.sales(), s == null ? 0 : s.units(), s == null ? 0 : s.orders(), listed.get(p),
                    firstSales.get(p), weekly.getOrDefault(p, new long[ProductLifecycle.WEEKS])));
        }
        return out;
    }

    /** Who the hero of a week is, and the week's figures for the page check. */
    record PageWeek(WeekFigures figures, String heroProduct, String heroTitle) {
    }

    /**
     * The figures of the page check for the days from {@code from} to {@code to}: orders and the hero
     * (most line sales; ties by code) from the orders, visitors, page views and bounce rate from the
     * traffic report's shop total (source {@code all}); a shop whose report has no total for those days
     * is read as the sum of its sources. The bounce rate is the days' rates weighted by their visitors,
     * over the days that report one.
     */
    PageWeek pageWeek(long shopId, LocalDate from, LocalDate to) {
        OrderFigures orders = data.orderFigures(shopId, from, to);
        List<ProductSales> hero = data.productSales(shopId, from, to, null, 1);
        ProductSales top = hero.isEmpty() ? null : hero.get(0);
        TrafficFigures traffic = data.trafficFigures(shopId, from, to, "all");
        if (traffic.days() == 0) {
            traffic = data.trafficFigures(shopId, from, to, null);
        }
        WeekFigures figures = new WeekFigures(orders.sales(), orders.orders(), top == null ? 0 : top.sales(),
                top == null ? 0 : top.orders(), traffic.uv(), traffic.pv(), traffic.bounceRate());
        return new PageWeek(figures, top == null ? null : top.sku(), top == null ? null : top.title());
    }

    private static Funnel funnel(FunnelCounts c) {
        return new Funnel(c.visitors(), c.views(), c.favourites(), c.carts(), c.buys(), c.buyers());
    }
}
