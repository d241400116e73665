package com.shopops.plugins.members.analysis;

/** Points a member earns (积分): whole major units of a paid amount times the shop's rate; cents earn nothing. */
public final class MemberPoints {

    private MemberPoints() {
    }

    /**
     * Points for paying {@code amountMinor}: floor(amount ÷ 100) × {@code pointsPerMajorUnit}, 0 for an
     * amount of 0 or less (a refund takes points back elsewhere, not here).
     *
     * @throws IllegalArgumentException when the rate is negative
     */
    public static long earned(long amountMinor, int pointsPerMajorUnit) {
        if (pointsPerMajorUnit < 0) {
            throw new IllegalArgumentException("points per major unit are 0 or more, not " + pointsPerMajorUnit);
        }
        return amountMinor <= 0 ? 0 : Math.multiplyExact(amountMinor / 100, (long) pointsPerMajorUnit);
    }
}
