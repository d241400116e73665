package com.shopops.plugins.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.platform.Installation;
import com.shopops.platform.config.Config;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.members.analysis.CustomerSummary;
import com.shopops.plugins.members.analysis.RfmScore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Member figures over real data: the UCI Online Retail slice imported as a user imports it, on SQLite and
 * PostgreSQL, against plain SQL over the raw file in a separate in-memory SQLite database — customer count,
 * order count, revenue, repeat rate, guest orders, and every customer's R, F and M quintile as a window
 * function computes it.
 */
class MembersRealDataTest {

    /** The slice as the platform's test jar carries it (a copy of /work/shared/data/online-retail/). */
    private static final String RETAIL_RESOURCE = "/data/online-retail/online_retail_first_rows.csv";
    private static final LocalDate DAY = LocalDate.of(2010, 12, 1);

    @TempDir
    Path dir;

    /** The raw file's lines as a table, one row per line, with how many fields the line split into. */
    private static Connection raw(Path file) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw (invoice TEXT, qty INTEGER, price TEXT, customer TEXT, fields INTEGER)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO raw VALUES (?, ?, ?, ?, ?)")) {
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                p.setString(1, f[0]);
                p.setObject(2, f.length == 8 ? Long.parseLong(f[3]) : null);
                p.setString(3, f.length == 8 ? f[5] : null);
                p.setString(4, f.length == 8 ? f[6] : null);
                p.setInt(5, f.length);
                p.executeUpdate();
            }
        }
        return c;
    }

    /**
     * The orders that count, as SQL over the raw lines: an invoice with a line that does not split into the
     * file's 8 fields is rejected whole (the importer's rule for a broken line); C… invoices are
     * cancellations; an invoice's amount is its lines' quantity × price in pence.
     */
    private static final String KEPT = """
            CREATE TABLE kept AS
            SELECT invoice, customer, SUM(qty * CAST(ROUND(CAST(price AS REAL) * 100) AS INTEGER)) AS amount FROM raw
            WHERE invoice NOT LIKE 'C%' AND invoice NOT IN (SELECT invoice FROM raw WHERE fields <> 8)
            GROUP BY invoice, customer""";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlineRetailAgainstSqlOnTheRawFile(Kind kind) throws Exception {
        Path file = dir.resolve("online_retail_first_rows.csv");
        try (var in = MembersRealDataTest.class.getResourceAsStream(RETAIL_RESOURCE)) {
            assertNotNull(in, "no " + RETAIL_RESOURCE + " on the test class path");
            Files.copy(in, file);
        }
        long customers;
        long orders;
        long revenue;
        long guestOrders;
        double repeatRate;
        Map<String, int[]> rfm = new HashMap<>();
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute(KEPT);
            try (ResultSet r = s.executeQuery("""
                    SELECT COUNT(DISTINCT customer), COUNT(*), SUM(amount) FROM kept WHERE customer <> ''""")) {
                r.next();
                customers = r.getLong(1);
                orders = r.getLong(2);
                revenue = r.getLong(3);
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM kept WHERE customer = ''")) {
                r.next();
                guestOrders = r.getLong(1);
            }
            try (ResultSet r = s.executeQuery("""
                    SELECT CAST(SUM(CASE WHEN n >= 2 THEN 1 ELSE 0 END) AS REAL) / COUNT(*)
                    FROM (SELECT customer, COUNT(*) AS n FROM kept WHERE customer <> '' GROUP BY customer)""")) {
                r.next();
                repeatRate = r.getDouble(1);
            }
            // Quintiles as the definition states them: 1 + floor(5 × (rank − 1) ÷ n), ties sharing the lowest
            // rank. All orders are of one day, so every customer's recency is 0 and scores R 1.
            try (ResultSet r = s.executeQuery("""
                    SELECT customer,
                           1 + CAST(5.0 * (RANK() OVER (ORDER BY 0) - 1) / COUNT(*) OVER () AS INTEGER),
                           1 + CAST(5.0 * (RANK() OVER (ORDER BY n) - 1) / COUNT(*) OVER () AS INTEGER),
                           1 + CAST(5.0 * (RANK() OVER (ORDER BY m) - 1) / COUNT(*) OVER () AS INTEGER)
                    FROM (SELECT customer, COUNT(*) AS n, SUM(amount) AS m FROM kept WHERE customer <> '' GROUP BY customer)""")) {
                while (r.next()) {
                    rfm.put(r.getString(1), new int[] {r.getInt(2), r.getInt(3), r.getInt(4)});
                }
            }
        }
        // What a short script over the file finds (split on commas, the three invoices with a broken line and the
        // C… one left out): 12 customers on 19 invoices worth 475,716 pence, 2 of them with two invoices or more,
        // every line with a customer. The SQL must agree before ShopOps is held to it.
        assertEquals(List.of(12L, 19L, 475_716L, 0L), List.of(customers, orders, revenue, guestOrders));
        assertEquals(12, rfm.size());
        assertEquals(2.0 / 12, repeatRate, 1e-12);

        TestClock clock = new TestClock(Instant.parse("2010-12-02T09:00:00Z"));
        try (Fresh f = TestDatabases.fresh(kind, dir); Installation i = installation(f, clock)) {
            Shop shop = i.shops().create(new ShopStore.NewShop("uk-gifts", "UK gifts", "other", "GBP", "Europe/London"));
            i.imports().run(new ImportRunner.Request(shop, "orders", "online-retail", file, file.getFileName().toString(),
                    Map.of(), false), ImportRunner.Progress.NONE);
            MemberReadings readings = new MemberReadings(i.data(), new MemberStore(i.database().jdbi()),
                    new PluginSettings(i.database().jdbi(), "members", Clock.systemUTC()), clock);

            CustomerSummary summary = readings.summary(shop.id(), DAY, DAY);
            assertEquals(customers, summary.customers());
            assertEquals(orders, summary.orders());
            assertEquals(revenue, summary.revenue());
            assertEquals(guestOrders, summary.guestOrders());
            assertEquals(repeatRate, summary.repeatRate(), 1e-12);
            assertEquals(customers, summary.newCustomers(), "the data's first day: every customer is new");

            List<RfmScore> scores = readings.scores(shop.id(), DAY);
            assertEquals(rfm.size(), scores.size());
            for (RfmScore s : scores) {
                int[] expected = rfm.get(s.externalId());
                assertNotNull(expected, s.externalId());
                assertEquals(List.of(expected[0], expected[1], expected[2]), List.of(s.r(), s.f(), s.m()), s.externalId());
            }
            assertTrue(scores.stream().anyMatch(s -> s.m() == 5) && scores.stream().anyMatch(s -> s.m() == 1),
                    "monetary spreads over the quintiles");
        }
    }

    private Installation installation(Fresh f, TestClock clock) {
        Map<String, String> flags = new HashMap<>();
        flags.put("data", dir.resolve("data").toString());
        flags.put("db", f.url());
        flags.put("plugins", dir.resolve("plugins").toString());
        Installation installation = Installation.wire(Config.load(null, Map.of(), flags), clock);
        installation.migrateCore();
        installation.database().migrate("members", MembersRealDataTest.class.getClassLoader());
        return installation;
    }
}
