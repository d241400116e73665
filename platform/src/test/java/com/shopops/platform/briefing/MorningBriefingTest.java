package com.shopops.platform.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.BriefingContributor;
import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Briefings made, stored, read back, outdated and compared day over day, on SQLite and PostgreSQL. */
class MorningBriefingTest {

    @TempDir
    Path dir;

    /** 2026-11-23 09:00 in Shanghai: the shop's yesterday is 2026-11-22. */
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicReference<List<Finding>> answer = new AtomicReference<>(List.of());

    private MorningBriefing briefing(Fresh f, FindingGathering gathering, Map<String, Long> tasks) {
        BriefingContributor plugin = (shop, day) -> {
            asked.incrementAndGet();
            return answer.get();
        };
        return new MorningBriefing(new Briefings(f.database().jdbi()), gathering,
                () -> List.of(new FindingGathering.Source("traffic", List.of(plugin))),
                new PluginSettings(f.database().jdbi(), "core", clock), new BundleMessages("core", getClass().getClassLoader()),
                (shopId, day) -> tasks, clock);
    }

    private static Finding uv(Severity severity, double value) {
        return new Finding("traffic", severity, "Visitors " + value, "detail", "uv", value, 1000.0, Finding.Unit.COUNT,
                "Check the sources", Role.PROMOTION, "/ui/traffic/", 50, List.of(900.0, 950.0, value));
    }

    private static Finding stock(Severity severity) {
        return new Finding("traffic", severity, "Hero item stock low", null, "stock", 3.0, 50.0, Finding.Unit.COUNT,
                null, Role.OPERATOR, null, 10);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void storedOnceReadBackOutdatedByAnImportAndComparedWithTheDayBefore(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir); FindingGathering gathering = new FindingGathering()) {
            Shop shop = new ShopStore(f.database().jdbi(), clock).create(new ShopStore.NewShop("s1", "Shop", "taobao", "CNY", "Asia/Shanghai"));
            MorningBriefing briefing = briefing(f, gathering, Map.of("traffic:uv", 41L));
            assertEquals(LocalDate.of(2026, 11, 22), briefing.yesterday(shop));

            answer.set(List.of(uv(Severity.WARNING, 800), stock(Severity.WARNING)));
            Briefing first = briefing.of(shop, LocalDate.of(2026, 11, 21), Locale.ENGLISH, false);
            assertFalse(first.partial());
            assertNull(first.comparedWith());
            assertEquals(1, asked.get());

            answer.set(List.of(uv(Severity.CRITICAL, 600), new Finding("traffic", Severity.GOOD, "Conversion up", null,
                    "cr", 0.031, 0.025, Finding.Unit.RATE, null, null, null, 0)));
            Briefing second = briefing.of(shop, LocalDate.of(2026, 11, 22), Locale.ENGLISH, false);
            assertEquals(LocalDate.of(2026, 11, 21), second.comparedWith());
            assertEquals(List.of("traffic:uv", "traffic:cr"), second.findings().stream().map(Briefing.Item::key).toList());
            Briefing.Item uvItem = second.findings().get(0);
            assertEquals(Briefing.Change.WORSE, uvItem.change());
            assertEquals(800.0, uvItem.previousValue());
            assertEquals(41L, uvItem.taskId());
            assertEquals(List.of(900.0, 950.0, 600.0), uvItem.finding().trend(), "the trend is stored with the finding");
            assertEquals(List.of("Hero item stock low"), second.cleared().stream().map(i -> i.finding().title()).toList());

            // Read back as stored: the plugin is not asked again, whatever it would say now.
            answer.set(List.of());
            Briefing again = briefing.of(shop, LocalDate.of(2026, 11, 22), Locale.ENGLISH, false);
            assertEquals(2, asked.get());
            assertEquals(second.findings().stream().map(i -> i.finding().title()).toList(),
                    again.findings().stream().map(i -> i.finding().title()).toList());
            assertEquals(second.madeAt(), again.madeAt());

            // Another language is another briefing.
            briefing.of(shop, LocalDate.of(2026, 11, 22), Locale.SIMPLIFIED_CHINESE, false);
            assertEquals(3, asked.get());

            // An import outdates it: the next reading gathers again.
            new Briefings(f.database().jdbi()).outdate(shop.id());
            Briefing remade = briefing.of(shop, LocalDate.of(2026, 11, 22), Locale.ENGLISH, false);
            assertEquals(4, asked.get());
            assertTrue(remade.findings().isEmpty());
            assertEquals(2, remade.cleared().size(), "both of the 21st's warnings are gone now");

            briefing.of(shop, LocalDate.of(2026, 11, 22), Locale.ENGLISH, true);
            assertEquals(5, asked.get(), "remake always gathers");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void todayIsMadeButNotStoredAndTomorrowIsRefused(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir); FindingGathering gathering = new FindingGathering()) {
            Shop shop = new ShopStore(f.database().jdbi(), clock).create(new ShopStore.NewShop("s2", "Shop", "shopify", "USD", "America/New_York"));
            MorningBriefing briefing = briefing(f, gathering, Map.of());
            // 01:00 UTC is still the 22nd in New York.
            assertEquals(LocalDate.of(2026, 11, 21), briefing.yesterday(shop));
            answer.set(List.of(stock(Severity.INFO)));
            Briefing today = briefing.of(shop, LocalDate.of(2026, 11, 22), Locale.ENGLISH, false);
            assertTrue(today.partial());
            briefing.of(shop, LocalDate.of(2026, 11, 22), Locale.ENGLISH, false);
            assertEquals(2, asked.get(), "today's briefing is not stored, so it is gathered each time");
            assertTrue(new Briefings(f.database().jdbi()).load(shop.id(), LocalDate.of(2026, 11, 22), Locale.ENGLISH).isEmpty());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> briefing.of(shop, LocalDate.of(2026, 11, 23), Locale.ENGLISH, false));
            assertTrue(e.getMessage().contains("America/New_York"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theTimeLimitIsTheShopsSetting(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir); FindingGathering gathering = new FindingGathering()) {
            Shop shop = new ShopStore(f.database().jdbi(), clock).create(new ShopStore.NewShop("s3", "Shop", "jd", "CNY", "Asia/Shanghai"));
            PluginSettings settings = new PluginSettings(f.database().jdbi(), "core", clock);
            MorningBriefing briefing = briefing(f, gathering, Map.of());
            assertEquals(MorningBriefing.DEFAULT_LIMIT, briefing.limit(shop));
            settings.put(shop.id(), MorningBriefing.LIMIT_SETTING, "2.5");
            assertEquals(2_500, briefing.limit(shop).toMillis());
            settings.put(shop.id(), MorningBriefing.LIMIT_SETTING, "-1");
            assertEquals(MorningBriefing.DEFAULT_LIMIT, briefing.limit(shop), "never no limit");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void yesterdaysBriefingIsMadeInTheMorningInTheLanguagesTheTeamReads(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir); FindingGathering gathering = new FindingGathering()) {
            ShopStore shops = new ShopStore(f.database().jdbi(), clock);
            Shop shanghai = shops.create(new ShopStore.NewShop("sh", "Shop", "taobao", "CNY", "Asia/Shanghai"));
            Shop newYork = shops.create(new ShopStore.NewShop("ny", "Shop", "shopify", "USD", "America/New_York"));
            MorningBriefing briefing = briefing(f, gathering, Map.of());
            briefing.of(shanghai, LocalDate.of(2026, 11, 20), Locale.SIMPLIFIED_CHINESE, false);
            asked.set(0);

            // 09:00 in Shanghai, 20:00 the day before in New York: New York's yesterday (the 21st) is made too.
            assertEquals(2, briefing.makeYesterdays(List.of(shanghai, newYork)));
            Briefings store = new Briefings(f.database().jdbi());
            assertTrue(store.isCurrent(shanghai.id(), LocalDate.of(2026, 11, 22), Locale.SIMPLIFIED_CHINESE));
            assertFalse(store.isCurrent(shanghai.id(), LocalDate.of(2026, 11, 22), Locale.ENGLISH));
            assertTrue(store.isCurrent(newYork.id(), LocalDate.of(2026, 11, 21), Locale.ENGLISH));
            assertEquals(0, briefing.makeYesterdays(List.of(shanghai, newYork)), "made once");

            clock.set(Instant.parse("2026-11-23T20:00:00Z")); // 04:00 on the 24th in Shanghai: too early
            assertEquals(1, briefing.makeYesterdays(List.of(shanghai, newYork)), "only New York's morning has come");
        }
    }
}
