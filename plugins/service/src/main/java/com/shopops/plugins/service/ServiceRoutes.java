package com.shopops.plugins.service;

import com.shopops.api.Messages;
import com.shopops.api.Routes;
import com.shopops.api.Settings;
import com.shopops.api.ShopRequest;
import com.shopops.api.data.ShopData;
import com.shopops.plugins.service.analysis.AgentFigures;
import com.shopops.plugins.service.analysis.BestAgents;
import com.shopops.plugins.service.analysis.Ranking;
import io.javalin.http.BadRequestResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service plugin's routes under {@code /api/shops/{shop}/p/service}. A period is {@code from}..{@code to}
 * (shop-local days, at most 366; default the {@code period-days} up to the last day with data, or up to
 * yesterday). Rates are fractions, times seconds, money minor units; a figure without its denominator is
 * null. Reads need {@code service.view} (no route shows a cost price), the settings {@code service.edit}.
 *
 * <pre>
 * GET /team?from=&amp;to=     {"from","to","target","shippingSpeed":null,"team":figures}; ?format=csv
 * GET /agents?from=&amp;to=   {"from","to","team":figures,"agents":[figures]} by agent; ?format=csv
 * GET /ranking?from=&amp;to=  {"from","to","target","minInquiries","team":figures,
 *                          "places":[{"rank","vsTeam","position":"above|below|at|unranked","meetsTarget",…figures}],
 *                          "best":{"best":[agent],"rest":[agent],"bestConversion","restConversion",
 *                                  "differences":[{"habit","best","rest","relative","words"}]}|null,"summary"}; ?format=csv
 * GET /trend?from=&amp;to=    {"from","to","days":[{"day",…figures}]}, every day of the period; ?format=csv
 * GET /settings, PUT /settings   {"conversionTarget","minInquiries","weakGap","responseRise","refundGap","periodDays"}
 * </pre>
 * figures: {"agent","chats","inquiries","converted","conversion","refunded","refundRate","orderAmount",
 * "averageResponseSeconds","onlineMinutes","chatsPerHour","score","rated","satisfied","satisfaction",
 * "followUpRate","messagesPerChat"}. Shipping speed is not in the service reports, so it is null.
 */
final class ServiceRoutes {

    static final int MAX_DAYS = 366;
    private static final List<String> COLUMNS = List.of("agent", "chats", "inquiries", "converted", "conversion", "refunded",
            "refundRate", "orderAmount", "averageResponseSeconds", "onlineMinutes", "chatsPerHour", "score", "rated", "satisfied",
            "satisfaction", "followUpRate", "messagesPerChat");

    private final ServiceStore store;
    private final ShopData data;
    private final Settings settings;
    private final Messages messages;
    private final Clock clock;

    ServiceRoutes(ServiceStore store, ShopData data, Settings settings, Messages messages, Clock clock) {
        this.store = store;
        this.data = data;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    void register(Routes routes) {
        routes.get("/team", ServicePlugin.VIEW, this::team)
                .get("/agents", ServicePlugin.VIEW, this::agents)
                .get("/ranking", ServicePlugin.VIEW, this::ranking)
                .get("/trend", ServicePlugin.VIEW, this::trend)
                .get("/settings", ServicePlugin.VIEW, req -> req.ctx().json(ServiceSettings.of(settings, req.shop().id()).asJson()))
                .put("/settings", ServicePlugin.EDIT, this::putSettings);
    }

    private ServicePeriod period(ShopRequest req) {
        req.wantsCsv(); // a bad format is a 400 before anything is read
        LocalDate[] days = period(req.queryDay("from"), req.queryDay("to"), ServiceSettings.of(settings, req.shop().id()).periodDays(),
                () -> store.lastDay(req.shop().id()).orElse(LocalDate.now(clock.withZone(req.shop().timeZone())).minusDays(1)));
        return ServicePeriod.read(store, data, req.shop().id(), days[0], days[1]);
    }

    /**
     * The days asked for: both given, or {@code days} from {@code from}, or {@code days} up to {@code to}, or
     * {@code days} up to the default last day. A 400 when from is after to or the period is too long.
     */
    static LocalDate[] period(LocalDate from, LocalDate to, int days, java.util.function.Supplier<LocalDate> lastDay) {
        if (to == null) {
            to = from != null ? from.plusDays(days - 1L) : lastDay.get();
        }
        if (from == null) {
            from = to.minusDays(days - 1L);
        }
        if (from.isAfter(to)) {
            throw new BadRequestResponse("from " + from + " is after to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new BadRequestResponse("to: at most " + MAX_DAYS + " days from from");
        }
        return new LocalDate[] {from, to};
    }

    private void team(ShopRequest req) {
        ServicePeriod p = period(req);
        AgentFigures team = p.team();
        if (req.wantsCsv()) {
            req.csv(req.shop().code() + "-service-team-" + p.from() + "-" + p.to() + ".csv", COLUMNS, List.of(row(team)));
            return;
        }
        Map<String, Object> m = head(p);
        m.put("target", ServiceSettings.of(settings, req.shop().id()).conversionTarget());
        m.put("shippingSpeed", null);
        m.put("team", json(team));
        req.ctx().json(m);
    }

    private void agents(ShopRequest req) {
        ServicePeriod p = period(req);
        List<AgentFigures> agents = p.agents();
        if (req.wantsCsv()) {
            req.csv(req.shop().code() + "-service-agents-" + p.from() + "-" + p.to() + ".csv", COLUMNS,
                    agents.stream().map(ServiceRoutes::row).toList());
            return;
        }
        Map<String, Object> m = head(p);
        m.put("team", json(p.team()));
        m.put("agents", agents.stream().map(ServiceRoutes::json).toList());
        req.ctx().json(m);
    }

    private void ranking(ShopRequest req) {
        ServicePeriod p = period(req);
        ServiceSettings s = ServiceSettings.of(settings, req.shop().id());
        List<Ranking.Place> places = p.ranking(s);
        if (req.wantsCsv()) {
            List<String> header = new ArrayList<>(List.of("rank", "position", "vsTeam", "meetsTarget"));
            header.addAll(COLUMNS);
            req.csv(req.shop().code() + "-service-ranking-" + p.from() + "-" + p.to() + ".csv", header, places.stream().map(x -> {
                List<Object> r = new ArrayList<>(Arrays.asList(x.rank(), x.position(), x.vsTeam(), x.meetsTarget()));
                r.addAll(row(x.figures()));
                return r;
            }).toList());
            return;
        }
        BestAgents.Comparison best = p.best(places);
        Map<String, Object> m = head(p);
        m.put("target", s.conversionTarget());
        m.put("minInquiries", s.minInquiries());
        m.put("team", json(p.team()));
        m.put("places", places.stream().map(x -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("rank", x.rank());
            j.put("vsTeam", x.vsTeam());
            j.put("position", x.position());
            j.put("meetsTarget", x.meetsTarget());
            j.putAll(json(x.figures()));
            return j;
        }).toList());
        if (best == null) {
            m.put("best", null);
        } else {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("best", best.best());
            b.put("rest", best.rest());
            b.put("bestConversion", best.bestConversion());
            b.put("restConversion", best.restConversion());
            b.put("differences", best.differences().stream().map(d -> {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("habit", d.habit().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                j.put("best", d.best());
                j.put("rest", d.rest());
                j.put("relative", d.relative());
                j.put("words", ServiceWords.difference(messages, req.locale(), d));
                return j;
            }).toList());
            m.put("best", b);
        }
        m.put("summary", ServiceWords.summary(messages, req.locale(), best));
        req.ctx().json(m);
    }

    private void trend(ShopRequest req) {
        ServicePeriod p = period(req);
        List<AgentFigures> days = p.trend();
        List<String> header = new ArrayList<>(COLUMNS);
        header.set(0, "day");
        if (req.wantsCsv()) {
            req.csv(req.shop().code() + "-service-trend-" + p.from() + "-" + p.to() + ".csv", header,
                    days.stream().map(ServiceRoutes::row).toList());
            return;
        }
        Map<String, Object> m = head(p);
        m.put("days", days.stream().map(d -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("day", d.agent());
            Map<String, Object> f = json(d);
            f.remove("agent");
            j.putAll(f);
            return j;
        }).toList());
        req.ctx().json(m);
    }

    private void putSettings(ShopRequest req) {
        ServiceSettings changed;
        try {
            changed = ServiceSettings.of(settings, req.shop().id()).with(req.jsonObject());
        } catch (IllegalArgumentException bad) {
            throw new BadRequestResponse(bad.getMessage());
        }
        changed.save(settings, req.shop().id());
        req.ctx().json(changed.asJson());
    }

    private static Map<String, Object> head(ServicePeriod p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", p.from().toString());
        m.put("to", p.to().toString());
        return m;
    }

    static Map<String, Object> json(AgentFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> r = row(f);
        for (int i = 0; i < COLUMNS.size(); i++) {
            m.put(COLUMNS.get(i), r.get(i));
        }
        return m;
    }

    private static List<Object> row(AgentFigures f) {
        return Arrays.asList(f.agent(), f.chats(), f.inquiries(), f.converted(), f.conversion(), f.refunded(), f.refundRate(),
                f.orderAmount(), f.averageResponseSeconds(), f.onlineMinutes(), f.chatsPerHour(), f.score(), f.rated(), f.satisfied(),
                f.satisfaction(), f.followUpRate(), f.messagesPerChat());
    }
}
