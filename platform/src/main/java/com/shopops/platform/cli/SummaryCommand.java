package com.shopops.platform.cli;

import com.shopops.api.Shop;
import com.shopops.api.data.ShopSummary;
import com.shopops.platform.Installation;
import com.shopops.platform.data.SummaryReport;
import com.shopops.platform.server.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shopops summary}: a shop's headline figures over a range of days. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "A shop's headline figures: orders, guest orders, customers, lines, revenue (cancelled orders excluded).")
final class SummaryCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Option(names = "--shop", paramLabel = "CODE", description = "The shop (default: the only shop).")
    String shop;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day, in the shop's time zone (default: the first order).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day, inclusive (default: the last order).")
    String to;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LocalDate first = SummaryReport.day(from, "--from");
        LocalDate last = SummaryReport.day(to, "--to");
        SummaryReport.checkRange(first, last);
        try (Installation installation = Installation.openCore(locations.config(Map.of()))) {
            Shop target = installation.shop(shop);
            ShopSummary s = installation.data().summary(target.id(), first, last);
            if (json) {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(SummaryReport.json(target, first, last, s)));
                return 0;
            }
            System.out.printf("%s (%s), %s to %s%n", target.name(), target.code(),
                    first == null ? (s.firstOrder() == null ? "-" : s.firstOrder()) : first,
                    last == null ? (s.lastOrder() == null ? "-" : s.lastOrder()) : last);
            System.out.printf("  orders       %,d (of them %,d guest orders)%n", s.orders(), s.guestOrders());
            System.out.printf("  customers    %,d%n", s.customers());
            System.out.printf("  order lines  %,d%n", s.orderLines());
            System.out.printf("  revenue      %s %s%n", money(s.revenue(), s.currency()), s.currency());
            System.out.printf("  refunds      %s %s%n", money(s.refunds(), s.currency()), s.currency());
            return 0;
        }
    }

    static String money(long minor, String currency) {
        java.math.BigDecimal major = com.shopops.api.Money.major(minor, currency);
        return String.format("%,." + major.scale() + "f", major);
    }
}
