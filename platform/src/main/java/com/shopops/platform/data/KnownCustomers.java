package com.shopops.platform.data;

import java.util.HashMap;
import java.util.Map;

/**
 * The ids of the customers one import has met so far, kept from one batch to the next: a large order file
 * names the same customers in every batch, and looking them all up again cost each batch more than its
 * orders' own insert. Only ids whose batch committed are kept (a dry run or a failed batch rolls back the
 * customers it created); a customer is deleted only with its shop, so a kept id stays right. The ids kept
 * are bounded, so a file of millions of customers does not hold them all.
 */
public final class KnownCustomers {

    /** Customers kept at most: a few tens of MB of heap. */
    static final int MAX = 200_000;

    private final Map<String, Long> committed = new HashMap<>();
    private final Map<String, Long> pending = new HashMap<>();

    /** The id of the customer named {@code name}, when a committed batch met them. */
    Long get(String name) {
        return committed.get(name);
    }

    /** The batch being written met customer {@code name} with id {@code id}. */
    void met(String name, long id) {
        if (committed.size() + pending.size() < MAX) {
            pending.put(name, id);
        }
    }

    /** The batch being written committed: its customers are known from now on. */
    public void committed() {
        committed.putAll(pending);
        pending.clear();
    }

    /** The batch being written rolled back: the customers it met may not exist. */
    public void rolledBack() {
        pending.clear();
    }
}
