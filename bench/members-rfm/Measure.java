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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The measuring half of the members RFM bench: times ShopOps' {@code GET /p/members/rfm?date=} over HTTP
 * (the first call after the server started, then warm-up calls and the median and p95 of N calls) next to
 * DuckDB computing the same quintiles from the same CSV in this process, with and without loading the
 * CSV, checks that the 25 cells of the R × F grid, the 11 segments and the total are equal, and prints both
 * with their ratio and whether ShopOps answered under 10 s.
 *
 * <p>The definitions DuckDB follows are ShopOps': an order counts when it has a customer, is neither
 * CANCELLED nor REFUNDED and its shop-local day is on or before the date; per customer recency = date − the
 * last counting order's day, frequency = counting orders, monetary = their amounts (fen, each line's
 * quantity × unit price in fen); each score = {@code 1 + floor(5.0 * (rank() over (order by x) - 1) /
 * count(*) over ())} with x = −recency, frequency, monetary; the segment is read from R and F.
 *
 * <p>Run (from bench/members-rfm/run): java -cp "DIST/lib/*:duckdb_jdbc.jar" Measure.java URL TOKEN SHOP
 * CSV_DIR DATE CALLS WARMUP
 */
public class Measure {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Issue #9: RFM for a million customers in under 10 s. */
    static final double LIMIT_MS = 10_000;
    static final double BUDGET_MS = 120_000;
    static final int MIN_CALLS = 5;

    /** The members plugin's grid, rows R 1–5, columns F 1–5: the segment of each cell. */
    static final String[][] SEGMENTS = {
            {"lost", "hibernating", "at-risk", "at-risk", "cant-lose"},
            {"hibernating", "hibernating", "at-risk", "at-risk", "cant-lose"},
            {"about-to-sleep", "about-to-sleep", "need-attention", "loyal", "loyal"},
            {"promising", "potential-loyal", "potential-loyal", "loyal", "loyal"},
            {"new", "potential-loyal", "potential-loyal", "champions", "champions"},
    };

    static HttpClient http;
    static String base;
    static String token;
    static int calls;
    static int warmup;

    /** Median and 95th percentile (nearest rank) of the n timed calls, in ms, and the last call's answer. */
    record Timed<T>(double median, double p95, int n, T last) {
    }

    record Row(String name, Timed<?> ours, Timed<?> reference, String what) {
    }

    /** What DuckDB computed: customers and revenue per cell [r − 1][f − 1], and the monetary scores' sum (work, not compared). */
    record Grid(long[][] customers, long[][] revenue, long mScores) {
        long total() {
            return Arrays.stream(customers).flatMapToLong(Arrays::stream).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        base = args[0].replaceAll("/$", "") + "/api/shops/" + args[2];
        token = args[1];
        Path csv = Path.of(args[3]).resolve("orders.csv");
        LocalDate date = LocalDate.parse(args[4]);
        calls = Integer.parseInt(args[5]);
        warmup = Integer.parseInt(args[6]);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Class.forName("org.duckdb.DuckDBDriver");
        String rfm = "/p/members/rfm?date=" + date;
        List<Row> rows = new ArrayList<>();

        // ShopOps first: its first RFM call is the first the server gets after starting. The client's own
        // start (HTTP client, JSON) is paid before, on the health check, and so is DuckDB's (its native
        // library), so that the first calls compare the servers, not the clients.
        HttpResponse<byte[]> health = http.send(HttpRequest.newBuilder(URI.create(args[0].replaceAll("/$", "") + "/health")).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        JSON.readTree(health.body());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("SELECT 1");
        }
        Timed<JsonNode> cold = once(() -> get(rfm));
        Timed<JsonNode> warm = time(() -> get(rfm));
        // The same SQL pass over all history (the summary of one day reads every customer's orders up to
        // it too) answering only that day's customers: what is left of the RFM call's time is moving a
        // million rows out of SQLite into objects, scoring and counting them.
        Timed<JsonNode> oneDay = time(() -> get("/p/members/summary?from=" + date + "&to=" + date));

        Timed<Grid> duckCold;
        Timed<Grid> duckFromCsv;
        Timed<Grid> duckWarm;
        double loadMs;
        // DuckDB's first run in a fresh database: the load of the CSV and then the RFM, like ShopOps' first call.
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            long start = System.nanoTime();
            load(duck, csv);
            loadMs = (System.nanoTime() - start) / 1e6;
            Grid g = rfm(duck, date);
            double ms = (System.nanoTime() - start) / 1e6;
            duckCold = new Timed<>(ms, ms, 1, g);
            System.out.printf(Locale.ROOT, "DuckDB: loaded %s into memory in %.1f s (orders by order_id, amounts in fen)%n",
                    csv.getFileName(), loadMs / 1000);
            duckWarm = time(() -> rfm(duck, date));
        }
        duckFromCsv = time(() -> {
            try (Connection fresh = DriverManager.getConnection("jdbc:duckdb:")) {
                load(fresh, csv);
                return rfm(fresh, date);
            }
        });

        rows.add(new Row("RFM " + date + ", first call", cold, duckCold, "DuckDB: fresh database, CSV load + RFM"));
        rows.add(new Row("RFM " + date + ", warm", warm, duckWarm, "DuckDB: RFM on the loaded tables"));
        rows.add(new Row("RFM " + date + ", warm vs from the CSV", warm, duckFromCsv, "DuckDB: fresh database, CSV load + RFM"));
        rows.add(new Row("summary of " + date + " (same SQL pass)", oneDay, null, "no reference: a variant to tell SQL from Java"));

        System.out.printf(Locale.ROOT, "%n%d warm-up calls, then %d timed calls each (n: fewer when they took over %.0f s);"
                + " ms = median / p95; ratio = medians%n%n", warmup, calls, BUDGET_MS / 1000);
        System.out.printf(Locale.ROOT, "%-42s %17s %4s %17s %4s %8s %7s  %s%n", "case", "ShopOps ms", "n", "DuckDB ms", "n", "ratio",
                "<10 s", "reference");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-42s %17s %4d %17s %4s %8s %7s  %s%n", r.name(), ms(r.ours()), r.ours().n(),
                    r.reference() == null ? "—" : ms(r.reference()), r.reference() == null ? "—" : String.valueOf(r.reference().n()),
                    r.reference() == null ? "—" : String.format(Locale.ROOT, "%.1fx", r.ours().median() / r.reference().median()),
                    r.ours().median() < LIMIT_MS ? "yes" : "NO", r.what());
        }
        System.out.printf(Locale.ROOT, "%nRFM under 10 s: first call %s, warm %s%n", cold.median() < LIMIT_MS ? "yes" : "no",
                warm.median() < LIMIT_MS ? "yes" : "no");

        // Every run's answer is checked, not just one: the cold and the last warm one of each side.
        List<String> diffs = new ArrayList<>();
        compare("ShopOps first call", cold.last(), "DuckDB cold", duckCold.last(), date, diffs);
        compare("ShopOps warm", warm.last(), "DuckDB warm", duckWarm.last(), date, diffs);
        compare("ShopOps warm", warm.last(), "DuckDB from the CSV", duckFromCsv.last(), date, diffs);
        Grid g = duckWarm.last();
        System.out.println();
        System.out.println("customers per cell (R rows 5..1, F columns 1..5), DuckDB; ShopOps' must be the same:");
        for (int r = 5; r >= 1; r--) {
            StringBuilder line = new StringBuilder("  R" + r);
            for (int f = 1; f <= 5; f++) {
                line.append(String.format(Locale.ROOT, " %9d", g.customers()[r - 1][f - 1]));
            }
            System.out.println(line);
        }
        if (!diffs.isEmpty()) {
            System.out.println();
            System.out.println("DIFFERENT — ShopOps and DuckDB disagree:");
            diffs.forEach(d -> System.out.println("  " + d));
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "%nequal: total %d customers, all 25 cells (customers and revenue) and 11 segments%n",
                g.total());
    }

    // ------------------------------------------------------------------ timing

    static <T> Timed<T> once(Callable<T> call) throws Exception {
        long start = System.nanoTime();
        T answer = call.call();
        double ms = (System.nanoTime() - start) / 1e6;
        return new Timed<>(ms, ms, 1, answer);
    }

    /**
     * Warm-up calls, then {@link #calls} timed ones, stopping early after {@link #BUDGET_MS} of timed calls
     * (but not before {@link #MIN_CALLS}), so that a slow case cannot make the run last an hour.
     */
    static <T> Timed<T> time(Callable<T> call) throws Exception {
        T last = null;
        for (int i = 0; i < warmup; i++) {
            last = call.call();
        }
        double[] ms = new double[calls];
        double spent = 0;
        int n = 0;
        while (n < calls && (n < MIN_CALLS || spent < BUDGET_MS)) {
            long start = System.nanoTime();
            last = call.call();
            ms[n] = (System.nanoTime() - start) / 1e6;
            spent += ms[n++];
        }
        ms = Arrays.copyOf(ms, n);
        Arrays.sort(ms);
        double median = n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
        double p95 = ms[(int) Math.ceil(0.95 * n) - 1];
        return new Timed<>(median, p95, n, last);
    }

    static String ms(Timed<?> t) {
        return t.median() < 10 ? String.format(Locale.ROOT, "%.1f / %.1f", t.median(), t.p95())
                : String.format(Locale.ROOT, "%.0f / %.0f", t.median(), t.p95());
    }

    // ------------------------------------------------------------------ ShopOps over HTTP

    static JsonNode get(String path) throws Exception {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + answer.uri() + " answered " + answer.statusCode() + ": " + new String(answer.body()));
        }
        return JSON.readTree(answer.body());
    }

    // ------------------------------------------------------------------ DuckDB

    /**
     * Loads the CSV as the import makes orders of it: one row per order_id (the header fields repeat on each
     * line), its shop-local day the date of {@code created_at} (written without an offset, read by the
     * import in the shop's zone, so the date as written), its amount the sum of quantity × unit price in fen.
     */
    static void load(Connection duck, Path csv) throws SQLException {
        try (Statement s = duck.createStatement()) {
            s.execute("""
                    CREATE TABLE orders AS
                    SELECT order_id AS external_id, first(customer) AS customer, CAST(first(created_at) AS DATE) AS day,
                           upper(first(status)) AS status, CAST(sum(quantity * CAST(unit_price * 100 AS BIGINT)) AS BIGINT) AS amount
                    FROM read_csv('%s', header = true, columns = {
                        'order_id': 'VARCHAR', 'customer': 'VARCHAR', 'created_at': 'TIMESTAMP', 'status': 'VARCHAR',
                        'sku': 'VARCHAR', 'quantity': 'BIGINT', 'unit_price': 'DECIMAL(18,2)'})
                    GROUP BY order_id""".formatted(csv.toAbsolutePath().toString().replace("'", "''")));
        }
    }

    /** ShopOps' RFM as SQL: parameters date, date. Cells R × F with their customers, revenue and M scores. */
    private static final String RFM_SQL = """
            WITH c AS (SELECT customer, CAST(? AS DATE) - max(day) AS recency, count(*) AS frequency, sum(amount) AS monetary
                       FROM orders
                       WHERE customer IS NOT NULL AND customer <> '' AND status NOT IN ('CANCELLED', 'REFUNDED')
                         AND day <= CAST(? AS DATE)
                       GROUP BY customer),
            s AS (SELECT monetary,
                         1 + floor(5.0 * (rank() OVER (ORDER BY -recency) - 1) / count(*) OVER ()) AS r,
                         1 + floor(5.0 * (rank() OVER (ORDER BY frequency) - 1) / count(*) OVER ()) AS f,
                         1 + floor(5.0 * (rank() OVER (ORDER BY monetary) - 1) / count(*) OVER ()) AS m
                  FROM c)
            SELECT CAST(r AS INTEGER), CAST(f AS INTEGER), count(*), CAST(sum(monetary) AS BIGINT), CAST(sum(m) AS BIGINT)
            FROM s GROUP BY r, f ORDER BY r, f""";

    static Grid rfm(Connection duck, LocalDate date) throws SQLException {
        long[][] customers = new long[5][5], revenue = new long[5][5];
        long mScores = 0;
        try (PreparedStatement ps = duck.prepareStatement(RFM_SQL)) {
            ps.setDate(1, Date.valueOf(date));
            ps.setDate(2, Date.valueOf(date));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int r = rs.getInt(1), f = rs.getInt(2);
                    if (r < 1 || r > 5 || f < 1 || f > 5) {
                        throw new IllegalStateException("DuckDB scored a cell R" + r + " F" + f);
                    }
                    customers[r - 1][f - 1] = rs.getLong(3);
                    revenue[r - 1][f - 1] = rs.getLong(4);
                    mScores += rs.getLong(5);
                }
            }
        }
        return new Grid(customers, revenue, mScores);
    }

    // ------------------------------------------------------------------ checks

    /** ShopOps' answer against DuckDB's: date, total, each of the 25 cells and its segment, each segment. */
    static void compare(String oursName, JsonNode ours, String refName, Grid ref, LocalDate date, List<String> diffs) {
        String pair = oursName + " vs " + refName + ": ";
        if (!date.toString().equals(ours.path("date").asText())) {
            diffs.add(pair + "date " + ours.path("date") + " ≠ " + date);
        }
        if (ours.path("customers").asLong(-1) != ref.total()) {
            diffs.add(pair + "customers " + ours.path("customers") + " ≠ " + ref.total());
        }
        JsonNode grid = ours.path("grid");
        if (grid.size() != 25) {
            diffs.add(pair + "grid has " + grid.size() + " cells, not 25");
        }
        boolean[][] seen = new boolean[5][5];
        Map<String, long[]> segments = new LinkedHashMap<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                long[] s = segments.computeIfAbsent(SEGMENTS[r - 1][f - 1], k -> new long[2]);
                s[0] += ref.customers()[r - 1][f - 1];
                s[1] += ref.revenue()[r - 1][f - 1];
            }
        }
        for (JsonNode cell : grid) {
            int r = cell.path("r").asInt(), f = cell.path("f").asInt();
            if (r < 1 || r > 5 || f < 1 || f > 5 || seen[r - 1][f - 1]) {
                diffs.add(pair + "grid cell R" + r + " F" + f + " is out of the grid or listed twice");
                continue;
            }
            seen[r - 1][f - 1] = true;
            String at = "R" + r + " F" + f + " ";
            if (cell.path("customers").asLong(-1) != ref.customers()[r - 1][f - 1]) {
                diffs.add(pair + at + "customers " + cell.path("customers") + " ≠ " + ref.customers()[r - 1][f - 1]);
            }
            if (cell.path("revenue").asLong(-1) != ref.revenue()[r - 1][f - 1]) {
                diffs.add(pair + at + "revenue " + cell.path("revenue") + " ≠ " + ref.revenue()[r - 1][f - 1]);
            }
            if (!SEGMENTS[r - 1][f - 1].equals(cell.path("segment").asText())) {
                diffs.add(pair + at + "segment " + cell.path("segment") + " ≠ " + SEGMENTS[r - 1][f - 1]);
            }
        }
        Map<String, long[]> served = new LinkedHashMap<>();
        for (JsonNode s : ours.path("segments")) {
            served.put(s.path("name").asText(), new long[] {s.path("customers").asLong(-1), s.path("revenue").asLong(-1)});
        }
        if (served.size() != 11) {
            diffs.add(pair + "segments lists " + served.size() + " segments, not 11");
        }
        segments.forEach((name, figures) -> {
            if (!Arrays.equals(served.get(name), figures)) {
                diffs.add(pair + "segment " + name + " " + Arrays.toString(served.get(name)) + " ≠ " + Arrays.toString(figures));
            }
        });
    }
}
