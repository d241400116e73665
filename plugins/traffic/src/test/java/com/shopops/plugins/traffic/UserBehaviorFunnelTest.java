package com.shopops.plugins.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.shopops.api.Shop;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.BehaviourEvent.Type;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.core.ShopStore.NewShop;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.traffic.FunnelStore.ProductFunnel;
import com.shopops.plugins.traffic.analysis.Funnel;
import com.shopops.plugins.traffic.analysis.HourlyHeatMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The funnel and heat map on the real Taobao UserBehavior slice (/work/shared/data/user-behavior), against
 * a plain loop over the raw CSV written here, and against totals computed with the sqlite3 CLI:
 * <pre>
 * CREATE TABLE raw(user_id, item_id, category_id, type, ts); .mode csv; .import user_behavior_first_users.csv raw
 * CREATE TABLE ev AS SELECT DISTINCT user_id, item_id, type, ts, date(ts, 'unixepoch', '+8 hours') AS day FROM raw;
 * SELECT COUNT(DISTINCT user_id), SUM(type='pv'), SUM(type='fav'), SUM(type='cart'), SUM(type='buy'),
 *        COUNT(DISTINCT CASE WHEN type='buy' THEN user_id END) FROM ev WHERE day BETWEEN '2017-11-25' AND '2017-12-03';
 * -- 139|13685|390|766|300|87   (and 2017-12-03 alone: 137|1715|62|106|44|26)
 * </pre>
 * The slice has quirks of its own: one event in September 2017 and four on 24 November, China time.
 */
class UserBehaviorFunnelTest {

    private static final Path CSV = Path.of(System.getProperty("shopops.shared",
            "/work/shared"), "data/user-behavior/user_behavior_first_users.csv");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FROM = LocalDate.of(2017, 11, 25);
    private static final LocalDate TO = LocalDate.of(2017, 12, 3);

    @TempDir
    Path dir;

    private static List<BehaviourEvent> events() throws Exception {
        assumeTrue(Files.isReadable(CSV), "the UserBehavior slice is not at " + CSV);
        List<BehaviourEvent> out = new ArrayList<>();
        for (String line : Files.readAllLines(CSV, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            Type type = switch (f[3]) {
                case "pv" -> Type.VIEW;
                case "fav" -> Type.FAVOURITE;
                case "cart" -> Type.CART;
                case "buy" -> Type.BUY;
                default -> throw new IllegalStateException("unknown behaviour " + f[3]);
            };
            out.add(new BehaviourEvent(0, f[0], f[1], f[2], type, Instant.ofEpochSecond(Long.parseLong(f[4].strip()))));
        }
        return out;
    }

    /** The independent count: a plain loop, distinct events by (user, item, type, second) as the core stores them. */
    private static Map<String, Funnel> loop(List<BehaviourEvent> events, LocalDate from, LocalDate to, boolean byItem) {
        Set<String> seen = new HashSet<>();
        Map<String, Set<String>> visitors = new TreeMap<>();
        Map<String, Set<String>> buyers = new HashMap<>();
        Map<String, long[]> counts = new HashMap<>();
        for (BehaviourEvent e : events) {
            LocalDate day = LocalDate.ofInstant(e.at(), CHINA);
            if (day.isBefore(from) || day.isAfter(to) || !seen.add(e.userId() + "|" + e.itemId() + "|" + e.type() + "|" + e.at())) {
                continue;
            }
            String key = byItem ? e.itemId() : day.toString();
            visitors.computeIfAbsent(key, k -> new HashSet<>()).add(e.userId());
            counts.computeIfAbsent(key, k -> new long[4])[e.type().ordinal()]++;
            if (e.type() == Type.BUY) {
                buyers.computeIfAbsent(key, k -> new HashSet<>()).add(e.userId());
            }
        }
        Map<String, Funnel> out = new TreeMap<>();
        visitors.forEach((key, users) -> {
            long[] c = counts.get(key);
            out.put(key, new Funnel(users.size(), c[0], c[1], c[2], c[3], buyers.getOrDefault(key, Set.of()).size()));
        });
        return out;
    }

    private static Funnel sum(Map<String, Funnel> days, List<BehaviourEvent> events) {
        // visitors and buyers are distinct over the whole range, not a sum of days: count them again
        Set<String> users = new HashSet<>();
        Set<String> buyers = new HashSet<>();
        for (BehaviourEvent e : events) {
            LocalDate day = LocalDate.ofInstant(e.at(), CHINA);
            if (!day.isBefore(FROM) && !day.isAfter(TO)) {
                users.add(e.userId());
                if (e.type() == Type.BUY) {
                    buyers.add(e.userId());
                }
            }
        }
        long[] c = new long[4];
        days.values().forEach(f -> {
            c[0] += f.views();
            c[1] += f.favourites();
            c[2] += f.carts();
            c[3] += f.buys();
        });
        return new Funnel(users.size(), c[0], c[1], c[2], c[3], buyers.size());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theFunnelOfTheRealDataMatchesAPlainCount(Kind kind) throws Exception {
        List<BehaviourEvent> events = events();
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new NewShop("taobao", null, "taobao", null, null));
            f.database().jdbi().useTransaction(h -> new CoreTableWriter(h, shop).events(events));
            FunnelStore store = new FunnelStore(f.data());

            Funnel total = store.funnel(shop.id(), FROM, TO, null);
            assertEquals(new Funnel(139, 13685, 390, 766, 300, 87), total, "the sqlite3 CLI's figures");
            Map<String, Funnel> days = loop(events, FROM, TO, false);
            assertEquals(sum(days, events), total, "the loop's figures");
            assertEquals(new Funnel(137, 1715, 62, 106, 44, 26), store.funnel(shop.id(), TO, TO, null));

            Map<String, Funnel> stored = new TreeMap<>();
            store.funnelByDay(shop.id(), FROM, TO, null).forEach((day, funnel) -> stored.put(day.toString(), funnel));
            assertEquals(days, stored);

            // the whole slice, its stray September and 24 November events included
            LocalDate first = LocalDate.of(2017, 9, 1);
            Funnel everything = store.funnel(shop.id(), first, TO, null);
            Map<String, Funnel> allDays = loop(events, first, TO, false);
            assertEquals(15146, everything.views() + everything.favourites() + everything.carts() + everything.buys(),
                    "every line of the slice is one event (it has no duplicates)");
            assertEquals(allDays.values().stream().mapToLong(Funnel::views).sum(), everything.views());

            // per product: the 25 most viewed, and one product's funnel on its own
            Map<String, Funnel> items = loop(events, FROM, TO, true);
            List<String> expectedTop = items.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Funnel>>comparingLong(e -> -e.getValue().views())
                            .thenComparingLong(e -> -e.getValue().visitors()).thenComparing(Map.Entry::getKey))
                    .limit(25).map(Map.Entry::getKey).toList();
            List<ProductFunnel> top = store.funnelByProduct(shop.id(), FROM, TO, 25);
            assertEquals(expectedTop, top.stream().map(ProductFunnel::product).toList());
            top.forEach(p -> assertEquals(items.get(p.product()), p.funnel(), p.product()));
            String product = expectedTop.get(0);
            assertEquals(items.get(product), store.funnel(shop.id(), FROM, TO, product));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theHeatMapOfTheRealDataMatchesAPlainCount(Kind kind) throws Exception {
        List<BehaviourEvent> events = events();
        try (Fresh f = TestDatabases.migrated(kind, dir, "traffic")) {
            Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new NewShop("taobao", null, "taobao", null, null));
            f.database().jdbi().useTransaction(h -> new CoreTableWriter(h, shop).events(events));
            FunnelStore store = new FunnelStore(f.data());

            // distinct users per China clock hour, added up by weekday and hour
            Map<String, Set<String>> hours = new HashMap<>();
            for (BehaviourEvent e : events) {
                ZonedDateTime t = e.at().atZone(CHINA);
                if (!t.toLocalDate().isBefore(FROM) && !t.toLocalDate().isAfter(TO)) {
                    hours.computeIfAbsent(t.getDayOfWeek().getValue() + "|" + t.getHour() + "|" + t.toLocalDate(), k -> new HashSet<>())
                            .add(e.userId());
                }
            }
            long[][] expected = new long[8][24];
            hours.forEach((key, users) -> {
                String[] k = key.split("\\|");
                expected[Integer.parseInt(k[0])][Integer.parseInt(k[1])] += users.size();
            });
            HourlyHeatMap map = HourlyHeatMap.of(FROM, TO, store.hours(shop.id(), FROM, TO));
            for (HourlyHeatMap.Cell c : map.cells()) {
                assertEquals(expected[c.weekday().getValue()][c.hour()], c.visitors(), c.weekday() + " " + c.hour());
            }
        }
    }
}
