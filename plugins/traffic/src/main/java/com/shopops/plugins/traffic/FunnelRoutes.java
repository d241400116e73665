package com.shopops.plugins.traffic;

import com.shopops.api.Messages;
import com.shopops.api.Routes;
import com.shopops.api.Settings;
import com.shopops.api.ShopRequest;
import com.shopops.plugins.traffic.FunnelStore.PageWeek;
import com.shopops.plugins.traffic.FunnelStore.ProductFigures;
import com.shopops.plugins.traffic.FunnelStore.ProductFunnel;
import com.shopops.plugins.traffic.FunnelStore.Ranking;
import com.shopops.plugins.traffic.analysis.Funnel;
import com.shopops.plugins.traffic.analysis.Funnel.Benchmarks;
import com.shopops.plugins.traffic.analysis.Funnel.Stage;
import com.shopops.plugins.traffic.analysis.HourlyHeatMap;
import com.shopops.plugins.traffic.analysis.PageHealth;
import com.shopops.plugins.traffic.analysis.PageHealth.Check;
import com.shopops.plugins.traffic.analysis.PageHealth.Thresholds;
import com.shopops.plugins.traffic.analysis.PageHealth.Verdict;
import com.shopops.plugins.traffic.analysis.ProductLifecycle;
import io.javalin.http.BadRequestResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The funnel, heat map, top products and page health routes of the traffic plugin, under
 * {@code /api/shops/{shop}/p/traffic}. Days are shop-local ISO dates ({@code YYYY-MM-DD}), both ends
 * included; money is in the shop currency's minor units; rates are fractions (0.25 = 25%) rounded to
 * 6 decimals, and null where their denominator is zero. A bad parameter is a 400 whose message names it.
 *
 * <h2>{@code GET /funnel?from=&to=[&product=]} (traffic.view)</h2>
 * The funnel from behaviour events, of the shop or of one product (its code: the events' item id / SKU).
 * The example is the real Taobao UserBehavior slice in the tests.
 * <pre>
 * {"from":"2017-11-25","to":"2017-12-03","product":null,
 *  "visitors":139,"views":13685,"favourites":390,"carts":766,"buys":300,"buyers":87,
 *  "rates":{"viewToIntent":0.084472,"intentToBuy":0.259516,"viewToBuy":0.021922,"conversionRate":0.625899},
 *  "stages":[{"stage":"viewToIntent","entered":13685,"passed":1156,"rate":0.084472,"benchmark":0.09,"index":0.938578},
 *            {"stage":"intentToBuy","entered":1156,"passed":300,"rate":0.259516,"benchmark":0.24,"index":1.081315}],
 *  "leak":"viewToIntent",
 *  "days":[{"day":"2017-11-25","visitors":96,"views":1482,"favourites":31,"carts":85,"buys":22,"buyers":16,
 *           "rates":{"viewToIntent":0.078273,"intentToBuy":0.189655,"viewToBuy":0.014845,"conversionRate":0.166667},
 *           "leak":"intentToBuy"}, …every day of the range, empty days with zeros…]}
 * </pre>
 * Counts are events, except {@code visitors} (distinct shoppers with any event) and {@code buyers}
 * (distinct shoppers with a buy). {@code viewToIntent} = (favourites + carts) ÷ views; {@code intentToBuy} =
 * buys ÷ (favourites + carts) (above 1 when shoppers buy straight from the page); {@code viewToBuy} =
 * buys ÷ views; {@code conversionRate} = buyers ÷ visitors. {@code index} = rate ÷ benchmark. {@code leak}
 * is the stage furthest below its benchmark (lowest index below 1), or null when no stage is below (or
 * nothing was viewed); the benchmarks are Taobao's (see {@link Benchmarks#DEFAULT}).
 *
 * <h2>{@code GET /funnel/products?from=&to=[&limit=20]} (traffic.view)</h2>
 * <pre>
 * {"from":…,"to":…,"products":[{"product":"SKU-1","title":"…"|null,"visitors":…,"views":…,"favourites":…,
 *   "carts":…,"buys":…,"buyers":…,"rates":{…},"leak":"intentToBuy"|null}, …]}
 * </pre>
 * The {@code limit} (1–500) products with the most views, then most visitors, then by code; {@code visitors}
 * are distinct shoppers with any event on the product.
 *
 * <h2>{@code GET /heatmap?from=&to=} (traffic.view)</h2>
 * <pre>
 * {"from":…,"to":…,"timeZone":"Asia/Shanghai","currency":"CNY",
 *  "days":[{"weekday":1,"days":5}, …7 rows, Monday (1) to Sunday (7)],
 *  "cells":[{"weekday":1,"hour":0,"sales":0,"orders":0,"visitors":0}, …168 cells, Monday 0:00 to Sunday 23:00]}
 * </pre>
 * {@code weekday} is ISO (1 = Monday); {@code hour} 0–23 in the shop's time zone; {@code sales} and
 * {@code orders} of orders not cancelled, placed in that hour; {@code visitors} the sum over the cell's
 * clock hours of each hour's distinct shoppers (from behaviour events). {@code days} says how many of each
 * weekday the range holds, to turn a cell into an average day.
 *
 * <h2>{@code GET /products?from=&to=[&by=traffic|sales][&limit=20]} (traffic.view)</h2>
 * <pre>
 * {"from":…,"to":…,"by":"traffic","currency":"CNY",
 *  "products":[{"product":"SKU-1","title":"…"|null,"views":…,"viewers":…,"sales":…,"units":…,"orders":…,
 *    "lifecycle":{"stage":"new|growing|mature|declining|inactive","listedOn":"2024-01-02"|null,
 *                 "firstSale":"2024-01-03"|null,"recentUnits":…,"earlierUnits":…,"trend":1.25|null,
 *                 "weeklyUnits":[…8 weeks, oldest first, the last ending on `to`]}}, …]}
 * </pre>
 * Ranked by views (then viewers) with {@code by=traffic} (default), by line sales with {@code by=sales};
 * ties by code. {@code views}/{@code viewers}: view events / distinct viewers; {@code sales}/{@code units}/
 * {@code orders}: the product's order lines in orders not cancelled. The lifecycle rules are in
 * {@link ProductLifecycle}.
 *
 * <h2>{@code GET /page-health[?weekOf=]} (traffic.view)</h2>
 * The week (Monday to Sunday) holding {@code weekOf}; without it, last week (the shop's today minus 7 days).
 * <pre>
 * {"weekOf":"2024-03-06","from":"2024-03-04","to":"2024-03-10","currency":"CNY",
 *  "figures":{"sales":…,"orders":…,"shopAov":…|null,"heroProduct":"SKU-1"|null,"heroTitle":…|null,
 *             "heroSales":…,"heroOrders":…,"heroAov":…|null,"uv":…,"pv":…,"bounceRate":0.64|null},
 *  "checks":[{"check":"aovRatio","value":1.42|null,"pass":1.3,"good":null,"better":"higher","verdict":"pass","advice":null},
 *            {"check":"bounceRate","value":0.64,"pass":0.7,"good":0.6,"better":"lower","verdict":"pass","advice":null},
 *            {"check":"pagesPerVisit","value":2.1,"pass":2.5,"good":3.5,"better":"higher","verdict":"fail","advice":"…"}],
 *  "failing":true,"advice":"Fix the pages before buying more traffic …"|null}
 * </pre>
 * {@code verdict}: fail, pass, good, or unknown (no data); AOVs in minor units rounded to whole units;
 * {@code advice} in the user's language, only on failing checks, and the overall one when any fails.
 * Definitions: {@link PageHealth}.
 *
 * <h2>{@code GET /page-health/thresholds} (traffic.view) and {@code PUT /page-health/thresholds} (traffic.edit)</h2>
 * <pre>
 * {"thresholds":{"page-health.aov-ratio":1.3,"page-health.bounce-rate.pass":0.7,"page-health.bounce-rate.good":0.6,
 *                "page-health.pages-per-visit.pass":2.5,"page-health.pages-per-visit.good":3.5},
 *  "defaults":{…same keys…}}
 * </pre>
 * PUT takes some of those keys, {@code {"page-health.bounce-rate.pass":0.65,"page-health.aov-ratio":null}}: a
 * number (or numeric text) stores it in the plugin's settings for the shop, null removes it (the default
 * applies again); unknown keys, non-numbers, values out of range and thresholds that contradict each
 * other (a "good" bounce rate above the passing one) are refused with 400 and nothing is stored. It
 * answers like GET.
 */
final class FunnelRoutes {

    /** Longest range a route reads, in days: ten years. */
    static final int MAX_DAYS = 3660;
    /** Most rows a list route returns. */
    static final int MAX_LIMIT = 500;

    private final FunnelStore store;
    private final Settings settings;
    private final Messages messages;
    private final Clock clock;

    FunnelRoutes(FunnelStore store, Settings settings, Messages messages, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    void register(Routes routes) {
        routes.get("/funnel", TrafficRoutes.VIEW, this::funnel)
                .get("/funnel/products", TrafficRoutes.VIEW, this::funnelProducts)
                .get("/heatmap", TrafficRoutes.VIEW, this::heatMap)
                .get("/products", TrafficRoutes.VIEW, this::products)
                .get("/page-health", TrafficRoutes.VIEW, this::pageHealth)
                .get("/page-health/thresholds", TrafficRoutes.VIEW, this::thresholds)
                .put("/page-health/thresholds", TrafficRoutes.EDIT, this::putThresholds);
    }

    private void funnel(ShopRequest req) {
        LocalDate[] range = range(req);
        String product = text(req, "product", 100);
        long shop = req.shop().id();
        Funnel total = store.funnel(shop, range[0], range[1], product);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", range[0].toString());
        out.put("to", range[1].toString());
        out.put("product", product);
        out.putAll(funnelJson(total));
        List<Map<String, Object>> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stage", stage.json());
            s.put("entered", stage == Stage.VIEW_TO_INTENT ? total.views() : total.intents());
            s.put("passed", stage == Stage.VIEW_TO_INTENT ? total.intents() : total.buys());
            s.put("rate", round(total.rate(stage)));
            s.put("benchmark", Benchmarks.DEFAULT.of(stage));
            s.put("index", round(total.index(stage, Benchmarks.DEFAULT)));
            stages.add(s);
        }
        out.put("stages", stages);
        out.put("leak", leak(total));
        List<Map<String, Object>> days = new ArrayList<>();
        store.funnelByDay(shop, range[0], range[1], product).forEach((day, f) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("day", day.toString());
            d.putAll(funnelJson(f));
            d.put("leak", leak(f));
            days.add(d);
        });
        out.put("days", days);
        req.ctx().json(out);
    }

    private void funnelProducts(ShopRequest req) {
        LocalDate[] range = range(req);
        int limit = limit(req);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProductFunnel p : store.funnelByProduct(req.shop().id(), range[0], range[1], limit)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("product", p.product());
            row.put("title", p.title());
            row.putAll(funnelJson(p.funnel()));
            row.put("leak", leak(p.funnel()));
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", range[0].toString());
        out.put("to", range[1].toString());
        out.put("products", rows);
        req.ctx().json(out);
    }

    private void heatMap(ShopRequest req) {
        LocalDate[] range = range(req);
        HourlyHeatMap map = HourlyHeatMap.of(range[0], range[1],
                store.hours(req.shop().id(), range[0], range[1]));
        List<Map<String, Object>> days = new ArrayList<>();
        for (int w = 0; w < 7; w++) {
            days.add(ordered("weekday", w + 1, "days", map.days().get(w)));
        }
        List<Map<String, Object>> cells = new ArrayList<>(map.cells().size());
        for (HourlyHeatMap.Cell c : map.cells()) {
            Map<String, Object> cell = ordered("weekday", c.weekday().getValue(), "hour", c.hour());
            cell.put("sales", c.sales());
            cell.put("orders", c.orders());
            cell.put("visitors", c.visitors());
            cells.add(cell);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", range[0].toString());
        out.put("to", range[1].toString());
        out.put("timeZone", req.shop().timeZone().getId());
        out.put("currency", req.shop().currency());
        out.put("days", days);
        out.put("cells", cells);
        req.ctx().json(out);
    }

    private void products(ShopRequest req) {
        LocalDate[] range = range(req);
        int limit = limit(req);
        String by = text(req, "by", 20);
        Ranking ranking;
        if (by == null || by.equals("traffic")) {
            ranking = Ranking.TRAFFIC;
        } else if (by.equals("sales")) {
            ranking = Ranking.SALES;
        } else {
            throw new BadRequestResponse("by: traffic or sales, not '" + by + "'");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProductFigures p : store.topProducts(req.shop().id(), range[0], range[1], ranking, limit)) {
            ProductLifecycle life = ProductLifecycle.of(range[1], p.listedOn(), p.firstSale(), p.weeklyUnits());
            Map<String, Object> lifecycle = new LinkedHashMap<>();
            lifecycle.put("stage", life.stage().json());
            lifecycle.put("listedOn", p.listedOn() == null ? null : p.listedOn().toString());
            lifecycle.put("firstSale", p.firstSale() == null ? null : p.firstSale().toString());
            lifecycle.put("recentUnits", life.recentUnits());
            lifecycle.put("earlierUnits", life.earlierUnits());
            lifecycle.put("trend", round(life.trend()));
            lifecycle.put("weeklyUnits", life.weeklyUnits());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("product", p.product());
            row.put("title", p.title());
            row.put("views", p.views());
            row.put("viewers", p.viewers());
            row.put("sales", p.sales());
            row.put("units", p.units());
            row.put("orders", p.orders());
            row.put("lifecycle", lifecycle);
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", range[0].toString());
        out.put("to", range[1].toString());
        out.put("by", ranking.name().toLowerCase(Locale.ROOT));
        out.put("currency", req.shop().currency());
        out.put("products", rows);
        req.ctx().json(out);
    }

    private void pageHealth(ShopRequest req) {
        LocalDate weekOf = day(req, "weekOf");
        if (weekOf == null) {
            weekOf = LocalDate.now(clock.withZone(req.shop().timeZone())).minusDays(7);
        }
        LocalDate monday = weekOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        long shop = req.shop().id();
        PageWeek week = store.pageWeek(shop, monday, sunday);
        PageHealth health = PageHealth.judge(week.figures(), Thresholds.fromSettings(settings.all(shop)));
        Locale locale = req.locale();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sales", week.figures().sales());
        figures.put("orders", week.figures().orders());
        figures.put("shopAov", money(week.figures().shopAov()));
        figures.put("heroProduct", week.heroProduct());
        figures.put("heroTitle", week.heroTitle());
        figures.put("heroSales", week.figures().heroSales());
        figures.put("heroOrders", week.figures().heroOrders());
        figures.put("heroAov", money(week.figures().heroAov()));
        figures.put("uv", week.figures().uv());
        figures.put("pv", week.figures().pv());
        figures.put("bounceRate", round(week.figures().bounceRate()));

        List<Map<String, Object>> checks = new ArrayList<>();
        for (Check c : health.checks()) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("check", c.name());
            check.put("value", c.value());
            check.put("pass", c.pass());
            check.put("good", c.good());
            check.put("better", c.better().json());
            check.put("verdict", c.verdict().json());
            check.put("advice", c.verdict() == Verdict.FAIL ? messages.text(locale, "pageHealth.advice." + c.name()) : null);
            checks.add(check);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("weekOf", weekOf.toString());
        out.put("from", monday.toString());
        out.put("to", sunday.toString());
        out.put("currency", req.shop().currency());
        out.put("figures", figures);
        out.put("checks", checks);
        out.put("failing", health.failing());
        out.put("advice", health.failing() ? messages.text(locale, "pageHealth.advice") : null);
        req.ctx().json(out);
    }

    private void thresholds(ShopRequest req) {
        req.ctx().json(thresholdsJson(Thresholds.fromSettings(settings.all(req.shop().id()))));
    }

    private void putThresholds(ShopRequest req) {
        String body = req.ctx().body();
        Map<String, Object> changes = thresholdChanges(body == null || body.isBlank() ? null : req.ctx().bodyAsClass(Object.class));
        try {
            req.ctx().json(thresholdsJson(saveThresholds(settings, req.shop().id(), changes)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    /**
     * Applies {@code changes} (key → number, numeric text, or null for the default) to the shop's
     * thresholds and stores the changed keys; refuses the whole change, storing nothing, when any part
     * of it is invalid.
     */
    static Thresholds saveThresholds(Settings settings, long shopId, Map<String, ?> changes) {
        Thresholds next = Thresholds.fromSettings(settings.all(shopId)).with(changes);
        Map<String, Double> values = next.asMap();
        for (String key : changes.keySet()) {
            if (changes.get(key) == null) {
                settings.remove(shopId, key);
            } else {
                settings.put(shopId, key, Thresholds.text(values.get(key)));
            }
        }
        return next;
    }

    /** The parsed body of a thresholds PUT as a map of key → value, or a 400 saying what to send. */
    static Map<String, Object> thresholdChanges(Object parsed) {
        String hint = "send a JSON object of thresholds, e.g. {\"" + Thresholds.BOUNCE_RATE_PASS + "\": 0.65}; null resets one";
        if (!(parsed instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new BadRequestResponse(hint);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        map.forEach((k, v) -> changes.put(String.valueOf(k), v));
        return changes;
    }

    static Map<String, Object> thresholdsJson(Thresholds t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("thresholds", t.asMap());
        out.put("defaults", Thresholds.DEFAULT.asMap());
        return out;
    }

    /** A funnel's counts and rates as JSON fields. */
    static Map<String, Object> funnelJson(Funnel f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("visitors", f.visitors());
        out.put("views", f.views());
        out.put("favourites", f.favourites());
        out.put("carts", f.carts());
        out.put("buys", f.buys());
        out.put("buyers", f.buyers());
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("viewToIntent", round(f.viewToIntent()));
        rates.put("intentToBuy", round(f.intentToBuy()));
        rates.put("viewToBuy", round(f.viewToBuy()));
        rates.put("conversionRate", round(f.conversionRate()));
        out.put("rates", rates);
        return out;
    }

    private static String leak(Funnel f) {
        return f.leak(Benchmarks.DEFAULT).map(Stage::json).orElse(null);
    }

    /** {@code from} and {@code to}, both required, in order, at most {@link #MAX_DAYS} days apart. */
    static LocalDate[] range(ShopRequest req) {
        LocalDate from = day(req, "from");
        LocalDate to = day(req, "to");
        if (from == null || to == null) {
            throw new BadRequestResponse("give the days as ?from=YYYY-MM-DD&to=YYYY-MM-DD");
        }
        if (to.isBefore(from)) {
            throw new BadRequestResponse("to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new BadRequestResponse("from–to: at most " + MAX_DAYS + " days");
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate day(ShopRequest req, String name) {
        return req.queryDay(name);
    }

    private static int limit(ShopRequest req) {
        String text = text(req, "limit", 20);
        if (text == null) {
            return 20;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequestResponse("limit: a whole number from 1 to " + MAX_LIMIT + ", not '" + text + "'");
    }

    private static String text(ShopRequest req, String name, int maxLength) {
        String text = req.ctx().queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > maxLength) {
            throw new BadRequestResponse(name + ": at most " + maxLength + " characters");
        }
        return text.strip();
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** A rate rounded to 6 decimals, or null. */
    static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).doubleValue();
    }

    /** An average in minor units rounded to a whole unit, or null. */
    static Long money(Double value) {
        return value == null ? null : Math.round(value);
    }
}
