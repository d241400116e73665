package com.shopops.plugins.activities;

import com.shopops.api.Finding;
import com.shopops.api.Money;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.plugins.activities.analysis.Campaign;
import com.shopops.plugins.activities.analysis.CampaignProgress;
import com.shopops.plugins.activities.analysis.ProductProgress;
import com.shopops.plugins.activities.analysis.Reminder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The activities plugin's findings for the morning briefing: each campaign reminder of the morning after
 * the briefing's day (the briefing reviews yesterday; the reminders are for today) becomes one finding, in
 * the reader's language, for the reminder's role, linked to the campaign's page.
 * <ul>
 * <li>registration deadline: WARNING when it is today or tomorrow, else INFO; value the days left;</li>
 * <li>behind goal: WARNING; value the attainment, expected the share of the live days gone; impact the GMV
 *     short of that share (for a units goal, the units short at the campaign's average price);</li>
 * <li>stock-out: WARNING; value the live days without stock; impact those days' sales at the pace so far;</li>
 * <li>not reviewed: INFO; value the days since the last live day, expected the days the 复盘 was due after.</li>
 * </ul>
 */
final class ActivitiesFindings {

    static final String PLUGIN = "activities";

    private final CampaignFigures figures;
    private final ActivitiesWords words;

    ActivitiesFindings(CampaignFigures figures, ActivitiesWords words) {
        this.figures = figures;
        this.words = words;
    }

    /** The findings of the briefing of {@code day} for {@code shop}, worded in {@code l}. */
    List<Finding> findings(Shop shop, LocalDate day, Locale l) {
        CampaignFigures.Reminders found = figures.reminders(shop, day.plusDays(1));
        List<Finding> out = new ArrayList<>();
        for (Reminder r : found.reminders()) {
            out.add(finding(shop, r, found, l));
        }
        return out;
    }

    private Finding finding(Shop shop, Reminder r, CampaignFigures.Reminders found, Locale l) {
        String kind = r.messageKey().substring("activities.reminder.".length());
        String link = "/ui/activities/index.html?campaign=" + r.campaignId();
        String title = words.reminder(r, l);
        String suggestion = words.t(l, "activities.finding." + kind + ".suggestion");
        Campaign c = found.campaigns().get(r.campaignId());
        CampaignProgress p = found.progress().get(r.campaignId());
        return switch (r.kind()) {
            case REGISTRATION_DEADLINE -> new Finding(PLUGIN, r.days() <= 1 ? Severity.WARNING : Severity.INFO, title,
                    words.t(l, "activities.finding.registration-deadline.detail", c.channel(), c.products().size(),
                            r.day().toString()),
                    "activities.registration-deadline", (double) r.days(), null, Finding.Unit.COUNT, suggestion, r.role(), link, 0);
            case BEHIND_GOAL -> {
                long impact = 0;
                if ("gmv".equals(r.metric())) {
                    impact = Math.max(0, Math.round(c.goalGmv() * p.elapsedShare()) - p.gmv());
                } else if (p.units() > 0) {
                    double shortUnits = Math.max(0, c.goalUnits() * p.elapsedShare() - p.units());
                    impact = Math.round(shortUnits * p.gmv() / p.units());
                }
                String done = "gmv".equals(r.metric()) ? Money.text(p.gmv(), shop.currency(), l) : Long.toString(p.units());
                String goal = "gmv".equals(r.metric()) ? Money.text(c.goalGmv(), shop.currency(), l) : Long.toString(c.goalUnits());
                yield new Finding(PLUGIN, Severity.WARNING, title,
                        words.t(l, "activities.finding.behind-goal.detail", done, goal, p.daysElapsed(), p.daysTotal(),
                                Money.text(impact, shop.currency(), l)),
                        "activities.behind-goal." + r.metric(), r.value(), r.expected(), Finding.Unit.RATE, suggestion, r.role(),
                        link, impact);
            }
            case STOCK_OUT -> {
                ProductProgress pp = p == null ? null : p.product(r.sku());
                long impact = 0;
                if (pp != null && pp.units() > 0 && r.value() != null) {
                    impact = Math.round(r.days() * r.value() * pp.gmv() / pp.units());
                }
                yield new Finding(PLUGIN, Severity.WARNING, title,
                        words.t(l, "activities.finding.stock-out.detail", r.sku(), pp == null ? 0 : pp.units(),
                                pp == null ? 0 : pp.allocated(), r.days(), Money.text(impact, shop.currency(), l)),
                        "activities.stock-out", (double) r.days(), 0.0, Finding.Unit.COUNT, suggestion, r.role(),
                        link + "&sku=" + java.net.URLEncoder.encode(r.sku(), java.nio.charset.StandardCharsets.UTF_8), impact);
            }
            case NOT_REVIEWED -> new Finding(PLUGIN, Severity.INFO, title,
                    words.t(l, "activities.finding.not-reviewed.detail", r.day().toString()),
                    "activities.not-reviewed", (double) r.days(), (double) found.settings().reviewAfterDays(), Finding.Unit.COUNT,
                    suggestion, r.role(), link, 0);
        };
    }
}
