package com.shopops.platform.cli;

import com.shopops.api.Cells;
import com.shopops.api.Shop;
import com.shopops.platform.Installation;
import com.shopops.platform.server.Json;
import com.shopops.platform.targets.TargetPlan;
import com.shopops.platform.targets.TargetPlan.Baselines;
import com.shopops.platform.targets.TargetPlan.MonthTarget;
import com.shopops.platform.targets.TargetPlan.YearTargets;
import com.shopops.platform.targets.TargetReport;
import com.shopops.platform.targets.TargetStore;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shopops targets show|set}: a shop's sales targets and their breakdown to months, weeks and days. */
@Command(name = "targets", mixinStandardHelpOptions = true,
        description = "Show or set a shop's sales targets, broken down to months, weeks and days.",
        subcommands = {TargetsCommand.Show.class, TargetsCommand.Set.class})
final class TargetsCommand extends CommandGroup {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A year's targets by month, with the baselines the days are split with.")
    static final class Show implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Option(names = "--shop", paramLabel = "CODE", description = "The shop (default: the only shop).")
        String shop;

        @Option(names = "--year", paramLabel = "YYYY", description = "The year (default: this year in the shop's time zone).")
        Integer year;

        @Option(names = "--json", description = "Print JSON: the same as GET /api/shops/{shop}/targets, with weeks and days.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Installation installation = Installation.openCore(locations.config(Map.of()))) {
                Shop target = installation.shop(shop);
                int y = year != null ? year : LocalDate.now(installation.clock().withZone(target.timeZone())).getYear();
                TargetStore store = new TargetStore(installation.database().jdbi());
                YearTargets targets = store.year(target.id(), y);
                Map<String, Object> report = TargetReport.json(target, targets, store.lastYear(target.id(), y),
                        store.baselines(target.id()));
                if (json) {
                    System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
                } else {
                    print(target, targets, report);
                }
                return 0;
            }
        }

        @SuppressWarnings("unchecked")
        private static void print(Shop shop, YearTargets t, Map<String, Object> report) {
            String currency = shop.currency();
            System.out.printf("%s (%s), sales targets for %d: %s%n", shop.name(), shop.code(), t.year(),
                    t.sales() == null ? "not set for every month" : SummaryCommand.money(t.sales(), currency) + " " + currency);
            Map<String, Object> base = (Map<String, Object>) report.get("baselines");
            System.out.printf("  split by %s; conversion rate %s, AOV %s%n",
                    "flat".equals(report.get("basis")) ? "equal days (no sales last year)" : "last year's daily sales",
                    base.get("conversionRate") == null ? "unknown" : String.format("%.2f %%", (Double) base.get("conversionRate") * 100),
                    base.get("aov") == null ? "unknown" : SummaryCommand.money((Long) base.get("aov"), currency) + " " + currency);
            System.out.printf("  %-8s %20s %12s %8s %14s %10s%n", "MONTH", "SALES", "UV", "CR", "AOV", "ORDERS");
            for (MonthTarget m : t.months()) {
                System.out.printf("  %-8s %20s %12s %8s %14s %10s%s%n", m.month(),
                        m.sales() == null ? "-" : SummaryCommand.money(m.sales(), currency),
                        m.uv() == null ? "-" : String.format("%,d", m.uv()),
                        m.conversionRate() == null ? "-" : String.format("%.2f%%", m.conversionRate() * 100),
                        m.aov() == null ? "-" : SummaryCommand.money(m.aov(), currency),
                        m.orders() == null ? "-" : String.format("%,d", m.orders()),
                        m.edited() ? "  (set by hand)" : "");
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set the year's sales target (or one month's with --month) and break it down to days.")
    static final class Set implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Option(names = "--shop", paramLabel = "CODE", description = "The shop (default: the only shop).")
        String shop;

        @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The year.")
        int year;

        @Option(names = "--month", paramLabel = "1-12", description = "Set only this month; the year becomes the sum of its months.")
        Integer month;

        @Option(names = "--sales", required = true, paramLabel = "AMOUNT",
                description = "The sales target in the shop's currency, e.g. 1200000.00 (exact; no more decimals than the currency has).")
        String sales;

        @Option(names = "--conversion-rate", paramLabel = "RATE",
                description = "Conversion rate to split days with, e.g. 0.031 or 3.1% (default: the last 90 days').")
        String conversionRate;

        @Option(names = "--aov", paramLabel = "AMOUNT", description = "Average order value to split days with (default: the last 90 days').")
        String aov;

        @Override
        public Integer call() throws Exception {
            TargetStore.checkYear(year);
            if (month != null && (month < 1 || month > 12)) {
                throw new IllegalArgumentException("--month must be from 1 to 12, not " + month);
            }
            if (month != null && (conversionRate != null || aov != null)) {
                throw new IllegalArgumentException("a month is split with its year's conversion rate and AOV; set those for the year");
            }
            try (Installation installation = Installation.openCore(locations.config(Map.of()))) {
                Shop target = installation.shop(shop);
                Currency currency = Currency.getInstance(target.currency());
                long amount = amount(sales, currency, "--sales", TargetPlan.MAX_SALES);
                TargetStore store = new TargetStore(installation.database().jdbi());
                YearTargets before = store.year(target.id(), year);
                YearTargets after;
                String what;
                String was;
                if (month == null) {
                    Double rate = conversionRate == null ? null : Cells.fraction(conversionRate);
                    Long value = aov == null ? null : amount(aov, currency, "--aov", TargetPlan.MAX_AOV);
                    after = store.setYear(target.id(), year, amount, new Baselines(rate, value));
                    what = String.valueOf(year);
                    was = before.sales() == null ? null : "sales " + before.sales();
                } else {
                    after = store.setMonth(target.id(), YearMonth.of(year, month), amount);
                    what = YearMonth.of(year, month).toString();
                    Long old = before.months().get(month - 1).sales();
                    was = old == null ? null : "sales " + old + "; year " + before.sales();
                }
                CommandLineAudit.record(installation, target.id(), "targets.set", what, was,
                        "sales " + amount + "; year " + after.sales());
                String code = target.currency();
                System.out.printf("%s target for %s set to %s %s; the year's is %s%n", what, target.code(),
                        SummaryCommand.money(amount, code), code,
                        after.sales() == null ? "not set for every month" : SummaryCommand.money(after.sales(), code) + " " + code);
                return 0;
            }
        }

        /** An amount in major units, exactly, as minor units: refused when negative or beyond any shop. */
        private static long amount(String text, Currency currency, String option, long max) {
            long minor;
            try {
                minor = Cells.money(text, currency);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage());
            }
            if (minor < 0) {
                throw new IllegalArgumentException(option + " cannot be negative: " + text);
            }
            if (minor > max) {
                throw new IllegalArgumentException(option + " " + text + " is beyond any shop's");
            }
            return minor;
        }
    }
}
