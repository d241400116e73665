package com.shopops.api;

import com.shopops.api.data.ShopData;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import org.pf4j.ExtensionPoint;

/**
 * A plugin's part of the demo shop ({@code shopops demo}, {@code serve --demo}). The host first
 * writes the core data — products with a hero item, a year of orders, customers, refunds, traffic by
 * source, behaviour events, reviews, targets — and then asks each started plugin's contributor to add
 * its own tables' share (keyword reports, campaigns, a content calendar), consistent with that data.
 * Same seed, same data: draw every random number from a generator seeded with {@link DemoContext#seed()}.
 *
 * @since 1.0.0
 */
public interface DemoContributor extends ExtensionPoint {

    /** Writes this plugin's demo data for {@code context.shop()}. */
    void contribute(DemoContext context);

    /**
     * The demo shop being made.
     *
     * @param shop the shop
     * @param seed the demo's seed; combine it with the plugin id for a generator of the plugin's own
     * @param from the first day of history
     * @param to   the last day of history (usually yesterday)
     * @param jdbi the database, to write the plugin's tables
     * @param data the core data already written, to stay consistent with it
     */
    record DemoContext(Shop shop, long seed, LocalDate from, LocalDate to, Jdbi jdbi, ShopData data) {
    }
}
