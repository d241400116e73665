package com.shopops.plugins.ads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.Money;
import com.shopops.api.Routes;
import com.shopops.api.Settings;
import com.shopops.api.Shop;
import com.shopops.api.ShopRequest;
import com.shopops.plugins.ads.KeywordReview.Review;
import com.shopops.plugins.ads.analysis.AdFigures;
import com.shopops.plugins.ads.analysis.AdRollup;
import com.shopops.plugins.ads.analysis.AdSettings;
import com.shopops.plugins.ads.analysis.BudgetPace;
import com.shopops.plugins.ads.analysis.KeywordDecision;
import com.shopops.plugins.ads.analysis.KeywordStats;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The ads plugin's routes under {@code /api/shops/{shop}/p/ads}. Days are shop-local ISO days; a range
 * defaults to the seven days up to the last day with keyword figures. Money is in minor units, rates
 * are fractions, {@code null} means unknown. Every table also answers as CSV with {@code ?format=csv}.
 *
 * <pre>
 * GET  /review?from=&amp;to=         {"shop","currency","from","to","settings",{"pace"},{"totals"},
 *                                   {"otherSpend":{"display","affiliate"}},"keywords":[row],"adds":[row]};
 *                                   row = figures + decision + its status
 * GET  /rollup?from=&amp;to=&amp;by=campaign|adGroup|product|day   {"by","rows":[{"name",…figures}]}
 * GET  /trend?from=&amp;to=          ROI per campaign and day: {"days":[…],"campaigns":[{"campaign","roi":[…],"cost":[…]}]}
 * GET  /pace?day=                  the budget pace of day's month as of day
 * POST /decisions                  {"from","to","campaign","adGroup","product","keyword","status":"accepted|dismissed|proposed"}
 * GET  /decisions?from=&amp;to=&amp;status=   the decisions acted on, with who and when
 * GET  /bid-sheet?from=&amp;to=      CSV of the accepted decisions whose range ends in from..to
 * GET  /settings, PUT /settings    the rules: target ROI, monthly budget, evidence thresholds
 * </pre>
 */
final class AdsRoutes {

    /** The longest range one request may add up. */
    static final int MAX_DAYS = 366;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeywordReview review;
    private final AdsStore store;
    private final Settings settings;
    private final ReasonWords words;
    private final Clock clock;

    AdsRoutes(KeywordReview review, AdsStore store, Settings settings, ReasonWords words, Clock clock) {
        this.review = review;
        this.store = store;
        this.settings = settings;
        this.words = words;
        this.clock = clock;
    }

    void register(Routes routes) {
        routes.get("/review", AdsPlugin.VIEW, this::review)
                .get("/rollup", AdsPlugin.VIEW, this::rollup)
                .get("/trend", AdsPlugin.VIEW, this::trend)
                .get("/pace", AdsPlugin.VIEW, this::pace)
                .get("/decisions", AdsPlugin.VIEW, this::decisions)
                .post("/decisions", AdsPlugin.EDIT, this::decide)
                .get("/bid-sheet", AdsPlugin.EDIT, this::bidSheet)
                .get("/settings", AdsPlugin.VIEW, this::settings)
                .put("/settings", AdsPlugin.EDIT, this::putSettings);
    }

    // ---------------------------------------------------------------- review

    private void review(ShopRequest req) {
        LocalDate[] range = range(req);
        Review r = review.review(req.shop(), range[0], range[1]);
        Map<DecisionKey, Decision> acted = new LinkedHashMap<>();
        for (Decision d : store.decisions(req.shop().id(), range[1], range[1], null)) {
            if (d.from().equals(range[0])) {
                acted.put(DecisionKey.of(d), d);
            }
        }
        List<Map<String, Object>> keywords = new ArrayList<>();
        for (int i = 0; i < r.keywords().size(); i++) {
            keywords.add(row(req, r.keywords().get(i), r.decisions().get(i), acted));
        }
        List<Map<String, Object>> adds = new ArrayList<>();
        for (KeywordDecision add : r.adds()) {
            adds.add(row(req, null, add, acted));
        }
        if (req.wantsCsv()) {
            List<Map<String, Object>> all = new ArrayList<>(keywords);
            all.addAll(adds);
            req.csv(req.shop().code() + "-ads-keywords-" + range[0] + "-" + range[1] + ".csv", KEYWORD_COLUMNS,
                    all.stream().map(row -> KEYWORD_COLUMNS.stream().map(row::get).toList()).toList());
            return;
        }
        AdFigures total = AdFigures.sum(r.keywords());
        Map<String, Object> totals = figures(total);
        totals.put("shopSales", r.shopSales());
        totals.put("shopUv", r.shopUv());
        totals.put("shareOfShopSales", total.shareOfShopSales(r.shopSales()));
        totals.put("shareOfShopUv", r.shopUv() == null ? null : total.shareOfShopUv(r.shopUv()));
        Map<String, Object> answer = head(req, range);
        answer.put("settings", r.settings().asMap());
        answer.put("pace", pace(r.pace()));
        answer.put("totals", totals);
        answer.put("otherSpend", otherSpend(req.shop(), range));
        answer.put("keywords", keywords);
        answer.put("adds", adds);
        req.ctx().json(answer);
    }

    static final List<String> KEYWORD_COLUMNS = List.of("campaign", "adGroup", "product", "keyword", "impressions", "clicks",
            "cost", "orders", "gmv", "ctr", "cpc", "conversionRate", "cpa", "roi", "acos", "qualityScore", "avgRank", "bid",
            "action", "reason", "suggestedBid", "bidChange", "status");

    private Map<String, Object> row(ShopRequest req, KeywordStats k, KeywordDecision d, Map<DecisionKey, Decision> acted) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("campaign", d.campaign());
        row.put("adGroup", d.adGroup());
        row.put("product", d.product());
        row.put("keyword", d.keyword());
        var e = d.evidence();
        row.putAll(figures(k == null ? new AdFigures(e.impressions(), e.clicks(), e.cost(), e.orders(), e.gmv()) : AdFigures.of(k)));
        row.put("qualityScore", k == null ? null : k.qualityScore());
        row.put("avgRank", k == null ? null : k.avgRank());
        row.put("bid", d.currentBid());
        row.put("action", code(d.action()));
        row.put("reason", words.text(req.locale(), req.shop().currency(), d.reasonKey(), d.reasonArgs()));
        row.put("reasonKey", d.reasonKey());
        row.put("reasonArgs", d.reasonArgs());
        row.put("suggestedBid", d.suggestedBid());
        row.put("bidChange", d.bidChange());
        row.put("evidence", e);
        Decision stored = acted.get(DecisionKey.of(d));
        // a verdict on another action (the figures changed since) does not carry over
        boolean same = stored != null && stored.action().equals(code(d.action()));
        row.put("status", same ? stored.status().code() : Decision.Status.PROPOSED.code());
        row.put("decisionId", same ? stored.id() : null);
        row.put("decidedBy", same ? stored.decidedBy() : null);
        row.put("decidedAt", same && stored.decidedAt() != null ? stored.decidedAt().toString() : null);
        return row;
    }

    /** Display and affiliate spend over the range, each kind added up with its figures. */
    private Map<String, Object> otherSpend(Shop shop, LocalDate[] range) {
        Map<String, AdFigures> byKind = new LinkedHashMap<>();
        for (SpendDay.Kind kind : SpendDay.Kind.values()) {
            byKind.put(kind.name().toLowerCase(Locale.ROOT), AdFigures.ZERO);
        }
        for (AdsStore.OtherSpend o : store.otherSpend(shop.id(), range[0], range[1])) {
            byKind.merge(o.kind().name().toLowerCase(Locale.ROOT), new AdFigures(o.impressions(), o.clicks(), o.cost(), o.orders(),
                    o.gmv()), AdFigures::plus);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        byKind.forEach((kind, f) -> out.put(kind, figures(f)));
        return out;
    }

    private static Map<String, Object> figures(AdFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("impressions", f.impressions());
        m.put("clicks", f.clicks());
        m.put("cost", f.cost());
        m.put("orders", f.orders());
        m.put("gmv", f.gmv());
        m.put("ctr", f.ctr());
        m.put("cpc", f.cpc());
        m.put("conversionRate", f.conversionRate());
        m.put("cpa", f.cpa());
        m.put("roi", f.roi());
        m.put("acos", f.acos());
        m.put("costPerUv", f.costPerUv());
        return m;
    }

    // ---------------------------------------------------------------- rollup and trend

    private void rollup(ShopRequest req) {
        LocalDate[] range = range(req);
        String by = Optional.ofNullable(req.ctx().queryParam("by")).orElse("campaign");
        List<KeywordStats> rows = store.keywordDays(req.shop().id(), range[0], range[1]);
        Map<String, AdFigures> groups = new TreeMap<>();
        Function<KeywordStats, String> key = switch (by) {
            case "campaign" -> KeywordStats::campaign;
            case "adGroup" -> k -> k.campaign() + " / " + k.adGroup();
            case "product" -> k -> k.product().isEmpty() ? "–" : k.product();
            case "day" -> k -> k.from().toString();
            default -> throw new BadRequestResponse("by: campaign, adGroup, product or day, not '" + by + "'");
        };
        AdRollup.by(rows, key).forEach(groups::put);
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((name, f) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.putAll(figures(f));
            out.add(row);
        });
        if (req.wantsCsv()) {
            List<String> columns = new ArrayList<>(List.of(by));
            columns.addAll(figures(AdFigures.ZERO).keySet());
            req.csv(req.shop().code() + "-ads-by-" + by + "-" + range[0] + "-" + range[1] + ".csv", columns,
                    out.stream().map(r -> (List<?>) new ArrayList<>(r.values())).toList());
            return;
        }
        Map<String, Object> answer = head(req, range);
        answer.put("by", by);
        answer.put("rows", out);
        req.ctx().json(answer);
    }

    private void trend(ShopRequest req) {
        LocalDate[] range = range(req);
        List<KeywordStats> rows = store.keywordDays(req.shop().id(), range[0], range[1]);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (LocalDate d = range[0]; !d.isAfter(range[1]); d = d.plusDays(1)) {
            days.add(d);
        }
        Map<String, Map<LocalDate, AdFigures>> byCampaign = new TreeMap<>();
        for (KeywordStats k : rows) {
            byCampaign.computeIfAbsent(k.campaign(), c -> new TreeMap<>()).merge(k.from(), AdFigures.of(k), AdFigures::plus);
        }
        List<Map<String, Object>> campaigns = new ArrayList<>();
        byCampaign.forEach((campaign, perDay) -> {
            List<Double> roi = new ArrayList<>();
            List<Long> cost = new ArrayList<>();
            List<Long> gmv = new ArrayList<>();
            for (LocalDate d : days) {
                AdFigures f = perDay.getOrDefault(d, AdFigures.ZERO);
                roi.add(f.roi());
                cost.add(f.cost());
                gmv.add(f.gmv());
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("campaign", campaign);
            c.put("roi", roi);
            c.put("cost", cost);
            c.put("gmv", gmv);
            campaigns.add(c);
        });
        if (req.wantsCsv()) {
            List<List<?>> out = new ArrayList<>();
            byCampaign.forEach((campaign, perDay) -> perDay.forEach((d, f) -> out.add(Arrays.asList(d.toString(), campaign,
                    f.cost(), f.gmv(), f.roi()))));
            req.csv(req.shop().code() + "-ads-roi-" + range[0] + "-" + range[1] + ".csv",
                    List.of("day", "campaign", "cost", "gmv", "roi"), out);
            return;
        }
        Map<String, Object> answer = head(req, range);
        answer.put("days", days.stream().map(LocalDate::toString).toList());
        answer.put("campaigns", campaigns);
        answer.put("targetRoi", review.settings(req.shop().id()).targetRoi());
        req.ctx().json(answer);
    }

    private void pace(ShopRequest req) {
        LocalDate day = day(req, "day", review.lastDay(req.shop()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("shop", req.shop().code());
        answer.put("currency", req.shop().currency());
        answer.putAll(pace(review.pace(req.shop().id(), day, review.settings(req.shop().id()))));
        req.ctx().json(answer);
    }

    private static Map<String, Object> pace(BudgetPace p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", p.month().toString());
        m.put("asOf", p.asOf().toString());
        m.put("daysElapsed", p.daysElapsed());
        m.put("daysLeft", p.daysLeft());
        m.put("spent", p.spent());
        m.put("budget", p.budget());
        m.put("plannedSoFar", p.plannedSoFar());
        m.put("projected", p.projected());
        m.put("dailyToLand", p.dailyToLand());
        m.put("state", p.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("tolerance", p.tolerance());
        return m;
    }

    // ---------------------------------------------------------------- decisions

    /**
     * The operator's verdict on one decision of a range. The decision is made again from the stored
     * figures, so what is recorded is what the figures say, not what the browser sent.
     */
    private void decide(ShopRequest req) {
        Map<?, ?> body = req.ctx().bodyAsClass(Map.class);
        LocalDate from = bodyDay(body, "from");
        LocalDate to = bodyDay(body, "to");
        checkRange(from, to, "from", "to");
        String campaign = text(body, "campaign");
        String adGroup = text(body, "adGroup");
        String product = body.get("product") == null ? "" : text(body, "product");
        String keyword = text(body, "keyword");
        Decision.Status status;
        try {
            status = Decision.Status.of(text(body, "status"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("status: accepted, dismissed or proposed");
        }
        Review r = review.review(req.shop(), from, to);
        List<KeywordDecision> all = new ArrayList<>(r.decisions());
        all.addAll(r.adds());
        DecisionKey wanted = new DecisionKey(campaign, adGroup, product, keyword);
        KeywordDecision d = all.stream().filter(x -> DecisionKey.of(x).equals(wanted)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("no decision for keyword '" + keyword + "' of " + campaign + " / " + adGroup
                        + " from " + from + " to " + to));
        Decision.Proposal proposal = new Decision.Proposal(from, to, d.campaign(), d.adGroup(), d.product(), d.keyword(),
                code(d.action()), d.reasonKey(), json(d.reasonArgs()), d.suggestedBid(), json(evidence(d)));
        Decision stored = store.propose(req.shop().id(), List.of(proposal), clock.instant()).get(0);
        if (!stored.action().equals(proposal.action())) {
            // the stored verdict was given on other figures: record the decision as the figures say now
            stored = store.replace(req.shop().id(), stored.id(), proposal, clock.instant());
        }
        Decision decided = store.decide(req.shop().id(), stored.id(), status, req.user().name(), clock.instant()).orElseThrow();
        req.ctx().json(decision(req, decided));
    }

    private void decisions(ShopRequest req) {
        LocalDate[] range = range(req);
        String statusText = req.ctx().queryParam("status");
        Decision.Status status = null;
        if (statusText != null && !statusText.isBlank()) {
            try {
                status = Decision.Status.of(statusText.trim());
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("status: accepted, dismissed or proposed, not '" + statusText + "'");
            }
        }
        List<Map<String, Object>> out = store.decisions(req.shop().id(), range[0], range[1], status).stream()
                .filter(d -> d.status() != Decision.Status.PROPOSED || statusText != null)
                .map(d -> decision(req, d)).toList();
        Map<String, Object> answer = head(req, range);
        answer.put("decisions", out);
        req.ctx().json(answer);
    }

    /** The accepted decisions as a sheet to apply in the ad platform's back office. */
    private void bidSheet(ShopRequest req) {
        LocalDate[] range = range(req);
        List<List<?>> rows = new ArrayList<>();
        for (Decision d : store.decisions(req.shop().id(), range[0], range[1], Decision.Status.ACCEPTED)) {
            if (d.action().equals("keep") || d.action().equals("watch")) {
                continue;
            }
            rows.add(Arrays.asList(d.campaign(), d.adGroup(), d.product(), d.keyword(), d.action(),
                    major(evidenceNumber(d, "currentBid"), req.shop().currency()), major(d.suggestedBid(), req.shop().currency()),
                    evidenceNumber(d, "bidChange"),
                    reasonText(req, d), d.from().toString(), d.to().toString(), d.decidedBy(),
                    d.decidedAt() == null ? null : d.decidedAt().toString()));
        }
        req.csv(req.shop().code() + "-bid-sheet-" + range[0] + "-" + range[1] + ".csv",
                List.of("campaign", "ad group", "product", "keyword", "action", "current bid", "new bid", "bid change", "reason", "from", "to",
                        "accepted by", "accepted at"), rows);
    }

    /** The figures a decision rests on, with the bid it starts from and the change it makes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> evidence(KeywordDecision d) {
        Map<String, Object> m = new LinkedHashMap<>(JSON.convertValue(d.evidence(), Map.class));
        m.put("currentBid", d.currentBid());
        m.put("bidChange", d.bidChange());
        return m;
    }

    private Map<String, Object> decision(ShopRequest req, Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("from", d.from().toString());
        m.put("to", d.to().toString());
        m.put("campaign", d.campaign());
        m.put("adGroup", d.adGroup());
        m.put("product", d.product());
        m.put("keyword", d.keyword());
        m.put("action", d.action());
        m.put("reason", reasonText(req, d));
        m.put("suggestedBid", d.suggestedBid());
        m.put("status", d.status().code());
        m.put("decidedBy", d.decidedBy());
        m.put("decidedAt", d.decidedAt() == null ? null : d.decidedAt().toString());
        return m;
    }

    private String reasonText(ShopRequest req, Decision d) {
        List<Number> args;
        try {
            args = List.of(JSON.readValue(d.reasonArgs(), Double[].class));
        } catch (JsonProcessingException | NullPointerException e) {
            args = List.of();
        }
        return words.text(req.locale(), req.shop().currency(), d.reasonKey(), args);
    }

    private static Number evidenceNumber(Decision d, String field) {
        try {
            var node = JSON.readTree(d.evidence()).get(field);
            return node == null || node.isNull() ? null : node.numberValue();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- settings

    private void settings(ShopRequest req) {
        req.ctx().json(review.settings(req.shop().id()).asMap());
    }

    /** Changes some or all rules at once; a bad value is a 400 naming it, and then nothing is changed. */
    private void putSettings(ShopRequest req) {
        Map<?, ?> body = req.ctx().bodyAsClass(Map.class);
        Map<String, String> merged = new LinkedHashMap<>(review.settings(req.shop().id()).asMap());
        for (Map.Entry<?, ?> e : body.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!AdSettings.KEYS.contains(key)) {
                throw new BadRequestResponse("unknown setting '" + key + "'; the settings are " + AdSettings.KEYS);
            }
            merged.put(key, e.getValue() == null ? "" : String.valueOf(e.getValue()).trim());
        }
        AdSettings checked;
        try {
            checked = AdSettings.of(merged);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        Map<String, String> values = checked.asMap();
        for (String key : AdSettings.KEYS) {
            if (body.containsKey(key)) {
                settings.put(req.shop().id(), key, values.get(key));
            }
        }
        req.ctx().json(values);
    }

    // ---------------------------------------------------------------- parameters

    private LocalDate[] range(ShopRequest req) {
        LocalDate to = day(req, "to", review.lastDay(req.shop()));
        LocalDate from = day(req, "from", to.minusDays(6));
        checkRange(from, to, "from", "to");
        return new LocalDate[] {from, to};
    }

    private static void checkRange(LocalDate from, LocalDate to, String fromName, String toName) {
        if (from.isAfter(to)) {
            throw new BadRequestResponse(fromName + " " + from + " is after " + toName + " " + to);
        }
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new BadRequestResponse(fromName + " to " + toName + ": at most " + MAX_DAYS + " days");
        }
    }

    private static LocalDate day(ShopRequest req, String name, LocalDate otherwise) {
        LocalDate day = req.queryDay(name);
        return day == null ? otherwise : day;
    }

    private static LocalDate bodyDay(Map<?, ?> body, String name) {
        return ShopRequest.day(name, text(body, name));
    }

    private static String text(Map<?, ?> body, String name) {
        Object value = body.get(name);
        if (!(value instanceof String s)) {
            throw new BadRequestResponse(name + ": text is required");
        }
        if (s.length() > 500) {
            throw new BadRequestResponse(name + ": at most 500 characters");
        }
        return s;
    }

    private static Map<String, Object> head(ShopRequest req, LocalDate[] range) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop", req.shop().code());
        m.put("currency", req.shop().currency());
        m.put("from", range[0].toString());
        m.put("to", range[1].toString());
        return m;
    }

    /** The action as stored and sent: {@code raise-bid}, {@code change-creative}, … */
    static String code(KeywordDecision.Action action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String major(Number minor, String currency) {
        if (minor == null) {
            return null;
        }
        return Money.major(minor.longValue(), currency).toPlainString();
    }

    /** Which keyword (or search term) of which ad group a decision is about. */
    record DecisionKey(String campaign, String adGroup, String product, String keyword) {

        static DecisionKey of(KeywordDecision d) {
            return new DecisionKey(d.campaign(), d.adGroup(), d.product() == null ? "" : d.product(), d.keyword());
        }

        static DecisionKey of(Decision d) {
            return new DecisionKey(d.campaign(), d.adGroup(), d.product(), d.keyword());
        }
    }
}
