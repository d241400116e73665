package com.shopops.plugins.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.activities.CampaignStore.Filter;
import com.shopops.plugins.activities.CampaignStore.Move;
import com.shopops.plugins.activities.CampaignStore.Outcome;
import com.shopops.plugins.activities.analysis.Campaign;
import com.shopops.plugins.activities.analysis.CampaignProduct;
import com.shopops.plugins.activities.analysis.CampaignStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The campaign store on a real SQLite file and a real PostgreSQL schema: campaigns with their products
 * kept per shop, lists by status, range and channel, status moves checked by the pipeline with the
 * history written (and nothing written when refused), review notes, and reported results.
 */
class CampaignStoreTest {

    static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
    static final Instant T0 = Instant.parse("2024-04-01T02:00:00Z");

    @TempDir
    Path dir;

    static Campaign juhuasuan(LocalDate from, String... skus) {
        return new Campaign(0, "聚划算 五一", Campaign.Kind.PLATFORM, "聚划算", from.minusDays(10), from.minusDays(5), from,
                from.plusDays(2), 1_000_000L, 500L, CampaignStatus.PLANNED, null,
                java.util.Arrays.stream(skus).map(s -> new CampaignProduct(s, 100, 3990L)).toList());
    }

    static Campaign own(String name, LocalDate from) {
        return new Campaign(0, name, Campaign.Kind.OWN, "自营", null, null, from, from.plusDays(2), null, null,
                CampaignStatus.LIVE, "newarrival", List.of(new CampaignProduct("P-1", 50, null)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void campaignsAreStoredWithTheirProductsPerShopAndListedByStatusRangeAndChannel(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "activities")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            CampaignStore store = new CampaignStore(f.database().jdbi());
            StoredCampaign j = store.create(a, juhuasuan(MAY_1, "P-2", "P-1"), "li", T0);
            StoredCampaign o = store.create(a, own("新品首发", LocalDate.of(2024, 4, 20)), "li", T0.plusSeconds(60));
            store.create(b, own("other shop", MAY_1), "x", T0);

            assertEquals(CampaignStatus.PLANNED, o.campaign().status(), "a new campaign is planned whatever it says");
            assertEquals(List.of(new CampaignProduct("P-1", 100, 3990L), new CampaignProduct("P-2", 100, 3990L)),
                    j.campaign().products(), "products by SKU");
            assertEquals("newarrival", o.campaign().sourceTag());
            assertNull(o.campaign().goalGmv());
            assertEquals(List.of("li", T0, "li", T0), List.of(j.createdBy(), j.createdAt(), j.updatedBy(), j.updatedAt()));
            assertEquals(j, store.get(a, j.id()).orElseThrow());
            assertEquals(Optional.empty(), store.get(b, j.id()), "another shop's campaign is not there");

            assertEquals(List.of(o.id(), j.id()), ids(store.list(a, Filter.ALL)), "by first live day");
            assertEquals(List.of(j.id()), ids(store.list(a, new Filter(null, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), null))));
            assertEquals(List.of(o.id()), ids(store.list(a, new Filter(null, LocalDate.of(2024, 4, 22), LocalDate.of(2024, 4, 22), null))),
                    "live on the last day of the range");
            assertEquals(List.of(j.id()), ids(store.list(a, new Filter(null, LocalDate.of(2024, 4, 26), LocalDate.of(2024, 4, 26), null))),
                    "its review day falls in the range");
            assertEquals(List.of(), ids(store.list(a, new Filter(null, LocalDate.of(2024, 4, 23), LocalDate.of(2024, 4, 25), null))));
            assertEquals(List.of(o.id()), ids(store.list(a, new Filter(null, null, null, "自营"))));
            assertEquals(List.of(o.id(), j.id()), ids(store.list(a, new Filter(CampaignStatus.PLANNED, null, null, null))));
            assertEquals(List.of(), ids(store.list(a, new Filter(CampaignStatus.LIVE, null, null, null))));
            assertEquals(Optional.of(j.id()), store.find(a, "聚划算 五一", MAY_1));

            Campaign changed = new Campaign(0, "聚划算 五一 返场", Campaign.Kind.PLATFORM, "聚划算", null, null, MAY_1, MAY_1.plusDays(4),
                    2_000_000L, null, CampaignStatus.REVIEWED, null, List.of(new CampaignProduct("P-3", 7, null)));
            StoredCampaign u = store.update(a, j.id(), changed, "wang", T0.plusSeconds(3600)).orElseThrow();
            assertEquals(List.of(new CampaignProduct("P-3", 7, null)), u.campaign().products(), "products replaced");
            assertEquals(CampaignStatus.PLANNED, u.campaign().status(), "the status moves only through move");
            assertEquals(List.of("聚划算 五一 返场", "wang", "li"), List.of(u.campaign().name(), u.updatedBy(), u.createdBy()));
            assertEquals(Optional.empty(), store.update(b, j.id(), changed, "x", T0));
            assertThrows(IllegalArgumentException.class, () -> store.create(a, new Campaign(0, "bad", Campaign.Kind.OWN, "自营", null,
                    null, MAY_1, MAY_1.minusDays(1), null, null, CampaignStatus.PLANNED, null, List.of()), "li", T0));
        }
    }

    private static List<Long> ids(List<StoredCampaign> list) {
        return list.stream().map(StoredCampaign::id).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void statusMovesFollowThePipelineAndWriteTheHistoryRefusalsWriteNothing(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "activities")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            CampaignStore store = new CampaignStore(f.database().jdbi());
            long id = store.create(a, juhuasuan(MAY_1, "P-1"), "li", T0).id();

            Move skip = store.move(a, id, CampaignStatus.LIVE, "too early", "li", T0.plusSeconds(1));
            assertEquals(Outcome.REFUSED, skip.outcome());
            assertEquals("a platform campaign cannot go from planned to live; from planned it can go to registered", skip.refusal());
            assertEquals(CampaignStatus.PLANNED, store.get(a, id).orElseThrow().campaign().status());
            assertEquals(1, store.history(a, id).size(), "a refused move leaves no trace");

            Instant t1 = T0.plusSeconds(3600);
            Move registered = store.move(a, id, CampaignStatus.REGISTERED, "报名已提交", "wang", t1);
            assertEquals(Outcome.MOVED, registered.outcome());
            assertEquals(List.of(CampaignStatus.REGISTERED, "wang", t1), List.of(registered.campaign().campaign().status(),
                    registered.campaign().updatedBy(), registered.campaign().updatedAt()));
            assertEquals(Outcome.MOVED, store.move(a, id, CampaignStatus.REJECTED, null, "li", t1.plusSeconds(1)).outcome());
            assertEquals(Outcome.MOVED, store.move(a, id, CampaignStatus.PLANNED, "  next round ", "li", t1.plusSeconds(2)).outcome());
            assertEquals(Outcome.REFUSED, store.move(a, id, CampaignStatus.PLANNED, null, "li", t1.plusSeconds(3)).outcome());
            assertEquals(Outcome.NOT_FOUND, store.move(b, id, CampaignStatus.REGISTERED, null, "x", t1).outcome());
            assertEquals(Outcome.NOT_FOUND, store.move(a, 9_999, CampaignStatus.REGISTERED, null, "x", t1).outcome());

            assertEquals(List.of(
                    new StatusChange(0, id, null, CampaignStatus.PLANNED, "li", T0, null),
                    new StatusChange(0, id, CampaignStatus.PLANNED, CampaignStatus.REGISTERED, "wang", t1, "报名已提交"),
                    new StatusChange(0, id, CampaignStatus.REGISTERED, CampaignStatus.REJECTED, "li", t1.plusSeconds(1), null),
                    new StatusChange(0, id, CampaignStatus.REJECTED, CampaignStatus.PLANNED, "li", t1.plusSeconds(2), "next round")),
                    store.history(a, id).stream().map(h -> new StatusChange(0, h.campaignId(), h.from(), h.to(), h.by(), h.at(),
                            h.note())).toList());
            assertEquals(List.of(), store.history(b, id));

            long o = store.create(a, own("新品首发", MAY_1), "li", T0).id();
            Move notRegistered = store.move(a, o, CampaignStatus.REGISTERED, null, "li", t1);
            assertEquals("the shop's own campaign is not registered with a platform, so it cannot be registered", notRegistered.refusal());
            for (CampaignStatus s : List.of(CampaignStatus.LIVE, CampaignStatus.ENDED, CampaignStatus.REVIEWED)) {
                assertEquals(Outcome.MOVED, store.move(a, o, s, null, "li", t1).outcome(), s.toString());
            }
            assertTrue(store.move(a, o, CampaignStatus.LIVE, null, "li", t1).refusal().contains("end of the pipeline"));
            assertEquals(4, store.history(a, o).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reviewNotesAndReportedResults(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "activities")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            CampaignStore store = new CampaignStore(f.database().jdbi());
            long id = store.create(a, juhuasuan(MAY_1, "P-1"), "li", T0).id();
            StoredCampaign noted = store.review(a, id, "流量好，转化一般", "wang", T0.plusSeconds(5)).orElseThrow();
            assertEquals(List.of("流量好，转化一般", "wang"), List.of(noted.notes(), noted.updatedBy()));
            assertNull(store.review(a, id, " ", "wang", T0).orElseThrow().notes(), "blank clears");
            assertEquals(Optional.empty(), store.review(b, id, "x", "x", T0));

            CampaignResult d1 = new CampaignResult("聚划算 五一", MAY_1, 1000, 20_000, 1200, 40, 159_600);
            CampaignResult d2 = new CampaignResult("聚划算 五一", MAY_1.plusDays(1), 800, 15_000, 900, 30, 119_700);
            assertEquals(new com.shopops.api.ImportFormat.WriteResult(2, 0), store.writeResults(a, List.of(d1, d2)));
            assertEquals(new com.shopops.api.ImportFormat.WriteResult(0, 0), store.writeResults(a, List.of(d1, d2)));
            CampaignResult d2b = new CampaignResult("聚划算 五一", MAY_1.plusDays(1), 801, 15_000, 900, 31, 123_690);
            assertEquals(new com.shopops.api.ImportFormat.WriteResult(0, 1), store.writeResults(a, List.of(d2b)));
            store.writeResults(b, List.of(new CampaignResult("聚划算 五一", MAY_1, 1, 1, 1, 1, 1)));
            assertEquals(List.of(d1, d2b), store.results(a, "聚划算 五一", null, null));
            assertEquals(List.of(d2b), store.results(a, "聚划算 五一", MAY_1.plusDays(1), MAY_1.plusDays(9)));
        }
    }
}
