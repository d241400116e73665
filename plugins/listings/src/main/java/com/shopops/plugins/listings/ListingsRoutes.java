package com.shopops.plugins.listings;

import com.shopops.api.Messages;
import com.shopops.api.Money;
import com.shopops.api.Routes;
import com.shopops.api.Settings;
import com.shopops.api.ShopRequest;
import com.shopops.plugins.listings.analysis.CopycatSuspect;
import com.shopops.plugins.listings.analysis.ListingCheck;
import com.shopops.plugins.listings.analysis.ListingRules;
import com.shopops.plugins.listings.analysis.ReviewWatch;
import com.shopops.plugins.listings.analysis.TopProduct;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The listings plugin's routes under {@code /api/shops/{shop}/p/listings}. Days are shop-local ISO days
 * (default: the shop's yesterday), money in minor units, rates fractions. Reads need {@code listings.view},
 * changes {@code listings.edit}; every table also answers {@code ?format=csv}.
 *
 * <pre>
 * GET  /top?day=                    {"day","from","basis":"views|sales","products":[{"rank","sku","title","views","sales",
 *                                   "negative","neutral","suspects"}],"reviews":[review]}: the top products of the day
 *                                   (ranked over topDays days up to it; by sales when the shop has no views), their
 *                                   negative and neutral reviews written on the day and their open suspects;
 *                                   CSV: the products
 * GET  /reviews?from=&amp;to=           {"from","to","basis","reviews":[review]}: the top products' (as of {@code to})
 *                                   negative and neutral reviews of the range (default: 30 days up to yesterday, at most 92); CSV
 * GET  /suspects?day=&amp;from=&amp;status=  {"day","from","threshold","suspects":[suspect]}: listings last seen from
 *                                   {@code from} (default: 29 days before {@code day}) that copy a top product;
 *                                   status open|reported|dismissed filters; CSV
 * POST /suspects/{listingId}/status?day= {"status":"reported|dismissed|open","note"?} → suspect; 404 for a listing
 *                                   that is not a suspect of the 90 days up to {@code day} (default: yesterday), the
 *                                   day the page shows
 * GET  /checks?check=               {"counts":[{"check","products"}],"products":[{"sku","title","stock","inSheet",
 *                                   "passed","failures":[{"check","message","found","limit"}]}]}: every listed product,
 *                                   failing first; ?check=banned-word|… keeps the products failing it; CSV
 * GET  /settings                    the rules (ListingRules' fields: topCount, topDays, negativeMax, neutralMax,
 *                                   similarity, suspectDays, ownShopNames, bannedWords, titleMax, attributesMin,
 *                                   priceLadderRatio, stockWarning) and "defaults"
 * PUT  /settings                    some of the rules → the same as GET; a bad value is a 400 naming it, nothing changes
 *
 * review  = {"id","day","sku","title","rank","rating","tone":"negative|neutral","text"}
 * suspect = {"listingId","shopName","title","price","priceText","url","imageHash","firstSeen","lastSeen","sku","ourTitle",
 *            "similarity","sameImage","status":"open|reported|dismissed","note","changedBy","changedAt"}
 * </pre>
 */
final class ListingsRoutes {

    static final int REVIEW_DAYS = 30;
    static final int MAX_REVIEW_DAYS = 92;
    static final int SUSPECT_DAYS = 30;
    /** How far back a suspect's status can be changed. */
    static final int DECIDE_DAYS = 90;
    static final int MAX_NOTE = 2_000;
    private static final Set<String> STATUSES = Set.of("open", "reported", "dismissed");

    private final ListingsStore store;
    private final ListingsFigures figures;
    private final Settings settings;
    private final Clock clock;
    private final Messages messages;

    ListingsRoutes(ListingsStore store, ListingsFigures figures, Settings settings, Clock clock, Messages messages) {
        this.store = store;
        this.figures = figures;
        this.settings = settings;
        this.clock = clock;
        this.messages = messages;
    }

    void register(Routes routes) {
        routes.get("/top", ListingsPlugin.VIEW, this::top)
                .get("/reviews", ListingsPlugin.VIEW, this::reviews)
                .get("/suspects", ListingsPlugin.VIEW, this::suspects)
                .post("/suspects/{listingId}/status", ListingsPlugin.EDIT, this::decide)
                .get("/checks", ListingsPlugin.VIEW, this::checks)
                .get("/settings", ListingsPlugin.VIEW, this::settings)
                .put("/settings", ListingsPlugin.EDIT, this::saveSettings);
    }

    private LocalDate yesterday(ShopRequest req) {
        return LocalDate.now(clock.withZone(req.shop().timeZone())).minusDays(1);
    }

    private LocalDate dayOr(ShopRequest req, String name, LocalDate fallback) {
        LocalDate d = req.queryDay(name);
        return d == null ? fallback : d;
    }

    private void top(ShopRequest req) {
        boolean csv = req.wantsCsv();
        LocalDate day = dayOr(req, "day", yesterday(req));
        ListingsFigures.Top top = figures.top(req.shop(), day);
        List<ReviewWatch.BadReview> reviews = figures.badReviews(req.shop(), top, day, day);
        List<ListingsFigures.Suspect> suspects = figures.suspects(req.shop(), top, day.minusDays(top.rules().suspectDays() - 1L));
        List<Map<String, Object>> products = new ArrayList<>();
        for (TopProduct p : top.products()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", p.rank());
            m.put("sku", p.sku());
            m.put("title", p.title());
            m.put("views", p.views());
            m.put("sales", p.sales());
            m.put("negative", reviews.stream().filter(r -> r.product().sku().equals(p.sku()) && r.tone() == ReviewWatch.Tone.NEGATIVE).count());
            m.put("neutral", reviews.stream().filter(r -> r.product().sku().equals(p.sku()) && r.tone() == ReviewWatch.Tone.NEUTRAL).count());
            m.put("suspects", suspects.stream().filter(s -> s.decision() == null && s.suspect().sku().equals(p.sku())).count());
            products.add(m);
        }
        if (csv) {
            List<String> header = List.of("rank", "sku", "title", "views", "sales", "negative", "neutral", "suspects");
            req.csv("top-products-" + day + ".csv", header, products.stream().map(m -> header.stream().map(m::get).toList()).toList());
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("day", day.toString());
        out.put("from", top.from().toString());
        out.put("basis", top.basis().name().toLowerCase(Locale.ROOT));
        out.put("products", products);
        out.put("reviews", reviews.stream().map(ListingsRoutes::review).toList());
        req.ctx().json(out);
    }

    static final List<String> REVIEW_COLUMNS = List.of("id", "day", "sku", "title", "rank", "rating", "tone", "text");

    private static Map<String, Object> review(ReviewWatch.BadReview b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.review().id());
        m.put("day", b.review().day().toString());
        m.put("sku", b.product().sku());
        m.put("title", b.product().title());
        m.put("rank", b.product().rank());
        m.put("rating", b.review().rating());
        m.put("tone", b.tone().name().toLowerCase(Locale.ROOT));
        m.put("text", b.review().text());
        return m;
    }

    private void reviews(ShopRequest req) {
        boolean csv = req.wantsCsv();
        LocalDate to = dayOr(req, "to", yesterday(req));
        LocalDate from = dayOr(req, "from", to.minusDays(REVIEW_DAYS - 1L));
        // every review of the range is read (the core has no aggregate read of reviews), so a quarter at most
        if (from.isAfter(to) || from.plusDays(MAX_REVIEW_DAYS - 1L).isBefore(to)) {
            throw new BadRequestResponse("from: a day on or before to, at most " + MAX_REVIEW_DAYS + " days in all");
        }
        ListingsFigures.Top top = figures.top(req.shop(), to);
        List<Map<String, Object>> rows = figures.badReviews(req.shop(), top, from, to).stream().map(ListingsRoutes::review).toList();
        if (csv) {
            req.csv("reviews-" + from + "-" + to + ".csv", REVIEW_COLUMNS, rows.stream().map(m -> REVIEW_COLUMNS.stream().map(m::get).toList())
                    .toList());
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("basis", top.basis().name().toLowerCase(Locale.ROOT));
        out.put("reviews", rows);
        req.ctx().json(out);
    }

    static final List<String> SUSPECT_COLUMNS = List.of("listingId", "shopName", "title", "price", "priceText", "url", "imageHash",
            "firstSeen", "lastSeen", "sku", "ourTitle", "similarity", "sameImage", "status", "note", "changedBy", "changedAt");

    private Map<String, Object> suspect(ListingsFigures.Suspect s, String currency, Locale l) {
        CopycatSuspect c = s.suspect();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listingId", c.listing().listingId());
        m.put("shopName", c.listing().shopName());
        m.put("title", c.listing().title());
        m.put("price", c.listing().price());
        m.put("priceText", Money.text(c.listing().price(), currency, l));
        m.put("url", c.listing().url());
        m.put("imageHash", c.listing().imageHash());
        m.put("firstSeen", c.listing().firstSeen().toString());
        m.put("lastSeen", c.listing().lastSeen().toString());
        m.put("sku", c.sku());
        m.put("ourTitle", c.ourTitle());
        m.put("similarity", Math.round(c.similarity() * 10_000) / 10_000.0);
        m.put("sameImage", c.sameImage());
        m.put("status", s.status());
        m.put("note", s.decision() == null ? null : s.decision().note());
        m.put("changedBy", s.decision() == null ? null : s.decision().changedBy());
        m.put("changedAt", s.decision() == null ? null : s.decision().changedAt().toString());
        return m;
    }

    private void suspects(ShopRequest req) {
        boolean csv = req.wantsCsv();
        LocalDate day = dayOr(req, "day", yesterday(req));
        LocalDate from = dayOr(req, "from", day.minusDays(SUSPECT_DAYS - 1L));
        if (from.isAfter(day) || from.plusDays(366).isBefore(day)) {
            throw new BadRequestResponse("from: a day on or before day, at most 366 days before it");
        }
        String status = req.ctx().queryParam("status");
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw new BadRequestResponse("status: open, reported or dismissed, not '" + status + "'");
        }
        ListingsFigures.Top top = figures.top(req.shop(), day);
        List<Map<String, Object>> rows = figures.suspects(req.shop(), top, from).stream()
                .filter(s -> status == null || status.isBlank() || s.status().equals(status))
                .map(s -> suspect(s, req.shop().currency(), req.locale())).toList();
        if (csv) {
            req.csv("suspects-" + day + ".csv", SUSPECT_COLUMNS, rows.stream().map(m -> SUSPECT_COLUMNS.stream().map(m::get).toList()).toList());
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("day", day.toString());
        out.put("from", from.toString());
        out.put("threshold", top.rules().similarity());
        out.put("suspects", rows);
        req.ctx().json(out);
    }

    private void decide(ShopRequest req) {
        String listingId = req.pathParam("listingId");
        Map<?, ?> body = req.jsonObject();
        if (!(body.get("status") instanceof String status) || !STATUSES.contains(status)) {
            throw new BadRequestResponse("status: reported, dismissed or open");
        }
        Object noteValue = body.get("note");
        if (noteValue != null && !(noteValue instanceof String)) {
            throw new BadRequestResponse("note: a text");
        }
        String note = noteValue == null || ((String) noteValue).isBlank() ? null : ((String) noteValue).strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new BadRequestResponse("note: at most " + MAX_NOTE + " characters");
        }
        // the day the page shows: its top products are the ones the listing copies
        LocalDate day = dayOr(req, "day", yesterday(req));
        ListingsFigures.Top top = figures.top(req.shop(), day);
        ListingsFigures.Suspect found = figures.suspects(req.shop(), top, day.minusDays(DECIDE_DAYS - 1L)).stream()
                .filter(s -> s.suspect().listing().listingId().equals(listingId)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("listing " + listingId + " is not a suspected copycat"));
        store.decide(req.shop().id(), listingId, status, note, req.user().name(), clock.instant());
        ListingsFigures.Suspect now = figures.suspects(req.shop(), top, day.minusDays(DECIDE_DAYS - 1L)).stream()
                .filter(s -> s.suspect().listing().listingId().equals(listingId)).findFirst().orElse(found);
        req.ctx().json(suspect(now, req.shop().currency(), req.locale()));
    }

    private void checks(ShopRequest req) {
        boolean csv = req.wantsCsv();
        String only = req.ctx().queryParam("check");
        ListingCheck.Kind kind = null;
        if (only != null && !only.isBlank()) {
            for (ListingCheck.Kind k : ListingCheck.Kind.values()) {
                if (k.key().equals(only)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new BadRequestResponse("check: one of banned-word, title-length, keyword-order, attributes, price-ladder, low-stock");
            }
        }
        Locale l = req.locale();
        List<ListingsFigures.ProductCheck> all = figures.checks(req.shop());
        List<Map<String, Object>> products = new ArrayList<>();
        for (ListingsFigures.ProductCheck c : all) {
            final ListingCheck.Kind k = kind;
            if (k != null && c.failures().stream().noneMatch(f -> f.kind() == k)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sku", c.product().sku());
            m.put("title", c.facts().title());
            m.put("stock", c.product().stock());
            m.put("inSheet", c.inSheet());
            m.put("passed", c.failures().isEmpty());
            m.put("failures", c.failures().stream().map(f -> {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("check", f.kind().key());
                fm.put("message", messages.text(l, "check." + f.kind().key() + ".failed", f.found(), f.limit()));
                fm.put("found", f.found());
                fm.put("limit", f.limit());
                return fm;
            }).toList());
            products.add(m);
        }
        if (csv) {
            req.csv("listing-checks.csv", List.of("sku", "title", "stock", "inSheet", "passed", "failed", "messages"), products.stream()
                    .map(m -> {
                        List<?> fs = (List<?>) m.get("failures");
                        List<Object> row = new ArrayList<>(List.of(m.get("sku"), m.get("title")));
                        row.add(m.get("stock"));
                        row.add(m.get("inSheet"));
                        row.add(m.get("passed"));
                        row.add(String.join(" ", fs.stream().map(f -> (String) ((Map<?, ?>) f).get("check")).toList()));
                        row.add(String.join("; ", fs.stream().map(f -> (String) ((Map<?, ?>) f).get("message")).toList()));
                        return (List<?>) row;
                    }).toList());
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> counts = new ArrayList<>();
        ListingsFigures.byKind(all).forEach((k, failing) -> {
            Map<String, Object> count = new LinkedHashMap<>();
            count.put("check", k.key());
            count.put("products", failing.size());
            counts.add(count);
        });
        out.put("counts", counts);
        out.put("products", products);
        req.ctx().json(out);
    }

    private void settings(ShopRequest req) {
        Map<String, Object> out = ListingsSettings.json(ListingsSettings.of(settings, req.shop().id()));
        out.put("defaults", ListingsSettings.json(ListingRules.DEFAULT));
        req.ctx().json(out);
    }

    private void saveSettings(ShopRequest req) {
        Map<?, ?> body = req.jsonObject();
        ListingRules next;
        try {
            next = ListingsSettings.with(ListingsSettings.of(settings, req.shop().id()), body);
        } catch (IllegalArgumentException bad) {
            throw new BadRequestResponse(bad.getMessage());
        }
        ListingsSettings.save(settings, req.shop().id(), next);
        settings(req);
    }
}
