package com.shopops.plugins.ads.analysis;

/**
 * The evidence behind a keyword decision: how sure can the shop be of a rate measured on few clicks?
 *
 * <p>Rates (CTR, conversion) get the <b>Wilson score interval</b>: unlike the textbook p ± z·√(p(1−p)/n)
 * it stays inside [0, 1] and does not collapse to a point at 0 of n or n of n — 1 order from 1 click is
 * [0.21, 1] at 95%, not "100% conversion" — and it needs no prior, unlike a Beta posterior.
 *
 * <p>ROI gets the conversion interval carried through ROI = clicks × conversion × value per order ÷ cost
 * ({@link #roi}). Clicks and cost are counted exactly; the number of orders is where a keyword's figures
 * are thin (a handful of orders in a month), while the value of an order in one ad group (mostly one
 * product) varies far less, so it is taken as known: the keyword's own GMV per order, or without orders
 * the ad group's. So ROI and conversion are judged on one and the same evidence, and a keyword's ROI
 * interval contains its observed ROI.
 */
public final class Intervals {

    /** The confidence used unless the shop sets another: 95%. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private Intervals() {
    }

    /** The Wilson interval at 95%; null when there were no trials (nothing to judge). */
    public static Interval wilson(long successes, long trials) {
        return wilson(successes, trials, DEFAULT_CONFIDENCE);
    }

    /**
     * The Wilson score interval for {@code successes} of {@code trials} at a two-sided {@code confidence}
     * (e.g. 0.95), or null when {@code trials} is 0.
     *
     * @throws IllegalArgumentException for negative counts, more successes than trials, or a confidence
     *                                  outside (0, 1)
     */
    public static Interval wilson(long successes, long trials, double confidence) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 ≤ successes ≤ trials, not " + successes + " of " + trials);
        }
        double z = z(confidence);
        if (trials == 0) {
            return null;
        }
        double n = trials;
        double p = successes / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
        // at 0 of n and n of n the bound is exactly 0 or 1; rounding must not push it past
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == trials ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }

    /**
     * The interval for ROI (GMV ÷ cost) from the conversion interval: clicks × [conversion] × value per
     * order ÷ cost. Orders above clicks (an attribution window can credit several orders to one click)
     * count as every click converting, with the value per converting click, so the observed ROI stays in
     * the interval.
     *
     * @param clicks     the keyword's clicks
     * @param orders     its orders
     * @param cost       its cost, minor units
     * @param orderValue value of one order, minor units: the keyword's own GMV per order (pass
     *                   {@link #valuePerConversion}) or, without orders, a reference such as the ad group's
     * @param confidence two-sided confidence, e.g. 0.95
     * @return the interval, or null without clicks or without cost (ROI has no meaning then)
     */
    public static Interval roi(long clicks, long orders, long cost, double orderValue, double confidence) {
        if (clicks <= 0 || cost <= 0) {
            return null;
        }
        Interval conversion = wilson(Math.min(orders, clicks), clicks, confidence);
        return conversion.times(clicks * orderValue / cost);
    }

    /**
     * GMV per converting click, minor units: gmv ÷ min(orders, clicks) — GMV per order unless the report
     * credits more orders than clicks. Null without orders or clicks.
     */
    public static Double valuePerConversion(long clicks, long orders, long gmv) {
        return AdFigures.ratio(gmv, Math.min(orders, clicks));
    }

    /** The standard normal quantile z for a two-sided {@code confidence}: 1.96 for 0.95. */
    public static double z(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, not " + confidence);
        }
        return normalQuantile(1 - (1 - confidence) / 2);
    }

    // P. J. Acklam's rational approximation of the normal quantile (relative error below 1.15e-9).
    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    /**
     * The standard normal quantile: the x with Φ(x) = p, by Acklam's approximation (relative error
     * below 1.15 × 10⁻⁹, ample for choosing an interval's width).
     *
     * @throws IllegalArgumentException unless 0 &lt; p &lt; 1
     */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be between 0 and 1, not " + p);
        }
        if (p < P_LOW) {
            return tail(Math.sqrt(-2 * Math.log(p)));
        }
        if (p > 1 - P_LOW) {
            return -tail(Math.sqrt(-2 * Math.log(1 - p)));
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }

    private static double tail(double q) {
        return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
}
