package com.shopops.plugins.competitors;

import com.shopops.api.Routes;
import com.shopops.api.Shop;
import com.shopops.api.ShopRequest;
import com.shopops.plugins.competitors.analysis.PeerListing;
import com.shopops.plugins.competitors.analysis.PeerSummary;
import com.shopops.plugins.competitors.analysis.SnapshotDiff;
import com.shopops.plugins.competitors.analysis.TimingSignal;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The competitors plugin's JSON API under {@code /api/shops/{shop}/p/competitors}. Reads need
 * {@code competitors.view}, changes {@code competitors.edit}. Every table answers CSV with {@code ?format=csv}.
 * Money in minor units, days as {@code YYYY-MM-DD}; a period defaults to the 30 days up to the last snapshot
 * (or yesterday when there is none), a day to that last day.
 * <pre>
 * GET    /peers                          {rows: [{id, name, tier, products, lastDay, formerNames}]}: formerNames, the names
 *                                        it had before a rename, by which imports still find it
 * POST   /peers                          {"name", "tier": "ahead"|"level"} → 201 the peer; 409 when the name is taken
 * PUT    /peers/{id}                     {"name"?, "tier"?} → the peer; 404, 409
 * DELETE /peers/{id}                     → 204 (its snapshots go too); 404
 * GET    /changes?from=&amp;to=              {prices, newListings, delisted, sales, reviews}; CSV of one with &amp;table=
 * GET    /summary?from=&amp;to=              {from, to, rows: [per-peer summary]}
 * GET    /signals?day=                   {day, rules, rows: [season-timing signal per range]}
 * GET    /sales?from=&amp;to=                {series: [{peerId, name, points: [{day, products, monthlySales}]}]}
 * GET    /history?peer=&amp;product=&amp;from=&amp;to=  {title, rows: [{day, price, monthlySales, rating, reviews}]}
 * GET    /settings, PUT /settings        {minSales, withinDays, minPeers, lookbackDays, rivalSimilarity, minCut, salesJump}
 * </pre>
 */
final class CompetitorsRoutes {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    private static final List<String> CHANGE_TABLES = List.of("prices", "newListings", "delisted", "sales", "reviews");
    /** Each table's columns, so that an empty table's CSV still has its header. */
    private static final List<String> LISTING = List.of("peerId", "peer", "productId", "title", "category", "day", "price",
            "monthlySales", "rating", "reviews", "listedOn");
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "peers", List.of("id", "name", "tier", "products", "lastDay"),
            "prices", List.of("peerId", "peer", "productId", "title", "category", "day", "oldPrice", "newPrice", "change"),
            "newListings", LISTING,
            "delisted", LISTING,
            "sales", List.of("peerId", "peer", "productId", "title", "before", "after", "delta"),
            "reviews", List.of("peerId", "peer", "productId", "title", "ratingBefore", "ratingAfter", "ratingDelta", "reviewsBefore",
                    "reviewsAfter", "newReviews"),
            "summary", List.of("peerId", "peer", "tier", "baseline", "last", "snapshots", "products", "newListings", "delisted",
                    "priceCuts", "priceRises", "salesBefore", "salesAfter", "salesChange", "newReviews", "rating"),
            "signals", List.of("range", "basis", "status", "peers", "sellingPeers", "peerNames", "listings", "firstLaunch",
                    "sellingSince", "bestPeerId", "bestPeer", "bestProductId", "bestTitle", "bestMonthlySales"),
            "peerDays", List.of("peerId", "peer", "day", "products", "monthlySales"),
            "history", List.of("day", "price", "monthlySales", "rating", "reviews"));

    private final CompetitorFigures figures;
    private final Clock clock;

    CompetitorsRoutes(CompetitorFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    void register(Routes routes) {
        routes.get("/peers", CompetitorsPlugin.VIEW, this::peers)
                .post("/peers", CompetitorsPlugin.EDIT, this::addPeer)
                .put("/peers/{id}", CompetitorsPlugin.EDIT, this::updatePeer)
                .delete("/peers/{id}", CompetitorsPlugin.EDIT, this::removePeer)
                .get("/changes", CompetitorsPlugin.VIEW, this::changes)
                .get("/summary", CompetitorsPlugin.VIEW, this::summary)
                .get("/signals", CompetitorsPlugin.VIEW, this::signals)
                .get("/sales", CompetitorsPlugin.VIEW, this::sales)
                .get("/history", CompetitorsPlugin.VIEW, this::history)
                .get("/settings", CompetitorsPlugin.VIEW, req -> req.ctx().json(figures.settings(req.shop().id()).asJson()))
                .put("/settings", CompetitorsPlugin.EDIT, this::putSettings);
    }

    // ---------------------------------------------------------------- peers

    private void peers(ShopRequest req) {
        long shopId = req.shop().id();
        LocalDate last = lastDay(req.shop());
        Map<Long, PeerStore.PeerDay> latest = new LinkedHashMap<>();
        for (PeerStore.PeerDay d : figures.store().peerDays(shopId, last.minusDays(MAX_DAYS), last)) {
            latest.put(d.peerId(), d);
        }
        Map<Long, List<String>> formerNames = figures.store().formerNames(shopId);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Peer p : figures.store().peers(shopId)) {
            PeerStore.PeerDay d = latest.get(p.id());
            Map<String, Object> m = peerJson(p);
            m.put("products", d == null ? null : d.products());
            m.put("lastDay", d == null ? null : d.day().toString());
            m.put("formerNames", formerNames.getOrDefault(p.id(), List.of()));
            rows.add(m);
        }
        answer(req, "peers", "peers", rows, Map.of());
    }

    private static Map<String, Object> peerJson(Peer p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("tier", p.tier().code());
        return m;
    }

    private void addPeer(ShopRequest req) {
        Map<?, ?> body = req.jsonObject();
        String name = name(body.get("name"));
        Peer.Tier tier = tier(body.containsKey("tier") ? body.get("tier") : "level");
        Peer p = figures.store().add(req.shop().id(), name, tier, clock.instant())
                .orElseThrow(() -> new ConflictResponse("a peer named " + name + " is there already"));
        req.ctx().status(201).json(peerJson(p));
    }

    private void updatePeer(ShopRequest req) {
        long id = id(req);
        Peer had = figures.store().peer(req.shop().id(), id).orElseThrow(() -> new NotFoundResponse("no peer " + id));
        Map<?, ?> body = req.jsonObject();
        String name = body.containsKey("name") ? name(body.get("name")) : had.name();
        Peer.Tier tier = body.containsKey("tier") ? tier(body.get("tier")) : had.tier();
        switch (figures.store().update(req.shop().id(), id, name, tier)) {
            case NOT_FOUND -> throw new NotFoundResponse("no peer " + id);
            case NAME_TAKEN -> throw new ConflictResponse("a peer named " + name + " is there already");
            case DONE -> req.ctx().json(peerJson(new Peer(id, name, tier)));
        }
    }

    private void removePeer(ShopRequest req) {
        long id = id(req);
        if (!figures.store().remove(req.shop().id(), id)) {
            throw new NotFoundResponse("no peer " + id);
        }
        req.ctx().status(204);
    }

    private static long id(ShopRequest req) {
        try {
            return Long.parseLong(req.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no peer " + req.pathParam("id"));
        }
    }

    private static String name(Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new BadRequestResponse("name: the peer shop's name is required");
        }
        if (s.strip().length() > 200) {
            throw new BadRequestResponse("name: at most 200 characters");
        }
        return s.strip();
    }

    private static Peer.Tier tier(Object value) {
        try {
            return Peer.Tier.of(value instanceof String s ? s : String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    // ---------------------------------------------------------------- changes, summary, signals

    private void changes(ShopRequest req) {
        Shop shop = req.shop();
        LocalDate[] range = range(req);
        Map<Long, String> names = names(shop);
        List<Map<String, Object>> prices = new ArrayList<>();
        List<Map<String, Object>> added = new ArrayList<>();
        List<Map<String, Object>> gone = new ArrayList<>();
        List<Map<String, Object>> sales = new ArrayList<>();
        List<Map<String, Object>> reviews = new ArrayList<>();
        for (SnapshotDiff d : figures.changes(shop.id(), range[0], range[1])) {
            String peer = names.getOrDefault(d.peerId(), "#" + d.peerId());
            d.priceChanges().forEach(c -> prices.add(row("peerId", c.peerId(), "peer", peer, "productId", c.productId(), "title", c.title(),
                    "category", c.category(), "day", c.day().toString(), "oldPrice", c.oldPrice(), "newPrice", c.newPrice(),
                    "change", c.rate())));
            d.newListings().forEach(l -> added.add(listing(peer, l)));
            d.delisted().forEach(l -> gone.add(listing(peer, l)));
            d.salesMoves().forEach(s -> sales.add(row("peerId", s.peerId(), "peer", peer, "productId", s.productId(), "title", s.title(),
                    "before", s.before(), "after", s.after(), "delta", s.delta())));
            d.reviewChanges().forEach(r -> reviews.add(row("peerId", r.peerId(), "peer", peer, "productId", r.productId(),
                    "title", r.title(), "ratingBefore", r.ratingBefore(), "ratingAfter", r.ratingAfter(), "ratingDelta", r.ratingDelta(),
                    "reviewsBefore", r.reviewsBefore(), "reviewsAfter", r.reviewsAfter(), "newReviews", r.newReviews())));
        }
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("prices", prices);
        tables.put("newListings", added);
        tables.put("delisted", gone);
        tables.put("sales", sales);
        tables.put("reviews", reviews);
        if (req.wantsCsv()) {
            String table = req.ctx().queryParam("table");
            if (table == null || !CHANGE_TABLES.contains(table)) {
                throw new BadRequestResponse("table: one of " + String.join(", ", CHANGE_TABLES) + " for CSV");
            }
            csv(req, shop.code() + "-competitor-" + table + "-" + range[0] + "-" + range[1], table, tables.get(table));
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", range[0].toString());
        out.put("to", range[1].toString());
        out.putAll(tables);
        req.ctx().json(out);
    }

    private static Map<String, Object> listing(String peer, PeerListing l) {
        return row("peerId", l.peerId(), "peer", peer, "productId", l.productId(), "title", l.title(), "category", l.category(),
                "day", l.day().toString(), "price", l.price(), "monthlySales", l.monthlySales(), "rating", l.rating(),
                "reviews", l.reviews(), "listedOn", l.listedOn() == null ? null : l.listedOn().toString());
    }

    private void summary(ShopRequest req) {
        Shop shop = req.shop();
        LocalDate[] range = range(req);
        Map<Long, Peer> peers = figures.store().peers(shop.id()).stream().collect(Collectors.toMap(Peer::id, Function.identity()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PeerSummary s : figures.summaries(shop.id(), range[0], range[1])) {
            Peer p = peers.get(s.peerId());
            rows.add(row("peerId", s.peerId(), "peer", p == null ? "#" + s.peerId() : p.name(), "tier", p == null ? null : p.tier().code(),
                    "baseline", text(s.baseline()), "last", text(s.last()), "snapshots", s.snapshots(), "products", s.listings(),
                    "newListings", s.newListings(), "delisted", s.delisted(), "priceCuts", s.priceCuts(), "priceRises", s.priceRises(),
                    "salesBefore", s.salesBefore(), "salesAfter", s.salesAfter(), "salesChange", s.salesChange(),
                    "newReviews", s.newReviews(), "rating", s.rating()));
        }
        answer(req, "summary", "competitor-summary-" + range[0] + "-" + range[1], rows,
                Map.of("from", range[0].toString(), "to", range[1].toString()));
    }

    private void signals(ShopRequest req) {
        Shop shop = req.shop();
        LocalDate day = req.queryDay("day");
        day = day == null ? lastDay(shop) : day;
        Map<Long, String> names = names(shop);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TimingSignal s : figures.signals(shop, day)) {
            rows.add(row("range", s.range(), "basis", s.basis().name(), "status", s.status().name(), "peers", s.peers().size(),
                    "sellingPeers", s.sellingPeers().size(),
                    "peerNames", s.peers().stream().map(id -> names.getOrDefault(id, "#" + id)).collect(Collectors.joining(", ")),
                    "listings", s.listings(), "firstLaunch", text(s.firstLaunch()), "sellingSince", text(s.sellingSince()),
                    "bestPeerId", s.best().peerId(), "bestPeer", names.getOrDefault(s.best().peerId(), "#" + s.best().peerId()),
                    "bestProductId", s.best().productId(), "bestTitle", s.best().title(), "bestMonthlySales", s.best().monthlySales()));
        }
        answer(req, "signals", "competitor-signals-" + day, rows,
                Map.of("day", day.toString(), "rules", figures.settings(shop.id()).asJson()));
    }

    // ---------------------------------------------------------------- chart data

    private void sales(ShopRequest req) {
        Shop shop = req.shop();
        LocalDate[] range = range(req);
        Map<Long, String> names = names(shop);
        List<PeerStore.PeerDay> days = figures.store().peerDays(shop.id(), range[0], range[1]);
        if (req.wantsCsv()) {
            csv(req, shop.code() + "-competitor-sales-" + range[0] + "-" + range[1], "peerDays", days.stream().map(d -> row("peerId", d.peerId(),
                    "peer", names.getOrDefault(d.peerId(), "#" + d.peerId()), "day", d.day().toString(), "products", d.products(),
                    "monthlySales", d.monthlySales())).toList());
            return;
        }
        Map<Long, List<Map<String, Object>>> byPeer = new LinkedHashMap<>();
        for (PeerStore.PeerDay d : days) {
            byPeer.computeIfAbsent(d.peerId(), k -> new ArrayList<>())
                    .add(row("day", d.day().toString(), "products", d.products(), "monthlySales", d.monthlySales()));
        }
        List<Map<String, Object>> series = new ArrayList<>();
        byPeer.forEach((id, points) -> series.add(row("peerId", id, "name", names.getOrDefault(id, "#" + id), "points", points)));
        req.ctx().json(row("from", range[0].toString(), "to", range[1].toString(), "series", series));
    }

    private void history(ShopRequest req) {
        Shop shop = req.shop();
        long peer;
        try {
            peer = Long.parseLong(String.valueOf(req.ctx().queryParam("peer")));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("peer: a peer's id is required");
        }
        String product = req.ctx().queryParam("product");
        if (product == null || product.isBlank()) {
            throw new BadRequestResponse("product: the peer's product id is required");
        }
        LocalDate[] range = range(req);
        List<PeerListing> points = figures.store().history(shop.id(), peer, product.strip(), range[0], range[1]);
        List<Map<String, Object>> rows = points.stream().map(p -> row("day", p.day().toString(), "price", p.price(),
                "monthlySales", p.monthlySales(), "rating", p.rating(), "reviews", p.reviews())).toList();
        String title = points.isEmpty() ? null : points.get(points.size() - 1).title();
        answer(req, "history", "competitor-history-" + peer + "-" + product.strip(), rows, row("peerId", peer, "productId", product.strip(),
                "title", title, "from", range[0].toString(), "to", range[1].toString()));
    }

    private void putSettings(ShopRequest req) {
        CompetitorSettings changed;
        try {
            changed = figures.settings(req.shop().id()).with(req.jsonObject());
        } catch (IllegalArgumentException bad) {
            throw new BadRequestResponse(bad.getMessage());
        }
        changed.save(figures.settingsStore(), req.shop().id());
        req.ctx().json(changed.asJson());
    }

    // ---------------------------------------------------------------- helpers

    /** The last snapshot day, or yesterday in the shop's time zone when nothing is imported. */
    private LocalDate lastDay(Shop shop) {
        return figures.store().lastDay(shop.id()).orElseGet(() -> LocalDate.now(clock.withZone(shop.timeZone())).minusDays(1));
    }

    private LocalDate[] range(ShopRequest req) {
        LocalDate from = req.queryDay("from");
        LocalDate to = req.queryDay("to");
        to = to == null ? (from == null ? lastDay(req.shop()) : from.plusDays(DEFAULT_DAYS - 1L)) : to;
        from = from == null ? to.minusDays(DEFAULT_DAYS - 1L) : from;
        if (from.isAfter(to)) {
            throw new BadRequestResponse("from " + from + " is after to " + to);
        }
        if (to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
            throw new BadRequestResponse("a period of at most " + MAX_DAYS + " days");
        }
        return new LocalDate[] {from, to};
    }

    private Map<Long, String> names(Shop shop) {
        return figures.store().peers(shop.id()).stream().collect(Collectors.toMap(Peer::id, Peer::name));
    }

    /** The rows of table {@code table} as CSV when asked, else as JSON {@code {…extra, rows}}. */
    private static void answer(ShopRequest req, String table, String name, List<Map<String, Object>> rows, Map<String, Object> extra) {
        if (req.wantsCsv()) {
            csv(req, req.shop().code() + "-" + name, table, rows);
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>(extra);
        out.put("rows", rows);
        req.ctx().json(out);
    }

    private static void csv(ShopRequest req, String name, String table, List<Map<String, Object>> rows) {
        List<String> header = COLUMNS.get(table);
        req.csv(name + ".csv", header, rows.stream().map(r -> header.stream().map(r::get).toList()).toList());
    }

    /** A JSON object of key, value pairs in order; values may be null. */
    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
