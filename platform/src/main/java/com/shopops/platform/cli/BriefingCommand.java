package com.shopops.platform.cli;

import com.shopops.api.Shop;
import com.shopops.platform.Installation;
import com.shopops.platform.briefing.Briefing;
import com.shopops.platform.briefing.BriefingJson;
import com.shopops.platform.briefing.BriefingText;
import com.shopops.platform.briefing.MorningBriefing;
import com.shopops.platform.data.SummaryReport;
import com.shopops.platform.server.Json;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code shopops briefing}: the morning briefing on the terminal, or as markdown or JSON for cron to
 * mail or post. It is the same briefing the home page shows, stored the same way.
 */
@Command(name = "briefing", mixinStandardHelpOptions = true,
        description = "The shop's morning briefing: findings by severity with their figures, suggested actions and who should act.")
final class BriefingCommand implements Callable<Integer> {

    enum Format { text, markdown, json }

    @Mixin
    Locations locations;

    @Option(names = "--shop", paramLabel = "CODE", description = "The shop (default: the only shop).")
    String shop;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day the briefing is about (default: yesterday in the shop's time zone).")
    String date;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "en or zh-CN (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--remake", description = "Gather the findings again instead of reading the stored briefing.")
    boolean remake;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where the team opens ShopOps, e.g. https://ops.example.com: markdown then links each finding to its page.")
    String baseUrl;

    @Override
    public Integer call() throws Exception {
        LocalDate day = SummaryReport.day(date, "--date");
        Locale locale = switch (lang.toLowerCase(Locale.ROOT)) {
            case "en" -> Locale.ENGLISH;
            case "zh", "zh-cn" -> Locale.SIMPLIFIED_CHINESE;
            default -> throw new IllegalArgumentException("--lang must be en or zh-CN, not '" + lang + "'");
        };
        try (Installation installation = Installation.open(locations.config(Map.of()))) {
            Shop target = installation.shop(shop);
            MorningBriefing briefing = installation.briefing();
            Briefing b = briefing.of(target, day == null ? briefing.yesterday(target) : day, locale, remake);
            BriefingText words = new BriefingText(installation.coreMessages());
            switch (format) {
                case markdown -> System.out.print(words.markdown(b, baseUrl));
                case json -> System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(BriefingJson.of(b)));
                default -> System.out.print(words.text(b));
            }
            return 0;
        }
    }
}
