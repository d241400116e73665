package com.shopops.plugins.ads;

import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.plugins.ads.KeywordReview.Review;
import com.shopops.plugins.ads.analysis.AdFigures;
import com.shopops.plugins.ads.analysis.AdRollup;
import com.shopops.plugins.ads.analysis.BudgetPace;
import com.shopops.plugins.ads.analysis.KeywordDecision;
import com.shopops.plugins.ads.analysis.KeywordStats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ads plugin's findings for the morning briefing of a day: keywords that burn money without
 * orders over the week up to it, the day's ROI against the target (with a two-week trend), keywords
 * whose quality score dropped, a budget pace that is off, and the search terms most worth buying.
 * Nothing is said for a shop that imports no keyword reports.
 */
final class AdsFindings {

    /** Days a decision in the briefing looks back over, the day included: a week evens out weekdays. */
    static final int REVIEW_DAYS = 7;
    /** Days of the ROI trend drawn beside the ROI finding. */
    static final int TREND_DAYS = 14;
    /** A quality score this many points lower than the day before is a drop worth saying. */
    static final int QUALITY_DROP = 2;
    /** At most this many keywords or terms are named in one finding. */
    static final int NAMED = 3;

    private final KeywordReview review;
    private final AdsStore store;
    private final Messages messages;

    AdsFindings(KeywordReview review, AdsStore store, Messages messages) {
        this.review = review;
        this.store = store;
        this.messages = messages;
    }

    List<Finding> findings(Shop shop, LocalDate day, Locale l) {
        if (store.latestKeywordDay(shop.id()).isEmpty()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        LocalDate from = day.minusDays(REVIEW_DAYS - 1);
        Review week = review.review(shop, from, day);
        String link = "/ui/ads/index.html?from=" + from + "&to=" + day;
        // the trend's days hold the day before too, which the quality-score drop compares with
        List<KeywordStats> days = store.keywordDays(shop.id(), day.minusDays(TREND_DAYS - 1), day);
        burning(shop, week, l, link, found);
        roi(shop, day, week, days, l, link, found);
        qualityDrops(day, days, l, link, found);
        pace(shop, week.pace(), l, link, found);
        adds(shop, week, l, link, found);
        return found;
    }

    private void burning(Shop shop, Review week, Locale l, String link, List<Finding> found) {
        List<KeywordDecision> pause = week.decisions().stream()
                // the keywords the review pauses, as the link shows them; deleted ones are dead rather than costly
                .filter(d -> d.action() == KeywordDecision.Action.PAUSE)
                .filter(d -> d.evidence().orders() == 0 && d.evidence().cost() > 0)
                .sorted(Comparator.comparingLong((KeywordDecision d) -> d.evidence().cost()).reversed()).toList();
        if (pause.isEmpty()) {
            return;
        }
        long cost = pause.stream().mapToLong(d -> d.evidence().cost()).sum();
        found.add(new Finding("ads", Severity.WARNING, t(l, "finding.burning.title", pause.size(), money(cost, shop, l)),
                t(l, "finding.burning.detail", names(pause, l), REVIEW_DAYS), "ads.burning", (double) cost, 0.0,
                Finding.Unit.MONEY, t(l, "finding.burning.suggestion"), Role.PROMOTION, link + "&action=pause", cost));
    }

    private void roi(Shop shop, LocalDate day, Review week, List<KeywordStats> days, Locale l, String link, List<Finding> found) {
        Map<LocalDate, AdFigures> byDay = AdRollup.byDay(days);
        AdFigures today = byDay.getOrDefault(day, AdFigures.ZERO);
        if (today.roi() == null) {
            return;
        }
        List<Double> trend = new ArrayList<>();
        for (LocalDate d = day.minusDays(TREND_DAYS - 1); !d.isAfter(day); d = d.plusDays(1)) {
            Double roi = byDay.getOrDefault(d, AdFigures.ZERO).roi();
            if (roi != null) {
                trend.add(roi);
            }
        }
        double target = week.settings().targetRoi();
        boolean under = today.roi() < target;
        // what the day's cost would have had to bring in at the target, minus what it brought
        long shortfall = under ? Math.round(today.cost() * target) - today.gmv() : 0;
        found.add(new Finding("ads", under ? Severity.WARNING : Severity.GOOD,
                t(l, under ? "finding.roi.under" : "finding.roi.met", ratio(today.roi(), l), ratio(target, l)),
                t(l, "finding.roi.detail", money(today.cost(), shop, l), money(today.gmv(), shop, l), today.orders()),
                "ads.roi", today.roi(), target, Finding.Unit.NUMBER,
                t(l, under ? "finding.roi.suggestion.under" : "finding.roi.suggestion.met"), Role.PROMOTION, link,
                shortfall).withTrend(trend));
    }

    private void qualityDrops(LocalDate day, List<KeywordStats> days, Locale l, String link, List<Finding> found) {
        Map<String, Integer> before = new HashMap<>();
        for (KeywordStats k : days) {
            if (k.from().equals(day.minusDays(1)) && k.qualityScore() != null) {
                before.put(key(k), k.qualityScore());
            }
        }
        List<String> dropped = new ArrayList<>();
        long cost = 0;
        int worst = 0;
        for (KeywordStats k : days) {
            Integer was = before.get(key(k));
            if (k.from().equals(day) && k.qualityScore() != null && was != null && was - k.qualityScore() >= QUALITY_DROP) {
                if (dropped.size() < NAMED) {
                    dropped.add(t(l, "finding.quality.keyword", k.keyword(), was, k.qualityScore()));
                }
                worst = Math.max(worst, was - k.qualityScore());
                cost += k.cost();
            }
        }
        if (dropped.isEmpty()) {
            return;
        }
        found.add(new Finding("ads", Severity.WARNING, t(l, "finding.quality.title", dropped.size()),
                t(l, "finding.quality.detail", String.join(t(l, "list.separator"), dropped)), "ads.qualityDrop",
                (double) worst, 0.0, Finding.Unit.NUMBER, t(l, "finding.quality.suggestion"), Role.PROMOTION, link, cost));
    }

    private void pace(Shop shop, BudgetPace pace, Locale l, String link, List<Finding> found) {
        if (pace.state() != BudgetPace.State.OVERSPEND && pace.state() != BudgetPace.State.UNDERSPEND) {
            return;
        }
        boolean over = pace.state() == BudgetPace.State.OVERSPEND;
        String daily = pace.dailyToLand() == null ? "–" : money(pace.dailyToLand(), shop, l);
        found.add(new Finding("ads", over ? Severity.WARNING : Severity.INFO,
                t(l, over ? "finding.pace.over" : "finding.pace.under", money(pace.projected(), shop, l), money(pace.budget(), shop, l)),
                t(l, "finding.pace.detail", money(pace.spent(), shop, l), pace.daysElapsed(), pace.daysLeft(), daily),
                "ads.pace", (double) pace.projected(), (double) pace.budget(), Finding.Unit.MONEY,
                t(l, over ? "finding.pace.suggestion.over" : "finding.pace.suggestion.under"), Role.PROMOTION,
                link, Math.abs(pace.projected() - pace.budget())));
    }

    private void adds(Shop shop, Review week, Locale l, String link, List<Finding> found) {
        if (week.adds().isEmpty()) {
            return;
        }
        long gmv = week.adds().stream().mapToLong(d -> d.evidence().gmv()).sum();
        found.add(new Finding("ads", Severity.INFO, t(l, "finding.add.title", week.adds().size()),
                t(l, "finding.add.detail", names(week.adds(), l), money(gmv, shop, l)), "ads.add", (double) week.adds().size(),
                null, Finding.Unit.COUNT, t(l, "finding.add.suggestion"), Role.PROMOTION, link + "&action=add", gmv));
    }

    private String names(List<KeywordDecision> decisions, Locale l) {
        List<String> names = decisions.stream().limit(NAMED).map(d -> "“" + d.keyword() + "”").toList();
        String shown = String.join(t(l, "list.separator"), names);
        return decisions.size() > NAMED ? t(l, "list.more", shown, decisions.size() - NAMED) : shown;
    }

    private static String key(KeywordStats k) {
        return k.campaign() + '\u0000' + k.adGroup() + '\u0000' + k.product() + '\u0000' + k.keyword();
    }

    private static String money(long minor, Shop shop, Locale l) {
        return ReasonWords.money(minor, shop.currency(), l);
    }

    private static String ratio(double value, Locale l) {
        return ReasonWords.format(ReasonWords.Kind.RATIO, value, null, l);
    }

    private String t(Locale l, String key, Object... args) {
        return messages.text(l, key, args);
    }
}
