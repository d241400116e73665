package com.shopops.plugins.ads.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The month's ad spend against its budget (issue #7, point 4): spend so far, the month-end spend if the
 * days left go at the same daily pace, and whether that would overspend or underspend beyond the
 * tolerance. Days are shop-local; the month is the one {@code asOf} is in, with its real length.
 * Early in the month the projection rests on few days, which the tolerance does not correct for.
 *
 * @param month        the month
 * @param asOf         the last day whose spend is counted
 * @param daysElapsed  days counted, 1 to the month's length
 * @param daysInMonth  the month's length
 * @param spent        spend from the 1st to {@code asOf}, minor units
 * @param budget       the month's budget, minor units, or null when none is set
 * @param plannedSoFar the budget's share for the days counted (budget × elapsed ÷ length, rounded), or null
 * @param projected    month-end spend at the current daily pace (spent × length ÷ elapsed, rounded)
 * @param dailyToLand  the daily spend for the days left that lands exactly on budget (rounded down so it
 *                     never overshoots; 0 once the budget is spent), or null without budget or days left
 * @param state        the verdict
 * @param tolerance    the tolerance used, e.g. 0.10
 */
public record BudgetPace(YearMonth month, LocalDate asOf, int daysElapsed, int daysInMonth, long spent, Long budget,
                         Long plannedSoFar, long projected, Long dailyToLand, State state, double tolerance) {

    /** The pace's verdict. */
    public enum State {
        /** Projected (or already) above budget by more than the tolerance. */
        OVERSPEND,
        /** Projected below budget by more than the tolerance: traffic left unbought. */
        UNDERSPEND,
        /** Within budget ± tolerance. */
        ON_PACE,
        /** No budget set: nothing to pace against. */
        NO_BUDGET
    }

    /**
     * The pace as of {@code asOf}.
     *
     * @param asOf      the last shop-local day whose spend is in {@code spent}
     * @param spent     spend of the month from its 1st day to {@code asOf}, minor units
     * @param budget    the month's budget, minor units; null or 0 means none set
     * @param tolerance e.g. 0.10 for ±10%; the edges count as on pace
     */
    public static BudgetPace of(LocalDate asOf, long spent, Long budget, double tolerance) {
        if (spent < 0) {
            throw new IllegalArgumentException("spend cannot be negative: " + spent);
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be from 0 to below 1, not " + tolerance);
        }
        YearMonth month = YearMonth.from(asOf);
        int elapsed = asOf.getDayOfMonth();
        int length = month.lengthOfMonth();
        long projected = divideRounded(BigDecimal.valueOf(spent).multiply(BigDecimal.valueOf(length)), elapsed);
        if (budget == null || budget <= 0) {
            return new BudgetPace(month, asOf, elapsed, length, spent, null, null, projected, null, State.NO_BUDGET, tolerance);
        }
        long planned = divideRounded(BigDecimal.valueOf(budget).multiply(BigDecimal.valueOf(elapsed)), length);
        int daysLeft = length - elapsed;
        Long dailyToLand = daysLeft == 0 ? null : Math.max(0, budget - spent) / daysLeft;
        // compare the unrounded projection, spent × length ÷ elapsed, with budget × (1 ± tolerance), exactly
        BigDecimal pace = BigDecimal.valueOf(spent).multiply(BigDecimal.valueOf(length));
        BigDecimal perDay = BigDecimal.valueOf(budget).multiply(BigDecimal.valueOf(elapsed));
        BigDecimal tol = BigDecimal.valueOf(tolerance);
        State state;
        if (spent > budget || pace.compareTo(perDay.multiply(BigDecimal.ONE.add(tol))) > 0) {
            state = State.OVERSPEND;
        } else if (pace.compareTo(perDay.multiply(BigDecimal.ONE.subtract(tol))) < 0) {
            state = State.UNDERSPEND;
        } else {
            state = State.ON_PACE;
        }
        return new BudgetPace(month, asOf, elapsed, length, spent, budget, planned, projected, dailyToLand, state, tolerance);
    }

    /** The pace with the shop's budget and tolerance. */
    public static BudgetPace of(LocalDate asOf, long spent, AdSettings settings) {
        return of(asOf, spent, settings.budget(), settings.paceTolerance());
    }

    /** Days of the month after {@code asOf}. */
    public int daysLeft() {
        return daysInMonth - daysElapsed;
    }

    /** Projected month-end spend ÷ budget (1.2 = 20% over), or null without budget. */
    public Double projectedShare() {
        return budget == null ? null : (double) projected / budget;
    }

    /** Whether a bid may be raised: not while the month is heading over budget. */
    public boolean allowsRaise() {
        return state != State.OVERSPEND;
    }

    private static long divideRounded(BigDecimal numerator, int divisor) {
        return numerator.divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
