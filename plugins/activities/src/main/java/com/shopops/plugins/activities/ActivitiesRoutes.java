package com.shopops.plugins.activities;

import com.shopops.api.Messages;
import com.shopops.api.Routes;
import com.shopops.api.Settings;
import com.shopops.api.ShopRequest;
import com.shopops.api.data.ShopData;
import com.shopops.api.domain.Product;
import com.shopops.plugins.activities.CampaignStore.Filter;
import com.shopops.plugins.activities.CampaignStore.Move;
import com.shopops.plugins.activities.analysis.Campaign;
import com.shopops.plugins.activities.analysis.CampaignProduct;
import com.shopops.plugins.activities.analysis.CampaignCalendar;
import com.shopops.plugins.activities.analysis.CampaignProgress;
import com.shopops.plugins.activities.analysis.CampaignStatus;
import com.shopops.plugins.activities.analysis.CampaignTemplate;
import com.shopops.plugins.activities.analysis.EntryCheck;
import com.shopops.plugins.activities.analysis.EntryRules;
import com.shopops.plugins.activities.analysis.ListedProduct;
import com.shopops.plugins.activities.analysis.ProductProgress;
import com.shopops.plugins.activities.analysis.Reminder;
import com.shopops.plugins.activities.analysis.StockOut;
import com.shopops.plugins.activities.analysis.StatusPipeline;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The activities plugin's routes under {@code /api/shops/{shop}/p/activities}. Days are shop-local ISO
 * days, instants UTC ISO-8601, money in minor units, {@code null} means unknown or not set. Reads need
 * {@code activities.view}, changes {@code activities.edit}. A bad parameter or body is a 400 naming the
 * field; a status move the pipeline does not allow is a 409 with its reason.
 *
 * <pre>
 * GET  /campaigns?status=&amp;from=&amp;to=&amp;channel=   {"shop","currency","campaigns":[campaign]}; from..to keeps the campaigns
 *                                         live on a day of it or with their deadline or review day in it;
 *                                         ?format=csv: one row per campaign
 * POST /campaigns                         body: {"name","kind":"platform|own","channel","registrationDeadline"?,
 *                                         "reviewOn"?,"liveFrom","liveTo","goalGmv"?,"goalUnits"?,"sourceTag"?,
 *                                         "products":[{"sku","allocated","price"?}]} → 201 campaign, status planned;
 *                                         deadline ≤ liveFrom ≤ liveTo, review ≤ liveFrom, every sku a product of the shop
 * GET  /campaigns/{id}                    campaign
 * PUT  /campaigns/{id}                    the same body as POST: replaces the fields and products (status and notes stay)
 * POST /campaigns/{id}/status             {"to","note"?} → campaign; 409 {"error": the pipeline's refusal}
 * GET  /campaigns/{id}/history            {"campaign":id,"history":[{"from","to","by","at","note"}]}, oldest first
 * PUT  /campaigns/{id}/review             {"notes"} → campaign (the 复盘 text; null or "" clears it)
 * GET  /campaigns/{id}/results            {"campaign":id,"name","days":[{"day","uv","impressions","clicks","orders","gmv",
 *                                         "ctr"}],"totals":{…}}: what the platform reported, by day
 * GET  /campaigns/{id}/progress?asOf=    {"campaign":{"id","name","status","liveFrom","liveTo","goalGmv","goalUnits"},"asOf",
 *                                         "daysTotal","daysElapsed","daysLeft","elapsedShare","units","orders","gmv",
 *                                         "orderShare","conversionRate","ctr","sellThrough","gmvAttainment","unitsAttainment",
 *                                         "unitsUplift","gmvUplift","baselineDays","attribution":"sourceTag|dates",
 *                                         "products":[{"sku","title","allocated","units","orders","gmv","sellThrough",
 *                                         "unitsUplift","gmvUplift","stockOut":{"remaining","unitsPerDay","runsOutOn",
 *                                         "soldOut","beforeEnd","daysShort"}|null}],"days":[{"day","units","orders","gmv"}]};
 *                                         asOf defaults to the shop's yesterday and is capped to the last live day; sales
 *                                         are the campaign products' (of the orders with its source tag when it has one),
 *                                         the baseline the same products' {@value CampaignFigures#BASELINE_DAYS} days before
 *                                         liveFrom, reach the imported results; rates are fractions, null when unknown
 * GET  /campaigns/{id}/entry-check        {"campaign":id,"channel","rules":{"lowestPriceDays","minSales",
 *                                         "stockCoversAllocation","minRating"},"passed","products":[{"sku","title","passed",
 *                                         "failures":[{"rule","message","actual","required"}]}]}: the shop's rules of the
 *                                         channel (own campaigns: own); message in the request's language
 * GET  /reminders?day=YYYY-MM-DD          {"day","reminders":[{"kind":"registration-deadline|behind-goal|stock-out|
 *                                         not-reviewed","campaignId","campaignName","sku","day","days","message","role"}]};
 *                                         day defaults to the shop's today, live campaigns read as of the day before
 * GET  /templates                        {"templates":[{"key","kind","channel","liveDays","discount","registrationDaysBefore",
 *                                         "reviewDaysBefore"}]}: the recurring campaigns, e.g. new-arrival (3 days at 20% off)
 * POST /templates/{key}                   {"name","startDay","products":[{"sku","allocated"}]} → 201 campaign, planned, priced at
 *                                         list price less the discount, dated from startDay
 * GET  /calendar?month=YYYY-MM            {"month","from","to","campaigns":[campaign],"events":[{"day","what":
 *                                         "registrationDeadline|reviewOn|liveFrom|liveTo","campaign","name","status"}],
 *                                         "weeks":[[{"date","inMonth","live":[campaign id],"events":[{"what":
 *                                         "registrationDeadline|reviewOn|reviewDue","campaign":id}]} × 7] from Monday]}
 * GET  /rules                             {"channels":[{"channel","rules","custom"}]}: the known channels and the shop's own
 * GET  /rules/{channel}                   {"channel","rules":{"lowestPriceDays","minSales","stockCoversAllocation",
 *                                         "minRating"},"defaults":{…},"custom"}
 * PUT  /rules/{channel}                   some or all rules (null: not checked) → the same as GET; a bad value changes nothing
 * DELETE /rules/{channel}                 back to the channel's defaults → the same as GET
 *
 * campaign = {"id","name","kind","channel","registrationDeadline","reviewOn","liveFrom","liveTo","goalGmv","goalUnits",
 *             "status","next":[statuses allowed from here],"sourceTag","products":[{"sku","title","allocated","price"}],
 *             "notes","createdBy","createdAt","updatedBy","updatedAt"}
 * </pre>
 */
final class ActivitiesRoutes {

    /** Fields a client may send back from a campaign it read; they are ignored, not refused. */
    private static final Set<String> READ_ONLY = Set.of("id", "status", "next", "notes", "createdBy", "createdAt", "updatedBy",
            "updatedAt");
    private static final Set<String> FIELDS = Set.of("name", "kind", "channel", "registrationDeadline", "reviewOn", "liveFrom",
            "liveTo", "goalGmv", "goalUnits", "sourceTag", "products");
    private static final int MAX_NOTES = 20_000;

    static final List<String> CSV_COLUMNS = List.of("id", "name", "kind", "channel", "status", "registrationDeadline", "reviewOn",
            "liveFrom", "liveTo", "goalGmv", "goalUnits", "products", "allocated", "sourceTag", "updatedBy", "updatedAt");

    private final CampaignStore store;
    private final ShopData data;
    private final Settings settings;
    private final Clock clock;
    private final CampaignFigures figures;
    private final ActivitiesWords words;

    ActivitiesRoutes(CampaignStore store, ShopData data, Settings settings, Clock clock, Messages messages) {
        this.store = store;
        this.data = data;
        this.settings = settings;
        this.clock = clock;
        this.figures = new CampaignFigures(store, data, settings, clock);
        this.words = new ActivitiesWords(messages);
    }

    void register(Routes routes) {
        routes.get("/campaigns", ActivitiesPlugin.VIEW, this::list)
                .post("/campaigns", ActivitiesPlugin.EDIT, this::create)
                .get("/campaigns/{id}", ActivitiesPlugin.VIEW, this::get)
                .put("/campaigns/{id}", ActivitiesPlugin.EDIT, this::update)
                .post("/campaigns/{id}/status", ActivitiesPlugin.EDIT, this::move)
                .get("/campaigns/{id}/history", ActivitiesPlugin.VIEW, this::history)
                .put("/campaigns/{id}/review", ActivitiesPlugin.EDIT, this::review)
                .get("/campaigns/{id}/results", ActivitiesPlugin.VIEW, this::results)
                .get("/campaigns/{id}/progress", ActivitiesPlugin.VIEW, this::progress)
                .get("/campaigns/{id}/entry-check", ActivitiesPlugin.VIEW, this::entryCheck)
                .get("/templates", ActivitiesPlugin.VIEW, this::templates)
                .post("/templates/{key}", ActivitiesPlugin.EDIT, this::fromTemplate)
                .get("/reminders", ActivitiesPlugin.VIEW, this::reminders)
                .get("/calendar", ActivitiesPlugin.VIEW, this::calendar)
                .get("/rules", ActivitiesPlugin.VIEW, this::allRules)
                .get("/rules/{channel}", ActivitiesPlugin.VIEW, this::rules)
                .put("/rules/{channel}", ActivitiesPlugin.EDIT, this::putRules)
                .delete("/rules/{channel}", ActivitiesPlugin.EDIT, this::resetRules);
    }

    // ---------------------------------------------------------------- campaigns

    private void list(ShopRequest req) {
        String statusText = req.ctx().queryParam("status");
        CampaignStatus status = statusText == null || statusText.isBlank() ? null : status(statusText, "status");
        LocalDate from = day(req.ctx().queryParam("from"), "from");
        LocalDate to = day(req.ctx().queryParam("to"), "to");
        if ((from == null) != (to == null)) {
            throw new BadRequestResponse(from == null ? "from is required with to" : "to is required with from");
        }
        if (from != null && from.isAfter(to)) {
            throw new BadRequestResponse("from " + from + " is after to " + to);
        }
        String channel = req.ctx().queryParam("channel");
        List<StoredCampaign> campaigns = store.list(req.shop().id(), new Filter(status, from, to,
                channel == null || channel.isBlank() ? null : channel.strip()));
        if (req.wantsCsv()) {
            List<List<?>> rows = new ArrayList<>();
            for (StoredCampaign s : campaigns) {
                Campaign c = s.campaign();
                rows.add(Arrays.asList(c.id(), c.name(), CampaignStore.code(c.kind()), c.channel(), CampaignStore.code(c.status()),
                        text(c.registrationDeadline()), text(c.reviewOn()), c.liveFrom().toString(), c.liveTo().toString(),
                        c.goalGmv(), c.goalUnits(),
                        c.products().stream().map(CampaignProduct::sku).collect(Collectors.joining(" ")),
                        c.products().stream().mapToLong(CampaignProduct::allocated).sum(), c.sourceTag(), s.updatedBy(),
                        s.updatedAt().toString()));
            }
            req.csv(req.shop().code() + "-campaigns.csv", CSV_COLUMNS, rows);
            return;
        }
        Map<String, String> titles = titles(req.shop().id());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("shop", req.shop().code());
        answer.put("currency", req.shop().currency());
        answer.put("campaigns", campaigns.stream().map(s -> json(s, titles)).toList());
        req.ctx().json(answer);
    }

    private void create(ShopRequest req) {
        Campaign c = body(req, 0);
        unique(req, c);
        StoredCampaign stored = store.create(req.shop().id(), c, req.user().name(), clock.instant());
        req.ctx().status(201).json(json(stored, titles(req.shop().id())));
    }

    private void get(ShopRequest req) {
        req.ctx().json(json(found(req), titles(req.shop().id())));
    }

    // ---------------------------------------------------------------- templates

    private void templates(ShopRequest req) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CampaignTemplate t : CampaignTemplate.BUILT_IN) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", t.key());
            m.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
            m.put("channel", t.channel());
            m.put("liveDays", t.liveDays());
            m.put("discount", t.discount());
            m.put("registrationDaysBefore", t.registrationDaysBefore());
            m.put("reviewDaysBefore", t.reviewDaysBefore());
            out.add(m);
        }
        req.ctx().json(Map.of("templates", out));
    }

    /**
     * A planned campaign made from a template: {@code {"name","startDay","products":[{"sku","allocated"}]}};
     * each product's campaign price is its list price less the template's discount, its dates follow the
     * start day. It is then a campaign like any other (201, the same JSON as {@code POST /campaigns}).
     */
    private void fromTemplate(ShopRequest req) {
        String key = req.pathParam("key");
        CampaignTemplate template = CampaignTemplate.builtIn(key).orElseThrow(() -> new NotFoundResponse(
                "no template '" + key + "'; the templates are " + CampaignTemplate.BUILT_IN.stream().map(CampaignTemplate::key).toList()));
        Map<?, ?> body = map(req);
        String name = requiredText(body, "name");
        LocalDate start = bodyDay(body, "startDay", true);
        Map<String, Product> bySku = new HashMap<>();
        for (Product p : data.products(req.shop().id())) {
            bySku.put(p.sku(), p);
        }
        if (!(body.get("products") instanceof List<?> rows) || rows.isEmpty()) {
            throw new BadRequestResponse("products: a list of {\"sku\",\"allocated\"}, at least one");
        }
        List<ListedProduct> listed = new ArrayList<>();
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> m) || !(m.get("sku") instanceof String sku)) {
                throw new BadRequestResponse("products: each a {\"sku\",\"allocated\"}");
            }
            Product p = bySku.get(sku);
            if (p == null) {
                throw new BadRequestResponse("products: '" + sku + "' is not a product of this shop");
            }
            if (p.price() == null) {
                throw new BadRequestResponse("products: '" + sku + "' has no list price to take the discount from");
            }
            if (!(m.get("allocated") instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0) {
                throw new BadRequestResponse("products: allocated of '" + sku + "' must be a whole number, 0 or more");
            }
            listed.add(new ListedProduct(sku, p.price(), n.longValue()));
        }
        Campaign c = CampaignTemplate.instantiate(template, name, start, listed);
        unique(req, c);
        StoredCampaign stored = store.create(req.shop().id(), c, req.user().name(), clock.instant());
        req.ctx().status(201).json(json(stored, titles(req.shop().id())));
    }

    private void update(ShopRequest req) {
        long id = found(req).id();
        Campaign c = body(req, id);
        unique(req, c);
        StoredCampaign stored = store.update(req.shop().id(), id, c, req.user().name(), clock.instant())
                .orElseThrow(() -> notFound(id));
        req.ctx().json(json(stored, titles(req.shop().id())));
    }

    private void move(ShopRequest req) {
        long id = id(req);
        Map<?, ?> body = map(req);
        Object to = body.get("to");
        if (!(to instanceof String toText) || toText.isBlank()) {
            throw new BadRequestResponse("to is required: one of " + statuses());
        }
        CampaignStatus target = status(toText, "to");
        String note = optionalText(body, "note", 2_000);
        Move m = store.move(req.shop().id(), id, target, note, req.user().name(), clock.instant());
        switch (m.outcome()) {
            case NOT_FOUND -> throw notFound(id);
            case REFUSED -> throw new ConflictResponse(m.refusal());
            default -> req.ctx().json(json(m.campaign(), titles(req.shop().id())));
        }
    }

    private void history(ShopRequest req) {
        long id = found(req).id();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("campaign", id);
        answer.put("history", store.history(req.shop().id(), id).stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", h.from() == null ? null : CampaignStore.code(h.from()));
            m.put("to", CampaignStore.code(h.to()));
            m.put("by", h.by());
            m.put("at", h.at().toString());
            m.put("note", h.note());
            return m;
        }).toList());
        req.ctx().json(answer);
    }

    private void review(ShopRequest req) {
        long id = id(req);
        Map<?, ?> body = map(req);
        if (!body.containsKey("notes")) {
            throw new BadRequestResponse("notes is required (null or \"\" clears them)");
        }
        String notes = optionalText(body, "notes", MAX_NOTES);
        StoredCampaign stored = store.review(req.shop().id(), id, notes, req.user().name(), clock.instant())
                .orElseThrow(() -> notFound(id));
        req.ctx().json(json(stored, titles(req.shop().id())));
    }

    private void results(ShopRequest req) {
        StoredCampaign s = found(req);
        List<CampaignResult> days = store.results(req.shop().id(), s.campaign().name(), null, null);
        long uv = 0;
        long impressions = 0;
        long clicks = 0;
        long orders = 0;
        long gmv = 0;
        List<Map<String, Object>> out = new ArrayList<>();
        for (CampaignResult r : days) {
            out.add(figures(r.day().toString(), r.uv(), r.impressions(), r.clicks(), r.orders(), r.gmv()));
            uv += r.uv();
            impressions += r.impressions();
            clicks += r.clicks();
            orders += r.orders();
            gmv += r.gmv();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("campaign", s.id());
        answer.put("name", s.campaign().name());
        answer.put("currency", req.shop().currency());
        answer.put("days", out);
        Map<String, Object> totals = figures(null, uv, impressions, clicks, orders, gmv);
        totals.remove("day");
        answer.put("totals", totals);
        req.ctx().json(answer);
    }

    private static Map<String, Object> figures(String day, long uv, long impressions, long clicks, long orders, long gmv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", day);
        m.put("uv", uv);
        m.put("impressions", impressions);
        m.put("clicks", clicks);
        m.put("orders", orders);
        m.put("gmv", gmv);
        m.put("ctr", impressions == 0 ? null : (double) clicks / impressions);
        return m;
    }

    // ---------------------------------------------------------------- calendar

    private void calendar(ShopRequest req) {
        String monthText = req.ctx().queryParam("month");
        YearMonth month;
        if (monthText == null || monthText.isBlank()) {
            month = YearMonth.now(clock.withZone(req.shop().timeZone()));
        } else {
            try {
                month = YearMonth.parse(monthText.trim());
            } catch (DateTimeParseException e) {
                throw new BadRequestResponse("month: YYYY-MM, not '" + monthText + "'");
            }
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw new BadRequestResponse("month: from 2000 to 2100, not " + month);
            }
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<StoredCampaign> campaigns = store.list(req.shop().id(), new Filter(null, from, to, null));
        List<Map<String, Object>> events = new ArrayList<>();
        for (StoredCampaign s : campaigns) {
            Campaign c = s.campaign();
            event(events, c, "registrationDeadline", c.registrationDeadline(), from, to);
            event(events, c, "reviewOn", c.reviewOn(), from, to);
            event(events, c, "liveFrom", c.liveFrom(), from, to);
            event(events, c, "liveTo", c.liveTo(), from, to);
        }
        events.sort(Comparator.comparing((Map<String, Object> e) -> (String) e.get("day"))
                .thenComparingInt(e -> EVENT_ORDER.indexOf((String) e.get("what")))
                .thenComparing(e -> (String) e.get("name")));
        Map<String, String> titles = titles(req.shop().id());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("month", month.toString());
        answer.put("from", from.toString());
        answer.put("to", to.toString());
        answer.put("campaigns", campaigns.stream().map(s -> json(s, titles)).toList());
        answer.put("events", events);
        answer.put("weeks", weeks(req.shop().id(), month));
        req.ctx().json(answer);
    }

    /** The month's weeks from Monday, with the campaigns live on each day and the dates falling on it. */
    private List<List<Map<String, Object>>> weeks(long shopId, YearMonth month) {
        int reviewAfter = figures.reminderSettings(shopId).reviewAfterDays();
        LocalDate gridFrom = month.atDay(1).minusDays(6);
        LocalDate gridTo = month.atEndOfMonth().plusDays(6);
        // the grid's days outside the month, and 复盘 due dates of campaigns that ended before it
        List<Campaign> campaigns = store.list(shopId, new Filter(null, gridFrom.minusDays(reviewAfter), gridTo, null)).stream()
                .map(StoredCampaign::campaign).toList();
        CampaignCalendar calendar = CampaignCalendar.of(month, campaigns, reviewAfter);
        List<List<Map<String, Object>>> weeks = new ArrayList<>();
        for (CampaignCalendar.Week w : calendar.weeks()) {
            List<Map<String, Object>> days = new ArrayList<>();
            for (CampaignCalendar.Day d : w.days()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("date", d.date().toString());
                m.put("inMonth", d.inMonth());
                m.put("live", d.live().stream().map(CampaignCalendar.Entry::id).toList());
                m.put("events", d.events().stream().map(e -> {
                    Map<String, Object> em = new LinkedHashMap<>();
                    em.put("what", switch (e.kind()) {
                        case REGISTRATION_DEADLINE -> "registrationDeadline";
                        case PLATFORM_REVIEW -> "reviewOn";
                        case REVIEW_DUE -> "reviewDue";
                    });
                    em.put("campaign", e.campaign().id());
                    return em;
                }).toList());
                days.add(m);
            }
            weeks.add(days);
        }
        return weeks;
    }

    // ---------------------------------------------------------------- progress, entry checks, reminders

    private void progress(ShopRequest req) {
        StoredCampaign s = found(req);
        Campaign c = s.campaign();
        LocalDate asOf = day(req.ctx().queryParam("asOf"), "asOf");
        if (asOf == null) {
            asOf = figures.today(req.shop()).minusDays(1);
        }
        CampaignFigures.Progress read = figures.progress(req.shop().id(), c, asOf);
        CampaignProgress p = read.progress();
        Map<String, String> titles = titles(req.shop().id());
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("id", c.id());
        campaign.put("name", c.name());
        campaign.put("status", CampaignStore.code(c.status()));
        campaign.put("liveFrom", c.liveFrom().toString());
        campaign.put("liveTo", c.liveTo().toString());
        campaign.put("goalGmv", c.goalGmv());
        campaign.put("goalUnits", c.goalUnits());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaign", campaign);
        m.put("asOf", p.asOf().toString());
        m.put("daysTotal", p.daysTotal());
        m.put("daysElapsed", p.daysElapsed());
        m.put("daysLeft", p.daysLeft());
        m.put("elapsedShare", p.elapsedShare());
        m.put("units", p.units());
        m.put("orders", p.orders());
        m.put("gmv", p.gmv());
        m.put("orderShare", p.orderShare());
        m.put("conversionRate", p.conversion());
        m.put("ctr", p.ctr());
        m.put("sellThrough", p.sellThrough());
        m.put("gmvAttainment", p.gmvAttainment());
        m.put("unitsAttainment", p.unitsAttainment());
        m.put("unitsUplift", p.unitsUplift());
        m.put("gmvUplift", p.gmvUplift());
        m.put("baselineDays", CampaignFigures.BASELINE_DAYS);
        m.put("attribution", read.attribution());
        List<Map<String, Object>> products = new ArrayList<>();
        for (ProductProgress pp : p.products()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("sku", pp.sku());
            pm.put("title", titles.get(pp.sku()));
            pm.put("allocated", pp.allocated());
            pm.put("units", pp.units());
            pm.put("orders", pp.orders());
            pm.put("gmv", pp.gmv());
            pm.put("sellThrough", pp.sellThrough());
            pm.put("unitsUplift", pp.unitsUplift());
            pm.put("gmvUplift", pp.gmvUplift());
            StockOut so = pp.stockOut();
            Map<String, Object> sm = null;
            if (so != null) {
                sm = new LinkedHashMap<>();
                sm.put("remaining", so.remaining());
                sm.put("unitsPerDay", so.unitsPerDay());
                sm.put("runsOutOn", so.runsOutOn().toString());
                sm.put("soldOut", so.soldOut());
                sm.put("beforeEnd", so.beforeEnd());
                sm.put("daysShort", so.daysShort());
            }
            pm.put("stockOut", sm);
            products.add(pm);
        }
        m.put("products", products);
        List<Map<String, Object>> days = new ArrayList<>();
        read.days().forEach((day, f) -> {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("day", day.toString());
            dm.put("units", f[0]);
            dm.put("orders", f[1]);
            dm.put("gmv", f[2]);
            days.add(dm);
        });
        m.put("days", days);
        req.ctx().json(m);
    }

    private void entryCheck(ShopRequest req) {
        Campaign c = found(req).campaign();
        EntryRules rules = figures.rules(req.shop().id(), c);
        Locale l = req.locale();
        Map<String, String> titles = titles(req.shop().id());
        List<EntryCheck> checks = figures.entryChecks(req.shop().id(), c, rules, figures.today(req.shop()));
        List<Map<String, Object>> products = new ArrayList<>();
        for (EntryCheck check : checks) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("sku", check.sku());
            pm.put("title", titles.get(check.sku()));
            pm.put("passed", check.passed());
            pm.put("failures", check.failures().stream().map(f -> {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("rule", f.rule().ruleName());
                fm.put("message", words.failure(f, rules, req.shop().currency(), l));
                fm.put("actual", f.actual());
                fm.put("required", f.required());
                return fm;
            }).toList());
            products.add(pm);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaign", c.id());
        m.put("channel", c.channel());
        m.put("rules", rules.asMap());
        m.put("passed", checks.stream().allMatch(EntryCheck::passed));
        m.put("products", products);
        req.ctx().json(m);
    }

    private void reminders(ShopRequest req) {
        LocalDate day = day(req.ctx().queryParam("day"), "day");
        if (day == null) {
            day = figures.today(req.shop());
        }
        Locale l = req.locale();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Reminder r : figures.reminders(req.shop(), day).reminders()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", r.messageKey().substring("activities.reminder.".length()));
            m.put("campaignId", r.campaignId());
            m.put("campaignName", r.campaignName());
            m.put("sku", r.sku());
            m.put("day", r.day().toString());
            m.put("days", r.days());
            m.put("message", words.reminder(r, l));
            m.put("role", r.role().name().toLowerCase(Locale.ROOT));
            out.add(m);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("day", day.toString());
        answer.put("reminders", out);
        req.ctx().json(answer);
    }

    private static final List<String> EVENT_ORDER = List.of("registrationDeadline", "reviewOn", "liveFrom", "liveTo");

    private static void event(List<Map<String, Object>> events, Campaign c, String what, LocalDate day, LocalDate from, LocalDate to) {
        if (day == null || day.isBefore(from) || day.isAfter(to)) {
            return;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("day", day.toString());
        e.put("what", what);
        e.put("campaign", c.id());
        e.put("name", c.name());
        e.put("status", CampaignStore.code(c.status()));
        events.add(e);
    }

    // ---------------------------------------------------------------- entry rules

    private void allRules(ShopRequest req) {
        Set<String> channels = new TreeSet<>(EntryRules.knownChannels());
        for (String key : settings.all(req.shop().id()).keySet()) {
            if (key.startsWith("rules.")) {
                String rest = key.substring("rules.".length());
                int dot = rest.lastIndexOf('.');
                if (dot > 0) {
                    channels.add(rest.substring(0, dot));
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String channel : channels) {
            out.add(rules(req.shop().id(), channel));
        }
        req.ctx().json(Map.of("channels", out));
    }

    private void rules(ShopRequest req) {
        req.ctx().json(rules(req.shop().id(), channel(req)));
    }

    /** Changes some or all rules at once; a bad value is a 400 naming it, and then nothing is changed. */
    private void putRules(ShopRequest req) {
        String channel = channel(req);
        Map<?, ?> body = map(req);
        Map<String, Object> merged = EntryRuleSettings.of(settings, req.shop().id(), channel).asMap();
        for (Map.Entry<?, ?> e : body.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!EntryRules.NAMES.contains(name)) {
                throw new BadRequestResponse("unknown rule '" + name + "'; the rules are " + EntryRules.NAMES);
            }
            merged.put(name, e.getValue());
        }
        EntryRules checked;
        try {
            checked = EntryRules.fromMap(merged);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        EntryRuleSettings.store(settings, req.shop().id(), channel, checked);
        req.ctx().json(rules(req.shop().id(), channel));
    }

    private void resetRules(ShopRequest req) {
        String channel = channel(req);
        EntryRuleSettings.reset(settings, req.shop().id(), channel);
        req.ctx().json(rules(req.shop().id(), channel));
    }

    private Map<String, Object> rules(long shopId, String channel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", channel);
        m.put("rules", EntryRuleSettings.of(settings, shopId, channel).asMap());
        m.put("defaults", EntryRules.defaults(channel).asMap());
        m.put("custom", EntryRuleSettings.custom(settings, shopId, channel));
        return m;
    }

    private static String channel(ShopRequest req) {
        String channel = req.pathParam("channel").strip();
        if (channel.isEmpty() || channel.length() > 50 || channel.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw new BadRequestResponse("channel: 1 to 50 characters, no control characters");
        }
        return channel;
    }

    // ---------------------------------------------------------------- JSON

    private Map<String, String> titles(long shopId) {
        Map<String, String> titles = new HashMap<>();
        for (Product p : data.products(shopId)) {
            titles.put(p.sku(), p.title());
        }
        return titles;
    }

    static Map<String, Object> json(StoredCampaign s, Map<String, String> titles) {
        Campaign c = s.campaign();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("kind", CampaignStore.code(c.kind()));
        m.put("channel", c.channel());
        m.put("registrationDeadline", text(c.registrationDeadline()));
        m.put("reviewOn", text(c.reviewOn()));
        m.put("liveFrom", c.liveFrom().toString());
        m.put("liveTo", c.liveTo().toString());
        m.put("goalGmv", c.goalGmv());
        m.put("goalUnits", c.goalUnits());
        m.put("status", CampaignStore.code(c.status()));
        m.put("next", StatusPipeline.next(c.kind(), c.status()).stream().map(CampaignStore::code).toList());
        m.put("sourceTag", c.sourceTag());
        m.put("products", c.products().stream().map(p -> {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("sku", p.sku());
            pm.put("title", titles.get(p.sku()));
            pm.put("allocated", p.allocated());
            pm.put("price", p.price());
            return pm;
        }).toList());
        m.put("notes", s.notes());
        m.put("createdBy", s.createdBy());
        m.put("createdAt", s.createdAt().toString());
        m.put("updatedBy", s.updatedBy());
        m.put("updatedAt", s.updatedAt().toString());
        return m;
    }

    // ---------------------------------------------------------------- bodies and parameters

    /** The campaign a POST or PUT body describes, checked: every problem is a 400 naming its field. */
    private Campaign body(ShopRequest req, long id) {
        Map<?, ?> body = map(req);
        for (Object key : body.keySet()) {
            if (!FIELDS.contains(String.valueOf(key)) && !READ_ONLY.contains(String.valueOf(key))) {
                throw new BadRequestResponse("unknown field '" + key + "'; a campaign has " + new TreeSet<>(FIELDS));
            }
        }
        String name = requiredText(body, "name");
        String kindText = requiredText(body, "kind");
        Campaign.Kind kind;
        try {
            kind = CampaignStore.kind(kindText);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("kind: platform or own, not '" + kindText + "'");
        }
        String channel = requiredText(body, "channel");
        LocalDate deadline = bodyDay(body, "registrationDeadline", false);
        LocalDate review = bodyDay(body, "reviewOn", false);
        LocalDate liveFrom = bodyDay(body, "liveFrom", true);
        LocalDate liveTo = bodyDay(body, "liveTo", true);
        Long goalGmv = whole(body.get("goalGmv"), "goalGmv (minor units)");
        Long goalUnits = whole(body.get("goalUnits"), "goalUnits");
        String sourceTag = optionalText(body, "sourceTag", CampaignCheck.MAX_TEXT);
        List<CampaignProduct> products = new ArrayList<>();
        Object list = body.get("products");
        if (list != null && !(list instanceof List<?>)) {
            throw new BadRequestResponse("products: a list of {\"sku\",\"allocated\",\"price\"}");
        }
        if (list != null) {
            List<?> items = (List<?>) list;
            if (items.size() > 500) {
                throw new BadRequestResponse("products: at most 500");
            }
            for (int i = 0; i < items.size(); i++) {
                String at = "products[" + i + "]";
                if (!(items.get(i) instanceof Map<?, ?> p)) {
                    throw new BadRequestResponse(at + ": {\"sku\",\"allocated\",\"price\"}");
                }
                Object sku = p.get("sku");
                if (!(sku instanceof String skuText) || skuText.isBlank()) {
                    throw new BadRequestResponse(at + ".sku is required");
                }
                Long allocated = whole(p.get("allocated"), at + ".allocated");
                if (allocated == null) {
                    throw new BadRequestResponse(at + ".allocated is required (units set aside)");
                }
                products.add(new CampaignProduct(skuText.strip(), allocated, whole(p.get("price"), at + ".price (minor units)")));
            }
        }
        Campaign c = new Campaign(id, name.strip(), kind, channel.strip(), deadline, review, liveFrom, liveTo, goalGmv, goalUnits,
                CampaignStatus.PLANNED, sourceTag, products);
        CampaignCheck.problem(c).ifPresent(p -> {
            throw new BadRequestResponse(p.reason());
        });
        if (!products.isEmpty()) {
            Set<String> skus = data.products(req.shop().id()).stream().map(Product::sku).collect(Collectors.toSet());
            for (int i = 0; i < products.size(); i++) {
                if (!skus.contains(products.get(i).sku())) {
                    throw new BadRequestResponse("products[" + i + "].sku: the shop has no product " + products.get(i).sku());
                }
            }
        }
        return c;
    }

    /** A 409 when another campaign of the shop has the same name and first live day (the import's key). */
    private void unique(ShopRequest req, Campaign c) {
        store.find(req.shop().id(), c.name(), c.liveFrom()).filter(other -> other != c.id()).ifPresent(other -> {
            throw new ConflictResponse("campaign " + other + " is named '" + c.name() + "' and goes live on " + c.liveFrom()
                    + " too; give this one another name");
        });
    }

    private static Map<?, ?> map(ShopRequest req) {
        Map<?, ?> body = req.ctx().bodyAsClass(Map.class);
        if (body == null) {
            throw new BadRequestResponse("a JSON object is required");
        }
        return body;
    }

    private StoredCampaign found(ShopRequest req) {
        long id = id(req);
        return store.get(req.shop().id(), id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundResponse notFound(long id) {
        return new NotFoundResponse("no campaign " + id + " in this shop");
    }

    private static long id(ShopRequest req) {
        String text = req.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no campaign '" + text + "'");
        }
    }

    private static String requiredText(Map<?, ?> body, String name) {
        Object v = body.get(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new BadRequestResponse(name + " is required");
        }
        if (s.length() > CampaignCheck.MAX_TEXT) {
            throw new BadRequestResponse(name + ": at most " + CampaignCheck.MAX_TEXT + " characters");
        }
        return s;
    }

    private static String optionalText(Map<?, ?> body, String name, int max) {
        Object v = body.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new BadRequestResponse(name + ": text or null");
        }
        if (s.length() > max) {
            throw new BadRequestResponse(name + ": at most " + max + " characters");
        }
        return s.isBlank() ? null : s;
    }

    private static LocalDate bodyDay(Map<?, ?> body, String name, boolean required) {
        Object v = body.get(name);
        if (v == null || v instanceof String s && s.isBlank()) {
            if (required) {
                throw new BadRequestResponse(name + " is required (YYYY-MM-DD)");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new BadRequestResponse(name + ": a day as YYYY-MM-DD, not " + v);
        }
        return day(s, name);
    }

    private static LocalDate day(String text, String name) {
        return ShopRequest.day(name, text);
    }

    private static Long whole(Object v, String name) {
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long) {
            long n = ((Number) v).longValue();
            if (n < 0) {
                throw new BadRequestResponse(name + ": " + n + " is negative");
            }
            return n;
        }
        throw new BadRequestResponse(name + ": a whole number, not " + v);
    }

    private static CampaignStatus status(String text, String name) {
        try {
            return CampaignStore.status(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(name + ": one of " + statuses() + ", not '" + text + "'");
        }
    }

    private static String statuses() {
        return Arrays.stream(CampaignStatus.values()).map(CampaignStore::code).collect(Collectors.joining(", "));
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
