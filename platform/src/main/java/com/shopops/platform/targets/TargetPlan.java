package com.shopops.platform.targets;

import com.shopops.api.domain.DayTarget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Breaks a sales target down the way an operator does (DOMAIN.md, "Targets are broken down…"): the
 * year into months and days, weighted by last year's sales curve, weeks as sums of days, and each
 * day's sales into visitors (UV) × conversion rate × average order value (AOV), one figure per role
 * (promotion owns UV, design and customer service conversion, the operator AOV).
 *
 * <p>Pure functions over plain records, no database, so every rule is unit-tested on hand-checked data.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>Weights.</b> A day weighs what the shop sold on the same date last year (29 February on
 *   28 February). Last year's days outside the known history count at the average day of the known
 *   ones, so a month without history is flat inside and weighs an average month; with no history at
 *   all, or none but zero sales, every day weighs the same ({@link Basis#FLAT}). A month weighs the
 *   sum of its days.</li>
 *   <li><b>Exact splits.</b> The year is split over the months, and each month over its days, by the
 *   largest-remainder method in whole minor units: every share is the exact share rounded down, and the
 *   units left over go to the largest remainders (the earlier period on a tie). So months add up to the
 *   year and days to their month to the fen, with no rounding loss, and a flat year's days differ by at
 *   most one minor unit.</li>
 *   <li><b>Weeks</b> are ISO weeks (Monday first) summed from the days, cut at the year's ends.</li>
 *   <li><b>A day's parts.</b> AOV target = the baseline AOV; UV target = ⌈sales ÷ (baseline conversion
 *   × AOV)⌉ (whole visitors, never too few); conversion target = sales ÷ (UV × AOV), so that
 *   UV × conversion × AOV gives the day's sales back; orders = ⌈sales ÷ AOV⌉. An unknown baseline
 *   leaves its figures null rather than guessed.</li>
 * </ul>
 */
public final class TargetPlan {

    /** The largest sales target accepted, in minor units (a trillion yuan): beyond it is a typo. */
    public static final long MAX_SALES = 100_000_000_000_000L;

    /** The largest AOV accepted, in minor units. */
    public static final long MAX_AOV = 100_000_000_000L;

    /** The smallest conversion rate accepted (0.01 %): below it the UV target is meaningless. */
    public static final double MIN_CONVERSION_RATE = 0.0001;

    private TargetPlan() {
    }

    /** What a breakdown's weights follow. */
    public enum Basis {
        /** Last year's sales curve (where it is known). */
        LAST_YEAR("last-year"),
        /** Every day the same: there is no sales history for last year. */
        FLAT("flat");

        private final String json;

        Basis(String json) {
            this.json = json;
        }

        /** The name in the JSON API: {@code last-year} or {@code flat}. */
        public String json() {
            return json;
        }
    }

    /**
     * A shop's daily sales (paid orders, cancelled ones left out, in minor units) as far as they are
     * known: every day from {@code from} to {@code to} is known, and one missing from {@code daily}
     * sold nothing; days outside are unknown. {@code from} and {@code to} are null when nothing is known.
     */
    public record SalesHistory(LocalDate from, LocalDate to, Map<LocalDate, Long> daily) {

        public SalesHistory {
            if ((from == null) != (to == null) || from != null && from.isAfter(to)) {
                throw new IllegalArgumentException("a sales history runs from a day to a later one: " + from + " to " + to);
            }
            daily = Map.copyOf(daily);
        }

        /** No history at all. */
        public static SalesHistory none() {
            return new SalesHistory(null, null, Map.of());
        }

        /** Every day with an entry known, and the days between them (sold nothing where absent). */
        public static SalesHistory of(Map<LocalDate, Long> daily) {
            if (daily.isEmpty()) {
                return none();
            }
            TreeMap<LocalDate, Long> sorted = new TreeMap<>(daily);
            return new SalesHistory(sorted.firstKey(), sorted.lastKey(), daily);
        }

        /** Whether {@code day}'s sales are known. */
        public boolean knows(LocalDate day) {
            return from != null && !day.isBefore(from) && !day.isAfter(to);
        }

        /** The day's sales; 0 for a day that sold nothing or is not known. */
        public long sales(LocalDate day) {
            return knows(day) ? daily.getOrDefault(day, 0L) : 0L;
        }
    }

    /**
     * The conversion rate and AOV a day's sales target is split with; null when not known.
     *
     * @param conversionRate buyers ÷ visitors, as a fraction
     * @param aov            average order value in minor units
     */
    public record Baselines(Double conversionRate, Long aov) {

        /** Neither is known. */
        public static final Baselines UNKNOWN = new Baselines(null, null);

        public Baselines {
            if (conversionRate != null && !(conversionRate >= MIN_CONVERSION_RATE && conversionRate <= 1)) {
                throw new IllegalArgumentException("conversionRate must be a fraction from " + MIN_CONVERSION_RATE
                        + " to 1 (0.03 for 3 %), not " + conversionRate);
            }
            if (aov != null && (aov < 1 || aov > MAX_AOV)) {
                throw new IllegalArgumentException("aov must be from 1 to " + MAX_AOV + " minor units, not " + aov);
            }
        }

        /** These, with {@code other}'s figures where these are unknown. */
        public Baselines or(Baselines other) {
            return new Baselines(conversionRate != null ? conversionRate : other.conversionRate(),
                    aov != null ? aov : other.aov());
        }
    }

    /**
     * A month's targets, the sums of its days. {@code sales} is null when some day of the month has no
     * target; {@code edited} when the month was set on its own rather than from the year.
     */
    public record MonthTarget(YearMonth month, Long sales, Long uv, Double conversionRate, Long aov, Long orders,
                              boolean edited) {
    }

    /** An ISO week's targets (e.g. {@code 2025-W01}), cut to the year: {@code from} to {@code to}. */
    public record WeekTarget(String week, LocalDate from, LocalDate to, long sales, Long uv, Double conversionRate, Long aov,
                             Long orders) {
    }

    /**
     * A year's targets. {@code sales} is null when not every day has a target; {@code months} has all
     * twelve, {@code weeks} the weeks whose days all have targets, {@code days} the days that have one.
     */
    public record YearTargets(int year, Long sales, Basis basis, Baselines baselines, List<MonthTarget> months,
                              List<WeekTarget> weeks, List<DayTarget> days) {
    }

    // ------------------------------------------------------------------ the breakdowns

    /** Breaks the year's sales target down to months, weeks and days. */
    public static YearTargets year(int year, long sales, SalesHistory lastYear, Baselines baselines) {
        checkSales(sales);
        long[] weights = dayWeights(year, lastYear);
        List<YearMonth> months = new ArrayList<>();
        long[] monthWeights = new long[12];
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            months.add(month);
            int first = month.atDay(1).getDayOfYear() - 1;
            for (int d = 0; d < month.lengthOfMonth(); d++) {
                monthWeights[m - 1] = Math.addExact(monthWeights[m - 1], weights[first + d]);
            }
        }
        long[] monthSales = apportion(sales, monthWeights);
        List<DayTarget> days = new ArrayList<>();
        for (YearMonth month : months) {
            int first = month.atDay(1).getDayOfYear() - 1;
            long[] own = Arrays.copyOfRange(weights, first, first + month.lengthOfMonth());
            days.addAll(days(month, monthSales[month.getMonthValue() - 1], own, baselines));
        }
        return assemble(year, basis(year, lastYear), baselines, days, Map.of());
    }

    /**
     * Breaks one month's sales target down to its days, with the same day weights the year's breakdown
     * uses (so a month set on its own keeps the shape it had within the year).
     */
    public static List<DayTarget> month(YearMonth month, long sales, SalesHistory lastYear, Baselines baselines) {
        checkSales(sales);
        long[] weights = dayWeights(month.getYear(), lastYear);
        int first = month.atDay(1).getDayOfYear() - 1;
        return days(month, sales, Arrays.copyOfRange(weights, first, first + month.lengthOfMonth()), baselines);
    }

    /**
     * A month's sales target spread evenly over its days (a month that has no breakdown, such as the
     * monthly targets an import or the demo writes): the same exact apportionment, equal weights.
     */
    public static long[] flat(YearMonth month, long sales) {
        return apportion(sales, new long[month.lengthOfMonth()]);
    }

    private static List<DayTarget> days(YearMonth month, long sales, long[] weights, Baselines baselines) {
        long[] shares = apportion(sales, weights); // all-zero weights (a month that sold nothing) spread evenly
        List<DayTarget> days = new ArrayList<>(shares.length);
        for (int d = 0; d < shares.length; d++) {
            days.add(day(month.atDay(d + 1), shares[d], baselines));
        }
        return days;
    }

    /**
     * The day weights of {@code year}, one per day from 1 January: last year's sales on the same date,
     * scaled by the number of known days so that an unknown day can weigh exactly the known days'
     * average (their total) in whole numbers. All ones when last year has no sales to follow.
     */
    static long[] dayWeights(int year, SalesHistory lastYear) {
        int length = Year.of(year).length();
        LocalDate first = LocalDate.ofYearDay(year, 1);
        long knownDays = 0;
        long knownSales = 0;
        for (int d = 0; d < length; d++) {
            LocalDate then = first.plusDays(d).minusYears(1); // 29 February → 28 February
            if (lastYear.knows(then)) {
                knownDays++;
                knownSales = Math.addExact(knownSales, checkHistory(lastYear.sales(then), then));
            }
        }
        long[] weights = new long[length];
        if (knownSales == 0) {
            Arrays.fill(weights, 1);
            return weights;
        }
        for (int d = 0; d < length; d++) {
            LocalDate then = first.plusDays(d).minusYears(1);
            weights[d] = lastYear.knows(then) ? Math.multiplyExact(lastYear.sales(then), knownDays) : knownSales;
        }
        return weights;
    }

    /** {@link Basis#LAST_YEAR} when some day of last year that {@code year}'s days map to sold something. */
    public static Basis basis(int year, SalesHistory lastYear) {
        LocalDate first = LocalDate.ofYearDay(year, 1);
        for (int d = 0; d < Year.of(year).length(); d++) {
            if (lastYear.sales(first.plusDays(d).minusYears(1)) > 0) {
                return Basis.LAST_YEAR;
            }
        }
        return Basis.FLAT;
    }

    private static long checkHistory(long sales, LocalDate day) {
        if (sales < 0) {
            throw new IllegalArgumentException("last year's sales on " + day + " are negative: " + sales);
        }
        return sales;
    }

    private static void checkSales(long sales) {
        if (sales < 0 || sales > MAX_SALES) {
            throw new IllegalArgumentException("a sales target must be from 0 to " + MAX_SALES + " minor units, not " + sales);
        }
    }

    // ------------------------------------------------------------------ exact apportionment

    /**
     * Splits {@code total} over {@code weights} by the largest-remainder method: whole units that add up
     * to {@code total} exactly, each within one unit of its exact share; the units left over after
     * rounding every share down go to the largest remainders, the earlier index first on a tie. All-zero
     * weights count as equal.
     */
    public static long[] apportion(long total, long[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("cannot apportion a negative total: " + total);
        }
        int n = weights.length;
        if (n == 0) {
            if (total != 0) {
                throw new IllegalArgumentException("nothing to apportion " + total + " over");
            }
            return new long[0];
        }
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights cannot be negative: " + w);
            }
            sum = sum.add(BigInteger.valueOf(w));
        }
        long[] w = weights;
        if (sum.signum() == 0) {
            w = new long[n];
            Arrays.fill(w, 1);
            sum = BigInteger.valueOf(n);
        }
        long[] shares = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger t = BigInteger.valueOf(total);
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = t.multiply(BigInteger.valueOf(w[i])).divideAndRemainder(sum);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        long left = total - given; // fewer than n: each share lost less than one unit
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        BigInteger[] r = remainders;
        Arrays.sort(order, (a, b) -> {
            int c = r[b].compareTo(r[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = 0; k < left; k++) {
            shares[order[k]]++;
        }
        return shares;
    }

    // ------------------------------------------------------------------ a day's parts

    /** The day's targets for {@code sales}: UV × conversion rate × AOV, as far as the baselines allow. */
    public static DayTarget day(LocalDate day, long sales, Baselines baselines) {
        Long aov = baselines.aov();
        if (aov == null) {
            return new DayTarget(day, sales, null, null, null, null);
        }
        long orders = ceilDiv(sales, aov);
        Double rate = baselines.conversionRate();
        if (rate == null) {
            return new DayTarget(day, sales, null, null, aov, orders);
        }
        if (sales == 0) {
            return new DayTarget(day, 0, 0L, rate, aov, 0L);
        }
        // The rate as the decimal it is shown as (0.031, not its binary neighbour), so whole results stay whole.
        BigDecimal perVisitor = BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(aov));
        BigDecimal visitors = BigDecimal.valueOf(sales).divide(perVisitor, 0, RoundingMode.CEILING);
        long uv;
        try {
            uv = visitors.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a UV target of " + visitors + " cannot be right: check the conversion rate and AOV");
        }
        double conversion = BigDecimal.valueOf(sales)
                .divide(BigDecimal.valueOf(uv).multiply(BigDecimal.valueOf(aov)), MathContext.DECIMAL64).doubleValue();
        return new DayTarget(day, sales, uv, conversion, aov, orders);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    // ------------------------------------------------------------------ months, weeks and the year from days

    /**
     * The year's months and weeks summed from its days (those that have a target).
     *
     * @param edited the months set on their own
     */
    public static YearTargets assemble(int year, Basis basis, Baselines baselines, List<DayTarget> days,
                                       Map<YearMonth, Boolean> edited) {
        TreeMap<LocalDate, DayTarget> byDay = new TreeMap<>();
        for (DayTarget d : days) {
            if (d.day().getYear() != year) {
                throw new IllegalArgumentException(d.day() + " is not in " + year);
            }
            byDay.put(d.day(), d);
        }
        List<MonthTarget> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<DayTarget> own = new ArrayList<>(byDay.subMap(month.atDay(1), true, month.atEndOfMonth(), true).values());
            boolean complete = own.size() == month.lengthOfMonth();
            Sum s = Sum.of(own);
            months.add(complete
                    ? new MonthTarget(month, s.sales, s.uv, s.conversionRate(), s.aov, s.orders, edited.getOrDefault(month, false))
                    : new MonthTarget(month, null, null, null, null, null, edited.getOrDefault(month, false)));
        }
        List<WeekTarget> weeks = new ArrayList<>();
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        while (!start.isAfter(last)) {
            LocalDate end = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            if (end.isAfter(last)) {
                end = last;
            }
            List<DayTarget> own = new ArrayList<>(byDay.subMap(start, true, end, true).values());
            if (own.size() == start.until(end).getDays() + 1) {
                Sum s = Sum.of(own);
                String week = String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                weeks.add(new WeekTarget(week, start, end, s.sales, s.uv, s.conversionRate(), s.aov, s.orders));
            }
            start = end.plusDays(1);
        }
        Long sales = byDay.size() == Year.of(year).length() ? Sum.of(byDay.values()).sales : null;
        return new YearTargets(year, sales, basis, baselines, months, weeks, List.copyOf(byDay.values()));
    }

    /**
     * Days added up: sales, visitors and orders summed (null when a day lacks one); the AOV the days
     * share, or sales ÷ orders when they differ; the conversion rate that makes UV × rate × AOV the sales.
     */
    private record Sum(long sales, Long uv, Long aov, Long orders, Double sharedRate) {

        static Sum of(Iterable<DayTarget> days) {
            long sales = 0;
            Long uv = 0L;
            Long orders = 0L;
            Long aov = null;
            boolean sameAov = true;
            boolean anyAov = false;
            boolean allAov = true;
            Double rate = null;
            boolean sameRate = true;
            boolean first = true;
            for (DayTarget d : days) {
                sales = Math.addExact(sales, d.sales());
                uv = uv == null || d.uv() == null ? null : Math.addExact(uv, d.uv());
                orders = orders == null || d.orders() == null ? null : Math.addExact(orders, d.orders());
                if (d.aov() == null) {
                    allAov = false;
                } else {
                    sameAov &= !anyAov || Objects.equals(aov, d.aov());
                    aov = d.aov();
                    anyAov = true;
                }
                sameRate &= first || Objects.equals(rate, d.conversionRate());
                rate = d.conversionRate();
                first = false;
            }
            Long common = !allAov || !anyAov ? null
                    : sameAov ? aov : orders != null && orders > 0 ? Math.round((double) sales / orders) : null;
            return new Sum(sales, uv, common, orders, sameRate ? rate : null);
        }

        Double conversionRate() {
            if (uv != null && aov != null && uv > 0) {
                return BigDecimal.valueOf(sales)
                        .divide(BigDecimal.valueOf(uv).multiply(BigDecimal.valueOf(aov)), MathContext.DECIMAL64).doubleValue();
            }
            return sharedRate;
        }
    }
}
