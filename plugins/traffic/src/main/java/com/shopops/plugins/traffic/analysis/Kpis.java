package com.shopops.plugins.traffic.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shop's key figures over a range of shop-local days (DOMAIN.md, "Figures each role watches"), from
 * totals the store adds up. The definitions, also served as {@code definitions} with every answer:
 * <ul>
 *   <li><b>Orders that count</b>: orders placed on the days of the range whose status is not CANCELLED
 *       (REFUNDED ones count, as in the core summary: a refund is a later event, see refund rate).</li>
 *   <li><b>sales</b>: the sum of those orders' amounts, minor units. <b>orders</b>: their number.</li>
 *   <li><b>buyers</b>: buyers per day, summed over the days: each day's distinct customers plus its guest
 *       orders (a guest cannot be recognised, so each guest order is one buyer). Counted per day like
 *       the platform's daily visitors, so that conversion over a week is the visitor-weighted mean of
 *       its days' conversion and {@code uv × conversionRate × aov = sales} holds for any range.</li>
 *   <li><b>uv</b>, <b>pv</b>: the sums of the daily shop-total traffic rows (source {@code all}); null
 *       unless every day of the range has such a row (a partly imported range would understate them).</li>
 *   <li><b>conversionRate</b> = buyers ÷ uv; <b>aov</b> = sales ÷ buyers (minor units, rounded half up;
 *       per buyer, as the issue defines it, not per order); <b>pagesPerVisit</b> = pv ÷ uv.</li>
 *   <li><b>bounceRate</b>, <b>avgStaySeconds</b>: the daily rows' figures averaged weighted by the day's
 *       uv (both are per visitor on the platforms' reports), over the days that have them.</li>
 *   <li><b>refundRate</b>: of the orders that count, the share with at least one refund (whenever it was
 *       made) — by orders, as the platforms count 退款率.</li>
 *   <li><b>sellThrough</b> (动销率): products listed (status LISTED and listed on or before the last day,
 *       or with no listing day) with at least one unit sold in an order that counts ÷ products listed.</li>
 *   <li><b>repeatBuyerShare</b>: of the distinct known customers with an order that counts, the share
 *       whose first such order was before the range; guests are left out.</li>
 *   <li><b>buyers30d</b>, <b>gmv30d</b>: distinct buyers (customers plus guest orders) and sales of the
 *       30 days ending on the range's last day.</li>
 *   <li><b>previous</b>: the same number of days just before; <b>lastYear</b>: the same dates a year
 *       earlier (29 February becomes the 28th).</li>
 *   <li>Order figures are null (unknown, not 0) for a range that starts before the shop's first order
 *       or ends after the last day with orders or traffic; a ratio is null when its divisor is 0.</li>
 * </ul>
 */
public final class Kpis {

    private Kpis() {
    }

    /** The figure names in the order they are served. */
    public static final String[] NAMES = {"sales", "orders", "buyers", "uv", "pv", "conversionRate", "aov", "pagesPerVisit",
            "bounceRate", "avgStaySeconds", "refundRate", "sellThrough", "repeatBuyerShare", "buyers30d", "gmv30d"};

    /** Each figure's definition in one sentence, for the UI and the JSON. */
    public static final Map<String, String> DEFINITIONS = definitions();

    /** Days in the rolling window of {@code buyers30d} and {@code gmv30d}. */
    public static final int WINDOW_DAYS = 30;

    /** A range of shop-local days, both ends inclusive. */
    public record Period(LocalDate from, LocalDate to) {

        public Period {
            if (from == null || to == null) {
                throw new IllegalArgumentException("give both the first and the last day");
            }
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
            }
        }

        /** Number of days. */
        public long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }

        /** The same number of days just before. */
        public Period previous() {
            return new Period(from.minusDays(days()), from.minusDays(1));
        }

        /** The same dates a year earlier. */
        public Period lastYear() {
            return new Period(from.minusYears(1), to.minusYears(1));
        }

        /** The {@value #WINDOW_DAYS} days ending on {@code to}. */
        public Period window() {
            return new Period(to.minusDays(WINDOW_DAYS - 1L), to);
        }

        /** Whether {@code other} lies inside this range. */
        public boolean contains(Period other) {
            return !other.from.isBefore(from) && !other.to.isAfter(to);
        }
    }

    /**
     * What the shop's data covers: orders are known from its first order to the last day that has
     * orders or shop-total traffic (a day with visitors and no orders sold nothing; a day after that is
     * not imported yet). Null days: no data.
     */
    public record Coverage(LocalDate firstOrder, LocalDate lastOrder, LocalDate lastTraffic) {

        /** The days whose orders are known, or null. */
        public Period orders() {
            if (firstOrder == null) {
                return null;
            }
            LocalDate last = lastTraffic != null && lastTraffic.isAfter(lastOrder) ? lastTraffic : lastOrder;
            return new Period(firstOrder, last);
        }

        /** Whether every day of {@code p} has known orders. */
        public boolean ordersKnown(Period p) {
            Period known = orders();
            return known != null && known.contains(p);
        }
    }

    /**
     * Order totals of a range (see the class's definitions).
     *
     * @param orders          orders that count
     * @param sales           their amounts, minor units
     * @param buyers          buyers per day, summed
     * @param refundedOrders  of the orders, those with a refund
     * @param customers       distinct known customers
     * @param returning       of them, those whose first order that counts was before the range
     */
    public record OrderTotals(long orders, long sales, long buyers, long refundedOrders, long customers, long returning) {
    }

    /**
     * Totals of the shop-total traffic rows of a range.
     *
     * @param days      days with a row
     * @param uv        visitors summed
     * @param pv        page views summed
     * @param bounceUv  visitors of the rows that have a bounce rate
     * @param bounceSum Σ bounce rate × uv over those rows
     * @param stayUv    visitors of the rows that have an average stay
     * @param staySum   Σ average stay × uv over those rows
     */
    public record TrafficTotals(long days, long uv, long pv, long bounceUv, double bounceSum, long stayUv, double staySum) {

        /** No traffic rows. */
        public static final TrafficTotals NONE = new TrafficTotals(0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Products listed over a range and how many of them sold.
     *
     * @param listed products listed
     * @param sold   of them, those with at least one unit sold
     */
    public record ProductTotals(long listed, long sold) {
    }

    /**
     * The rolling window's totals.
     *
     * @param buyers distinct customers plus guest orders
     * @param sales  sales, minor units
     */
    public record WindowTotals(long buyers, long sales) {
    }

    /**
     * Everything a range's figures are made from; null parts are unknown.
     *
     * @param period   the range
     * @param orders   its order totals, or null when its orders are not known
     * @param traffic  its shop-total traffic
     * @param products its products, or null when its orders are not known
     * @param window   the 30 days ending on its last day, or null when those orders are not known
     */
    public record Totals(Period period, OrderTotals orders, TrafficTotals traffic, ProductTotals products, WindowTotals window) {
    }

    /** One range's figures; null where unknown or undefined. Money in minor units, rates as fractions. */
    public record Figures(Long sales, Long orders, Long buyers, Long uv, Long pv, Double conversionRate, Long aov,
                          Double pagesPerVisit, Double bounceRate, Double avgStaySeconds, Double refundRate, Double sellThrough,
                          Double repeatBuyerShare, Long buyers30d, Long gmv30d) {

        /** The figure called {@code name} (one of {@link #NAMES}). */
        public Object get(String name) {
            return switch (name) {
                case "sales" -> sales;
                case "orders" -> orders;
                case "buyers" -> buyers;
                case "uv" -> uv;
                case "pv" -> pv;
                case "conversionRate" -> conversionRate;
                case "aov" -> aov;
                case "pagesPerVisit" -> pagesPerVisit;
                case "bounceRate" -> bounceRate;
                case "avgStaySeconds" -> avgStaySeconds;
                case "refundRate" -> refundRate;
                case "sellThrough" -> sellThrough;
                case "repeatBuyerShare" -> repeatBuyerShare;
                case "buyers30d" -> buyers30d;
                case "gmv30d" -> gmv30d;
                default -> throw new IllegalArgumentException("no figure " + name);
            };
        }
    }

    /** A figure with the same figure of the previous period and of last year. */
    public record Compared(Object value, Object previous, Object lastYear) {
    }

    /** The figures of one range from its totals. */
    public static Figures of(Totals t) {
        OrderTotals o = t.orders();
        TrafficTotals tr = t.traffic() == null ? TrafficTotals.NONE : t.traffic();
        boolean trafficKnown = tr.days() == t.period().days();
        Long uv = trafficKnown ? tr.uv() : null;
        Long pv = trafficKnown ? tr.pv() : null;
        Long sales = o == null ? null : o.sales();
        Long buyers = o == null ? null : o.buyers();
        Double conversion = buyers == null || uv == null || uv == 0 ? null : (double) buyers / uv;
        Long aov = buyers == null || buyers == 0 ? null : Math.round((double) sales / buyers);
        Double pages = uv == null || uv == 0 ? null : (double) pv / uv;
        // Bounce and stay are averages the platform reports per day; with uv weights they need no full coverage.
        Double bounce = tr.bounceUv() > 0 ? tr.bounceSum() / tr.bounceUv() : null;
        Double stay = tr.stayUv() > 0 ? tr.staySum() / tr.stayUv() : null;
        Double refundRate = o == null || o.orders() == 0 ? null : (double) o.refundedOrders() / o.orders();
        ProductTotals p = t.products();
        Double sellThrough = p == null || p.listed() == 0 ? null : (double) p.sold() / p.listed();
        Double repeat = o == null || o.customers() == 0 ? null : (double) o.returning() / o.customers();
        WindowTotals w = t.window();
        return new Figures(sales, o == null ? null : o.orders(), buyers, uv, pv, conversion, aov, pages, bounce, stay,
                refundRate, sellThrough, repeat, w == null ? null : w.buyers(), w == null ? null : w.sales());
    }

    /** Each figure by name beside its previous period's and last year's value. */
    public static Map<String, Compared> compare(Figures now, Figures previous, Figures lastYear) {
        Map<String, Compared> out = new LinkedHashMap<>();
        for (String name : NAMES) {
            out.put(name, new Compared(now.get(name), previous.get(name), lastYear.get(name)));
        }
        return out;
    }

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("sales", "Sum of the amounts of the orders placed on the days of the range whose status is not CANCELLED "
                + "(REFUNDED orders count, as in the core summary), in minor units.");
        d.put("orders", "Number of those orders.");
        d.put("buyers", "Buyers per day summed over the days: each day's distinct customers plus its guest orders "
                + "(one buyer each), so that it matches the daily visitor counts summed in uv.");
        d.put("uv", "Visitors: the daily shop-total traffic rows (source 'all') summed; null unless every day has one.");
        d.put("pv", "Page views: the daily shop-total traffic rows summed; null unless every day has one.");
        d.put("conversionRate", "buyers ÷ uv, as a fraction.");
        d.put("aov", "Average order value per buyer: sales ÷ buyers, in minor units, rounded half up.");
        d.put("pagesPerVisit", "pv ÷ uv.");
        d.put("bounceRate", "The daily rows' bounce rates averaged weighted by each day's uv (days without one left out), "
                + "as a fraction.");
        d.put("avgStaySeconds", "The daily rows' average stay averaged weighted by each day's uv (days without one left out), "
                + "in seconds.");
        d.put("refundRate", "Of the orders counted in sales, the share that has at least one refund (whenever made).");
        d.put("sellThrough", "Products listed (status LISTED, listed on or before the last day or with no listing day) "
                + "with at least one unit sold in the range ÷ those products.");
        d.put("repeatBuyerShare", "Of the distinct known customers who bought in the range, the share whose first "
                + "(not cancelled) order was before the range; guest orders are left out.");
        d.put("buyers30d", "Distinct buyers (customers plus guest orders) of the 30 days ending on the range's last day.");
        d.put("gmv30d", "Sales of the 30 days ending on the range's last day, in minor units.");
        d.put("previous", "The same number of days just before the range.");
        d.put("lastYear", "The same dates a year earlier (29 February becomes the 28th).");
        d.put("null", "Unknown: no orders imported for some day of the range (before the first order or after the "
                + "last day with orders or traffic), no traffic row for some day, or a divisor of 0.");
        return java.util.Collections.unmodifiableMap(d);
    }
}
