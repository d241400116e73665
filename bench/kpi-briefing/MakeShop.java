import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes a shop of three years (2023-01-01 to 2025-12-31) with about N orders as the CSV files of the
 * ShopOps generic import formats (header = field names), the same for the same seed:
 * <ul>
 *   <li>{@code products.csv}: 2,000 SKUs, most listed before the first day, the rest listed over the
 *       years (an order only buys a product once it is listed), 5% delisted;</li>
 *   <li>{@code orders.csv}: one row per line, 1–5 lines per order (mean ≈ 1.75), orders per day growing
 *       over the years with weekday and season (11.11, 12.12, 6.18) swings; 4% guest orders, the
 *       customer pool growing to N/3 with early customers buying more often; 2% cancelled;</li>
 *   <li>{@code refunds.csv}: 5% of the orders not cancelled have a refund 1–14 days later (a tenth of
 *       them a second one), a third of them refunded in full (status REFUNDED);</li>
 *   <li>{@code traffic.csv}: per day the shop total ({@code all}) and seven sources that do not quite add up
 *       to it, conversion about 3%;</li>
 *   <li>{@code events.csv}: view/favourite/cart/buy events of the last 60 days, about N/4;</li>
 *   <li>{@code targets.csv}: each month's sales, conversion rate and AOV target.</li>
 * </ul>
 * Times are shop-local (the shop's time zone is the import's). Run: java MakeShop.java DIR ORDERS [SEED]
 */
public class MakeShop {

    static final LocalDate START = LocalDate.of(2023, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 12, 31);
    static final int PRODUCTS = 2_000;
    static final String[] SOURCES = {"手淘搜索", "直通车", "淘宝客", "聚划算", "我的淘宝", "购物车", "站外"};
    static final double[] SOURCE_SHARES = {0.36, 0.18, 0.08, 0.05, 0.12, 0.09, 0.06};
    static final double[] HOURS = {2, 1, 0.5, 0.3, 0.3, 0.5, 1, 2, 3, 4, 5, 5, 5, 5, 4.5, 4.5, 4.5, 4, 4, 5, 6.5, 7.5, 7, 4};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long target = Long.parseLong(args[1]);
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 11);
        Files.createDirectories(dir);
        int days = (int) (END.toEpochDay() - START.toEpochDay() + 1);

        // Products: price and cost in fen, listing day (or before the first day), delisted ones.
        long[] price = new long[PRODUCTS];
        LocalDate[] listedOn = new LocalDate[PRODUCTS];
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("products.csv"), StandardCharsets.UTF_8)) {
            w.write("sku,title,category,price,cost,stock,status,listed_on\n");
            for (int i = 0; i < PRODUCTS; i++) {
                price[i] = (990 + random.nextInt(50_000)) / 10 * 10;
                listedOn[i] = i < 1_500 ? START.minusDays(1 + random.nextInt(700)) : START.plusDays((i - 1_500) * 2L);
                boolean delisted = random.nextInt(100) < 5;
                w.write(sku(i) + ",商品 " + i + " 款" + (char) ('A' + i % 26) + ",cat" + (i % 40) + "," + money(price[i]) + ","
                        + money(price[i] * (40 + random.nextInt(30)) / 100) + "," + random.nextInt(2_000) + ","
                        + (delisted ? "delisted" : "listed") + "," + listedOn[i] + "\n");
            }
        }

        // Orders per day: growth × weekday × season × noise, scaled to the target exactly.
        double[] weight = new double[days];
        double total = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = START.plusDays(d);
            weight[d] = (1 + 0.6 * d / days) * weekday(day.getDayOfWeek()) * season(day) * (0.85 + 0.3 * random.nextDouble());
            total += weight[d];
        }
        int[] orders = new int[days];
        double cumulative = 0;
        long before = 0;
        for (int d = 0; d < days; d++) {
            cumulative += weight[d];
            long upTo = Math.round(target * cumulative / total);
            orders[d] = (int) (upTo - before);
            before = upTo;
        }

        long[] salesByDay = new long[days];
        long orderNumber = 1_000_000_000L;
        long refundNumber = 0;
        long lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("orders.csv"), StandardCharsets.UTF_8);
             BufferedWriter r = Files.newBufferedWriter(dir.resolve("refunds.csv"), StandardCharsets.UTF_8)) {
            w.write("order_id,customer,created_at,paid_at,status,sku,title,quantity,unit_price,source\n");
            r.write("refund_id,order_id,at,amount,reason\n");
            StringBuilder b = new StringBuilder(256);
            int[] skus = new int[5];
            int[] quantities = new int[5];
            for (int d = 0; d < days; d++) {
                LocalDate day = START.plusDays(d);
                long pool = 5_000 + (long) ((target / 3.0 - 5_000) * (d + 1) / days);
                int[] seconds = new int[orders[d]];
                for (int i = 0; i < seconds.length; i++) {
                    seconds[i] = hour(random) * 3_600 + random.nextInt(3_600);
                }
                Arrays.sort(seconds);
                for (int second : seconds) {
                    orderNumber++;
                    LocalDateTime at = day.atStartOfDay().plusSeconds(second);
                    String customer = random.nextInt(100) < 4 ? "" : "C" + (long) (pool * Math.pow(random.nextDouble(), 1.7));
                    boolean cancelled = random.nextInt(100) < 2;
                    int size = lineCount(random);
                    long amount = 0;
                    for (int l = 0; l < size; l++) {
                        skus[l] = product(random, day, listedOn);
                        quantities[l] = random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(2);
                        amount += quantities[l] * price[skus[l]];
                    }
                    boolean refunded = !cancelled && random.nextInt(100) < 5;
                    boolean full = refunded && random.nextInt(3) == 0;
                    String status = cancelled ? "CANCELLED" : full ? "REFUNDED"
                            : day.isAfter(END.minusDays(10)) ? "SHIPPED" : "COMPLETED";
                    String paid = cancelled ? "" : time(at.plusSeconds(30 + random.nextInt(900)));
                    String source = SOURCES[random.nextInt(SOURCES.length)];
                    for (int l = 0; l < size; l++) {
                        b.setLength(0);
                        b.append('E').append(orderNumber).append(',').append(customer).append(',').append(time(at)).append(',')
                                .append(paid).append(',').append(status).append(',').append(sku(skus[l])).append(",商品 ")
                                .append(skus[l]).append(" 款").append((char) ('A' + skus[l] % 26)).append(',')
                                .append(quantities[l]).append(',').append(money(price[skus[l]])).append(',').append(source)
                                .append('\n');
                        w.append(b);
                        lines++;
                    }
                    if (!cancelled) {
                        salesByDay[d] += amount;
                    }
                    if (refunded) {
                        int refunds = full ? 1 : random.nextInt(10) == 0 ? 2 : 1;
                        for (int k = 0; k < refunds; k++) {
                            long refund = full ? amount : Math.max(1, amount * (10 + random.nextInt(40)) / 100);
                            r.write("R" + (++refundNumber) + ",E" + orderNumber + "," + time(at.plusDays(1 + random.nextInt(14))
                                    .plusSeconds(random.nextInt(3_600))) + "," + money(refund) + ","
                                    + (full ? "不想要了" : "部分退款") + "\n");
                        }
                    }
                }
            }
        }

        // Traffic: the shop total from about 3% conversion; sources that leave some of it unattributed.
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("traffic.csv"), StandardCharsets.UTF_8)) {
            w.write("day,source,uv,pv,bounce_rate,avg_stay_seconds,buyers,paid_amount\n");
            for (int d = 0; d < days; d++) {
                LocalDate day = START.plusDays(d);
                long uv = Math.max(1, Math.round(orders[d] / (0.03 * (0.85 + 0.3 * random.nextDouble()))));
                w.write(trafficRow(day, "all", uv, random, orders[d], salesByDay[d]));
                for (int s = 0; s < SOURCES.length; s++) {
                    double share = SOURCE_SHARES[s] * (0.8 + 0.4 * random.nextDouble());
                    if (s == 3 && season(day) > 1.2) {
                        share *= 3; // campaigns bring their visitors on the big days
                    }
                    if (d % 97 == 5 && s == 1) {
                        share *= 0.5; // now and then the paid source loses half its visitors
                    }
                    long sourceUv = Math.round(uv * share);
                    w.write(trafficRow(day, SOURCES[s], sourceUv, random, Math.round(orders[d] * share),
                            Math.round(salesByDay[d] * share)));
                }
            }
        }

        // Behaviour events of the last 60 days.
        long events = target / 4;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("events.csv"), StandardCharsets.UTF_8)) {
            w.write("user_id,item_id,category_id,type,at\n");
            LocalDate first = END.minusDays(59);
            for (long e = 0; e < events; e++) {
                LocalDate day = first.plusDays(e * 60 / events);
                int p = product(random, day, listedOn);
                int t = random.nextInt(100);
                String type = t < 85 ? "view" : t < 90 ? "favourite" : t < 97 ? "cart" : "buy";
                w.write("u" + random.nextInt(60_000) + "," + sku(p) + ",cat" + (p % 40) + "," + type + ","
                        + time(day.atStartOfDay().plusSeconds(hour(random) * 3_600L + random.nextInt(3_600))) + "\n");
            }
        }

        // Targets: each month's sales 5% over what it will sell, 3% conversion, an AOV near the actual.
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("targets.csv"), StandardCharsets.UTF_8)) {
            w.write("from,to,metric,value\n");
            for (LocalDate m = START; !m.isAfter(END); m = m.plusMonths(1)) {
                LocalDate last = m.plusMonths(1).minusDays(1);
                long sales = 0;
                long count = 0;
                for (LocalDate day = m; !day.isAfter(last); day = day.plusDays(1)) {
                    int d = (int) (day.toEpochDay() - START.toEpochDay());
                    sales += salesByDay[d];
                    count += orders[d];
                }
                w.write(m + "," + last + ",sales," + money(sales * 105 / 100) + "\n");
                w.write(m + "," + last + ",conversionRate,0.03\n");
                w.write(m + "," + last + ",aov," + money(count == 0 ? 0 : sales / count) + "\n");
            }
        }
        System.out.println(target + " orders, " + lines + " lines, " + refundNumber + " refunds, " + events + " events, "
                + days + " days");
    }

    static String trafficRow(LocalDate day, String source, long uv, SplittableRandom random, long buyers, long paid) {
        long pv = Math.round(uv * (2.2 + 2 * random.nextDouble()));
        double bounce = 0.4 + 0.25 * random.nextDouble();
        double stay = 40 + 70 * random.nextDouble();
        return day + "," + source + "," + uv + "," + pv + "," + String.format(java.util.Locale.ROOT, "%.4f", bounce) + "," + String.format(java.util.Locale.ROOT, "%.1f", stay)
                + "," + buyers + "," + money(paid) + "\n";
    }

    /** A product listed on {@code day}, popular ones (low numbers) far more often. */
    static int product(SplittableRandom random, LocalDate day, LocalDate[] listedOn) {
        for (int tries = 0; tries < 20; tries++) {
            int p = (int) (PRODUCTS * Math.pow(random.nextDouble(), 2.5));
            if (!listedOn[p].isAfter(day)) {
                return p;
            }
        }
        return 0;
    }

    static int lineCount(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 55 ? 1 : r < 80 ? 2 : r < 92 ? 3 : r < 97 ? 4 : 5;
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

    static double weekday(DayOfWeek d) {
        return switch (d) {
            case MONDAY, THURSDAY -> 1.0;
            case TUESDAY, WEDNESDAY -> 0.95;
            case FRIDAY -> 1.05;
            case SATURDAY -> 1.15;
            case SUNDAY -> 1.1;
        };
    }

    static double season(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        if (md.equals(MonthDay.of(11, 11))) {
            return 5;
        }
        if (md.equals(MonthDay.of(12, 12)) || md.equals(MonthDay.of(6, 18))) {
            return 2.5;
        }
        if (day.getMonthValue() == 11 && day.getDayOfMonth() < 11) {
            return 1.3;
        }
        return day.getMonthValue() <= 2 ? 0.85 : 1;
    }

    static String sku(int i) {
        return "SKU-" + (10_000 + i);
    }

    static String money(long fen) {
        long f = Math.abs(fen) % 100;
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + (f < 10 ? "0" : "") + f;
    }

    static String time(LocalDateTime t) {
        return t.toLocalDate() + " " + two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
    }

    static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
