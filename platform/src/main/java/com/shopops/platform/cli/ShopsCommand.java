package com.shopops.platform.cli;

import com.shopops.api.Shop;
import com.shopops.platform.Installation;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.server.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shopops shops list|add}: the shops of this installation. */
@Command(name = "shops", mixinStandardHelpOptions = true, description = "List the shops, or add one.",
        subcommands = {ShopsCommand.ListShops.class, ShopsCommand.Add.class})
final class ShopsCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the shops.")
    static final class ListShops implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Installation installation = Installation.openCore(locations.config(Map.of()))) {
                List<Shop> shops = installation.shops().all();
                if (json) {
                    System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(shops));
                    return 0;
                }
                System.out.printf("%-16s %-10s %-8s %-16s %s%n", "CODE", "PLATFORM", "CURRENCY", "TIME ZONE", "NAME");
                for (Shop s : shops) {
                    System.out.printf("%-16s %-10s %-8s %-16s %s%n", s.code(), s.platform(), s.currency(), s.timeZone(), s.name());
                }
                return 0;
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a shop.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Parameters(paramLabel = "CODE", description = "Short code for URLs and --shop, e.g. tmall-flagship.")
        String code;

        @Option(names = "--name", description = "Display name (default: the code).")
        String name;

        @Option(names = "--platform", description = "taobao, tmall, jd, douyin, pinduoduo, shopify or other (default other).")
        String platform;

        @Option(names = "--currency", description = "ISO 4217 code (default CNY).")
        String currency;

        @Option(names = "--time-zone", description = "The shop's time zone (default Asia/Shanghai).")
        String timeZone;

        @Override
        public Integer call() throws Exception {
            try (Installation installation = Installation.openCore(locations.config(Map.of()))) {
                Shop shop = installation.shops().create(new ShopStore.NewShop(code, name == null ? code : name, platform,
                        currency, timeZone));
                System.out.printf("added shop %s (%s, %s, %s)%n", shop.code(), shop.platform(), shop.currency(), shop.timeZone());
                return 0;
            }
        }
    }
}
