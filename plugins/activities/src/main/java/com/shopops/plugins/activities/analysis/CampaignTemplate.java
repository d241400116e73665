package com.shopops.plugins.activities.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A recurring campaign the shop plans again and again (issue #8, point 1), e.g. "new arrival: 3 days at a
 * discount, then full price". {@link #instantiate} turns it into a planned {@link Campaign} from a start
 * day; after the last live day the products simply go back to their list price.
 *
 * @param key                    a stable name, e.g. {@code new-arrival}
 * @param kind                   platform or own
 * @param channel                where it runs, as in {@link Campaign#channel()}
 * @param liveDays               live days from the start day, at least 1
 * @param discount               the price cut as a fraction of the list price (0.2 = 20% off), 0 for none
 *                               (the products keep their price), below 1
 * @param registrationDaysBefore days before going live that registration closes, or null (own campaigns
 *                               have none)
 * @param reviewDaysBefore       days before going live that the platform reviews entries, or null; not more
 *                               than {@code registrationDaysBefore}, since it reviews what was registered
 */
public record CampaignTemplate(String key, Campaign.Kind kind, String channel, int liveDays, double discount,
                               Integer registrationDaysBefore, Integer reviewDaysBefore) {

    /** The shop's own: a new arrival's first 3 days at 20% off, then full price (DOMAIN.md, Morning 5). */
    public static final CampaignTemplate NEW_ARRIVAL = new CampaignTemplate("new-arrival", Campaign.Kind.OWN, "own", 3, 0.20,
            null, null);
    /** 天天特价: 3 days at 20% off; register 7 days ahead, reviewed 3 days ahead. Sample timings, not the platform's. */
    public static final CampaignTemplate TIANTIAN_TEJIA = new CampaignTemplate("tiantian-tejia", Campaign.Kind.PLATFORM,
            "天天特价", 3, 0.20, 7, 3);
    /** 聚划算: 3 days at 30% off; register 15 days ahead, reviewed 7 days ahead. Sample timings, not the platform's. */
    public static final CampaignTemplate JUHUASUAN = new CampaignTemplate("juhuasuan", Campaign.Kind.PLATFORM, "聚划算", 3,
            0.30, 15, 7);
    /** The built-in templates. */
    public static final List<CampaignTemplate> BUILT_IN = List.of(NEW_ARRIVAL, TIANTIAN_TEJIA, JUHUASUAN);

    /** Checks the template; the message names the field at fault. */
    public CampaignTemplate {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key: a name is needed");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind: platform or own");
        }
        if (liveDays < 1) {
            throw new IllegalArgumentException("live-days: at least 1, not " + liveDays);
        }
        if (!(discount >= 0 && discount < 1)) {
            throw new IllegalArgumentException("discount: a fraction from 0 to below 1 (0.2 = 20% off), not " + discount);
        }
        if (registrationDaysBefore != null && registrationDaysBefore < 0 || reviewDaysBefore != null && reviewDaysBefore < 0) {
            throw new IllegalArgumentException("registration and review days before going live: 0 or more");
        }
        if (kind == Campaign.Kind.OWN && (registrationDaysBefore != null || reviewDaysBefore != null)) {
            throw new IllegalArgumentException("the shop's own campaign has no registration or platform review");
        }
        if (registrationDaysBefore != null && reviewDaysBefore != null && reviewDaysBefore > registrationDaysBefore) {
            throw new IllegalArgumentException("review-days-before: the review comes after registration closes, so at most "
                    + registrationDaysBefore + ", not " + reviewDaysBefore);
        }
    }

    /** The built-in template named {@code key}. */
    public static Optional<CampaignTemplate> builtIn(String key) {
        return BUILT_IN.stream().filter(t -> t.key.equals(key)).findFirst();
    }

    /**
     * A planned campaign from {@code template}: live {@code liveDays} days from {@code startDay}, the
     * deadlines that many days before it, each product at list price × (1 − discount) rounded half up to the
     * minor unit, no goals yet (the operator sets them), not stored yet (id 0).
     */
    public static Campaign instantiate(CampaignTemplate template, String name, LocalDate startDay, List<ListedProduct> products) {
        List<CampaignProduct> priced = products.stream()
                .map(p -> new CampaignProduct(p.sku(), p.allocated(), template.price(p.listPrice())))
                .toList();
        return new Campaign(0, name, template.kind, template.channel,
                template.registrationDaysBefore == null ? null : startDay.minusDays(template.registrationDaysBefore),
                template.reviewDaysBefore == null ? null : startDay.minusDays(template.reviewDaysBefore),
                startDay, startDay.plusDays(template.liveDays - 1L), null, null, CampaignStatus.PLANNED, null, priced);
    }

    /** The campaign price of a product listed at {@code listPrice}, or null when there is no discount. */
    public Long price(long listPrice) {
        if (discount == 0) {
            return null;
        }
        return BigDecimal.valueOf(listPrice).multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(discount)))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
