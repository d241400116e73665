package com.shopops.plugins.competitors;

import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Money;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.plugins.competitors.analysis.HeroRivals;
import com.shopops.plugins.competitors.analysis.PeerListing;
import com.shopops.plugins.competitors.analysis.TimingSignal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The competitors plugin's findings for the briefing of day D (the peers' snapshots of D):
 * <ul>
 * <li>a peer cut the price of a product that competes with our hero item (our best seller by revenue over
 *     the 30 days up to D) — WARNING for the operator, each (the three biggest cuts); value the new price,
 *     expected the old; impact a week of the hero's revenue times the cut; trend the product's price over two
 *     weeks;</li>
 * <li>peers' new range sells and we have none (the timing signal says LAUNCH) — WARNING for the operator, each;
 *     value the selling peers, expected the peers the rule needs;</li>
 * <li>a peer's monthly sales over all its products rose by the setting's rate in a week — INFO.</li>
 * </ul>
 * Each finding's suggestion and role make the task the board offers for it.
 */
final class CompetitorsFindings {

    static final String PLUGIN = "competitors";
    static final String PAGE = "/ui/competitors/index.html";
    private static final int MAX_CUTS = 3;
    private static final int TREND_DAYS = 14;

    private final CompetitorFigures figures;
    private final Messages messages;

    CompetitorsFindings(CompetitorFigures figures, Messages messages) {
        this.figures = figures;
        this.messages = messages;
    }

    private String t(Locale l, String key, Object... args) {
        return messages.text(l, key, args);
    }

    List<Finding> findings(Shop shop, LocalDate day, Locale l) {
        List<Finding> out = new ArrayList<>();
        Map<Long, Peer> peers = figures.store().peers(shop.id()).stream().collect(Collectors.toMap(Peer::id, Function.identity()));
        CompetitorSettings settings = figures.settings(shop.id());
        String base = PAGE + "?shop=" + encode(shop.code());
        figures.hero(shop, day).ifPresent(hs -> {
            HeroRivals.Hero hero = hs.hero();
            for (HeroRivals.RivalCut cut : figures.rivalCuts(shop, day, hero).stream().limit(MAX_CUTS).toList()) {
                var c = cut.change();
                String peer = name(peers, c.peerId());
                double rate = c.rate();
                long impact = Math.round(hs.sales() / (double) CompetitorFigures.HERO_DAYS * 7 * -rate);
                List<Double> trend = figures.store().history(shop.id(), c.peerId(), c.productId(), day.minusDays(TREND_DAYS - 1L), day)
                        .stream().map(p -> (double) p.price()).toList();
                String why = cut.sameCategory() ? t(l, "finding.rival-cut.same-category", hero.category())
                        : t(l, "finding.rival-cut.similar", cut.similarity());
                out.add(new Finding(PLUGIN, Severity.WARNING,
                        t(l, "finding.rival-cut.title", peer, c.title(), money(shop, c.newPrice(), l), -rate, hero.title()),
                        t(l, "finding.rival-cut.detail", money(shop, c.oldPrice(), l), money(shop, c.newPrice(), l), c.day().toString(),
                                why, hero.sku(), money(shop, hs.sales(), l), CompetitorFigures.HERO_DAYS),
                        "competitors.rival-price", (double) c.newPrice(), (double) c.oldPrice(), Finding.Unit.MONEY,
                        t(l, "finding.rival-cut.suggestion", hero.title()), Role.OPERATOR,
                        base + "&peer=" + c.peerId() + "&product=" + encode(c.productId()), impact, trend));
            }
        });
        for (TimingSignal s : figures.signals(shop, day)) {
            if (s.status() != TimingSignal.Status.LAUNCH) {
                continue;
            }
            PeerListing best = s.best();
            out.add(new Finding(PLUGIN, Severity.WARNING, t(l, "finding.range.title", s.range()),
                    t(l, "finding.range.detail", s.sellingPeers().size(), s.peers().size(), settings.timing().minSales(),
                            settings.timing().withinDays(), s.sellingSince().toString(), s.firstLaunch().toString(), best.title(),
                            name(peers, best.peerId()), best.monthlySales(), s.listings()),
                    "competitors.range-selling", (double) s.sellingPeers().size(), (double) settings.timing().minPeers(),
                    Finding.Unit.COUNT, t(l, "finding.range.suggestion", s.range()), Role.OPERATOR,
                    base + "&day=" + day + "#signals", 0));
        }
        for (CompetitorFigures.SalesJump j : figures.salesJumps(shop, day)) {
            out.add(new Finding(PLUGIN, Severity.INFO, t(l, "finding.jump.title", name(peers, j.peerId()), j.rate()),
                    t(l, "finding.jump.detail", j.before(), j.after(), j.from().toString(), j.to().toString()),
                    "competitors.peer-sales", (double) j.after(), (double) j.before(), Finding.Unit.COUNT,
                    t(l, "finding.jump.suggestion"), Role.OPERATOR, base + "&peer=" + j.peerId(), 0));
        }
        return out;
    }

    private static String name(Map<Long, Peer> peers, long id) {
        Peer p = peers.get(id);
        return p == null ? "#" + id : p.name();
    }

    private static String money(Shop shop, long minor, Locale l) {
        return Money.text(minor, shop.currency(), l);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
