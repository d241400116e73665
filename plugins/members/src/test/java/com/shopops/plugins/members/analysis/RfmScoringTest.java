package com.shopops.plugins.members.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.data.CustomerOrders;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RfmScoringTest {

    static final LocalDate DEC_31 = LocalDate.of(2025, 12, 31);

    static CustomerOrders row(long id, LocalDate last, long orders, long revenue) {
        return new CustomerOrders(id, "c" + id, last.minusDays(30), last.minusDays(10), last, orders, revenue);
    }

    /**
     * Five customers scored on the 31st (with n = 5 a score is simply the rank), and a sixth whose last
     * order is on the 1st of January, after the day scored.
     */
    static List<CustomerOrders> five() {
        return List.of(
                row(1, DEC_31, 5, 50_000),
                row(2, DEC_31.minusDays(10), 2, 8_000),
                row(3, DEC_31.minusDays(10), 1, 8_000),
                row(6, DEC_31.plusDays(1), 9, 900_000),
                row(4, DEC_31.minusDays(90), 1, 120_000),
                row(5, DEC_31.minusDays(30), 3, 1_000));
    }

    @Test
    void fiveCustomersByHand() {
        // Recency days 0, 10, 10, 90, 30. Customers with strictly more days: 4, 2, 2, 0, 1 -> R 5, 3, 3, 1, 2.
        // Orders 5, 2, 1, 1, 3. Strictly fewer: 4, 2, 0, 0, 3 -> F 5, 3, 1, 1, 4 (3 and 4 tie at the lowest rank).
        // Revenue 50,000, 8,000, 8,000, 120,000, 1,000. Strictly less: 3, 1, 1, 4, 0 -> M 4, 2, 2, 5, 1.
        assertEquals(List.of(
                new RfmScore(1, "c1", 0, 5, 50_000, 5, 5, 4, Segment.CHAMPIONS),
                new RfmScore(2, "c2", 10, 2, 8_000, 3, 3, 2, Segment.NEED_ATTENTION),
                new RfmScore(3, "c3", 10, 1, 8_000, 3, 1, 2, Segment.ABOUT_TO_SLEEP),
                new RfmScore(4, "c4", 90, 1, 120_000, 1, 1, 5, Segment.LOST),
                new RfmScore(5, "c5", 30, 3, 1_000, 2, 4, 1, Segment.AT_RISK)),
                RfmScoring.score(five(), DEC_31));
    }

    @Test
    void quintilesFloorTheShare() {
        // n = 7, orders 1..7, so k = 0..6 customers are worse: 1 + floor(5k / 7) with 5k / 7 = 0, 0.71, 1.43,
        // 2.14, 2.86, 3.57, 4.29 -> 1, 1, 2, 3, 3, 4, 5
        List<CustomerOrders> rows = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rows.add(row(i, DEC_31, i, 1_000));
        }
        List<RfmScore> scores = RfmScoring.score(rows, DEC_31);
        assertEquals(List.of(1, 1, 2, 3, 3, 4, 5), scores.stream().map(RfmScore::f).toList());
        // everybody ties on recency and money: all share rank 1
        assertTrue(scores.stream().allMatch(s -> s.r() == 1 && s.m() == 1));
    }

    @Test
    void nothingToScore() {
        assertTrue(RfmScoring.score(List.of(), DEC_31).isEmpty());
        assertTrue(RfmScoring.score(List.of(row(1, DEC_31.plusDays(1), 1, 1)), DEC_31).isEmpty());
    }

    /** The SQL identity against a brute-force count, on rows with many ties and some after the day scored. */
    @Test
    void matchesTheRankIdentityOnRandomRows() {
        Random random = new Random(20251231);
        for (int round = 0; round < 3; round++) {
            List<CustomerOrders> rows = new ArrayList<>();
            int size = 2_000 + random.nextInt(2_000);
            for (int i = 0; i < size; i++) {
                // 0..69 days back, a few days ahead; 1..6 orders; revenue in 21 steps of 1,000
                rows.add(row(i, DEC_31.minusDays(random.nextInt(75) - 5), 1 + random.nextInt(6),
                        1_000L * random.nextInt(21)));
            }
            List<CustomerOrders> counted = rows.stream().filter(r -> !r.lastOrder().isAfter(DEC_31)).toList();
            List<RfmScore> scores = RfmScoring.score(rows, DEC_31);
            int n = counted.size();
            assertEquals(n, scores.size());
            for (int i = 0; i < n; i++) {
                CustomerOrders c = counted.get(i);
                long worseR = 0, worseF = 0, worseM = 0;
                for (CustomerOrders o : counted) {
                    worseR += o.lastOrder().isBefore(c.lastOrder()) ? 1 : 0;
                    worseF += o.orders() < c.orders() ? 1 : 0;
                    worseM += o.revenue() < c.revenue() ? 1 : 0;
                }
                RfmScore s = scores.get(i);
                assertEquals(c.customerId(), s.customerId(), "input order kept");
                assertEquals(sql(worseR + 1, n), s.r(), "R of " + c);
                assertEquals(sql(worseF + 1, n), s.f(), "F of " + c);
                assertEquals(sql(worseM + 1, n), s.m(), "M of " + c);
                assertEquals(Segment.of(s.r(), s.f()), s.segment());
                assertEquals(DEC_31.toEpochDay() - c.lastOrder().toEpochDay(), s.recencyDays());
            }
        }
    }

    /**
     * The three ways to count smaller values — counting over a small range, one packed sort, a sorted copy
     * with binary search — against a brute-force count, each on values that send it down that way.
     */
    @Test
    void everyWayOfCountingAgreesWithBruteForce() {
        Random random = new Random(42);
        int n = 3_000;
        long[] smallRange = new long[n], wideRange = new long[n], fullRange = new long[n];
        for (int i = 0; i < n; i++) {
            smallRange[i] = -20 + random.nextInt(41);
            // a few hundred distinct values over a span of 10^12: too wide to count, fits packed with the index
            wideRange[i] = 1_000_000_000L * random.nextInt(400) - 200_000_000_000L;
            // the extremes of a long: span too wide to pack
            fullRange[i] = random.nextInt(3) == 0 ? Long.MIN_VALUE : random.nextBoolean() ? Long.MAX_VALUE
                    : random.nextLong() / (1 + random.nextInt(4));
        }
        for (long[] values : List.of(smallRange, wideRange, fullRange)) {
            int[] worse = RfmScoring.worseCounts(values);
            for (int i = 0; i < n; i++) {
                int smaller = 0;
                for (long v : values) {
                    smaller += v < values[i] ? 1 : 0;
                }
                assertEquals(smaller, worse[i], "value " + values[i]);
            }
        }
        assertEquals(0, RfmScoring.worseCounts(new long[0]).length);
        assertEquals(List.of(0, 0, 2), Arrays.stream(RfmScoring.worseCounts(new long[] {7, 7, 9})).boxed().toList());
    }

    /** 1 + floor(5.0 * (rank - 1) / count), in doubles as the SQL reference computes it. */
    private static int sql(long rank, int count) {
        return 1 + (int) Math.floor(5.0 * (rank - 1) / count);
    }
}
