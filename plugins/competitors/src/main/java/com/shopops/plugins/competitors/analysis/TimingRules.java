package com.shopops.plugins.competitors.analysis;

/**
 * When peers' new range counts as selling (DOMAIN.md, Morning 3: launch a season's range when peers'
 * first launches of it have started to sell).
 *
 * @param minSales     monthly sales a new listing must reach to count as selling
 * @param withinDays   … within this many days of its listing
 * @param minPeers     peers whose launch of the range sells before it is time to launch ours
 * @param lookbackDays listings of the last this many days count as new
 */
public record TimingRules(int minSales, int withinDays, int minPeers, int lookbackDays) {

    /** 30 monthly sales within 21 days, at 2 peers, over listings of the last 60 days. */
    public static final TimingRules DEFAULT = new TimingRules(30, 21, 2, 60);

    public TimingRules {
        if (minSales < 1 || withinDays < 1 || withinDays > 365 || minPeers < 1 || minPeers > 20 || lookbackDays < 7
                || lookbackDays > 365) {
            throw new IllegalArgumentException("timing rules out of range: minSales ≥ 1, withinDays 1–365, minPeers 1–20, "
                    + "lookbackDays 7–365");
        }
    }
}
