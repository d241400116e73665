package com.shopops.platform.data;

import java.security.SecureRandom;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * A shop's data version ({@code shop_data_versions}, core migration V6): a token the core's writer changes
 * in the transaction of every write that changes the shop's orders, refunds or products. An answer computed
 * after reading the token stays right as long as the token is the same, whichever process wrote the data
 * (the command-line import writes the same database as the server, without the server's event bus).
 */
final class DataVersion {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DataVersion() {
    }

    /** Gives the shop a new version, in the caller's transaction. */
    static void change(Handle h, long shopId) {
        // random, not counted up: a shop id handed out again after a shop was removed must not meet an old token
        long version = RANDOM.nextLong();
        h.createUpdate("""
                        INSERT INTO shop_data_versions (shop_id, version) VALUES (:shop, :version)
                        ON CONFLICT (shop_id) DO UPDATE SET version = excluded.version""")
                .bind("shop", shopId).bind("version", version).execute();
    }

    /** The shop's version; empty when nothing was ever written for it through the core's writer. */
    static OptionalLong of(Handle h, long shopId) {
        return h.createQuery("SELECT version FROM shop_data_versions WHERE shop_id = :shop")
                .bind("shop", shopId).mapTo(Long.class).findOne()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
