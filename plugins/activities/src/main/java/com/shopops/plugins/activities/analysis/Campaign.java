package com.shopops.plugins.activities.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign (活动) the shop takes part in or runs itself, as the tracker keeps it. Money in minor
 * units; days shop-local.
 *
 * @param id                   the stored id (0 before it is stored)
 * @param name                 e.g. "聚划算 11.11" or "New arrival: linen dress"
 * @param kind                 a platform's campaign or the shop's own
 * @param channel              where it runs, e.g. 天天特价, 淘抢购, 聚划算, 淘金币, trial, a deal site, own
 * @param registrationDeadline last day to register (platform campaigns), or null
 * @param reviewOn             the day the platform reviews the entry, or null
 * @param liveFrom             first live day
 * @param liveTo               last live day
 * @param goalGmv              the GMV goal, or null
 * @param goalUnits            the units goal, or null
 * @param status               where it is in the pipeline
 * @param sourceTag            the traffic source / order tag that marks its orders, or null (then orders are
 *                             attributed by live dates and products)
 * @param products             the products taking part, with stock allocated and campaign price
 */
public record Campaign(long id, String name, Kind kind, String channel, LocalDate registrationDeadline, LocalDate reviewOn,
                       LocalDate liveFrom, LocalDate liveTo, Long goalGmv, Long goalUnits, CampaignStatus status,
                       String sourceTag, List<CampaignProduct> products) {

    public Campaign {
        products = products == null ? List.of() : List.copyOf(products);
    }

    /** Whose campaign it is. */
    public enum Kind {
        /** Run by the platform; the shop registers and is approved or rejected. */
        PLATFORM,
        /** Run by the shop itself (e.g. a new arrival's first three days at a discount). */
        OWN
    }
}
