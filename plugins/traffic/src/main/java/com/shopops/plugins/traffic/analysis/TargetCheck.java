package com.shopops.plugins.traffic.analysis;

import com.shopops.api.domain.DayTarget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The morning's first question (DOMAIN.md, target check): did the day meet its share of the monthly
 * target, where does the month stand so far, and where will it end? The month-end forecast follows the
 * plan, not a straight line: the month so far is {@code sales ÷ target so far} of plan, and the
 * remaining days are assumed to reach the same share of their own targets, so {@code forecast = sales +
 * pace × remaining days' targets = pace × month target}. A month whose big days (a campaign, 11.11) are
 * still ahead is then not judged by its quiet start. When some day of the month has no target, or the
 * target so far is 0, the forecast falls back to a straight line ({@code sales ÷ days gone × days in the
 * month}) and says so. Gaps are {@code actual − target} (negative: behind), in minor units and as a
 * fraction of the target.
 */
public final class TargetCheck {

    private TargetCheck() {
    }

    /** How a month-end forecast was made. */
    public enum ForecastMethod {
        /** The month so far's share of plan applied to the whole month's target. */
        TARGET_WEIGHTS,
        /** Sales so far per day times the days of the month: targets incomplete. */
        STRAIGHT_LINE
    }

    /**
     * The day's actual figures; null where unknown.
     *
     * @param sales          sales, minor units
     * @param uv             visitors
     * @param conversionRate buyers ÷ visitors
     * @param aov            sales ÷ buyers, minor units
     */
    public record Actual(Long sales, Long uv, Double conversionRate, Long aov) {
    }

    /**
     * The day against its target, with the visitors, conversion and AOV the target was built from.
     *
     * @param day     the day
     * @param sales   its sales, or null when unknown
     * @param target  its sales target, or null when it has none
     * @param gap     {@code sales − target}, minor units
     * @param gapShare {@code gap ÷ target}
     * @param met     sales ≥ target
     */
    public record DayResult(LocalDate day, Long sales, Long target, Long gap, Double gapShare, Boolean met, Long uv, Long uvTarget,
                            Double conversionRate, Double conversionRateTarget, Long aov, Long aovTarget) {
    }

    /** The month from its first day to the day checked. */
    public record MonthToDate(LocalDate from, LocalDate to, Long sales, Long target, Long gap, Double gapShare, Boolean met) {
    }

    /**
     * The month's end.
     *
     * @param month           the month
     * @param target          the month's sales target (every day has one), else null
     * @param forecast        the forecast of the month's sales
     * @param method          how it was made
     * @param gap             {@code forecast − target}
     * @param gapShare        {@code gap ÷ target}
     * @param onTrack         forecast ≥ target
     * @param daysLeft        days after the day checked
     * @param remainingTarget the targets of those days, or null when one has none
     * @param stillNeeded     {@code target − sales so far}: what the remaining days must sell to meet the month
     */
    public record MonthEnd(YearMonth month, Long target, Long forecast, ForecastMethod method, Long gap, Double gapShare,
                           Boolean onTrack, int daysLeft, Long remainingTarget, Long stillNeeded) {
    }

    /** The whole check. */
    public record Result(DayResult day, MonthToDate monthToDate, MonthEnd monthEnd) {
    }

    /**
     * Checks {@code day}.
     *
     * @param day           the day checked (usually yesterday)
     * @param actual        its figures
     * @param monthToDate   sales from the month's first day to {@code day}, or null when unknown
     * @param monthTargets  the daily targets of {@code day}'s month that exist (as {@code ShopData.dayTargets} gives them)
     */
    public static Result of(LocalDate day, Actual actual, Long monthToDate, List<DayTarget> monthTargets) {
        YearMonth month = YearMonth.from(day);
        Map<LocalDate, DayTarget> byDay = new HashMap<>();
        for (DayTarget t : monthTargets) {
            if (YearMonth.from(t.day()).equals(month)) {
                byDay.put(t.day(), t);
            }
        }
        DayTarget own = byDay.get(day);
        Long dayTarget = own == null ? null : own.sales();
        DayResult dayResult = new DayResult(day, actual.sales(), dayTarget, gap(actual.sales(), dayTarget),
                share(actual.sales(), dayTarget), met(actual.sales(), dayTarget), actual.uv(), own == null ? null : own.uv(),
                actual.conversionRate(), own == null ? null : own.conversionRate(), actual.aov(), own == null ? null : own.aov());

        Long soFar = sum(byDay, month.atDay(1), day);
        MonthToDate mtd = new MonthToDate(month.atDay(1), day, monthToDate, soFar, gap(monthToDate, soFar),
                share(monthToDate, soFar), met(monthToDate, soFar));

        Long whole = sum(byDay, month.atDay(1), month.atEndOfMonth());
        Long rest = day.equals(month.atEndOfMonth()) ? Long.valueOf(0) : sum(byDay, day.plusDays(1), month.atEndOfMonth());
        int daysLeft = month.lengthOfMonth() - day.getDayOfMonth();
        Long forecast = null;
        ForecastMethod method = null;
        if (monthToDate != null) {
            if (whole != null && soFar != null && soFar > 0) {
                forecast = BigDecimal.valueOf(monthToDate).multiply(BigDecimal.valueOf(whole))
                        .divide(BigDecimal.valueOf(soFar), 0, RoundingMode.HALF_UP).longValueExact();
                method = ForecastMethod.TARGET_WEIGHTS;
            } else {
                forecast = BigDecimal.valueOf(monthToDate).multiply(BigDecimal.valueOf(month.lengthOfMonth()))
                        .divide(BigDecimal.valueOf(day.getDayOfMonth()), 0, RoundingMode.HALF_UP).longValueExact();
                method = ForecastMethod.STRAIGHT_LINE;
            }
        }
        MonthEnd end = new MonthEnd(month, whole, forecast, method, gap(forecast, whole), share(forecast, whole),
                met(forecast, whole), daysLeft, rest, whole == null || monthToDate == null ? null : whole - monthToDate);
        return new Result(dayResult, mtd, end);
    }

    /** The sum of the daily targets from {@code from} to {@code to}, or null when a day has none. */
    private static Long sum(Map<LocalDate, DayTarget> byDay, LocalDate from, LocalDate to) {
        long sum = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DayTarget t = byDay.get(d);
            if (t == null) {
                return null;
            }
            sum = Math.addExact(sum, t.sales());
        }
        return sum;
    }

    private static Long gap(Long actual, Long target) {
        return actual == null || target == null ? null : actual - target;
    }

    private static Double share(Long actual, Long target) {
        return actual == null || target == null || target <= 0 ? null : (double) (actual - target) / target;
    }

    private static Boolean met(Long actual, Long target) {
        return actual == null || target == null ? null : actual >= target;
    }
}
