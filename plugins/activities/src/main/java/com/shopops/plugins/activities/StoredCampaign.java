package com.shopops.plugins.activities;

import com.shopops.plugins.activities.analysis.Campaign;
import java.time.Instant;

/**
 * A campaign as the tracker keeps it: the campaign itself and what is kept around it — the review
 * (复盘) notes and who created and last changed it, when (UTC).
 *
 * @param campaign  the campaign with its products
 * @param notes     the review notes, or null before anyone wrote them
 * @param createdBy who created it (a user's name, or {@code import} / {@code demo})
 * @param createdAt when
 * @param updatedBy who changed it last (fields, products, status or notes)
 * @param updatedAt when
 */
public record StoredCampaign(Campaign campaign, String notes, String createdBy, Instant createdAt, String updatedBy,
                             Instant updatedAt) {

    /** The campaign's id. */
    public long id() {
        return campaign.id();
    }
}
