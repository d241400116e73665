package com.shopops.plugins.ads.analysis;

/**
 * A confidence interval: the range of values the evidence leaves plausible at the chosen confidence.
 *
 * @param low  lower bound
 * @param high upper bound, at least {@code low}
 */
public record Interval(double low, double high) {

    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("not an interval: [" + low + ", " + high + "]");
        }
    }

    /** The whole interval above {@code value}: the evidence says the true value is higher. */
    public boolean above(double value) {
        return low > value;
    }

    /** The whole interval below {@code value}: the evidence says the true value is lower. */
    public boolean below(double value) {
        return high < value;
    }

    /** Both bounds multiplied by a factor that is not negative. */
    public Interval times(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a finite number ≥ 0, not " + factor);
        }
        return new Interval(low * factor, high * factor);
    }
}
