import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The measuring half of the KPI and briefing bench: times ShopOps' answers over HTTP (an API token, warm-up
 * calls first, then median and p95 of N calls) next to DuckDB computing the same figures from the same CSV
 * files in this process, checks that the figures are equal, and prints both with their ratio and whether
 * ShopOps answered under 200 ms.
 *
 * <p>DuckDB's figures follow the definitions ShopOps serves with {@code /kpis}: orders that count are the
 * ones not CANCELLED on the days of the range; buyers are each day's distinct customers plus its guest
 * orders, summed over the days; uv is the sum of the daily {@code all} rows, null unless every day has one;
 * conversion = buyers ÷ uv; AOV = sales ÷ buyers rounded; refund rate = orders with a refund ÷ orders;
 * order figures are null for a range outside the days with orders or traffic. Each is computed for the
 * range, the same number of days before and the same days a year earlier, as ShopOps does.
 *
 * <p>Run (from bench/kpi-briefing/run): java -cp "DIST/lib/*:duckdb_jdbc.jar" Measure.java URL TOKEN SHOP
 * CSV_DIR END_DAY CALLS WARMUP
 */
public class Measure {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] KPIS = {"sales", "orders", "buyers", "uv", "conversionRate", "aov", "refundRate"};
    static final double LIMIT_MS = 200;
    static final double BUDGET_MS = 60_000;
    static final int MIN_CALLS = 5;

    static HttpClient http;
    static String base;
    static String token;
    static int calls;
    static int warmup;

    record Period(LocalDate from, LocalDate to) {
        long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }

        Period previous() {
            return new Period(from.minusDays(days()), from.minusDays(1));
        }

        Period lastYear() {
            return new Period(from.minusYears(1), to.minusYears(1));
        }

        @Override
        public String toString() {
            return from + ".." + to;
        }
    }

    /**
     * The first call's time (the first warm-up call: nothing the server keeps for this case's question yet,
     * unless a case before it asked the same range), median and 95th percentile (nearest rank) of the n timed
     * calls, in ms, and the last call's answer.
     */
    record Timed<T>(double first, double median, double p95, int n, T last) {
    }

    record Row(String name, Timed<?> ours, Timed<?> reference, String check) {
    }

    public static void main(String[] args) throws Exception {
        base = args[0].replaceAll("/$", "") + "/api/shops/" + args[2];
        token = args[1];
        Path csv = Path.of(args[3]);
        LocalDate end = LocalDate.parse(args[4]);
        calls = Integer.parseInt(args[5]);
        warmup = Integer.parseInt(args[6]);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

        Class.forName("org.duckdb.DuckDBDriver");
        List<Row> rows = new ArrayList<>();
        boolean allEqual = true;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            long start = System.nanoTime();
            load(duck, csv);
            System.out.printf(Locale.ROOT, "DuckDB: loaded the same CSV files into memory in %.1f s%n", (System.nanoTime() - start) / 1e9);

            Period month = new Period(end.withDayOfMonth(1), end);
            Period year = new Period(end.withDayOfYear(1), end);
            Period all = new Period(end.minusYears(3).plusDays(1), end);
            for (var c : List.of(Map.entry("kpis, month " + month, month), Map.entry("kpis, year " + year, year),
                    Map.entry("kpis, 3 years " + all, all))) {
                Period p = c.getValue();
                String path = "/p/traffic/kpis?from=" + p.from() + "&to=" + p.to();
                Timed<JsonNode> ours = time(() -> get(path));
                Timed<Map<String, Object[]>> ref = time(() -> kpis(duck, p));
                List<String> diffs = compareKpis(ours.last(), ref.last());
                allEqual &= diffs.isEmpty();
                rows.add(new Row(c.getKey(), ours, ref, diffs.isEmpty() ? "equal (7 figures × value, previous, last year)"
                        : "DIFFERENT: " + String.join("; ", diffs)));
            }
            for (var c : List.of(Map.entry("decomposition, month " + month, month), Map.entry("decomposition, year " + year, year))) {
                Period p = c.getValue();
                String path = "/p/traffic/decomposition?from=" + p.from() + "&to=" + p.to();
                Timed<JsonNode> ours = time(() -> get(path));
                Timed<Decomposition> ref = time(() -> decomposition(duck, p, p.previous()));
                List<String> diffs = compareDecomposition(ours.last(), ref.last());
                allEqual &= diffs.isEmpty();
                rows.add(new Row(c.getKey(), ours, ref, diffs.isEmpty()
                        ? "equal (sales, buyers, uv of both ranges, uv of " + ref.last().sources().size() + " source rows)"
                        : "DIFFERENT: " + String.join("; ", diffs)));
            }
            // The stored briefing is read back after the first call; a remake gathers the findings again.
            String briefing = "/briefing?date=" + end;
            Callable<Object> briefingRef = () -> briefingQuestions(duck, end);
            Timed<JsonNode> stored = time(() -> get(briefing));
            rows.add(new Row("briefing " + end + ", stored (GET)", stored, null, briefingCheck(stored.last())
                    + "; read back as stored, so no reference"));
            Timed<JsonNode> remade = time(() -> post(briefing));
            Timed<Object> remadeRef = time(briefingRef);
            String remakeCheck = briefingCheck(remade.last());
            allEqual &= !remakeCheck.startsWith("PROBLEM");
            rows.add(new Row("briefing " + end + ", remade (POST)", remade, remadeRef, remakeCheck));
        }

        System.out.printf(Locale.ROOT, "%n%d warm-up calls, then %d timed calls each (n: fewer when they took over %.0f s);"
                + " first = the first (cold) call, the first warm-up; ms = median / p95 of the timed calls; ratio = medians%n%n",
                warmup, calls, BUDGET_MS / 1000);
        System.out.printf(Locale.ROOT, "%-45s %8s %19s %4s %17s %9s %8s%n", "case", "first", "ShopOps ms", "n", "DuckDB ms",
                "ratio", "<200 ms");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-45s %8.0f %19s %4d %17s %9s %8s%n", r.name(), r.ours().first(), ms(r.ours()),
                    r.ours().n(),
                    r.reference() == null ? "—" : ms(r.reference()),
                    r.reference() == null ? "—" : String.format(Locale.ROOT, "%.1fx", r.ours().median() / r.reference().median()),
                    r.ours().median() < LIMIT_MS ? "yes" : "NO");
        }
        System.out.println();
        for (Row r : rows) {
            System.out.printf("%-45s %s%n", r.name(), r.check());
        }
        if (!allEqual) {
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------ timing

    /**
     * Warm-up calls, then {@link #calls} timed ones, stopping early after {@link #BUDGET_MS} of timed calls
     * (but not before {@link #MIN_CALLS}), so that a slow case cannot make the run last an hour.
     */
    static <T> Timed<T> time(Callable<T> call) throws Exception {
        T last = null;
        double first = -1;
        for (int i = 0; i < warmup; i++) {
            long start = System.nanoTime();
            last = call.call();
            if (i == 0) {
                first = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] ms = new double[calls];
        double spent = 0;
        int n = 0;
        while (n < calls && (n < MIN_CALLS || spent < BUDGET_MS)) {
            long start = System.nanoTime();
            last = call.call();
            ms[n] = (System.nanoTime() - start) / 1e6;
            if (first < 0) {
                first = ms[n]; // no warm-up: the first timed call is the cold one
            }
            spent += ms[n++];
        }
        ms = Arrays.copyOf(ms, n);
        Arrays.sort(ms);
        double median = n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
        double p95 = ms[(int) Math.ceil(0.95 * n) - 1];
        return new Timed<>(first, median, p95, n, last);
    }

    static String ms(Timed<?> t) {
        return t.median() < 10 ? String.format(Locale.ROOT, "%.1f / %.1f", t.median(), t.p95())
                : String.format(Locale.ROOT, "%.0f / %.0f", t.median(), t.p95());
    }

    // ------------------------------------------------------------------ ShopOps over HTTP

    static JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    static JsonNode post(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> answer = http.send(request.header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(answer.request().method() + " " + answer.uri() + " answered " + answer.statusCode() + ": "
                    + new String(answer.body()));
        }
        return JSON.readTree(answer.body());
    }

    // ------------------------------------------------------------------ DuckDB

    /**
     * Loads the CSV files into tables shaped like ShopOps' core tables: customers and orders with integer ids
     * (orders in day order, as an index on the day would give them), the order's amount the sum of its lines
     * in fen, refunds pointing at the order's id, traffic and events as they are.
     */
    static void load(Connection duck, Path dir) throws SQLException {
        try (Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE lines AS SELECT * FROM " + csv(dir.resolve("orders.csv"), """
                    'order_id': 'VARCHAR', 'customer': 'VARCHAR', 'created_at': 'TIMESTAMP', 'paid_at': 'TIMESTAMP',
                    'status': 'VARCHAR', 'sku': 'VARCHAR', 'title': 'VARCHAR', 'quantity': 'BIGINT',
                    'unit_price': 'DECIMAL(18,2)', 'source': 'VARCHAR'"""));
            s.execute("""
                    CREATE TABLE customers AS SELECT row_number() OVER (ORDER BY external_id) AS id, external_id
                    FROM (SELECT DISTINCT customer AS external_id FROM lines WHERE customer <> '')""");
            // An order is its lines: the header fields repeat on each line; the amount is their sum in fen.
            s.execute("""
                    CREATE TABLE orders AS
                    SELECT row_number() OVER (ORDER BY o.day, o.external_id) AS id, o.external_id, c.id AS customer_id, o.day,
                           o.status, o.amount
                    FROM (SELECT order_id AS external_id, first(customer) AS customer, CAST(first(created_at) AS DATE) AS day,
                                 first(status) AS status, CAST(sum(quantity * CAST(unit_price * 100 AS BIGINT)) AS BIGINT) AS amount
                          FROM lines GROUP BY order_id) o
                    LEFT JOIN customers c ON c.external_id = o.customer ORDER BY id""");
            s.execute("CREATE TABLE refunds AS SELECT o.id AS order_id, r.refund_id, r.\"at\", r.amount FROM " + csv(dir.resolve("refunds.csv"), """
                    'refund_id': 'VARCHAR', 'order_id': 'VARCHAR', 'at': 'TIMESTAMP', 'amount': 'DECIMAL(18,2)', 'reason': 'VARCHAR'""")
                    + " r JOIN orders o ON o.external_id = r.order_id");
            s.execute("CREATE TABLE traffic AS SELECT * FROM " + csv(dir.resolve("traffic.csv"), """
                    'day': 'DATE', 'source': 'VARCHAR', 'uv': 'BIGINT', 'pv': 'BIGINT', 'bounce_rate': 'DOUBLE',
                    'avg_stay_seconds': 'DOUBLE', 'buyers': 'BIGINT', 'paid_amount': 'DECIMAL(18,2)'"""));
            s.execute("CREATE TABLE events AS SELECT *, CAST(\"at\" AS DATE) AS day FROM " + csv(dir.resolve("events.csv"), """
                    'user_id': 'VARCHAR', 'item_id': 'VARCHAR', 'category_id': 'VARCHAR', 'type': 'VARCHAR', 'at': 'TIMESTAMP'"""));
            s.execute("DROP TABLE lines");
        }
    }

    static String csv(Path file, String columns) {
        return "read_csv('" + file.toAbsolutePath().toString().replace("'", "''") + "', header = true, columns = {" + columns + "})";
    }

    /** The days with known orders, as ShopOps' coverage: first order to the last day with orders or shop-total traffic. */
    static Period coverage(Connection duck) throws SQLException {
        try (Statement s = duck.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT (SELECT min(day) FROM orders), greatest((SELECT max(day) FROM orders),
                            (SELECT max(day) FROM traffic WHERE source = 'all'))""")) {
            rs.next();
            return new Period(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate());
        }
    }

    static boolean known(Period coverage, Period p) {
        return !p.from().isBefore(coverage.from()) && !p.to().isAfter(coverage.to());
    }

    /** One range's figures: parameters from, to (orders), from, to (traffic), number of days. */
    private static final String KPI_SQL = """
            WITH d AS (SELECT day, count(*) AS n, sum(amount) AS sales,
                              count(DISTINCT customer_id) + count(*) - count(customer_id) AS buyers,
                              count(*) FILTER (WHERE id IN (SELECT order_id FROM refunds)) AS refunded
                       FROM orders WHERE day BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) AND status <> 'CANCELLED' GROUP BY day),
            od AS (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS orders, CAST(coalesce(sum(sales), 0) AS BIGINT) AS sales,
                          CAST(coalesce(sum(buyers), 0) AS BIGINT) AS buyers, CAST(coalesce(sum(refunded), 0) AS BIGINT) AS refunded
                   FROM d),
            tr AS (SELECT count(*) AS days, CAST(sum(uv) AS BIGINT) AS uv FROM traffic
                   WHERE source = 'all' AND day BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)),
            f AS (SELECT od.*, CASE WHEN tr.days = ? THEN tr.uv END AS uv FROM od, tr)
            SELECT sales, orders, buyers, uv, CAST(buyers AS DOUBLE) / NULLIF(uv, 0) AS conversion,
                   CAST(round(CAST(sales AS DOUBLE) / NULLIF(buyers, 0)) AS BIGINT) AS aov,
                   CAST(refunded AS DOUBLE) / NULLIF(orders, 0) AS refund_rate
            FROM f""";

    /** The seven figures of the range, the range before and last year's, by name: {value, previous, lastYear}. */
    static Map<String, Object[]> kpis(Connection duck, Period p) throws SQLException {
        Period coverage = coverage(duck);
        Period[] periods = {p, p.previous(), p.lastYear()};
        Map<String, Object[]> out = new LinkedHashMap<>();
        for (String name : KPIS) {
            out.put(name, new Object[3]);
        }
        try (PreparedStatement ps = duck.prepareStatement(KPI_SQL)) {
            for (int k = 0; k < 3; k++) {
                bindRange(ps, periods[k]);
                boolean known = known(coverage, periods[k]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.get("sales")[k] = known ? rs.getLong(1) : null;
                    out.get("orders")[k] = known ? rs.getLong(2) : null;
                    out.get("buyers")[k] = known ? rs.getLong(3) : null;
                    out.get("uv")[k] = rs.getObject(4);
                    out.get("conversionRate")[k] = known ? rs.getObject(5) : null;
                    out.get("aov")[k] = known ? rs.getObject(6) : null;
                    out.get("refundRate")[k] = known ? rs.getObject(7) : null;
                }
            }
        }
        return out;
    }

    record Decomposition(Object[] sales, Object[] buyers, Object[] uv, Map<String, long[]> sources) {
    }

    /** One range's sales, buyers and uv: parameters from, to (orders), from, to (traffic), number of days. */
    private static final String DECOMPOSITION_SQL = """
            WITH d AS (SELECT day, sum(amount) AS sales, count(DISTINCT customer_id) + count(*) - count(customer_id) AS buyers
                       FROM orders WHERE day BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) AND status <> 'CANCELLED' GROUP BY day),
            tr AS (SELECT count(*) AS days, CAST(sum(uv) AS BIGINT) AS uv FROM traffic
                   WHERE source = 'all' AND day BETWEEN CAST(? AS DATE) AND CAST(? AS DATE))
            SELECT CAST(coalesce(sum(d.sales), 0) AS BIGINT), CAST(coalesce(sum(d.buyers), 0) AS BIGINT),
                   CASE WHEN any_value(tr.days) = ? THEN any_value(tr.uv) END
            FROM tr LEFT JOIN d ON true""";

    /** Visitors per source other than all: parameters from, to. */
    private static final String SOURCES_SQL = """
            SELECT source, CAST(sum(uv) AS BIGINT) FROM traffic
            WHERE source <> 'all' AND day BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY source""";

    /** The decomposition's inputs: sales, buyers and uv of both ranges, and each source's visitors. */
    static Decomposition decomposition(Connection duck, Period p, Period base) throws SQLException {
        Period coverage = coverage(duck);
        Period[] periods = {p, base};
        Object[] sales = new Object[2];
        Object[] buyers = new Object[2];
        Object[] uv = new Object[2];
        Map<String, long[]> sources = new TreeMap<>();
        try (PreparedStatement ps = duck.prepareStatement(DECOMPOSITION_SQL);
             PreparedStatement bySource = duck.prepareStatement(SOURCES_SQL)) {
            for (int k = 0; k < 2; k++) {
                bindRange(ps, periods[k]);
                boolean known = known(coverage, periods[k]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sales[k] = known ? rs.getLong(1) : null;
                    buyers[k] = known ? rs.getLong(2) : null;
                    uv[k] = rs.getObject(3);
                }
                bySource.setDate(1, Date.valueOf(periods[k].from()));
                bySource.setDate(2, Date.valueOf(periods[k].to()));
                try (ResultSet rs = bySource.executeQuery()) {
                    while (rs.next()) {
                        sources.computeIfAbsent(rs.getString(1), x -> new long[2])[k] = rs.getLong(2);
                    }
                }
            }
        }
        return new Decomposition(sales, buyers, uv, sources);
    }

    private static final String FUNNEL_SQL = """
            SELECT count(DISTINCT user_id), count(*) FILTER (WHERE type = 'view'), count(*) FILTER (WHERE type = 'favourite'),
                   count(*) FILTER (WHERE type = 'cart'), count(*) FILTER (WHERE type = 'buy'),
                   count(DISTINCT user_id) FILTER (WHERE type = 'buy')
            FROM events WHERE day BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)""";

    /**
     * The data questions the briefing's findings ask, answered by DuckDB: the day against the same weekday a
     * week before (decomposition inputs), the 30 days' KPIs with their previous and last year's, the 7 days'
     * funnel and the month's sales so far. A reference for the work, not for the text: it is not compared.
     */
    static Object briefingQuestions(Connection duck, LocalDate day) throws SQLException {
        List<Object> out = new ArrayList<>();
        out.add(decomposition(duck, new Period(day, day), new Period(day.minusDays(7), day.minusDays(7))));
        out.add(kpis(duck, new Period(day.minusDays(29), day)));
        try (PreparedStatement ps = duck.prepareStatement(FUNNEL_SQL)) {
            ps.setDate(1, Date.valueOf(day.minusDays(6)));
            ps.setDate(2, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.add(rs.getLong(1) + rs.getLong(2));
            }
        }
        out.add(decomposition(duck, new Period(day.withDayOfMonth(1), day), new Period(day.withDayOfMonth(1), day)).sales()[0]);
        return out;
    }

    /** Binds from, to, from, to and the number of days of {@code p}. */
    static void bindRange(PreparedStatement ps, Period p) throws SQLException {
        ps.setDate(1, Date.valueOf(p.from()));
        ps.setDate(2, Date.valueOf(p.to()));
        ps.setDate(3, Date.valueOf(p.from()));
        ps.setDate(4, Date.valueOf(p.to()));
        ps.setLong(5, p.days());
    }

    // ------------------------------------------------------------------ checks

    static List<String> compareKpis(JsonNode ours, Map<String, Object[]> ref) {
        List<String> diffs = new ArrayList<>();
        String[] parts = {"value", "previous", "lastYear"};
        for (String name : KPIS) {
            for (int i = 0; i < 3; i++) {
                JsonNode node = ours.path(name).path(parts[i]);
                same(name + "." + parts[i], node, ref.get(name)[i], diffs);
            }
        }
        return diffs;
    }

    static List<String> compareDecomposition(JsonNode ours, Decomposition ref) {
        List<String> diffs = new ArrayList<>();
        same("sales", ours.path("sales"), ref.sales()[0], diffs);
        same("baseSales", ours.path("baseSales"), ref.sales()[1], diffs);
        same("factors.buyers.value", ours.path("factors").path("buyers").path("value"), ref.buyers()[0], diffs);
        same("factors.buyers.base", ours.path("factors").path("buyers").path("base"), ref.buyers()[1], diffs);
        same("factors.uv.value", ours.path("factors").path("uv").path("value"), ref.uv()[0], diffs);
        same("factors.uv.base", ours.path("factors").path("uv").path("base"), ref.uv()[1], diffs);
        Map<String, long[]> served = new HashMap<>();
        for (JsonNode s : ours.path("bySource")) {
            served.put(s.path("source").asText(), new long[] {s.path("uv").asLong(), s.path("baseUv").asLong()});
        }
        if (served.size() != ref.sources().size()) {
            diffs.add("bySource has " + served.size() + " sources, DuckDB " + ref.sources().size());
        }
        ref.sources().forEach((source, uv) -> {
            if (!Arrays.equals(served.get(source), uv)) {
                diffs.add("bySource " + source + ": " + Arrays.toString(served.get(source)) + " ≠ " + Arrays.toString(uv));
            }
        });
        if (ours.path("uvEffect").isNumber() && ours.path("uvEffect").asLong() + ours.path("conversionEffect").asLong()
                + ours.path("aovEffect").asLong() != ours.path("salesChange").asLong()) {
            diffs.add("uvEffect + conversionEffect + aovEffect ≠ salesChange");
        }
        return diffs;
    }

    /** What the briefing answered: findings per plugin, and a problem if a plugin ran over or failed. */
    static String briefingCheck(JsonNode b) {
        Map<String, Integer> byPlugin = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode f : b.path("findings")) {
            byPlugin.merge(f.path("plugin").asText(), 1, Integer::sum);
            if (f.path("metric").asText().equals("briefing.error")) {
                errors.add(f.path("title").asText() + ": " + f.path("detail").asText());
            }
        }
        String made = "tookMs " + b.path("tookMs").asText() + ", findings " + byPlugin;
        return errors.isEmpty() ? made : "PROBLEM " + made + " " + errors;
    }

    static void same(String name, JsonNode ours, Object ref, List<String> diffs) {
        boolean equal;
        if (ref == null || ours.isNull() || ours.isMissingNode()) {
            equal = ref == null && (ours.isNull() || ours.isMissingNode());
        } else if (ref instanceof Double d) {
            equal = ours.isNumber() && ours.asDouble() == d;
        } else {
            equal = ours.isIntegralNumber() && ours.asLong() == ((Number) ref).longValue();
        }
        if (!equal) {
            diffs.add(name + " " + ours + " ≠ " + Objects.toString(ref));
        }
    }
}
