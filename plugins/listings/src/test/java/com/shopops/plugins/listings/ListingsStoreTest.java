package com.shopops.plugins.listings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.listings.ListingsStore.Decision;
import com.shopops.plugins.listings.ListingsStore.SheetProduct;
import com.shopops.plugins.listings.ListingsStore.SheetRow;
import com.shopops.plugins.listings.ListingsStore.Sighting;
import com.shopops.plugins.listings.analysis.MarketplaceListing;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The listings store on a real SQLite file and a real PostgreSQL schema: sightings merged per listing (a later
 * day replaces, an earlier one moves the first day, the same day changes nothing), listings by last seen day,
 * decisions made, changed and taken back, the sheet's product fields from the first variant that gives them,
 * and every row kept per shop.
 */
class ListingsStoreTest {

    static final LocalDate D1 = LocalDate.of(2024, 5, 1);
    static final Instant T0 = Instant.parse("2024-05-02T02:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sightingsAreMergedPerListingAndShop(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "listings")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            ListingsStore store = new ListingsStore(f.database().jdbi());
            assertEquals(new WriteResult(2, 0), store.writeSightings(a, List.of(
                    new Sighting("L1", "Copy", "title one", 5_000, null, null, D1.plusDays(1)),
                    new Sighting("L2", "Peer", "title two", 7_000, "https://x", "ab", D1))));
            store.writeSightings(b, List.of(new Sighting("L1", "Other", "b's", 1, null, null, D1)));
            // the same day again with another title changes nothing; a later day replaces; an earlier one moves the first day
            assertEquals(new WriteResult(0, 0), store.writeSightings(a, List.of(new Sighting("L1", "Copy", "same day", 1, null, null, D1.plusDays(1)))));
            assertEquals(new WriteResult(0, 2), store.writeSightings(a, List.of(
                    new Sighting("L1", "Copy2", "title one v2", 4_500, "https://y", "cd", D1.plusDays(3)),
                    new Sighting("L1", "Copy", "old", 9_999, null, null, D1.minusDays(5)))));
            List<MarketplaceListing> all = store.marketplace(a, D1.minusDays(30), D1.plusDays(30));
            assertEquals(List.of(
                    new MarketplaceListing("L1", "Copy2", "title one v2", 4_500, "https://y", "cd", D1.minusDays(5), D1.plusDays(3)),
                    new MarketplaceListing("L2", "Peer", "title two", 7_000, "https://x", "ab", D1, D1)), all);
            // by last seen day, both ends included
            assertEquals(List.of("L2"), store.marketplace(a, D1, D1.plusDays(2)).stream().map(MarketplaceListing::listingId).toList());
            assertEquals(List.of("L1"), store.marketplace(a, D1.plusDays(3), D1.plusDays(3)).stream().map(MarketplaceListing::listingId).toList());
            assertEquals("b's", store.marketplace(b, D1, D1).get(0).title());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void decisionsAreMadeChangedAndTakenBack(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "listings")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            ListingsStore store = new ListingsStore(f.database().jdbi());
            assertTrue(store.decide(a, "L1", "reported", "投诉单号 123", "li", T0));
            assertTrue(store.decide(a, "L2", "dismissed", null, "li", T0));
            assertTrue(store.decide(a, "L2", "reported", null, "wang", T0.plusSeconds(60)));
            assertEquals(Map.of("L1", new Decision("reported", "投诉单号 123", "li", T0),
                    "L2", new Decision("reported", null, "wang", T0.plusSeconds(60))), store.decisions(a));
            assertEquals(Map.of(), store.decisions(b));
            assertTrue(store.decide(a, "L1", "open", null, "li", T0));
            assertFalse(store.decide(a, "L1", "open", null, "li", T0), "nothing to take back");
            assertEquals(List.of("L2"), List.copyOf(store.decisions(a).keySet()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSheetGivesEachProductItsFieldsAndVariantPrices(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "listings")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            ListingsStore store = new ListingsStore(f.database().jdbi());
            assertEquals(new WriteResult(4, 0), store.writeSheet(a, List.of(
                    new SheetRow("P-1", "b", null, 200L, null, null, null, null),
                    new SheetRow("P-1", "a", "listed title", 100L, "kw", 8, 10, "hash"),
                    new SheetRow("P-1", "c", "other title", null, "other", 1, 10, null),
                    new SheetRow("P-2", "", null, null, null, null, null, null))));
            store.writeSheet(b, List.of(new SheetRow("P-1", "a", "b's", 1L, null, null, null, null)));
            assertEquals(new WriteResult(0, 0), store.writeSheet(a, List.of(new SheetRow("P-1", "b", null, 200L, null, null, null, null))));
            assertEquals(new WriteResult(0, 1), store.writeSheet(a, List.of(new SheetRow("P-1", "b", null, 250L, null, null, null, null))));
            Map<String, SheetProduct> sheet = store.sheet(a);
            // variant "a" comes first by name, so its title, keyword, attributes and hash are the product's
            assertEquals(new SheetProduct("P-1", "listed title", "kw", 8, 10, "hash", Map.of("a", 100L, "b", 250L)), sheet.get("P-1"));
            assertEquals(new SheetProduct("P-2", null, null, null, null, null, Map.of()), sheet.get("P-2"));
            assertEquals("b's", store.sheet(b).get("P-1").title());
        }
    }
}
