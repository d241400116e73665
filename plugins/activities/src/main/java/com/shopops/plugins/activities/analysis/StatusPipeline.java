package com.shopops.plugins.activities.analysis;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The campaign status pipeline: which moves are allowed for which kind of campaign. A platform's
 * campaign goes planned → registered → approved or rejected → live → ended → reviewed, and a rejected
 * one may be planned again (for the next round); the shop's own campaign needs no registration:
 * planned → live → ended → reviewed.
 */
public final class StatusPipeline {

    private static final Map<CampaignStatus, Set<CampaignStatus>> PLATFORM = new EnumMap<>(CampaignStatus.class);
    private static final Map<CampaignStatus, Set<CampaignStatus>> OWN = new EnumMap<>(CampaignStatus.class);

    static {
        PLATFORM.put(CampaignStatus.PLANNED, EnumSet.of(CampaignStatus.REGISTERED));
        PLATFORM.put(CampaignStatus.REGISTERED, EnumSet.of(CampaignStatus.APPROVED, CampaignStatus.REJECTED));
        PLATFORM.put(CampaignStatus.APPROVED, EnumSet.of(CampaignStatus.LIVE));
        PLATFORM.put(CampaignStatus.REJECTED, EnumSet.of(CampaignStatus.PLANNED));
        PLATFORM.put(CampaignStatus.LIVE, EnumSet.of(CampaignStatus.ENDED));
        PLATFORM.put(CampaignStatus.ENDED, EnumSet.of(CampaignStatus.REVIEWED));
        PLATFORM.put(CampaignStatus.REVIEWED, EnumSet.noneOf(CampaignStatus.class));
        OWN.put(CampaignStatus.PLANNED, EnumSet.of(CampaignStatus.LIVE));
        OWN.put(CampaignStatus.LIVE, EnumSet.of(CampaignStatus.ENDED));
        OWN.put(CampaignStatus.ENDED, EnumSet.of(CampaignStatus.REVIEWED));
        OWN.put(CampaignStatus.REVIEWED, EnumSet.noneOf(CampaignStatus.class));
    }

    private StatusPipeline() {
    }

    /** The statuses a campaign of {@code kind} may move to from {@code from}. */
    public static Set<CampaignStatus> next(Campaign.Kind kind, CampaignStatus from) {
        Set<CampaignStatus> next = (kind == Campaign.Kind.OWN ? OWN : PLATFORM).get(from);
        return next == null || next.isEmpty() ? EnumSet.noneOf(CampaignStatus.class) : EnumSet.copyOf(next);
    }

    /**
     * Why moving a campaign of {@code kind} from {@code from} to {@code to} is refused, in English words
     * naming both statuses and what is allowed instead, or empty when the move is allowed.
     */
    public static Optional<String> refusal(Campaign.Kind kind, CampaignStatus from, CampaignStatus to) {
        Set<CampaignStatus> next = next(kind, from);
        if (next.contains(to)) {
            return Optional.empty();
        }
        String what = kind == Campaign.Kind.OWN ? "the shop's own campaign" : "a platform campaign";
        if (from == to) {
            return Optional.of(what + " is " + name(from) + " already");
        }
        if (kind == Campaign.Kind.OWN && (to == CampaignStatus.REGISTERED || to == CampaignStatus.APPROVED
                || to == CampaignStatus.REJECTED)) {
            return Optional.of(what + " is not registered with a platform, so it cannot be " + name(to));
        }
        String allowed = next.isEmpty() ? "nothing: " + name(from) + " is the end of the pipeline"
                : next.stream().map(StatusPipeline::name).collect(Collectors.joining(" or "));
        return Optional.of(what + " cannot go from " + name(from) + " to " + name(to) + "; from " + name(from)
                + " it can go to " + allowed);
    }

    private static String name(CampaignStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
