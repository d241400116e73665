package com.shopops.plugins.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.api.domain.Product;
import com.shopops.platform.Installation;
import com.shopops.platform.testing.DemoShops;
import com.shopops.plugins.activities.analysis.Campaign;
import com.shopops.plugins.activities.analysis.CampaignProduct;
import com.shopops.plugins.activities.analysis.CampaignStatus;
import com.shopops.plugins.activities.analysis.StatusPipeline;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activities part of the demo shop, written after the core demo into a real SQLite database: the
 * same seed gives the same campaigns, history and results; each campaign the brief asks for is there,
 * made of the shop's own products, with a history that walked the pipeline and results for the days
 * it was live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivitiesDemoTest {

    private static final LocalDate LAST = LocalDate.of(2026, 11, 22);
    private static final LocalDate TODAY = LAST.plusDays(1);
    private static final int DAYS = 60;

    @TempDir
    static Path dir;

    private Made first;
    private Made second;

    private record Made(Installation installation, Shop shop, CampaignStore store) {
    }

    private Made make(String name, long seed) {
        DemoShops.Made made = DemoShops.make(dir.resolve(name), "activities", ActivitiesDemoTest.class.getClassLoader(), new ActivitiesDemo(), seed, DAYS, LAST);
        return new Made(made.installation(), made.shop(), new CampaignStore(made.installation().database().jdbi()));
    }

    @BeforeAll
    void makeTwice() throws Exception {
        first = make("a", 7);
        second = make("b", 7);
    }

    @AfterAll
    void close() throws Exception {
        for (Made m : new Made[] {first, second}) {
            if (m != null) {
                m.installation().close();
            }
        }
    }

    private List<StoredCampaign> campaigns(Made m) {
        return m.store().list(m.shop().id(), CampaignStore.Filter.ALL);
    }

    private StoredCampaign named(String name) {
        return campaigns(first).stream().filter(c -> c.campaign().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no campaign " + name));
    }

    @Test
    void theSameSeedMakesTheSameCampaignsHistoryAndResults() {
        List<StoredCampaign> a = campaigns(first);
        List<StoredCampaign> b = campaigns(second);
        assertEquals(a, b);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(first.store().history(first.shop().id(), a.get(i).id()), second.store().history(second.shop().id(), b.get(i).id()));
            assertEquals(first.store().results(first.shop().id(), a.get(i).campaign().name(), null, null),
                    second.store().results(second.shop().id(), b.get(i).campaign().name(), null, null));
        }
    }

    @Test
    void eachCampaignOfTheStoryIsThere() {
        assertEquals(5, campaigns(first).size());
        Campaign live = named(ActivitiesDemo.LIVE).campaign();
        assertEquals(CampaignStatus.LIVE, live.status());
        assertTrue(!live.liveFrom().isAfter(LAST) && live.liveTo().isAfter(TODAY), "live now: " + live);

        Campaign ended = named(ActivitiesDemo.ENDED).campaign();
        assertEquals(CampaignStatus.ENDED, ended.status());
        assertTrue(ended.liveTo().isBefore(LAST));
        assertEquals(null, named(ActivitiesDemo.ENDED).notes(), "not reviewed");

        Campaign deadline = named(ActivitiesDemo.DEADLINE).campaign();
        assertEquals(CampaignStatus.PLANNED, deadline.status());
        assertEquals(TODAY.plusDays(2), deadline.registrationDeadline());

        StoredCampaign reviewed = named(ActivitiesDemo.REVIEWED);
        assertEquals(CampaignStatus.REVIEWED, reviewed.campaign().status());
        assertNotNull(reviewed.notes());

        StoredCampaign own = campaigns(first).stream().filter(c -> c.campaign().kind() == Campaign.Kind.OWN).findFirst().orElseThrow();
        assertTrue(own.campaign().name().startsWith("新品首发"), own.campaign().name());
        Product newest = first.installation().data().products(first.shop().id()).stream()
                .filter(p -> p.sku().equals(own.campaign().products().get(0).sku())).findFirst().orElseThrow();
        assertEquals(newest.listedOn(), own.campaign().liveFrom(), "the new product's first days");
        assertEquals(newest.listedOn().plusDays(2), own.campaign().liveTo());
    }

    @Test
    void campaignsAreMadeOfTheShopsProductsBelowTheirListPrice() {
        Map<String, Product> products = first.installation().data().products(first.shop().id()).stream()
                .collect(Collectors.toMap(Product::sku, p -> p));
        for (StoredCampaign s : campaigns(first)) {
            assertFalse(s.campaign().products().isEmpty(), s.campaign().name());
            for (CampaignProduct p : s.campaign().products()) {
                Product listed = products.get(p.sku());
                assertNotNull(listed, p.sku());
                assertTrue(p.price() < listed.price() && p.price() > listed.price() / 2, p + " against " + listed.price());
            }
            assertTrue(CampaignCheck.problem(s.campaign()).isEmpty(), s.campaign().toString());
        }
    }

    @Test
    void theHistoriesWalkThePipelineInTimeOrder() {
        for (StoredCampaign s : campaigns(first)) {
            List<StatusChange> history = first.store().history(first.shop().id(), s.id());
            assertEquals(CampaignStatus.PLANNED, history.get(0).to());
            for (int i = 1; i < history.size(); i++) {
                StatusChange h = history.get(i);
                assertTrue(StatusPipeline.refusal(s.campaign().kind(), h.from(), h.to()).isEmpty(), h.toString());
                assertEquals(history.get(i - 1).to(), h.from());
                assertTrue(h.at().isAfter(history.get(i - 1).at()), h.toString());
            }
            assertEquals(s.campaign().status(), history.get(history.size() - 1).to());
        }
    }

    @Test
    void platformResultsForEachLiveDayUpToYesterday() {
        for (String name : List.of(ActivitiesDemo.LIVE, ActivitiesDemo.ENDED, ActivitiesDemo.REVIEWED)) {
            Campaign c = named(name).campaign();
            List<CampaignResult> days = first.store().results(first.shop().id(), name, null, null);
            LocalDate end = c.liveTo().isAfter(LAST) ? LAST : c.liveTo();
            assertEquals(c.liveFrom().datesUntil(end.plusDays(1)).toList(), days.stream().map(CampaignResult::day).toList(), name);
            for (CampaignResult r : days) {
                assertTrue(r.uv() > 0 && r.clicks() <= r.impressions() && r.orders() <= r.uv(), r.toString());
            }
            assertTrue(days.stream().mapToLong(CampaignResult::orders).sum() > 0, name);
        }
        assertTrue(first.store().results(first.shop().id(), ActivitiesDemo.DEADLINE, null, null).isEmpty());
    }
}
