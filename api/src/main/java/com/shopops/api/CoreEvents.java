package com.shopops.api;

import java.time.LocalDate;

/**
 * Events the host publishes on {@link Events}.
 *
 * @since 1.0.0
 */
public final class CoreEvents {

    private CoreEvents() {
    }

    /**
     * An import of some kind finished and wrote rows for a shop.
     *
     * @param shopId   the shop
     * @param kind     the import kind, e.g. {@code orders} or {@code traffic}
     * @param imported rows inserted
     * @param updated  rows updated
     */
    public record DataImported(long shopId, String kind, long imported, long updated) {
    }

    /**
     * A shop-local day is over: its figures are final enough for the morning briefing.
     *
     * @param shopId the shop
     * @param day    the day that closed, in the shop's time zone
     */
    public record DayClosed(long shopId, LocalDate day) {
    }
}
