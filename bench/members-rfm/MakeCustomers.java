import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes the orders of a shop with N customers over three years (2023-01-01 to 2025-12-31) as one
 * {@code orders.csv} of the ShopOps generic import format for orders (header = field names, one row per
 * order line), the same for the same seed. Only what the RFM of the members plugin reads, and what the
 * import needs to take it in:
 * <ul>
 *   <li>each customer's number of orders is skewed: 55% order once, 25% twice, then fewer and fewer, and
 *       1% are frequent buyers with 13 to 60 orders (mean 2.3 orders a customer);</li>
 *   <li>customers arrive over the three years, more of them later (the shop grows); each buys during an
 *       active span of their own (a few weeks to years), so that some have long gone quiet;</li>
 *   <li>1–3 lines an order (quantity 1–3, unit price in yuan with two decimals), no products file: order
 *       lines keep their SKU without a product, which the import allows;</li>
 *   <li>3% guest orders on top (no customer), 2% CANCELLED and 2% REFUNDED orders, the rest COMPLETED
 *       (SHIPPED in the last ten days);</li>
 *   <li>rows in the order of their creation time, as a shop's export lists them.</li>
 * </ul>
 * Times are written shop-local without an offset ({@code 2025-12-31 20:15:07}); the import reads them in
 * the shop's time zone (Asia/Shanghai), so an order's day is the date written, and the reference takes the
 * same date from the text. Run: java MakeCustomers.java DIR [CUSTOMERS] [SEED]
 */
public class MakeCustomers {

    static final LocalDate START = LocalDate.of(2023, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 12, 31);
    static final int SKUS = 800;
    static final double[] HOURS = {2, 1, 0.5, 0.3, 0.3, 0.5, 1, 2, 3, 4, 5, 5, 5, 5, 4.5, 4.5, 4.5, 4, 4, 5, 6.5, 7.5, 7, 4};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 9);
        Files.createDirectories(dir);
        long span = (END.toEpochDay() - START.toEpochDay() + 1) * 86_400L; // seconds of the three years

        // Every order as (second since START, who): customers first, then guests, sorted by time below.
        int[] counts = new int[customers];
        long total = 0;
        for (int c = 0; c < customers; c++) {
            counts[c] = orderCount(random);
            total += counts[c];
        }
        long guests = total * 3 / 97;
        int n = Math.toIntExact(total + guests);
        long[] seconds = new long[n];
        int[] who = new int[n]; // customer number + 1; 0 for a guest
        int k = 0;
        for (int c = 0; c < customers; c++) {
            // Arrival with a density growing from 1 to 2 over the years: x = F⁻¹(u), F(x) = (x + x²/2) ÷ 1.5.
            double u = random.nextDouble();
            double x = -1 + Math.sqrt(1 + 3 * u);
            long first = (long) (x * span);
            // An active span of its own, longer for the customers who buy more; orders fall within it.
            double days = -Math.log(1 - random.nextDouble()) * (60 + 45.0 * counts[c]);
            long last = Math.min(span - 1, first + (long) (days * 86_400));
            seconds[k] = localSecond(first, random);
            who[k++] = c + 1;
            for (int o = 1; o < counts[c]; o++) {
                seconds[k] = localSecond(first + (long) (random.nextDouble() * (last - first)), random);
                who[k++] = c + 1;
            }
        }
        for (long g = 0; g < guests; g++) {
            double u = random.nextDouble();
            seconds[k] = localSecond((long) ((-1 + Math.sqrt(1 + 3 * u)) * span), random);
            who[k++] = 0;
        }

        // Time order: the second in the high bits, the order's index in the low 23 (n ≤ 8 million).
        if (n >= 1 << 23) {
            throw new IllegalArgumentException("too many orders for one file: " + n);
        }
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = seconds[i] << 23 | i;
        }
        Arrays.sort(sorted);

        long lines = 0;
        long[] statuses = new long[3];
        LocalDateTime start = START.atStartOfDay();
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("orders.csv"), StandardCharsets.UTF_8)) {
            w.write("order_id,customer,created_at,status,sku,quantity,unit_price\n");
            StringBuilder b = new StringBuilder(128);
            for (int j = 0; j < n; j++) {
                int i = (int) (sorted[j] & ((1 << 23) - 1));
                LocalDateTime at = start.plusSeconds(seconds[i]);
                String customer = who[i] == 0 ? "" : customerId(who[i]);
                int s = random.nextInt(100);
                String status = s < 2 ? "CANCELLED" : s < 4 ? "REFUNDED"
                        : at.toLocalDate().isAfter(END.minusDays(10)) ? "SHIPPED" : "COMPLETED";
                statuses[s < 2 ? 0 : s < 4 ? 1 : 2]++;
                int size = lineCount(random);
                String created = time(at);
                for (int l = 0; l < size; l++) {
                    int sku = (int) (SKUS * Math.pow(random.nextDouble(), 2.2));
                    int quantity = random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(2);
                    b.setLength(0);
                    b.append('M').append(10_000_000 + j).append(',').append(customer).append(',').append(created).append(',')
                            .append(status).append(",SKU-").append(10_000 + sku).append(',').append(quantity).append(',')
                            .append(money(price(sku))).append('\n');
                    w.append(b);
                    lines++;
                }
            }
        }
        System.out.println(customers + " customers, " + n + " orders (" + guests + " guest, " + statuses[0] + " cancelled, "
                + statuses[1] + " refunded), " + lines + " lines");
    }

    /** Orders of one customer: most once or twice, a long thin tail of regulars. */
    static int orderCount(SplittableRandom random) {
        int r = random.nextInt(1000);
        if (r < 550) {
            return 1;
        }
        if (r < 800) {
            return 2;
        }
        if (r < 900) {
            return 3;
        }
        if (r < 950) {
            return 4 + random.nextInt(2);
        }
        if (r < 990) {
            return 6 + random.nextInt(7);
        }
        return 13 + random.nextInt(48);
    }

    /** The second of the day moved to an hour the shop's buyers keep: late evening busy, night quiet. */
    static long localSecond(long second, SplittableRandom random) {
        return second - second % 86_400 + hour(random) * 3_600L + random.nextInt(3_600);
    }

    static int hour(SplittableRandom random) {
        double sum = 0;
        for (double h : HOURS) {
            sum += h;
        }
        double r = random.nextDouble() * sum;
        for (int h = 0; h < HOURS.length; h++) {
            r -= HOURS[h];
            if (r < 0) {
                return h;
            }
        }
        return 23;
    }

    static int lineCount(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 70 ? 1 : r < 92 ? 2 : 3;
    }

    /** A SKU's unit price in fen, fixed per SKU: 9.90 to about 600 yuan, some with odd cents. */
    static long price(int sku) {
        long fen = 990 + (sku * 7_919L % 59_000);
        return sku % 3 == 0 ? fen : fen / 100 * 100 + 90;
    }

    static String customerId(int number) {
        return "C" + (1_000_000 + number);
    }

    static String money(long fen) {
        long f = fen % 100;
        return fen / 100 + "." + (f < 10 ? "0" : "") + f;
    }

    static String time(LocalDateTime t) {
        return t.toLocalDate() + " " + two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
    }

    static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
