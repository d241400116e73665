package com.shopops.plugins.members.analysis;

import com.shopops.api.data.CustomerOrders;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The three figures RFM needs per customer, gathered into growing primitive columns as the rows stream
 * past, so a million customers are three arrays rather than a million kept objects.
 * <pre>{@code
 * RfmColumns columns = new RfmColumns(date);
 * data.customerOrders(shopId, null, date, columns);
 * RfmSummary summary = columns.summary();
 * }</pre>
 */
public final class RfmColumns implements Consumer<CustomerOrders> {

    private final LocalDate date;
    private final long day;
    private long[] last = new long[1024];
    private long[] orders = new long[1024];
    private long[] revenue = new long[1024];
    private int n;

    public RfmColumns(LocalDate date) {
        this.date = date;
        this.day = date.toEpochDay();
    }

    /** Takes a customer's row; one whose last order is after the date is left out, as RfmScoring does. */
    @Override
    public void accept(CustomerOrders row) {
        long lastDay = row.lastOrder().toEpochDay();
        if (lastDay > day) {
            return;
        }
        if (n == last.length) {
            int size = n * 2;
            last = Arrays.copyOf(last, size);
            orders = Arrays.copyOf(orders, size);
            revenue = Arrays.copyOf(revenue, size);
        }
        last[n] = lastDay;
        orders[n] = row.orders();
        revenue[n] = row.revenue();
        n++;
    }

    /** The summary of the rows taken so far. */
    public RfmSummary summary() {
        return RfmSummary.of(date, Arrays.copyOf(last, n), Arrays.copyOf(orders, n), Arrays.copyOf(revenue, n));
    }
}
