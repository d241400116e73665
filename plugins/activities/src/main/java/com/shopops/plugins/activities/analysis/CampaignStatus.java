package com.shopops.plugins.activities.analysis;

/**
 * Where a campaign is: planned → registered → approved | rejected → live → ended → reviewed. The
 * shop's own campaigns skip registration (planned → live). Which moves are allowed, and why another
 * is refused, is {@link StatusPipeline}'s to say.
 */
public enum CampaignStatus {
    PLANNED, REGISTERED, APPROVED, REJECTED, LIVE, ENDED, REVIEWED
}
