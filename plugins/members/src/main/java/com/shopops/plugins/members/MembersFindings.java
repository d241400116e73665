package com.shopops.plugins.members;

import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Money;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.plugins.members.analysis.ActionResult;
import com.shopops.plugins.members.analysis.CustomerSummary;
import com.shopops.plugins.members.analysis.MemberSignals;
import com.shopops.plugins.members.analysis.MemberSignals.Opportunity;
import com.shopops.plugins.members.analysis.RfmScore;
import com.shopops.plugins.members.analysis.RfmSummary;
import com.shopops.plugins.members.analysis.Segment;
import com.shopops.plugins.members.analysis.SegmentMovement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The members plugin's findings for the morning briefing of a day, in the reader's language:
 * <ul>
 * <li>slipping: customers who were champions or loyal at a snapshot and at risk, can't-lose, hibernating or
 *     lost at the latest snapshot of the last week, a week or more later — WARNING, value the customers,
 *     impact their spend;</li>
 * <li>repeat rate falling: the 30 days to the day against the 30 days before, by at least the shop's
 *     {@code repeat-drop} — WARNING, value and expected the two rates;</li>
 * <li>an action due for measurement: its window ended within the last week — GOOD when the uplift is
 *     significant and positive, otherwise INFO, with the uplift in words;</li>
 * <li>the segment most worth a win-back offer now, with its size and expected value (its customers × their
 *     spend × the shop's {@code reactivation-rate}) — INFO.</li>
 * </ul>
 * Movement and segments come from the weekly snapshots ({@link WeeklySnapshots}), so the briefing reads
 * aggregates and never scores every customer itself.
 */
final class MembersFindings {

    static final String PLUGIN = "members";
    private static final String PAGE = "/ui/members/index.html";

    private final MemberReadings readings;
    private final Messages messages;

    MembersFindings(MemberReadings readings, Messages messages) {
        this.readings = readings;
        this.messages = messages;
    }

    private String t(Locale l, String key, Object... args) {
        return messages.text(l, key, args);
    }

    List<Finding> findings(Shop shop, LocalDate day, Locale l) {
        long id = shop.id();
        List<Finding> out = new ArrayList<>();
        MemberSettings settings = readings.settings(id);
        MemberStore store = readings.store();

        // Slipping: between the latest snapshot of the last week and the one a week or more before it, read
        // with one aggregate query (the weekly job scores the customers, not the briefing).
        LocalDate latest = store.latestSnapshot(id, day).filter(d -> d.isAfter(day.minusDays(WeeklySnapshots.EVERY_DAYS))).orElse(null);
        LocalDate since = latest == null ? null : store.latestSnapshot(id, latest.minusDays(MembersRoutes.MOVEMENT_DAYS)).orElse(null);
        if (since != null) {
            long[] slipped = store.slipped(id, since, latest);
            long customers = slipped[0];
            long spend = slipped[1];
            if (customers > 0) {
                out.add(new Finding(PLUGIN, Severity.WARNING, t(l, "finding.slipping.title", customers),
                        t(l, "finding.slipping.detail", customers, since.toString(), Money.text(spend, shop.currency(), l)),
                        "members.slipping", (double) customers, 0.0, Finding.Unit.COUNT, t(l, "finding.slipping.suggestion"),
                        Role.OPERATOR, PAGE + "?shop=" + shop.code() + "&segment=at-risk", spend));
            }
        }

        // The repeat rate of the last 30 days against the 30 before.
        CustomerSummary now = readings.summary(id, day.minusDays(29), day);
        CustomerSummary before = readings.summary(id, day.minusDays(59), day.minusDays(30));
        Double change = MemberSignals.repeatRateChange(now, before);
        if (change != null && change <= -settings.repeatDrop()) {
            out.add(new Finding(PLUGIN, Severity.WARNING, t(l, "finding.repeat-falling.title", now.repeatRate(), before.repeatRate()),
                    t(l, "finding.repeat-falling.detail", now.customers(), now.repeatRate(), before.customers(), before.repeatRate()),
                    "members.repeat-rate", now.repeatRate(), before.repeatRate(), Finding.Unit.RATE,
                    t(l, "finding.repeat-falling.suggestion"), Role.OPERATOR, PAGE + "?shop=" + shop.code(),
                    Math.round(-change * now.customers() * (now.revenuePerCustomer() == null ? 0 : now.revenuePerCustomer()))));
        }

        // Actions whose measurement window ended within the last week.
        for (StoredAction a : store.actions(id)) {
            if (a.sentOn() == null) {
                continue;
            }
            LocalDate end = a.sentOn().plusDays(a.measureDays());
            if (end.isAfter(day) || end.isBefore(day.minusDays(MembersRoutes.MOVEMENT_DAYS - 1L))) {
                continue;
            }
            ActionResult r = readings.measure(id, a, day);
            ActionResult.Interval up = r.revenueUplift();
            ActionResult.Interval conv = r.conversionUplift();
            boolean works = conv.significant() && conv.estimate() > 0;
            String verdict = !r.enoughData() ? t(l, "finding.action.too-small")
                    : works ? t(l, "finding.action.works") : t(l, "finding.action.unclear");
            long impact = up.estimate() == null ? 0 : Math.max(0, Math.round(up.estimate() * r.treated().customers()));
            out.add(new Finding(PLUGIN, works ? Severity.GOOD : Severity.INFO, t(l, "finding.action.title", a.name()),
                    t(l, "finding.action.detail", r.treated().conversion() == null ? 0.0 : r.treated().conversion(),
                            r.holdout().conversion() == null ? 0.0 : r.holdout().conversion(), verdict),
                    "members.action-uplift", conv.estimate(), 0.0, Finding.Unit.RATE, t(l, "finding.action.suggestion"),
                    Role.OPERATOR, PAGE + "?shop=" + shop.code() + "&action=" + a.id(), impact));
        }

        // The segment most worth a win-back offer: the latest snapshot's segments, else the day's summary.
        RfmSummary segments = latest != null ? store.segments(id, latest) : readings.rfmSummary(id, day);
        List<Opportunity> chances = MemberSignals.opportunities(segments, settings.reactivationRate());
        if (!chances.isEmpty()) {
            Opportunity o = chances.get(0);
            String segment = t(l, "segment." + o.segment().id());
            out.add(new Finding(PLUGIN, Severity.INFO, t(l, "finding.opportunity.title", segment, o.customers()),
                    t(l, "finding.opportunity.detail", o.customers(), segment, Money.text(o.revenuePerCustomer(), shop.currency(), l),
                            settings.reactivationRate(), Money.text(o.expectedValue(), shop.currency(), l)),
                    "members.opportunity", (double) o.expectedValue(), null, Finding.Unit.MONEY,
                    t(l, "segment." + o.segment().id() + ".action"), Role.OPERATOR,
                    PAGE + "?shop=" + shop.code() + "&segment=" + o.segment().id(), o.expectedValue()));
        }
        return out;
    }
}
