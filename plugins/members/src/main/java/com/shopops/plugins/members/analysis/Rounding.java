package com.shopops.plugins.members.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Whole minor units from a division, rounded half up as the shop's figures are everywhere. */
final class Rounding {

    private Rounding() {
    }

    /** {@code numerator ÷ denominator} rounded half up; exact, so large sums do not lose a unit. */
    static long halfUp(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** {@code numerator ÷ denominator}, or null when the denominator is 0. */
    static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
