package com.shopops.plugins.traffic;

import com.shopops.api.PluginContext;
import com.shopops.api.Routes;
import com.shopops.api.Shop;
import com.shopops.api.ShopRequest;
import com.shopops.api.data.ShopData;
import com.shopops.api.domain.DayTarget;
import com.shopops.plugins.traffic.analysis.Channel;
import com.shopops.plugins.traffic.analysis.Kpis;
import com.shopops.plugins.traffic.analysis.Kpis.Coverage;
import com.shopops.plugins.traffic.analysis.Kpis.Figures;
import com.shopops.plugins.traffic.analysis.Kpis.Period;
import com.shopops.plugins.traffic.analysis.SalesDecomposition;
import com.shopops.plugins.traffic.analysis.SalesDecomposition.SourceVisitors;
import com.shopops.plugins.traffic.analysis.SourceChannels;
import com.shopops.plugins.traffic.analysis.TargetCheck;
import io.javalin.http.BadRequestResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shop analysis routes under {@code /api/shops/{shop}/p/traffic}: key figures, the target check and
 * "why did sales move". Dates are shop-local ISO days ({@code 2026-11-22}); a missing day defaults to the
 * shop's yesterday; a bad day or range is a 400 with the reason. Money is in minor units, rates are
 * fractions, and {@code null} means unknown (never a made-up 0). JSON only: the page offers each of
 * its tables as CSV, and {@code ?format=csv} is a 400 saying so. The answers, field by field:
 *
 * <pre>
 * GET /kpis?from=&amp;to=            (both default to yesterday)
 * {"shop","currency",
 *  "periods":{"current":{"from","to"},"previous":{"from","to"},"lastYear":{"from","to"}},
 *  "sales","orders","buyers","uv","pv","conversionRate","aov","pagesPerVisit","bounceRate","avgStaySeconds",
 *  "refundRate","sellThrough","repeatBuyerShare","buyers30d","gmv30d":   each {"value","previous","lastYear"},
 *  "coverage":{"firstOrder","lastOrder","lastTraffic"},
 *  "definitions":{name: sentence, …}}
 *
 * GET /target-check?day=            (default yesterday)
 * {"shop","currency","date",
 *  "day":{"date","sales","target","gap","gapShare","met","uv","uvTarget","conversionRate","conversionRateTarget",
 *         "aov","aovTarget"},
 *  "monthToDate":{"from","to","sales","target","gap","gapShare","met"},
 *  "monthEnd":{"month","target","forecast","method" (targetWeights|straightLine),"gap","gapShare","onTrack",
 *              "daysLeft","remainingTarget","stillNeeded"},
 *  "definitions":{…}}
 *   gap = actual − target (negative: behind), gapShare = gap ÷ target; a target is null when a day has none.
 *
 * GET /decomposition?from=&amp;to=&amp;baseFrom=&amp;baseTo=   (from/to default yesterday; base: the same
 *                                                 number of days just before; give both base days or none)
 * {"shop","currency","from","to","baseFrom","baseTo",
 *  "sales","baseSales","salesChange","uvEffect","conversionEffect","aovEffect","buyersEffect",
 *  "method" (lmdi|zeroLimit|withoutUv|none),
 *  "factors":{"uv":{"value","base"},"buyers":{…},"conversionRate":{…},"aov":{…}},
 *  "bySource":[{"source","channel","uv","baseUv","uvChange","effect","spend"}],
 *  "byChannel":[{"channel","uvChange","effect"}],
 *  "unattributed":{"uvChange","effect"},
 *  "definitions":{…}}
 *   uvEffect + conversionEffect + aovEffect == salesChange and buyersEffect = uvEffect + conversionEffect
 *   exactly, in minor units; Σ bySource.effect + unattributed.effect == uvEffect (unattributed: what the
 *   source rows do not add up to against the shop total); Σ byChannel = Σ bySource. spend is null: the
 *   core holds no ad spend. Without traffic for some day uvEffect and conversionEffect are null and
 *   buyersEffect + aovEffect == salesChange; without orders every effect is null.
 * </pre>
 */
final class KpiRoutes {

    /** The longest range answered, in days. */
    static final long MAX_DAYS = 3L * 366 + 1;

    private final KpiStore store;
    private final TrafficStore channels;
    private final ShopData data;
    private final Clock clock;

    KpiRoutes(KpiStore store, TrafficStore channels, ShopData data, Clock clock) {
        this.store = store;
        this.channels = channels;
        this.data = data;
        this.clock = clock;
    }

    /** The routes of a started plugin. */
    static KpiRoutes of(PluginContext context, TrafficStore channels) {
        return new KpiRoutes(new KpiStore(context.data()), channels, context.data(), context.clock());
    }

    void register(Routes routes) {
        routes.get("/kpis", TrafficRoutes.VIEW, this::kpis)
                .get("/target-check", TrafficRoutes.VIEW, this::targetCheck)
                .get("/decomposition", TrafficRoutes.VIEW, this::decomposition);
    }

    private void kpis(ShopRequest req) {
        jsonOnly(req);
        Period p = period(req, "from", "to");
        req.ctx().json(kpis(req.shop(), p));
    }

    private void targetCheck(ShopRequest req) {
        jsonOnly(req);
        LocalDate day = day(req, "day", yesterday(req.shop()));
        req.ctx().json(targetCheck(req.shop(), day));
    }

    private void decomposition(ShopRequest req) {
        jsonOnly(req);
        Period p = period(req, "from", "to");
        String baseFrom = req.ctx().queryParam("baseFrom");
        String baseTo = req.ctx().queryParam("baseTo");
        if ((baseFrom == null) != (baseTo == null)) {
            throw new BadRequestResponse("give both baseFrom and baseTo, or neither for the same number of days just before");
        }
        Period base = baseFrom == null ? p.previous() : period(req, "baseFrom", "baseTo");
        req.ctx().json(decomposition(req.shop(), p, base));
    }

    // ------------------------------------------------------------------ answers (package-private for tests)

    Map<String, Object> kpis(Shop shop, Period p) {
        Coverage coverage = store.coverage(shop.id());
        Figures now = Kpis.of(store.totals(shop.id(), p, coverage));
        Figures previous = Kpis.of(store.totals(shop.id(), p.previous(), coverage));
        Figures lastYear = Kpis.of(store.totals(shop.id(), p.lastYear(), coverage));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shop", shop.code());
        out.put("currency", shop.currency());
        Map<String, Object> periods = new LinkedHashMap<>();
        periods.put("current", range(p));
        periods.put("previous", range(p.previous()));
        periods.put("lastYear", range(p.lastYear()));
        out.put("periods", periods);
        Kpis.compare(now, previous, lastYear).forEach((name, c) -> {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("value", c.value());
            figure.put("previous", c.previous());
            figure.put("lastYear", c.lastYear());
            out.put(name, figure);
        });
        Map<String, Object> cover = new LinkedHashMap<>();
        cover.put("firstOrder", text(coverage.firstOrder()));
        cover.put("lastOrder", text(coverage.lastOrder()));
        cover.put("lastTraffic", text(coverage.lastTraffic()));
        out.put("coverage", cover);
        out.put("definitions", Kpis.DEFINITIONS);
        return out;
    }

    Map<String, Object> targetCheck(Shop shop, LocalDate day) {
        Coverage coverage = store.coverage(shop.id());
        Figures figures = Kpis.of(store.salesAndVisitors(shop.id(), new Period(day, day), coverage));
        Period soFar = new Period(day.withDayOfMonth(1), day);
        Long monthToDate = coverage.ordersKnown(soFar) ? store.orders(shop.id(), soFar).sales() : null;
        YearMonth month = YearMonth.from(day);
        List<DayTarget> targets = data.dayTargets(shop.id(), month.atDay(1), month.atEndOfMonth());
        TargetCheck.Result r = TargetCheck.of(day,
                new TargetCheck.Actual(figures.sales(), figures.uv(), figures.conversionRate(), figures.aov()), monthToDate, targets);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shop", shop.code());
        out.put("currency", shop.currency());
        out.put("date", day.toString());
        TargetCheck.DayResult d = r.day();
        Map<String, Object> dayJson = new LinkedHashMap<>();
        dayJson.put("date", d.day().toString());
        dayJson.put("sales", d.sales());
        dayJson.put("target", d.target());
        dayJson.put("gap", d.gap());
        dayJson.put("gapShare", d.gapShare());
        dayJson.put("met", d.met());
        dayJson.put("uv", d.uv());
        dayJson.put("uvTarget", d.uvTarget());
        dayJson.put("conversionRate", d.conversionRate());
        dayJson.put("conversionRateTarget", d.conversionRateTarget());
        dayJson.put("aov", d.aov());
        dayJson.put("aovTarget", d.aovTarget());
        out.put("day", dayJson);
        TargetCheck.MonthToDate m = r.monthToDate();
        Map<String, Object> mtd = new LinkedHashMap<>();
        mtd.put("from", m.from().toString());
        mtd.put("to", m.to().toString());
        mtd.put("sales", m.sales());
        mtd.put("target", m.target());
        mtd.put("gap", m.gap());
        mtd.put("gapShare", m.gapShare());
        mtd.put("met", m.met());
        out.put("monthToDate", mtd);
        TargetCheck.MonthEnd e = r.monthEnd();
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("month", e.month().toString());
        end.put("target", e.target());
        end.put("forecast", e.forecast());
        end.put("method", e.method() == null ? null
                : e.method() == TargetCheck.ForecastMethod.TARGET_WEIGHTS ? "targetWeights" : "straightLine");
        end.put("gap", e.gap());
        end.put("gapShare", e.gapShare());
        end.put("onTrack", e.onTrack());
        end.put("daysLeft", e.daysLeft());
        end.put("remainingTarget", e.remainingTarget());
        end.put("stillNeeded", e.stillNeeded());
        out.put("monthEnd", end);
        Map<String, String> definitions = new LinkedHashMap<>();
        definitions.put("sales", Kpis.DEFINITIONS.get("sales"));
        definitions.put("target", "The day's sales target from the shop's target breakdown (a month with only a monthly "
                + "target spread evenly over its days); null when a day has none.");
        definitions.put("gap", "actual − target in minor units (negative: behind); gapShare = gap ÷ target.");
        definitions.put("forecast", "targetWeights: sales so far ÷ target so far × the month's target, i.e. the remaining days "
                + "reach the same share of their own targets; straightLine (when a day of the month has no target): sales so "
                + "far ÷ days gone × days in the month.");
        definitions.put("stillNeeded", "The month's target − sales so far.");
        out.put("definitions", definitions);
        return out;
    }

    Map<String, Object> decomposition(Shop shop, Period p, Period base) {
        Coverage coverage = store.coverage(shop.id());
        Figures now = Kpis.of(store.salesAndVisitors(shop.id(), p, coverage));
        Figures then = Kpis.of(store.salesAndVisitors(shop.id(), base, coverage));
        Map<String, Long> uvNow = store.sourceVisitors(shop.id(), p);
        Map<String, Long> uvThen = store.sourceVisitors(shop.id(), base);
        Map<String, Channel> own = channels.channels(shop.id());
        List<SourceVisitors> sources = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(uvNow.keySet());
        names.addAll(uvThen.keySet());
        for (String s : names) {
            sources.add(new SourceVisitors(s, SourceChannels.channelOf(s, own), uvNow.getOrDefault(s, 0L), uvThen.getOrDefault(s, 0L)));
        }
        SalesDecomposition.Result r = SalesDecomposition.of(new SalesDecomposition.Totals(now.sales(), now.buyers(), now.uv()),
                new SalesDecomposition.Totals(then.sales(), then.buyers(), then.uv()), sources);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shop", shop.code());
        out.put("currency", shop.currency());
        out.put("from", p.from().toString());
        out.put("to", p.to().toString());
        out.put("baseFrom", base.from().toString());
        out.put("baseTo", base.to().toString());
        out.put("sales", r.sales());
        out.put("baseSales", r.baseSales());
        out.put("salesChange", r.salesChange());
        out.put("uvEffect", r.uvEffect());
        out.put("conversionEffect", r.conversionEffect());
        out.put("aovEffect", r.aovEffect());
        out.put("buyersEffect", r.buyersEffect());
        out.put("method", switch (r.method()) {
            case LMDI -> "lmdi";
            case ZERO_LIMIT -> "zeroLimit";
            case WITHOUT_UV -> "withoutUv";
            case NONE -> "none";
        });
        Map<String, Object> factors = new LinkedHashMap<>();
        factors.put("uv", pair(now.uv(), then.uv()));
        factors.put("buyers", pair(now.buyers(), then.buyers()));
        factors.put("conversionRate", pair(now.conversionRate(), then.conversionRate()));
        factors.put("aov", pair(now.aov(), then.aov()));
        out.put("factors", factors);
        List<Map<String, Object>> bySource = new ArrayList<>();
        for (SalesDecomposition.SourceEffect s : r.bySource()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("source", s.source());
            row.put("channel", s.channel().name().toLowerCase(Locale.ROOT));
            row.put("uv", s.uv());
            row.put("baseUv", s.baseUv());
            row.put("uvChange", s.uvChange());
            row.put("effect", s.effect());
            row.put("spend", s.spend());
            bySource.add(row);
        }
        out.put("bySource", bySource);
        List<Map<String, Object>> byChannel = new ArrayList<>();
        for (SalesDecomposition.ChannelEffect c : r.byChannel()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("channel", c.channel().name().toLowerCase(Locale.ROOT));
            row.put("uvChange", c.uvChange());
            row.put("effect", c.effect());
            byChannel.add(row);
        }
        out.put("byChannel", byChannel);
        Map<String, Object> unattributed = new LinkedHashMap<>();
        unattributed.put("uvChange", r.unattributedUvChange());
        unattributed.put("effect", r.unattributedEffect());
        out.put("unattributed", unattributed);
        out.put("definitions", DECOMPOSITION_DEFINITIONS);
        return out;
    }

    static final Map<String, String> DECOMPOSITION_DEFINITIONS = decompositionDefinitions();

    private static Map<String, String> decompositionDefinitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("salesChange", "sales − baseSales, minor units (sales as in /kpis: orders not cancelled).");
        d.put("method", "lmdi: logarithmic mean Divisia index (LMDI-I): effect of x = L(sales, baseSales) × ln(x ÷ base x), "
                + "L(a,b) = (a − b) ÷ (ln a − ln b), with sales = uv × conversionRate × aov; zeroLimit: a factor was 0 or "
                + "undefined in one period and takes the whole change (the limit of LMDI-I); withoutUv: no traffic for some "
                + "day, so only buyers and AOV are separated; none: nothing to split.");
        d.put("effects", "Rounded to minor units so that uvEffect + conversionEffect + aovEffect = salesChange exactly "
                + "(largest remainder).");
        d.put("bySource", "The UV effect shared among traffic sources (rows other than 'all') in proportion to their change "
                + "in visitors; channel: the shop's mapping, else the guess from the name.");
        d.put("unattributed", "The part of the UV change and effect that the source rows do not account for (they need "
                + "not add up to the shop total).");
        d.put("spend", "Ad spend of the source in the period: null, the core holds no ad spend.");
        d.put("uv", Kpis.DEFINITIONS.get("uv"));
        d.put("buyers", Kpis.DEFINITIONS.get("buyers"));
        d.put("conversionRate", Kpis.DEFINITIONS.get("conversionRate"));
        d.put("aov", Kpis.DEFINITIONS.get("aov"));
        return java.util.Collections.unmodifiableMap(d);
    }

    // ------------------------------------------------------------------ parameters

    private LocalDate yesterday(Shop shop) {
        return LocalDate.now(clock.withZone(shop.timeZone())).minusDays(1);
    }

    private static void jsonOnly(ShopRequest req) {
        String format = req.ctx().queryParam("format");
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw new BadRequestResponse("format: only json is served here (the page offers each table as CSV)");
        }
    }

    private Period period(ShopRequest req, String fromName, String toName) {
        LocalDate yesterday = yesterday(req.shop());
        LocalDate to = day(req, toName, yesterday);
        LocalDate from = day(req, fromName, req.ctx().queryParam(toName) == null ? yesterday : to);
        if (from.isAfter(to)) {
            throw new BadRequestResponse(fromName + " (" + from + ") is after " + toName + " (" + to + ")");
        }
        Period p = new Period(from, to);
        if (p.days() > MAX_DAYS) {
            throw new BadRequestResponse(fromName + " to " + toName + ": at most " + MAX_DAYS + " days, not " + p.days());
        }
        return p;
    }

    private static LocalDate day(ShopRequest req, String name, LocalDate otherwise) {
        LocalDate day = req.queryDay(name);
        return day == null ? otherwise : day;
    }

    private static Map<String, Object> range(Period p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", p.from().toString());
        m.put("to", p.to().toString());
        return m;
    }

    private static Map<String, Object> pair(Object value, Object base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("base", base);
        return m;
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
