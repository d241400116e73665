package com.shopops.plugins.activities.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.activities.analysis.Campaign.Kind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignTemplateTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

    @Test
    void aNewArrivalIsThreeDaysAtTwentyPercentOff() {
        Campaign c = CampaignTemplate.instantiate(CampaignTemplate.NEW_ARRIVAL, "New arrival: linen dress", JUNE_1,
                List.of(new ListedProduct("DRESS", 12_900, 100), new ListedProduct("SKIRT", 9_990, 50)));
        assertEquals(new Campaign(0, "New arrival: linen dress", Kind.OWN, "own", null, null, JUNE_1, LocalDate.of(2026, 6, 3),
                null, null, CampaignStatus.PLANNED, null,
                List.of(new CampaignProduct("DRESS", 100, 10_320L), new CampaignProduct("SKIRT", 50, 7_992L))), c);
    }

    @Test
    void aPlatformTemplateSetsItsDeadlinesBeforeGoingLive() {
        Campaign c = CampaignTemplate.instantiate(CampaignTemplate.JUHUASUAN, "聚划算 June", LocalDate.of(2026, 6, 18),
                List.of(new ListedProduct("A", 9_999, 10), new ListedProduct("B", 12_345, 10)));
        assertEquals(Kind.PLATFORM, c.kind());
        assertEquals("聚划算", c.channel());
        assertEquals(LocalDate.of(2026, 6, 3), c.registrationDeadline(), "15 days before the 18th");
        assertEquals(LocalDate.of(2026, 6, 11), c.reviewOn(), "7 days before");
        assertEquals(LocalDate.of(2026, 6, 20), c.liveTo(), "18th, 19th, 20th");
        // 30% off: 6,999.3 rounds to 6,999 and 8,641.5 half up to 8,642
        assertEquals(List.of(6_999L, 8_642L), c.products().stream().map(CampaignProduct::price).toList());
    }

    @Test
    void noDiscountKeepsThePriceAndOneDayIsOneDay() {
        CampaignTemplate flat = new CampaignTemplate("member-day", Kind.OWN, "own", 1, 0, null, null);
        Campaign c = CampaignTemplate.instantiate(flat, "member day", JUNE_1, List.of(new ListedProduct("A", 5_000, 3)));
        assertNull(c.products().get(0).price());
        assertEquals(JUNE_1, c.liveTo());
    }

    @Test
    void builtInsByKey() {
        assertEquals(Optional.of(CampaignTemplate.TIANTIAN_TEJIA), CampaignTemplate.builtIn("tiantian-tejia"));
        assertTrue(CampaignTemplate.builtIn("none").isEmpty());
        assertEquals(3, CampaignTemplate.BUILT_IN.size());
    }

    @Test
    void impossibleTemplatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CampaignTemplate("x", Kind.OWN, "own", 0, 0.1, null, null));
        assertThrows(IllegalArgumentException.class, () -> new CampaignTemplate("x", Kind.OWN, "own", 3, 1.0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new CampaignTemplate("x", Kind.OWN, "own", 3, -0.1, null, null));
        assertThrows(IllegalArgumentException.class, () -> new CampaignTemplate("x", Kind.OWN, "own", 3, 0.1, 5, null));
        assertThrows(IllegalArgumentException.class, () -> new CampaignTemplate("x", Kind.PLATFORM, "聚划算", 3, 0.1, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> new CampaignTemplate(" ", Kind.PLATFORM, "聚划算", 3, 0.1, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new ListedProduct("A", -1, 3));
    }
}
