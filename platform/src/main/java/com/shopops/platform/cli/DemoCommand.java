package com.shopops.platform.cli;

import com.shopops.platform.Installation;
import com.shopops.platform.data.SummaryReport;
import com.shopops.platform.demo.DemoSeeder;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shopops demo}: creates a realistic, deterministic demo shop. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Create a demo shop with a year of realistic history (same seed, same data).",
                "Products with a hero item, traffic by source, orders from new and returning customers, refunds,",
                "reviews, behaviour events and targets, plus what each installed plugin adds."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Option(names = "--shop", paramLabel = "CODE", description = "The new shop's code (default demo).")
    String shop = DemoSeeder.DEFAULT_CODE;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default 42).")
    long seed = DemoSeeder.DEFAULT_SEED;

    @Option(names = "--days", paramLabel = "N", description = "Days of history (default 365).")
    int days = DemoSeeder.DEFAULT_DAYS;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last day of history (default yesterday, Asia/Shanghai).")
    String until;

    @Override
    public Integer call() {
        LocalDate last = SummaryReport.day(until, "--until");
        try (Installation installation = Installation.open(locations.config(Map.of()))) {
            DemoSeeder seeder = new DemoSeeder(installation);
            DemoSeeder.Progress progress = (step, done, total) -> {
                if (System.console() != null) {
                    System.err.printf("\r%-10s %,d / %,d   ", step, done, total);
                }
            };
            DemoSeeder.Result made = last == null ? seeder.create(shop, seed, days, progress)
                    : seeder.create(shop, seed, days, last, progress);
            if (System.console() != null) {
                System.err.println();
            }
            System.out.println("created demo shop " + made.shop().code() + ": " + made.describe());
            return 0;
        }
    }
}
