package com.shopops.plugins.traffic;

import com.shopops.api.BriefingContributor;
import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Role;
import com.shopops.api.Settings;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.plugins.traffic.analysis.Funnel;
import com.shopops.plugins.traffic.analysis.Kpis.Period;
import com.shopops.plugins.traffic.analysis.PageHealth;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The traffic plugin's findings for the morning briefing: what drove yesterday's sales against the
 * same weekday a week before (visitors, conversion or order value) and which source lost visitors, a
 * funnel stage that leaks, last week's page health when it fails, and a low sell-through. Whether the
 * day met its target is the core's finding; these say why.
 */
final class TrafficFindings implements BriefingContributor {

    /** A change in sales smaller than this share of the base is not worth a finding. */
    static final double SALES_MOVE = 0.05;
    /** A source is reported when it lost at least this share of its visitors… */
    static final double SOURCE_DROP = 0.20;
    /** …and had at least this many the week before. */
    static final long SOURCE_MIN_VISITORS = 50;
    /** A funnel stage at this share of its benchmark or less is a leak worth a finding. */
    static final double LEAK_INDEX = 0.8;
    /** Below this share of listed products selling in 30 days the range is too wide or badly shown. */
    static final double SELL_THROUGH_LOW = 0.5;

    private final KpiRoutes kpis;
    private final FunnelStore funnels;
    private final Settings settings;
    private final Messages messages;

    TrafficFindings(KpiRoutes kpis, FunnelStore funnels, Settings settings, Messages messages) {
        this.kpis = kpis;
        this.funnels = funnels;
        this.settings = settings;
        this.messages = messages;
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day) {
        return findings(shop, day, Locale.ENGLISH);
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day, Locale l) {
        List<Finding> found = new ArrayList<>();
        driverAndSource(shop, day, l, found);
        leak(shop, day, l, found);
        pageHealth(shop, day, l, found);
        sellThrough(shop, day, l, found);
        return found;
    }

    @SuppressWarnings("unchecked")
    private void driverAndSource(Shop shop, LocalDate day, Locale l, List<Finding> found) {
        Map<String, Object> w = kpis.decomposition(shop, new Period(day, day), new Period(day.minusDays(7), day.minusDays(7)));
        Long sales = number(w.get("sales"));
        Long base = number(w.get("baseSales"));
        Long change = number(w.get("salesChange"));
        String link = "/ui/traffic/?from=" + day + "&to=" + day;
        if (sales == null || base == null || change == null || base == 0 || Math.abs(change) < SALES_MOVE * base) {
            return;
        }
        String[] parts = {"uv", "conversion", "aov"};
        Long[] effects = {number(w.get("uvEffect")), number(w.get("conversionEffect")), number(w.get("aovEffect"))};
        int biggest = -1;
        for (int i = 0; i < 3; i++) {
            if (effects[i] != null && (biggest < 0 || Math.abs(effects[i]) > Math.abs(effects[biggest]))) {
                biggest = i;
            }
        }
        if (biggest < 0) {
            return;
        }
        Map<String, Object> factors = (Map<String, Object>) w.get("factors");
        String detail = t(l, "finding.driver.detail", factorChange(factors, "uv", l), factorChange(factors, "conversionRate", l),
                factorChange(factors, "aov", l));
        Role[] owners = {Role.PROMOTION, Role.DESIGN, Role.OPERATOR};
        boolean fell = change < 0;
        found.add(new Finding("traffic", fell ? Severity.WARNING : Severity.GOOD,
                t(l, fell ? "finding.driver.fell" : "finding.driver.rose", percent(Math.abs((double) change / base), l),
                        t(l, "finding.part." + parts[biggest])),
                detail, "sales.driver", (double) sales, (double) base, Finding.Unit.MONEY,
                t(l, "finding.driver.suggestion." + parts[biggest] + (fell ? ".fell" : ".rose")), owners[biggest], link,
                Math.abs(effects[biggest])));

        List<Map<String, Object>> sources = (List<Map<String, Object>>) w.get("bySource");
        sources.stream()
                .filter(s -> number(s.get("effect")) != null && number(s.get("baseUv")) != null && number(s.get("uv")) != null)
                .filter(s -> number(s.get("baseUv")) >= SOURCE_MIN_VISITORS
                        && number(s.get("uv")) <= (1 - SOURCE_DROP) * number(s.get("baseUv")))
                .min(Comparator.comparingLong(s -> number(s.get("effect"))))
                .ifPresent(s -> {
                    long now = number(s.get("uv"));
                    long before = number(s.get("baseUv"));
                    found.add(new Finding("traffic", Severity.WARNING,
                            t(l, "finding.source.title", s.get("source"), percent((double) (before - now) / before, l)),
                            t(l, "finding.source.detail", now, before), "uv.source." + s.get("source"), (double) now,
                            (double) before, Finding.Unit.COUNT, t(l, "finding.source.suggestion"), Role.PROMOTION, link,
                            Math.abs(number(s.get("effect")))));
                });
    }

    private void leak(Shop shop, LocalDate day, Locale l, List<Finding> found) {
        Funnel f = funnels.funnel(shop.id(), day.minusDays(6), day, null);
        f.leak(Funnel.Benchmarks.DEFAULT).ifPresent(stage -> {
            Double index = f.index(stage, Funnel.Benchmarks.DEFAULT);
            if (index == null || index > LEAK_INDEX) {
                return;
            }
            boolean browsing = stage == Funnel.Stage.VIEW_TO_INTENT;
            found.add(new Finding("traffic", Severity.WARNING, t(l, "finding.leak.title", t(l, "funnel.stage." + stage.json())),
                    t(l, "finding.leak.detail", percent(f.rate(stage), l), percent(Funnel.Benchmarks.DEFAULT.of(stage), l)),
                    "funnel." + stage.json(), f.rate(stage), Funnel.Benchmarks.DEFAULT.of(stage), Finding.Unit.RATE,
                    t(l, browsing ? "finding.leak.suggestion.browsing" : "finding.leak.suggestion.buying"),
                    browsing ? Role.DESIGN : Role.SERVICE, "/ui/traffic/?from=" + day.minusDays(6) + "&to=" + day, 0));
        });
    }

    /** The last whole week (Monday to Sunday) up to the day. */
    private void pageHealth(Shop shop, LocalDate day, Locale l, List<Finding> found) {
        LocalDate sunday = day.getDayOfWeek() == DayOfWeek.SUNDAY ? day : day.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
        LocalDate monday = sunday.minusDays(6);
        PageHealth health = PageHealth.judge(funnels.pageWeek(shop.id(), monday, sunday).figures(),
                PageHealth.Thresholds.fromSettings(settings.all(shop.id())));
        for (PageHealth.Check c : health.checks()) {
            if (c.verdict() != PageHealth.Verdict.FAIL) {
                continue;
            }
            found.add(new Finding("traffic", Severity.WARNING,
                    t(l, "finding.health.title", t(l, "health.check." + c.name())),
                    t(l, "finding.health.detail", monday, sunday) + " " + t(l, "pageHealth.advice"),
                    "pageHealth." + c.name(), c.value(), c.pass(),
                    c.name().equals("bounceRate") ? Finding.Unit.RATE : Finding.Unit.NUMBER,
                    t(l, "pageHealth.advice." + c.name()), Role.DESIGN, "/ui/traffic/?from=" + monday + "&to=" + sunday, 0));
        }
    }

    @SuppressWarnings("unchecked")
    private void sellThrough(Shop shop, LocalDate day, Locale l, List<Finding> found) {
        Map<String, Object> k = kpis.kpis(shop, new Period(day.minusDays(29), day));
        Object value = ((Map<String, Object>) k.get("sellThrough")).get("value");
        if (value instanceof Number share && share.doubleValue() < SELL_THROUGH_LOW) {
            found.add(new Finding("traffic", Severity.INFO, t(l, "finding.sellThrough.title", percent(share.doubleValue(), l)),
                    t(l, "finding.sellThrough.detail"), "sellThrough", share.doubleValue(), SELL_THROUGH_LOW, Finding.Unit.RATE,
                    t(l, "finding.sellThrough.suggestion"), Role.OPERATOR,
                    "/ui/traffic/?from=" + day.minusDays(29) + "&to=" + day, 0));
        }
    }

    @SuppressWarnings("unchecked")
    private String factorChange(Map<String, Object> factors, String name, Locale l) {
        Map<String, Object> f = (Map<String, Object>) factors.get(name);
        if (f == null || !(f.get("value") instanceof Number now) || !(f.get("base") instanceof Number then)
                || then.doubleValue() == 0) {
            return "—";
        }
        double share = now.doubleValue() / then.doubleValue() - 1;
        return (share >= 0 ? "+" : "−") + percent(Math.abs(share), l);
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static String percent(double share, Locale l) {
        NumberFormat f = NumberFormat.getPercentInstance(l);
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    private String t(Locale l, String key, Object... args) {
        return messages.text(l, key, args);
    }
}
