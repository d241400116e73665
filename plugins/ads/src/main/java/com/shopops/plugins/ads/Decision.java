package com.shopops.plugins.ads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A decision proposed for one keyword over a range of days (or, for adding a keyword, for a search
 * term), and what the operator made of it. The reason is a message key with its arguments and the
 * evidence the figures it rests on, both as JSON text, so the page can say it in the reader's language.
 *
 * @param id           the row's id
 * @param shopId       the shop
 * @param from         first day the decision looked at
 * @param to           last day the decision looked at
 * @param campaign     the campaign
 * @param adGroup      the ad group
 * @param product      the product, or ""
 * @param keyword      the keyword (the search term to add, for an add)
 * @param action       what to do, e.g. raise-bid, lower-bid, pause, delete, keep, watch, change-creative, add
 * @param reasonKey    the message key of the reason
 * @param reasonArgs   the reason's arguments, a JSON array
 * @param suggestedBid the bid to set, in minor units, or null
 * @param status       proposed, accepted or dismissed
 * @param decidedBy    who accepted or dismissed it, or null while proposed
 * @param decidedAt    when (UTC), or null while proposed
 * @param evidence     the figures behind it, a JSON object
 * @param createdAt    when it was proposed (UTC)
 */
public record Decision(long id, long shopId, LocalDate from, LocalDate to, String campaign, String adGroup, String product,
                       String keyword, String action, String reasonKey, String reasonArgs, Long suggestedBid,
                       Status status, String decidedBy, Instant decidedAt, String evidence, Instant createdAt) {

    /** Where a decision stands. */
    public enum Status {
        PROPOSED, ACCEPTED, DISMISSED;

        /** The status as stored: {@code proposed}, {@code accepted}, {@code dismissed}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status stored as {@code code}. */
        public static Status of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A decision to propose: everything but what the store and the operator add.
     *
     * @param from         first day looked at
     * @param to           last day looked at
     * @param campaign     the campaign
     * @param adGroup      the ad group
     * @param product      the product, or ""
     * @param keyword      the keyword or search term
     * @param action       what to do
     * @param reasonKey    the reason's message key
     * @param reasonArgs   its arguments, a JSON array
     * @param suggestedBid the bid to set, or null
     * @param evidence     the figures, a JSON object
     */
    public record Proposal(LocalDate from, LocalDate to, String campaign, String adGroup, String product, String keyword,
                           String action, String reasonKey, String reasonArgs, Long suggestedBid, String evidence) {
    }
}
