package com.shopops.platform.targets;

import com.shopops.api.domain.DayTarget;
import com.shopops.platform.targets.TargetPlan.Baselines;
import com.shopops.platform.targets.TargetPlan.Basis;
import com.shopops.platform.targets.TargetPlan.MonthTarget;
import com.shopops.platform.targets.TargetPlan.SalesHistory;
import com.shopops.platform.targets.TargetPlan.YearTargets;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A shop's targets in the core {@code targets} table, on SQLite and PostgreSQL alike. A breakdown is
 * stored as rows per period and metric: the year ({@code sales}, the baselines it was split with and
 * its basis), each month ({@code sales}, {@code uv}, {@code conversionRate}, {@code aov},
 * {@code orders}, and {@code edited} when set on its own) and each day (the same five), so that
 * anything reading the table (a plugin through {@code ShopData.targets}) sees months as the demo writes
 * them and days as a check needs them. Reading, a day without a day row but inside a month that has a
 * monthly {@code sales} target counts as that month spread evenly ({@link TargetPlan#flat}).
 */
public final class TargetStore {

    /** Metric names in the {@code targets} table. */
    public static final String SALES = "sales";
    public static final String UV = "uv";
    public static final String CONVERSION_RATE = "conversionRate";
    public static final String AOV = "aov";
    public static final String ORDERS = "orders";
    /** On a month: 1 when the month was set on its own. */
    public static final String EDITED = "edited";
    /** On the year: the conversion rate and AOV its days were split with. */
    public static final String BASELINE_CONVERSION_RATE = "baselineConversionRate";
    public static final String BASELINE_AOV = "baselineAov";
    /** On the year: 1 when the weights followed last year's sales, 0 when flat. */
    public static final String BASIS = "basis";

    /** How many of the latest days of history the baselines come from. */
    public static final int BASELINE_DAYS = 90;

    private final Jdbi jdbi;

    public TargetStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The conversion rate and AOV of the shop's latest {@value #BASELINE_DAYS} days of history: buyers ÷
     * visitors over the traffic rows of source {@code all}, and sales ÷ orders over the orders (cancelled
     * ones left out), each over its own latest days. A figure without history (or an implausible rate)
     * is null, with its range.
     */
    public record HistoryBaselines(Double conversionRate, LocalDate trafficFrom, LocalDate trafficTo, Long aov,
                                   LocalDate ordersFrom, LocalDate ordersTo) {

        /** As baselines for a breakdown. */
        public Baselines baselines() {
            return new Baselines(conversionRate, aov);
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * The sum of the daily sales targets from {@code from} to {@code to} (inclusive); empty when some day
     * of the range has no target at all.
     */
    public OptionalLong salesTarget(long shopId, LocalDate from, LocalDate to) {
        checkRange(from, to);
        List<DayTarget> days = days(shopId, from, to);
        if (days.size() != ChronoUnit.DAYS.between(from, to) + 1) {
            return OptionalLong.empty();
        }
        long sum = 0;
        for (DayTarget d : days) {
            sum = Math.addExact(sum, d.sales());
        }
        return OptionalLong.of(sum);
    }

    /** The day's targets, if it has any. */
    public Optional<DayTarget> day(long shopId, LocalDate day) {
        List<DayTarget> found = days(shopId, day, day);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The targets of the days from {@code from} to {@code to} that have one, by day. */
    public List<DayTarget> days(long shopId, LocalDate from, LocalDate to) {
        checkRange(from, to);
        return jdbi.withHandle(h -> days(h, shopId, from, to));
    }

    /** A year's targets as stored: months, weeks and days, the baselines and basis of its breakdown. */
    public YearTargets year(long shopId, int year) {
        checkYear(year);
        return jdbi.withHandle(h -> year(h, shopId, year));
    }

    /** Last year's daily sales as the history a breakdown of {@code year} follows. */
    public SalesHistory lastYear(long shopId, int year) {
        checkYear(year);
        return jdbi.withHandle(h -> lastYear(h, shopId, year));
    }

    /** The baselines the shop's own recent history gives. */
    public HistoryBaselines baselines(long shopId) {
        return jdbi.withHandle(h -> baselines(h, shopId));
    }

    private static List<DayTarget> days(Handle h, long shopId, LocalDate from, LocalDate to) {
        Rows rows = Rows.read(h, shopId, from, to);
        List<DayTarget> days = new ArrayList<>();
        Map<YearMonth, List<DayTarget>> spread = new HashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Map<String, Double> own = rows.days.get(d);
            if (own != null && own.containsKey(SALES)) {
                days.add(new DayTarget(d, whole(own.get(SALES)), wholeOrNull(own.get(UV)), own.get(CONVERSION_RATE),
                        wholeOrNull(own.get(AOV)), wholeOrNull(own.get(ORDERS))));
                continue;
            }
            YearMonth month = YearMonth.from(d);
            Map<String, Double> monthly = rows.months.get(month);
            if (monthly != null && monthly.containsKey(SALES)) {
                days.add(spread.computeIfAbsent(month, m -> spread(m, monthly)).get(d.getDayOfMonth() - 1));
            }
        }
        return days;
    }

    /** A month that has only monthly targets, spread evenly over its days. */
    private static List<DayTarget> spread(YearMonth month, Map<String, Double> monthly) {
        long[] sales = TargetPlan.flat(month, whole(monthly.get(SALES)));
        long[] uv = monthly.containsKey(UV) ? TargetPlan.flat(month, whole(monthly.get(UV))) : null;
        long[] orders = monthly.containsKey(ORDERS) ? TargetPlan.flat(month, whole(monthly.get(ORDERS))) : null;
        Long aov = wholeOrNull(monthly.get(AOV));
        List<DayTarget> days = new ArrayList<>(sales.length);
        for (int i = 0; i < sales.length; i++) {
            Long dayOrders = orders != null ? Long.valueOf(orders[i])
                    : aov != null && aov > 0 ? Long.valueOf(-Math.floorDiv(-sales[i], aov)) : null;
            days.add(new DayTarget(month.atDay(i + 1), sales[i], uv == null ? null : uv[i], monthly.get(CONVERSION_RATE), aov,
                    dayOrders));
        }
        return days;
    }

    private static YearTargets year(Handle h, long shopId, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Rows rows = Rows.read(h, shopId, first, last);
        Map<YearMonth, Boolean> edited = new HashMap<>();
        rows.months.forEach((m, metrics) -> {
            if (metrics.getOrDefault(EDITED, 0.0) > 0) {
                edited.put(m, true);
            }
        });
        Map<String, Double> yearly = rows.years.getOrDefault(year, Map.of());
        Baselines baselines = storedBaselines(yearly);
        Basis basis = !yearly.containsKey(BASIS) ? null : yearly.get(BASIS) > 0 ? Basis.LAST_YEAR : Basis.FLAT;
        return TargetPlan.assemble(year, basis, baselines, days(h, shopId, first, last), edited);
    }

    private static Baselines storedBaselines(Map<String, Double> yearly) {
        Double rate = yearly.get(BASELINE_CONVERSION_RATE);
        Long aov = wholeOrNull(yearly.get(BASELINE_AOV));
        return yearly.containsKey(BASELINE_CONVERSION_RATE) || yearly.containsKey(BASELINE_AOV) ? new Baselines(rate, aov) : null;
    }

    private static SalesHistory lastYear(Handle h, long shopId, int year) {
        LocalDate first = LocalDate.of(year - 1, 1, 1);
        LocalDate last = LocalDate.of(year - 1, 12, 31);
        // Known: the days between the shop's first and last order; a day in between without orders sold nothing.
        String[] range = h.createQuery("SELECT MIN(day), MAX(day) FROM orders WHERE shop_id = :shop")
                .bind("shop", shopId).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).one();
        if (range[0] == null) {
            return SalesHistory.none();
        }
        LocalDate from = max(first, LocalDate.parse(range[0]));
        LocalDate to = min(last, LocalDate.parse(range[1]));
        if (from.isAfter(to)) {
            return SalesHistory.none();
        }
        Map<LocalDate, Long> daily = new TreeMap<>();
        h.createQuery("""
                        SELECT day, SUM(amount) FROM orders
                        WHERE shop_id = :shop AND status <> 'CANCELLED' AND day BETWEEN :from AND :to GROUP BY day""")
                .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString(1)), Math.max(0L, rs.getLong(2))))
                .forEach(e -> daily.put(e.getKey(), e.getValue()));
        return new SalesHistory(from, to, daily);
    }

    private static HistoryBaselines baselines(Handle h, long shopId) {
        Double rate = null;
        LocalDate trafficFrom = null;
        LocalDate trafficTo = null;
        String lastTraffic = h.createQuery("SELECT MAX(day) FROM traffic_days WHERE shop_id = :shop AND source = 'all'")
                .bind("shop", shopId).mapTo(String.class).one();
        if (lastTraffic != null) {
            trafficTo = LocalDate.parse(lastTraffic);
            trafficFrom = trafficTo.minusDays(BASELINE_DAYS - 1);
            long[] sums = h.createQuery("""
                            SELECT COALESCE(SUM(buyers), 0), COALESCE(SUM(uv), 0) FROM traffic_days
                            WHERE shop_id = :shop AND source = 'all' AND day BETWEEN :from AND :to""")
                    .bind("shop", shopId).bind("from", trafficFrom.toString()).bind("to", trafficTo.toString())
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
            if (sums[1] > 0) {
                double r = BigDecimal.valueOf(sums[0]).divide(BigDecimal.valueOf(sums[1]), 6, RoundingMode.HALF_UP).doubleValue();
                rate = r >= TargetPlan.MIN_CONVERSION_RATE && r <= 1 ? r : null; // more buyers than visitors: not a rate
            }
        }
        Long aov = null;
        LocalDate ordersFrom = null;
        LocalDate ordersTo = null;
        String lastOrder = h.createQuery("SELECT MAX(day) FROM orders WHERE shop_id = :shop AND status <> 'CANCELLED'")
                .bind("shop", shopId).mapTo(String.class).one();
        if (lastOrder != null) {
            ordersTo = LocalDate.parse(lastOrder);
            ordersFrom = ordersTo.minusDays(BASELINE_DAYS - 1);
            long[] sums = h.createQuery("""
                            SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM orders
                            WHERE shop_id = :shop AND status <> 'CANCELLED' AND day BETWEEN :from AND :to""")
                    .bind("shop", shopId).bind("from", ordersFrom.toString()).bind("to", ordersTo.toString())
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
            if (sums[0] > 0 && sums[1] > 0) {
                long a = BigDecimal.valueOf(sums[1]).divide(BigDecimal.valueOf(sums[0]), 0, RoundingMode.HALF_UP).longValueExact();
                aov = a >= 1 && a <= TargetPlan.MAX_AOV ? a : null;
            }
        }
        return new HistoryBaselines(rate, trafficFrom, trafficTo, aov, ordersFrom, ordersTo);
    }

    // ------------------------------------------------------------------ writing

    /**
     * Breaks {@code sales} down over the year and stores it in one transaction, in place of every target
     * stored for a period inside the year (the previous breakdown, monthly targets an import wrote).
     *
     * @param given the conversion rate and AOV to split days with; where null, the shop's history's
     */
    public YearTargets setYear(long shopId, int year, long sales, Baselines given) {
        checkYear(year);
        return jdbi.inTransaction(h -> {
            Baselines baselines = (given == null ? Baselines.UNKNOWN : given).or(baselines(h, shopId).baselines());
            YearTargets plan = TargetPlan.year(year, sales, lastYear(h, shopId, year), baselines);
            delete(h, shopId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            PreparedBatch batch = insert(h);
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            add(batch, shopId, first, last, SALES, sales);
            add(batch, shopId, first, last, BASELINE_CONVERSION_RATE, baselines.conversionRate());
            add(batch, shopId, first, last, BASELINE_AOV, baselines.aov());
            add(batch, shopId, first, last, BASIS, plan.basis() == Basis.LAST_YEAR ? 1 : 0);
            for (MonthTarget m : plan.months()) {
                addMonth(batch, shopId, m);
            }
            for (DayTarget d : plan.days()) {
                addDay(batch, shopId, d);
            }
            batch.execute();
            return year(h, shopId, year);
        });
    }

    /**
     * Sets one month's sales target and breaks it down to its days (with the year's baselines, or the
     * history's when the year has none yet); the year's target becomes the sum of its months when all
     * twelve have one. One transaction.
     */
    public YearTargets setMonth(long shopId, YearMonth month, long sales) {
        int year = month.getYear();
        checkYear(year);
        return jdbi.inTransaction(h -> {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            Map<String, Double> yearly = Rows.read(h, shopId, first, last).years.getOrDefault(year, Map.of());
            Baselines baselines = storedBaselines(yearly);
            SalesHistory history = lastYear(h, shopId, year);
            PreparedBatch batch = insert(h);
            if (baselines == null) {
                baselines = baselines(h, shopId).baselines();
                add(batch, shopId, first, last, BASELINE_CONVERSION_RATE, baselines.conversionRate());
                add(batch, shopId, first, last, BASELINE_AOV, baselines.aov());
            }
            if (!yearly.containsKey(BASIS)) {
                add(batch, shopId, first, last, BASIS, TargetPlan.basis(year, history) == Basis.LAST_YEAR ? 1 : 0);
            }
            List<DayTarget> days = TargetPlan.month(month, sales, history, baselines);
            delete(h, shopId, month.atDay(1), month.atEndOfMonth());
            MonthTarget m = TargetPlan.assemble(year, null, baselines, days, Map.of(month, true)).months()
                    .get(month.getMonthValue() - 1);
            addMonth(batch, shopId, m);
            for (DayTarget d : days) {
                addDay(batch, shopId, d);
            }
            batch.execute();

            // The year's sales target follows its months.
            h.createUpdate("DELETE FROM targets WHERE shop_id = :shop AND period_from = :from AND period_to = :to AND metric = :metric")
                    .bind("shop", shopId).bind("from", first.toString()).bind("to", last.toString()).bind("metric", SALES).execute();
            YearTargets now = year(h, shopId, year);
            if (now.sales() != null) {
                PreparedBatch total = insert(h);
                add(total, shopId, first, last, SALES, now.sales());
                total.execute();
            }
            return now;
        });
    }

    private static void delete(Handle h, long shopId, LocalDate from, LocalDate to) {
        h.createUpdate("DELETE FROM targets WHERE shop_id = :shop AND period_from >= :from AND period_to <= :to")
                .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString()).execute();
    }

    private static PreparedBatch insert(Handle h) {
        return h.prepareBatch("INSERT INTO targets (shop_id, period_from, period_to, metric, value) VALUES (:shop, :from, :to, :metric, :value)");
    }

    private static void addMonth(PreparedBatch batch, long shopId, MonthTarget m) {
        LocalDate from = m.month().atDay(1);
        LocalDate to = m.month().atEndOfMonth();
        add(batch, shopId, from, to, SALES, m.sales());
        add(batch, shopId, from, to, UV, m.uv());
        add(batch, shopId, from, to, CONVERSION_RATE, m.conversionRate());
        add(batch, shopId, from, to, AOV, m.aov());
        add(batch, shopId, from, to, ORDERS, m.orders());
        if (m.edited()) {
            add(batch, shopId, from, to, EDITED, 1);
        }
    }

    private static void addDay(PreparedBatch batch, long shopId, DayTarget d) {
        add(batch, shopId, d.day(), d.day(), SALES, d.sales());
        add(batch, shopId, d.day(), d.day(), UV, d.uv());
        add(batch, shopId, d.day(), d.day(), CONVERSION_RATE, d.conversionRate());
        add(batch, shopId, d.day(), d.day(), AOV, d.aov());
        add(batch, shopId, d.day(), d.day(), ORDERS, d.orders());
    }

    private static void add(PreparedBatch batch, long shopId, LocalDate from, LocalDate to, String metric, Number value) {
        if (value != null) {
            batch.bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString()).bind("metric", metric)
                    .bind("value", value.doubleValue()).add();
        }
    }

    // ------------------------------------------------------------------ small pieces

    /** The rows of periods overlapping a range, by kind of period: days, calendar months, calendar years. */
    private record Rows(Map<LocalDate, Map<String, Double>> days, Map<YearMonth, Map<String, Double>> months,
                        Map<Integer, Map<String, Double>> years) {

        static Rows read(Handle h, long shopId, LocalDate from, LocalDate to) {
            Rows rows = new Rows(new HashMap<>(), new HashMap<>(), new HashMap<>());
            record Row(LocalDate from, LocalDate to, String metric, double value) {
            }
            List<Row> found = h.createQuery("""
                            SELECT period_from, period_to, metric, value FROM targets
                            WHERE shop_id = :shop AND period_from <= :to AND period_to >= :from""")
                    .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString())
                    .map((rs, ctx) -> new Row(LocalDate.parse(rs.getString(1)), LocalDate.parse(rs.getString(2)), rs.getString(3),
                            rs.getDouble(4)))
                    .list();
            for (Row r : found) {
                if (r.from().equals(r.to())) {
                    rows.days.computeIfAbsent(r.from(), k -> new HashMap<>()).put(r.metric(), r.value());
                } else if (r.from().getDayOfMonth() == 1 && r.to().equals(YearMonth.from(r.from()).atEndOfMonth())) {
                    rows.months.computeIfAbsent(YearMonth.from(r.from()), k -> new HashMap<>()).put(r.metric(), r.value());
                } else if (r.from().getDayOfYear() == 1 && r.to().equals(LocalDate.of(r.from().getYear(), 12, 31))) {
                    rows.years.computeIfAbsent(r.from().getYear(), k -> new HashMap<>()).put(r.metric(), r.value());
                }
            }
            return rows;
        }
    }

    /** The years a breakdown can be made for. */
    public static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year must be from 2000 to 2100, not " + year);
        }
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("give both the first and the last day");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > 366L * 20) {
            throw new IllegalArgumentException("ask for at most twenty years of daily targets at a time");
        }
    }

    private static long whole(Double value) {
        return Math.round(value);
    }

    private static Long wholeOrNull(Double value) {
        return value == null ? null : Math.round(value);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
