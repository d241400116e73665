package com.shopops.plugins.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Finding;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.Order.Status;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.members.MemberStore.NewAction;
import com.shopops.plugins.members.analysis.Offer;
import com.shopops.plugins.members.analysis.RfmScore;
import com.shopops.plugins.members.analysis.Segment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The members plugin's briefing findings on a hand-made shop in a real database: ten customers whose
 * segments are known by construction, a snapshot of a week ago, and an action whose window ends on the
 * briefing's day. Every expected figure is worked out in the comments.
 */
class MembersFindingsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate D = LocalDate.of(2024, 6, 30);

    @TempDir
    Path dir;

    /**
     * Customer c{i} (i = 0..9) places i + 1 orders of ¥100 on the days D − 10i, D − 10i − 1, …: recency 10i
     * days, frequency i + 1, spend (i + 1) × 10,000 fen. Ten distinct values each, so quintiles pair them:
     * R = 5 − ⌊i/2⌋ and F = 1 + ⌊i/2⌋ — c0, c1 new (R5 F1); c2, c3 potential loyal (R4 F2); c4, c5 need
     * attention (R3 F3); c6, c7 at risk (R2 F4); c8, c9 can't lose (R1 F5).
     */
    private static Shop handMade(Fresh f, String code) {
        Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC())
                .create(new ShopStore.NewShop(code, null, null, "CNY", "Asia/Shanghai"));
        List<OrderRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k <= i; k++) {
                Instant t = D.minusDays(10L * i + k).atTime(LocalTime.NOON).atZone(SHANGHAI).toInstant();
                rows.add(new OrderRow("c" + i + "-" + k, "c" + i, t, t, Status.PAID, null, null, "P1", "product", 1, 10_000,
                        10_000, 0, null));
            }
        }
        f.database().jdbi().useTransaction(h -> new CoreTableWriter(h, shop).orders(rows));
        return shop;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void slippingRepeatRateAnActionDueAndTheBestOpportunity(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "members")) {
            Shop shop = handMade(f, "flagship");
            handMade(f, "outlet");
            TestClock clock = new TestClock(D.plusDays(1).atTime(9, 0).atZone(SHANGHAI).toInstant());
            MemberStore store = new MemberStore(f.database().jdbi());
            MemberReadings readings = new MemberReadings(f.data(), store,
                    new PluginSettings(f.database().jdbi(), "members", Clock.systemUTC()), clock);
            List<RfmScore> now = readings.scores(shop.id(), D);
            Map<String, String> segments = now.stream().collect(Collectors.toMap(RfmScore::externalId, s -> s.segment().id()));
            assertEquals("new", segments.get("c1"));
            assertEquals("at-risk", segments.get("c7"));
            assertEquals("cant-lose", segments.get("c8"));

            // A week ago c6..c9 were champions and c0 loyal: c6..c9 have slipped (c0, new now, has not), and
            // together they have spent 70,000 + 80,000 + 90,000 + 100,000 = 340,000 fen (today's snapshot's spend).
            List<RfmScore> weekAgo = now.stream().map(s -> new RfmScore(s.customerId(), s.externalId(), 0, 0, 0, 5, 5, 5,
                    s.externalId().equals("c0") ? Segment.LOYAL
                            : Integer.parseInt(s.externalId().substring(1)) >= 6 ? Segment.CHAMPIONS : s.segment())).toList();
            store.saveSnapshot(shop.id(), D.minusDays(7), weekAgo);
            // The weekly job scores today's segments: the latest is a week old, so D's is taken; asked again, none.
            WeeklySnapshots weekly = new WeeklySnapshots(readings, new ShopStore(f.database().jdbi(), Clock.systemUTC()));
            assertEquals(java.util.Optional.of(D), weekly.takeIfDue(shop));
            assertEquals(java.util.Optional.empty(), weekly.takeIfDue(shop));
            assertEquals(10, store.snapshot(shop.id(), D).size());
            assertEquals(1, weekly.takeDue(), "the other shop had none yet");

            // An action sent 14 days before D and measured over 14 days: its window, D − 13 .. D, ends today.
            // Treated c0..c7: c0 (D) and c1 (D − 10, D − 11) bought in it, 2 of 8; held back c8, c9: none.
            List<ActionCustomer> customers = now.stream().map(s -> new ActionCustomer(s.customerId(), s.externalId(),
                    s.externalId().equals("c8") || s.externalId().equals("c9"), s.segment(), null)).toList();
            StoredAction action = store.createAction(shop.id(), new NewAction("夏季回归", Offer.WIN_BACK_COUPON, "满99减30", 0.2, "{}", 14),
                    customers, "li", clock.instant());
            store.markSent(shop.id(), action.id(), D.minusDays(14));

            MembersFindings findings = new MembersFindings(readings, new BundleMessages("members", getClass().getClassLoader()));
            Map<String, Finding> byMetric = findings.findings(shop, D, Locale.ENGLISH).stream()
                    .collect(Collectors.toMap(Finding::metric, x -> x));
            assertEquals(List.of("members.action-uplift", "members.opportunity", "members.repeat-rate", "members.slipping"),
                    byMetric.keySet().stream().sorted().toList());

            Finding slipping = byMetric.get("members.slipping");
            assertEquals(Severity.WARNING, slipping.severity());
            assertEquals(4.0, slipping.value());
            assertEquals(340_000, slipping.impact());
            assertTrue(slipping.title().startsWith("4 valuable customers"), slipping.title());

            // Last 30 days (D − 29 .. D): c0 one order, c1 two, c2 three → 2 of 3 repeat; the 30 before:
            // c3, c4, c5 with 4, 5 and 6 orders → 3 of 3.
            Finding repeat = byMetric.get("members.repeat-rate");
            assertEquals(Severity.WARNING, repeat.severity());
            assertEquals(2.0 / 3, repeat.value(), 1e-12);
            assertEquals(1.0, repeat.expected(), 1e-12);

            Finding measured = byMetric.get("members.action-uplift");
            assertEquals(Severity.INFO, measured.severity(), "10 customers are too few to call it");
            assertEquals(2.0 / 8, measured.value(), 1e-12, "2 of 8 treated against 0 of 2 held back");
            assertTrue(measured.detail().contains("too few"), measured.detail());

            // Win-back candidates: can't lose c8, c9 at 95,000 each → 2 × 95,000 × 5% = 9,500; at risk c6, c7
            // at 75,000 → 7,500; need attention c4, c5 → 5,500. The best is can't lose.
            Finding chance = byMetric.get("members.opportunity");
            assertEquals(9_500, chance.impact());
            assertTrue(chance.title().startsWith("Can't lose: 2 customers"), chance.title());

            // Asked again the same day, the same: the briefing reads the stored snapshots and changes nothing.
            assertEquals(4.0, findings.findings(shop, D, Locale.ENGLISH).stream()
                    .filter(x -> x.metric().equals("members.slipping")).findFirst().orElseThrow().value());
            assertEquals(D, store.latestSnapshot(shop.id(), D).orElseThrow());
        }
    }
}
