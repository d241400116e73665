package com.shopops.platform.briefing;

import com.shopops.api.BriefingContributor;
import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.api.data.ShopData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The briefing's first question (DOMAIN.md, target check): did yesterday meet its share of the sales
 * target, and where will the month end at this pace? Below 90% of target is critical; below target a
 * warning; at or above it, good.
 */
public final class SalesTargetCheck implements BriefingContributor {

    /** Days of sales drawn in the finding's chart. */
    static final int TREND_DAYS = 14;
    /** Below this share of the target a miss is critical rather than a warning. */
    static final double CRITICAL_BELOW = 0.9;

    /** The sales target over a range of days, in minor units, if every day of it has one. */
    @FunctionalInterface
    public interface SalesTargets {
        OptionalLong salesTarget(long shopId, LocalDate from, LocalDate to);
    }

    private final ShopData data;
    private final SalesTargets targets;
    private final Messages messages;

    public SalesTargetCheck(ShopData data, SalesTargets targets, Messages messages) {
        this.data = data;
        this.targets = targets;
        this.messages = messages;
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day) {
        return findings(shop, day, Locale.ENGLISH);
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day, Locale l) {
        String currency = shop.currency();
        // the last day orders were imported for: one index lookup, where a summary of all time read every order
        LocalDate lastOrder = data.coverage(shop.id()).lastOrder();
        if (lastOrder == null || lastOrder.isBefore(day)) {
            return List.of(new Finding("core", Severity.WARNING, t(l, "briefing.sales.noOrders.title", day),
                    lastOrder == null ? t(l, "briefing.sales.noOrders.none")
                            : t(l, "briefing.sales.noOrders.detail", lastOrder),
                    "sales.day", null, null, Finding.Unit.MONEY, t(l, "briefing.sales.noOrders.suggestion"), Role.OPERATOR,
                    "/import.html", 0));
        }
        List<Double> trend = new ArrayList<>();
        for (LocalDate d = day.minusDays(TREND_DAYS - 1); !d.isAfter(day); d = d.plusDays(1)) {
            trend.add((double) data.summary(shop.id(), d, d).revenue());
        }
        long sales = trend.get(trend.size() - 1).longValue();
        OptionalLong dayTarget = targets.salesTarget(shop.id(), day, day);
        if (dayTarget.isEmpty()) {
            return List.of(new Finding("core", Severity.INFO, t(l, "briefing.sales.noTarget.title", String.valueOf(day.getYear())),
                    t(l, "briefing.sales.noTarget.detail", FigureFormat.money(sales, currency, l)), "sales.day",
                    (double) sales, null, Finding.Unit.MONEY, t(l, "briefing.sales.noTarget.suggestion"), Role.OWNER,
                    "/targets.html", 0, trend));
        }
        List<Finding> found = new ArrayList<>();
        long target = dayTarget.getAsLong();
        boolean met = sales >= target;
        found.add(new Finding("core", met ? Severity.GOOD : sales < CRITICAL_BELOW * target ? Severity.CRITICAL : Severity.WARNING,
                met ? t(l, "briefing.sales.day.met", FigureFormat.money(sales, currency, l), FigureFormat.gap((double) sales, (double) target, l))
                        : t(l, "briefing.sales.day.missed", FigureFormat.gap((double) sales, (double) target, l)),
                t(l, "briefing.sales.day.detail", FigureFormat.money(sales, currency, l), FigureFormat.money(target, currency, l),
                        TREND_DAYS),
                "sales.day", (double) sales, (double) target, Finding.Unit.MONEY,
                t(l, met ? "briefing.sales.day.suggestion.met" : "briefing.sales.day.suggestion.missed"), Role.OPERATOR,
                "/targets.html", Math.abs(target - sales), trend));
        monthToDate(shop, day, l).ifPresent(found::add);
        return found;
    }

    /** Month to date against the plan so far, and the month's end at the same pace against its target. */
    private Optional<Finding> monthToDate(Shop shop, LocalDate day, Locale l) {
        LocalDate first = day.withDayOfMonth(1);
        LocalDate last = day.withDayOfMonth(day.lengthOfMonth());
        OptionalLong planned = targets.salesTarget(shop.id(), first, day);
        OptionalLong month = targets.salesTarget(shop.id(), first, last);
        if (planned.isEmpty() || month.isEmpty() || planned.getAsLong() <= 0) {
            return Optional.empty();
        }
        String c = shop.currency();
        long sold = data.summary(shop.id(), first, day).revenue();
        // The pace is measured against the plan, so a month whose big days are still to come is not judged
        // by a straight line: sold / planned so far, applied to the whole month's target.
        long forecast = Math.round((double) sold / planned.getAsLong() * month.getAsLong());
        long target = month.getAsLong();
        boolean ahead = forecast >= target;
        Severity severity = ahead ? Severity.GOOD : forecast < CRITICAL_BELOW * target ? Severity.CRITICAL : Severity.WARNING;
        return Optional.of(new Finding("core", severity,
                t(l, ahead ? "briefing.sales.month.ahead" : "briefing.sales.month.behind",
                        FigureFormat.money(forecast, c, l), FigureFormat.money(target, c, l)),
                t(l, "briefing.sales.month.detail", FigureFormat.money(sold, c, l), FigureFormat.money(planned.getAsLong(), c, l),
                        FigureFormat.gap((double) sold, (double) planned.getAsLong(), l)),
                "sales.month", (double) sold, (double) planned.getAsLong(), Finding.Unit.MONEY,
                t(l, ahead ? "briefing.sales.month.suggestion.ahead" : "briefing.sales.month.suggestion.behind"),
                Role.OPERATOR, "/targets.html", Math.abs(target - forecast)));
    }

    private String t(Locale l, String key, Object... args) {
        return messages.text(l, key, args);
    }
}
