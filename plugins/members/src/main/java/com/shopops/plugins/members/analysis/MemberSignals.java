package com.shopops.plugins.members.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The arithmetic behind the members plugin's findings in the morning briefing. */
public final class MemberSignals {

    /** The segments whose customers can still be won back by an action, and are worth a finding. */
    private static final List<Segment> REACHABLE = List.of(Segment.AT_RISK, Segment.CANT_LOSE,
            Segment.ABOUT_TO_SLEEP, Segment.NEED_ATTENTION);

    private MemberSignals() {
    }

    /**
     * A segment worth an action, with what winning some of it back could bring.
     *
     * @param segment            the segment
     * @param customers          its customers
     * @param revenuePerCustomer its revenue ÷ customers, rounded half up, minor units
     * @param expectedValue      customers × revenuePerCustomer × the reactivation rate, rounded, minor units
     */
    public record Opportunity(Segment segment, long customers, long revenuePerCustomer, long expectedValue) {
    }

    /** The change of the repeat rate, in fraction points: now − before; null when either is unknown. */
    public static Double repeatRateChange(CustomerSummary now, CustomerSummary before) {
        if (now.repeatRate() == null || before.repeatRate() == null) {
            return null;
        }
        return now.repeatRate() - before.repeatRate();
    }

    /**
     * The at-risk, can't-lose, about-to-sleep and need-attention segments that have customers, by expected
     * value, most first (ties in {@link Segment} order).
     *
     * @param reactivationRate the share of a segment an action is expected to bring back, 0 to 1
     * @throws IllegalArgumentException when the rate is outside 0 to 1
     */
    public static List<Opportunity> opportunities(RfmSummary s, double reactivationRate) {
        if (!(reactivationRate >= 0 && reactivationRate <= 1)) {
            throw new IllegalArgumentException("the reactivation rate is 0 to 1, not " + reactivationRate);
        }
        List<Opportunity> found = new ArrayList<>();
        for (Segment segment : REACHABLE) {
            RfmSummary.SegmentFigures f = s.segment(segment);
            if (f.customers() > 0) {
                long perCustomer = Rounding.halfUp(f.revenue(), f.customers());
                long expected = Math.round((double) f.customers() * perCustomer * reactivationRate);
                found.add(new Opportunity(segment, f.customers(), perCustomer, expected));
            }
        }
        found.sort(Comparator.comparingLong(Opportunity::expectedValue).reversed()
                .thenComparing(Opportunity::segment));
        return found;
    }
}
