package com.shopops.plugins.members;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.Messages;
import com.shopops.api.Routes;
import com.shopops.api.ShopRequest;
import com.shopops.api.data.CohortCell;
import com.shopops.api.domain.Customer;
import com.shopops.api.domain.Order;
import com.shopops.plugins.members.MemberStore.NewAction;
import com.shopops.plugins.members.analysis.ActionResult;
import com.shopops.plugins.members.analysis.AudienceFilter;
import com.shopops.plugins.members.analysis.Candidate;
import com.shopops.plugins.members.analysis.CohortMonth;
import com.shopops.plugins.members.analysis.CohortRetention;
import com.shopops.plugins.members.analysis.CohortRow;
import com.shopops.plugins.members.analysis.CustomerSummary;
import com.shopops.plugins.members.analysis.Holdout;
import com.shopops.plugins.members.analysis.MemberPoints;
import com.shopops.plugins.members.analysis.Offer;
import com.shopops.plugins.members.analysis.RfmScore;
import com.shopops.plugins.members.analysis.RfmSummary;
import com.shopops.plugins.members.analysis.Segment;
import com.shopops.plugins.members.analysis.SegmentMovement;
import com.shopops.plugins.members.analysis.Tier;
import com.shopops.api.Channels;
import com.shopops.api.PublishingChannel;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The members plugin's routes under {@code /api/shops/{shop}/p/members}. Days are shop-local ISO days,
 * money minor units, rates fractions or null when unknown. Reads need {@code members.view}, changes
 * {@code members.edit}; phone numbers and e-mail addresses are masked unless the user has
 * {@code members.contacts}. A bad parameter or body is a 400 naming the field. Member figures count an
 * order when it is neither cancelled nor refunded, and leave guest orders (no customer id) out, saying
 * how many.
 *
 * <pre>
 * GET  /summary?from=&amp;to=           {"from","to","customers","newCustomers","returningCustomers","orders","guestOrders",
 *                                  "revenue","guestRevenue","repeatRate","purchaseFrequency","avgDaysBetweenOrders",
 *                                  "revenuePerCustomer"}; default the 30 days to yesterday; repeat rate = customers
 *                                  with ≥ 2 orders in the range ÷ customers in the range
 * GET  /rfm?date=                  {"date","customers","segments":[{"name","customers","revenue","offer","action"}],
 *                                  "grid":[{"r","f","customers","revenue","segment"}],"snapshot"}: scores 1–5 by
 *                                  quintile over all history to date (default yesterday), segments on the R × F grid
 * GET  /rfm/customers?date=&amp;segment=&amp;r=&amp;f=&amp;limit=   {"date","total","customers":[customer row]}, biggest spenders
 *                                  first; ?format=csv: every row
 * POST /rfm/snapshots?date=        201 {"date","customers"}: stores each customer's segment for the day
 * GET  /rfm/movement?date=         {"date","since","moves":[{"from","to","customers"}],"slipped"}: against the latest
 *                                  snapshot at least 7 days before date
 * GET  /cohorts?from=&amp;to=           {"from","to","cohorts":[{"cohort","customers","months":[{"offset","month","customers",
 *                                  "revenue","retention"}]}]}; default the 12 months to yesterday's; ?format=csv
 * GET  /customers/{externalId}     {"customerId","externalId","firstOrder","lastOrder","orders","spent","spent12m","tier",
 *                                  "discountPercent","points","segment","r","f","m","tags","contact","history"}
 * PUT  /customers/{externalId}/tags  {"tags":[…]} → the customer
 * GET  /tags                       {"tags":[{"tag","customers"}]}
 * GET  /settings, PUT /settings    {"tiers":[{"name","minSpend","discountPercent"}],"pointsPerYuan","holdoutShare",
 *                                  "measureDays","reactivationRate","repeatDrop"}
 * POST /audiences/preview          {"segments","tiers","tags","lastOrderFrom","lastOrderTo","categories","date"} →
 *                                  {"customers","revenue","sample":[customer row ≤ 20]}
 * POST /actions                    {"name","offer","offerText","holdoutShare"?,"audience":{…}} → 201 action
 * GET  /actions                    {"actions":[action]}; ?format=csv
 * POST /actions/{id}/sent          {"day"?} → action
 * GET  /actions/{id}/export        CSV of the treated customers with their contact data
 * GET  /actions/{id}/results       {"action","from","to","complete","treated","holdout","conversionUplift",
 *                                  "revenueUplift","enoughData"}
 * POST /actions/{id}/send          {"channel"} → {"action","channel","recipients","published","externalId","error"} (502
 *                                  when the channel did not take it): the offer through a publishing channel with the
 *                                  treated customers' contacts attached as JSON; needs members.contacts as well
 *
 * customer row = {"customerId","externalId","recencyDays","frequency","monetary","r","f","m","segment","tier"}
 * action = {"id","name","offer","offerText","holdoutShare","createdBy","createdAt","sentOn","measureDays","treated",
 *           "holdout","status":"draft|sent|measured"}
 * </pre>
 */
final class MembersRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_LIMIT = 200;
    private static final int MAX_LIMIT = 5_000;
    private static final int SAMPLE = 20;
    private static final int HISTORY = 500;
    private static final int MAX_TAGS = 20;
    private static final int MAX_TAG_LENGTH = 30;
    /** A snapshot at least this many days old is the "last week" movement is measured against. */
    static final int MOVEMENT_DAYS = 7;

    static final List<String> CUSTOMER_COLUMNS = List.of("customerId", "externalId", "recencyDays", "frequency", "monetary",
            "r", "f", "m", "segment", "tier");
    static final List<String> ACTION_COLUMNS = List.of("id", "name", "offer", "offerText", "holdoutShare", "createdBy",
            "createdAt", "sentOn", "measureDays", "treated", "holdout", "status");

    private final MemberReadings readings;
    private final Messages messages;
    private final Channels channels;
    private final Path files;
    private final SecureRandom seeds = new SecureRandom();

    /**
     * @param channels the host's publishing channels, to send an action's offer through
     * @param files    the plugin's files folder, where the recipient lists sent to channels are kept
     */
    MembersRoutes(MemberReadings readings, Messages messages, Channels channels, Path files) {
        this.readings = readings;
        this.messages = messages;
        this.channels = channels;
        this.files = files;
    }

    void register(Routes routes) {
        routes.get("/summary", MembersPlugin.VIEW, this::summary)
                .get("/rfm", MembersPlugin.VIEW, this::rfm)
                .get("/rfm/customers", MembersPlugin.VIEW, this::rfmCustomers)
                .post("/rfm/snapshots", MembersPlugin.EDIT, this::snapshot)
                .get("/rfm/movement", MembersPlugin.VIEW, this::movement)
                .get("/cohorts", MembersPlugin.VIEW, this::cohorts)
                .get("/customers/{externalId}", MembersPlugin.VIEW, this::customer)
                .put("/customers/{externalId}/tags", MembersPlugin.EDIT, this::putTags)
                .get("/tags", MembersPlugin.VIEW, this::tags)
                .get("/settings", MembersPlugin.VIEW, this::settings)
                .put("/settings", MembersPlugin.EDIT, this::putSettings)
                .post("/audiences/preview", MembersPlugin.VIEW, this::preview)
                .post("/actions", MembersPlugin.EDIT, this::createAction)
                .get("/actions", MembersPlugin.VIEW, this::actions)
                .post("/actions/{id}/sent", MembersPlugin.EDIT, this::sent)
                .get("/actions/{id}/export", MembersPlugin.EDIT, this::export)
                .get("/actions/{id}/results", MembersPlugin.VIEW, this::results)
                .post("/actions/{id}/send", MembersPlugin.EDIT, this::send);
    }

    private LocalDate yesterday(ShopRequest req) {
        return readings.today(req.shop()).minusDays(1);
    }

    private LocalDate date(ShopRequest req) {
        LocalDate d = req.queryDay("date");
        return d == null ? yesterday(req) : d;
    }

    // ---------------------------------------------------------------- summary

    private void summary(ShopRequest req) {
        LocalDate to = req.queryDay("to");
        LocalDate from = req.queryDay("from");
        to = to == null ? yesterday(req) : to;
        from = from == null ? to.minusDays(29) : from;
        if (from.isAfter(to)) {
            throw new BadRequestResponse("from " + from + " is after to " + to);
        }
        CustomerSummary s = readings.summary(req.shop().id(), from, to);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("customers", s.customers());
        out.put("newCustomers", s.newCustomers());
        out.put("returningCustomers", s.returningCustomers());
        out.put("orders", s.orders());
        out.put("guestOrders", s.guestOrders());
        out.put("revenue", s.revenue());
        out.put("guestRevenue", s.guestRevenue());
        out.put("repeatRate", s.repeatRate());
        out.put("purchaseFrequency", s.purchaseFrequency());
        out.put("avgDaysBetweenOrders", s.avgDaysBetweenOrders());
        out.put("revenuePerCustomer", s.revenuePerCustomer());
        req.ctx().json(out);
    }

    // ---------------------------------------------------------------- RFM

    private void rfm(ShopRequest req) {
        LocalDate date = date(req);
        long shop = req.shop().id();
        RfmSummary s = readings.rfmSummary(shop, date);
        List<Map<String, Object>> segments = new ArrayList<>();
        for (RfmSummary.SegmentFigures f : s.segments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.segment().id());
            m.put("customers", f.customers());
            m.put("revenue", f.revenue());
            m.put("offer", f.segment().suggestedOffer().id());
            m.put("action", messages.text(req.locale(), "segment." + f.segment().id() + ".action"));
            segments.add(m);
        }
        List<Map<String, Object>> grid = new ArrayList<>();
        for (RfmSummary.GridCell c : s.grid()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("r", c.r());
            m.put("f", c.f());
            m.put("customers", c.customers());
            m.put("revenue", c.revenue());
            m.put("segment", Segment.of(c.r(), c.f()).id());
            grid.add(m);
        }
        if (req.wantsCsv()) {
            req.csv(req.shop().code() + "-segments-" + date + ".csv", List.of("segment", "customers", "revenue", "offer", "action"),
                    segments.stream().map(m -> List.of(m.get("name"), m.get("customers"), m.get("revenue"), m.get("offer"),
                            m.get("action"))).toList());
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", date.toString());
        out.put("customers", s.customers());
        out.put("segments", segments);
        out.put("grid", grid);
        out.put("snapshot", readings.store().latestSnapshot(shop, date.minusDays(1)).map(LocalDate::toString).orElse(null));
        req.ctx().json(out);
    }

    private void rfmCustomers(ShopRequest req) {
        LocalDate date = date(req);
        long shop = req.shop().id();
        String segmentText = req.ctx().queryParam("segment");
        Segment segment = blank(segmentText) ? null : segment(segmentText, "segment");
        Integer r = score(req, "r");
        Integer f = score(req, "f");
        int limit = limit(req);
        List<RfmScore> scores = readings.scores(shop, date);
        List<RfmScore> chosen = scores.stream()
                .filter(s -> segment == null || s.segment() == segment)
                .filter(s -> r == null || s.r() == r)
                .filter(s -> f == null || s.f() == f)
                .sorted(Comparator.comparingLong(RfmScore::monetary).reversed().thenComparing(RfmScore::externalId))
                .toList();
        Map<Long, String> tiers = tiers(shop, date, chosen);
        if (req.wantsCsv()) {
            req.csv(req.shop().code() + "-customers-" + date + ".csv", CUSTOMER_COLUMNS,
                    chosen.stream().map(s -> row(s, tiers).values().stream().toList()).toList());
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", date.toString());
        out.put("total", chosen.size());
        out.put("customers", chosen.stream().limit(limit).map(s -> row(s, tiers)).toList());
        req.ctx().json(out);
    }

    private Map<Long, String> tiers(long shop, LocalDate date, List<RfmScore> scores) {
        var ladder = readings.settings(shop).tiers();
        Map<Long, Long> spend = readings.tierSpend(shop, date);
        Map<Long, String> tiers = new HashMap<>();
        for (RfmScore s : scores) {
            Tier t = ladder.tierFor(spend.getOrDefault(s.customerId(), 0L));
            tiers.put(s.customerId(), t == null ? null : t.name());
        }
        return tiers;
    }

    private static Map<String, Object> row(RfmScore s, Map<Long, String> tiers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", s.customerId());
        m.put("externalId", s.externalId());
        m.put("recencyDays", s.recencyDays());
        m.put("frequency", s.frequency());
        m.put("monetary", s.monetary());
        m.put("r", s.r());
        m.put("f", s.f());
        m.put("m", s.m());
        m.put("segment", s.segment().id());
        m.put("tier", tiers.get(s.customerId()));
        return m;
    }

    private void snapshot(ShopRequest req) {
        LocalDate date = date(req);
        int n = readings.store().saveSnapshot(req.shop().id(), date, readings.scores(req.shop().id(), date));
        req.ctx().status(201).json(Map.of("date", date.toString(), "customers", n));
    }

    private void movement(ShopRequest req) {
        LocalDate date = date(req);
        long shop = req.shop().id();
        LocalDate since = readings.store().latestSnapshot(shop, date.minusDays(MOVEMENT_DAYS)).orElse(null);
        List<SegmentMovement.Move> moves = List.of();
        if (since != null) {
            Map<Long, Segment> now = new HashMap<>();
            readings.scores(shop, date).forEach(s -> now.put(s.customerId(), s.segment()));
            moves = SegmentMovement.between(readings.store().snapshot(shop, since), now);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", date.toString());
        out.put("since", since == null ? null : since.toString());
        out.put("moves", moves.stream().map(m -> Map.of("from", m.from().id(), "to", m.to().id(), "customers", m.customers()))
                .toList());
        out.put("slipped", SegmentMovement.slipped(moves));
        req.ctx().json(out);
    }

    // ---------------------------------------------------------------- cohorts

    private void cohorts(ShopRequest req) {
        LocalDate to = req.queryDay("to");
        to = to == null ? yesterday(req) : to;
        LocalDate from = req.queryDay("from");
        from = from == null ? YearMonth.from(to).minusMonths(11).atDay(1) : from;
        if (from.isAfter(to)) {
            throw new BadRequestResponse("from " + from + " is after to " + to);
        }
        if (YearMonth.from(from).plusMonths(60).isBefore(YearMonth.from(to))) {
            throw new BadRequestResponse("to: at most 60 months after from");
        }
        List<CohortCell> cells = readings.data().cohorts(req.shop().id(), from, to);
        List<CohortRow> rows = CohortRetention.of(cells);
        if (req.wantsCsv()) {
            List<List<?>> csv = new ArrayList<>();
            for (CohortRow row : rows) {
                for (CohortMonth m : row.months()) {
                    csv.add(Arrays.asList(row.cohort().toString(), row.customers(), m.offset(), m.month().toString(), m.customers(),
                            m.revenue(), m.retention()));
                }
            }
            req.csv(req.shop().code() + "-cohorts-" + from + "-" + to + ".csv",
                    List.of("cohort", "cohortCustomers", "offset", "month", "customers", "revenue", "retention"), csv);
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("cohorts", rows.stream().map(row -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cohort", row.cohort().toString());
            m.put("customers", row.customers());
            m.put("months", row.months().stream().map(c -> {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("offset", c.offset());
                cell.put("month", c.month().toString());
                cell.put("customers", c.customers());
                cell.put("revenue", c.revenue());
                cell.put("retention", c.retention());
                return cell;
            }).toList());
            return m;
        }).toList());
        req.ctx().json(out);
    }

    // ---------------------------------------------------------------- a customer

    private void customer(ShopRequest req) {
        req.ctx().json(customerJson(req, req.pathParam("externalId")));
    }

    private Map<String, Object> customerJson(ShopRequest req, String externalId) {
        long shop = req.shop().id();
        Customer c = readings.data().customer(shop, externalId)
                .orElseThrow(() -> new NotFoundResponse("no customer '" + externalId + "' in this shop"));
        LocalDate date = yesterday(req);
        MemberSettings settings = readings.settings(shop);
        List<Order> history = readings.data().customerHistory(shop, c.id(), HISTORY);
        long spent12m = 0;
        long points = 0;
        for (Order o : history) {
            if (o.status() == Order.Status.CANCELLED || o.status() == Order.Status.REFUNDED) {
                continue;
            }
            points += MemberPoints.earned(o.amount(), settings.pointsPerYuan());
            if (!o.day().isAfter(date) && o.day().isAfter(date.minusDays(MemberReadings.TIER_DAYS))) {
                spent12m += o.amount();
            }
        }
        Tier tier = settings.tiers().tierFor(spent12m);
        RfmScore score = readings.scores(shop, date).stream().filter(s -> s.customerId() == c.id()).findFirst().orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", c.id());
        m.put("externalId", c.externalId());
        m.put("firstOrder", text(c.firstOrder()));
        m.put("lastOrder", text(c.lastOrder()));
        m.put("orders", c.orders());
        m.put("spent", c.spent());
        m.put("spent12m", spent12m);
        m.put("tier", tier == null ? null : tier.name());
        m.put("discountPercent", tier == null ? null : tier.discountPercent());
        m.put("points", points);
        m.put("segment", score == null ? null : score.segment().id());
        m.put("r", score == null ? null : score.r());
        m.put("f", score == null ? null : score.f());
        m.put("m", score == null ? null : score.m());
        m.put("tags", readings.store().tags(shop, c.externalId()));
        m.put("contact", readings.store().contact(shop, c.externalId()).map(k -> contact(req, k)).orElse(null));
        m.put("history", history.stream().map(o -> {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("externalId", o.externalId());
            h.put("day", o.day().toString());
            h.put("status", o.status().name().toLowerCase(Locale.ROOT));
            h.put("amount", o.amount());
            h.put("source", o.source());
            return h;
        }).toList());
        return m;
    }

    private static Map<String, Object> contact(ShopRequest req, Contact k) {
        boolean sees = req.user().can(MembersPlugin.CONTACTS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", k.name());
        m.put("phone", sees ? k.phone() : ContactMask.phone(k.phone()));
        m.put("email", sees ? k.email() : ContactMask.email(k.email()));
        m.put("masked", !sees);
        return m;
    }

    private void putTags(ShopRequest req) {
        String externalId = req.pathParam("externalId");
        long shop = req.shop().id();
        readings.data().customer(shop, externalId)
                .orElseThrow(() -> new NotFoundResponse("no customer '" + externalId + "' in this shop"));
        Map<?, ?> body = req.jsonObject();
        if (!(body.get("tags") instanceof List<?> list)) {
            throw new BadRequestResponse("tags: a list of words, e.g. [\"vip\"]");
        }
        readings.store().setTags(shop, externalId, tagSet(list, "tags"));
        req.ctx().json(customerJson(req, externalId));
    }

    private static Set<String> tagSet(List<?> list, String field) {
        Set<String> tags = new TreeSet<>();
        for (Object o : list) {
            if (!(o instanceof String t) || t.isBlank()) {
                throw new BadRequestResponse(field + ": each tag is a non-empty word, not " + o);
            }
            String tag = t.strip();
            if (tag.length() > MAX_TAG_LENGTH) {
                throw new BadRequestResponse(field + ": a tag of at most " + MAX_TAG_LENGTH + " characters, not '" + tag + "'");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new BadRequestResponse(field + ": at most " + MAX_TAGS + " tags");
        }
        return tags;
    }

    private void tags(ShopRequest req) {
        req.ctx().json(Map.of("tags", readings.store().tagCounts(req.shop().id()).entrySet().stream()
                .map(e -> Map.of("tag", e.getKey(), "customers", e.getValue())).toList()));
    }

    // ---------------------------------------------------------------- settings

    private void settings(ShopRequest req) {
        req.ctx().json(readings.settings(req.shop().id()).asJson());
    }

    private void putSettings(ShopRequest req) {
        long shop = req.shop().id();
        MemberSettings changed;
        try {
            changed = MemberSettings.fromJson(req.jsonObject(), readings.settings(shop));
        } catch (IllegalArgumentException bad) {
            throw new BadRequestResponse(bad.getMessage());
        }
        changed.save(readings.rawSettings(), shop);
        req.ctx().json(changed.asJson());
    }

    // ---------------------------------------------------------------- audiences and actions

    /** An audience body: the filter, the categories, and the day its segments are judged on. */
    private record AudienceAsk(AudienceFilter filter, List<String> categories, LocalDate date) {
    }

    private AudienceAsk audience(ShopRequest req, Map<?, ?> body) {
        Set<Segment> segments = EnumSet.noneOf(Segment.class);
        for (String id : words(body, "segments")) {
            segments.add(segment(id, "segments"));
        }
        LocalDate from = ShopRequest.day("lastOrderFrom", text(body.get("lastOrderFrom")));
        LocalDate to = ShopRequest.day("lastOrderTo", text(body.get("lastOrderTo")));
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestResponse("lastOrderFrom " + from + " is after lastOrderTo " + to);
        }
        LocalDate date = ShopRequest.day("date", text(body.get("date")));
        return new AudienceAsk(new AudienceFilter(segments, new LinkedHashSet<>(words(body, "tiers")),
                new LinkedHashSet<>(words(body, "tags")), from, to), words(body, "categories"),
                date == null ? yesterday(req) : date);
    }

    private static List<String> words(Map<?, ?> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new BadRequestResponse(field + ": a list, e.g. [\"…\"]");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s) || s.isBlank()) {
                throw new BadRequestResponse(field + ": a list of non-empty texts, not " + o);
            }
            out.add(s.strip());
        }
        return out;
    }

    private void preview(ShopRequest req) {
        AudienceAsk ask = audience(req, req.jsonObject());
        long shop = req.shop().id();
        List<Candidate> chosen = readings.audience(shop, ask.date(), ask.filter(), ask.categories());
        List<RfmScore> scores = readings.scores(shop, ask.date());
        Map<Long, RfmScore> byId = new HashMap<>();
        scores.forEach(s -> byId.put(s.customerId(), s));
        Map<Long, String> tiers = new HashMap<>();
        chosen.forEach(c -> tiers.put(c.customerId(), c.tier()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("customers", chosen.size());
        out.put("revenue", chosen.stream().mapToLong(Candidate::monetary).sum());
        out.put("sample", chosen.stream().sorted(Comparator.comparingLong(Candidate::monetary).reversed())
                .limit(SAMPLE).map(c -> row(byId.get(c.customerId()), tiers)).toList());
        req.ctx().json(out);
    }

    private void createAction(ShopRequest req) {
        Map<?, ?> body = req.jsonObject();
        long shop = req.shop().id();
        String name = text(body.get("name"));
        if (blank(name) || name.strip().length() > 100) {
            throw new BadRequestResponse("name: a name of 1 to 100 characters");
        }
        String offerId = text(body.get("offer"));
        Offer offer;
        try {
            offer = Offer.byId(offerId == null ? "" : offerId.strip());
        } catch (IllegalArgumentException bad) {
            throw new BadRequestResponse("offer: " + bad.getMessage());
        }
        String offerText = text(body.get("offerText"));
        if (blank(offerText) || offerText.strip().length() > 500) {
            throw new BadRequestResponse("offerText: what the customers are offered, 1 to 500 characters");
        }
        MemberSettings settings = readings.settings(shop);
        double share = settings.holdoutShare();
        if (body.get("holdoutShare") != null) {
            if (!(body.get("holdoutShare") instanceof Number n) || n.doubleValue() < 0.01 || n.doubleValue() > 0.5) {
                throw new BadRequestResponse("holdoutShare: a share from 0.01 to 0.5");
            }
            share = n.doubleValue();
        }
        if (!(body.get("audience") instanceof Map<?, ?> audienceBody)) {
            throw new BadRequestResponse("audience: the audience's filter, as for /audiences/preview");
        }
        AudienceAsk ask = audience(req, audienceBody);
        List<Candidate> chosen = readings.audience(shop, ask.date(), ask.filter(), ask.categories());
        if (chosen.size() < 2) {
            throw new BadRequestResponse("audience: " + chosen.size() + " customers; an action needs at least 2, one of them kept back");
        }
        Holdout.Split split = Holdout.split(chosen.stream().map(Candidate::customerId).toList(), share, seeds.nextLong());
        Set<Long> held = new java.util.HashSet<>(split.holdout());
        List<ActionCustomer> customers = chosen.stream()
                .map(c -> new ActionCustomer(c.customerId(), c.externalId(), held.contains(c.customerId()), c.segment(), c.tier()))
                .toList();
        String audienceJson;
        try {
            audienceJson = JSON.writeValueAsString(audienceBody);
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("audience: not JSON");
        }
        StoredAction a = readings.store().createAction(shop, new NewAction(name.strip(), offer, offerText.strip(), share,
                audienceJson, settings.measureDays()), customers, req.user().name(), readings.now());
        req.ctx().status(201).json(action(a, yesterday(req)));
    }

    private void actions(ShopRequest req) {
        LocalDate yesterday = yesterday(req);
        List<Map<String, Object>> actions = readings.store().actions(req.shop().id()).stream()
                .map(a -> action(a, yesterday)).toList();
        if (req.wantsCsv()) {
            req.csv(req.shop().code() + "-member-actions.csv", ACTION_COLUMNS,
                    actions.stream().map(a -> ACTION_COLUMNS.stream().map(a::get).toList()).toList());
            return;
        }
        req.ctx().json(Map.of("actions", actions));
    }

    private StoredAction found(ShopRequest req) {
        long id;
        try {
            id = Long.parseLong(req.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("id: a number, not '" + req.pathParam("id") + "'");
        }
        return readings.store().action(req.shop().id(), id)
                .orElseThrow(() -> new NotFoundResponse("no action " + id + " in this shop"));
    }

    private void sent(ShopRequest req) {
        StoredAction a = found(req);
        String text = req.ctx().body().isBlank() ? null : text(req.jsonObject().get("day"));
        LocalDate day = ShopRequest.day("day", text);
        day = day == null ? readings.today(req.shop()) : day;
        if (day.isBefore(a.createdAt().atZone(req.shop().timeZone()).toLocalDate())) {
            throw new BadRequestResponse("day: " + day + " is before the action was made");
        }
        readings.store().markSent(req.shop().id(), a.id(), day);
        req.ctx().json(action(readings.store().action(req.shop().id(), a.id()).orElseThrow(), yesterday(req)));
    }

    private void export(ShopRequest req) {
        StoredAction a = found(req);
        long shop = req.shop().id();
        List<ActionCustomer> treated = readings.store().actionCustomers(shop, a.id()).stream().filter(c -> !c.holdout()).toList();
        Map<String, Contact> contacts = readings.store().contacts(shop, treated.stream().map(ActionCustomer::externalId).toList());
        boolean sees = req.user().can(MembersPlugin.CONTACTS);
        List<List<?>> rows = new ArrayList<>();
        for (ActionCustomer c : treated) {
            Contact k = contacts.get(c.externalId());
            String phone = k == null ? null : sees ? k.phone() : ContactMask.phone(k.phone());
            String email = k == null ? null : sees ? k.email() : ContactMask.email(k.email());
            rows.add(Arrays.asList(c.externalId(), k == null ? null : k.name(), phone, email, c.segment().id(), c.tier(),
                    a.offer().id(), a.offerText()));
        }
        req.csv(req.shop().code() + "-action-" + a.id() + ".csv",
                List.of("customerId", "name", "phone", "email", "segment", "tier", "offer", "offerText"), rows);
    }

    /**
     * Sends the offer through a publishing channel: a post titled with the action's name, the offer text as
     * its body, and the treated customers with their contact data as an attached JSON file for the SMS or
     * CRM tool on the other side. The channel gets phone numbers whole, so this needs the contacts
     * permission too. Published, the action counts as sent today (unless it already was).
     */
    private void send(ShopRequest req) {
        StoredAction a = found(req);
        if (!req.user().can(MembersPlugin.CONTACTS)) {
            throw new ForbiddenResponse("sending needs " + MembersPlugin.CONTACTS + ": the channel gets the customers' phone numbers");
        }
        long shop = req.shop().id();
        String channel = text(req.jsonObject().get("channel"));
        var state = channels.list(shop).stream().filter(c -> c.id().equals(channel)).findFirst()
                .orElseThrow(() -> new BadRequestResponse("channel: no channel '" + channel + "'"));
        if (!state.configured()) {
            throw new BadRequestResponse("channel: " + channel + " is not set up for this shop");
        }
        List<ActionCustomer> treated = readings.store().actionCustomers(shop, a.id()).stream().filter(c -> !c.holdout()).toList();
        Map<String, Contact> contacts = readings.store().contacts(shop, treated.stream().map(ActionCustomer::externalId).toList());
        List<Map<String, Object>> recipients = new ArrayList<>();
        for (ActionCustomer c : treated) {
            Contact k = contacts.get(c.externalId());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("customerId", c.externalId());
            r.put("name", k == null ? null : k.name());
            r.put("phone", k == null ? null : k.phone());
            r.put("email", k == null ? null : k.email());
            r.put("segment", c.segment().id());
            r.put("tier", c.tier());
            recipients.add(r);
        }
        Path list = files.resolve("actions").resolve(Long.toString(shop)).resolve("recipients-action-" + a.id() + ".json");
        try {
            Files.createDirectories(list.getParent());
            Map<String, Object> attachment = new LinkedHashMap<>();
            attachment.put("action", a.name());
            attachment.put("offer", a.offer().id());
            attachment.put("offerText", a.offerText());
            attachment.put("recipients", recipients);
            Files.write(list, JSON.writeValueAsBytes(attachment));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recipient list " + list, e);
        }
        var result = channels.publish(shop, channel, new PublishingChannel.Post(shop, a.id(), a.name(), a.offerText(), List.of(list),
                readings.now(), "shopops-" + shop + "-members-action-" + a.id() + "-" + channel));
        if (result.published() && a.sentOn() == null) {
            readings.store().markSent(shop, a.id(), readings.today(req.shop()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", action(readings.store().action(shop, a.id()).orElseThrow(), yesterday(req)));
        out.put("channel", channel);
        out.put("recipients", recipients.size());
        out.put("published", result.published());
        out.put("externalId", result.externalId());
        out.put("error", result.error());
        req.ctx().status(result.published() ? 200 : 502).json(out);
    }

    private void results(ShopRequest req) {
        StoredAction a = found(req);
        LocalDate yesterday = yesterday(req);
        if (a.sentOn() == null) {
            throw new BadRequestResponse("action " + a.id() + " is not sent yet; mark it sent to measure it");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", action(a, yesterday));
        LocalDate[] w = MemberReadings.window(a, yesterday);
        ActionResult r = readings.measure(req.shop().id(), a, yesterday);
        out.put("from", w[0].toString());
        out.put("to", w[1].toString());
        out.put("complete", !a.sentOn().plusDays(a.measureDays()).isAfter(yesterday));
        out.put("treated", group(r.treated()));
        out.put("holdout", group(r.holdout()));
        out.put("conversionUplift", interval(r.conversionUplift()));
        out.put("revenueUplift", interval(r.revenueUplift()));
        out.put("enoughData", r.enoughData());
        req.ctx().json(out);
    }

    private static Map<String, Object> group(ActionResult.Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customers", g.customers());
        m.put("buyers", g.buyers());
        m.put("revenue", g.revenue());
        m.put("conversion", g.conversion());
        m.put("revenuePerCustomer", g.revenuePerCustomer());
        return m;
    }

    private static Map<String, Object> interval(ActionResult.Interval i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimate", i.estimate());
        m.put("low", i.low());
        m.put("high", i.high());
        m.put("significant", i.significant());
        return m;
    }

    static Map<String, Object> action(StoredAction a, LocalDate yesterday) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("offer", a.offer().id());
        m.put("offerText", a.offerText());
        m.put("holdoutShare", a.holdoutShare());
        m.put("createdBy", a.createdBy());
        m.put("createdAt", a.createdAt().toString());
        m.put("sentOn", text(a.sentOn()));
        m.put("measureDays", a.measureDays());
        m.put("treated", a.treated());
        m.put("holdout", a.holdout());
        m.put("status", a.status(yesterday));
        return m;
    }

    // ---------------------------------------------------------------- parameters

    private static Segment segment(String id, String field) {
        try {
            return Segment.byId(id.strip());
        } catch (IllegalArgumentException bad) {
            throw new BadRequestResponse(field + ": " + bad.getMessage());
        }
    }

    private static Integer score(ShopRequest req, String name) {
        String text = req.ctx().queryParam(name);
        if (blank(text)) {
            return null;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= 1 && v <= 5) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // refused below in the same words
        }
        throw new BadRequestResponse(name + ": a score from 1 to 5, not '" + text + "'");
    }

    private static int limit(ShopRequest req) {
        String text = req.ctx().queryParam("limit");
        if (blank(text)) {
            return DEFAULT_LIMIT;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= 1 && v <= MAX_LIMIT) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // refused below in the same words
        }
        throw new BadRequestResponse("limit: 1 to " + MAX_LIMIT + ", not '" + text + "'");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(Object o) {
        return o == null ? null : o instanceof String s ? s : String.valueOf(o);
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
