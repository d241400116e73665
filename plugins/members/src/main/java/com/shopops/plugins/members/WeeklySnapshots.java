package com.shopops.plugins.members;

import com.shopops.api.Shop;
import com.shopops.api.Shops;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Keeps a snapshot of every customer's segment each week: a plugin job asks often, and a shop whose
 * latest snapshot is a week old or more (or that has none) gets one for its yesterday. Scoring a million
 * customers takes seconds, so it happens here, in the background, not in the morning briefing, which only
 * compares stored snapshots.
 */
final class WeeklySnapshots {

    /** Days between two snapshots. */
    static final int EVERY_DAYS = 7;

    private final MemberReadings readings;
    private final Shops shops;

    WeeklySnapshots(MemberReadings readings, Shops shops) {
        this.readings = readings;
        this.shops = shops;
    }

    /** Takes the snapshots that are due; returns how many shops got one. */
    int takeDue() {
        int taken = 0;
        for (Shop shop : shops.all()) {
            if (takeIfDue(shop).isPresent()) {
                taken++;
            }
        }
        return taken;
    }

    /** Takes the shop's snapshot of its yesterday if its latest is {@value #EVERY_DAYS} days old or more. */
    Optional<LocalDate> takeIfDue(Shop shop) {
        LocalDate yesterday = readings.today(shop).minusDays(1);
        Optional<LocalDate> latest = readings.store().latestSnapshot(shop.id(), yesterday);
        if (latest.isPresent() && latest.get().isAfter(yesterday.minusDays(EVERY_DAYS))) {
            return Optional.empty();
        }
        readings.store().saveSnapshot(shop.id(), yesterday, readings.scores(shop.id(), yesterday));
        return Optional.of(yesterday);
    }
}
