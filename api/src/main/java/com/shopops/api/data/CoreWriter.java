package com.shopops.api.data;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import java.util.List;

/**
 * Writes core records in the import's transaction, for the shop being imported into (the records'
 * own {@code shopId}s and database ids are ignored). Every method is idempotent: a record that is
 * already stored unchanged counts as neither imported nor updated. Counts are in records.
 *
 * @since 1.0.0
 */
public interface CoreWriter {

    /**
     * Orders and their lines; customers are created and their counts and totals kept current. An
     * order that exists is updated (status, paid time, amount, customer, source) and its new lines added.
     *
     * @throws IllegalArgumentException when an order that is not stored comes without the row that carries
     *         its own fields (time, status): the host then rejects that order's rows and writes the others
     */
    WriteResult orders(List<OrderRow> rows);

    /** Products by SKU: new ones inserted, known ones updated where a field changed. */
    WriteResult products(List<Product> products);

    /** Traffic by shop-local day and source, replacing what is stored for the same day and source. */
    WriteResult traffic(List<TrafficDay> days);

    /** Behaviour events; an identical event (same shopper, item, type and second) is stored once. */
    WriteResult events(List<BehaviourEvent> events);

    /** Reviews, matched to products by SKU. */
    WriteResult reviews(List<ReviewRow> reviews);

    /**
     * Refunds of imported orders.
     *
     * @throws IllegalArgumentException naming the order, when a refund's order is not stored: the host then
     *         rejects that refund's rows and writes the others
     */
    WriteResult refunds(List<RefundRow> refunds);

    /** Targets by period and metric, replacing the value stored for the same period and metric. */
    WriteResult targets(List<Target> targets);
}
