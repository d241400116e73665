package com.shopops.plugins.members.analysis;

import com.shopops.api.data.CustomerOrders;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores customers by recency, frequency and monetary value in quintiles of rank: a customer's score is
 * {@code 1 + floor(5 × (rank − 1) ÷ n)}, where rank is 1 + the number of customers strictly worse on that
 * figure, so tied customers share a score and no tie is split at random. The same as the SQL
 * {@code 1 + floor(5.0 * (rank() over (order by x) - 1) / count(*) over ())}, x ascending from worst to best.
 * Runs in O(n log n) over primitive arrays, without comparators over objects: a shop's million customers
 * are scored in well under a second.
 */
public final class RfmScoring {

    private RfmScoring() {
    }

    /**
     * The scores of the customers who had ordered by {@code date}, in the input order.
     *
     * @param rows each customer's counting orders up to {@code date}; a row whose last order is after
     *             {@code date} is left out, as the customer could not have been seen then
     * @param date the day scored; recency counts days back from it
     */
    public static List<RfmScore> score(List<CustomerOrders> rows, LocalDate date) {
        long day = date.toEpochDay();
        List<CustomerOrders> counted = new ArrayList<>(rows.size());
        for (CustomerOrders row : rows) {
            if (row.lastOrder().toEpochDay() <= day) {
                counted.add(row);
            }
        }
        int n = counted.size();
        // Each figure oriented so that larger is better: R by the last order's day (later = better).
        long[] last = new long[n], orders = new long[n], revenue = new long[n];
        for (int i = 0; i < n; i++) {
            CustomerOrders row = counted.get(i);
            last[i] = row.lastOrder().toEpochDay();
            orders[i] = row.orders();
            revenue[i] = row.revenue();
        }
        int[] worseR = worseCounts(last), worseF = worseCounts(orders), worseM = worseCounts(revenue);
        List<RfmScore> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CustomerOrders row = counted.get(i);
            int r = quintile(worseR[i], n), f = quintile(worseF[i], n), m = quintile(worseM[i], n);
            scores.add(new RfmScore(row.customerId(), row.externalId(), day - last[i], orders[i], revenue[i], r, f, m,
                    Segment.of(r, f)));
        }
        return scores;
    }

    /**
     * {@code 1 + floor(5 × worse ÷ n)}. Integer arithmetic gives the same floor as the SQL's double division:
     * 5k ÷ n is either a whole number, exact in a double, or at least 1/n away from one, far more than a
     * double's rounding error.
     */
    static int quintile(long worse, long n) {
        return (int) (1 + 5 * worse / n);
    }

    /**
     * For each value, how many values are strictly smaller (its rank − 1, ties sharing the lowest). Three ways
     * to the same counts, the cheapest that fits: counting over a small range of values (days, orders), one
     * sort of value-and-index packed into a long when they fit in 63 bits (money), else a sorted copy and a
     * binary search per value.
     */
    static int[] worseCounts(long[] values) {
        int n = values.length;
        if (n == 0) {
            return new int[0];
        }
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // max - min as an unsigned number: it overflows a long only when the values span more than half its range
        long span = max - min;
        if (Long.compareUnsigned(span, Math.max(4L * n, 1 << 16)) < 0) {
            return byCounting(values, min, (int) span + 1);
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(n - 1L);
        if (Long.compareUnsigned(span, (1L << (63 - indexBits)) - 1) <= 0) {
            return byPackedSort(values, min, indexBits);
        }
        return bySearch(values);
    }

    private static int[] byCounting(long[] values, long min, int range) {
        int[] below = new int[range + 1];
        for (long v : values) {
            below[(int) (v - min) + 1]++;
        }
        for (int k = 1; k <= range; k++) {
            below[k] += below[k - 1];
        }
        // below[k] now counts the values smaller than min + k
        int[] worse = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            worse[i] = below[(int) (values[i] - min)];
        }
        return worse;
    }

    private static int[] byPackedSort(long[] values, long min, int indexBits) {
        int n = values.length;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = (values[i] - min) << indexBits | i;
        }
        Arrays.sort(packed);
        long mask = (1L << indexBits) - 1;
        int[] worse = new int[n];
        long previous = -1;
        int smaller = 0;
        for (int j = 0; j < n; j++) {
            long value = packed[j] >>> indexBits;
            if (value != previous) {
                smaller = j;
                previous = value;
            }
            worse[(int) (packed[j] & mask)] = smaller;
        }
        return worse;
    }

    private static int[] bySearch(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] worse = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            worse[i] = firstNotBelow(sorted, values[i]);
        }
        return worse;
    }

    /** The index of the first element not smaller than {@code value}: the count of smaller ones. */
    private static int firstNotBelow(long[] sorted, long value) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
