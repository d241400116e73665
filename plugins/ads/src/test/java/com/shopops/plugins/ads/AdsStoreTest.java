package com.shopops.plugins.ads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.ads.AdsStore.DaySpend;
import com.shopops.plugins.ads.AdsStore.OtherSpend;
import com.shopops.plugins.ads.analysis.SearchTermStats;
import com.shopops.plugins.ads.analysis.KeywordStats;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's sums on small hand-checked data, the same on SQLite and PostgreSQL, and the decisions' life. */
class AdsStoreTest {

    private static final LocalDate APR_30 = LocalDate.of(2024, 4, 30);
    private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
    private static final LocalDate MAY_2 = LocalDate.of(2024, 5, 2);
    private static final LocalDate MAY_3 = LocalDate.of(2024, 5, 3);
    private static final LocalDate MAY_4 = LocalDate.of(2024, 5, 4);

    @TempDir
    Path dir;

    private static KeywordDay k1(LocalDate day, long imp, long clicks, long cost, long orders, long gmv, Double rank, Integer qs,
                                 Long bid) {
        return new KeywordDay(day, "C1", "G1", "P1", "k1", imp, clicks, cost, orders, gmv, rank, qs, bid);
    }

    private static <T> T in(Jdbi jdbi, long shop, java.util.function.Function<ReportWriter, T> write) {
        return jdbi.inTransaction(h -> write.apply(new ReportWriter(h, shop)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keywordFiguresAreAddedUpPerKeywordWithinTheRangeAndShop(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            Jdbi jdbi = f.database().jdbi();
            WriteResult written = in(jdbi, a, w -> w.keywords(List.of(
                    k1(APR_30, 100, 10, 500, 1, 1000, 2.0, 7, 60L),
                    k1(MAY_1, 200, 20, 1000, 2, 2000, 3.0, 8, 50L),
                    k1(MAY_2, 300, 30, 1500, 0, 0, 5.0, null, 55L),
                    k1(MAY_3, 0, 0, 0, 0, 0, null, 6, null),
                    k1(MAY_4, 50, 5, 250, 0, 0, 1.0, 10, 99L),
                    new KeywordDay(MAY_2, "C1", "G1", "P1", "k2", 0, 0, 0, 0, 0, 4.0, null, null))));
            assertEquals(new WriteResult(6, 0), written);
            in(jdbi, b, w -> w.keywords(List.of(k1(MAY_1, 99_999, 9_999, 99_999, 99, 99_999, 1.0, 1, 1L))));

            AdsStore store = new AdsStore(jdbi);
            assertEquals(List.of(
                    // rank (3 × 200 + 5 × 300) / 500; the quality score of 3 May and the bid of 2 May, the latest reported
                    new KeywordStats("C1", "G1", "P1", "k1", MAY_1, MAY_3, 500, 50, 2500, 2, 2000, 4.2, 6, 55L),
                    // a rank with no impressions behind it: its plain average
                    new KeywordStats("C1", "G1", "P1", "k2", MAY_1, MAY_3, 0, 0, 0, 0, 0, 4.0, null, null)),
                    store.keywords(a, MAY_1, MAY_3));
            assertEquals(List.of(
                    new KeywordStats("C1", "G1", "P1", "k1", MAY_1, MAY_1, 200, 20, 1000, 2, 2000, 3.0, 8, 50L),
                    new KeywordStats("C1", "G1", "P1", "k1", MAY_2, MAY_2, 300, 30, 1500, 0, 0, 5.0, null, 55L),
                    new KeywordStats("C1", "G1", "P1", "k2", MAY_2, MAY_2, 0, 0, 0, 0, 0, 4.0, null, null)),
                    store.keywordDays(a, MAY_1, MAY_2));
            assertEquals(List.of(new KeywordStats("C1", "G1", "P1", "k1", MAY_1, MAY_1, 99_999, 9_999, 99_999, 99, 99_999, 1.0, 1, 1L)),
                    store.keywords(b, MAY_1, MAY_1));
            assertEquals(Optional.of(MAY_4), store.latestKeywordDay(a));
            assertEquals(Optional.empty(), store.latestKeywordDay(f.newShop("empty")));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void spendPerDayAddsKeywordsDisplayAndAffiliateButNotSearchTerms(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            Jdbi jdbi = f.database().jdbi();
            in(jdbi, a, w -> w.keywords(List.of(k1(MAY_1, 200, 20, 1000, 2, 2000, null, null, null),
                    k1(MAY_3, 10, 0, 0, 0, 0, null, null, null))));
            in(jdbi, a, w -> w.searchTerms(List.of(new SearchTermDay(MAY_1, "C1", "G1", "P1", "k1", "k1 cheap", 50, 5, 250, 1, 900))));
            in(jdbi, a, w -> w.spend(List.of(
                    new SpendDay(MAY_1, SpendDay.Kind.DISPLAY, "D1", 10_000, 50, 300, 1, 800),
                    new SpendDay(MAY_1, SpendDay.Kind.DISPLAY, "D2", 5_000, 20, 200, 0, 0),
                    new SpendDay(MAY_2, SpendDay.Kind.AFFILIATE, "A", 0, 30, 50, 1, 500),
                    new SpendDay(LocalDate.of(2024, 5, 6), SpendDay.Kind.AFFILIATE, "A", 0, 1, 1, 0, 0))));
            in(jdbi, b, w -> w.spend(List.of(new SpendDay(MAY_1, SpendDay.Kind.DISPLAY, "D1", 1, 1, 9_999, 0, 0))));
            in(jdbi, b, w -> w.searchTerms(List.of(new SearchTermDay(MAY_1, "C1", "G1", "P1", "k1", "other shop", 1, 1, 1, 1, 1))));

            AdsStore store = new AdsStore(jdbi);
            assertEquals(List.of(new DaySpend(MAY_1, 1000, 500, 0), new DaySpend(MAY_2, 0, 0, 50), new DaySpend(MAY_3, 0, 0, 0)),
                    store.spendPerDay(a, MAY_1, MAY_3));
            assertEquals(List.of(new OtherSpend(MAY_1, SpendDay.Kind.DISPLAY, 15_000, 70, 500, 1, 800),
                            new OtherSpend(MAY_2, SpendDay.Kind.AFFILIATE, 0, 30, 50, 1, 500)),
                    store.otherSpend(a, MAY_1, MAY_3));
            assertEquals(List.of(new SearchTermStats("C1", "G1", "P1", "k1", "k1 cheap", 50, 5, 250, 1, 900)),
                    store.searchTerms(a, MAY_1, MAY_3));
            assertEquals(Optional.of(LocalDate.of(2024, 5, 6)), store.latestDay(a));
            assertEquals(Optional.of(MAY_3), store.latestKeywordDay(a));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void decisionsAreProposedReplacedWhileOpenDecidedAndKept(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "ads")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            AdsStore store = new AdsStore(f.database().jdbi());
            Instant monday = Instant.parse("2024-05-06T01:00:00Z");
            Decision.Proposal raise = new Decision.Proposal(MAY_1, MAY_3, "C1", "G1", "P1", "k1", "raise-bid", "ads.reason.roi-high",
                    "[4.2,3.0]", 66L, "{\"clicks\":50}");
            Decision.Proposal pause = new Decision.Proposal(MAY_1, MAY_3, "C1", "G1", "P1", "k2", "pause", "ads.reason.no-orders",
                    "[]", null, "{}");

            List<Decision> first = store.propose(a, List.of(raise, pause), monday);
            assertEquals(2, first.size());
            Decision r = first.get(0);
            assertEquals(Decision.Status.PROPOSED, r.status());
            assertEquals(66L, r.suggestedBid());
            assertEquals(monday, r.createdAt());
            assertNull(first.get(1).suggestedBid());

            // proposed again for the same range while open: replaced in place
            Decision.Proposal lower = new Decision.Proposal(MAY_1, MAY_3, "C1", "G1", "P1", "k1", "lower-bid", "ads.reason.roi-low",
                    "[1.0]", 40L, "{}");
            Decision replaced = store.propose(a, List.of(lower), monday.plusSeconds(60)).get(0);
            assertEquals(r.id(), replaced.id());
            assertEquals("lower-bid", replaced.action());
            assertEquals(40L, replaced.suggestedBid());

            Instant decidedAt = Instant.parse("2024-05-06T02:03:04.5Z");
            Decision accepted = store.decide(a, r.id(), Decision.Status.ACCEPTED, "li", decidedAt).orElseThrow();
            assertEquals(Decision.Status.ACCEPTED, accepted.status());
            assertEquals("li", accepted.decidedBy());
            assertEquals(decidedAt, accepted.decidedAt());
            // proposing again leaves what the operator accepted alone
            Decision kept = store.propose(a, List.of(raise), monday.plusSeconds(120)).get(0);
            assertEquals(accepted, kept);

            assertEquals(Optional.empty(), store.decide(b, r.id(), Decision.Status.DISMISSED, "x", decidedAt), "another shop's decision");
            assertEquals(List.of(accepted), store.decisions(a, MAY_3, MAY_3, Decision.Status.ACCEPTED));
            assertEquals(List.of("k1", "k2"), store.decisions(a, MAY_1, MAY_4, null).stream().map(Decision::keyword).toList());
            assertTrue(store.decisions(a, MAY_4, MAY_4, null).isEmpty(), "ranges ending on 3 May only");
            assertTrue(store.decisions(b, MAY_1, MAY_4, null).isEmpty());

            Decision reopened = store.decide(a, r.id(), Decision.Status.PROPOSED, "li", decidedAt).orElseThrow();
            assertNull(reopened.decidedBy());
            assertNull(reopened.decidedAt());
            assertEquals(Optional.of(reopened), store.decision(a, r.id()));
        }
    }
}
