package com.shopops.plugins.service;

import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Role;
import com.shopops.api.Settings;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.api.data.ShopData;
import com.shopops.plugins.service.analysis.AgentFigures;
import com.shopops.plugins.service.analysis.BestAgents;
import com.shopops.plugins.service.analysis.DailyTrend;
import com.shopops.plugins.service.analysis.Ranking;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The service plugin's findings for the briefing of day D, over the {@code period-days} up to D, each for
 * customer service to act on (so each can become its task):
 * <ul>
 * <li>an agent with at least {@code min-inquiries} inquiries whose conversion is {@code weak-gap} or more below
 *     the team's — WARNING; impact the orders' worth the gap costs (gap × inquiries × the team's average order);</li>
 * <li>the team's average first response of the last 7 days up to D risen by {@code response-rise} or more
 *     against the 7 before, with at least {@value #MIN_CHATS} chats in each — WARNING, with the 14 days' trend;</li>
 * <li>an agent with at least {@value #MIN_ORDERS} orders from inquiries whose refund rate is {@code refund-gap} or
 *     more above the team's — INFO.</li>
 * </ul>
 */
final class ServiceFindings {

    static final String PLUGIN = "service";
    static final int MIN_CHATS = 20;
    static final int MIN_ORDERS = 10;
    static final int WINDOW = 7;
    private static final String PAGE = "/ui/service/index.html";

    private final ServiceStore store;
    private final ShopData data;
    private final Settings settings;
    private final Messages messages;

    ServiceFindings(ServiceStore store, ShopData data, Settings settings, Messages messages) {
        this.store = store;
        this.data = data;
        this.settings = settings;
        this.messages = messages;
    }

    private String t(Locale l, String key, Object... args) {
        return messages.text(l, key, args);
    }

    List<Finding> findings(Shop shop, LocalDate day, Locale l) {
        ServiceSettings s = ServiceSettings.of(settings, shop.id());
        int days = Math.max(s.periodDays(), 2 * WINDOW);
        LocalDate from = day.minusDays(days - 1L);
        ServicePeriod period = ServicePeriod.read(store, data, shop.id(), from, day);
        List<Finding> out = new ArrayList<>();
        if (period.chats().isEmpty()) {
            return out;
        }
        AgentFigures team = period.team();
        List<Ranking.Place> ranking = period.ranking(s);
        BestAgents.Comparison best = period.best(ranking);
        String page = PAGE + "?shop=" + URLEncoder.encode(shop.code(), StandardCharsets.UTF_8);
        for (Ranking.Place p : ranking) {
            AgentFigures a = p.figures();
            if (p.rank() == null || p.vsTeam() == null || p.vsTeam() > -s.weakGap()) {
                continue;
            }
            double gap = -p.vsTeam();
            long impact = Math.round(gap * a.inquiries() * (team.averageOrder() == null ? 0 : team.averageOrder()));
            String bestNames = best == null ? "" : String.join(t(l, "best.and"), best.best());
            out.add(new Finding(PLUGIN, Severity.WARNING, t(l, "finding.weak.title", a.agent(), a.conversion(), team.conversion()),
                    t(l, "finding.weak.detail", a.agent(), a.converted(), a.inquiries(), a.conversion(), team.conversion(), gap * 100,
                            from.toString(), day.toString()) + (best == null ? "" : " " + ServiceWords.summary(messages, l, best)),
                    "service.conversion", a.conversion(), team.conversion(), Finding.Unit.RATE,
                    t(l, best == null ? "finding.weak.suggestion.alone" : "finding.weak.suggestion", a.agent(), bestNames),
                    Role.SERVICE, page + "&agent=" + URLEncoder.encode(a.agent(), StandardCharsets.UTF_8), impact));
        }
        DailyTrend.ResponseChange change = DailyTrend.responseChange(period.chats(), day, WINDOW);
        if (change.rise() != null && change.rise() >= s.responseRise() && change.recentChats() >= MIN_CHATS
                && change.earlierChats() >= MIN_CHATS) {
            List<Double> trend = new ArrayList<>();
            for (AgentFigures d : DailyTrend.days(day.minusDays(2L * WINDOW - 1), day, period.chats(), List.of(), o -> null)) {
                trend.add(d.averageResponseSeconds() == null ? 0.0 : d.averageResponseSeconds());
            }
            out.add(new Finding(PLUGIN, Severity.WARNING, t(l, "finding.response.title", change.rise(), change.recent(), change.earlier()),
                    t(l, "finding.response.detail", change.recent(), change.earlier(), change.recentChats(), change.earlierChats(), WINDOW),
                    "service.response-time", change.recent(), change.earlier(), Finding.Unit.SECONDS, t(l, "finding.response.suggestion"),
                    Role.SERVICE, page, 0).withTrend(trend));
        }
        Double teamRefunds = team.refundRate();
        for (Ranking.Place p : ranking) {
            AgentFigures a = p.figures();
            if (teamRefunds == null || a.refundRate() == null || a.converted() < MIN_ORDERS || a.refundRate() - teamRefunds < s.refundGap()) {
                continue;
            }
            long impact = Math.round((a.refundRate() - teamRefunds) * a.orderAmount());
            out.add(new Finding(PLUGIN, Severity.INFO, t(l, "finding.refund.title", a.agent(), a.refundRate(), teamRefunds),
                    t(l, "finding.refund.detail", a.agent(), a.refunded(), a.converted(), a.refundRate(), teamRefunds),
                    "service.refund-rate", a.refundRate(), teamRefunds, Finding.Unit.RATE, t(l, "finding.refund.suggestion", a.agent()),
                    Role.SERVICE, page + "&agent=" + URLEncoder.encode(a.agent(), StandardCharsets.UTF_8), impact));
        }
        return out;
    }
}
