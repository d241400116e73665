package com.shopops.plugins.activities;

import com.shopops.plugins.activities.analysis.CampaignStatus;
import java.time.Instant;

/**
 * One line of a campaign's status history: who moved it from which status to which, and when.
 *
 * @param id         the stored id, in the order the changes were made
 * @param campaignId the campaign
 * @param from       the status before, or null for the campaign's creation
 * @param to         the status after
 * @param by         who made the change
 * @param at         when, UTC
 * @param note       why, or null
 */
public record StatusChange(long id, long campaignId, CampaignStatus from, CampaignStatus to, String by, Instant at,
                           String note) {
}
