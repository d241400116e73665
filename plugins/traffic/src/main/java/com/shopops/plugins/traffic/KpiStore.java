package com.shopops.plugins.traffic;

import com.shopops.api.data.DataCoverage;
import com.shopops.api.data.OrderFigures;
import com.shopops.api.data.SellThrough;
import com.shopops.api.data.ShopData;
import com.shopops.api.data.TrafficFigures;
import com.shopops.plugins.traffic.analysis.Kpis.Coverage;
import com.shopops.plugins.traffic.analysis.Kpis.OrderTotals;
import com.shopops.plugins.traffic.analysis.Kpis.Period;
import com.shopops.plugins.traffic.analysis.Kpis.ProductTotals;
import com.shopops.plugins.traffic.analysis.Kpis.Totals;
import com.shopops.plugins.traffic.analysis.Kpis.TrafficTotals;
import com.shopops.plugins.traffic.analysis.Kpis.WindowTotals;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The totals the KPIs, the target check and the decomposition are made from, read through the core's
 * aggregate reads ({@link ShopData#orderFigures}, {@link ShopData#trafficFigures}, …), which add up in
 * the database: a range's answer is a few rows however many orders it holds (the issue asks for 200 ms
 * on a million orders). Targets are read through {@code ShopData.dayTargets}.
 */
final class KpiStore {

    /** The traffic report's shop total. */
    private static final String ALL = "all";

    private final ShopData data;

    KpiStore(ShopData data) {
        this.data = data;
    }

    /** The shop's first and last order day (any status) and last shop-total traffic day. */
    Coverage coverage(long shopId) {
        DataCoverage c = data.coverage(shopId);
        return new Coverage(c.firstOrder(), c.lastOrder(), c.lastTraffic());
    }

    /** Everything one range's figures need; order parts null when {@code coverage} does not know them. */
    Totals totals(long shopId, Period p, Coverage coverage) {
        boolean known = coverage.ordersKnown(p);
        return new Totals(p, known ? orders(shopId, p) : null, traffic(shopId, p), known ? products(shopId, p) : null,
                coverage.ordersKnown(p.window()) ? window(shopId, p.window()) : null);
    }

    /** Only the orders and traffic of a range (sales, buyers, visitors): what the decomposition and target check need. */
    Totals salesAndVisitors(long shopId, Period p, Coverage coverage) {
        return new Totals(p, coverage.ordersKnown(p) ? orders(shopId, p) : null, traffic(shopId, p), null, null);
    }

    /** Order totals of a range; buyers counted per day and summed (see {@code Kpis}). */
    OrderTotals orders(long shopId, Period p) {
        OrderFigures o = data.orderFigures(shopId, p.from(), p.to());
        return new OrderTotals(o.orders(), o.sales(), o.dailyBuyers(), o.refundedOrders(), o.customers(), o.returningCustomers());
    }

    /** The shop-total traffic rows of a range, added up. */
    TrafficTotals traffic(long shopId, Period p) {
        TrafficFigures t = data.trafficFigures(shopId, p.from(), p.to(), ALL);
        return new TrafficTotals(t.days(), t.uv(), t.pv(), t.bounceUv(), t.bounced(), t.stayUv(), t.staySeconds());
    }

    private ProductTotals products(long shopId, Period p) {
        SellThrough s = data.sellThrough(shopId, p.from(), p.to());
        return new ProductTotals(s.listed(), s.sold());
    }

    /** The rolling window: distinct buyers over its days (not per day) and sales. */
    private WindowTotals window(long shopId, Period p) {
        OrderFigures o = data.orderFigures(shopId, p.from(), p.to());
        return new WindowTotals(o.buyers(), o.sales());
    }

    /** Visitors of each traffic source other than {@code all} over a range, by source name. */
    Map<String, Long> sourceVisitors(long shopId, Period p) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (TrafficFigures t : data.trafficFiguresBySource(shopId, p.from(), p.to())) {
            if (!ALL.equals(t.source())) {
                out.put(t.source(), t.uv());
            }
        }
        return out;
    }
}
