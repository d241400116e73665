package com.shopops.platform.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.domain.DayTarget;
import com.shopops.platform.targets.TargetPlan.Baselines;
import com.shopops.platform.targets.TargetPlan.Basis;
import com.shopops.platform.targets.TargetPlan.MonthTarget;
import com.shopops.platform.targets.TargetPlan.SalesHistory;
import com.shopops.platform.targets.TargetPlan.YearTargets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The breakdown over a real sales curve: the purchases per day (China time) in the slice of Alibaba's
 * Tianchi "UserBehavior" data set (see {@code src/test/resources/data/README.md}), 25 November to 3
 * December 2017, as last year's curve for 2018. The expected month targets come from plain SQL over the
 * raw file with the sqlite3 command line (below), and again from a separate straightforward loop here.
 */
class TargetPlanRealDataTest {

    private static final String BEHAVIOUR = "/data/user-behavior/user_behavior_first_users.csv";
    private static final long TARGET = 1_000_000_007L;

    /**
     * sqlite3 :memory:
     *   CREATE TABLE ub(user TEXT, item TEXT, cat TEXT, type TEXT, ts INTEGER);
     *   .mode csv
     *   .import user_behavior_first_users.csv ub
     *   WITH RECURSIVE days(d) AS (SELECT '2018-01-01' UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < '2018-12-31'),
     *   buys AS (SELECT date(ts, 'unixepoch', '+8 hours') AS day, COUNT(*) AS n FROM ub WHERE type = 'buy' GROUP BY day),
     *   known AS (SELECT MIN(day) AS lo, MAX(day) AS hi, SUM(n) AS s FROM buys),
     *   mapped AS (SELECT d, date(d, '-1 year') AS was FROM days),
     *   k AS (SELECT COUNT(*) AS k FROM mapped, known WHERE was BETWEEN lo AND hi),
     *   w AS (SELECT d, CASE WHEN was BETWEEN lo AND hi THEN COALESCE((SELECT n FROM buys WHERE day = was), 0) * k
     *                   ELSE s END AS weight FROM mapped, known, k)
     *   SELECT substr(d, 1, 7), SUM(weight), 1000000007 * SUM(weight) / (SELECT SUM(weight) FROM w),
     *          1000000007 * SUM(weight) % (SELECT SUM(weight) FROM w) FROM w GROUP BY 1;
     * → weights 9300 8400 9300 9000 9300 9000 9300 9300 9000 9300 8973 9327 (of 109,500); floors 84931507 76712329
     * 84931507 82191781 84931507 82191781 84931507 84931507 82191781 84931507 81945206 85178082 (sum 1,000,000,002);
     * remainders 48600 33300 48600 43500 48600 43500 48600 48600 43500 48600 5811 86289: the 5 fen left go to
     * December (86289) and the first four months with 48600 (January, March, May, July).
     */
    private static final List<Long> EXPECTED_MONTHS = List.of(84_931_508L, 76_712_329L, 84_931_508L, 82_191_781L,
            84_931_508L, 82_191_781L, 84_931_508L, 84_931_507L, 82_191_781L, 84_931_507L, 81_945_206L, 85_178_083L);

    @Test
    void monthAndDayTargetsFollowTheRealPurchaseCurve() throws Exception {
        Map<LocalDate, Long> buys = purchasesPerDay();
        // awk -F, '$4=="buy"' | wc -l → 300, from 2017-11-25 (22) to 2017-12-03 (44)
        assertEquals(300L, buys.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(9, buys.size());

        YearTargets plan = TargetPlan.year(2018, TARGET, SalesHistory.of(buys), new Baselines(0.02, 5_000L));
        assertEquals(Basis.LAST_YEAR, plan.basis());
        assertEquals(EXPECTED_MONTHS, plan.months().stream().map(MonthTarget::sales).toList());

        // The same again by a straightforward loop: a known day weighs its purchases, an unknown day the known
        // days' average; each month is within one fen of its exact share of the year.
        BigDecimal average = BigDecimal.valueOf(300).divide(BigDecimal.valueOf(9), MathContext.DECIMAL128);
        BigDecimal[] monthWeights = new BigDecimal[12];
        BigDecimal year = BigDecimal.ZERO;
        for (int m = 0; m < 12; m++) {
            monthWeights[m] = BigDecimal.ZERO;
        }
        for (LocalDate d = LocalDate.of(2018, 1, 1); d.getYear() == 2018; d = d.plusDays(1)) {
            LocalDate was = d.minusYears(1);
            boolean known = !was.isBefore(LocalDate.of(2017, 11, 25)) && !was.isAfter(LocalDate.of(2017, 12, 3));
            BigDecimal w = known ? BigDecimal.valueOf(buys.getOrDefault(was, 0L)) : average;
            monthWeights[d.getMonthValue() - 1] = monthWeights[d.getMonthValue() - 1].add(w);
            year = year.add(w);
        }
        for (int m = 0; m < 12; m++) {
            BigDecimal exact = BigDecimal.valueOf(TARGET).multiply(monthWeights[m]).divide(year, MathContext.DECIMAL128);
            long got = plan.months().get(m).sales();
            assertTrue(exact.subtract(BigDecimal.valueOf(got)).abs().compareTo(BigDecimal.ONE) < 0,
                    "month " + (m + 1) + ": " + got + " against the exact " + exact);
        }
        // November sold less per known day than the average, so it gets less than a flat 30/365 of the year;
        // December more than 31/365.
        assertTrue(plan.months().get(10).sales() < TARGET * 30 / 365);
        assertTrue(plan.months().get(11).sales() > TARGET * 31 / 365);

        // Inside November the known days follow their purchases: 27 November (53) against 25 November (22).
        long november = plan.months().get(10).sales();
        BigDecimal novemberWeight = monthWeights[10];
        for (int day = 25; day <= 30; day++) {
            LocalDate d = LocalDate.of(2018, 11, day);
            BigDecimal exact = BigDecimal.valueOf(november).multiply(BigDecimal.valueOf(buys.get(d.minusYears(1))))
                    .divide(novemberWeight, MathContext.DECIMAL128);
            long got = dayTarget(plan, d).sales();
            assertTrue(exact.subtract(BigDecimal.valueOf(got)).abs().compareTo(BigDecimal.ONE) < 0, d + ": " + got + " vs " + exact);
        }
        assertTrue(dayTarget(plan, LocalDate.of(2018, 11, 27)).sales() > 2 * dayTarget(plan, LocalDate.of(2018, 11, 25)).sales());
        assertEquals(TARGET, plan.days().stream().mapToLong(DayTarget::sales).sum());
    }

    /** Purchases per China-time day, read plainly: user, item, category, behaviour, Unix time. */
    private static Map<LocalDate, Long> purchasesPerDay() throws Exception {
        Map<LocalDate, Long> buys = new TreeMap<>();
        ZoneId china = ZoneId.of("Asia/Shanghai");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TargetPlanRealDataTest.class.getResourceAsStream(BEHAVIOUR), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                if (f[3].equals("buy")) {
                    buys.merge(Instant.ofEpochSecond(Long.parseLong(f[4].trim())).atZone(china).toLocalDate(), 1L, Long::sum);
                }
            }
        }
        return buys;
    }

    private static DayTarget dayTarget(YearTargets plan, LocalDate day) {
        return plan.days().stream().filter(d -> d.day().equals(day)).findFirst().orElseThrow();
    }
}
