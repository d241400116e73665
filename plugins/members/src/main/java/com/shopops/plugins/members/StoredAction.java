package com.shopops.plugins.members;

import com.shopops.plugins.members.analysis.Offer;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An action as kept: an offer made to an audience, with how many customers got it and how many were
 * kept back at random.
 *
 * @param audience the audience as it was asked for, JSON
 * @param sentOn   the day the offer went out, or null while it is a draft
 */
record StoredAction(long id, String name, Offer offer, String offerText, double holdoutShare, String audience,
                    String createdBy, Instant createdAt, LocalDate sentOn, int measureDays, long treated, long holdout) {

    /** draft until sent; sent while measured; measured once the window is over as of {@code yesterday}. */
    String status(LocalDate yesterday) {
        if (sentOn == null) {
            return "draft";
        }
        return sentOn.plusDays(measureDays).isAfter(yesterday) ? "sent" : "measured";
    }
}
