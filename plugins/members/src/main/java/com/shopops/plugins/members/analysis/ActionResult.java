package com.shopops.plugins.members.analysis;

/**
 * What an action did (效果评估): the treated customers against the random holdout over the measurement window,
 * as uplift in conversion and in revenue per customer, each with a 95% interval. An interval that does not
 * straddle 0 is a real effect at that level; below 30 customers a side the intervals are too rough to act on,
 * which {@code enoughData} says.
 *
 * @param treated           the customers who got the action
 * @param holdout           the customers held out
 * @param conversionUplift  treated conversion − holdout conversion, with Newcombe's hybrid score interval
 * @param revenueUplift     treated − holdout revenue per customer (minor units), with a Welch interval
 * @param enoughData        both groups have at least 30 customers
 */
public record ActionResult(Group treated, Group holdout, Interval conversionUplift, Interval revenueUplift,
                           boolean enoughData) {

    /** The two-sided 95% normal quantile. */
    static final double Z = 1.959964;
    /** Customers a group needs before its result is worth acting on. */
    public static final int ENOUGH_CUSTOMERS = 30;

    /**
     * One side of the comparison.
     *
     * @param customers          customers in the group
     * @param buyers             of them, those who spent something in the window
     * @param revenue            what the group spent in the window, minor units
     * @param conversion         buyers ÷ customers, null for an empty group
     * @param revenuePerCustomer revenue ÷ customers (minor units, not rounded), null for an empty group
     */
    public record Group(long customers, long buyers, long revenue, Double conversion, Double revenuePerCustomer) {
    }

    /**
     * An estimate with its 95% interval; each null when it cannot be computed.
     *
     * @param estimate the point estimate
     * @param low      the interval's lower bound
     * @param high     the interval's upper bound
     */
    public record Interval(Double estimate, Double low, Double high) {

        /** Whether the interval lies wholly above or wholly below 0; false without bounds. */
        public boolean significant() {
            return low != null && high != null && (low > 0 || high < 0);
        }
    }

    /**
     * Measures an action.
     *
     * @param treatedRevenue one entry per treated customer: what they spent in the window, 0 when nothing
     * @param holdoutRevenue the same for the held-out customers
     */
    public static ActionResult measure(long[] treatedRevenue, long[] holdoutRevenue) {
        Group t = group(treatedRevenue), h = group(holdoutRevenue);
        return new ActionResult(t, h, conversionUplift(t, h), revenueUplift(treatedRevenue, holdoutRevenue),
                t.customers() >= ENOUGH_CUSTOMERS && h.customers() >= ENOUGH_CUSTOMERS);
    }

    private static Group group(long[] revenue) {
        long buyers = 0, sum = 0;
        for (long r : revenue) {
            if (r > 0) {
                buyers++;
            }
            sum = Math.addExact(sum, r);
        }
        int n = revenue.length;
        return new Group(n, buyers, sum, Rounding.ratio(buyers, n), Rounding.ratio(sum, n));
    }

    /**
     * Newcombe (1998) method 10: the difference of two proportions with bounds built from each proportion's
     * Wilson score interval. Unlike the textbook Wald interval it stays inside [−1, 1] and behaves at rates
     * near 0, which member campaigns' conversions often are.
     */
    static Interval conversionUplift(Group treated, Group holdout) {
        if (treated.customers() == 0 || holdout.customers() == 0) {
            return new Interval(null, null, null);
        }
        double p1 = treated.conversion(), p2 = holdout.conversion();
        double[] w1 = wilson(treated.buyers(), treated.customers()), w2 = wilson(holdout.buyers(), holdout.customers());
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2));
        double high = d + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]));
        return new Interval(d, low, high);
    }

    /** The Wilson score interval {low, high} of {@code x} successes in {@code n}. */
    static double[] wilson(long x, long n) {
        double p = (double) x / n, z2 = Z * Z;
        double centre = 2 * x + z2;
        double spread = Z * Math.sqrt(z2 + 4 * x * (1 - p));
        double denominator = 2 * (n + z2);
        return new double[] {(centre - spread) / denominator, (centre + spread) / denominator};
    }

    /**
     * Welch's interval for the difference of two means: each group's own sample variance (n − 1), no pooling,
     * since an offer changes the spread of spending as well as its mean. The normal quantile stands in for
     * Student's t, as audiences are large.
     */
    static Interval revenueUplift(long[] treated, long[] holdout) {
        if (treated.length == 0 || holdout.length == 0) {
            return new Interval(null, null, null);
        }
        double m1 = mean(treated), m2 = mean(holdout), d = m1 - m2;
        if (treated.length < 2 || holdout.length < 2) {
            return new Interval(d, null, null);
        }
        double se = Math.sqrt(variance(treated, m1) / treated.length + variance(holdout, m2) / holdout.length);
        return new Interval(d, d - Z * se, d + Z * se);
    }

    private static double mean(long[] values) {
        double sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The sample variance, by squared distances from the mean (steadier than the sum of squares minus the square). */
    private static double variance(long[] values, double mean) {
        double sum = 0;
        for (long v : values) {
            sum += square(v - mean);
        }
        return sum / (values.length - 1);
    }

    private static double square(double v) {
        return v * v;
    }
}
