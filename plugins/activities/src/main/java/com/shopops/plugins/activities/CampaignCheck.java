package com.shopops.plugins.activities;

import com.shopops.plugins.activities.analysis.Campaign;
import com.shopops.plugins.activities.analysis.CampaignProduct;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a campaign acceptable before it is stored, for the routes and the import alike: a name and
 * channel, live dates in order, a registration deadline and review day not after the first live day,
 * goals and products that make sense. The answer names the field (as in the JSON body) and the reason.
 */
public final class CampaignCheck {

    /** The longest name or channel kept. */
    public static final int MAX_TEXT = 200;

    private CampaignCheck() {
    }

    /**
     * A problem with one field.
     *
     * @param field  the field's JSON name, e.g. {@code liveTo} or {@code products[1].allocated}
     * @param reason what is wrong, naming the field
     */
    public record Problem(String field, String reason) {
    }

    /** The first problem of {@code c}, or empty when it can be stored. */
    public static Optional<Problem> problem(Campaign c) {
        if (c.name() == null || c.name().isBlank()) {
            return Optional.of(new Problem("name", "name is required"));
        }
        if (c.name().length() > MAX_TEXT) {
            return Optional.of(new Problem("name", "name: at most " + MAX_TEXT + " characters"));
        }
        if (c.kind() == null) {
            return Optional.of(new Problem("kind", "kind is required: platform or own"));
        }
        if (c.channel() == null || c.channel().isBlank()) {
            return Optional.of(new Problem("channel", "channel is required, e.g. 聚划算, 淘抢购 or own"));
        }
        if (c.channel().length() > MAX_TEXT) {
            return Optional.of(new Problem("channel", "channel: at most " + MAX_TEXT + " characters"));
        }
        if (c.liveFrom() == null) {
            return Optional.of(new Problem("liveFrom", "liveFrom is required"));
        }
        if (c.liveTo() == null) {
            return Optional.of(new Problem("liveTo", "liveTo is required"));
        }
        if (c.liveTo().isBefore(c.liveFrom())) {
            return Optional.of(new Problem("liveTo", "liveTo " + c.liveTo() + " is before liveFrom " + c.liveFrom()));
        }
        if (c.registrationDeadline() != null && c.registrationDeadline().isAfter(c.liveFrom())) {
            return Optional.of(new Problem("registrationDeadline", "registrationDeadline " + c.registrationDeadline()
                    + " is after liveFrom " + c.liveFrom()));
        }
        if (c.reviewOn() != null && c.reviewOn().isAfter(c.liveFrom())) {
            return Optional.of(new Problem("reviewOn", "reviewOn " + c.reviewOn() + " is after liveFrom " + c.liveFrom()));
        }
        if (c.liveFrom().plusDays(366).isBefore(c.liveTo())) {
            return Optional.of(new Problem("liveTo", "a campaign lives at most 366 days, not " + c.liveFrom() + " to " + c.liveTo()));
        }
        if (c.goalGmv() != null && c.goalGmv() < 0) {
            return Optional.of(new Problem("goalGmv", "goalGmv " + c.goalGmv() + " is negative"));
        }
        if (c.goalUnits() != null && c.goalUnits() < 0) {
            return Optional.of(new Problem("goalUnits", "goalUnits " + c.goalUnits() + " is negative"));
        }
        if (c.sourceTag() != null && c.sourceTag().length() > MAX_TEXT) {
            return Optional.of(new Problem("sourceTag", "sourceTag: at most " + MAX_TEXT + " characters"));
        }
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < c.products().size(); i++) {
            CampaignProduct p = c.products().get(i);
            String at = "products[" + i + "]";
            if (p.sku() == null || p.sku().isBlank()) {
                return Optional.of(new Problem(at + ".sku", at + ".sku is required"));
            }
            if (!skus.add(p.sku())) {
                return Optional.of(new Problem(at + ".sku", at + ".sku " + p.sku() + " is listed twice"));
            }
            if (p.allocated() < 0) {
                return Optional.of(new Problem(at + ".allocated", at + ".allocated " + p.allocated() + " is negative"));
            }
            if (p.price() != null && p.price() < 0) {
                return Optional.of(new Problem(at + ".price", at + ".price " + p.price() + " is negative"));
            }
        }
        return Optional.empty();
    }
}
