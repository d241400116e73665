package com.shopops.plugins.competitors.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * Peers' new range and whether it is time to launch ours.
 *
 * @param range          the range: a category, or the keyword the titles start with
 * @param basis          how the range was told
 * @param status         what to do
 * @param peers          peers that launched it, by id
 * @param sellingPeers   peers whose launch sells (reached the rules' monthly sales within their days)
 * @param listings       new listings in the range, all peers
 * @param firstLaunch    the earliest listing day
 * @param sellingSince   the day the last of the {@code minPeers} peers needed started selling, or null
 * @param best           the new listing with the most monthly sales in its latest snapshot
 */
public record TimingSignal(String range, Basis basis, Status status, List<Long> peers, List<Long> sellingPeers, int listings,
                           LocalDate firstLaunch, LocalDate sellingSince, PeerListing best) {

    /** How a range was told from the listings. */
    public enum Basis { CATEGORY, KEYWORD }

    /** What the signal says. */
    public enum Status {
        /** Enough peers' launches sell and the shop has no such range: time to launch ours. */
        LAUNCH,
        /** Launched by peers, not selling yet (or at too few peers): wait. */
        WATCH,
        /** The shop already sells this range. */
        COVERED
    }
}
