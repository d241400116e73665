package com.shopops.plugins.members.analysis;

import java.time.LocalDate;
import java.util.Set;

/**
 * A customer as an audience sees them: what an {@link AudienceFilter} can ask about.
 *
 * @param customerId the customer's database id
 * @param externalId the buyer's id or nickname in the source system
 * @param segment    their RFM segment, or null when not scored
 * @param tier       their tier's name, or null when they hold none
 * @param tags       the shop's tags on them; null is read as none
 * @param lastOrder  the day of their last counting order, or null when none
 * @param monetary   their revenue, minor units
 */
public record Candidate(long customerId, String externalId, Segment segment, String tier, Set<String> tags,
                        LocalDate lastOrder, long monetary) {

    public Candidate {
        tags = tags == null ? Set.of() : tags;
    }
}
